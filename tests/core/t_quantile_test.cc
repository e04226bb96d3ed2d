#include "core/t_quantile.h"

#include <gtest/gtest.h>

#include <boost/math/distributions/students_t.hpp>
#include <cmath>

namespace cxscore {
namespace {

double Reference(double df) {
  return boost::math::quantile(boost::math::students_t_distribution<double>(df),
                               0.975);
}

TEST(StudentT975Test, KnownTableValues) {
  EXPECT_NEAR(StudentT975(1), 12.706204736, 1e-8);
  EXPECT_NEAR(StudentT975(10), 2.228138852, 1e-8);
  EXPECT_NEAR(StudentT975(100), 1.983971519, 1e-8);
}

// Both sides of the switch from memoized Boost values to the expansion, and
// a repeated call (the memoized path).
TEST(StudentT975Test, AgreesWithBoostEverywhere) {
  for (int64_t df : {1, 2, 3, 29, 30, 500, 4095, 4096, 4097, 10000, 123457,
                     10000000}) {
    const double want = Reference(static_cast<double>(df));
    EXPECT_NEAR(StudentT975(df), want, 1e-12 * want) << "df " << df;
    EXPECT_NEAR(StudentT975(df), want, 1e-12 * want) << "df " << df;
  }
}

TEST(StudentT975Test, NoDegreesOfFreedomIsNaN) {
  EXPECT_TRUE(std::isnan(StudentT975(0)));
  EXPECT_TRUE(std::isnan(StudentT975(-3)));
}

}  // namespace
}  // namespace cxscore
