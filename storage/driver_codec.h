// Cells of the `driver_rollups` column family: core::DriverCounts (joint
// histograms of metric score x service KPI) as a sparse cell (sparse_cell.h).
//
// Field id = ((pair id * 16 + row) << 12) | column, where the pair id is
// the explicit DriverPairId of the (metric, KPI) pair (persisted_ids.h; format
// version 2: metric x 5 + KPI of nps, csat, ces, ves x time_to_first_response,
// time_to_close, reopens, transfers, first_contact_resolution), row < 16 and
// column < 4096.
#ifndef CXSCORE_STORAGE_DRIVER_CODEC_H_
#define CXSCORE_STORAGE_DRIVER_CODEC_H_

#include <string>
#include <string_view>

#include "core/drivers.h"

namespace cxscore::storage {

std::string EncodeDriverCell(const DriverCounts& counts);

// counts += cell. False (and `counts` partly updated) on a malformed cell
// (sparse_cell.h), a field id no encoder writes (a pair id without a pair,
// a row beyond the metric's levels, a column beyond the KPI's max_column
// in core/metric.h) or a sum that overflows int64.
[[nodiscard]] bool AddEncodedDriverCell(std::string_view cell,
                                        DriverCounts* counts);

// True when AddEncodedDriverCell would accept `cell` into empty counts:
// well formed and every field id known. Builds nothing.
bool IsValidDriverCell(std::string_view cell);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_DRIVER_CODEC_H_
