// Arguments of the analytics commands (drivers, trend, agents, scores
// --compare) and the pieces they share with `scores`: the selection, the
// metric and KPI names, the comparison range.
#include "client/commands/agents_query.h"
#include "client/commands/compare_range.h"
#include "client/commands/drivers_query.h"
#include "client/commands/metric_names.h"
#include "client/commands/scores_query.h"
#include "client/commands/selection_args.h"
#include "client/commands/trend_query.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cxscore::client {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

absl::Time Utc(int y, int m, int d, int hh = 0, int mm = 0) {
  return absl::FromCivil(absl::CivilMinute(y, m, d, hh, mm),
                         absl::UTCTimeZone());
}

int64_t Seconds(absl::Time t) { return absl::ToUnixSeconds(t); }

SelectionArgs FullSelection() {
  SelectionArgs args;
  args.from = "2025-02-01";
  args.to = "2025-02-28";
  args.agents = {"a1", ""};
  args.teams = {"t1"};
  args.channels = {"email", "chat"};
  return args;
}

void ExpectFullSelection(const v1::Selection& selection) {
  EXPECT_EQ(selection.from().seconds(), Seconds(Utc(2025, 2, 1)));
  EXPECT_EQ(selection.to().seconds(), Seconds(Utc(2025, 3, 1)));  // inclusive
  EXPECT_THAT(selection.agents(), ElementsAre("a1", ""));
  EXPECT_THAT(selection.teams(), ElementsAre("t1"));
  EXPECT_THAT(selection.channels(), ElementsAre("email", "chat"));
}

// --- selection ---------------------------------------------------------

TEST(BuildSelectionTest, MapsEveryFilter) {
  absl::StatusOr<v1::Selection> selection = BuildSelection(FullSelection());
  ASSERT_TRUE(selection.ok()) << selection.status();
  ExpectFullSelection(*selection);
}

TEST(BuildSelectionTest, EmptyIsUnboundedAndUnfiltered) {
  v1::Selection selection = *BuildSelection(SelectionArgs());
  EXPECT_FALSE(selection.has_from());
  EXPECT_FALSE(selection.has_to());
  EXPECT_THAT(selection.agents(), IsEmpty());
  EXPECT_THAT(selection.teams(), IsEmpty());
  EXPECT_THAT(selection.channels(), IsEmpty());
}

TEST(BuildSelectionTest, RejectsBadDatesEmptyPeriodsAndBadUtf8) {
  SelectionArgs args;
  args.from = "2025-02-30";
  EXPECT_THAT(BuildSelection(args).status().message(), HasSubstr("--from"));
  args = SelectionArgs();
  args.from = "2025-02-14";
  args.to = "2025-02-13";
  EXPECT_THAT(BuildSelection(args).status().message(), HasSubstr("not before"));
  args = SelectionArgs();
  args.channels = {"\xFF"};
  EXPECT_THAT(BuildSelection(args).status().message(), HasSubstr("--channel"));
}

// --- names ---------------------------------------------------------------

TEST(MetricNamesTest, ParsesTheFourMetricsCaseInsensitively) {
  EXPECT_EQ(*ParseMetric("nps", "--metric"), v1::METRIC_NPS);
  EXPECT_EQ(*ParseMetric("CSAT", "--metric"), v1::METRIC_CSAT);
  EXPECT_EQ(*ParseMetric(" Ces ", "--metric"), v1::METRIC_CES);
  EXPECT_EQ(*ParseMetric("ves", "--metric"), v1::METRIC_VES);
  absl::StatusOr<v1::Metric> bad = ParseMetric("effort", "--rank-by");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(),
              HasSubstr("--rank-by: unknown metric \"effort\""));
  EXPECT_FALSE(ParseMetric("", "--metric").ok());
}

TEST(MetricNamesTest, NamesRoundTripAndUnknownValuesAreNamedByNumber) {
  for (const char* name : {"nps", "csat", "ces", "ves"}) {
    EXPECT_EQ(MetricName(*ParseMetric(name, "--metric")), name);
  }
  EXPECT_EQ(MetricName(static_cast<v1::Metric>(9)), "metric_9");
  EXPECT_TRUE(MetricJson(v1::METRIC_UNSPECIFIED).is_null());
  EXPECT_EQ(MetricTitle(v1::METRIC_NPS), "NPS");
  EXPECT_EQ(MetricTitle(v1::METRIC_CSAT), "CSAT%");
  for (const char* name : {"time_to_first_response", "time_to_close", "reopens",
                           "transfers", "first_contact_resolution"}) {
    EXPECT_EQ(KpiName(ParseKpiLists({name})->front()), name);
  }
  EXPECT_EQ(KpiName(static_cast<v1::Kpi>(17)), "kpi_17");
  EXPECT_TRUE(KpiJson(v1::KPI_UNSPECIFIED).is_null());
}

TEST(MetricNamesTest, KpisAreRepeatableOrCommaListsWithoutRepeats) {
  EXPECT_THAT(
      *ParseKpiLists({"time_to_close", "Reopens, transfers"}),
      ElementsAre(v1::KPI_TIME_TO_CLOSE, v1::KPI_REOPENS, v1::KPI_TRANSFERS));
  EXPECT_THAT(*ParseKpiLists({}), IsEmpty());
  EXPECT_THAT(
      ParseKpiLists({"time_to_close", "time_to_close"}).status().message(),
      HasSubstr("twice"));
  EXPECT_THAT(ParseKpiLists({"csat"}).status().message(),
              HasSubstr("unknown KPI \"csat\""));
  EXPECT_FALSE(ParseKpiLists({"reopens,"}).ok());
  EXPECT_FALSE(ParseKpiLists({""}).ok());
}

// --- drivers -------------------------------------------------------------

TEST(BuildDriversRequestTest, MapsEveryFlag) {
  DriversQuery query;
  query.selection = FullSelection();
  query.kpis = {"time_to_close", "first_contact_resolution,reopens"};
  query.level = "week";
  absl::StatusOr<v1::GetDriversRequest> request = BuildDriversRequest(query);
  ASSERT_TRUE(request.ok()) << request.status();
  ExpectFullSelection(request->selection());
  EXPECT_THAT(request->kpis(),
              ElementsAre(v1::KPI_TIME_TO_CLOSE,
                          v1::KPI_FIRST_CONTACT_RESOLUTION, v1::KPI_REOPENS));
  EXPECT_EQ(request->level(), v1::DRIVER_LEVEL_WEEK);
}

TEST(BuildDriversRequestTest, DefaultsToAllKpisPerResponse) {
  v1::GetDriversRequest request = *BuildDriversRequest(DriversQuery());
  EXPECT_THAT(request.kpis(), IsEmpty());
  EXPECT_EQ(request.level(), v1::DRIVER_LEVEL_RESPONSE);
  EXPECT_FALSE(request.selection().has_from());
}

TEST(BuildDriversRequestTest, Levels) {
  EXPECT_EQ(*ParseDriverLevel("response"), v1::DRIVER_LEVEL_RESPONSE);
  EXPECT_EQ(*ParseDriverLevel("Agent"), v1::DRIVER_LEVEL_AGENT);
  EXPECT_EQ(*ParseDriverLevel("week"), v1::DRIVER_LEVEL_WEEK);
  EXPECT_THAT(ParseDriverLevel("team").status().message(),
              HasSubstr("--level \"team\""));
}

TEST(BuildDriversRequestTest, RejectsBadArguments) {
  DriversQuery query;
  query.kpis = {"speed"};
  EXPECT_FALSE(BuildDriversRequest(query).ok());
  query = DriversQuery();
  query.level = "month";
  EXPECT_FALSE(BuildDriversRequest(query).ok());
  query = DriversQuery();
  query.selection.to = "soon";
  EXPECT_FALSE(BuildDriversRequest(query).ok());
}

TEST(BuildDriversRequestTest, GroupsByOneAttributeAtResponseLevelOnly) {
  DriversQuery query;
  query.by = {"attr.plan"};
  absl::StatusOr<v1::GetDriversRequest> request = BuildDriversRequest(query);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_THAT(request->group_by(), ElementsAre(v1::DIMENSION_ATTRIBUTE));
  EXPECT_THAT(request->group_by_attributes(), ElementsAre("plan"));

  query.by = {"channel"};
  EXPECT_THAT(BuildDriversRequest(query).status().message(),
              HasSubstr("--by: drivers are grouped by attr.NAME only"));
  query.by = {"attr.plan"};
  query.level = "agent";
  EXPECT_THAT(BuildDriversRequest(query).status().message(),
              HasSubstr("works with --level response only"));
  query.level = "response";
  query.selection.channels = {"chat"};
  EXPECT_THAT(BuildDriversRequest(query).status().message(),
              HasSubstr("cannot be combined with --channel"));
}

// --- trend ---------------------------------------------------------------

TrendQuery MinimalTrend() {
  TrendQuery query;
  query.metric = "csat";
  query.interval = "week";
  return query;
}

TEST(BuildTrendRequestTest, MapsEveryFlag) {
  TrendQuery query;
  query.metric = "NPS";
  query.by = {"channel", "agent,team"};
  query.interval = "month";
  query.selection = FullSelection();
  query.nps_interval = "wald";
  absl::StatusOr<v1::GetTrendRequest> request = BuildTrendRequest(query);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->metric(), v1::METRIC_NPS);
  EXPECT_THAT(request->group_by(),
              ElementsAre(v1::DIMENSION_CHANNEL, v1::DIMENSION_AGENT,
                          v1::DIMENSION_TEAM));
  EXPECT_EQ(request->interval(), v1::DIMENSION_MONTH);
  ExpectFullSelection(request->selection());
  EXPECT_EQ(request->nps_interval(), v1::NPS_INTERVAL_WALD);
}

TEST(BuildTrendRequestTest, IntervalsAndDefaults) {
  EXPECT_EQ(*ParseTrendInterval("day"), v1::DIMENSION_DAY);
  EXPECT_EQ(*ParseTrendInterval("WEEK"), v1::DIMENSION_WEEK);
  EXPECT_EQ(*ParseTrendInterval("month"), v1::DIMENSION_MONTH);
  EXPECT_THAT(ParseTrendInterval("quarter").status().message(),
              HasSubstr("--interval \"quarter\""));
  v1::GetTrendRequest request = *BuildTrendRequest(MinimalTrend());
  EXPECT_EQ(request.metric(), v1::METRIC_CSAT);
  EXPECT_EQ(request.interval(), v1::DIMENSION_WEEK);
  EXPECT_THAT(request.group_by(), IsEmpty());
  EXPECT_EQ(request.nps_interval(), v1::NPS_INTERVAL_ADJUSTED_WALD);
}

TEST(BuildTrendRequestTest, GroupsByAnAttribute) {
  TrendQuery query = MinimalTrend();
  query.by = {"attr.plan"};
  absl::StatusOr<v1::GetTrendRequest> request = BuildTrendRequest(query);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_THAT(request->group_by(), ElementsAre(v1::DIMENSION_ATTRIBUTE));
  EXPECT_THAT(request->group_by_attributes(), ElementsAre("plan"));
  query.selection.agents = {"ann"};
  EXPECT_THAT(BuildTrendRequest(query).status().message(),
              HasSubstr("--by attr.plan cannot be combined with --agent"));
}

TEST(BuildTrendRequestTest, GroupsOnlyByAgentTeamOrChannel) {
  for (const char* by : {"week", "agent,day", "month"}) {
    TrendQuery query = MinimalTrend();
    query.by = {by};
    absl::StatusOr<v1::GetTrendRequest> request = BuildTrendRequest(query);
    ASSERT_FALSE(request.ok()) << by;
    EXPECT_THAT(request.status().message(), HasSubstr("--interval")) << by;
  }
  TrendQuery query = MinimalTrend();
  query.by = {"agent", "agent"};
  EXPECT_THAT(BuildTrendRequest(query).status().message(), HasSubstr("twice"));
}

TEST(BuildTrendRequestTest, RequiresAValidMetricAndInterval) {
  TrendQuery query = MinimalTrend();
  query.metric = "";
  EXPECT_THAT(BuildTrendRequest(query).status().message(),
              HasSubstr("--metric is required"));
  query.metric = "fcr";
  EXPECT_THAT(BuildTrendRequest(query).status().message(),
              HasSubstr("--metric: unknown metric \"fcr\""));
  query = MinimalTrend();
  query.interval = "";
  EXPECT_THAT(BuildTrendRequest(query).status().message(),
              HasSubstr("--interval is required"));
  query.interval = "year";
  EXPECT_FALSE(BuildTrendRequest(query).ok());
  query = MinimalTrend();
  query.nps_interval = "exact";
  EXPECT_FALSE(BuildTrendRequest(query).ok());
}

// --- agents --------------------------------------------------------------

TEST(BuildAgentsRequestTest, MapsEveryFlag) {
  AgentsQuery query;
  query.rank_by = "ces";
  query.selection = FullSelection();
  query.nps_interval = "wald";
  absl::StatusOr<v1::RankAgentsRequest> request = BuildAgentsRequest(query);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->rank_by(), v1::METRIC_CES);
  ExpectFullSelection(request->selection());
  EXPECT_EQ(request->nps_interval(), v1::NPS_INTERVAL_WALD);
}

TEST(BuildAgentsRequestTest, RequiresAValidMetric) {
  AgentsQuery query;
  EXPECT_THAT(BuildAgentsRequest(query).status().message(),
              HasSubstr("--rank-by is required"));
  query.rank_by = "fcr";
  EXPECT_THAT(BuildAgentsRequest(query).status().message(),
              HasSubstr("--rank-by: unknown metric"));
  query.rank_by = "ves";
  EXPECT_EQ(BuildAgentsRequest(query)->rank_by(), v1::METRIC_VES);
  query.nps_interval = "exact";
  EXPECT_FALSE(BuildAgentsRequest(query).ok());
}

// --- scores --compare ----------------------------------------------------

v1::Selection Between(const std::string& from, const std::string& to) {
  SelectionArgs args;
  args.from = from;
  args.to = to;
  return *BuildSelection(args);
}

TEST(CompareRangeTest, PreviousIsTheSameLengthRightBefore) {
  // March: 31 days, so the 31 days before it, Jan 29 .. Feb 28 inclusive.
  absl::StatusOr<CompareRange> range =
      ParseCompareRange("previous", Between("2025-03-01", "2025-03-31"));
  ASSERT_TRUE(range.ok()) << range.status();
  EXPECT_EQ(range->from, Utc(2025, 1, 29));
  EXPECT_EQ(range->to, Utc(2025, 3, 1));

  // One week, across a year boundary.
  range = ParseCompareRange("previous", Between("2025-01-03", "2025-01-09"));
  EXPECT_EQ(range->from, Utc(2024, 12, 27));
  EXPECT_EQ(range->to, Utc(2025, 1, 3));

  // One day, across a leap day.
  range = ParseCompareRange("previous", Between("2024-03-01", "2024-03-01"));
  EXPECT_EQ(range->from, Utc(2024, 2, 29));
  EXPECT_EQ(range->to, Utc(2024, 3, 1));
}

TEST(CompareRangeTest, PreviousRoundsTimestampsOutToWholeDaysFirst) {
  // The server counts [Mar 1, Mar 3) for these bounds; the previous two
  // days are Feb 27 and 28, never overlapping the selection.
  absl::StatusOr<CompareRange> range = ParseCompareRange(
      "previous", Between("2025-03-01T10:00:00Z", "2025-03-02T09:00:00Z"));
  ASSERT_TRUE(range.ok()) << range.status();
  EXPECT_EQ(range->from, Utc(2025, 2, 27));
  EXPECT_EQ(range->to, Utc(2025, 3, 1));
  // Midnight bounds stay as they are.
  range = ParseCompareRange(
      "previous", Between("2025-03-01T00:00:00Z", "2025-03-02T00:00:00Z"));
  EXPECT_EQ(range->from, Utc(2025, 2, 28));
  EXPECT_EQ(range->to, Utc(2025, 3, 1));
}

TEST(CompareRangeTest, PreviousNeedsBothBounds) {
  for (const v1::Selection& selection :
       {Between("", ""), Between("2025-03-01", ""),
        Between("", "2025-03-01")}) {
    absl::StatusOr<CompareRange> range =
        ParseCompareRange("previous", selection);
    ASSERT_FALSE(range.ok());
    EXPECT_EQ(range.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(range.status().message(),
                HasSubstr("--compare previous needs both --from and --to"));
  }
}

TEST(CompareRangeTest, ExplicitRangeTakesDatesLikeFromAndTo) {
  absl::StatusOr<CompareRange> range =
      ParseCompareRange("2025-01-01..2025-01-31", v1::Selection());
  ASSERT_TRUE(range.ok()) << range.status();
  EXPECT_EQ(range->from, Utc(2025, 1, 1));
  EXPECT_EQ(range->to, Utc(2025, 2, 1));  // TO inclusive
  range = ParseCompareRange("2025-01-01T06:00:00Z..2025-01-02T06:30:00.5+01:00",
                            v1::Selection());
  ASSERT_TRUE(range.ok()) << range.status();
  EXPECT_EQ(range->from, Utc(2025, 1, 1, 6));
  EXPECT_EQ(range->to, Utc(2025, 1, 2, 5, 30) + absl::Milliseconds(500));
  range = ParseCompareRange("2025-01-05..2025-01-05", v1::Selection());
  EXPECT_EQ(range->to - range->from, absl::Hours(24));
}

TEST(CompareRangeTest, RejectsOtherForms) {
  for (const char* bad :
       {"last", "", "2025-01-01", "2025-01-01..", "..2025-01-31",
        "2025-01-01...2025-01-31", "2025-01-32..2025-02-01",
        "2025-02-01..2025-01-01", "Previous", "2025-01-01 .. 2025-01-31"}) {
    absl::StatusOr<CompareRange> range =
        ParseCompareRange(bad, Between("2025-03-01", "2025-03-31"));
    ASSERT_FALSE(range.ok()) << bad;
    EXPECT_THAT(range.status().message(), HasSubstr("--compare")) << bad;
  }
}

TEST(BuildScoresRequestTest, CompareSetsTheComparisonRange) {
  ScoresQuery query;
  query.selection.from = "2025-03-01";
  query.selection.to = "2025-03-31";
  query.compare = "previous";
  absl::StatusOr<v1::GetScoresRequest> request = BuildScoresRequest(query);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->compare_from().seconds(), Seconds(Utc(2025, 1, 29)));
  EXPECT_EQ(request->compare_to().seconds(), Seconds(Utc(2025, 3, 1)));
  EXPECT_EQ(request->from().seconds(), Seconds(Utc(2025, 3, 1)));
  EXPECT_EQ(request->to().seconds(), Seconds(Utc(2025, 4, 1)));

  query.compare = "2024-03-01..2024-03-31";
  request = BuildScoresRequest(query);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->compare_from().seconds(), Seconds(Utc(2024, 3, 1)));
  EXPECT_EQ(request->compare_to().seconds(), Seconds(Utc(2024, 4, 1)));
}

TEST(BuildScoresRequestTest, NoCompareLeavesTheRangeUnset) {
  ScoresQuery query;
  query.selection.from = "2025-03-01";
  v1::GetScoresRequest request = *BuildScoresRequest(query);
  EXPECT_FALSE(request.has_compare_from());
  EXPECT_FALSE(request.has_compare_to());
  // An explicit empty --compare is an error, not "no comparison".
  query.compare = "";
  EXPECT_FALSE(BuildScoresRequest(query).ok());
  query.compare = "previous";  // --to missing
  EXPECT_FALSE(BuildScoresRequest(query).ok());
}

}  // namespace
}  // namespace cxscore::client
