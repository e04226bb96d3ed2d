#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "client/documents/scorecard_document.h"
#include "client/import/cell_values.h"
#include "client/rpc.h"
#include "core/calendar.h"
#include "wire/enum_mapping.h"

namespace cxscore::client {
namespace {

// The drivers analysis behind the focus weights looks at this many days
// ending with the scorecard's last day (or the period, if longer): how
// service moves satisfaction is a property of the team, and 30 days of one
// team are often too few to show it.
constexpr int32_t kDriversWindowDays = 90;

ProportionCounts ProportionCountsOf(const v1::ProportionScore& score) {
  ProportionCounts c;
  c.n = static_cast<int64_t>(score.n());
  if (score.has_value()) {
    c.successes = std::clamp<int64_t>(
        std::llround(score.value() * static_cast<double>(c.n) / 100), 0, c.n);
  }
  return c;
}

DurationSample DurationSampleOf(const v1::DurationStats& stats) {
  DurationSample s;
  s.n = static_cast<int64_t>(stats.n());
  if (stats.has_p50()) s.p50 = stats.p50();
  if (stats.has_p90()) s.p90 = stats.p90();
  return s;
}

GroupSample GroupSampleOf(const v1::GroupScores& group) {
  return GroupSample{SurveyCountsOf(group), ServiceSampleOf(group.service())};
}

absl::Status GetScores(v1::CxScore::StubInterface& stub,
                       const CallOptions& options,
                       const v1::GetScoresRequest& request,
                       v1::GetScoresResponse* response) {
  return CallOnce(options, [&](grpc::ClientContext* context) {
    return stub.GetScores(context, request, response);
  });
}

v1::GetScoresRequest ScoresRequest(const DayRange& period,
                                   std::vector<v1::Dimension> group_by,
                                   const std::vector<std::string>& agents,
                                   const std::vector<std::string>& teams) {
  v1::GetScoresRequest request;
  const v1::Selection selection = SelectionOf(period);
  *request.mutable_from() = selection.from();
  *request.mutable_to() = selection.to();
  for (v1::Dimension d : group_by) request.add_group_by(d);
  for (const std::string& a : agents) request.add_agents(a);
  for (const std::string& t : teams) request.add_teams(t);
  return request;
}

std::optional<double> Opt(bool present, double value) {
  if (!present) return std::nullopt;
  return value;
}

std::vector<WeekPoint> WeekPointsOf(const v1::GetTrendResponse& agent,
                                    const v1::GetTrendResponse& team) {
  std::map<std::string, std::optional<double>> team_values;
  if (team.series_size() > 0) {
    for (const v1::TrendPoint& p : team.series(0).points()) {
      team_values[p.period()] = Opt(p.has_value(), p.value());
    }
  }
  std::vector<WeekPoint> points;
  if (agent.series_size() == 0) return points;
  for (const v1::TrendPoint& p : agent.series(0).points()) {
    WeekPoint w;
    w.period = p.period();
    w.n = static_cast<int64_t>(p.n());
    w.value = Opt(p.has_value(), p.value());
    w.ci_low = Opt(p.has_ci_low(), p.ci_low());
    w.ci_high = Opt(p.has_ci_high(), p.ci_high());
    auto it = team_values.find(p.period());
    if (it != team_values.end()) w.team_value = it->second;
    points.push_back(std::move(w));
  }
  return points;
}

CommentView CommentViewOf(const v1::Comment& c, CommentView::Kind kind) {
  CommentView view;
  view.kind = kind;
  view.day = DayNumberOf(absl::FromUnixSeconds(c.submitted_at().seconds()));
  view.channel = c.channel();
  if (c.has_nps()) view.nps = c.nps();
  if (c.has_csat()) view.csat = c.csat();
  if (c.has_ces()) view.ces = c.ces();
  view.text = c.comment();
  return view;
}

}  // namespace

absl::Time TimeOfDay(int32_t day) { return StartOfDay(day); }

absl::Status CallOnce(
    const CallOptions& options,
    const std::function<grpc::Status(grpc::ClientContext*)>& call) {
  grpc::ClientContext context;
  context.set_deadline(DeadlineFromNow(options.timeout));
  const grpc::Status status = call(&context);
  if (status.ok()) return absl::OkStatus();
  return RpcError(status, options.server, options.timeout);
}

absl::Status CallOrSkip(
    const CallOptions& options, const char* name, MissingPart::What what,
    std::vector<MissingPart>* missing, bool* skipped,
    const std::function<grpc::Status(grpc::ClientContext*)>& call) {
  *skipped = false;
  absl::Status status = CallOnce(options, call);
  const bool can_skip = status.code() == absl::StatusCode::kUnimplemented ||
                        status.code() == absl::StatusCode::kPermissionDenied;
  if (can_skip && missing != nullptr) {
    *skipped = true;
    const bool known =
        std::any_of(missing->begin(), missing->end(),
                    [&](const MissingPart& m) { return m.what == what; });
    if (!known)
      missing->push_back(
          {what, name, std::string(absl::StatusCodeToString(status.code()))});
    return absl::OkStatus();
  }
  return status;
}

v1::Selection SelectionOf(const DayRange& period) {
  v1::Selection selection;
  *selection.mutable_from() = ToProtoTimestamp(StartOfDay(period.first_day));
  *selection.mutable_to() = ToProtoTimestamp(StartOfDay(period.last_day + 1));
  return selection;
}

SurveyCounts SurveyCountsOf(const v1::GroupScores& group) {
  SurveyCounts s;
  s.nps.detractors = static_cast<int64_t>(group.nps().detractors());
  s.nps.passives = static_cast<int64_t>(group.nps().passives());
  s.nps.promoters = static_cast<int64_t>(group.nps().promoters());
  s.csat = ProportionCountsOf(group.csat());
  s.ces = ProportionCountsOf(group.ces());
  s.ves = ProportionCountsOf(group.ves().score());
  return s;
}

ServiceSample ServiceSampleOf(const v1::ServiceStats& stats) {
  ServiceSample s;
  s.interactions = static_cast<int64_t>(stats.interactions());
  s.closed = static_cast<int64_t>(stats.closed());
  s.time_to_first_response = DurationSampleOf(stats.time_to_first_response());
  s.time_to_close = DurationSampleOf(stats.time_to_close());
  // The API reports the rates but not how many interactions had FCR or
  // reopens recorded; all interactions are taken as the base
  // (docs/scorecards.md).
  s.first_contact_resolution = {s.interactions,
                                Opt(stats.has_fcr_rate(), stats.fcr_rate())};
  s.reopens = {s.interactions,
               Opt(stats.has_reopen_rate(), stats.reopen_rate())};
  return s;
}

absl::StatusOr<std::vector<std::string>> FetchTeamAgents(
    v1::CxScore::StubInterface& stub, const std::string& team,
    const DayRange& period, const CallOptions& options) {
  v1::GetScoresResponse response;
  absl::Status status = GetScores(
      stub, options, ScoresRequest(period, {v1::DIMENSION_AGENT}, {}, {team}),
      &response);
  if (!status.ok()) return status;
  std::vector<std::string> agents;
  for (const v1::GroupScores& g : response.groups()) {
    if (g.key_size() == 1 && g.key(0).has_value() &&
        !g.key(0).value().empty()) {
      agents.push_back(g.key(0).value());
    }
  }
  std::sort(agents.begin(), agents.end());
  return agents;
}

absl::StatusOr<ScorecardDocument> FetchScorecard(
    v1::CxScore::StubInterface& stub, const ScorecardRequest& request,
    const CallOptions& options) {
  ScorecardDocument doc;
  doc.agent = request.agent;
  doc.period = request.period;
  doc.generated_day = request.today;
  ScorecardInput input;

  // The agent's records per team: which team, and how many elsewhere.
  v1::GetScoresResponse by_team;
  absl::Status status = GetScores(
      stub, options,
      ScoresRequest(request.period, {v1::DIMENSION_TEAM}, {request.agent}, {}),
      &by_team);
  if (!status.ok()) return status;
  struct TeamShare {
    std::optional<std::string> team;
    int64_t responses = 0;
    int64_t interactions = 0;
  };
  std::vector<TeamShare> shares;
  for (const v1::GroupScores& g : by_team.groups()) {
    TeamShare share;
    if (g.key_size() == 1 && g.key(0).has_value())
      share.team = g.key(0).value();
    share.responses = SurveyCountsOf(g).responses();
    share.interactions = static_cast<int64_t>(g.service().interactions());
    if (share.responses == 0 && share.interactions == 0) continue;
    shares.push_back(std::move(share));
  }
  if (request.team.has_value()) {
    doc.team = request.team;
  } else {
    if (shares.empty()) {
      return absl::NotFoundError(absl::StrCat(
          "agent \"", request.agent, "\" has no responses or tickets from ",
          PeriodKey(Period::kDay, request.period.first_day), " to ",
          PeriodKey(Period::kDay, request.period.last_day),
          " (check the id, or widen --from/--to)"));
    }
    // Most responses, then most interactions, then the smaller id; an
    // unattributed team only when there is no other.
    auto rank = [](const TeamShare& s) {
      return std::make_tuple(s.team.has_value(), s.responses, s.interactions);
    };
    const TeamShare* best = &shares[0];
    for (const TeamShare& s : shares) {
      if (rank(s) > rank(*best) ||
          (rank(s) == rank(*best) && s.team < best->team)) {
        best = &s;
      }
    }
    doc.team = best->team;
  }
  for (const TeamShare& s : shares) {
    if (s.team != doc.team) input.responses_in_other_teams += s.responses;
  }
  const std::string team_filter = doc.team.value_or("");

  // The agent, the team, and the rest of the team (the team without this
  // agent: an aggregate that an agent token may read too).
  v1::GetScoresResponse agent_scores, team_scores, rest;
  status = GetScores(stub, options,
                     ScoresRequest(request.period, {}, {request.agent}, {}),
                     &agent_scores);
  if (!status.ok()) return status;
  status = GetScores(stub, options,
                     ScoresRequest(request.period, {}, {}, {team_filter}),
                     &team_scores);
  if (!status.ok()) return status;
  v1::GetScoresRequest rest_request =
      ScoresRequest(request.period, {}, {}, {team_filter});
  rest_request.add_exclude_agents(request.agent);
  rest_request.set_count_agents(true);
  status = GetScores(stub, options, rest_request, &rest);
  if (!status.ok()) return status;
  if (agent_scores.groups_size() > 0) {
    input.agent = GroupSampleOf(agent_scores.groups(0));
  }
  if (team_scores.groups_size() > 0) {
    input.team = GroupSampleOf(team_scores.groups(0));
  }
  if (rest.groups_size() > 0) {
    input.rest = GroupSampleOf(rest.groups(0));
    input.team_agents = static_cast<int>(rest.groups(0).agents());
  }
  input.team_agents += 1;  // this agent, in the team or judged against it
  doc.interactions = input.agent.service.interactions;
  doc.responses = input.agent.survey.responses();

  v1::Selection team_selection = SelectionOf(request.period);
  team_selection.add_teams(team_filter);
  v1::Selection agent_selection = SelectionOf(request.period);
  agent_selection.add_agents(request.agent);
  bool skipped = false;

  // Adjusted values: the agent's place in the team's ranking.
  for (Metric m : kAllMetrics) {
    v1::RankAgentsRequest rank_request;
    *rank_request.mutable_selection() = team_selection;
    rank_request.set_rank_by(wire::ToProto(m));
    v1::RankAgentsResponse ranking;
    status =
        CallOrSkip(options, "RankAgents", MissingPart::What::kAdjusted,
                   &doc.missing, &skipped, [&](grpc::ClientContext* context) {
                     return stub.RankAgents(context, rank_request, &ranking);
                   });
    if (!status.ok()) return status;
    if (skipped) break;
    for (const v1::AgentRank& a : ranking.agents()) {
      if (a.agent() == request.agent && a.has_adjusted()) {
        input.adjusted[static_cast<int>(m)] = a.adjusted();
      }
    }
  }

  // What moves satisfaction in this team.
  {
    v1::GetDriversRequest drivers_request;
    const DayRange window{
        std::min(request.period.first_day,
                 request.period.last_day - (kDriversWindowDays - 1)),
        request.period.last_day};
    *drivers_request.mutable_selection() = SelectionOf(window);
    drivers_request.mutable_selection()->add_teams(team_filter);
    drivers_request.set_level(v1::DRIVER_LEVEL_RESPONSE);
    v1::GetDriversResponse drivers;
    status =
        CallOrSkip(options, "GetDrivers", MissingPart::What::kDrivers,
                   &doc.missing, &skipped, [&](grpc::ClientContext* context) {
                     return stub.GetDrivers(context, drivers_request, &drivers);
                   });
    if (!status.ok()) return status;
    for (const v1::DriverPair& p : drivers.pairs()) {
      const std::optional<Metric> m = wire::MetricFromProto(p.metric());
      const std::optional<Kpi> k = wire::KpiFromProto(p.kpi());
      if (!m || !k || !p.has_rho()) continue;
      input.drivers.push_back(
          DriverEvidence{*m, *k, static_cast<int64_t>(p.n()), p.rho(),
                         Interval{p.has_ci_low() ? p.ci_low() : -1,
                                  p.has_ci_high() ? p.ci_high() : 1},
                         p.significant()});
    }
  }

  doc.card = BuildScorecard(input);

  // Weekly trend of the agent and the team, per metric. The team's line
  // can be refused alone (an agent token, a week with fewer than 3 agents).
  bool team_trend_skipped = false;
  for (Metric m : kAllMetrics) {
    v1::GetTrendResponse agent_trend, team_trend;
    v1::GetTrendRequest trend_request;
    trend_request.set_metric(wire::ToProto(m));
    trend_request.set_interval(v1::DIMENSION_WEEK);
    *trend_request.mutable_selection() = agent_selection;
    status =
        CallOrSkip(options, "GetTrend", MissingPart::What::kTrend, &doc.missing,
                   &skipped, [&](grpc::ClientContext* context) {
                     return stub.GetTrend(context, trend_request, &agent_trend);
                   });
    if (!status.ok()) return status;
    if (skipped) break;
    if (!team_trend_skipped) {
      *trend_request.mutable_selection() = team_selection;
      status = CallOrSkip(
          options, "GetTrend", MissingPart::What::kTeamTrend, &doc.missing,
          &team_trend_skipped, [&](grpc::ClientContext* context) {
            return stub.GetTrend(context, trend_request, &team_trend);
          });
      if (!status.ok()) return status;
    }
    doc.trend[static_cast<int>(m)] = WeekPointsOf(agent_trend, team_trend);
  }

  // Verbatims: the newest comments of detractors, then of promoters.
  for (auto [filter, kind] :
       {std::pair{v1::COMMENT_FILTER_DETRACTORS, CommentView::Kind::kDetractor},
        std::pair{v1::COMMENT_FILTER_PROMOTERS,
                  CommentView::Kind::kPromoter}}) {
    v1::ListCommentsRequest comments_request;
    *comments_request.mutable_selection() = agent_selection;
    comments_request.set_filter(filter);
    comments_request.set_limit(
        static_cast<uint32_t>(request.comments_per_kind));
    v1::ListCommentsResponse comments;
    status = CallOrSkip(
        options, "ListComments", MissingPart::What::kComments, &doc.missing,
        &skipped, [&](grpc::ClientContext* context) {
          return stub.ListComments(context, comments_request, &comments);
        });
    if (!status.ok()) return status;
    if (skipped) break;
    for (const v1::Comment& c : comments.comments()) {
      if (c.comment().empty()) continue;
      doc.comments.push_back(CommentViewOf(c, kind));
    }
  }
  return doc;
}

}  // namespace cxscore::client
