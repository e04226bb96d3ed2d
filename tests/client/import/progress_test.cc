#include "client/import/progress.h"

#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cxscore::client {
namespace {

using ::testing::HasSubstr;

TEST(ProgressBarTest, ShowsPercentOfAKnownSize) {
  std::ostringstream out;
  ProgressBar bar(&out, 200, absl::ZeroDuration());
  bar.Update(50, 10);
  EXPECT_THAT(out.str(), HasSubstr(" 25%"));
  EXPECT_THAT(out.str(), HasSubstr("10 rows"));
  bar.Update(200, 40);
  EXPECT_THAT(out.str(), HasSubstr("100%"));
  EXPECT_EQ(out.str().front(), '\r');
}

TEST(ProgressBarTest, CountsOnlyWhenTheSizeIsUnknown) {
  std::ostringstream out;
  ProgressBar bar(&out, 0, absl::ZeroDuration());
  bar.Update(123456, 789);
  EXPECT_EQ(out.str(), "\r789 rows read");
}

TEST(ProgressBarTest, ThrottlesRedrawsUnlessForced) {
  std::ostringstream out;
  ProgressBar bar(&out, 0, absl::Hours(1));
  bar.Update(1, 1);
  bar.Update(2, 2);
  EXPECT_EQ(out.str(), "\r1 rows read");
  bar.Update(3, 3, /*force=*/true);
  EXPECT_EQ(out.str(), "\r1 rows read\r3 rows read");
}

TEST(ProgressBarTest, FinishErasesTheLine) {
  std::ostringstream out;
  ProgressBar bar(&out, 0, absl::ZeroDuration());
  bar.Update(1, 12345);
  out.str("");
  bar.Finish();
  EXPECT_EQ(out.str(), "\r" + std::string(15, ' ') + "\r");
}

TEST(ProgressBarTest, FinishWithoutDrawingWritesNothing) {
  std::ostringstream out;
  ProgressBar bar(&out, 10);
  bar.Finish();
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace cxscore::client
