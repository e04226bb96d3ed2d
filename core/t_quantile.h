// The 97.5% quantile of Student's t, the factor of every 95% t interval.
//
// Boost.Math inverts the t CDF iteratively (microseconds per call); a grouped
// query summarizes thousands of groups with four mean intervals each, so the
// factor is memoized per degree of freedom instead.
#ifndef CXSCORE_CORE_T_QUANTILE_H_
#define CXSCORE_CORE_T_QUANTILE_H_

#include <cstdint>

namespace cxscore {

// t_{0.975, df}: 12.706 at df = 1, 1.960 as df grows. Agrees with
// boost::math::quantile(students_t(df), 0.975) to 1e-12 relative.
// Thread-safe. NaN when df < 1.
double StudentT975(int64_t df);

}  // namespace cxscore

#endif  // CXSCORE_CORE_T_QUANTILE_H_
