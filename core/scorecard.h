// The content of an agent's coaching scorecard (docs/scorecards.md): the
// agent's metrics and service KPIs judged against the rest of the team by
// their intervals, one strength, at most two focus points weighted by what
// the team's drivers analysis says moves satisfaction, and low-n warnings.
// Pure: the caller fetches the numbers and passes "today" in; nothing here
// reads a clock, a file or the network, and nothing here is worded (the
// client phrases the content in the reader's language).
#ifndef CXSCORE_CORE_SCORECARD_H_
#define CXSCORE_CORE_SCORECARD_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/drivers.h"
#include "core/metric_score.h"
#include "core/proportion.h"
#include "core/scores.h"
#include "core/trend.h"

namespace cxscore {

// A period of whole UTC days, both ends included (day numbers as in
// core/calendar.h).
struct DayRange {
  int32_t first_day = 0;
  int32_t last_day = 0;
  bool operator==(const DayRange&) const = default;
};

inline constexpr int kDefaultScorecardDays = 30;

// The last kDefaultScorecardDays days ending with `today` (included).
DayRange DefaultScorecardPeriod(int32_t today);

// What the API reports of a group's survey answers, as counts (GetScores
// gives NPS's three counts and, per proportion metric, n and the value, from
// which successes = value * n / 100).
struct SurveyCounts {
  NpsCounts nps;
  ProportionCounts csat, ces, ves;

  int64_t n(Metric metric) const;
  // The largest n of the four metrics: a lower bound of the responses (a
  // response may answer only some of the questions; the API reports no
  // response count).
  int64_t responses() const;
};

// A duration KPI of a group: how many interactions have it, and its median
// and 90th percentile in seconds.
struct DurationSample {
  int64_t n = 0;
  std::optional<double> p50, p90;
};

// A rate KPI (percent) and the interactions it is over.
struct RateSample {
  int64_t n = 0;
  std::optional<double> percent;
};

struct ServiceSample {
  int64_t interactions = 0;
  int64_t closed = 0;
  DurationSample time_to_first_response, time_to_close;
  RateSample first_contact_resolution;
  RateSample reopens;  // percent of interactions reopened at least once
};

struct GroupSample {
  SurveyCounts survey;
  ServiceSample service;
};

// One metric x KPI pair of the team's drivers analysis (response level).
struct DriverEvidence {
  Metric metric = Metric::kNps;
  Kpi kpi = Kpi::kTimeToClose;
  int64_t n = 0;
  double rho = 0;
  Interval ci{-1, 1};
  bool significant = false;  // q < 0.05 across the pairs
};

struct ScorecardInput {
  GroupSample agent;  // all of the agent's records in the period
  GroupSample team;   // the whole team, the agent included (shown)
  GroupSample rest;   // the team without this agent (what is judged against)
  // The agent's empirical-Bayes adjusted value per metric (RankAgents over
  // the team), indexed by Metric; nullopt when unknown.
  std::array<std::optional<double>, kMetricCount> adjusted;
  std::vector<DriverEvidence> drivers;  // empty when unknown
  int team_agents = 0;  // agents with records in the team, this one included
  // The agent's responses (SurveyCounts::responses) attributed to other
  // teams in the period; they count in `agent` but not in `team`.
  int64_t responses_in_other_teams = 0;
};

// How the agent compares with the rest of the team, by the 95% interval of
// the difference: kBetter / kWorse when it excludes "no difference",
// kNoData when either side has nothing to compare.
enum class Judgement { kNoData, kBetter, kInLine, kWorse };
// "better", "in_line", "worse"; "" for kNoData.
std::string_view JudgementName(Judgement judgement);

struct MetricLine {
  Metric metric = Metric::kNps;
  MetricScore agent;  // adjusted-Wald interval for NPS, Wilson otherwise
  std::optional<double> adjusted;
  MetricScore team;
  MetricScore rest;
  // Agent minus rest, display scale (points). NPS: two-sample adjusted Wald
  // (core/scores.h); proportions: Newcombe's hybrid score interval
  // (ProportionDifference below). nullopt when either side has n = 0.
  std::optional<double> delta;
  std::optional<Interval> delta_ci;
  Judgement judgement = Judgement::kNoData;
};

// The service KPIs of a scorecard, in this order.
inline constexpr std::array<Kpi, 4> kScorecardKpis = {
    Kpi::kTimeToFirstResponse, Kpi::kTimeToClose, Kpi::kFirstContactResolution,
    Kpi::kReopens};

struct KpiLine {
  Kpi kpi = Kpi::kTimeToClose;
  // Durations: the median in seconds and the interactions that have one;
  // rates: percent and interactions.
  int64_t n = 0, team_n = 0, rest_n = 0;
  std::optional<double> value, team_value, rest_value;
  // Agent against rest. Durations: the ratio of the medians (2 = the agent
  // takes twice as long) with an approximate interval (docs/scorecards.md:
  // log-normal from p50 and p90); rates: the difference in points with
  // Newcombe's interval.
  std::optional<double> effect;
  std::optional<Interval> effect_ci;
  Judgement judgement = Judgement::kNoData;  // kBetter = better service
};

// A strength or focus point: one line of the tables above whose gap to the
// rest of the team is clear by its interval and large enough to matter.
struct CoachingPoint {
  enum class Subject { kMetric, kKpi };
  Subject subject = Subject::kKpi;
  Metric metric = Metric::kNps;  // when kMetric
  Kpi kpi = Kpi::kTimeToClose;   // when kKpi
  // The line's numbers (agent, rest of the team, team; n of agent and rest).
  std::optional<double> value, rest_value, team_value;
  int64_t n = 0, rest_n = 0;
  double effect = 0;  // as in the line (points, or ratio for durations)
  Interval effect_ci;
  // The drivers pair that ties this point to satisfaction: for a KPI the
  // metric it moves most, for a metric the KPI it moves with most; nullopt
  // when the drivers analysis shows none.
  std::optional<DriverEvidence> driver;
  double weight = 1;    // 1 + the driver's strength (0..1)
  double priority = 0;  // weight * |effect| / its standard error
};

enum class WarningCode {
  kNoResponses,     // no survey response in the period
  kFewResponses,    // `metric` has 0 < n < kMinResponsesToJudge
  kNoInteractions,  // no interaction: no service KPIs
  kFewTickets,      // 0 < interactions < kMinTicketsToJudge
  kFewClosed,       // closed < kMinTicketsToJudge <= interactions
  kNoTeammates,     // nobody else in the team to compare with
  kOtherTeams,      // `n` responses were attributed to other teams
  kNoDrivers,       // the drivers analysis is missing or shows nothing
};

struct ScorecardWarning {
  WarningCode code = WarningCode::kNoResponses;
  std::optional<Metric> metric;  // kFewResponses
  int64_t n = 0;                 // the thin count
  int64_t needed = 0;            // the count this rule asks for
};

// Below this many answers a metric gets a low-n warning (its interval is
// still shown and still decides the judgement).
inline constexpr int64_t kMinResponsesToJudge = 30;
// Service KPIs are judged only when both sides have at least this many
// tickets behind them (with a duration, for the medians).
inline constexpr int64_t kMinTicketsToJudge = 10;
// A gap becomes a strength or focus point only when its estimate is at least
// this large (a clear but tiny gap is not worth a coaching session): points
// on the metric's scale, a ratio of medians for durations.
inline constexpr double kMaterialNpsPoints = 10;
inline constexpr double kMaterialPercentPoints = 5;
inline constexpr double kMaterialDurationRatio = 1.2;
inline constexpr int kMaxStrengths = 1;
inline constexpr int kMaxFocusPoints = 2;

struct Scorecard {
  std::array<MetricLine, kMetricCount> metrics;  // by Metric
  std::vector<KpiLine> kpis;                     // kScorecardKpis order
  std::optional<NpsShares> nps_shares;           // the agent's; n > 0
  std::vector<CoachingPoint> strengths;          // at most kMaxStrengths
  std::vector<CoachingPoint> focus;              // at most kMaxFocusPoints
  std::vector<ScorecardWarning> warnings;
};

Scorecard BuildScorecard(const ScorecardInput& input);

// Newcombe's hybrid score interval (1998, method 10) for the difference of
// two proportions x - y on -1..1, built from each side's Wilson interval:
//   low  = d - sqrt((px - lx)^2 + (uy - py)^2)
//   high = d + sqrt((ux - px)^2 + (py - ly)^2)
// Unlike the Wald interval it stays honest when a small sample is all
// successes. REQUIRES: x.n > 0, y.n > 0, 0 <= successes <= n.
Interval ProportionDifference(const ProportionCounts& x,
                              const ProportionCounts& y);

}  // namespace cxscore

#endif  // CXSCORE_CORE_SCORECARD_H_
