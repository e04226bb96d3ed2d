#include "storage/rollup_codec.h"
#include "storage/sparse_cell.h"

#include <gtest/gtest.h>

#include "tests/storage/test_records.h"

namespace cxscore::storage {
namespace {

using cxscore::testing::Response;
using cxscore::testing::Ticket;
using cxscore::testing::Utc;

RollupCounts Sample() {
  SurveyResponse r = Response("r1", "a", "chat", Utc(2025, 2, 3), 9, 4);
  r.ces = 6;
  r.ves_ability = 5;
  r.ves_confidence = 2;
  RollupCounts counts = ContributionOf(r);
  counts.AddAll(ContributionOf(Ticket("t1", "a", Utc(2025, 2, 3), absl::Hours(30))));
  return counts;
}

RollupCounts Decode(std::string_view cell) {
  RollupCounts counts;
  EXPECT_TRUE(AddEncodedCell(cell, &counts));
  return counts;
}

TEST(RollupCodecTest, RoundTrips) {
  const RollupCounts counts = Sample();
  EXPECT_EQ(Decode(EncodeRollupCell(counts)), counts);
}

TEST(RollupCodecTest, MergeIsTheSum) {
  const RollupCounts a = Sample();
  RollupCounts b = ContributionOf(Response("r2", "b", "", Utc(2025, 1, 1), 3));
  std::string merged;
  ASSERT_TRUE(MergeEncodedCells(EncodeRollupCell(a), EncodeRollupCell(b), &merged));
  RollupCounts expected = a;
  expected.AddAll(b);
  EXPECT_EQ(Decode(merged), expected);
}

TEST(RollupCodecTest, OppositeDeltasCancelToAnEmptyCell) {
  RollupCounts negative;
  negative.AddAll(Sample(), -1);
  std::string merged;
  ASSERT_TRUE(MergeEncodedCells(EncodeRollupCell(Sample()),
                                EncodeRollupCell(negative), &merged));
  EXPECT_TRUE(Decode(merged).IsZero());
  EXPECT_EQ(merged.size(), 1u);  // the version byte only
}

TEST(RollupCodecTest, RejectsUnknownVersionAndTruncation) {
  std::string cell = EncodeRollupCell(Sample());
  RollupCounts counts;
  std::string wrong_version = cell;
  wrong_version[0] = 2;
  EXPECT_FALSE(AddEncodedCell(wrong_version, &counts));
  std::string truncated = cell.substr(0, cell.size() - 1);
  truncated.push_back('\x80');  // a varint that never ends
  EXPECT_FALSE(AddEncodedCell(truncated, &counts));
  std::string out;
  EXPECT_FALSE(MergeEncodedCells(cell, truncated, &out));
}

}  // namespace
}  // namespace cxscore::storage
