#include "client/rpc.h"

#include <atomic>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cxscore::client {
namespace {

using ::testing::HasSubstr;

TEST(StepDeadlineTest, ExpiresWhenAStepRunsTooLong) {
  std::atomic<int> fired{0};
  StepDeadline deadline(absl::Milliseconds(50), [&] { ++fired; });
  deadline.Start();
  absl::SleepFor(absl::Milliseconds(300));
  EXPECT_TRUE(deadline.expired());
  EXPECT_EQ(fired.load(), 1);
}

TEST(StepDeadlineTest, QuickStepsNeverExpire) {
  std::atomic<int> fired{0};
  StepDeadline deadline(absl::Milliseconds(200), [&] { ++fired; });
  for (int i = 0; i < 10; ++i) {
    deadline.Start();
    absl::SleepFor(absl::Milliseconds(30));
    deadline.Stop();
  }
  // Time between steps does not count.
  absl::SleepFor(absl::Milliseconds(400));
  EXPECT_FALSE(deadline.expired());
  EXPECT_EQ(fired.load(), 0);
}

TEST(StepDeadlineTest, EachStartRestartsTheClock) {
  std::atomic<int> fired{0};
  StepDeadline deadline(absl::Milliseconds(150), [&] { ++fired; });
  for (int i = 0; i < 6; ++i) {
    deadline.Start();  // 6 x 60ms > 150ms in total, but each step is short
    absl::SleepFor(absl::Milliseconds(60));
  }
  deadline.Stop();
  EXPECT_EQ(fired.load(), 0);
}

TEST(StepDeadlineTest, DestroyingWhileRunningDoesNotFire) {
  std::atomic<int> fired{0};
  {
    StepDeadline deadline(absl::Seconds(10), [&] { ++fired; });
    deadline.Start();
  }
  EXPECT_EQ(fired.load(), 0);
}

TEST(RpcErrorTest, MessagesNameTheServer) {
  absl::Status unavailable =
      RpcError(grpc::Status(grpc::StatusCode::UNAVAILABLE, "refused"),
               "10.0.0.1:50051", absl::Seconds(30));
  EXPECT_EQ(unavailable.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(unavailable.message(),
              HasSubstr("cannot reach the cxscore server at 10.0.0.1:50051"));

  absl::Status late =
      RpcError(grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, ""), "h:1",
               absl::Seconds(30));
  EXPECT_EQ(late.code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(late.message(), HasSubstr("did not answer within 30s"));

  absl::Status refused =
      RpcError(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "from: bad"),
               "h:1", absl::Seconds(30));
  EXPECT_EQ(refused.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(refused.message(),
              HasSubstr("h:1 answered INVALID_ARGUMENT: from: bad"));

  absl::Status missing =
      RpcError(grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "GetTrend"), "h:1",
               absl::Seconds(30));
  EXPECT_EQ(missing.code(), absl::StatusCode::kUnimplemented);
  EXPECT_THAT(missing.message(),
              HasSubstr("h:1 does not implement this call (UNIMPLEMENTED: "
                        "GetTrend); it may be older than this client"));
}

TEST(RpcErrorTest, PermissionDeniedSaysSoAndKeepsTheRule) {
  absl::Status denied =
      RpcError(grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                            "role agent:ann may only read its own numbers"),
               "h:1", absl::Seconds(30));
  EXPECT_EQ(denied.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(denied.message(),
              HasSubstr("permission denied by the cxscore server at h:1: "
                        "role agent:ann may only read its own numbers"));
}

TEST(RpcErrorTest, UnauthenticatedSaysHowToGiveAToken) {
  absl::Status missing =
      RpcError(grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                            "GetScores needs a token"),
               "h:1", absl::Seconds(30));
  EXPECT_EQ(missing.code(), absl::StatusCode::kUnauthenticated);
  EXPECT_THAT(missing.message(), HasSubstr("the token is missing or unknown"));
  EXPECT_THAT(missing.message(), HasSubstr("GetScores needs a token"));
  EXPECT_THAT(missing.message(), HasSubstr("--token-file"));
  EXPECT_THAT(missing.message(), HasSubstr("CXSCORE_TOKEN"));
}

}  // namespace
}  // namespace cxscore::client
