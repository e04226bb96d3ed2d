#include "tests/testing/status_matchers.h"

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cxscore::testing {
namespace {

using ::testing::DescribeMatcher;
using ::testing::HasSubstr;
using ::testing::Matcher;
using ::testing::Not;

// The explanation a matcher gives for `value` (what a failed EXPECT_THAT
// prints after "Actual:").
template <typename T, typename M>
std::string Explain(const M& matcher, const T& value) {
  ::testing::StringMatchResultListener listener;
  Matcher<const T&>(matcher).MatchAndExplain(value, &listener);
  return listener.str();
}

TEST(IsOkTest, MatchesOkStatusAndStatusOr) {
  EXPECT_THAT(absl::OkStatus(), IsOk());
  EXPECT_THAT(absl::StatusOr<int>(3), IsOk());
  EXPECT_OK(absl::OkStatus());
  ASSERT_OK(absl::StatusOr<std::string>("x"));
}

TEST(IsOkTest, RejectsErrorsAndExplainsWithTheMessage) {
  const absl::Status error = absl::NotFoundError("no response r1");
  EXPECT_THAT(error, Not(IsOk()));
  EXPECT_THAT(absl::StatusOr<int>(error), Not(IsOk()));
  EXPECT_EQ(Explain(IsOk(), error),
            "whose status is NOT_FOUND: no response r1");
  EXPECT_EQ(Explain(IsOk(), absl::StatusOr<int>(error)),
            "whose status is NOT_FOUND: no response r1");
  EXPECT_EQ(DescribeMatcher<absl::Status>(IsOk()), "is OK");
  EXPECT_EQ(DescribeMatcher<absl::Status>(IsOk(), /*negation=*/true),
            "is not OK");
}

// What the matcher needs of a grpc::Status, without linking gRPC here.
struct FakeGrpcStatus {
  bool ok() const { return code == 0; }
  int error_code() const { return code; }
  std::string error_message() const { return message; }
  int code = 0;
  std::string message;
};

TEST(IsOkTest, AcceptsGrpcStyleStatuses) {
  EXPECT_THAT(FakeGrpcStatus(), IsOk());
  const FakeGrpcStatus unavailable{14, "connection refused"};
  EXPECT_THAT(unavailable, Not(IsOk()));
  EXPECT_EQ(Explain(IsOk(), unavailable),
            "whose gRPC status is code 14: connection refused");
}

TEST(StatusIsTest, MatchesTheCode) {
  const absl::Status error = absl::DataLossError("corrupt cell");
  EXPECT_THAT(error, StatusIs(absl::StatusCode::kDataLoss));
  EXPECT_THAT(error, Not(StatusIs(absl::StatusCode::kUnavailable)));
  EXPECT_THAT(absl::OkStatus(), StatusIs(absl::StatusCode::kOk));
  EXPECT_THAT(absl::StatusOr<int>(7), StatusIs(absl::StatusCode::kOk));
  EXPECT_THAT(absl::StatusOr<int>(error),
              StatusIs(absl::StatusCode::kDataLoss));
}

TEST(StatusIsTest, MatchesTheMessage) {
  const absl::Status error = absl::InvalidArgumentError("score 11 > 10");
  EXPECT_THAT(error,
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("11")));
  EXPECT_THAT(error,
              StatusIs(absl::StatusCode::kInvalidArgument, "score 11 > 10"));
  EXPECT_THAT(error, Not(StatusIs(absl::StatusCode::kInvalidArgument,
                                  HasSubstr("12"))));
  EXPECT_THAT(absl::StatusOr<int>(error),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("> 10")));
}

TEST(StatusIsTest, DescribesAndExplains) {
  const auto matcher =
      StatusIs(absl::StatusCode::kNotFound, HasSubstr("missing"));
  EXPECT_EQ(DescribeMatcher<absl::Status>(matcher),
            "has status code NOT_FOUND and a message that has substring "
            "\"missing\"");
  EXPECT_THAT(Explain(matcher, absl::InternalError("boom")),
              "whose status is INTERNAL: boom");
}

TEST(StatusOrPrinterTest, PrintsTheStatusOrTheValue) {
  EXPECT_EQ(::testing::PrintToString(absl::StatusOr<int>(5)), "OK: 5");
  EXPECT_EQ(::testing::PrintToString(
                absl::StatusOr<int>(absl::AbortedError("retry"))),
            "ABORTED: retry");
}

}  // namespace
}  // namespace cxscore::testing
