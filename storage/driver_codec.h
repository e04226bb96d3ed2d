// Cells of the `driver_rollups` column family: core::DriverCounts (joint
// histograms of metric score x service KPI) as a sparse cell (sparse_cell.h).
//
// Field id = ((pair * 16 + row) << 12) | column, where pair = metric * 5 +
// KPI (core/drivers.h enum order), row < 16 and column < 4096.
#ifndef CXSCORE_STORAGE_DRIVER_CODEC_H_
#define CXSCORE_STORAGE_DRIVER_CODEC_H_

#include <string>
#include <string_view>

#include "core/drivers.h"

namespace cxscore::storage {

std::string EncodeDriverCell(const DriverCounts& counts);

// counts += cell. False (and `counts` partly updated) on a malformed cell.
[[nodiscard]] bool AddEncodedDriverCell(std::string_view cell,
                                        DriverCounts* counts);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_DRIVER_CODEC_H_
