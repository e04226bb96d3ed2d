#include "server/proto_convert.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/calendar.h"
#include "core/validation.h"
#include "server/status_util.h"

namespace cxscore::server {
namespace {

// Unset timestamps map to InfinitePast, which validation reports as missing.
absl::Time FromProto(const google::protobuf::Timestamp& t) {
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

std::optional<absl::Time> OptionalTime(bool has,
                                       const google::protobuf::Timestamp& t) {
  if (!has) return std::nullopt;
  return FromProto(t);
}

template <typename T>
std::optional<T> Optional(bool has, T value) {
  return has ? std::optional<T>(value) : std::nullopt;
}

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

std::optional<storage::GroupDim> GroupDimFromProtoOrNull(v1::Dimension d) {
  using storage::GroupDim;
  switch (d) {
    case v1::DIMENSION_AGENT: return GroupDim::kAgent;
    case v1::DIMENSION_TEAM: return GroupDim::kTeam;
    case v1::DIMENSION_CHANNEL: return GroupDim::kChannel;
    case v1::DIMENSION_DAY: return GroupDim::kDay;
    case v1::DIMENSION_WEEK: return GroupDim::kWeek;
    case v1::DIMENSION_MONTH: return GroupDim::kMonth;
    case v1::DIMENSION_ATTRIBUTE: return GroupDim::kAttribute;
    default: return std::nullopt;
  }
}

v1::Dimension ToProto(storage::GroupDim d) {
  using storage::GroupDim;
  switch (d) {
    case GroupDim::kAgent: return v1::DIMENSION_AGENT;
    case GroupDim::kTeam: return v1::DIMENSION_TEAM;
    case GroupDim::kChannel: return v1::DIMENSION_CHANNEL;
    case GroupDim::kDay: return v1::DIMENSION_DAY;
    case GroupDim::kWeek: return v1::DIMENSION_WEEK;
    case GroupDim::kMonth: return v1::DIMENSION_MONTH;
    case GroupDim::kAttribute: return v1::DIMENSION_ATTRIBUTE;
  }
  return v1::DIMENSION_UNSPECIFIED;
}

// The time range and filters shared by GetScoresRequest and Selection.
template <typename Message>
absl::Status ApplySelection(const Message& in, std::string_view prefix,
                            storage::RollupQuery* query) {
  if (in.has_from()) query->from_day = DayNumberOf(FromProto(in.from()));
  if (in.has_to()) {
    const absl::Time to = FromProto(in.to());
    if (in.has_from() && to <= FromProto(in.from()))
      return absl::InvalidArgumentError(
          absl::StrCat(std::string(prefix), "to: must be after ",
                       std::string(prefix), "from"));
    // `to` is exclusive: the last day counted is the one before it.
    query->to_day = DayNumberOf(to - absl::Nanoseconds(1));
  }
  query->agents.assign(in.agents().begin(), in.agents().end());
  query->teams.assign(in.teams().begin(), in.teams().end());
  query->channels.assign(in.channels().begin(), in.channels().end());
  return absl::OkStatus();
}

}  // namespace

Interaction FromProto(const v1::Interaction& in) {
  Interaction out;
  out.interaction_id = in.interaction_id();
  out.agent_id = in.agent_id();
  out.team_id = in.team_id();
  out.channel = in.channel();
  out.customer_id = in.customer_id();
  out.opened_at =
      in.has_opened_at() ? FromProto(in.opened_at()) : absl::InfinitePast();
  out.first_response_at =
      OptionalTime(in.has_first_response_at(), in.first_response_at());
  out.closed_at = OptionalTime(in.has_closed_at(), in.closed_at());
  out.reopens = Optional(in.has_reopens(), in.reopens());
  out.transfers = Optional(in.has_transfers(), in.transfers());
  out.first_contact_resolution =
      Optional(in.has_first_contact_resolution(), in.first_contact_resolution());
  out.attributes.insert(in.attributes().begin(), in.attributes().end());
  return out;
}

SurveyResponse FromProto(const v1::SurveyResponse& in) {
  SurveyResponse out;
  out.response_id = in.response_id();
  out.interaction_id = in.interaction_id();
  out.agent_id = in.agent_id();
  out.team_id = in.team_id();
  out.channel = in.channel();
  out.customer_id = in.customer_id();
  out.submitted_at =
      in.has_submitted_at() ? FromProto(in.submitted_at()) : absl::InfinitePast();
  out.nps = Optional(in.has_nps(), in.nps());
  out.csat = Optional(in.has_csat(), in.csat());
  out.ces = Optional(in.has_ces(), in.ces());
  out.ves_ability = Optional(in.has_ves_ability(), in.ves_ability());
  out.ves_confidence = Optional(in.has_ves_confidence(), in.ves_confidence());
  out.comment = in.comment();
  out.attributes.insert(in.attributes().begin(), in.attributes().end());
  return out;
}

absl::StatusOr<storage::GroupDim> GroupDimFromProto(v1::Dimension dimension,
                                                   std::string_view field) {
  std::optional<storage::GroupDim> dim = GroupDimFromProtoOrNull(dimension);
  if (!dim)
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(field), ": unspecified or unknown dimension"));
  return *dim;
}

absl::Status ApplyAttributeGrouping(
    const google::protobuf::RepeatedPtrField<std::string>& names,
    std::string_view filter_prefix, storage::RollupQuery* query) {
  constexpr absl::string_view field = "group_by_attributes";
  const auto entries = std::count(query->group_by.begin(),
                                  query->group_by.end(),
                                  storage::GroupDim::kAttribute);
  if (entries != names.size())
    return absl::InvalidArgumentError(absl::StrCat(
        field, ": ", names.size(), " name(s) for ", entries,
        " DIMENSION_ATTRIBUTE entr", entries == 1 ? "y" : "ies",
        " of group_by; give one name per entry, in order"));
  if (names.size() > 1)
    return absl::InvalidArgumentError(absl::StrCat(
        field, ": at most one attribute per query (got ", names.size(), ")"));
  for (int i = 0; i < names.size(); ++i) {
    if (std::optional<Violation> v =
            ValidateAttributeName(absl::StrCat(field, "[", i, "]"), names[i]))
      return ToStatus(*v);
  }
  if (names.empty()) return absl::OkStatus();
  // The attribute view has no attribution dimensions (storage-format.md).
  constexpr absl::string_view kWhy = "; segments are rolled up on their own";
  for (storage::GroupDim dim : query->group_by) {
    if (dim == storage::GroupDim::kAgent || dim == storage::GroupDim::kTeam ||
        dim == storage::GroupDim::kChannel)
      return absl::InvalidArgumentError(absl::StrCat(
          field, ": cannot be combined with grouping by ",
          dim == storage::GroupDim::kAgent  ? "agent"
          : dim == storage::GroupDim::kTeam ? "team"
                                            : "channel",
          kWhy));
  }
  for (auto [filter, values] : {std::pair{"agents", &query->agents},
                                std::pair{"teams", &query->teams},
                                std::pair{"channels", &query->channels}}) {
    if (!values->empty())
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": cannot be combined with the ",
                       std::string(filter_prefix), filter, " filter", kWhy));
  }
  query->attributes.assign(names.begin(), names.end());
  return absl::OkStatus();
}

absl::StatusOr<storage::RollupQuery> FromProto(const v1::GetScoresRequest& in) {
  storage::RollupQuery query;
  if (absl::Status s = ApplySelection(in, "", &query); !s.ok()) return s;
  for (int i = 0; i < in.group_by_size(); ++i) {
    const std::string field = absl::StrCat("group_by[", i, "]");
    absl::StatusOr<storage::GroupDim> dim =
        GroupDimFromProto(in.group_by(i), field);
    if (!dim.ok()) return dim.status();
    // Attributes may repeat (different names); ApplyAttributeGrouping
    // checks them.
    if (*dim != storage::GroupDim::kAttribute &&
        std::find(query.group_by.begin(), query.group_by.end(), *dim) !=
            query.group_by.end())
      return absl::InvalidArgumentError(
          absl::StrCat(std::string(field), ": dimension listed twice"));
    query.group_by.push_back(*dim);
  }
  if (absl::Status s = ApplyAttributeGrouping(in.group_by_attributes(), "",
                                              &query);
      !s.ok())
    return s;
  return query;
}

absl::StatusOr<std::optional<storage::RollupQuery>> CompareQueryFromProto(
    const v1::GetScoresRequest& in, const storage::RollupQuery& query) {
  if (!in.has_compare_from() && !in.has_compare_to()) return std::nullopt;
  if (!in.has_compare_from() || !in.has_compare_to())
    return absl::InvalidArgumentError(
        "compare_from: compare_from and compare_to go together");
  storage::RollupQuery compare = query;
  const absl::Time from = FromProto(in.compare_from());
  const absl::Time to = FromProto(in.compare_to());
  if (to <= from)
    return absl::InvalidArgumentError("compare_to: must be after compare_from");
  compare.from_day = DayNumberOf(from);
  compare.to_day = DayNumberOf(to - absl::Nanoseconds(1));
  return std::optional<storage::RollupQuery>(std::move(compare));
}

absl::StatusOr<storage::RollupQuery> FromProto(const v1::Selection& in) {
  storage::RollupQuery query;
  if (absl::Status s = ApplySelection(in, "selection.", &query); !s.ok())
    return s;
  return query;
}

NpsIntervalMethod NpsMethodFromProto(const v1::GetScoresRequest& in) {
  return in.nps_interval() == v1::NPS_INTERVAL_WALD
             ? NpsIntervalMethod::kWald
             : NpsIntervalMethod::kAdjustedWald;
}

void AddOutcomes(const std::vector<storage::RecordOutcome>& outcomes,
                 uint64_t first_index,
                 const std::vector<std::string>& record_ids,
                 v1::IngestSummary* summary) {
  using Kind = storage::RecordOutcome::Kind;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    switch (outcomes[i].kind) {
      case Kind::kAccepted:
        summary->set_accepted(summary->accepted() + 1);
        break;
      case Kind::kDuplicate:
        summary->set_duplicates(summary->duplicates() + 1);
        break;
      case Kind::kRejected: {
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
    v1::Delta* deltas[] = {c->mutable_nps(), c->mutable_csat(),
                           c->mutable_ces(), c->mutable_ves()};
    for (DriverMetric m : kAllDriverMetrics)
      ToProto((*scores.comparison)[static_cast<int>(m)],
              deltas[static_cast<int>(m)]);
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

}  // namespace cxscore::server
