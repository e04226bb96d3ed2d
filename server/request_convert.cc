#include "server/request_convert.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/calendar.h"
#include "core/validation.h"
#include "server/status_util.h"
#include "wire/enum_mapping.h"

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

std::optional<storage::GroupDim> GroupDimFromProtoOrNull(v1::Dimension d) {
  using storage::GroupDim;
  switch (d) {
    case v1::DIMENSION_AGENT:
      return GroupDim::kAgent;
    case v1::DIMENSION_TEAM:
      return GroupDim::kTeam;
    case v1::DIMENSION_CHANNEL:
      return GroupDim::kChannel;
    case v1::DIMENSION_DAY:
      return GroupDim::kDay;
    case v1::DIMENSION_WEEK:
      return GroupDim::kWeek;
    case v1::DIMENSION_MONTH:
      return GroupDim::kMonth;
    case v1::DIMENSION_ATTRIBUTE:
      return GroupDim::kAttribute;
    default:
      return std::nullopt;
  }
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
  out.first_contact_resolution = Optional(in.has_first_contact_resolution(),
                                          in.first_contact_resolution());
  out.attributes.insert(in.attributes().begin(), in.attributes().end());
  out.updated_at = OptionalTime(in.has_updated_at(), in.updated_at());
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
  out.submitted_at = in.has_submitted_at() ? FromProto(in.submitted_at())
                                           : absl::InfinitePast();
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
  const auto entries =
      std::count(query->group_by.begin(), query->group_by.end(),
                 storage::GroupDim::kAttribute);
  if (entries != names.size())
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": ", names.size(), " name(s) for ", entries,
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
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": cannot be combined with grouping by ",
                       dim == storage::GroupDim::kAgent  ? "agent"
                       : dim == storage::GroupDim::kTeam ? "team"
                                                         : "channel",
                       kWhy));
  }
  for (auto [filter, values] :
       {std::pair{"agents", &query->agents}, std::pair{"teams", &query->teams},
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
  query.exclude_agents.assign(in.exclude_agents().begin(),
                              in.exclude_agents().end());
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
  if (absl::Status s =
          ApplyAttributeGrouping(in.group_by_attributes(), "", &query);
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

namespace {

// The selection of a drivers or trend request with its grouping: each
// group_by entry must be `allowed` (INVALID_ARGUMENT naming it, followed by
// `not_allowed`, otherwise), then ApplyAttributeGrouping.
template <typename Request, typename Allowed>
absl::StatusOr<storage::RollupQuery> GroupedSelectionFromProto(
    const Request& in, Allowed allowed, std::string_view not_allowed) {
  absl::StatusOr<storage::RollupQuery> query =
      server::FromProto(in.selection());
  if (!query.ok()) return query.status();
  for (int i = 0; i < in.group_by_size(); ++i) {
    const std::string field = absl::StrCat("group_by[", i, "]");
    auto dim = GroupDimFromProto(in.group_by(i), field);
    if (!dim.ok()) return dim.status();
    if (!allowed(*dim))
      return absl::InvalidArgumentError(
          absl::StrCat(field, std::string(not_allowed)));
    query->group_by.push_back(*dim);
  }
  if (absl::Status s = ApplyAttributeGrouping(in.group_by_attributes(),
                                              "selection.", &*query);
      !s.ok())
    return s;
  return query;
}

}  // namespace

absl::StatusOr<Metric> MetricFromProto(v1::Metric metric,
                                       std::string_view field) {
  const std::optional<Metric> m = wire::MetricFromProto(metric);
  if (!m)
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(field),
                     ": must be one of METRIC_NPS, METRIC_CSAT, METRIC_CES, "
                     "METRIC_VES"));
  return *m;
}

absl::StatusOr<std::vector<Kpi>> KpisFromProto(
    const v1::GetDriversRequest& in) {
  std::vector<Kpi> kpis;
  for (int i = 0; i < in.kpis_size(); ++i) {
    const std::optional<Kpi> kpi = wire::KpiFromProto(in.kpis(i));
    if (!kpi)
      return absl::InvalidArgumentError(
          absl::StrCat("kpis[", i, "]: unspecified or unknown KPI"));
    if (std::find(kpis.begin(), kpis.end(), *kpi) != kpis.end())
      return absl::InvalidArgumentError(
          absl::StrCat("kpis[", i, "]: KPI listed twice"));
    kpis.push_back(*kpi);
  }
  return kpis;
}

DriverLevel LevelFromProto(v1::DriverLevel level) {
  switch (level) {
    case v1::DRIVER_LEVEL_AGENT:
      return DriverLevel::kAgent;
    case v1::DRIVER_LEVEL_WEEK:
      return DriverLevel::kWeek;
    default:
      return DriverLevel::kResponse;
  }
}

absl::StatusOr<Period> PeriodFromProto(v1::Dimension dimension,
                                       std::string_view field) {
  const std::optional<Period> period = wire::PeriodFromProto(dimension);
  if (!period)
    return absl::InvalidArgumentError(absl::StrCat(
        std::string(field),
        ": must be DIMENSION_DAY, DIMENSION_WEEK or DIMENSION_MONTH"));
  return *period;
}

absl::StatusOr<storage::RollupQuery> DriversQueryFromProto(
    const v1::GetDriversRequest& in) {
  absl::StatusOr<storage::RollupQuery> query = GroupedSelectionFromProto(
      in,
      [](storage::GroupDim dim) {
        return dim == storage::GroupDim::kAttribute;
      },
      ": drivers are grouped by an attribute only (DIMENSION_ATTRIBUTE)");
  if (!query.ok()) return query.status();
  if (!query->group_by.empty() && in.level() != v1::DRIVER_LEVEL_RESPONSE)
    return absl::InvalidArgumentError(
        "level: only DRIVER_LEVEL_RESPONSE can be grouped by an attribute");
  return query;
}

absl::StatusOr<storage::RollupQuery> TrendQueryFromProto(
    const v1::GetTrendRequest& in) {
  return GroupedSelectionFromProto(
      in,
      [](storage::GroupDim dim) {
        return dim == storage::GroupDim::kAgent ||
               dim == storage::GroupDim::kTeam ||
               dim == storage::GroupDim::kChannel ||
               dim == storage::GroupDim::kAttribute;
      },
      ": a trend groups by agent, team, channel or attribute only");
}

CommentFilter CommentFilterFromProto(v1::CommentFilter filter) {
  switch (filter) {
    case v1::COMMENT_FILTER_DETRACTORS:
      return CommentFilter::kDetractors;
    case v1::COMMENT_FILTER_PROMOTERS:
      return CommentFilter::kPromoters;
    default:
      return CommentFilter::kAny;
  }
}

}  // namespace cxscore::server
