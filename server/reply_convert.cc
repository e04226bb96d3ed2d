#include "server/reply_convert.h"

#include "core/validation.h"
#include "server/status_util.h"
#include "wire/enum_mapping.h"

namespace cxscore::server {
namespace {

void SetOptional(const std::optional<double>& from,
                 void (v1::ProportionScore::*setter)(double),
                 v1::ProportionScore* to) {
  if (from) (to->*setter)(*from);
}

void ToProto(const ProportionScore& in, v1::ProportionScore* out) {
  out->set_n(in.n);
  SetOptional(in.value, &v1::ProportionScore::set_value, out);
  if (in.ci) {
    out->set_ci_low(in.ci->low);
    out->set_ci_high(in.ci->high);
  }
  SetOptional(in.mean, &v1::ProportionScore::set_mean, out);
  if (in.mean_ci) {
    out->set_mean_ci_low(in.mean_ci->low);
    out->set_mean_ci_high(in.mean_ci->high);
  }
}

void ToProto(const DurationSummary& in, v1::DurationStats* out) {
  out->set_n(in.n);
  if (in.mean) out->set_mean(*in.mean);
  if (in.p50) out->set_p50(*in.p50);
  if (in.p90) out->set_p90(*in.p90);
}

void ToProto(const MetricDelta& in, v1::Delta* out) {
  out->set_other_n(in.other_n);
  if (in.other_value) out->set_other_value(*in.other_value);
  if (in.test) {
    out->set_delta(in.test->delta);
    out->set_ci_low(in.test->ci.low);
    out->set_ci_high(in.test->ci.high);
    out->set_p(in.test->p);
  }
}

v1::Dimension ToProto(storage::GroupDim d) {
  using storage::GroupDim;
  switch (d) {
    case GroupDim::kAgent:
      return v1::DIMENSION_AGENT;
    case GroupDim::kTeam:
      return v1::DIMENSION_TEAM;
    case GroupDim::kChannel:
      return v1::DIMENSION_CHANNEL;
    case GroupDim::kDay:
      return v1::DIMENSION_DAY;
    case GroupDim::kWeek:
      return v1::DIMENSION_WEEK;
    case GroupDim::kMonth:
      return v1::DIMENSION_MONTH;
    case GroupDim::kAttribute:
      return v1::DIMENSION_ATTRIBUTE;
  }
  return v1::DIMENSION_UNSPECIFIED;
}

void ToProto(const MetricScore& score, v1::AgentRank* out) {
  out->set_n(score.n);
  if (score.value) out->set_value(*score.value);
  if (score.ci) {
    out->set_ci_low(score.ci->low);
    out->set_ci_high(score.ci->high);
  }
}

// Fills pairs, ranking and verdict of a GetDriversResponse or DriverGroup.
template <typename Message>
void AddReport(const DriversReport& report, Message* out) {
  for (const DriverPair& pair : report.pairs) {
    v1::DriverPair* p = out->add_pairs();
    p->set_metric(wire::ToProto(pair.metric));
    p->set_kpi(wire::ToProto(pair.kpi));
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
    r->set_metric(wire::ToProto(m.metric));
    r->set_kpi(wire::ToProto(m.kpi));
    r->set_strength(m.strength);
  }
  out->set_verdict(report.verdict);
}

}  // namespace

void AddOutcomes(const std::vector<storage::RecordOutcome>& outcomes,
                 uint64_t first_index,
                 const std::vector<std::string>& record_ids,
                 size_t max_listed_rejections, v1::IngestSummary* summary) {
  using Kind = storage::RecordOutcome::Kind;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    switch (outcomes[i].kind) {
      case Kind::kAccepted:
        summary->set_accepted(summary->accepted() + 1);
        break;
      case Kind::kDuplicate:
        summary->set_duplicates(summary->duplicates() + 1);
        break;
      case Kind::kStale:
        summary->set_stale(summary->stale() + 1);
        break;
      case Kind::kRejected: {
        summary->set_rejected_total(summary->rejected_total() + 1);
        if (static_cast<size_t>(summary->rejected_size()) >=
            max_listed_rejections)
          break;
        v1::RejectedRecord* rejected = summary->add_rejected();
        rejected->set_index(first_index + i);
        rejected->set_id(record_ids[i]);
        const Violation& v = *outcomes[i].violation;
        rejected->set_code(std::string(CodeName(v.code)));
        rejected->set_field(v.field);
        rejected->set_reason(v.reason);
        break;
      }
    }
  }
}

void AddKeyParts(const std::vector<std::optional<std::string>>& key,
                 const storage::RollupQuery& query,
                 google::protobuf::RepeatedPtrField<v1::KeyPart>* out) {
  size_t attribute = 0;
  for (size_t i = 0; i < query.group_by.size() && i < key.size(); ++i) {
    v1::KeyPart* part = out->Add();
    part->set_dimension(ToProto(query.group_by[i]));
    if (query.group_by[i] == storage::GroupDim::kAttribute &&
        attribute < query.attributes.size())
      part->set_attribute(query.attributes[attribute++]);
    if (key[i]) part->set_value(*key[i]);
  }
}

void ToProto(const GroupScores& scores, const storage::RollupQuery& query,
             v1::GroupScores* out) {
  const ScoreSummary& summary = scores.summary;
  AddKeyParts(scores.group.key, query, out->mutable_key());
  if (scores.comparison) {
    v1::Comparison* c = out->mutable_comparison();
    for (Metric m : kAllMetrics)
      ToProto((*scores.comparison)[static_cast<int>(m)],
              wire::MutableDelta(m, c));
  }
  v1::NpsScore* nps = out->mutable_nps();
  nps->set_n(summary.nps.n);
  nps->set_promoters(summary.nps.promoters);
  nps->set_passives(summary.nps.passives);
  nps->set_detractors(summary.nps.detractors);
  if (summary.nps.value) nps->set_value(*summary.nps.value);
  if (summary.nps.ci) {
    nps->set_ci_low(summary.nps.ci->low);
    nps->set_ci_high(summary.nps.ci->high);
  }
  ToProto(summary.csat, out->mutable_csat());
  ToProto(summary.ces, out->mutable_ces());
  ToProto(summary.ves.score, out->mutable_ves()->mutable_score());
  if (summary.ves.ability_mean)
    out->mutable_ves()->set_ability_mean(*summary.ves.ability_mean);
  if (summary.ves.confidence_mean)
    out->mutable_ves()->set_confidence_mean(*summary.ves.confidence_mean);

  const ServiceSummary& s = summary.service;
  v1::ServiceStats* service = out->mutable_service();
  service->set_interactions(s.interactions);
  service->set_closed(s.closed);
  ToProto(s.time_to_close, service->mutable_time_to_close());
  ToProto(s.time_to_first_response, service->mutable_time_to_first_response());
  if (s.fcr_rate) service->set_fcr_rate(*s.fcr_rate);
  if (s.reopen_rate) service->set_reopen_rate(*s.reopen_rate);
  if (s.mean_transfers) service->set_mean_transfers(*s.mean_transfers);
}

void ToProto(const DriversReport& report, v1::GetDriversResponse* out) {
  AddReport(report, out);
}

void ToProto(const DriverGroup& group, const storage::RollupQuery& query,
             v1::DriverGroup* out) {
  AddKeyParts(group.key, query, out->mutable_key());
  AddReport(group.report, out);
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

void ToProto(const SurveyResponse& response, v1::Comment* out) {
  out->set_response_id(response.response_id);
  const int64_t micros = absl::ToUnixMicros(response.submitted_at);
  out->mutable_submitted_at()->set_seconds(
      micros >= 0 ? micros / 1000000 : -((-micros + 999999) / 1000000));
  out->mutable_submitted_at()->set_nanos(static_cast<int32_t>(
      (micros - out->submitted_at().seconds() * 1000000) * 1000));
  out->set_agent_id(response.agent_id);
  out->set_team_id(response.team_id);
  out->set_channel(response.channel);
  if (response.nps) out->set_nps(*response.nps);
  if (response.csat) out->set_csat(*response.csat);
  if (response.ces) out->set_ces(*response.ces);
  out->set_comment(response.comment);
}

void ToProto(const storage::VerifyReport& report, v1::VerifyResponse* out) {
  out->set_cells_checked(report.cells_checked);
  out->set_rollup_cells(report.rollup_cells);
  out->set_driver_cells(report.driver_cells);
  out->set_comment_entries(report.comment_entries);
  for (const storage::CellDifference& d : report.differences) {
    v1::CellDifference* cell = out->add_differences();
    cell->set_view(d.view);
    cell->set_key(d.key);
    cell->set_field(d.field);
    cell->set_stored(d.stored);
    cell->set_recomputed(d.recomputed);
  }
  out->set_differences_total(report.differences_total);
  out->set_repaired(report.repaired);
  out->set_differences_after_repair(report.differences_after_repair);
}

void ToProto(const storage::BackupInfo& backup, v1::BackupInfo* out) {
  out->set_backup_id(backup.id);
  out->mutable_created_at()->set_seconds(
      absl::ToUnixSeconds(backup.created_at));
  out->set_size_bytes(backup.size_bytes);
  out->set_file_count(backup.file_count);
  out->set_verified(backup.verified);
}

}  // namespace cxscore::server
