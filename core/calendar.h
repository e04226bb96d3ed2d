// UTC calendar periods used for rollup days and grouping keys.
#ifndef CXSCORE_CORE_CALENDAR_H_
#define CXSCORE_CORE_CALENDAR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/time/time.h"

namespace cxscore {

// Days since 1970-01-01 UTC (negative before). The day a time falls in.
int32_t DayNumberOf(absl::Time t);
absl::Time StartOfDay(int32_t day_number);

enum class Period { kDay, kWeek, kMonth };

// Key of the period that contains `day_number`: "2025-02-13" (day),
// "2025-W07" (ISO 8601 week; the ISO year may differ from the calendar year
// around New Year), "2025-02" (month). Keys of one kind sort chronologically
// as strings.
std::string PeriodKey(Period period, int32_t day_number);

// First day of the period that contains `day_number` (the Monday of its ISO
// week, the 1st of its month).
int32_t PeriodStartDay(Period period, int32_t day_number);

// First day of the period after the one that starts at `start_day`.
// REQUIRES: start_day == PeriodStartDay(period, start_day).
int32_t NextPeriodStartDay(Period period, int32_t start_day);

// The inverse of PeriodKey: the first day of the period named by `key`;
// nullopt when `key` is not a key of that kind.
std::optional<int32_t> PeriodStartFromKey(Period period, std::string_view key);

}  // namespace cxscore

#endif  // CXSCORE_CORE_CALENDAR_H_
