// The role rules of issue 11 as pure functions: who may call which RPC, and
// what an agent token may read. No gRPC and no data here: the gRPC layer
// fills a ReadScope from the request, calls Authorize, and for an agent's
// aggregate reads looks up how many agents the selection holds and calls
// CheckMinimumGroup.
//
//   role      ingest  read  case action  admin  health
//   ingest    yes     -     -            -      yes
//   manager   -       yes   yes          -      yes
//   admin     yes     yes   yes          yes    yes
//   agent:ID  -       own*  -            -      yes
//   no token  -       -     -            -      yes
//
// * agent:ID reads only what is about ID (see Authorize).
#ifndef CXSCORE_SERVER_AUTH_POLICY_H_
#define CXSCORE_SERVER_AUTH_POLICY_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "server/auth/principal.h"

namespace cxscore::server::auth {

// What a method does, which is what the role table is written in. An RPC
// that another issue adds gets a Method and a MethodInfo (with its kind) in
// policy.cc's table, and needs no other change here.
enum class MethodKind {
  kIngest,      // writes records
  kRead,        // reads scores, trends, drivers, rankings, comments
  kCaseAction,  // follow-up actions on cases (none yet)
  kAdmin,       // administration: Verify, CreateBackup, ListBackups
  kHealth,      // grpc.health.v1: no token needed
};

// Every RPC the server serves today.
enum class Method {
  kRecordInteractions,
  kSubmitResponses,
  kGetScores,
  kGetDrivers,
  kGetTrend,
  kListComments,
  kRankAgents,
  kVerify,
  kCreateBackup,
  kListBackups,
  kHealthCheck,
  kHealthWatch,
};

// How the policy sees a method.
struct MethodInfo {
  std::string_view grpc_name;  // "/cxscore.v1.CxScore/GetScores"
  std::string_view name;       // "GetScores", as in the audit log
  MethodKind kind;
  // kRead only: the reply holds a line per agent of the selection whatever
  // the filters (RankAgents).
  bool per_agent = false;
  // kRead only: the reply holds comments (ListComments).
  bool reads_comments = false;
};

// Every Method's MethodInfo, indexed by the Method's value.
std::span<const MethodInfo> AllMethods();

const MethodInfo& InfoOf(Method method);

// The Method of a full gRPC method name ("/cxscore.v1.CxScore/GetScores"),
// or nullopt for one not in the table (e.g. server reflection): the caller
// decides, and should treat it as kAdmin (deny by default).
std::optional<Method> MethodFromGrpcName(std::string_view grpc_name);

// What a read asks for, filled by the gRPC layer from the request. For
// requests with a Selection, the filters are the Selection's; group_by
// dimensions set the groups_by_* flags.
struct ReadScope {
  // The request's filters as sent (empty = no filter; "" = unattributed).
  std::vector<std::string> agents_filter;
  std::vector<std::string> teams_filter;
  std::vector<std::string> channels_filter;
  // Agents whose records are left out (GetScoresRequest.exclude_agents).
  std::vector<std::string> excluded_agents;
  // group_by holds DIMENSION_AGENT, _TEAM, _CHANNEL. Set groups_by_agent
  // also for what is computed per agent even when the reply holds no agent
  // key (GetDrivers at DRIVER_LEVEL_AGENT): a correlation over a handful of
  // agents gives them away.
  bool groups_by_agent = false;
  bool groups_by_team = false;
  bool groups_by_channel = false;
  // group_by holds DIMENSION_ATTRIBUTE (a segment of the whole selection).
  bool has_attribute = false;
  // The reply holds comments (also when the method's MethodInfo says so).
  bool reads_comments = false;
};

// OK when `principal` may call `method` with `scope`; otherwise
// PERMISSION_DENIED whose message starts with "role ROLE may ..." and names
// the rule (and the requested agent ids it concerns; never a token or a
// customer id). `scope` is looked at for agent principals only.
//
// agent:ID may call reads only. A read with an agents filter must name ID
// only (then any grouping is fine: it is ID's own data).
// A read of a per_agent method (RankAgents) is denied. A read without an
// agents filter is an aggregate: it must not read comments, group by
// agent or by attribute, and may group by team (channel) only when filtered
// to one team (channel). The caller must then check the aggregate's size
// with CheckMinimumGroup (IsAgentAggregate says when).
absl::Status Authorize(const Principal& principal, const MethodInfo& method,
                       const ReadScope& scope);
inline absl::Status Authorize(const Principal& principal, Method method,
                              const ReadScope& scope) {
  return Authorize(principal, InfoOf(method), scope);
}

// What a call without a known principal sent in its authorization header.
enum class SentCredentials {
  kNone,       // no authorization header
  kNotBearer,  // a header that is not "Bearer <token>" (e.g. Basic)
  kUnknown,    // a bearer token that is not in the tokens file
};

// The decision for a call without a known principal: OK for kHealth;
// UNAUTHENTICATED otherwise, saying that the token is missing, not a bearer
// token, or unknown (never echoing the header).
absl::Status AuthorizeAnonymous(const MethodInfo& method, SentCredentials sent);

// The smallest number of distinct agents an aggregate read by an agent
// principal may cover.
inline constexpr int kMinAgentsInAggregate = 3;

// True when Authorize lets an agent principal make this read as an aggregate
// (no agents filter), so that CheckMinimumGroup must follow.
bool IsAgentAggregate(const Principal& principal, const MethodInfo& method,
                      const ReadScope& scope);

// For an agent principal's aggregate read: OK when the selection covers at
// least kMinAgentsInAggregate distinct agents (`distinct_agents`: agent ids
// with records in the selection, the principal's own included, unattributed
// records not counted); PERMISSION_DENIED naming the rule otherwise. Always
// OK for other roles.
absl::Status CheckMinimumGroup(const Principal& principal, int distinct_agents);

// The audit log's subject of an allowed read: the agents filter (joined by
// ",", in request order, without repeats) when it names an agent other than
// the principal's own; "*" (every agent of the selection) when it groups by
// agent, ranks agents or lists comments without an agents filter; the
// agents filter when it lists comments; nullopt otherwise (including every
// non-read method).
std::optional<std::string> AuditSubject(const Principal& principal,
                                        const MethodInfo& method,
                                        const ReadScope& scope);

}  // namespace cxscore::server::auth

#endif  // CXSCORE_SERVER_AUTH_POLICY_H_
