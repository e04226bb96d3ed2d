#include "tests/client/documents/scorecard_world.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "absl/strings/str_cat.h"
#include "core/scores.h"

namespace cxscore::client {
namespace {

constexpr double kHour = 3600, kMinute = 60;

GroupSpec NpsOnly(int detractors, int passives, int promoters) {
  GroupSpec spec;
  spec.detractors = detractors;
  spec.passives = passives;
  spec.promoters = promoters;
  return spec;
}

// Columns: detractors, passives, promoters; CSAT ok/n; CES ok/n; VES ok/n;
// tickets, closed, close p50, p90; first responses, p50, p90; FCR%, reopen%.
// clang-format off
// ann closes slowly; bob is fast and well rated; cat and dan are ordinary.
// ann also has 4 NPS answers attributed to team green.
const GroupSpec kAnnBlue = {13, 19, 32,  52, 64,  42, 62,  30, 50,
                            72, 70, 14 * kHour, 40 * kHour,
                            72, 25 * kMinute, 90 * kMinute, 68.0, 9.7};
const GroupSpec kAnnGreen = NpsOnly(1, 1, 2);
const GroupSpec kAnnTotal = {14, 20, 34,  52, 64,  42, 62,  30, 50,
                             72, 70, 14 * kHour, 40 * kHour,
                             72, 25 * kMinute, 90 * kMinute, 68.0, 9.7};
const GroupSpec kBob = {4, 16, 60,  77, 80,  72, 80,  56, 70,
                        90, 90, 1.5 * kHour, 5 * kHour,
                        90, 10 * kMinute, 40 * kMinute, 86.7, 3.3};
const GroupSpec kCat = {20, 30, 45,  76, 95,  66, 94,  50, 85,
                        110, 108, 4 * kHour, 12 * kHour,
                        110, 24 * kMinute, 80 * kMinute, 70.0, 8.2};
const GroupSpec kDan = {24, 35, 51,  86, 110,  75, 108,  58, 95,
                        125, 121, 4.2 * kHour, 13 * kHour,
                        125, 22 * kMinute, 85 * kMinute, 69.6, 8.8};
const GroupSpec kUnattributed = NpsOnly(2, 3, 4);
const GroupSpec kTeam = {63, 103, 192,  291, 349,  255, 344,  194, 300,
                         397, 389, 4 * kHour, 14 * kHour,
                         397, 20 * kMinute, 80 * kMinute, 72.8, 7.3};
const GroupSpec kRestOfAnn = {50, 84, 160,  239, 285,  213, 282,  164, 250,
                              325, 319, 3.5 * kHour, 12 * kHour,
                              325, 19 * kMinute, 75 * kMinute, 73.8, 6.8};
const GroupSpec kRestOfBob = {59, 87, 132,  214, 269,  183, 264,  138, 230,
                              307, 299, 5 * kHour, 16 * kHour,
                              307, 23 * kMinute, 85 * kMinute, 69.4, 8.5};
const GroupSpec kRestOfCat = {43, 73, 147,  215, 254,  189, 250,  144, 215,
                              287, 281, 4 * kHour, 15 * kHour,
                              287, 19 * kMinute, 80 * kMinute, 73.9, 7.0};
const GroupSpec kRestOfDan = {39, 68, 141,  205, 239,  180, 236,  136, 205,
                              272, 268, 3.9 * kHour, 14 * kHour,
                              272, 19 * kMinute, 78 * kMinute, 74.3, 6.8};

// Team blue per channel (the report).
const GroupSpec kChat = {20, 40, 90,  130, 150,  118, 148,  90, 130,
                         160, 158, 1.5 * kHour, 6 * kHour,
                         160, 4 * kMinute, 15 * kMinute, 81.0, 5.0};
const GroupSpec kEmail = {30, 40, 60,  100, 130,  80, 128,  60, 110,
                          150, 145, 9 * kHour, 30 * kHour,
                          150, 50 * kMinute, 3 * kHour, 61.3, 10.7};
const GroupSpec kPhone = {11, 20, 38,  57, 65,  53, 64,  40, 56,
                          85, 84, 20 * kMinute, 2 * kHour,
                          85, 1 * kMinute, 3 * kMinute, 78.8, 5.9};
const GroupSpec kNoChannel = {2, 3, 4,  4, 4,  4, 4,  4, 4,
                              2, 2, 3 * kHour, 5 * kHour,
                              2, 30 * kMinute, 40 * kMinute, 50.0, 0.0};
// clang-format on

v1::ProportionScore Proportion(int ok, int n) {
  v1::ProportionScore p;
  p.set_n(n);
  if (n == 0) return p;
  p.set_value(100.0 * ok / n);
  const Interval ci = WilsonInterval(ok, n);
  p.set_ci_low(100 * ci.low);
  p.set_ci_high(100 * ci.high);
  return p;
}

v1::DurationStats Duration(int n, double p50, double p90) {
  v1::DurationStats d;
  d.set_n(n);
  if (n == 0) return d;
  d.set_mean((p50 + p90) / 2);
  d.set_p50(p50);
  d.set_p90(p90);
  return d;
}

struct Base {
  double nps, csat, ces, ves;
};

Base BaseOf(const std::string& who) {
  if (who == "ann") return {30, 81, 68, 60};
  if (who == "bob") return {70, 96, 90, 80};
  if (who == "blue") return {36, 83, 74, 65};
  return {35, 80, 70, 60};
}

v1::GetTrendResponse Trend(const std::string& who, v1::Metric metric,
                           bool team) {
  static const char* kWeeks[] = {"2025-W09", "2025-W10", "2025-W11", "2025-W12",
                                 "2025-W13"};
  static const double kOffsets[] = {-4, 2, -1, 3, 0};
  static const int kCounts[] = {6, 14, 12, 16, 16};
  const Base base = BaseOf(who);
  double value = 0;
  switch (metric) {
    case v1::METRIC_NPS:
      value = base.nps;
      break;
    case v1::METRIC_CSAT:
      value = base.csat;
      break;
    case v1::METRIC_CES:
      value = base.ces;
      break;
    default:
      value = base.ves;
      break;
  }
  v1::GetTrendResponse response;
  v1::TrendSeries* series = response.add_series();
  for (int i = 0; i < 5; ++i) {
    v1::TrendPoint* p = series->add_points();
    p->set_period(kWeeks[i]);
    // ann answered no VES question in week 11: a gap in the line.
    if (who == "ann" && metric == v1::METRIC_VES && i == 2) {
      p->set_n(0);
      continue;
    }
    const int n = kCounts[i] * (team ? 6 : 1);
    p->set_n(n);
    const double v = value + kOffsets[i] * (metric == v1::METRIC_NPS ? 2 : 1);
    const double half = (metric == v1::METRIC_NPS ? 90 : 45) / std::sqrt(n);
    const double floor = metric == v1::METRIC_NPS ? -100 : 0;
    p->set_value(v);
    p->set_ci_low(std::max(floor, v - half));
    p->set_ci_high(std::min(100.0, v + half));
    if (metric == v1::METRIC_NPS) {
      p->set_promoters(50 + v / 2);
      p->set_detractors(50 - v / 2 - 20);
      p->set_passives(20);
    }
  }
  return response;
}

v1::Comment MakeComment(const std::string& id, const std::string& day,
                        const std::string& channel, std::optional<int> nps,
                        std::optional<int> csat, const std::string& text) {
  v1::Comment c;
  c.set_response_id(id);
  absl::Time t;
  std::string error;
  absl::ParseTime(absl::RFC3339_full, day + "T10:15:00Z", &t, &error);
  c.mutable_submitted_at()->set_seconds(absl::ToUnixSeconds(t));
  c.set_agent_id("ann");
  c.set_team_id("blue");
  c.set_channel(channel);
  if (nps) c.set_nps(*nps);
  if (csat) c.set_csat(*csat);
  c.set_comment(text);
  return c;
}

std::vector<std::string> List(
    const google::protobuf::RepeatedPtrField<std::string>& field) {
  return {field.begin(), field.end()};
}

}  // namespace

absl::Time WorldNow() {
  return absl::FromCivil(absl::CivilSecond(2025, 3, 30, 15, 0, 0),
                         absl::UTCTimeZone());
}

v1::GroupScores MakeGroup(
    const GroupSpec& s,
    const std::vector<std::pair<v1::Dimension, std::optional<std::string>>>&
        key) {
  v1::GroupScores g;
  for (const auto& [dimension, value] : key) {
    v1::KeyPart* part = g.add_key();
    part->set_dimension(dimension);
    if (value) part->set_value(*value);
  }
  const NpsCounts counts{s.detractors, s.passives, s.promoters};
  v1::NpsScore* nps = g.mutable_nps();
  nps->set_n(counts.n());
  nps->set_detractors(s.detractors);
  nps->set_passives(s.passives);
  nps->set_promoters(s.promoters);
  if (counts.n() > 0) {
    const NpsEstimate e = EstimateNps(counts, NpsIntervalMethod::kAdjustedWald);
    nps->set_value(100 * e.nps);
    nps->set_ci_low(100 * e.ci.low);
    nps->set_ci_high(100 * e.ci.high);
  }
  *g.mutable_csat() = Proportion(s.csat_ok, s.csat_n);
  *g.mutable_ces() = Proportion(s.ces_ok, s.ces_n);
  *g.mutable_ves()->mutable_score() = Proportion(s.ves_ok, s.ves_n);
  v1::ServiceStats* service = g.mutable_service();
  service->set_interactions(s.tickets);
  service->set_closed(s.closed);
  *service->mutable_time_to_close() =
      Duration(s.closed, s.close_p50, s.close_p90);
  *service->mutable_time_to_first_response() =
      Duration(s.first_response_n, s.first_response_p50, s.first_response_p90);
  if (s.tickets > 0 && s.fcr) service->set_fcr_rate(*s.fcr);
  if (s.tickets > 0 && s.reopen) service->set_reopen_rate(*s.reopen);
  return g;
}

void InstallScorecardWorld(ScriptedCxScoreService& service, bool comments) {
  service.get_scores = [](const v1::GetScoresRequest& req,
                          v1::GetScoresResponse* resp) {
    const std::vector<std::string> agents = List(req.agents());
    const std::vector<std::string> teams = List(req.teams());
    const std::vector<int> by(req.group_by().begin(), req.group_by().end());
    const bool blue = teams == std::vector<std::string>{"blue"};
    if (by == std::vector<int>{v1::DIMENSION_TEAM} && agents.size() == 1) {
      if (agents[0] == "ann") {
        *resp->add_groups() =
            MakeGroup(kAnnBlue, {{v1::DIMENSION_TEAM, "blue"}});
        *resp->add_groups() =
            MakeGroup(kAnnGreen, {{v1::DIMENSION_TEAM, "green"}});
      } else if (agents[0] == "bob") {
        *resp->add_groups() = MakeGroup(kBob, {{v1::DIMENSION_TEAM, "blue"}});
      }
      return grpc::Status::OK;
    }
    if (by.empty() && agents.size() == 1 && teams.empty()) {
      static const std::map<std::string, GroupSpec> totals = {
          {"ann", kAnnTotal}, {"bob", kBob}, {"cat", kCat}, {"dan", kDan}};
      auto it = totals.find(agents[0]);
      if (it != totals.end()) *resp->add_groups() = MakeGroup(it->second);
      return grpc::Status::OK;
    }
    if (by.empty() && blue && agents.empty() &&
        req.exclude_agents_size() == 1) {
      // The rest of the team: everyone but one agent (blue has 4).
      static const std::map<std::string, GroupSpec> rests = {
          {"ann", kRestOfAnn},
          {"bob", kRestOfBob},
          {"cat", kRestOfCat},
          {"dan", kRestOfDan}};
      auto it = rests.find(req.exclude_agents(0));
      if (it != rests.end()) {
        *resp->add_groups() = MakeGroup(it->second);
        if (req.count_agents()) resp->mutable_groups(0)->set_agents(3);
      }
      return grpc::Status::OK;
    }
    if (by.empty() && blue && agents.empty()) {
      *resp->add_groups() = MakeGroup(kTeam);
      return grpc::Status::OK;
    }
    if (by == std::vector<int>{v1::DIMENSION_CHANNEL} && blue) {
      *resp->add_groups() =
          MakeGroup(kNoChannel, {{v1::DIMENSION_CHANNEL, std::nullopt}});
      *resp->add_groups() = MakeGroup(kChat, {{v1::DIMENSION_CHANNEL, "chat"}});
      *resp->add_groups() =
          MakeGroup(kEmail, {{v1::DIMENSION_CHANNEL, "email"}});
      *resp->add_groups() =
          MakeGroup(kPhone, {{v1::DIMENSION_CHANNEL, "phone"}});
      return grpc::Status::OK;
    }
    if (by == std::vector<int>{v1::DIMENSION_TEAM} && blue) {
      *resp->add_groups() = MakeGroup(kTeam, {{v1::DIMENSION_TEAM, "blue"}});
      return grpc::Status::OK;
    }
    if (by == std::vector<int>{v1::DIMENSION_AGENT} && blue) {
      *resp->add_groups() =
          MakeGroup(kUnattributed, {{v1::DIMENSION_AGENT, std::nullopt}});
      *resp->add_groups() = MakeGroup(kAnnBlue, {{v1::DIMENSION_AGENT, "ann"}});
      *resp->add_groups() = MakeGroup(kBob, {{v1::DIMENSION_AGENT, "bob"}});
      *resp->add_groups() = MakeGroup(kCat, {{v1::DIMENSION_AGENT, "cat"}});
      *resp->add_groups() = MakeGroup(kDan, {{v1::DIMENSION_AGENT, "dan"}});
      return grpc::Status::OK;
    }
    return grpc::Status::OK;  // no records match
  };

  service.rank_agents = [](const v1::RankAgentsRequest& req,
                           v1::RankAgentsResponse* resp) {
    // The report asks about everyone in blue: ann is clearly below on CES.
    if (req.rank_by() == v1::METRIC_CES) {
      resp->add_needs_attention("ann");
      v1::AgentRank* selection = resp->mutable_selection();
      selection->set_n(344);
      selection->set_value(74.1);
    }
    struct Row {
      const char* agent;
      double nps, csat, ces, ves;
    };
    static const Row kRows[] = {{"bob", 66.1, 94.2, 87.5, 77.9},
                                {"dan", 25.4, 78.3, 69.6, 61.2},
                                {"cat", 26.8, 80.1, 70.1, 59.8},
                                {"ann", 27.9, 80.6, 68.9, 60.4}};
    for (const Row& row : kRows) {
      v1::AgentRank* a = resp->add_agents();
      a->set_agent(row.agent);
      if (std::string(row.agent) == "ann" && req.rank_by() == v1::METRIC_CES) {
        a->set_n(62);
        a->set_value(67.7);
        a->set_ci_low(55.4);
        a->set_ci_high(78.0);
      }
      switch (req.rank_by()) {
        case v1::METRIC_NPS:
          a->set_adjusted(row.nps);
          break;
        case v1::METRIC_CSAT:
          a->set_adjusted(row.csat);
          break;
        case v1::METRIC_CES:
          a->set_adjusted(row.ces);
          break;
        default:
          a->set_adjusted(row.ves);
          break;
      }
    }
    return grpc::Status::OK;
  };

  service.get_drivers = [](const v1::GetDriversRequest&,
                           v1::GetDriversResponse* resp) {
    struct Pair {
      v1::Metric metric;
      v1::Kpi kpi;
      double rho, low, high, p, q;
      bool significant;
    };
    static const Pair kPairs[] = {
        {v1::METRIC_NPS, v1::KPI_TIME_TO_CLOSE, -0.05, -0.12, 0.03, 0.21, 0.4,
         false},
        {v1::METRIC_CSAT, v1::KPI_FIRST_CONTACT_RESOLUTION, 0.21, 0.14, 0.28,
         1e-8, 1e-7, true},
        {v1::METRIC_CES, v1::KPI_TIME_TO_CLOSE, -0.38, -0.44, -0.31, 1e-20,
         1e-19, true},
        {v1::METRIC_VES, v1::KPI_TIME_TO_FIRST_RESPONSE, -0.02, -0.1, 0.06, 0.6,
         0.7, false}};
    for (const Pair& p : kPairs) {
      v1::DriverPair* pair = resp->add_pairs();
      pair->set_metric(p.metric);
      pair->set_kpi(p.kpi);
      pair->set_n(820);
      pair->set_rho(p.rho);
      pair->set_ci_low(p.low);
      pair->set_ci_high(p.high);
      pair->set_p(p.p);
      pair->set_q(p.q);
      pair->set_significant(p.significant);
    }
    v1::MetricStrength* ces = resp->add_ranking();
    ces->set_metric(v1::METRIC_CES);
    ces->set_kpi(v1::KPI_TIME_TO_CLOSE);
    ces->set_strength(0.31);
    v1::MetricStrength* csat = resp->add_ranking();
    csat->set_metric(v1::METRIC_CSAT);
    csat->set_kpi(v1::KPI_FIRST_CONTACT_RESOLUTION);
    csat->set_strength(0.14);
    resp->set_verdict(
        "CES moves most with service: with time to close (rho -0.38).");
    return grpc::Status::OK;
  };

  service.get_trend = [](const v1::GetTrendRequest& req,
                         v1::GetTrendResponse* resp) {
    if (req.group_by_size() == 1 && req.group_by(0) == v1::DIMENSION_CHANNEL) {
      // One series per channel; email drops in week 12 (flagged).
      const std::pair<const char*, double> channels[] = {
          {"chat", 8}, {"email", -12}, {"phone", 3}};
      for (const auto& [channel, shift] : channels) {
        v1::GetTrendResponse one = Trend("blue", req.metric(), true);
        v1::TrendSeries* series = resp->add_series();
        v1::KeyPart* key = series->add_key();
        key->set_dimension(v1::DIMENSION_CHANNEL);
        key->set_value(channel);
        for (v1::TrendPoint p : one.series(0).points()) {
          p.set_value(p.value() + shift);
          p.set_ci_low(p.ci_low() + shift);
          p.set_ci_high(p.ci_high() + shift);
          if (std::string(channel) == "email" && p.period() == "2025-W12") {
            p.set_value(p.value() - 25);
            p.set_ci_low(p.ci_low() - 25);
            p.set_ci_high(p.ci_high() - 25);
            p.set_change("drop");
            p.set_p(0.002);
          }
          const double floor = req.metric() == v1::METRIC_NPS ? -100 : 0;
          p.set_ci_low(std::clamp(p.ci_low(), floor, 100.0));
          p.set_ci_high(std::clamp(p.ci_high(), floor, 100.0));
          *series->add_points() = p;
        }
      }
      return grpc::Status::OK;
    }
    const bool team = req.selection().agents().empty();
    const std::string who =
        team ? (req.selection().teams().empty() ? "all"
                                                : req.selection().teams(0))
             : req.selection().agents(0);
    *resp = Trend(who, req.metric(), team);
    return grpc::Status::OK;
  };

  if (!comments) return;
  service.list_comments = [](const v1::ListCommentsRequest& req,
                             v1::ListCommentsResponse* resp) {
    const bool ann =
        !req.selection().agents().empty() && req.selection().agents(0) == "ann";
    if (req.filter() == v1::COMMENT_FILTER_DETRACTORS && ann) {
      *resp->add_comments() = MakeComment(
          "r-901", "2025-03-27", "email", 3, 2,
          "Waited four days for an answer, and then the ticket was closed "
          "without a fix.");
      *resp->add_comments() =
          MakeComment("r-877", "2025-03-18", "chat", 5, std::nullopt,
                      "Had to explain my problem three times <again>.");
    }
    if (req.filter() == v1::COMMENT_FILTER_PROMOTERS) {
      *resp->add_comments() =
          MakeComment("r-912", "2025-03-25", "phone", 10, 5,
                      ann ? "Friendly and clear, thank you!"
                          : "Solved in one call & explained what to do next.");
    }
    return grpc::Status::OK;
  };
}

}  // namespace cxscore::client
