// The stored record format (storage/records.proto): round trips, and the
// interaction version updated_at under its own field id, absent in records
// written before it existed.
#include "storage/record_codec.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/storage/test_records.h"
#include "tests/testing/status_matchers.h"

namespace cxscore::storage {
namespace {

using cxscore::testing::IsOk;
using cxscore::testing::Ticket;
using cxscore::testing::Utc;

Interaction FullInteraction() {
  Interaction i = Ticket("t1", "alice", Utc(2025, 3, 1), absl::Hours(2));
  i.customer_id = "c9";
  i.first_response_at = Utc(2025, 3, 1, 12, 5);
  i.reopens = 1;
  i.transfers = 0;
  i.first_contact_resolution = false;
  i.attributes = {{"plan", "gold"}};
  return i;
}

// A protobuf varint.
std::string Varint(uint64_t value) {
  std::string out;
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
  return out;
}

TEST(RecordCodecTest, InteractionWithUpdatedAtRoundTrips) {
  Interaction in = FullInteraction();
  in.updated_at = Utc(2025, 3, 2, 8) + absl::Microseconds(7);
  absl::StatusOr<Interaction> out = DecodeInteraction(EncodeInteraction(in));
  ASSERT_THAT(out, IsOk());
  EXPECT_EQ(*out, in);
  ASSERT_TRUE(out->updated_at.has_value());
  EXPECT_EQ(*out->updated_at, Utc(2025, 3, 2, 8) + absl::Microseconds(7));
}

TEST(RecordCodecTest, InteractionWithoutUpdatedAtRoundTripsWithoutOne) {
  const Interaction in = FullInteraction();
  absl::StatusOr<Interaction> out = DecodeInteraction(EncodeInteraction(in));
  ASSERT_THAT(out, IsOk());
  EXPECT_EQ(*out, in);
  EXPECT_FALSE(out->updated_at.has_value());
}

// updated_at is field 13 (varint microseconds), after every field a record
// written before it has: such a record is the same bytes without it, and
// decodes as unversioned.
TEST(RecordCodecTest, UpdatedAtIsField13AndOldRecordsAreUnversioned) {
  const Interaction old_record = FullInteraction();
  Interaction versioned = old_record;
  versioned.updated_at = Utc(2025, 3, 2, 8);
  const std::string old_bytes = EncodeInteraction(old_record);
  EXPECT_EQ(EncodeInteraction(versioned),
            old_bytes + std::string(1, static_cast<char>(13 << 3)) +
                Varint(absl::ToUnixMicros(*versioned.updated_at)));
  absl::StatusOr<Interaction> decoded = DecodeInteraction(old_bytes);
  ASSERT_THAT(decoded, IsOk());
  EXPECT_FALSE(decoded->updated_at.has_value());
  EXPECT_EQ(decoded->agent_id, "alice");
}

TEST(RecordCodecTest, NormalizedTruncatesUpdatedAtToMicroseconds) {
  Interaction in = FullInteraction();
  in.updated_at = Utc(2025, 3, 2) + absl::Nanoseconds(2999);
  EXPECT_EQ(Normalized(in).updated_at, Utc(2025, 3, 2) + absl::Microseconds(2));
  in.updated_at.reset();
  EXPECT_FALSE(Normalized(in).updated_at.has_value());
}

}  // namespace
}  // namespace cxscore::storage
