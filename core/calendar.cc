#include "core/calendar.h"

#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>

#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace cxscore {
namespace {

const absl::CivilDay kEpochDay(1970, 1, 1);

absl::CivilDay CivilDayOf(int32_t day_number) { return kEpochDay + day_number; }

}  // namespace

int32_t DayNumberOf(absl::Time t) {
  // absl maps infinite times to the extreme civil seconds, whose distance
  // from the epoch overflows; they saturate like the distant times below.
  if (t == absl::InfinitePast()) return std::numeric_limits<int32_t>::min();
  if (t == absl::InfiniteFuture()) return std::numeric_limits<int32_t>::max();
  const absl::civil_diff_t days =
      absl::ToCivilDay(t, absl::UTCTimeZone()) - kEpochDay;
  // Times beyond +-5.8 million years leave the int32 range.
  if (days < std::numeric_limits<int32_t>::min()) {
    return std::numeric_limits<int32_t>::min();
  }
  if (days > std::numeric_limits<int32_t>::max()) {
    return std::numeric_limits<int32_t>::max();
  }
  return static_cast<int32_t>(days);
}

absl::Time StartOfDay(int32_t day_number) {
  return absl::FromCivil(CivilDayOf(day_number), absl::UTCTimeZone());
}

std::string PeriodKey(Period period, int32_t day_number) {
  const absl::CivilDay day = CivilDayOf(day_number);
  switch (period) {
    case Period::kDay:
      return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(),
                             day.day());
    case Period::kWeek: {
      // ISO 8601: weeks start on Monday and belong to the year that holds
      // their Thursday, so the Thursday fixes both the year and the number.
      const absl::CivilDay monday =
          absl::PrevWeekday(day + 1, absl::Weekday::monday);
      const absl::CivilDay thursday = monday + 3;
      const int week = (absl::GetYearDay(thursday) - 1) / 7 + 1;
      return absl::StrFormat("%04d-W%02d", thursday.year(), week);
    }
    case Period::kMonth:
      return absl::StrFormat("%04d-%02d", day.year(), day.month());
  }
  return "";  // unreachable: every Period is handled above
}

int32_t PeriodStartDay(Period period, int32_t day_number) {
  const absl::CivilDay day = CivilDayOf(day_number);
  switch (period) {
    case Period::kDay:
      return day_number;
    case Period::kWeek:
      return static_cast<int32_t>(
          absl::PrevWeekday(day + 1, absl::Weekday::monday) - kEpochDay);
    case Period::kMonth:
      return static_cast<int32_t>(
          absl::CivilDay(absl::CivilMonth(day)) - kEpochDay);
  }
  return day_number;
}

int32_t NextPeriodStartDay(Period period, int32_t start_day) {
  switch (period) {
    case Period::kDay: return start_day + 1;
    case Period::kWeek: return start_day + 7;
    case Period::kMonth: return PeriodStartDay(period, start_day + 31);
  }
  return start_day + 1;
}

std::optional<int32_t> PeriodStartFromKey(Period period, std::string_view key) {
  int year = 0, number = 0, day = 0;
  char tail = 0;
  const std::string text(key);
  switch (period) {
    case Period::kDay:
      if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &year, &number, &day,
                      &tail) != 3)
        return std::nullopt;
      break;
    case Period::kWeek: {
      if (std::sscanf(text.c_str(), "%4d-W%2d%c", &year, &number, &tail) != 2 ||
          number < 1 || number > 53)
        return std::nullopt;
      // Week 1 holds January 4th; its Monday starts the ISO year.
      const absl::CivilDay jan4(year, 1, 4);
      const absl::CivilDay monday =
          absl::PrevWeekday(jan4 + 1, absl::Weekday::monday) + 7 * (number - 1);
      const auto start = static_cast<int32_t>(monday - kEpochDay);
      if (PeriodKey(Period::kWeek, start) != key) return std::nullopt;
      return start;
    }
    case Period::kMonth:
      if (std::sscanf(text.c_str(), "%4d-%2d%c", &year, &number, &tail) != 2)
        return std::nullopt;
      day = 1;
      break;
  }
  const absl::CivilDay civil(year, number, day);
  const auto start = static_cast<int32_t>(civil - kEpochDay);
  // Rejects out-of-range parts that CivilDay would normalise (2025-02-30).
  if (PeriodKey(period, start) != key) return std::nullopt;
  return start;
}

}  // namespace cxscore
