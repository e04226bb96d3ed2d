// The compatibility database (docs/storage-format.md, "Compatibility test"):
// a small but varied data set, and the answers a Store gives about it in a
// stable textual form.
//
// make_compat_db writes the data set with the storage code of its commit into
// tests/storage/testdata/compat_v2/ and the answers next to it; compat_test
// opens a copy of that database with the current code and compares the
// answers. The answers name every count by its meaning (metric, score, KPI),
// never by an enum's position, so they stay comparable when the code's types
// change.
#ifndef CXSCORE_TOOLS_COMPAT_DB_COMPAT_DB_H_
#define CXSCORE_TOOLS_COMPAT_DB_COMPAT_DB_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "storage/store.h"

namespace cxscore::compat_db {

// Writes the data set into `store` (empty before): interactions and survey
// responses of several agents, teams and channels with every metric (NPS,
// CSAT, CES, VES), attributes, comments, responses linked to interactions
// stored before and after them or never, a duplicate and interaction
// upserts. Fails when a write fails or is not accepted as expected.
absl::Status WriteDataSet(storage::Store& store);

// Runs the fixed queries (rollups by several groupings and filters, drivers,
// comments, records by id) and prints their answers, one fact a line.
absl::StatusOr<std::string> Answers(storage::Store& store);

}  // namespace cxscore::compat_db

#endif  // CXSCORE_TOOLS_COMPAT_DB_COMPAT_DB_H_
