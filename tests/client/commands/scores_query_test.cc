#include "client/commands/scores_query.h"

#include "client/import/cell_values.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cxscore::client {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

absl::Time Utc(int y, int m, int d, int hh = 0, int mm = 0) {
  return absl::FromCivil(absl::CivilMinute(y, m, d, hh, mm),
                         absl::UTCTimeZone());
}

int64_t Seconds(absl::Time t) { return absl::ToUnixSeconds(t); }

TEST(ParseDimensionsTest, KeepsTheUsersOrder) {
  EXPECT_THAT(*ParseDimensions("week,agent"),
              ElementsAre(v1::DIMENSION_WEEK, v1::DIMENSION_AGENT));
  EXPECT_THAT(*ParseDimensions("agent,team,channel,day,week,month"),
              ElementsAre(v1::DIMENSION_AGENT, v1::DIMENSION_TEAM,
                          v1::DIMENSION_CHANNEL, v1::DIMENSION_DAY,
                          v1::DIMENSION_WEEK, v1::DIMENSION_MONTH));
  EXPECT_THAT(*ParseDimensions(" Channel , MONTH"),
              ElementsAre(v1::DIMENSION_CHANNEL, v1::DIMENSION_MONTH));
}

TEST(ParseDimensionsTest, RejectsUnknownEmptyAndRepeated) {
  absl::StatusOr<std::vector<v1::Dimension>> d = ParseDimensions("agent,year");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(d.status().message(), HasSubstr("\"year\""));
  EXPECT_FALSE(ParseDimensions("").ok());
  EXPECT_FALSE(ParseDimensions("agent,,team").ok());
  EXPECT_FALSE(ParseDimensions("agent,").ok());
  d = ParseDimensions("team,agent,team");
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(), HasSubstr("twice"));
}

TEST(ParseGroupingTest, AttributesKeepTheirNameAndPosition) {
  absl::StatusOr<Grouping> g = ParseGrouping({"attr.plan, week"});
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_THAT(g->dimensions,
              ElementsAre(v1::DIMENSION_ATTRIBUTE, v1::DIMENSION_WEEK));
  EXPECT_THAT(g->attributes, ElementsAre("plan"));
  EXPECT_THAT(g->ColumnNames(), ElementsAre("attr.plan", "week"));
  // "attr." is case-insensitive; the name is kept as written.
  g = ParseGrouping({"month", "ATTR.Tenure Band"});
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_THAT(g->attributes, ElementsAre("Tenure Band"));
  EXPECT_THAT(g->ColumnNames(), ElementsAre("month", "attr.Tenure Band"));
  // Plain dimensions as before.
  g = ParseGrouping({"agent,team"});
  ASSERT_TRUE(g.ok());
  EXPECT_TRUE(g->attributes.empty());
  EXPECT_THAT(g->ColumnNames(), ElementsAre("agent", "team"));
}

TEST(ParseGroupingTest, RejectsBadOrCombinedAttributes) {
  const auto message = [](std::vector<std::string> by) {
    absl::StatusOr<Grouping> g = ParseGrouping(by);
    EXPECT_FALSE(g.ok());
    return g.ok() ? std::string() : std::string(g.status().message());
  };
  EXPECT_THAT(message({"attr."}), HasSubstr("attr. needs an attribute name"));
  EXPECT_THAT(message({"attr.plan,attr.region"}), HasSubstr("at most one"));
  EXPECT_THAT(message({"attr.plan", "agent"}),
              HasSubstr("--by: attr.plan cannot be combined with agent"));
  EXPECT_THAT(message({"attr.plan,,week"}), HasSubstr("empty entry"));
  EXPECT_THAT(message({"week,year"}),
              HasSubstr("unknown dimension \"year\"; expected agent, team, "
                        "channel, day, week, month or attr.NAME"));
  EXPECT_THAT(message({"week", "week"}), HasSubstr("twice"));
  EXPECT_THAT(message({"attr." + std::string(1025, 'x')}),
              HasSubstr("1 to 1024 bytes"));
}

TEST(BuildScoresRequestTest, SendsTheAttributeNameAndRefusesFilters) {
  ScoresQuery query;
  query.by = {"attr.plan,week"};
  absl::StatusOr<v1::GetScoresRequest> request = BuildScoresRequest(query);
  ASSERT_TRUE(request.ok()) << request.status();
  ASSERT_EQ(request->group_by_size(), 2);
  EXPECT_EQ(request->group_by(0), v1::DIMENSION_ATTRIBUTE);
  EXPECT_EQ(request->group_by(1), v1::DIMENSION_WEEK);
  ASSERT_EQ(request->group_by_attributes_size(), 1);
  EXPECT_EQ(request->group_by_attributes(0), "plan");

  query.selection.teams = {"blue"};
  request = BuildScoresRequest(query);
  ASSERT_FALSE(request.ok());
  EXPECT_THAT(request.status().message(),
              HasSubstr("--by attr.plan cannot be combined with --team"));
}

TEST(DimensionNameTest, NamesMatchTheCommandLine) {
  for (const char* name :
       {"agent", "team", "channel", "day", "week", "month"}) {
    EXPECT_EQ(DimensionName(ParseDimensions(name)->front()), name);
  }
  EXPECT_EQ(DimensionName(static_cast<v1::Dimension>(42)), "dimension_42");
}

TEST(ParseTimeBoundTest, DatesAreWholeUtcDays) {
  EXPECT_EQ(*ParseTimeBound("2025-02-13", TimeBound::kFrom), Utc(2025, 2, 13));
  // --to is inclusive: the wire bound is the next midnight.
  EXPECT_EQ(*ParseTimeBound("2025-02-13", TimeBound::kTo), Utc(2025, 2, 14));
  EXPECT_EQ(*ParseTimeBound("2024-12-31", TimeBound::kTo), Utc(2025, 1, 1));
  EXPECT_EQ(*ParseTimeBound("2024-02-28", TimeBound::kTo), Utc(2024, 2, 29));
}

TEST(ParseTimeBoundTest, TimestampsAreTakenAsIs) {
  EXPECT_EQ(*ParseTimeBound("2025-02-13T09:30:00Z", TimeBound::kFrom),
            Utc(2025, 2, 13, 9, 30));
  EXPECT_EQ(*ParseTimeBound("2025-02-13T09:30:00+02:00", TimeBound::kTo),
            Utc(2025, 2, 13, 7, 30));
}

TEST(ParseTimeBoundTest, RejectsOtherForms) {
  for (const char* bad : {"2025-02-30", "13-02-2025", "2025-2-13", "today",
                          "2025-02-13T09:30:00", "", "2025-02-13 09:30Z"}) {
    absl::StatusOr<absl::Time> t = ParseTimeBound(bad, TimeBound::kFrom);
    ASSERT_FALSE(t.ok()) << bad;
    EXPECT_THAT(t.status().message(), HasSubstr("--from"));
    EXPECT_THAT(t.status().message(), HasSubstr("YYYY-MM-DD"));
  }
  EXPECT_THAT(ParseTimeBound("x", TimeBound::kTo).status().message(),
              HasSubstr("--to"));
}

TEST(ParseNpsIntervalTest, TwoMethods) {
  EXPECT_EQ(*ParseNpsInterval("adjusted-wald"), v1::NPS_INTERVAL_ADJUSTED_WALD);
  EXPECT_EQ(*ParseNpsInterval("wald"), v1::NPS_INTERVAL_WALD);
  EXPECT_FALSE(ParseNpsInterval("wilson").ok());
}

TEST(BuildScoresRequestTest, DefaultsAreUnboundedAndUngrouped) {
  v1::GetScoresRequest request = *BuildScoresRequest(ScoresQuery());
  EXPECT_EQ(request.group_by_size(), 0);
  EXPECT_FALSE(request.has_from());
  EXPECT_FALSE(request.has_to());
  EXPECT_EQ(request.agents_size(), 0);
  EXPECT_EQ(request.nps_interval(), v1::NPS_INTERVAL_ADJUSTED_WALD);
}

TEST(BuildScoresRequestTest, MapsEveryArgument) {
  ScoresQuery query;
  query.by = {"channel,week", "agent"};
  query.selection.from = "2025-02-01";
  query.selection.to = "2025-02-28";
  query.selection.agents = {"a1", ""};
  query.selection.teams = {"t1"};
  query.selection.channels = {"email", "chat"};
  query.nps_interval = "wald";
  absl::StatusOr<v1::GetScoresRequest> request = BuildScoresRequest(query);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_THAT(request->group_by(),
              ElementsAre(v1::DIMENSION_CHANNEL, v1::DIMENSION_WEEK,
                          v1::DIMENSION_AGENT));
  EXPECT_EQ(request->from().seconds(), Seconds(Utc(2025, 2, 1)));
  EXPECT_EQ(request->to().seconds(), Seconds(Utc(2025, 3, 1)));
  EXPECT_THAT(request->agents(), ElementsAre("a1", ""));
  EXPECT_THAT(request->teams(), ElementsAre("t1"));
  EXPECT_THAT(request->channels(), ElementsAre("email", "chat"));
  EXPECT_EQ(request->nps_interval(), v1::NPS_INTERVAL_WALD);
}

TEST(BuildScoresRequestTest, SameDayIsOneDay) {
  ScoresQuery query;
  query.selection.from = "2025-02-13";
  query.selection.to = "2025-02-13";
  absl::StatusOr<v1::GetScoresRequest> request = BuildScoresRequest(query);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->to().seconds() - request->from().seconds(), 86400);
}

TEST(BuildScoresRequestTest, RejectsAnEmptyPeriod) {
  ScoresQuery query;
  query.selection.from = "2025-02-14";
  query.selection.to = "2025-02-13";
  absl::StatusOr<v1::GetScoresRequest> request = BuildScoresRequest(query);
  ASSERT_FALSE(request.ok());
  EXPECT_THAT(request.status().message(), HasSubstr("not before"));
  query.selection.from = "2025-02-13T10:00:00Z";
  query.selection.to = "2025-02-13T10:00:00Z";
  EXPECT_FALSE(BuildScoresRequest(query).ok());
}

TEST(BuildScoresRequestTest, RejectsADimensionRepeatedAcrossFlags) {
  ScoresQuery query;
  query.by = {"agent", "team,agent"};
  EXPECT_FALSE(BuildScoresRequest(query).ok());
}

TEST(BuildScoresRequestTest, RejectsBadArguments) {
  ScoresQuery query;
  query.by = {"agnet"};
  EXPECT_FALSE(BuildScoresRequest(query).ok());
  query = ScoresQuery();
  query.selection.to = "tomorrow";
  EXPECT_FALSE(BuildScoresRequest(query).ok());
  query = ScoresQuery();
  query.nps_interval = "exact";
  EXPECT_FALSE(BuildScoresRequest(query).ok());
  query = ScoresQuery();
  query.selection.agents = {"\xFF"};
  EXPECT_FALSE(BuildScoresRequest(query).ok());
}

}  // namespace
}  // namespace cxscore::client
