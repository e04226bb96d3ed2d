#include "client/import/cell_values.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cxscore::client {
namespace {

using ::testing::HasSubstr;

TEST(ParseIntCellTest, AcceptsIntegers) {
  EXPECT_EQ(*ParseIntCell("7"), 7);
  EXPECT_EQ(*ParseIntCell(" 10 "), 10);
  EXPECT_EQ(*ParseIntCell("+3"), 3);
  EXPECT_EQ(*ParseIntCell("-1"), -1);
  EXPECT_EQ(*ParseIntCell("007"), 7);
  EXPECT_EQ(*ParseIntCell("2147483647"), 2147483647);
}

TEST(ParseIntCellTest, RejectsNonIntegers) {
  for (const char* bad : {"4.5", "abc", "1e3", "", " ", "-", "+", "5a", "0x5",
                          "4,5", "--1", "1 2"}) {
    absl::StatusOr<int32_t> v = ParseIntCell(bad);
    ASSERT_FALSE(v.ok()) << bad;
    EXPECT_THAT(v.status().message(), HasSubstr("must be an integer")) << bad;
  }
}

TEST(ParseIntCellTest, RejectsOutOfRange) {
  absl::StatusOr<int32_t> v = ParseIntCell("99999999999");
  ASSERT_FALSE(v.ok());
  EXPECT_THAT(v.status().message(), HasSubstr("out of range"));
}

TEST(ParseIntCellTest, ShortensLongValuesInMessages) {
  absl::StatusOr<int32_t> v = ParseIntCell(std::string(500, 'x'));
  ASSERT_FALSE(v.ok());
  EXPECT_LT(v.status().message().size(), 120u);
}

TEST(ParseBoolCellTest, AcceptsTheDocumentedWords) {
  for (const char* yes : {"true", "TRUE", "True", "1", "yes", "YES", " yes "}) {
    EXPECT_EQ(ParseBoolCell(yes).value_or(false), true) << yes;
  }
  for (const char* no : {"false", "False", "0", "no", "No"}) {
    EXPECT_EQ(ParseBoolCell(no).value_or(true), false) << no;
  }
  for (const char* bad : {"y", "n", "2", "t", "", "maybe"}) {
    EXPECT_FALSE(ParseBoolCell(bad).ok()) << bad;
  }
}

TEST(ParseRfc3339Test, AcceptsOffsetsAndFractions) {
  EXPECT_EQ(*ParseRfc3339("2025-02-13T09:30:00Z"),
            absl::FromCivil(absl::CivilSecond(2025, 2, 13, 9, 30, 0),
                            absl::UTCTimeZone()));
  EXPECT_EQ(*ParseRfc3339("2025-02-13T10:30:00+01:00"),
            *ParseRfc3339("2025-02-13T09:30:00Z"));
  EXPECT_EQ(*ParseRfc3339("2025-02-13T09:30:00.25Z") -
                *ParseRfc3339("2025-02-13T09:30:00Z"),
            absl::Milliseconds(250));
  EXPECT_TRUE(ParseRfc3339(" 2025-02-13T09:30:00Z ").ok());
}

TEST(ParseRfc3339Test, RejectsOtherForms) {
  for (const char* bad : {"2025-02-13", "2025-02-13T09:30:00",
                          "2025-02-13 09:30:00Z", "13/02/2025", "yesterday",
                          "2025-02-30T00:00:00Z", "2025-02-13T25:00:00Z",
                          "0000-12-31T23:59:59Z", "10000-01-01T00:00:00Z"}) {
    absl::StatusOr<absl::Time> t = ParseRfc3339(bad);
    EXPECT_FALSE(t.ok()) << bad;
  }
  EXPECT_THAT(ParseRfc3339("x").status().message(), HasSubstr("RFC 3339"));
}

TEST(ParseUtcDateTest, StrictDateForm) {
  EXPECT_EQ(*ParseUtcDate("2025-02-13"),
            absl::FromCivil(absl::CivilDay(2025, 2, 13), absl::UTCTimeZone()));
  for (const char* bad :
       {"2025-2-13", "2025-02-30", "2025/02/13", " 2025-02-13",
        "2025-02-13T00:00:00Z", "", "20250213"}) {
    EXPECT_FALSE(ParseUtcDate(bad).ok()) << bad;
  }
}

TEST(ToProtoTimestampTest, SplitsSecondsAndNanos) {
  google::protobuf::Timestamp ts =
      ToProtoTimestamp(*ParseRfc3339("2025-02-13T09:30:00.5Z"));
  EXPECT_EQ(ts.seconds(), 1739439000);
  EXPECT_EQ(ts.nanos(), 500000000);
  // Before 1970 the nanos stay non-negative.
  ts = ToProtoTimestamp(*ParseRfc3339("1969-12-31T23:59:59.25Z"));
  EXPECT_EQ(ts.seconds(), -1);
  EXPECT_EQ(ts.nanos(), 250000000);
}

TEST(IsValidUtf8Test, AcceptsValidText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST(IsValidUtf8Test, RejectsInvalidSequences) {
  for (const char* bad : {"\xC3", "\xC3(", "\x80", "\xC0\xAF",  // overlong
                          "\xE0\x80\xAF", "\xED\xA0\x80",       // surrogate
                          "\xF4\x90\x80\x80",                   // > U+10FFFF
                          "\xFF", "ok\xE2\x82"}) {
    EXPECT_FALSE(IsValidUtf8(bad)) << bad;
  }
}

}  // namespace
}  // namespace cxscore::client
