// Binary encoding of rollup cells (core::RollupCounts), format version 1.
//
//   [version byte = 1] then, in strictly increasing field id order,
//   pairs (varint field id, zigzag varint value), zero values omitted.
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
// The sum of two cells is the field-wise sum, so cells merge without being
// decoded into RollupCounts (MergeEncodedCells).
#ifndef CXSCORE_STORAGE_ROLLUP_CODEC_H_
#define CXSCORE_STORAGE_ROLLUP_CODEC_H_

#include <string>
#include <string_view>

#include "core/rollup.h"

namespace cxscore::storage {

inline constexpr char kRollupFormatVersion = 1;

std::string EncodeRollupCell(const RollupCounts& counts);

// counts += cell. False (and `counts` partly updated) on a malformed cell.
[[nodiscard]] bool AddEncodedCell(std::string_view cell, RollupCounts* counts);

// *out = encoding of (a + b). False on malformed input.
[[nodiscard]] bool MergeEncodedCells(std::string_view a, std::string_view b,
                                     std::string* out);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_ROLLUP_CODEC_H_
