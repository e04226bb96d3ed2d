#include "storage/driver_codec.h"

#include <gtest/gtest.h>

#include "storage/sparse_cell.h"

namespace cxscore::storage {
namespace {

DriverCounts Sample() {
  DriverCounts counts;
  counts.pair(Metric::kNps, Kpi::kTimeToFirstResponse).Add(0, 0, 3);
  counts.pair(Metric::kVes, Kpi::kFirstContactResolution)
      .Add(12, 1, 7);
  counts.pair(Metric::kCes, Kpi::kTimeToClose)
      .Add(6, DurationHistogram::kMaxBucket, -2);
  return counts;
}

TEST(DriverCodecTest, RoundTripsEveryCorner) {
  DriverCounts decoded;
  ASSERT_TRUE(AddEncodedDriverCell(EncodeDriverCell(Sample()), &decoded));
  EXPECT_EQ(decoded, Sample());
}

TEST(DriverCodecTest, MergedCellsDecodeToTheSum) {
  std::string merged;
  ASSERT_TRUE(MergeEncodedCells(EncodeDriverCell(Sample()),
                                EncodeDriverCell(Sample()), &merged));
  DriverCounts decoded, expected = Sample();
  expected.AddAll(Sample());
  ASSERT_TRUE(AddEncodedDriverCell(merged, &decoded));
  EXPECT_EQ(decoded, expected);
}

TEST(DriverCodecTest, RejectsFieldsBeyondThePairs) {
  CellWriter w;
  w.Field(uint64_t{20 * 16} << 12, 1);  // pair 20 does not exist
  DriverCounts decoded;
  EXPECT_FALSE(AddEncodedDriverCell(w.Take(), &decoded));
}

}  // namespace
}  // namespace cxscore::storage
