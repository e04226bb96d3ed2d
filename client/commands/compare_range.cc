#include "client/commands/compare_range.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "client/commands/selection_args.h"

namespace cxscore::client {
namespace {

constexpr absl::string_view kExpected =
    "expected previous or FROM..TO, each a date YYYY-MM-DD (UTC) or an RFC "
    "3339 timestamp, e.g. 2025-01-01..2025-01-31";

absl::Time ToTime(const google::protobuf::Timestamp& t) {
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

absl::Time FloorToDay(absl::Time t) {
  return absl::UnixEpoch() +
         absl::Floor(t - absl::UnixEpoch(), absl::Hours(24));
}

absl::Time CeilToDay(absl::Time t) {
  return absl::UnixEpoch() + absl::Ceil(t - absl::UnixEpoch(), absl::Hours(24));
}

absl::StatusOr<CompareRange> PreviousRange(const v1::Selection& selection) {
  if (!selection.has_from() || !selection.has_to()) {
    return absl::InvalidArgumentError(
        "--compare previous needs both --from and --to (it compares with the "
        "period of the same length right before them)");
  }
  const absl::Time from = FloorToDay(ToTime(selection.from()));
  const absl::Time to = CeilToDay(ToTime(selection.to()));
  return CompareRange{from - (to - from), from};
}

}  // namespace

absl::StatusOr<CompareRange> ParseCompareRange(absl::string_view text,
                                               const v1::Selection& selection) {
  if (text == "previous") return PreviousRange(selection);

  const size_t dots = text.find("..");
  if (dots == absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("--compare \"", text, "\": ", kExpected));
  }
  const absl::string_view from_text = text.substr(0, dots);
  const absl::string_view to_text = text.substr(dots + 2);
  absl::StatusOr<absl::Time> from = ParseTimeBound(from_text, TimeBound::kFrom);
  absl::StatusOr<absl::Time> to = ParseTimeBound(to_text, TimeBound::kTo);
  if (!from.ok() || !to.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--compare \"", text, "\": ", !from.ok() ? "FROM \"" : "TO \"",
        !from.ok() ? from_text : to_text, "\" is not valid; ", kExpected));
  }
  if (*from >= *to) {
    return absl::InvalidArgumentError(
        absl::StrCat("--compare \"", text,
                     "\": FROM is not before TO (the period would be empty)"));
  }
  return CompareRange{*from, *to};
}

}  // namespace cxscore::client
