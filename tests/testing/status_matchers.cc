#include "tests/testing/status_matchers.h"

#include <ostream>
#include <string>

namespace cxscore::testing {
namespace internal {

bool StatusIsMatcher::MatchStatus(
    const absl::Status& status,
    ::testing::MatchResultListener* listener) const {
  *listener << "whose status is " << status;
  if (status.code() != code_) return false;
  ::testing::StringMatchResultListener message_listener;
  if (!message_.MatchAndExplain(std::string(status.message()),
                                &message_listener)) {
    const std::string explanation = message_listener.str();
    if (!explanation.empty()) *listener << ", and the message " << explanation;
    return false;
  }
  return true;
}

void StatusIsMatcher::DescribeTo(std::ostream* os) const {
  *os << "has status code " << code_ << " and a message that ";
  message_.DescribeTo(os);
}

void StatusIsMatcher::DescribeNegationTo(std::ostream* os) const {
  *os << "does not have status code " << code_ << " or has a message that ";
  message_.DescribeNegationTo(os);
}

bool IsOkMatcher::MatchStatus(const absl::Status& status,
                              ::testing::MatchResultListener* listener) {
  if (!status.ok()) *listener << "whose status is " << status;
  return status.ok();
}

void IsOkMatcher::DescribeTo(std::ostream* os) const { *os << "is OK"; }

void IsOkMatcher::DescribeNegationTo(std::ostream* os) const {
  *os << "is not OK";
}

}  // namespace internal

::testing::PolymorphicMatcher<internal::IsOkMatcher> IsOk() {
  return ::testing::MakePolymorphicMatcher(internal::IsOkMatcher());
}

::testing::PolymorphicMatcher<internal::StatusIsMatcher> StatusIs(
    absl::StatusCode code) {
  return ::testing::MakePolymorphicMatcher(
      internal::StatusIsMatcher(code, ::testing::_));
}

}  // namespace cxscore::testing
