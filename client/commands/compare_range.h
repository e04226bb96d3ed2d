// `cxscore scores --compare previous|FROM..TO`: the range every group is
// compared against (GetScoresRequest.compare_from / compare_to).
#ifndef CXSCORE_CLIENT_COMMANDS_COMPARE_RANGE_H_
#define CXSCORE_CLIENT_COMMANDS_COMPARE_RANGE_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "cxscore/v1/cxscore.pb.h"

namespace cxscore::client {

// A half-open range [from, to) as sent on the wire.
struct CompareRange {
  absl::Time from;
  absl::Time to;
};

// `text` is one of:
//   "previous"  the range of the same length right before the selection.
//               The server counts whole UTC days, so the selection is first
//               rounded out to whole days [F, T) (as the server does) and
//               the answer is [F - (T - F), F): --from 2025-03-01 --to
//               2025-03-31 (31 days) compares with 2025-01-29..2025-02-28.
//               InvalidArgument unless `selection` has both bounds.
//   "FROM..TO"  each a date (FROM inclusive from its midnight, TO inclusive
//               up to the next midnight, as --from and --to) or an RFC 3339
//               timestamp (taken as is); FROM must be before TO.
// `selection` is the query's, already checked (BuildSelection).
absl::StatusOr<CompareRange> ParseCompareRange(absl::string_view text,
                                               const v1::Selection& selection);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_COMPARE_RANGE_H_
