#include "tools/compat_db/compat_db.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/calendar.h"
#include "core/drivers.h"
#include "core/records.h"
#include "core/rollup.h"
#include "core/status_macros.h"

namespace cxscore::compat_db {
namespace {

using storage::GroupDim;
using storage::RecordOutcome;
using storage::RollupQuery;

// "t07", "r12": a record id of `kind` ('t' or 'r') and number i < 100.
std::string Id(char kind, int i) {
  return absl::StrCat(std::string(1, kind), i < 10 ? "0" : "", i);
}

absl::Time Utc(int month, int day, int hour, int minute = 0) {
  return absl::FromCivil(absl::CivilMinute(2025, month, day, hour, minute),
                         absl::UTCTimeZone());
}

constexpr const char* kAgents[] = {"a1", "a2", "a3", "a4", ""};
constexpr const char* kTeams[] = {"north", "south", ""};
constexpr const char* kChannels[] = {"chat", "email", "phone", ""};

// Interaction i (1-based): spread over March 2025, agents, teams and
// channels in turn; some KPIs unknown, some tickets still open.
Interaction MakeInteraction(int i) {
  Interaction t;
  t.interaction_id = Id('t', i);
  t.agent_id = kAgents[i % 5];
  t.team_id = kTeams[i % 3];
  t.channel = kChannels[i % 4];
  t.customer_id = absl::StrCat("c", i % 7);
  t.opened_at = Utc(3, 1 + (i * 5) % 28, 8 + i % 9, (i * 13) % 60);
  if (i % 6 != 0) t.first_response_at = t.opened_at + absl::Minutes(7 * i + 1);
  if (i % 5 != 0) t.closed_at = t.opened_at + absl::Minutes(90 * i + 30);
  if (i % 4 != 0) t.reopens = i % 3;
  if (i % 3 != 0) t.transfers = (i * 7) % 4;
  if (i % 2 == 0) t.first_contact_resolution = (i % 4 == 0);
  if (i % 3 == 1) t.attributes["plan"] = i % 2 == 0 ? "gold" : "free";
  if (i % 4 == 2) t.attributes["region"] = "eu";
  return t;
}

// Response i (1-based): every metric appears, alone and together; a third
// link to a stored interaction, some to one stored later or never.
SurveyResponse MakeResponse(int i) {
  SurveyResponse r;
  r.response_id = Id('r', i);
  r.agent_id = kAgents[(i * 7 + 3) % 5];
  r.team_id = kTeams[(i / 2) % 3];
  r.channel = kChannels[(i * 3 + 1) % 4];
  r.customer_id = absl::StrCat("c", i % 5);
  r.submitted_at = Utc(3, 2 + (i * 3) % 27, 9 + i % 8, (i * 17) % 60);
  if (i % 3 == 0) r.interaction_id = Id('t', i / 3);
  if (i % 11 == 5) r.interaction_id = "t99";  // never stored
  if (i % 4 != 3) r.nps = (i * 7) % 11;
  if (i % 3 != 2) r.csat = 1 + (i * i + i / 4) % 5;
  if (i % 5 < 2) r.ces = 1 + (i * 5) % 7;
  if (i % 4 == 0 || i % 7 == 1) {
    r.ves_ability = 1 + (i * 2) % 7;
    r.ves_confidence = 1 + (i * 3) % 7;
  }
  if (!r.nps && !r.csat && !r.ces) r.ces = 4;
  if (i % 3 == 1) r.comment = absl::StrCat("comment ", i, ": service was ok");
  if (i % 7 == 3) r.comment = "Très bien, merci";
  if (i % 2 == 1) r.attributes["plan"] = i % 4 == 1 ? "gold" : "free";
  if (i % 5 == 2) r.attributes["region"] = i % 2 == 0 ? "eu" : "us";
  return r;
}

absl::Status ExpectKinds(const storage::WriteResult& result,
                         const std::vector<RecordOutcome::Kind>& kinds,
                         const char* what) {
  RETURN_IF_ERROR(result.status());
  std::vector<RecordOutcome::Kind> got;
  for (const RecordOutcome& o : *result) got.push_back(o.kind);
  if (got != kinds)
    return absl::InternalError(absl::StrCat(what, ": unexpected outcomes"));
  return absl::OkStatus();
}

std::vector<RecordOutcome::Kind> All(size_t n, RecordOutcome::Kind kind) {
  return std::vector<RecordOutcome::Kind>(n, kind);
}

std::string TimeText(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

template <typename T>
std::string Opt(const std::optional<T>& value) {
  return value ? absl::StrCat(*value) : "-";
}
std::string Opt(const std::optional<absl::Time>& value) {
  return value ? TimeText(*value) : "-";
}
std::string Opt(const std::optional<bool>& value) {
  return value ? (*value ? "yes" : "no") : "-";
}

std::string Attributes(const std::map<std::string, std::string>& attributes) {
  return absl::StrJoin(attributes, ",", absl::PairFormatter("="));
}

std::string InteractionText(const Interaction& t) {
  return absl::StrCat(
      "interaction id=", t.interaction_id, " agent=", t.agent_id,
      " team=", t.team_id, " channel=", t.channel, " customer=", t.customer_id,
      " opened=", TimeText(t.opened_at),
      " first_response=", Opt(t.first_response_at),
      " closed=", Opt(t.closed_at), " reopens=", Opt(t.reopens),
      " transfers=", Opt(t.transfers), " fcr=", Opt(t.first_contact_resolution),
      " attrs=", Attributes(t.attributes));
}

std::string ResponseText(const SurveyResponse& r) {
  return absl::StrCat(
      "response id=", r.response_id, " interaction=", r.interaction_id,
      " agent=", r.agent_id, " team=", r.team_id, " channel=", r.channel,
      " customer=", r.customer_id, " submitted=", TimeText(r.submitted_at),
      " nps=", Opt(r.nps), " csat=", Opt(r.csat), " ces=", Opt(r.ces),
      " ves_ability=", Opt(r.ves_ability),
      " ves_confidence=", Opt(r.ves_confidence), " comment=\"", r.comment,
      "\" attrs=", Attributes(r.attributes));
}

// "name: score:count ..." for the non-zero points of a scale starting at
// `minimum`; nothing when all are zero.
template <size_t N>
void AppendScale(const char* name, const std::array<int64_t, N>& counts,
                 int minimum, std::string* out) {
  std::vector<std::string> points;
  for (size_t i = 0; i < N; ++i)
    if (counts[i] != 0)
      points.push_back(
          absl::StrCat(minimum + static_cast<int>(i), ":", counts[i]));
  if (!points.empty())
    absl::StrAppend(out, "    ", name, " ", absl::StrJoin(points, " "), "\n");
}

void AppendDurations(const char* name, const DurationHistogram& histogram,
                     std::string* out) {
  std::vector<std::string> buckets;
  histogram.ForEachBucket([&](int bucket, int64_t count) {
    buckets.push_back(absl::StrCat(bucket, ":", count));
  });
  if (!buckets.empty())
    absl::StrAppend(out, "    ", name, " buckets ", absl::StrJoin(buckets, " "),
                    "\n");
}

std::string CountsText(const RollupCounts& c) {
  std::string out;
  const ScoreCounts& s = c.scores;
  AppendScale("nps", s.nps, 0, &out);
  AppendScale("csat", s.csat, 1, &out);
  AppendScale("ces", s.ces, 1, &out);
  AppendScale("ves_doubled_mean", s.ves_doubled_mean, 2, &out);
  AppendScale("ves_ability", s.ves_ability, 1, &out);
  AppendScale("ves_confidence", s.ves_confidence, 1, &out);
  const ServiceCounts& v = c.service;
  absl::StrAppend(
      &out, "    service interactions=", v.interactions, " closed=", v.closed,
      " close_seconds_sum=", v.close_seconds_sum,
      " first_responses=", v.first_responses,
      " first_response_seconds_sum=", v.first_response_seconds_sum,
      " fcr_known=", v.fcr_known, " fcr_yes=", v.fcr_yes,
      " reopens_known=", v.reopens_known, " reopened=", v.reopened,
      " reopens_sum=", v.reopens_sum, " transfers_known=", v.transfers_known,
      " transfers_sum=", v.transfers_sum, "\n");
  AppendDurations("time_to_close", v.time_to_close, &out);
  AppendDurations("time_to_first_response", v.time_to_first_response, &out);
  return out;
}

// Non-empty metric x KPI pairs, sorted by "metric/kpi" (not by enum order).
std::string DriverText(const DriverCounts& c) {
  std::vector<std::string> lines;
  for (Metric m : kAllMetrics) {
    for (Kpi k : kAllKpis) {
      const JointHistogram& h = c.pair(m, k);
      if (h.IsZero()) continue;
      std::vector<std::string> cells;
      h.ForEachCell([&](int32_t row, int32_t column, int64_t count) {
        cells.push_back(absl::StrCat(row, ",", column, ":", count));
      });
      lines.push_back(absl::StrCat("    ", std::string(MetricName(m)), "/",
                                   std::string(KpiName(k)), " ",
                                   absl::StrJoin(cells, " "), "\n"));
    }
  }
  std::sort(lines.begin(), lines.end());
  return absl::StrJoin(lines, "");
}

std::string KeyText(const std::vector<std::optional<std::string>>& key) {
  std::vector<std::string> parts;
  for (const auto& part : key)
    parts.push_back(part ? "\"" + *part + "\"" : "(none)");
  return parts.empty() ? "(all)" : absl::StrJoin(parts, " ");
}

struct NamedQuery {
  std::string name;
  RollupQuery query;
};

RollupQuery Query(std::vector<GroupDim> group_by,
                  std::vector<std::string> attributes = {}) {
  RollupQuery q;
  q.group_by = std::move(group_by);
  q.attributes = std::move(attributes);
  return q;
}

// "<title>: N groups", then each group's key and `text` of its counts.
template <typename Counts, typename Text>
void AppendGroups(const std::string& title,
                  const std::vector<storage::Grouped<Counts>>& groups,
                  Text text, std::string* out) {
  absl::StrAppend(out, title, ": ", groups.size(), " groups\n");
  for (const storage::Grouped<Counts>& g : groups)
    absl::StrAppend(out, "  ", KeyText(g.key), "\n", text(g.counts));
}

// The record `id` as `text` prints it, or "<what> <id> absent".
template <typename Record, typename Text>
void AppendRecord(const char* what, const std::string& id,
                  const std::optional<Record>& record, Text text,
                  std::string* out) {
  absl::StrAppend(
      out, record ? text(*record) : absl::StrCat(what, " ", id, " absent"),
      "\n");
}

std::vector<NamedQuery> RollupQueries() {
  std::vector<NamedQuery> queries = {
      {"all", Query({})},
      {"by agent", Query({GroupDim::kAgent})},
      {"by team", Query({GroupDim::kTeam})},
      {"by channel", Query({GroupDim::kChannel})},
      {"by day", Query({GroupDim::kDay})},
      {"by week", Query({GroupDim::kWeek})},
      {"by month", Query({GroupDim::kMonth})},
      {"by team, channel", Query({GroupDim::kTeam, GroupDim::kChannel})},
      {"by agent, week", Query({GroupDim::kAgent, GroupDim::kWeek})},
      {"by attr.plan", Query({GroupDim::kAttribute}, {"plan"})},
      {"by attr.region, month",
       Query({GroupDim::kAttribute, GroupDim::kMonth}, {"region"})},
  };
  RollupQuery chat_by_team = Query({GroupDim::kTeam});
  chat_by_team.channels = {"chat", ""};
  queries.push_back({"channel chat or none, by team", chat_by_team});
  RollupQuery a1_by_day = Query({GroupDim::kDay});
  a1_by_day.agents = {"a1"};
  a1_by_day.from_day = DayNumberOf(Utc(3, 5, 0));
  a1_by_day.to_day = DayNumberOf(Utc(3, 20, 0));
  queries.push_back({"agent a1, 2025-03-05..20, by day", a1_by_day});
  return queries;
}

std::vector<NamedQuery> DriverQueries() {
  RollupQuery north = Query({GroupDim::kChannel});
  north.teams = {"north"};
  return {
      {"all", Query({})},
      {"by team", Query({GroupDim::kTeam})},
      {"team north, by channel", north},
      {"by attr.plan", Query({GroupDim::kAttribute}, {"plan"})},
  };
}

}  // namespace

absl::Status WriteDataSet(storage::Store& store) {
  using Kind = RecordOutcome::Kind;
  constexpr int kInteractions = 24, kResponses = 36;
  std::vector<SurveyResponse> early, late;
  for (int i = 1; i <= kResponses; ++i)
    (i <= kResponses / 2 ? early : late).push_back(MakeResponse(i));
  std::vector<Interaction> tickets;
  for (int i = 1; i <= kInteractions; ++i)
    tickets.push_back(MakeInteraction(i));

  // Responses before and after their interactions.
  RETURN_IF_ERROR(ExpectKinds(storage::SubmitResponsesAndWait(store, early),
                              All(early.size(), Kind::kAccepted),
                              "early responses"));
  RETURN_IF_ERROR(
      ExpectKinds(storage::RecordInteractionsAndWait(store, tickets),
                  All(tickets.size(), Kind::kAccepted), "interactions"));
  std::vector<SurveyResponse> again = late;
  again.push_back(early.front());  // a duplicate
  std::vector<Kind> kinds = All(late.size(), Kind::kAccepted);
  kinds.push_back(Kind::kDuplicate);
  RETURN_IF_ERROR(ExpectKinds(storage::SubmitResponsesAndWait(store, again),
                              kinds, "late responses"));

  // Upserts: a ticket reassigned and closed later, one closed at last with
  // its KPIs known, one unchanged (a duplicate).
  Interaction moved = tickets[2];  // t03
  moved.agent_id = "a4";
  moved.team_id = "south";
  moved.closed_at = moved.opened_at + absl::Hours(30);
  moved.attributes["plan"] = "gold";
  Interaction closed = tickets[4];  // t05, open before
  closed.closed_at = closed.opened_at + absl::Hours(2);
  closed.reopens = 1;
  closed.first_contact_resolution = false;
  RETURN_IF_ERROR(ExpectKinds(
      storage::RecordInteractionsAndWait(store, {moved, closed, tickets[8]}),
      {Kind::kAccepted, Kind::kAccepted, Kind::kDuplicate}, "upserts"));
  return absl::OkStatus();
}

absl::StatusOr<std::string> Answers(storage::Store& store) {
  std::string out;
  for (const NamedQuery& q : RollupQueries()) {
    ASSIGN_OR_RETURN(std::vector<storage::GroupCounts> groups,
                     store.QueryRollups(q.query));
    AppendGroups("rollups " + q.name, groups, CountsText, &out);
  }
  for (const NamedQuery& q : DriverQueries()) {
    ASSIGN_OR_RETURN(std::vector<storage::GroupDriverCounts> groups,
                     store.QueryDrivers(q.query));
    AppendGroups("drivers " + q.name, groups, DriverText, &out);
  }

  RollupQuery a2 = Query({});
  a2.agents = {"a2", ""};
  RollupQuery mid_march = Query({});
  mid_march.from_day = DayNumberOf(Utc(3, 10, 0));
  mid_march.to_day = DayNumberOf(Utc(3, 20, 0));
  mid_march.channels = {"email"};
  const auto any = [](const SurveyResponse&) { return true; };
  const auto with_nps = [](const SurveyResponse& r) {
    return r.nps.has_value();
  };
  struct CommentQuery {
    std::string name;
    RollupQuery query;
    size_t limit;
    std::function<bool(const SurveyResponse&)> accept;
  };
  for (const CommentQuery& q : std::vector<CommentQuery>{
           {"all", Query({}), 100, any},
           {"first 3", Query({}), 3, any},
           {"agent a2 or none", a2, 100, any},
           {"email, 2025-03-10..20, with nps", mid_march, 100, with_nps}}) {
    ASSIGN_OR_RETURN(std::vector<SurveyResponse> comments,
                     store.ListComments(q.query, q.limit, q.accept));
    absl::StrAppend(&out, "comments ", q.name, ": ", comments.size(), "\n");
    for (const SurveyResponse& r : comments)
      absl::StrAppend(&out, "  ", ResponseText(r), "\n");
  }

  for (int i = 1; i <= 25; ++i) {  // t25 is absent
    ASSIGN_OR_RETURN(std::optional<Interaction> t,
                     store.GetInteraction(Id('t', i)));
    AppendRecord("interaction", Id('t', i), t, InteractionText, &out);
  }
  for (int i = 1; i <= 37; ++i) {  // r37 is absent
    ASSIGN_OR_RETURN(std::optional<SurveyResponse> r,
                     store.GetResponse(Id('r', i)));
    AppendRecord("response", Id('r', i), r, ResponseText, &out);
  }
  return out;
}

}  // namespace cxscore::compat_db
