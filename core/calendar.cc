#include "core/calendar.h"

#include <cstdint>
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

}  // namespace cxscore
