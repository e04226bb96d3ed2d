// Just enough PNG decoding (8-bit RGB/RGBA, not interlaced: what Chromium's
// screenshots are) to check that a rendered page is not blank.
#ifndef CXSCORE_TESTS_CLIENT_DOCUMENTS_PNG_IMAGE_H_
#define CXSCORE_TESTS_CLIENT_DOCUMENTS_PNG_IMAGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace cxscore::client {

struct RgbImage {
  int width = 0, height = 0;
  std::vector<uint8_t> rgb;  // width * height * 3
};

absl::StatusOr<RgbImage> DecodePng(const std::string& bytes);

// Share of pixels that are not (near) white, 0..1.
double InkShare(const RgbImage& image);
// Distinct colors, each channel quantized to 32 levels.
int DistinctColors(const RgbImage& image);

}  // namespace cxscore::client

#endif  // CXSCORE_TESTS_CLIENT_DOCUMENTS_PNG_IMAGE_H_
