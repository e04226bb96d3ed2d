// Rollup cells of the `rollups` column family: core::RollupCounts as a
// sparse cell (sparse_cell.h).
//
// Field ids (persisted; never reuse):
//   0..10    nps count of score 0..10
//   16..20   csat count of score 1..5
//   24..30   ces count of score 1..7
//   32..44   VES count of doubled response mean 2..14
//   48..54   ves_ability count of 1..7
//   56..62   ves_confidence count of 1..7
//   64..75   service scalars, in ServiceCounts declaration order
//   1024+b   time_to_close bucket b          (b < 3072)
//   4096+b   time_to_first_response bucket b (b < 3072)
#ifndef CXSCORE_STORAGE_ROLLUP_CODEC_H_
#define CXSCORE_STORAGE_ROLLUP_CODEC_H_

#include <string>
#include <string_view>

#include "core/rollup.h"

namespace cxscore::storage {

std::string EncodeRollupCell(const RollupCounts& counts);

// counts += cell. False (and `counts` partly updated) on a malformed cell
// (sparse_cell.h), an unknown field id (none of the ranges above, or a
// bucket beyond DurationHistogram::kMaxBucket) or a sum that overflows
// int64.
[[nodiscard]] bool AddEncodedCell(std::string_view cell, RollupCounts* counts);

// True when AddEncodedCell would accept `cell` into empty counts: well
// formed and every field id known.
bool IsValidRollupCell(std::string_view cell);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_ROLLUP_CODEC_H_
