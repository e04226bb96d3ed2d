#include <algorithm>
#include <functional>
#include <map>

#include "client/documents/report_document.h"
#include "client/documents/scorecard_text.h"
#include "wire/enum_mapping.h"

namespace cxscore::client {
namespace {

std::optional<double> Opt(bool present, double value) {
  if (!present) return std::nullopt;
  return value;
}

MetricScore FromProto(uint64_t n, bool has_value, double value, bool has_ci,
                      double low, double high) {
  MetricScore s;
  s.n = static_cast<int64_t>(n);
  if (has_value) s.value = value;
  if (has_ci) s.ci = Interval{low, high};
  return s;
}

MetricScore FromProto(const v1::ProportionScore& p) {
  return FromProto(p.n(), p.has_value(), p.value(),
                   p.has_ci_low() && p.has_ci_high(), p.ci_low(), p.ci_high());
}

ChannelRow RowOf(const v1::GroupScores& g) {
  ChannelRow row;
  if (g.key_size() == 1 && g.key(0).has_value()) row.channel = g.key(0).value();
  const v1::NpsScore& nps = g.nps();
  row.metrics[0] = FromProto(nps.n(), nps.has_value(), nps.value(),
                             nps.has_ci_low() && nps.has_ci_high(),
                             nps.ci_low(), nps.ci_high());
  row.metrics[1] = FromProto(g.csat());
  row.metrics[2] = FromProto(g.ces());
  row.metrics[3] = FromProto(g.ves().score());
  row.responses = SurveyCountsOf(g).responses();
  row.tickets = static_cast<int64_t>(g.service().interactions());
  row.closed = static_cast<int64_t>(g.service().closed());
  const v1::DurationStats& close = g.service().time_to_close();
  row.close_mean = Opt(close.has_mean(), close.mean());
  row.close_p50 = Opt(close.has_p50(), close.p50());
  row.close_p90 = Opt(close.has_p90(), close.p90());
  return row;
}

void FillScores(v1::GetScoresRequest* request, const ReportSelection& s) {
  const v1::Selection selection = SelectionOf(s.period);
  *request->mutable_from() = selection.from();
  *request->mutable_to() = selection.to();
  for (const std::string& v : s.teams) request->add_teams(v);
  for (const std::string& v : s.agents) request->add_agents(v);
  for (const std::string& v : s.channels) request->add_channels(v);
}

v1::Selection SelectionFor(const ReportSelection& s) {
  v1::Selection selection = SelectionOf(s.period);
  for (const std::string& v : s.teams) selection.add_teams(v);
  for (const std::string& v : s.agents) selection.add_agents(v);
  for (const std::string& v : s.channels) selection.add_channels(v);
  return selection;
}

}  // namespace

absl::StatusOr<ReportDocument> FetchReport(v1::CxScore::StubInterface& stub,
                                           const ReportSelection& selection,
                                           int32_t today,
                                           const CallOptions& options) {
  ReportDocument doc;
  doc.selection = selection;
  doc.generated_day = today;
  DataQualityInput quality;

  // Totals, and per dimension: the channel table and unattributed counts.
  auto scores = [&](std::vector<v1::Dimension> by,
                    v1::GetScoresResponse* response) {
    v1::GetScoresRequest request;
    FillScores(&request, selection);
    for (v1::Dimension d : by) request.add_group_by(d);
    return CallOnce(options, [&](grpc::ClientContext* context) {
      return stub.GetScores(context, request, response);
    });
  };
  v1::GetScoresResponse total;
  if (absl::Status s = scores({}, &total); !s.ok()) return s;
  if (total.groups_size() > 0) doc.total = RowOf(total.groups(0));
  quality.responses = doc.total.responses;
  quality.tickets = doc.total.tickets;
  quality.closed = doc.total.closed;

  const std::pair<v1::Dimension, AttributionDim> dims[] = {
      {v1::DIMENSION_CHANNEL, AttributionDim::kChannel},
      {v1::DIMENSION_AGENT, AttributionDim::kAgent},
      {v1::DIMENSION_TEAM, AttributionDim::kTeam}};
  for (const auto& [dimension, attribution] : dims) {
    v1::GetScoresResponse grouped;
    if (absl::Status s = scores({dimension}, &grouped); !s.ok()) return s;
    int64_t responses = 0, tickets = 0;
    for (const v1::GroupScores& g : grouped.groups()) {
      const bool unattributed = g.key_size() != 1 || !g.key(0).has_value();
      if (unattributed) {
        responses += SurveyCountsOf(g).responses();
        tickets += static_cast<int64_t>(g.service().interactions());
      }
      if (dimension == v1::DIMENSION_CHANNEL) {
        doc.channels.push_back(RowOf(g));
        quality.channels.push_back(
            {doc.channels.back().channel, doc.channels.back().responses});
      }
    }
    quality.unattributed_responses[static_cast<int>(attribution)] = responses;
    quality.unattributed_tickets[static_cast<int>(attribution)] = tickets;
  }
  // Named channels first (the server sorts them), unattributed last.
  std::stable_partition(
      doc.channels.begin(), doc.channels.end(),
      [](const ChannelRow& r) { return r.channel.has_value(); });

  bool skipped = false;
  // Weekly trend per channel, per metric.
  for (Metric m : kAllMetrics) {
    v1::GetTrendRequest request;
    *request.mutable_selection() = SelectionFor(selection);
    request.set_metric(wire::ToProto(m));
    request.add_group_by(v1::DIMENSION_CHANNEL);
    request.set_interval(v1::DIMENSION_WEEK);
    v1::GetTrendResponse response;
    absl::Status s =
        CallOrSkip(options, "GetTrend", MissingPart::What::kTrend, &doc.missing,
                   &skipped, [&](grpc::ClientContext* context) {
                     return stub.GetTrend(context, request, &response);
                   });
    if (!s.ok()) return s;
    if (skipped) break;
    for (const v1::TrendSeries& series : response.series()) {
      ChannelTrend t;
      if (series.key_size() == 1 && series.key(0).has_value()) {
        t.channel = series.key(0).value();
      }
      t.points.assign(series.points().begin(), series.points().end());
      doc.trend[static_cast<int>(m)].push_back(std::move(t));
    }
    std::stable_partition(
        doc.trend[static_cast<int>(m)].begin(),
        doc.trend[static_cast<int>(m)].end(),
        [](const ChannelTrend& t) { return t.channel.has_value(); });
  }

  // Drivers.
  {
    v1::GetDriversRequest request;
    *request.mutable_selection() = SelectionFor(selection);
    request.set_level(v1::DRIVER_LEVEL_RESPONSE);
    v1::GetDriversResponse response;
    absl::Status s =
        CallOrSkip(options, "GetDrivers", MissingPart::What::kDrivers,
                   &doc.missing, &skipped, [&](grpc::ClientContext* context) {
                     return stub.GetDrivers(context, request, &response);
                   });
    if (!s.ok()) return s;
    if (!skipped) {
      doc.verdict = response.verdict();
      int64_t linked = 0;
      for (const v1::DriverPair& p : response.pairs()) {
        if (p.kpi() == v1::KPI_TIME_TO_CLOSE) {
          linked = std::max(linked, static_cast<int64_t>(p.n()));
        }
      }
      quality.linked_responses = linked;
      for (const v1::MetricStrength& r : response.ranking()) {
        const std::optional<Metric> m = wire::MetricFromProto(r.metric());
        const std::optional<Kpi> k = wire::KpiFromProto(r.kpi());
        if (!m || !k) continue;
        DriverSummaryRow row;
        row.metric = *m;
        row.kpi = *k;
        row.strength = r.strength();
        for (const v1::DriverPair& p : response.pairs()) {
          if (p.metric() == r.metric() && p.kpi() == r.kpi()) {
            row.rho = Opt(p.has_rho(), p.rho());
            row.ci_low = Opt(p.has_ci_low(), p.ci_low());
            row.ci_high = Opt(p.has_ci_high(), p.ci_high());
            row.n = static_cast<int64_t>(p.n());
            row.significant = p.significant();
          }
        }
        doc.drivers.push_back(row);
      }
    }
  }

  // Agents needing attention, per metric.
  for (Metric m : kAllMetrics) {
    v1::RankAgentsRequest request;
    *request.mutable_selection() = SelectionFor(selection);
    request.set_rank_by(wire::ToProto(m));
    v1::RankAgentsResponse response;
    absl::Status s =
        CallOrSkip(options, "RankAgents", MissingPart::What::kAttention,
                   &doc.missing, &skipped, [&](grpc::ClientContext* context) {
                     return stub.RankAgents(context, request, &response);
                   });
    if (!s.ok()) return s;
    if (skipped) break;
    for (const std::string& agent : response.needs_attention()) {
      AttentionRow row;
      row.agent = agent;
      row.metric = m;
      for (const v1::AgentRank& a : response.agents()) {
        if (a.agent() != agent) continue;
        row.score = FromProto(a.n(), a.has_value(), a.value(),
                              a.has_ci_low() && a.has_ci_high(), a.ci_low(),
                              a.ci_high());
        row.adjusted = Opt(a.has_adjusted(), a.adjusted());
      }
      if (response.has_selection()) {
        row.selection_value =
            Opt(response.selection().has_value(), response.selection().value());
      }
      doc.attention.push_back(std::move(row));
    }
  }
  std::stable_sort(doc.attention.begin(), doc.attention.end(),
                   [](const AttentionRow& a, const AttentionRow& b) {
                     return a.agent < b.agent;
                   });

  doc.notes = DataQualityNotes(quality);
  return doc;
}

}  // namespace cxscore::client
