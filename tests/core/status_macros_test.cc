#include "core/status_macros.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cxscore {
namespace {

using ::cxscore::testing::IsOk;

absl::StatusOr<int> Half(int n) {
  if (n % 2 != 0) return absl::InvalidArgumentError("odd");
  return n / 2;
}

absl::Status CheckEven(int n) { return Half(n).status(); }

absl::Status TwoChecks(int a, int b, int* calls) {
  ++*calls;
  RETURN_IF_ERROR(CheckEven(a));
  ++*calls;
  RETURN_IF_ERROR(Half(b));  // a StatusOr works too
  ++*calls;
  return absl::OkStatus();
}

TEST(ReturnIfErrorTest, ReturnsTheFirstErrorUnchanged) {
  int calls = 0;
  EXPECT_THAT(TwoChecks(2, 4, &calls), IsOk());
  EXPECT_EQ(calls, 3);
  calls = 0;
  EXPECT_EQ(TwoChecks(1, 4, &calls), absl::InvalidArgumentError("odd"));
  EXPECT_EQ(calls, 1);
  calls = 0;
  EXPECT_EQ(TwoChecks(2, 3, &calls), absl::InvalidArgumentError("odd"));
  EXPECT_EQ(calls, 2);
}

TEST(ReturnIfErrorTest, EvaluatesTheExpressionOnce) {
  int evaluations = 0;
  auto run = [&]() -> absl::Status {
    RETURN_IF_ERROR((++evaluations, absl::OkStatus()));
    return absl::OkStatus();
  };
  EXPECT_THAT(run(), IsOk());
  EXPECT_EQ(evaluations, 1);
}

TEST(ReturnIfErrorTest, WorksInAFunctionReturningStatusOr) {
  auto quarter = [](int n) -> absl::StatusOr<int> {
    RETURN_IF_ERROR(CheckEven(n));
    return Half(n / 2);
  };
  EXPECT_EQ(*quarter(8), 2);
  EXPECT_EQ(quarter(3).status(), absl::InvalidArgumentError("odd"));
  EXPECT_EQ(quarter(6).status(), absl::InvalidArgumentError("odd"));
}

absl::StatusOr<int> Eighth(int n) {
  // Several uses in one scope need distinct temporaries.
  ASSIGN_OR_RETURN(auto half, Half(n));
  ASSIGN_OR_RETURN(int quarter, Half(half));
  int eighth = 0;
  ASSIGN_OR_RETURN(eighth, Half(quarter));  // an existing variable
  return eighth;
}

TEST(AssignOrReturnTest, AssignsOrReturns) {
  EXPECT_EQ(*Eighth(16), 2);
  EXPECT_EQ(Eighth(12).status(), absl::InvalidArgumentError("odd"));
  EXPECT_EQ(Eighth(3).status(), absl::InvalidArgumentError("odd"));
}

absl::StatusOr<std::vector<int>> Digits(int n) {
  if (n < 0) return absl::OutOfRangeError("negative");
  std::vector<int> digits;
  for (; n > 0; n /= 10) digits.insert(digits.begin(), n % 10);
  return digits;
}

absl::Status SumDigits(int n, int* sum) {
  ASSIGN_OR_RETURN(std::vector<int> digits, Digits(n));
  for (int d : digits) *sum += d;
  return absl::OkStatus();
}

TEST(AssignOrReturnTest, DeclaresATypedVariableInAStatusFunction) {
  int sum = 0;
  EXPECT_THAT(SumDigits(123, &sum), IsOk());
  EXPECT_EQ(sum, 6);
  EXPECT_EQ(SumDigits(-1, &sum), absl::OutOfRangeError("negative"));
}

TEST(AssignOrReturnTest, MovesMoveOnlyValues) {
  auto make = [](bool ok) -> absl::StatusOr<std::unique_ptr<std::string>> {
    if (!ok) return absl::UnavailableError("later");
    return std::make_unique<std::string>("cell");
  };
  auto use = [&](bool ok) -> absl::StatusOr<std::string> {
    ASSIGN_OR_RETURN(std::unique_ptr<std::string> value, make(ok));
    return *value + "!";
  };
  EXPECT_EQ(*use(true), "cell!");
  EXPECT_EQ(use(false).status(), absl::UnavailableError("later"));
}

}  // namespace
}  // namespace cxscore
