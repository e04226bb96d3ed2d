#include "tests/client/documents/png_image.h"

#include <zlib.h>

#include <cstdlib>
#include <cstring>
#include <set>

namespace cxscore::client {
namespace {

uint32_t BigEndian32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) |
         (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

int Paeth(int a, int b, int c) {
  const int p = a + b - c;
  const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

}  // namespace

absl::StatusOr<RgbImage> DecodePng(const std::string& bytes) {
  static const unsigned char kSignature[8] = {0x89, 'P',  'N',  'G',
                                              '\r', '\n', 0x1a, '\n'};
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kSignature, 8) != 0) {
    return absl::InvalidArgumentError("not a PNG file");
  }
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t pos = 8;
  RgbImage image;
  int channels = 0;
  std::string idat;
  while (pos + 8 <= bytes.size()) {
    const uint32_t length = BigEndian32(data + pos);
    const std::string type(bytes.data() + pos + 4, 4);
    if (pos + 12 + length > bytes.size()) break;
    const unsigned char* chunk = data + pos + 8;
    if (type == "IHDR") {
      image.width = static_cast<int>(BigEndian32(chunk));
      image.height = static_cast<int>(BigEndian32(chunk + 4));
      const int depth = chunk[8], color = chunk[9], interlace = chunk[12];
      if (depth != 8 || interlace != 0 || (color != 2 && color != 6)) {
        return absl::UnimplementedError("only 8-bit RGB(A), not interlaced");
      }
      channels = color == 6 ? 4 : 3;
    } else if (type == "IDAT") {
      idat.append(reinterpret_cast<const char*>(chunk), length);
    } else if (type == "IEND") {
      break;
    }
    pos += 12 + length;
  }
  if (channels == 0) return absl::InvalidArgumentError("no IHDR");
  const size_t stride = static_cast<size_t>(image.width) * channels;
  std::vector<unsigned char> raw((stride + 1) * image.height);
  uLongf raw_size = raw.size();
  if (uncompress(raw.data(), &raw_size,
                 reinterpret_cast<const Bytef*>(idat.data()),
                 idat.size()) != Z_OK ||
      raw_size != raw.size()) {
    return absl::InvalidArgumentError("bad image data");
  }
  std::vector<unsigned char> previous(stride, 0), line(stride);
  image.rgb.resize(static_cast<size_t>(image.width) * image.height * 3);
  for (int y = 0; y < image.height; ++y) {
    const unsigned char* in = raw.data() + y * (stride + 1);
    const int filter = in[0];
    for (size_t i = 0; i < stride; ++i) {
      const int a = i >= static_cast<size_t>(channels) ? line[i - channels] : 0;
      const int b = previous[i];
      const int c =
          i >= static_cast<size_t>(channels) ? previous[i - channels] : 0;
      int v = in[1 + i];
      switch (filter) {
        case 1:
          v += a;
          break;
        case 2:
          v += b;
          break;
        case 3:
          v += (a + b) / 2;
          break;
        case 4:
          v += Paeth(a, b, c);
          break;
        default:
          break;
      }
      line[i] = static_cast<unsigned char>(v);
    }
    for (int x = 0; x < image.width; ++x) {
      for (int k = 0; k < 3; ++k) {
        image.rgb[(static_cast<size_t>(y) * image.width + x) * 3 + k] =
            line[x * channels + k];
      }
    }
    previous = line;
  }
  return image;
}

double InkShare(const RgbImage& image) {
  const size_t pixels = image.rgb.size() / 3;
  if (pixels == 0) return 0;
  size_t ink = 0;
  for (size_t i = 0; i < pixels; ++i) {
    const uint8_t* p = &image.rgb[i * 3];
    if (p[0] < 235 || p[1] < 235 || p[2] < 235) ++ink;
  }
  return static_cast<double>(ink) / static_cast<double>(pixels);
}

int DistinctColors(const RgbImage& image) {
  std::set<int> colors;
  for (size_t i = 0; i + 2 < image.rgb.size(); i += 3) {
    colors.insert((image.rgb[i] >> 3) << 10 | (image.rgb[i + 1] >> 3) << 5 |
                  (image.rgb[i + 2] >> 3));
  }
  return static_cast<int>(colors.size());
}

}  // namespace cxscore::client
