// Raw records <-> bytes in the interactions and responses column families.
#ifndef CXSCORE_STORAGE_RECORD_CODEC_H_
#define CXSCORE_STORAGE_RECORD_CODEC_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "core/records.h"

namespace cxscore::storage {

// Times are stored with microsecond precision; finer digits are dropped.
std::string EncodeInteraction(const Interaction& interaction);
absl::StatusOr<Interaction> DecodeInteraction(std::string_view bytes);

std::string EncodeResponse(const SurveyResponse& response);
absl::StatusOr<SurveyResponse> DecodeResponse(std::string_view bytes);

// The record as it reads back after a store round trip (times truncated to
// microseconds). Duplicate detection compares normalised records.
Interaction Normalized(Interaction interaction);
SurveyResponse Normalized(SurveyResponse response);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_RECORD_CODEC_H_
