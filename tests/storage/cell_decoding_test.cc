// Decoding a stored cell trusts nothing: every shape an encoder never writes
// is rejected (varints, field order, zero values, unknown ids, driver
// bounds, overflowing sums), by the codecs and by the merge operator.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "core/drivers.h"
#include "core/rollup.h"
#include "rocksdb/merge_operator.h"
#include "storage/driver_codec.h"
#include "storage/persisted_ids.h"
#include "storage/rollup_codec.h"
#include "storage/rollup_merge_operator.h"
#include "storage/sparse_cell.h"
#include "storage/varint.h"

namespace cxscore::storage {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

// A cell of (field id, value) pairs written as given (no sorting, zeros
// kept), after the version byte.
std::string RawCell(const std::vector<std::pair<uint64_t, int64_t>>& fields) {
  std::string cell(1, kCellFormatVersion);
  for (const auto& [id, value] : fields) {
    AppendVarint(id, &cell);
    AppendVarint(ZigZagEncode(value), &cell);
  }
  return cell;
}

bool ReadsVarint(std::string bytes, uint64_t* v) {
  std::string_view in = bytes;
  return ReadVarint(&in, v);
}

TEST(VarintTest, ReadsWhatAppendVarintWrites) {
  for (uint64_t v : {uint64_t{0}, uint64_t{1}, uint64_t{127}, uint64_t{128},
                     uint64_t{1} << 63, std::numeric_limits<uint64_t>::max()}) {
    std::string bytes;
    AppendVarint(v, &bytes);
    uint64_t read = 7;
    ASSERT_TRUE(ReadsVarint(bytes, &read)) << v;
    EXPECT_EQ(read, v);
  }
}

TEST(VarintTest, RejectsATenthByteAboveOne) {
  // Nine continuation bytes, then 0x02: bit 64 would be set.
  std::string bytes(9, '\xff');
  bytes.push_back('\x02');
  uint64_t v = 0;
  EXPECT_FALSE(ReadsVarint(bytes, &v));
  bytes.back() = '\x01';
  EXPECT_TRUE(ReadsVarint(bytes, &v));
  EXPECT_EQ(v, std::numeric_limits<uint64_t>::max());
}

TEST(VarintTest, RejectsOverLongTruncatedAndElevenByteEncodings) {
  uint64_t v = 0;
  EXPECT_FALSE(ReadsVarint(std::string("\x80\x00", 2), &v));  // 0, two bytes
  EXPECT_FALSE(ReadsVarint(std::string("\x81\x80\x00", 3), &v));
  EXPECT_FALSE(ReadsVarint("\x80", &v));
  EXPECT_FALSE(ReadsVarint("", &v));
  EXPECT_FALSE(ReadsVarint(std::string(10, '\x80') + "\x01", &v));
  EXPECT_TRUE(ReadsVarint(std::string("\x00", 1), &v));
  EXPECT_EQ(v, 0u);
}

TEST(SparseCellTest, RejectsFieldIdsThatDoNotIncrease) {
  EXPECT_TRUE(IsWellFormedCell(RawCell({{1, 5}, {2, 5}})));
  EXPECT_FALSE(IsWellFormedCell(RawCell({{2, 5}, {1, 5}})));
  EXPECT_FALSE(IsWellFormedCell(RawCell({{3, 5}, {3, 5}})));
  std::string out;
  EXPECT_FALSE(
      MergeEncodedCells(RawCell({{1, 1}}), RawCell({{4, 1}, {2, 1}}), &out));
}

TEST(SparseCellTest, RejectsZeroValuesAndBadVersions) {
  EXPECT_FALSE(IsWellFormedCell(RawCell({{1, 0}})));
  EXPECT_FALSE(IsWellFormedCell(""));
  std::string cell = RawCell({{1, 1}});
  cell[0] = 2;
  EXPECT_FALSE(IsWellFormedCell(cell));
  EXPECT_TRUE(IsWellFormedCell(RawCell({})));
}

TEST(SparseCellTest, RejectsAnOverLongFieldId) {
  std::string cell(1, kCellFormatVersion);
  cell += std::string("\x81\x00\x02", 3);  // id 1 in two bytes, value 1
  EXPECT_FALSE(IsWellFormedCell(cell));
}

TEST(SparseCellTest, MergeFailsWhenASumOverflows) {
  std::string out = "untouched";
  EXPECT_FALSE(
      MergeEncodedCells(RawCell({{1, kMax}}), RawCell({{1, 1}}), &out));
  EXPECT_EQ(out, "untouched");
  EXPECT_FALSE(
      MergeEncodedCells(RawCell({{1, -kMax - 1}}), RawCell({{1, -1}}), &out));
  ASSERT_TRUE(
      MergeEncodedCells(RawCell({{1, kMax}}), RawCell({{1, -1}}), &out));
  EXPECT_EQ(out, RawCell({{1, kMax - 1}}));
}

TEST(RollupCodecDecodeTest, RejectsFieldIdsBetweenTheRanges) {
  // 11..15 (after NPS), 63, 76 (after the scalars), the bucket after the
  // last of each duration histogram, 8192.
  const uint64_t buckets = DurationHistogram::kMaxBucket + 1;
  for (uint64_t id :
       {uint64_t{11}, uint64_t{15}, uint64_t{21}, uint64_t{45}, uint64_t{63},
        kServiceFieldBase + kServiceFieldCount, kCloseBucketFieldBase + buckets,
        kFirstResponseBucketFieldBase + buckets, uint64_t{8192}}) {
    RollupCounts counts;
    EXPECT_FALSE(AddEncodedCell(RawCell({{id, 1}}), &counts)) << id;
    EXPECT_FALSE(IsValidRollupCell(RawCell({{id, 1}}))) << id;
  }
  for (uint64_t id : {uint64_t{10}, uint64_t{62}, uint64_t{75},
                      kCloseBucketFieldBase + buckets - 1,
                      kFirstResponseBucketFieldBase + buckets - 1}) {
    RollupCounts counts;
    EXPECT_TRUE(AddEncodedCell(RawCell({{id, 1}}), &counts)) << id;
    EXPECT_TRUE(IsValidRollupCell(RawCell({{id, 1}}))) << id;
  }
}

TEST(RollupCodecDecodeTest, RejectsASumThatOverflows) {
  // Each id: a histogram level, a VES item, a scalar, a duration bucket.
  for (uint64_t id :
       {uint64_t{3}, uint64_t{50}, uint64_t{66}, kCloseBucketFieldBase + 7}) {
    RollupCounts counts;
    ASSERT_TRUE(AddEncodedCell(RawCell({{id, kMax}}), &counts)) << id;
    EXPECT_FALSE(AddEncodedCell(RawCell({{id, 1}}), &counts)) << id;
    RollupCounts expected;
    ASSERT_TRUE(AddEncodedCell(RawCell({{id, kMax}}), &expected));
    EXPECT_EQ(counts, expected) << id << ": the failed add changed nothing";
  }
}

TEST(RollupCodecDecodeTest, RejectsNonIncreasingIdsAndZeroValues) {
  RollupCounts counts;
  EXPECT_FALSE(AddEncodedCell(RawCell({{5, 1}, {3, 1}}), &counts));
  EXPECT_FALSE(AddEncodedCell(RawCell({{5, 0}}), &counts));
  EXPECT_FALSE(IsValidRollupCell(RawCell({{5, 1}, {5, 1}})));
}

// The driver field id of (pair id, row, column).
uint64_t DriverField(uint64_t pair_id, uint64_t row, uint64_t column) {
  return ((pair_id * 16 + row) << 12) | column;
}

TEST(DriverCodecDecodeTest, RejectsRowsBeyondTheMetricsLevels) {
  const uint32_t csat_ttc = DriverPairId(Metric::kCsat, Kpi::kTimeToClose);
  DriverCounts counts;
  EXPECT_TRUE(AddEncodedDriverCell(RawCell({{DriverField(csat_ttc, 4, 0), 1}}),
                                   &counts));
  for (uint64_t row : {5, 15}) {
    const std::string cell = RawCell({{DriverField(csat_ttc, row, 0), 1}});
    EXPECT_FALSE(AddEncodedDriverCell(cell, &counts)) << row;
    EXPECT_FALSE(IsValidDriverCell(cell)) << row;
  }
}

TEST(DriverCodecDecodeTest, RejectsColumnsBeyondTheKpisRange) {
  const struct {
    Kpi kpi;
    uint64_t last;  // the largest column the KPI has
  } kCases[] = {
      {Kpi::kTimeToClose, DurationHistogram::kMaxBucket},
      {Kpi::kTimeToFirstResponse, DurationHistogram::kMaxBucket},
      {Kpi::kReopens, DriverCounts::kMaxCountColumn},
      {Kpi::kTransfers, DriverCounts::kMaxCountColumn},
      {Kpi::kFirstContactResolution, 1},
  };
  for (const auto& c : kCases) {
    const uint32_t pair = DriverPairId(Metric::kNps, c.kpi);
    EXPECT_TRUE(
        IsValidDriverCell(RawCell({{DriverField(pair, 10, c.last), 1}})))
        << KpiName(c.kpi);
    if (c.last + 1 < 4096) {
      const std::string cell =
          RawCell({{DriverField(pair, 10, c.last + 1), 1}});
      DriverCounts counts;
      EXPECT_FALSE(AddEncodedDriverCell(cell, &counts)) << KpiName(c.kpi);
      EXPECT_FALSE(IsValidDriverCell(cell)) << KpiName(c.kpi);
    }
  }
}

TEST(DriverCodecDecodeTest, RejectsUnknownPairsAndOverflow) {
  EXPECT_FALSE(
      IsValidDriverCell(RawCell({{DriverField(kDriverPairIdLimit, 0, 0), 1}})));
  EXPECT_FALSE(IsValidDriverCell(RawCell({{~uint64_t{0}, 1}})));
  const std::string max = RawCell({{DriverField(0, 1, 1), kMax}});
  DriverCounts counts;
  ASSERT_TRUE(AddEncodedDriverCell(max, &counts));
  EXPECT_FALSE(
      AddEncodedDriverCell(RawCell({{DriverField(0, 1, 1), 1}}), &counts));
  EXPECT_EQ(counts.pairs[0].Count(1, 1), kMax);
}

// The decoders' bounds hold everything the encoders write from valid
// records, at the extremes of every scale and KPI.
TEST(CellBoundsTest, EncodersOfValidRecordsWriteOnlyValidCells) {
  const absl::Time opened = absl::FromUnixSeconds(0);
  for (const bool low : {true, false}) {
    SurveyResponse r;
    r.response_id = "r";
    r.submitted_at = opened;
    r.nps = low ? 0 : 10;
    r.csat = low ? 1 : 5;
    r.ces = low ? 1 : 7;
    r.ves_ability = low ? 1 : 7;
    r.ves_confidence = low ? 1 : 7;
    Interaction i;
    i.interaction_id = "t";
    i.opened_at = opened;
    i.first_response_at = low ? opened : opened + absl::Hours(24 * 365 * 9000);
    i.closed_at = i.first_response_at;
    i.reopens = low ? 0 : std::numeric_limits<int32_t>::max();
    i.transfers = i.reopens;
    i.first_contact_resolution = !low;
    const DriverCounts drivers = DriverContributionOf(r, i);
    EXPECT_FALSE(drivers.IsZero());
    EXPECT_TRUE(IsValidDriverCell(EncodeDriverCell(drivers))) << low;
    RollupCounts rollup = ContributionOf(r);
    rollup.AddAll(ContributionOf(i));
    EXPECT_TRUE(IsValidRollupCell(EncodeRollupCell(rollup))) << low;
  }
}

// FullMergeV2 of the merge operator (what RocksDB calls on a read or a
// compaction); nullopt when the merge fails.
std::optional<std::string> FullMerge(const std::string* existing,
                                     const std::vector<std::string>& operands) {
  const auto op = NewRollupMergeOperator();
  const rocksdb::Slice key("k");
  std::optional<rocksdb::Slice> existing_slice;
  if (existing) existing_slice.emplace(*existing);
  std::vector<rocksdb::Slice> slices(operands.begin(), operands.end());
  const rocksdb::MergeOperator::MergeOperationInput in(
      key, existing_slice ? &*existing_slice : nullptr, slices, nullptr);
  std::string new_value;
  rocksdb::Slice existing_operand(nullptr, 0);
  rocksdb::MergeOperator::MergeOperationOutput out(new_value, existing_operand);
  if (!op->FullMergeV2(in, &out)) return std::nullopt;
  if (existing_operand.data() != nullptr) return existing_operand.ToString();
  return new_value;
}

TEST(RollupMergeOperatorTest, AddsWellFormedCells) {
  const std::string a = RawCell({{1, 2}}), b = RawCell({{1, 3}, {9, 1}});
  EXPECT_EQ(FullMerge(&a, {b}), RawCell({{1, 5}, {9, 1}}));
  EXPECT_EQ(FullMerge(nullptr, {a, b}), RawCell({{1, 5}, {9, 1}}));
}

TEST(RollupMergeOperatorTest, FailsOnABadExistingValueOrOperand) {
  const std::string good = RawCell({{1, 2}});
  const std::vector<std::string> bad = {
      "",                                  // no version byte
      RawCell({{2, 1}, {1, 1}}),           // ids decrease
      RawCell({{1, 0}}),                   // a zero value
      good + "\x80",                       // truncated varint
      std::string("\x01\x80\x00\x02", 4),  // over-long id
  };
  for (const std::string& b : bad) {
    EXPECT_EQ(FullMerge(&b, {good}), std::nullopt);
    EXPECT_EQ(FullMerge(&good, {b}), std::nullopt);
    EXPECT_EQ(FullMerge(nullptr, {b}), std::nullopt);
    EXPECT_EQ(FullMerge(nullptr, {good, b}), std::nullopt);
  }
}

TEST(RollupMergeOperatorTest, FailsWhenASumOverflows) {
  const std::string max = RawCell({{4, kMax}});
  EXPECT_EQ(FullMerge(&max, {RawCell({{4, 1}})}), std::nullopt);
  EXPECT_EQ(FullMerge(&max, {RawCell({{4, -1}})}), RawCell({{4, kMax - 1}}));
}

}  // namespace
}  // namespace cxscore::storage
