#include "core/validation.h"

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/records.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cxscore {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const absl::Time kOpened = absl::FromCivil(
    absl::CivilSecond(2025, 2, 13, 9, 0, 0), absl::UTCTimeZone());

// Invalid UTF-8: a lone continuation byte, an overlong "/", a UTF-16
// surrogate, a truncated 3-byte sequence, and a code point above U+10FFFF.
const char* const kBadUtf8[] = {"a\x80z", "\xC0\xAF", "\xED\xA0\x80",
                                "\xE2\x82", "\xF4\x90\x80\x80"};

Interaction GoodInteraction() {
  Interaction r;
  r.interaction_id = "T-1";
  r.agent_id = "agent-7";
  r.team_id = "billing";
  r.channel = "email";
  r.customer_id = "C-9";
  r.opened_at = kOpened;
  r.first_response_at = kOpened + absl::Minutes(5);
  r.closed_at = kOpened + absl::Hours(2);
  r.reopens = 0;
  r.transfers = 1;
  r.first_contact_resolution = true;
  r.attributes["plan"] = "gold";
  return r;
}

SurveyResponse GoodResponse() {
  SurveyResponse r;
  r.response_id = "R-1";
  r.interaction_id = "T-1";
  r.agent_id = "agent-7";
  r.team_id = "billing";
  r.channel = "email";
  r.customer_id = "C-9";
  r.submitted_at = kOpened + absl::Hours(3);
  r.nps = 9;
  r.comment = "Snel geholpen, merci beaucoup \xF0\x9F\x98\x80";
  r.attributes["plan"] = "gold";
  return r;
}

// The record is refused for `field`, and the reason names that field.
void ExpectRefused(const std::optional<Violation>& v,
                   const std::string& field) {
  ASSERT_TRUE(v.has_value()) << "expected a violation of " << field;
  EXPECT_EQ(v->field, field) << v->reason;
  EXPECT_EQ(v->code, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(v->reason, StartsWith(field));
}

TEST(ValidateInteractionTest, AcceptsACompleteRecordAndAMinimalOne) {
  EXPECT_EQ(ValidateInteraction(GoodInteraction()), std::nullopt);
  Interaction minimal;
  minimal.interaction_id = "T-2";
  minimal.opened_at = kOpened;
  EXPECT_EQ(ValidateInteraction(minimal), std::nullopt);
}

TEST(ValidateInteractionTest, InteractionIdIsRequired) {
  Interaction r = GoodInteraction();
  r.interaction_id = "";
  ExpectRefused(ValidateInteraction(r), "interaction_id");
}

TEST(ValidateInteractionTest, IdsAreAtMost128Bytes) {
  Interaction r = GoodInteraction();
  r.interaction_id = std::string(kMaxIdBytes, 'x');
  EXPECT_EQ(ValidateInteraction(r), std::nullopt);
  r.interaction_id += "x";
  ExpectRefused(ValidateInteraction(r), "interaction_id");
  EXPECT_THAT(ValidateInteraction(r)->reason, HasSubstr("129"));

  for (std::string Interaction::*id :
       {&Interaction::agent_id, &Interaction::team_id, &Interaction::channel,
        &Interaction::customer_id}) {
    Interaction s = GoodInteraction();
    s.*id = std::string(kMaxIdBytes, 'y');
    EXPECT_EQ(ValidateInteraction(s), std::nullopt);
    s.*id += "y";
    EXPECT_TRUE(ValidateInteraction(s).has_value());
  }
  Interaction s = GoodInteraction();
  s.agent_id = std::string(kMaxIdBytes + 1, 'a');
  ExpectRefused(ValidateInteraction(s), "agent_id");
  s = GoodInteraction();
  s.team_id = std::string(kMaxIdBytes + 1, 'a');
  ExpectRefused(ValidateInteraction(s), "team_id");
  s = GoodInteraction();
  s.channel = std::string(kMaxIdBytes + 1, 'a');
  ExpectRefused(ValidateInteraction(s), "channel");
  s = GoodInteraction();
  s.customer_id = std::string(kMaxIdBytes + 1, 'a');
  ExpectRefused(ValidateInteraction(s), "customer_id");
}

TEST(ValidateInteractionTest, AttributionIdsMayBeEmpty) {
  Interaction r = GoodInteraction();
  r.agent_id = r.team_id = r.channel = r.customer_id = "";
  EXPECT_EQ(ValidateInteraction(r), std::nullopt);
}

TEST(ValidateInteractionTest, EveryStringMustBeValidUtf8) {
  for (const char* bad : kBadUtf8) {
    SCOPED_TRACE(testing::PrintToString(std::string(bad)));
    Interaction r = GoodInteraction();
    r.interaction_id = bad;
    ExpectRefused(ValidateInteraction(r), "interaction_id");
    r = GoodInteraction();
    r.agent_id = bad;
    ExpectRefused(ValidateInteraction(r), "agent_id");
    r = GoodInteraction();
    r.team_id = bad;
    ExpectRefused(ValidateInteraction(r), "team_id");
    r = GoodInteraction();
    r.channel = bad;
    ExpectRefused(ValidateInteraction(r), "channel");
    r = GoodInteraction();
    r.customer_id = bad;
    ExpectRefused(ValidateInteraction(r), "customer_id");
  }
}

TEST(ValidateInteractionTest, MultiByteUtf8IsAccepted) {
  Interaction r = GoodInteraction();
  r.agent_id = "Jos\xC3\xA9 \xE5\xB1\xB1\xE7\x94\xB0 \xF0\x9F\x98\x80";
  EXPECT_EQ(ValidateInteraction(r), std::nullopt);
}

TEST(ValidateInteractionTest, OpenedAtIsRequired) {
  Interaction r = GoodInteraction();
  r.opened_at = absl::InfinitePast();
  r.first_response_at.reset();
  r.closed_at.reset();
  ExpectRefused(ValidateInteraction(r), "opened_at");
  r.opened_at = absl::InfiniteFuture();
  ExpectRefused(ValidateInteraction(r), "opened_at");
}

TEST(ValidateInteractionTest, FirstResponseMayNotPrecedeOpening) {
  Interaction r = GoodInteraction();
  r.first_response_at = kOpened;  // the same instant is fine
  EXPECT_EQ(ValidateInteraction(r), std::nullopt);
  r.first_response_at = kOpened - absl::Seconds(1);
  ExpectRefused(ValidateInteraction(r), "first_response_at");
  EXPECT_THAT(ValidateInteraction(r)->reason, HasSubstr("opened_at"));
}

TEST(ValidateInteractionTest, ClosedAtMayNotPrecedeOpening) {
  Interaction r = GoodInteraction();
  r.closed_at = kOpened;
  EXPECT_EQ(ValidateInteraction(r), std::nullopt);
  r.closed_at = kOpened - absl::Milliseconds(1);
  ExpectRefused(ValidateInteraction(r), "closed_at");
}

TEST(ValidateInteractionTest, ClosedBeforeFirstResponseIsAllowed) {
  // Real ticket systems record this (e.g. a ticket closed by a macro).
  Interaction r = GoodInteraction();
  r.first_response_at = kOpened + absl::Hours(3);
  r.closed_at = kOpened + absl::Hours(1);
  EXPECT_EQ(ValidateInteraction(r), std::nullopt);
}

TEST(ValidateInteractionTest, UpdatedAtIsOptionalAndFinite) {
  Interaction r = GoodInteraction();
  r.updated_at.reset();
  EXPECT_EQ(ValidateInteraction(r), std::nullopt);
  r.updated_at = kOpened + absl::Hours(5);
  EXPECT_EQ(ValidateInteraction(r), std::nullopt);
  r.updated_at = absl::InfiniteFuture();
  ExpectRefused(ValidateInteraction(r), "updated_at");
  r.updated_at = absl::InfinitePast();
  ExpectRefused(ValidateInteraction(r), "updated_at");
}

TEST(ValidateInteractionTest, ReopensMustNotBeNegative) {
  Interaction r = GoodInteraction();
  r.reopens = -1;
  ExpectRefused(ValidateInteraction(r), "reopens");
}

TEST(ValidateInteractionTest, TransfersMustNotBeNegative) {
  Interaction r = GoodInteraction();
  r.transfers = -3;
  ExpectRefused(ValidateInteraction(r), "transfers");
  EXPECT_THAT(ValidateInteraction(r)->reason, HasSubstr("-3"));
}

TEST(ValidateInteractionTest, AttributeNamesAndValuesAreBoundedUtf8) {
  Interaction r = GoodInteraction();
  r.attributes["plan"] = std::string(kMaxAttributeBytes, 'v');
  EXPECT_EQ(ValidateInteraction(r), std::nullopt);
  r.attributes["plan"] += "v";
  ExpectRefused(ValidateInteraction(r), "attr.plan");

  r = GoodInteraction();
  r.attributes["plan"] = "\xC3\x28";
  ExpectRefused(ValidateInteraction(r), "attr.plan");

  r = GoodInteraction();
  r.attributes[""] = "x";
  ExpectRefused(ValidateInteraction(r), "attr.");
}

TEST(ValidateInteractionTest, BadAttributeNamesAreShownAsCleanText) {
  Interaction r = GoodInteraction();
  r.attributes.clear();
  r.attributes["re\xFFgion"] = "x";
  std::optional<Violation> v = ValidateInteraction(r);
  ASSERT_TRUE(v.has_value());
  EXPECT_THAT(v->field, StartsWith("attr.re"));
  EXPECT_THAT(v->reason, HasSubstr("UTF-8"));
  EXPECT_EQ(v->field.find('\xFF'), std::string::npos);

  r.attributes.clear();
  r.attributes[std::string(kMaxAttributeBytes + 1, 'n')] = "x";
  v = ValidateInteraction(r);
  ASSERT_TRUE(v.has_value());
  EXPECT_THAT(v->field, StartsWith("attr.nnn"));
  EXPECT_LT(v->field.size(), 100u);
  EXPECT_THAT(v->reason, HasSubstr("1025"));
}

TEST(ValidateResponseTest, AcceptsACompleteRecord) {
  EXPECT_EQ(ValidateResponse(GoodResponse()), std::nullopt);
}

TEST(ValidateResponseTest, ResponseIdIsRequiredAndBounded) {
  SurveyResponse r = GoodResponse();
  r.response_id = "";
  ExpectRefused(ValidateResponse(r), "response_id");
  r.response_id = std::string(kMaxIdBytes + 1, 'r');
  ExpectRefused(ValidateResponse(r), "response_id");
  r.response_id = "\xF0\x9F\x98";
  ExpectRefused(ValidateResponse(r), "response_id");
}

TEST(ValidateResponseTest, InteractionLinkIsOptionalButBounded) {
  SurveyResponse r = GoodResponse();
  r.interaction_id = "";
  EXPECT_EQ(ValidateResponse(r), std::nullopt);
  r.interaction_id = std::string(kMaxIdBytes + 1, 't');
  ExpectRefused(ValidateResponse(r), "interaction_id");
}

TEST(ValidateResponseTest, AttributionIdsAreBoundedUtf8) {
  SurveyResponse r = GoodResponse();
  r.agent_id = std::string(kMaxIdBytes + 1, 'a');
  ExpectRefused(ValidateResponse(r), "agent_id");
  r = GoodResponse();
  r.team_id = "\x80";
  ExpectRefused(ValidateResponse(r), "team_id");
  r = GoodResponse();
  r.channel = std::string(kMaxIdBytes + 1, 'c');
  ExpectRefused(ValidateResponse(r), "channel");
  r = GoodResponse();
  r.customer_id = "\xED\xA0\x80";
  ExpectRefused(ValidateResponse(r), "customer_id");
}

TEST(ValidateResponseTest, SubmittedAtIsRequired) {
  SurveyResponse r = GoodResponse();
  r.submitted_at = absl::InfinitePast();
  ExpectRefused(ValidateResponse(r), "submitted_at");
}

TEST(ValidateResponseTest, NpsIsAnIntegerFrom0To10) {
  SurveyResponse r = GoodResponse();
  for (int ok : {0, 10}) {
    r.nps = ok;
    EXPECT_EQ(ValidateResponse(r), std::nullopt) << ok;
  }
  for (int bad : {-1, 11}) {
    r.nps = bad;
    ExpectRefused(ValidateResponse(r), "nps");
  }
  r.nps = 11;
  EXPECT_EQ(ValidateResponse(r)->reason,
            "nps must be an integer from 0 to 10, got 11");
}

TEST(ValidateResponseTest, CsatIsFrom1To5) {
  SurveyResponse r = GoodResponse();
  for (int ok : {1, 5}) {
    r.csat = ok;
    EXPECT_EQ(ValidateResponse(r), std::nullopt) << ok;
  }
  for (int bad : {0, 6}) {
    r.csat = bad;
    ExpectRefused(ValidateResponse(r), "csat");
  }
}

TEST(ValidateResponseTest, CesIsFrom1To7) {
  SurveyResponse r = GoodResponse();
  for (int ok : {1, 7}) {
    r.ces = ok;
    EXPECT_EQ(ValidateResponse(r), std::nullopt) << ok;
  }
  for (int bad : {0, 8}) {
    r.ces = bad;
    ExpectRefused(ValidateResponse(r), "ces");
  }
}

TEST(ValidateResponseTest, VesItemsAreFrom1To7) {
  SurveyResponse r = GoodResponse();
  r.ves_ability = 1;
  r.ves_confidence = 7;
  EXPECT_EQ(ValidateResponse(r), std::nullopt);
  r.ves_ability = 0;
  ExpectRefused(ValidateResponse(r), "ves_ability");
  r.ves_ability = 4;
  r.ves_confidence = 8;
  ExpectRefused(ValidateResponse(r), "ves_confidence");
}

TEST(ValidateResponseTest, AnyOneScoreIsEnough) {
  SurveyResponse base = GoodResponse();
  base.nps.reset();
  SurveyResponse r = base;
  r.csat = 3;
  EXPECT_EQ(ValidateResponse(r), std::nullopt);
  r = base;
  r.ces = 3;
  EXPECT_EQ(ValidateResponse(r), std::nullopt);
  r = base;
  r.ves_confidence = 3;
  EXPECT_EQ(ValidateResponse(r), std::nullopt);
}

TEST(ValidateResponseTest, AResponseWithoutScoresIsRefused) {
  SurveyResponse r = GoodResponse();
  r.nps.reset();
  ExpectRefused(ValidateResponse(r), "scores");
  EXPECT_THAT(ValidateResponse(r)->reason, HasSubstr("at least one"));
}

TEST(ValidateResponseTest, CommentIsAtMost4KiBOfUtf8) {
  SurveyResponse r = GoodResponse();
  r.comment = std::string(kMaxCommentBytes, 'c');
  EXPECT_EQ(ValidateResponse(r), std::nullopt);
  r.comment += "c";
  ExpectRefused(ValidateResponse(r), "comment");
  EXPECT_THAT(ValidateResponse(r)->reason, HasSubstr("4096"));
  r.comment = "caf\xE9";  // Latin-1, not UTF-8
  ExpectRefused(ValidateResponse(r), "comment");
}

TEST(ValidateResponseTest, AttributesAreChecked) {
  SurveyResponse r = GoodResponse();
  r.attributes["segment"] = std::string(kMaxAttributeBytes + 1, 's');
  ExpectRefused(ValidateResponse(r), "attr.segment");
}

TEST(ValidateResponseTest, ReportsTheFirstRuleBroken) {
  SurveyResponse r = GoodResponse();
  r.response_id = "";
  r.nps = 12;
  r.comment = std::string(kMaxCommentBytes + 1, 'c');
  ExpectRefused(ValidateResponse(r), "response_id");
}

TEST(ValidateAttributeNameTest, NamesFollowTheStoredNameRules) {
  EXPECT_EQ(ValidateAttributeName("group_by_attributes[0]", "plan"),
            std::nullopt);
  EXPECT_EQ(ValidateAttributeName("f", std::string(kMaxAttributeBytes, 'x')),
            std::nullopt);
  std::optional<Violation> empty =
      ValidateAttributeName("group_by_attributes[0]", "");
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(empty->field, "group_by_attributes[0]");
  EXPECT_THAT(empty->reason,
              StartsWith("group_by_attributes[0]: an attribute name must not "
                         "be empty"));
  std::optional<Violation> long_name =
      ValidateAttributeName("f", std::string(kMaxAttributeBytes + 1, 'x'));
  ASSERT_TRUE(long_name.has_value());
  EXPECT_THAT(long_name->reason, HasSubstr("at most 1024 bytes, got 1025"));
  for (const char* bad : kBadUtf8) {
    std::optional<Violation> v = ValidateAttributeName("f", bad);
    ASSERT_TRUE(v.has_value()) << bad;
    EXPECT_THAT(v->reason, HasSubstr("valid UTF-8"));
  }
}

TEST(ToStatusTest, CarriesCodeAndReasonNamingTheField) {
  SurveyResponse r = GoodResponse();
  r.nps = 11;
  const absl::Status s = ToStatus(*ValidateResponse(r));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "nps must be an integer from 0 to 10, got 11");
}

TEST(ToStatusTest, PrefixesTheFieldWhenTheReasonDoesNotStartWithIt) {
  const Violation v{absl::StatusCode::kAlreadyExists, "response_id",
                    "another response with this id holds other content"};
  const absl::Status s = ToStatus(v);
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(s.message(),
            "response_id: another response with this id holds other content");
}

}  // namespace
}  // namespace cxscore
