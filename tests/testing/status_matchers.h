#ifndef CXSCORE_TESTS_TESTING_STATUS_MATCHERS_H_
#define CXSCORE_TESTS_TESTING_STATUS_MATCHERS_H_

// gMock matchers for absl::Status and absl::StatusOr<T> that print the status
// (code and message) when they fail, unlike EXPECT_TRUE(s.ok()):
//
//   EXPECT_THAT(store.Write(batch), IsOk());
//   ASSERT_OK(store.Write(batch));
//   EXPECT_THAT(Parse(text), StatusIs(absl::StatusCode::kInvalidArgument));
//   EXPECT_THAT(Parse(text), StatusIs(absl::StatusCode::kInvalidArgument,
//                                     HasSubstr("line 3")));
//
// Test-only: target cxscore_status_matchers (tests/testing).

#include <ostream>
#include <string>
#include <utility>

#include "absl/base/config.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

#if defined(ABSL_LTS_RELEASE_VERSION) && ABSL_LTS_RELEASE_VERSION <= 20230125
namespace absl {
// This Abseil has no printer for StatusOr; without one a failed
// EXPECT_THAT(status_or, ...) shows the object's bytes. Found by ADL.
template <typename T>
void PrintTo(const StatusOr<T>& status_or, std::ostream* os) {
  if (status_or.ok()) {
    *os << "OK: " << ::testing::PrintToString(*status_or);
  } else {
    *os << status_or.status();
  }
}
}  // namespace absl
#endif

namespace cxscore::testing {
namespace internal {

inline const absl::Status& GetStatus(const absl::Status& status) {
  return status;
}
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

// Matches a Status or StatusOr whose code equals `code` and whose message
// matches `message`.
class StatusIsMatcher {
 public:
  StatusIsMatcher(absl::StatusCode code,
                  ::testing::Matcher<const std::string&> message)
      : code_(code), message_(std::move(message)) {}

  template <typename StatusType>
  bool MatchAndExplain(const StatusType& value,
                       ::testing::MatchResultListener* listener) const {
    return MatchStatus(GetStatus(value), listener);
  }

  void DescribeTo(std::ostream* os) const;
  void DescribeNegationTo(std::ostream* os) const;

 private:
  bool MatchStatus(const absl::Status& status,
                   ::testing::MatchResultListener* listener) const;

  absl::StatusCode code_;
  ::testing::Matcher<const std::string&> message_;
};

// Matches an OK Status or StatusOr, or a grpc::Status (anything with ok(),
// error_code() and error_message(); no gRPC dependency here).
class IsOkMatcher {
 public:
  template <typename StatusType>
  bool MatchAndExplain(const StatusType& value,
                       ::testing::MatchResultListener* listener) const {
    if constexpr (requires {
                    value.error_code();
                    value.error_message();
                  }) {
      if (!value.ok()) {
        *listener << "whose gRPC status is code "
                  << static_cast<int>(value.error_code()) << ": "
                  << value.error_message();
      }
      return value.ok();
    } else {
      return MatchStatus(GetStatus(value), listener);
    }
  }
  void DescribeTo(std::ostream* os) const;
  void DescribeNegationTo(std::ostream* os) const;

 private:
  static bool MatchStatus(const absl::Status& status,
                          ::testing::MatchResultListener* listener);
};

}  // namespace internal

// Matches an absl::Status, absl::StatusOr<T> or grpc::Status that is OK.
::testing::PolymorphicMatcher<internal::IsOkMatcher> IsOk();

// Matches an absl::Status or absl::StatusOr<T> with status code `code` (and,
// in the second form, a message matching `message`, e.g. HasSubstr("x")).
::testing::PolymorphicMatcher<internal::StatusIsMatcher> StatusIs(
    absl::StatusCode code);
template <typename MessageMatcher>
::testing::PolymorphicMatcher<internal::StatusIsMatcher> StatusIs(
    absl::StatusCode code, MessageMatcher&& message) {
  return ::testing::MakePolymorphicMatcher(internal::StatusIsMatcher(
      code, ::testing::MatcherCast<const std::string&>(
                std::forward<MessageMatcher>(message))));
}

}  // namespace cxscore::testing

// Assert or expect that an absl::Status, absl::StatusOr<T> or grpc::Status is
// OK, printing its code and message otherwise. More can be streamed:
// ASSERT_OK(s) << "x".
#define ASSERT_OK(expr) ASSERT_THAT((expr), ::cxscore::testing::IsOk())
#define EXPECT_OK(expr) EXPECT_THAT((expr), ::cxscore::testing::IsOk())

#endif  // CXSCORE_TESTS_TESTING_STATUS_MATCHERS_H_
