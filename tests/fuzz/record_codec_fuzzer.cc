// Fuzzes the decoders of stored records (storage/record_codec.h): any bytes
// give a record or DATA_LOSS, and a decoded record re-encodes to bytes that
// decode to the same record.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "google/protobuf/stubs/logging.h"
#include "storage/record_codec.h"

using namespace cxscore;           // NOLINT: a fuzz target of this API
using namespace cxscore::storage;  // NOLINT

namespace {

template <typename Record, typename Decode, typename Encode>
void RoundTrip(std::string_view bytes, Decode decode, Encode encode) {
  absl::StatusOr<Record> record = decode(bytes);
  if (!record.ok()) {
    if (record.status().code() != absl::StatusCode::kDataLoss) std::abort();
    return;
  }
  const std::string again = encode(*record);
  absl::StatusOr<Record> back = decode(again);
  if (!back.ok() || !(*back == *record)) std::abort();
  if (!(Normalized(*record) == *record)) std::abort();  // micros on disk
}

}  // namespace

// Invalid UTF-8 in a string field is a parse failure that protobuf also
// logs; millions of those lines would drown the fuzzer's output.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  RoundTrip<Interaction>(bytes, DecodeInteraction, EncodeInteraction);
  RoundTrip<SurveyResponse>(bytes, DecodeResponse, EncodeResponse);
  return 0;
}
