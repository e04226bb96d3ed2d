#include "core/calendar.h"

#include <cstdint>
#include <iterator>
#include <map>
#include <random>
#include <string>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace cxscore {
namespace {

absl::Time Utc(int y, int m, int d, int hh = 0, int mm = 0, int ss = 0) {
  return absl::FromCivil(absl::CivilSecond(y, m, d, hh, mm, ss),
                         absl::UTCTimeZone());
}

std::string Key(Period period, int y, int m, int d) {
  return PeriodKey(period, DayNumberOf(Utc(y, m, d)));
}

// floor(unix seconds / 86400), computed without civil time.
int64_t FloorDays(absl::Time t) {
  const int64_t s = absl::ToUnixSeconds(t);
  return s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
}

TEST(DayNumberTest, EpochIsDayZeroAndEarlierDaysAreNegative) {
  EXPECT_EQ(DayNumberOf(absl::UnixEpoch()), 0);
  EXPECT_EQ(DayNumberOf(Utc(1970, 1, 1, 23, 59, 59)), 0);
  EXPECT_EQ(DayNumberOf(Utc(1969, 12, 31, 23, 59, 59)), -1);
  EXPECT_EQ(DayNumberOf(Utc(1970, 1, 2)), 1);
  EXPECT_EQ(DayNumberOf(absl::UnixEpoch() - absl::Nanoseconds(1)), -1);
}

TEST(DayNumberTest, MatchesFloorOfUnixSecondsOverRandomTimes) {
  std::mt19937_64 rng(7);
  // 1900 .. 2200, with sub-second parts.
  std::uniform_int_distribution<int64_t> seconds(-2208988800LL, 7258118400LL);
  std::uniform_int_distribution<int64_t> nanos(0, 999999999);
  for (int i = 0; i < 10000; ++i) {
    const absl::Time t =
        absl::FromUnixSeconds(seconds(rng)) + absl::Nanoseconds(nanos(rng));
    ASSERT_EQ(DayNumberOf(t), FloorDays(t)) << t;
  }
}

TEST(DayNumberTest, StartOfDayIsMidnightUtcOfThatDay) {
  for (int32_t day : {-100000, -1, 0, 1, 20132, 2932896}) {
    const absl::Time start = StartOfDay(day);
    EXPECT_EQ(absl::ToUnixSeconds(start), int64_t{day} * 86400);
    EXPECT_EQ(DayNumberOf(start), day);
    EXPECT_EQ(DayNumberOf(start - absl::Nanoseconds(1)), day - 1);
  }
}

TEST(DayNumberTest, InfiniteTimesSaturate) {
  EXPECT_LT(DayNumberOf(absl::InfinitePast()), -1000000);
  EXPECT_GT(DayNumberOf(absl::InfiniteFuture()), 1000000);
}

TEST(PeriodKeyTest, FormatsDayWeekAndMonth) {
  EXPECT_EQ(Key(Period::kDay, 2025, 2, 13), "2025-02-13");
  EXPECT_EQ(Key(Period::kWeek, 2025, 2, 13), "2025-W07");
  EXPECT_EQ(Key(Period::kMonth, 2025, 2, 13), "2025-02");
  EXPECT_EQ(Key(Period::kDay, 1969, 12, 31), "1969-12-31");
  EXPECT_EQ(Key(Period::kMonth, 1969, 12, 31), "1969-12");
}

TEST(PeriodKeyTest, IsoWeekBelongsToTheYearOfItsThursday) {
  EXPECT_EQ(Key(Period::kWeek, 2020, 12, 31), "2020-W53");
  EXPECT_EQ(Key(Period::kWeek, 2021, 1, 3), "2020-W53");  // Sunday
  EXPECT_EQ(Key(Period::kWeek, 2021, 1, 4), "2021-W01");  // Monday
  EXPECT_EQ(Key(Period::kWeek, 2024, 12, 29), "2024-W52");
  EXPECT_EQ(Key(Period::kWeek, 2024, 12, 30), "2025-W01");
  EXPECT_EQ(Key(Period::kWeek, 2008, 12, 29), "2009-W01");
  EXPECT_EQ(Key(Period::kWeek, 2010, 1, 3), "2009-W53");
  EXPECT_EQ(Key(Period::kWeek, 2026, 1, 1), "2026-W01");  // a Thursday
  EXPECT_EQ(Key(Period::kWeek, 2027, 1, 1), "2026-W53");  // a Friday
  EXPECT_EQ(Key(Period::kWeek, 1969, 12, 31), "1970-W01");
  EXPECT_EQ(Key(Period::kWeek, 2025, 1, 1), "2025-W01");
  EXPECT_EQ(Key(Period::kWeek, 2025, 12, 28), "2025-W52");
}

// Over 1960..2100: week keys change exactly on Mondays, every week has seven
// days, and keys of each kind ascend as strings.
TEST(PeriodKeyTest, KeysSortChronologicallyAndWeeksStartOnMonday) {
  const int32_t first = DayNumberOf(Utc(1960, 1, 1));
  const int32_t last = DayNumberOf(Utc(2100, 12, 31));
  std::map<std::string, int> days_per_week;
  std::string prev[3];
  for (int32_t day = first; day <= last; ++day) {
    const absl::CivilDay civil =
        absl::ToCivilDay(StartOfDay(day), absl::UTCTimeZone());
    const bool monday = absl::GetWeekday(civil) == absl::Weekday::monday;
    int kind = 0;
    for (Period p : {Period::kDay, Period::kWeek, Period::kMonth}) {
      const std::string key = PeriodKey(p, day);
      if (day != first) {
        ASSERT_LE(prev[kind], key) << civil;
        if (p == Period::kDay) {
          ASSERT_LT(prev[kind], key);
        } else if (p == Period::kWeek) {
          ASSERT_EQ(prev[kind] != key, monday) << civil;
        } else {
          ASSERT_EQ(prev[kind] != key, civil.day() == 1) << civil;
        }
      }
      prev[kind++] = key;
    }
    ++days_per_week[PeriodKey(Period::kWeek, day)];
  }
  days_per_week.erase(days_per_week.begin());           // partial first week
  days_per_week.erase(std::prev(days_per_week.end()));  // partial last week
  for (const auto& [week, days] : days_per_week) EXPECT_EQ(days, 7) << week;
}

}  // namespace
}  // namespace cxscore

namespace cxscore {
namespace {

TEST(PeriodStartTest, KeysRoundTripThroughStartDays) {
  for (int32_t day = 19000; day < 19000 + 800; ++day) {
    for (Period p : {Period::kDay, Period::kWeek, Period::kMonth}) {
      const int32_t start = PeriodStartDay(p, day);
      EXPECT_LE(start, day);
      EXPECT_EQ(PeriodKey(p, start), PeriodKey(p, day));
      EXPECT_NE(PeriodKey(p, start - 1), PeriodKey(p, day));
      EXPECT_EQ(PeriodStartFromKey(p, PeriodKey(p, day)), start);
      const int32_t next = NextPeriodStartDay(p, start);
      EXPECT_NE(PeriodKey(p, next), PeriodKey(p, day));
      EXPECT_EQ(PeriodKey(p, next - 1), PeriodKey(p, day));
    }
  }
}

TEST(PeriodStartTest, RejectsKeysOfTheWrongShapeOrOutOfRange) {
  EXPECT_FALSE(PeriodStartFromKey(Period::kDay, "2025-02-30"));
  EXPECT_FALSE(PeriodStartFromKey(Period::kDay, "2025-02-13x"));
  EXPECT_FALSE(PeriodStartFromKey(Period::kWeek, "2025-W54"));
  EXPECT_FALSE(PeriodStartFromKey(Period::kWeek, "2021-W53"));  // 52 weeks
  EXPECT_TRUE(PeriodStartFromKey(Period::kWeek, "2020-W53"));
  EXPECT_FALSE(PeriodStartFromKey(Period::kMonth, "2025-13"));
  EXPECT_FALSE(PeriodStartFromKey(Period::kMonth, "2025-02-01"));
}

}  // namespace
}  // namespace cxscore
