// Canonical CSV rows (issue 3 / docs/data-format.md) for generated records:
// the files `cxscore import` and bench/compare read.
#ifndef CXSCORE_BENCH_DATAGEN_CSV_H_
#define CXSCORE_BENCH_DATAGEN_CSV_H_

#include <string>

#include "absl/time/time.h"
#include "core/records.h"

namespace cxscore::bench {

// "2025-01-01T09:30:00Z": RFC 3339, UTC, whole seconds (sub-seconds are
// dropped).
void AppendRfc3339(absl::Time t, std::string* out);

// Header lines (with '\n'), in canonical column order. Records with
// attributes are not written by the generator and not supported here.
const std::string& InteractionsCsvHeader();
const std::string& ResponsesCsvHeader();

// One row each, '\n'-terminated, RFC 4180 quoting where needed.
void AppendCsvRow(const Interaction& interaction, std::string* out);
void AppendCsvRow(const SurveyResponse& response, std::string* out);

}  // namespace cxscore::bench

#endif  // CXSCORE_BENCH_DATAGEN_CSV_H_
