#include "server/analytics_convert.h"

#include "absl/strings/str_cat.h"
#include "server/proto_convert.h"

namespace cxscore::server {
namespace {

v1::Metric ToProto(DriverMetric metric) {
  return static_cast<v1::Metric>(static_cast<int>(metric) + 1);
}

v1::Kpi ToProto(ServiceKpi kpi) {
  return static_cast<v1::Kpi>(static_cast<int>(kpi) + 1);
}

void ToProto(const MetricScore& score, v1::AgentRank* out) {
  out->set_n(score.n);
  if (score.value) out->set_value(*score.value);
  if (score.ci) {
    out->set_ci_low(score.ci->low);
    out->set_ci_high(score.ci->high);
  }
}

}  // namespace

absl::StatusOr<DriverMetric> MetricFromProto(v1::Metric metric,
                                             std::string_view field) {
  const int index = static_cast<int>(metric) - 1;
  if (index < 0 || index >= kDriverMetrics)
    return absl::InvalidArgumentError(absl::StrCat(
        std::string(field), ": must be one of METRIC_NPS, METRIC_CSAT, METRIC_CES, "
               "METRIC_VES"));
  return kAllDriverMetrics[index];
}

absl::StatusOr<std::vector<ServiceKpi>> KpisFromProto(
    const v1::GetDriversRequest& in) {
  std::vector<ServiceKpi> kpis;
  for (int i = 0; i < in.kpis_size(); ++i) {
    const int index = static_cast<int>(in.kpis(i)) - 1;
    if (index < 0 || index >= kServiceKpis)
      return absl::InvalidArgumentError(
          absl::StrCat("kpis[", i, "]: unspecified or unknown KPI"));
    const ServiceKpi kpi = kAllServiceKpis[index];
    if (std::find(kpis.begin(), kpis.end(), kpi) != kpis.end())
      return absl::InvalidArgumentError(
          absl::StrCat("kpis[", i, "]: KPI listed twice"));
    kpis.push_back(kpi);
  }
  return kpis;
}

DriverLevel LevelFromProto(v1::DriverLevel level) {
  switch (level) {
    case v1::DRIVER_LEVEL_AGENT: return DriverLevel::kAgent;
    case v1::DRIVER_LEVEL_WEEK: return DriverLevel::kWeek;
    default: return DriverLevel::kResponse;
  }
}

absl::StatusOr<Period> PeriodFromProto(v1::Dimension dimension,
                                       std::string_view field) {
  switch (dimension) {
    case v1::DIMENSION_DAY: return Period::kDay;
    case v1::DIMENSION_WEEK: return Period::kWeek;
    case v1::DIMENSION_MONTH: return Period::kMonth;
    default:
      return absl::InvalidArgumentError(absl::StrCat(
          std::string(field), ": must be DIMENSION_DAY, DIMENSION_WEEK or DIMENSION_MONTH"));
  }
}

namespace {

// Fills pairs, ranking and verdict of a GetDriversResponse or DriverGroup.
template <typename Message>
void AddReport(const DriversReport& report, Message* out) {
  for (const DriverPair& pair : report.pairs) {
    v1::DriverPair* p = out->add_pairs();
    p->set_metric(ToProto(pair.metric));
    p->set_kpi(ToProto(pair.kpi));
    p->set_n(pair.correlation.n);
    if (pair.correlation.rho) {
      p->set_rho(*pair.correlation.rho);
      p->set_ci_low(pair.correlation.ci.low);
      p->set_ci_high(pair.correlation.ci.high);
    }
    p->set_p(pair.correlation.p);
    p->set_q(pair.q);
    p->set_significant(pair.significant);
  }
  for (const MetricStrength& m : report.ranking) {
    v1::MetricStrength* r = out->add_ranking();
    r->set_metric(ToProto(m.metric));
    r->set_kpi(ToProto(m.kpi));
    r->set_strength(m.strength);
  }
  out->set_verdict(report.verdict);
}

}  // namespace

void ToProto(const DriversReport& report, v1::GetDriversResponse* out) {
  AddReport(report, out);
}

void ToProto(const DriverGroup& group, const storage::RollupQuery& query,
             v1::DriverGroup* out) {
  AddKeyParts(group.key, query, out->mutable_key());
  AddReport(group.report, out);
}

absl::StatusOr<storage::RollupQuery> DriversQueryFromProto(
    const v1::GetDriversRequest& in) {
  absl::StatusOr<storage::RollupQuery> query = FromProto(in.selection());
  if (!query.ok()) return query.status();
  for (int i = 0; i < in.group_by_size(); ++i) {
    const std::string field = absl::StrCat("group_by[", i, "]");
    auto dim = GroupDimFromProto(in.group_by(i), field);
    if (!dim.ok()) return dim.status();
    if (*dim != storage::GroupDim::kAttribute)
      return absl::InvalidArgumentError(
          field + ": drivers are grouped by an attribute only "
                  "(DIMENSION_ATTRIBUTE)");
    query->group_by.push_back(*dim);
  }
  if (absl::Status s = ApplyAttributeGrouping(in.group_by_attributes(),
                                              "selection.", &*query);
      !s.ok())
    return s;
  if (!query->group_by.empty() && in.level() != v1::DRIVER_LEVEL_RESPONSE)
    return absl::InvalidArgumentError(
        "level: only DRIVER_LEVEL_RESPONSE can be grouped by an attribute");
  return query;
}

absl::StatusOr<storage::RollupQuery> TrendQueryFromProto(
    const v1::GetTrendRequest& in) {
  absl::StatusOr<storage::RollupQuery> query = FromProto(in.selection());
  if (!query.ok()) return query.status();
  for (int i = 0; i < in.group_by_size(); ++i) {
    const std::string field = absl::StrCat("group_by[", i, "]");
    auto dim = GroupDimFromProto(in.group_by(i), field);
    if (!dim.ok()) return dim.status();
    if (*dim != storage::GroupDim::kAgent && *dim != storage::GroupDim::kTeam &&
        *dim != storage::GroupDim::kChannel &&
        *dim != storage::GroupDim::kAttribute)
      return absl::InvalidArgumentError(
          field + ": a trend groups by agent, team, channel or attribute only");
    query->group_by.push_back(*dim);
  }
  if (absl::Status s = ApplyAttributeGrouping(in.group_by_attributes(),
                                              "selection.", &*query);
      !s.ok())
    return s;
  return query;
}

void ToProto(const TrendSeries& series, const storage::RollupQuery& query,
             v1::TrendSeries* out) {
  AddKeyParts(series.key, query, out->mutable_key());
  for (const TrendPoint& point : series.points) {
    v1::TrendPoint* p = out->add_points();
    p->set_period(point.period);
    p->set_n(point.score.n);
    if (point.score.value) p->set_value(*point.score.value);
    if (point.score.ci) {
      p->set_ci_low(point.score.ci->low);
      p->set_ci_high(point.score.ci->high);
    }
    if (point.shares) {
      p->set_promoters(point.shares->promoters);
      p->set_passives(point.shares->passives);
      p->set_detractors(point.shares->detractors);
    }
    if (point.change == Change::kDrop) p->set_change("drop");
    if (point.change == Change::kRise) p->set_change("rise");
    if (point.p) p->set_p(*point.p);
  }
}

void ToProto(const AgentRanking& ranking, v1::RankAgentsResponse* out) {
  for (const RankedAgent& agent : ranking.agents) {
    v1::AgentRank* a = out->add_agents();
    a->set_agent(agent.agent);
    ToProto(agent.score, a);
    if (agent.adjusted) a->set_adjusted(*agent.adjusted);
  }
  for (const std::string& agent : ranking.needs_attention)
    out->add_needs_attention(agent);
  ToProto(ranking.selection, out->mutable_selection());
  out->set_prior_strength(ranking.prior_strength);
  out->set_prior_fitted(ranking.prior_fitted);
}

CommentFilter CommentFilterFromProto(v1::CommentFilter filter) {
  switch (filter) {
    case v1::COMMENT_FILTER_DETRACTORS: return CommentFilter::kDetractors;
    case v1::COMMENT_FILTER_PROMOTERS: return CommentFilter::kPromoters;
    default: return CommentFilter::kAny;
  }
}

void ToProto(const SurveyResponse& response, v1::Comment* out) {
  out->set_response_id(response.response_id);
  const int64_t micros = absl::ToUnixMicros(response.submitted_at);
  out->mutable_submitted_at()->set_seconds(
      micros >= 0 ? micros / 1000000 : -((-micros + 999999) / 1000000));
  out->mutable_submitted_at()->set_nanos(
      static_cast<int32_t>((micros - out->submitted_at().seconds() * 1000000) *
                           1000));
  out->set_agent_id(response.agent_id);
  out->set_team_id(response.team_id);
  out->set_channel(response.channel);
  if (response.nps) out->set_nps(*response.nps);
  if (response.csat) out->set_csat(*response.csat);
  if (response.ces) out->set_ces(*response.ces);
  out->set_comment(response.comment);
}

}  // namespace cxscore::server
