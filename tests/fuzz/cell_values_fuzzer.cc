// Fuzzes the typed cell parsers of the canonical CSV
// (client/import/cell_values.h): integers, booleans, RFC 3339 timestamps,
// dates and the UTF-8 check, and what their results promise.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "client/import/cell_values.h"

namespace {

using namespace cxscore::client;  // NOLINT: a fuzz target of this API

// ParseRfc3339 promises years 0001..9999 only (ToProtoTimestamp's range).
void CheckTime(absl::Time t) {
  static const absl::Time kMin =
      absl::FromCivil(absl::CivilSecond(1, 1, 1, 0, 0, 0),
                      absl::UTCTimeZone()) -
      absl::Hours(24);
  static const absl::Time kMax =
      absl::FromCivil(absl::CivilSecond(10000, 1, 1, 0, 0, 0),
                      absl::UTCTimeZone()) +
      absl::Hours(24);
  if (t < kMin || t > kMax) std::abort();
  const google::protobuf::Timestamp ts = ToProtoTimestamp(t);
  if (ts.nanos() < 0 || ts.nanos() > 999999999) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view cell(reinterpret_cast<const char*>(data), size);
  if (auto v = ParseIntCell(cell); v.ok()) {
    // An accepted integer reads back from its own decimal form.
    auto again = ParseIntCell(std::to_string(*v));
    if (!again.ok() || *again != *v) std::abort();
  }
  (void)ParseBoolCell(cell);
  if (auto t = ParseRfc3339(cell); t.ok()) CheckTime(*t);
  if (auto t = ParseUtcDate(cell); t.ok()) CheckTime(*t);
  (void)IsValidUtf8(cell);
  return 0;
}
