#include "server/auth/policy.h"

#include <algorithm>
#include <array>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace cxscore::server::auth {
namespace {

// Indexed by Method.
constexpr std::array<MethodInfo, 12> kMethods = {{
    {"/cxscore.v1.CxScore/RecordInteractions", "RecordInteractions",
     MethodKind::kIngest},
    {"/cxscore.v1.CxScore/SubmitResponses", "SubmitResponses",
     MethodKind::kIngest},
    {"/cxscore.v1.CxScore/GetScores", "GetScores", MethodKind::kRead},
    {"/cxscore.v1.CxScore/GetDrivers", "GetDrivers", MethodKind::kRead},
    {"/cxscore.v1.CxScore/GetTrend", "GetTrend", MethodKind::kRead},
    {"/cxscore.v1.CxScore/ListComments", "ListComments", MethodKind::kRead,
     /*per_agent=*/false, /*reads_comments=*/true},
    {"/cxscore.v1.CxScore/RankAgents", "RankAgents", MethodKind::kRead,
     /*per_agent=*/true},
    {"/cxscore.v1.CxScore/Verify", "Verify", MethodKind::kAdmin},
    {"/cxscore.v1.CxScore/CreateBackup", "CreateBackup", MethodKind::kAdmin},
    {"/cxscore.v1.CxScore/ListBackups", "ListBackups", MethodKind::kAdmin},
    {"/grpc.health.v1.Health/Check", "Health.Check", MethodKind::kHealth},
    {"/grpc.health.v1.Health/Watch", "Health.Watch", MethodKind::kHealth},
}};
static_assert(static_cast<size_t>(Method::kHealthWatch) + 1 == kMethods.size());

std::string_view KindName(MethodKind kind) {
  switch (kind) {
    case MethodKind::kIngest:
      return "ingest";
    case MethodKind::kRead:
      return "read";
    case MethodKind::kCaseAction:
      return "case action";
    case MethodKind::kAdmin:
      return "admin";
    case MethodKind::kHealth:
      return "health";
  }
  return "unknown";
}

// "role agent:ann may ..." with the method named.
absl::Status Deny(const Principal& principal, std::string_view rule) {
  return absl::PermissionDeniedError(
      absl::StrCat("role ", RoleName(principal), " ",
                   absl::string_view(rule.data(), rule.size())));
}

absl::Status DenyKind(const Principal& principal, const MethodInfo& info,
                      std::string_view allowed) {
  const std::string_view kind = KindName(info.kind);
  return Deny(principal,
              std::string("may ") + std::string(allowed) + ": " +
                  std::string(info.name) + " is " +
                  (kind.front() == 'a' || kind.front() == 'i' ? "an " : "a ") +
                  std::string(kind) + " call");
}

// The distinct values of `values`, in order.
std::vector<std::string> Distinct(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

// agents=[bob, ""]: how a list of agent ids is shown in messages.
std::string AgentList(const std::vector<std::string>& agents) {
  std::vector<std::string> shown;
  for (const std::string& a : agents) {
    shown.push_back(a.empty() ? "\"\" (unattributed)" : a);
  }
  return absl::StrCat("agents=[", absl::StrJoin(shown, ", "), "]");
}

bool ReadsComments(const MethodInfo& method, const ReadScope& scope) {
  return method.reads_comments || scope.reads_comments;
}

bool FilteredToOwnAgent(const Principal& principal, const ReadScope& scope) {
  if (scope.agents_filter.empty()) return false;
  return std::all_of(
      scope.agents_filter.begin(), scope.agents_filter.end(),
      [&](const std::string& a) { return a == principal.agent_id; });
}

absl::Status AuthorizeAgentRead(const Principal& principal,
                                const MethodInfo& method,
                                const ReadScope& scope) {
  if (principal.agent_id.empty()) {  // never from a tokens file
    return Deny(principal, "has no agent id and may read nothing");
  }
  const std::string own = AgentList({principal.agent_id});
  if (method.per_agent) {
    return Deny(principal, std::string("may not call ") +
                               std::string(method.name) +
                               ": it answers for every agent of the "
                               "selection");
  }
  // The group minus another agent, next to the whole group, gives that
  // agent's numbers away; leaving out itself gives nothing new.
  std::vector<std::string> excluded_others;
  for (const std::string& a : Distinct(scope.excluded_agents)) {
    if (a != principal.agent_id) excluded_others.push_back(a);
  }
  if (!excluded_others.empty()) {
    return Deny(principal, absl::StrCat("may leave out only its own agent: "
                                        "exclude_agents names another agent (",
                                        AgentList(excluded_others), ")"));
  }
  if (!scope.agents_filter.empty()) {
    std::vector<std::string> others;
    for (const std::string& a : Distinct(scope.agents_filter)) {
      if (a != principal.agent_id) others.push_back(a);
    }
    if (!others.empty()) {
      return Deny(principal,
                  absl::StrCat("may only read its own agent: filter ",
                               AgentList(others), " names another agent"));
    }
    return absl::OkStatus();  // its own data, grouped any way
  }
  // An aggregate.
  if (ReadsComments(method, scope)) {
    return Deny(principal, absl::StrCat("may read comments only filtered to "
                                        "its own agent (",
                                        own, ")"));
  }
  if (scope.groups_by_agent) {
    return Deny(principal, absl::StrCat("may not group by agent unless "
                                        "filtered to its own agent (",
                                        own, ")"));
  }
  if (scope.has_attribute) {
    return Deny(principal,
                "may not group by attribute: a segment is not about its own "
                "agent, team or channel");
  }
  if (scope.groups_by_team && scope.teams_filter.size() != 1) {
    return Deny(principal,
                "may group by team only when filtered to one team "
                "(an aggregate of its team, not of every team)");
  }
  if (scope.groups_by_channel && scope.channels_filter.size() != 1) {
    return Deny(principal,
                "may group by channel only when filtered to one channel "
                "(an aggregate of its channel, not of every channel)");
  }
  return absl::OkStatus();
}

}  // namespace

std::span<const MethodInfo> AllMethods() { return kMethods; }

const MethodInfo& InfoOf(Method method) {
  return kMethods[static_cast<size_t>(method)];
}

std::optional<Method> MethodFromGrpcName(std::string_view grpc_name) {
  for (size_t i = 0; i < kMethods.size(); ++i) {
    if (kMethods[i].grpc_name == grpc_name) return static_cast<Method>(i);
  }
  return std::nullopt;
}

absl::Status Authorize(const Principal& principal, const MethodInfo& info,
                       const ReadScope& scope) {
  if (info.kind == MethodKind::kHealth) return absl::OkStatus();
  switch (principal.role) {
    case Role::kAdmin:
      return absl::OkStatus();
    case Role::kIngest:
      if (info.kind == MethodKind::kIngest) return absl::OkStatus();
      return DenyKind(principal, info, "only call the ingest RPCs");
    case Role::kManager:
      if (info.kind == MethodKind::kRead ||
          info.kind == MethodKind::kCaseAction) {
        return absl::OkStatus();
      }
      return DenyKind(principal, info,
                      "only call reads and case actions (no ingest, no "
                      "admin)");
    case Role::kAgent:
      if (info.kind != MethodKind::kRead) {
        return DenyKind(principal, info, "only call reads of its own data");
      }
      return AuthorizeAgentRead(principal, info, scope);
  }
  return Deny(principal, "is not a known role");
}

absl::Status AuthorizeAnonymous(const MethodInfo& info, SentCredentials sent) {
  if (info.kind == MethodKind::kHealth) return absl::OkStatus();
  const std::string name(info.name);
  switch (sent) {
    case SentCredentials::kNone:
      return absl::UnauthenticatedError(
          absl::StrCat(name,
                       " needs a token (authorization: Bearer <token>) "
                       "and none was sent"));
    case SentCredentials::kNotBearer:
      return absl::UnauthenticatedError(
          absl::StrCat(name,
                       " needs a token; the authorization header sent is not "
                       "of the form \"Bearer <token>\""));
    case SentCredentials::kUnknown:
      break;
  }
  return absl::UnauthenticatedError(absl::StrCat(
      name, " needs a token and the one sent is not in the tokens file"));
}

bool IsAgentAggregate(const Principal& principal, const MethodInfo& method,
                      const ReadScope& scope) {
  return principal.role == Role::kAgent && method.kind == MethodKind::kRead &&
         scope.agents_filter.empty();
}

absl::Status CheckMinimumGroup(const Principal& principal,
                               int distinct_agents) {
  if (principal.role != Role::kAgent) return absl::OkStatus();
  if (distinct_agents >= kMinAgentsInAggregate) return absl::OkStatus();
  return Deny(principal,
              absl::StrCat("may not read an aggregate of fewer than ",
                           kMinAgentsInAggregate,
                           " agents (narrow the filter to its own agent, or "
                           "widen the team or channel)"));
}

std::optional<std::string> AuditSubject(const Principal& principal,
                                        const MethodInfo& method,
                                        const ReadScope& scope) {
  if (method.kind != MethodKind::kRead) return std::nullopt;
  const std::vector<std::string> agents = Distinct(scope.agents_filter);
  const bool own =
      principal.role == Role::kAgent && FilteredToOwnAgent(principal, scope);
  if (!agents.empty() && (!own || ReadsComments(method, scope))) {
    return absl::StrJoin(agents, ",");
  }
  if (agents.empty() && (scope.groups_by_agent || method.per_agent ||
                         ReadsComments(method, scope))) {
    return "*";
  }
  return std::nullopt;
}

}  // namespace cxscore::server::auth
