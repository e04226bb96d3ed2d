// UTC calendar periods used for rollup days and grouping keys.
#ifndef CXSCORE_CORE_CALENDAR_H_
#define CXSCORE_CORE_CALENDAR_H_

#include <cstdint>
#include <string>

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

}  // namespace cxscore

#endif  // CXSCORE_CORE_CALENDAR_H_
