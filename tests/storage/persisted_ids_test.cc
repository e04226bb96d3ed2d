// Pins the field ids the codecs write (docs/storage-format.md): a database
// written by an older build must read back the same, whatever the order of
// the catalogue (core/metric.h).
#include "storage/persisted_ids.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "core/drivers.h"
#include "core/rollup.h"
#include "storage/driver_codec.h"
#include "storage/rollup_codec.h"
#include "storage/sparse_cell.h"

namespace cxscore::storage {
namespace {

std::map<uint64_t, int64_t> FieldsOf(const std::string& cell) {
  std::map<uint64_t, int64_t> fields;
  CellReader reader(cell);
  uint64_t id = 0;
  int64_t value = 0;
  while (reader.Next(&id, &value)) fields[id] = value;
  EXPECT_TRUE(reader.ok());
  return fields;
}

TEST(PersistedIdsTest, RollupFieldIdsOfEveryScoreHistogram) {
  RollupCounts counts;
  counts.scores.nps = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
  counts.scores.csat = {3, 0, 0, 0, 4};
  counts.scores.ces = {5, 0, 0, 0, 0, 0, 6};
  counts.scores.ves_doubled_mean = {7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8};
  counts.scores.ves_ability = {9, 0, 0, 0, 0, 0, 10};
  counts.scores.ves_confidence = {11, 0, 0, 0, 0, 0, 12};
  const std::map<uint64_t, int64_t> expected = {
      {0, 1},  {10, 2}, {16, 3}, {20, 4},  {24, 5},  {30, 6},
      {32, 7}, {44, 8}, {48, 9}, {54, 10}, {56, 11}, {62, 12}};
  EXPECT_EQ(FieldsOf(EncodeRollupCell(counts)), expected);
}

TEST(PersistedIdsTest, RollupFieldIdsOfTheServiceSums) {
  RollupCounts counts;
  ServiceCounts& s = counts.service;
  const std::pair<int64_t*, uint64_t> field_ids[] = {
      {&s.transfers_sum, 75},   {&s.interactions, 64},
      {&s.reopens_sum, 73},     {&s.closed, 65},
      {&s.transfers_known, 74}, {&s.close_seconds_sum, 66},
      {&s.reopened, 72},        {&s.first_responses, 67},
      {&s.reopens_known, 71},   {&s.first_response_seconds_sum, 68},
      {&s.fcr_yes, 70},         {&s.fcr_known, 69}};
  std::map<uint64_t, int64_t> expected;
  int64_t value = 0;
  for (const auto& [field, id] : field_ids) {
    *field = ++value;
    expected[id] = value;
  }
  s.time_to_close.Add(5, 13);
  s.time_to_first_response.Add(7, 14);
  expected[1024 + 5] = 13;
  expected[4096 + 7] = 14;
  EXPECT_EQ(FieldsOf(EncodeRollupCell(counts)), expected);
}

TEST(PersistedIdsTest, DriverPairIdsAreMetricTimesFivePlusKpi) {
  // Format version 2's order: nps, csat, ces, ves x time_to_first_response,
  // time_to_close, reopens, transfers, first_contact_resolution.
  const Metric metrics[] = {Metric::kNps, Metric::kCsat, Metric::kCes,
                            Metric::kVes};
  const Kpi kpis[] = {Kpi::kTimeToFirstResponse, Kpi::kTimeToClose,
                      Kpi::kReopens, Kpi::kTransfers,
                      Kpi::kFirstContactResolution};
  for (int m = 0; m < 4; ++m) {
    for (int k = 0; k < 5; ++k) {
      DriverCounts counts;
      counts.pair(metrics[m], kpis[k]).Add(/*row=*/3, /*column=*/2, 1);
      const uint64_t pair_id = m * 5 + k;
      EXPECT_EQ(DriverPairId(metrics[m], kpis[k]), pair_id);
      const std::map<uint64_t, int64_t> expected = {
          {((pair_id * 16 + 3) << 12) | 2, 1}};
      EXPECT_EQ(FieldsOf(EncodeDriverCell(counts)), expected)
          << "metric " << m << ", KPI " << k;
    }
  }
}

}  // namespace
}  // namespace cxscore::storage
