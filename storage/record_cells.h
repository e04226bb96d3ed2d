// Where one record's contribution goes: the keys of the rollup cells and of
// the comment index entry a stored record adds to. One definition, used by
// WritePlanner on ingest and by rollup_verify.h when it recomputes every
// cell from the raw records; what is added to those cells is
// ContributionOf / DriverContributionOf (core/rollup.h, core/drivers.h).
#ifndef CXSCORE_STORAGE_RECORD_CELLS_H_
#define CXSCORE_STORAGE_RECORD_CELLS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/records.h"

namespace cxscore::storage {

// The day a record is rolled up in: an interaction by opened_at, a
// response by submitted_at (UTC days).
int32_t RollupDayOf(const Interaction& interaction);
int32_t RollupDayOf(const SurveyResponse& response);

// Keys of the cells of `day` a record with this attribution and these
// attributes adds to: one per view of AllViews(), then one attribute-view
// cell per attribute. The same keys serve `rollups` (the record's
// ContributionOf) and, for a response, `driver_rollups` (its driver pairs,
// in the response's day).
std::vector<std::string> RollupCellKeys(const Interaction& record, int32_t day);
std::vector<std::string> RollupCellKeys(const SurveyResponse& record,
                                        int32_t day);

// The key of the response's entry in the `comments` index, or nullopt when
// it has no comment (and so no entry).
std::optional<std::string> CommentIndexKeyOf(const SurveyResponse& response);

}  // namespace cxscore::storage

#endif  // CXSCORE_STORAGE_RECORD_CELLS_H_
