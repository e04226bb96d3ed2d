#include "core/t_quantile.h"

#include <array>
#include <atomic>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

namespace cxscore {
namespace {

// Degrees of freedom below this are memoized from Boost; at and above it
// the Cornish-Fisher expansion is exact to double precision.
constexpr int64_t kMemoizedDf = 4096;

// The 97.5% quantile of the standard normal.
constexpr double kZ975 = 1.959963984540054;

// Abramowitz & Stegun 26.7.5: t_p(df) = z + g1/df + g2/df^2 + g3/df^3 +
// g4/df^4 + O(df^-5). At df = 4096 the next term is below 1e-17.
double CornishFisher(double df) {
  const double z = kZ975, z2 = z * z;
  const double g1 = z * (z2 + 1) / 4;
  const double g2 = z * ((5 * z2 + 16) * z2 + 3) / 96;
  const double g3 = z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384;
  const double g4 =
      z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

double FromBoost(int64_t df) {
  const boost::math::students_t_distribution<double> t(
      static_cast<double>(df));
  return boost::math::quantile(t, 0.975);
}

}  // namespace

double StudentT975(int64_t df) {
  if (df < 1) return std::numeric_limits<double>::quiet_NaN();
  if (df >= kMemoizedDf) return CornishFisher(static_cast<double>(df));
  // 0 = not computed yet. Two threads may both compute an entry; they store
  // the same value, so relaxed order is enough.
  static std::array<std::atomic<double>, kMemoizedDf> memo{};
  std::atomic<double>& slot = memo[static_cast<size_t>(df)];
  double value = slot.load(std::memory_order_relaxed);
  if (value == 0) {
    value = FromBoost(df);
    slot.store(value, std::memory_order_relaxed);
  }
  return value;
}

}  // namespace cxscore
