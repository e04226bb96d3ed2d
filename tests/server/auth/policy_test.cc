#include "server/auth/policy.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cxscore::server::auth {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const Principal kIngest{"importer", Role::kIngest, ""};
const Principal kManager{"lead", Role::kManager, ""};
const Principal kAdmin{"root", Role::kAdmin, ""};
const Principal kAnn{"Ann", Role::kAgent, "ann"};

// Methods other issues will add, to check that they slot in by kind.
constexpr MethodInfo kCaseAction{"/cxscore.v1.CxScore/CloseCase", "CloseCase",
                                 MethodKind::kCaseAction};
constexpr MethodInfo kAdminCall{"/cxscore.v1.CxScore/EraseCustomer",
                                "EraseCustomer", MethodKind::kAdmin};

ReadScope Own() {
  ReadScope scope;
  scope.agents_filter = {"ann"};
  return scope;
}

ReadScope Team(std::string team) {
  ReadScope scope;
  scope.teams_filter = {std::move(team)};
  return scope;
}

std::string Message(const absl::Status& status) {
  return std::string(status.message());
}

TEST(MethodTableTest, CoversEveryRpcByGrpcName) {
  const std::map<std::string, MethodKind> expected = {
      {"/cxscore.v1.CxScore/RecordInteractions", MethodKind::kIngest},
      {"/cxscore.v1.CxScore/SubmitResponses", MethodKind::kIngest},
      {"/cxscore.v1.CxScore/GetScores", MethodKind::kRead},
      {"/cxscore.v1.CxScore/GetDrivers", MethodKind::kRead},
      {"/cxscore.v1.CxScore/GetTrend", MethodKind::kRead},
      {"/cxscore.v1.CxScore/ListComments", MethodKind::kRead},
      {"/cxscore.v1.CxScore/RankAgents", MethodKind::kRead},
      {"/cxscore.v1.CxScore/Verify", MethodKind::kAdmin},
      {"/cxscore.v1.CxScore/CreateBackup", MethodKind::kAdmin},
      {"/cxscore.v1.CxScore/ListBackups", MethodKind::kAdmin},
      {"/grpc.health.v1.Health/Check", MethodKind::kHealth},
      {"/grpc.health.v1.Health/Watch", MethodKind::kHealth},
  };
  ASSERT_EQ(AllMethods().size(), expected.size());
  for (const auto& [name, kind] : expected) {
    const std::optional<Method> method = MethodFromGrpcName(name);
    ASSERT_TRUE(method.has_value()) << name;
    EXPECT_EQ(InfoOf(*method).grpc_name, name);
    EXPECT_EQ(InfoOf(*method).kind, kind) << name;
    EXPECT_TRUE(name.ends_with("/" + std::string(InfoOf(*method).name)) ||
                kind == MethodKind::kHealth)
        << name;
  }
  EXPECT_FALSE(
      MethodFromGrpcName(
          "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")
          .has_value());
  EXPECT_FALSE(MethodFromGrpcName("GetScores").has_value());
  EXPECT_TRUE(InfoOf(Method::kRankAgents).per_agent);
  EXPECT_TRUE(InfoOf(Method::kListComments).reads_comments);
}

// Every kind x every role, for requests an agent may make about itself.
TEST(AuthorizeTest, RoleMatrix) {
  const MethodInfo kIngestCall = InfoOf(Method::kSubmitResponses);
  const MethodInfo kRead = InfoOf(Method::kGetScores);
  const MethodInfo kHealth = InfoOf(Method::kHealthCheck);
  struct Row {
    const Principal* principal;
    bool ingest, read, case_action, admin, health;
  };
  const std::vector<Row> rows = {
      {&kIngest, true, false, false, false, true},
      {&kManager, false, true, true, false, true},
      {&kAdmin, true, true, true, true, true},
      {&kAnn, false, true, false, false, true},
  };
  for (const Row& row : rows) {
    const std::string role = RoleName(*row.principal);
    for (const auto& [method, allowed] :
         std::vector<std::pair<MethodInfo, bool>>{
             {kIngestCall, row.ingest},
             {kRead, row.read},
             {kCaseAction, row.case_action},
             {kAdminCall, row.admin},
             {kHealth, row.health}}) {
      const absl::Status status = Authorize(*row.principal, method, Own());
      if (allowed) {
        EXPECT_TRUE(status.ok())
            << role << " " << method.name << ": " << status;
      } else {
        EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied)
            << role << " " << method.name;
        EXPECT_THAT(Message(status), StartsWith("role " + role + " may "));
        EXPECT_THAT(Message(status), HasSubstr(std::string(method.name)));
      }
    }
  }
}

// Every RPC of today x every role (the agent filtered to itself).
TEST(AuthorizeTest, EveryRpcEveryRole) {
  for (size_t i = 0; i < AllMethods().size(); ++i) {
    const Method method = static_cast<Method>(i);
    const MethodKind kind = InfoOf(method).kind;
    const bool ingest = kind == MethodKind::kIngest;
    const bool health = kind == MethodKind::kHealth;
    const bool read = kind == MethodKind::kRead;
    EXPECT_EQ(Authorize(kIngest, method, {}).ok(), ingest || health);
    EXPECT_EQ(Authorize(kManager, method, {}).ok(), read || health);
    EXPECT_TRUE(Authorize(kAdmin, method, {}).ok());
    EXPECT_EQ(Authorize(kAnn, method, Own()).ok(),
              (read && method != Method::kRankAgents) || health)
        << InfoOf(method).name;
  }
}

TEST(AuthorizeTest, MessagesNameTheRule) {
  EXPECT_EQ(Message(Authorize(kIngest, Method::kGetScores, {})),
            "role ingest may only call the ingest RPCs: GetScores is a read "
            "call");
  EXPECT_EQ(Message(Authorize(kManager, Method::kRecordInteractions, {})),
            "role manager may only call reads and case actions (no ingest, "
            "no admin): RecordInteractions is an ingest call");
  EXPECT_EQ(Message(Authorize(kManager, kAdminCall, {})),
            "role manager may only call reads and case actions (no ingest, "
            "no admin): EraseCustomer is an admin call");
  EXPECT_EQ(Message(Authorize(kAnn, Method::kSubmitResponses, {})),
            "role agent:ann may only call reads of its own data: "
            "SubmitResponses is an ingest call");
  EXPECT_EQ(Message(Authorize(kAnn, kCaseAction, {})),
            "role agent:ann may only call reads of its own data: CloseCase "
            "is a case action call");
}

TEST(AgentIsolationTest, OwnDataIsAllowedWhateverTheGrouping) {
  ReadScope scope = Own();
  for (Method m : {Method::kGetScores, Method::kGetTrend, Method::kGetDrivers,
                   Method::kListComments}) {
    EXPECT_TRUE(Authorize(kAnn, m, scope).ok()) << InfoOf(m).name;
  }
  scope.groups_by_agent = true;
  scope.groups_by_team = true;  // the scorecard's team shares
  scope.groups_by_channel = true;
  scope.agents_filter = {"ann", "ann"};
  EXPECT_TRUE(Authorize(kAnn, Method::kGetScores, scope).ok());
}

// The team minus bob, next to the whole team, would give bob's numbers
// away; the team minus ann (her scorecard's "rest of the team") gives ann
// nothing she cannot compute from the team and her own numbers.
TEST(AgentIsolationTest, MayLeaveOutOnlyItself) {
  ReadScope scope;
  scope.teams_filter = {"t1"};
  scope.excluded_agents = {"ann"};
  EXPECT_TRUE(Authorize(kAnn, Method::kGetScores, scope).ok());
  scope.excluded_agents = {"ann", "bob", ""};
  absl::Status status = Authorize(kAnn, Method::kGetScores, scope);
  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(Message(status),
            "role agent:ann may leave out only its own agent: exclude_agents "
            "names another agent (agents=[bob, \"\" (unattributed)])");
  // Other roles may leave out anyone.
  EXPECT_TRUE(Authorize(kManager, Method::kGetScores, scope).ok());
}

TEST(AgentIsolationTest, FilterByAnotherAgentIsDenied) {
  ReadScope scope;
  scope.agents_filter = {"bob"};
  absl::Status status = Authorize(kAnn, Method::kGetScores, scope);
  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(Message(status),
            "role agent:ann may only read its own agent: filter agents=[bob] "
            "names another agent");

  scope.agents_filter = {"ann", "bob", "", "bob"};
  EXPECT_EQ(Message(Authorize(kAnn, Method::kGetTrend, scope)),
            "role agent:ann may only read its own agent: filter agents=[bob, "
            "\"\" (unattributed)] names another agent");

  scope.agents_filter = {""};
  EXPECT_EQ(Authorize(kAnn, Method::kGetScores, scope).code(),
            absl::StatusCode::kPermissionDenied);
}

TEST(AgentIsolationTest, AnAgentWithoutIdReadsNothing) {
  const Principal nobody{"x", Role::kAgent, ""};
  ReadScope unattributed;
  unattributed.agents_filter = {""};
  EXPECT_EQ(Message(Authorize(nobody, Method::kGetScores, unattributed)),
            "role agent: has no agent id and may read nothing");
  EXPECT_FALSE(Authorize(nobody, Method::kGetScores, Team("support")).ok());
  EXPECT_TRUE(Authorize(nobody, Method::kHealthCheck, {}).ok());
}

TEST(AgentIsolationTest, GroupingByAgentUnfilteredIsDenied) {
  ReadScope scope = Team("support");
  scope.groups_by_agent = true;
  const absl::Status status = Authorize(kAnn, Method::kGetScores, scope);
  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(Message(status),
            "role agent:ann may not group by agent unless filtered to its "
            "own agent (agents=[ann])");
  // Also for what is computed per agent (GetDrivers at the agent level).
  EXPECT_FALSE(Authorize(kAnn, Method::kGetDrivers, scope).ok());
}

TEST(AgentIsolationTest, RankAgentsIsDeniedEvenFilteredToItself) {
  for (const ReadScope& scope : {ReadScope{}, Own(), Team("support")}) {
    const absl::Status status = Authorize(kAnn, Method::kRankAgents, scope);
    EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied);
    EXPECT_EQ(Message(status),
              "role agent:ann may not call RankAgents: it answers for every "
              "agent of the selection");
  }
  EXPECT_TRUE(Authorize(kManager, Method::kRankAgents, {}).ok());
}

TEST(AgentIsolationTest, CommentsOnlyOfItsOwnAgent) {
  EXPECT_TRUE(Authorize(kAnn, Method::kListComments, Own()).ok());
  ReadScope bob;
  bob.agents_filter = {"bob"};
  EXPECT_EQ(Authorize(kAnn, Method::kListComments, bob).code(),
            absl::StatusCode::kPermissionDenied);
  const absl::Status team =
      Authorize(kAnn, Method::kListComments, Team("support"));
  EXPECT_EQ(team.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(Message(team),
            "role agent:ann may read comments only filtered to its own agent "
            "(agents=[ann])");
  // A future read that returns comments says so in its scope.
  ReadScope scope = Team("support");
  scope.reads_comments = true;
  EXPECT_FALSE(Authorize(kAnn, Method::kGetScores, scope).ok());
  EXPECT_TRUE(Authorize(kManager, Method::kListComments, scope).ok());
}

TEST(AgentIsolationTest, TeamAndChannelAggregatesAreAllowed) {
  EXPECT_TRUE(Authorize(kAnn, Method::kGetScores, Team("support")).ok());
  EXPECT_TRUE(Authorize(kAnn, Method::kGetTrend, Team("support")).ok());
  EXPECT_TRUE(Authorize(kAnn, Method::kGetDrivers, Team("support")).ok());
  ReadScope channel;
  channel.channels_filter = {"email"};
  EXPECT_TRUE(Authorize(kAnn, Method::kGetScores, channel).ok());
  // One group per team or channel, when filtered to one.
  ReadScope grouped = Team("support");
  grouped.groups_by_team = true;
  EXPECT_TRUE(Authorize(kAnn, Method::kGetScores, grouped).ok());
  channel.groups_by_channel = true;
  EXPECT_TRUE(Authorize(kAnn, Method::kGetScores, channel).ok());
  EXPECT_TRUE(IsAgentAggregate(kAnn, InfoOf(Method::kGetScores), grouped));
  EXPECT_FALSE(IsAgentAggregate(kAnn, InfoOf(Method::kGetScores), Own()));
  EXPECT_FALSE(IsAgentAggregate(kManager, InfoOf(Method::kGetScores), grouped));
  EXPECT_FALSE(IsAgentAggregate(kAnn, InfoOf(Method::kHealthCheck), {}));
}

TEST(AgentIsolationTest, GroupingEveryTeamChannelOrSegmentIsDenied) {
  ReadScope teams;
  teams.groups_by_team = true;
  EXPECT_EQ(Message(Authorize(kAnn, Method::kGetScores, teams)),
            "role agent:ann may group by team only when filtered to one team "
            "(an aggregate of its team, not of every team)");
  teams.teams_filter = {"a", "b"};
  EXPECT_FALSE(Authorize(kAnn, Method::kGetScores, teams).ok());

  ReadScope channels = Team("support");
  channels.groups_by_channel = true;
  EXPECT_EQ(Message(Authorize(kAnn, Method::kGetTrend, channels)),
            "role agent:ann may group by channel only when filtered to one "
            "channel (an aggregate of its channel, not of every channel)");

  ReadScope segments;
  segments.has_attribute = true;
  EXPECT_EQ(Message(Authorize(kAnn, Method::kGetScores, segments)),
            "role agent:ann may not group by attribute: a segment is not "
            "about its own agent, team or channel");
  EXPECT_TRUE(Authorize(kManager, Method::kGetScores, segments).ok());
}

TEST(AuthorizeAnonymousTest, OnlyHealthWithoutAToken) {
  constexpr SentCredentials kNone = SentCredentials::kNone;
  constexpr SentCredentials kNotBearer = SentCredentials::kNotBearer;
  constexpr SentCredentials kUnknown = SentCredentials::kUnknown;
  EXPECT_TRUE(AuthorizeAnonymous(InfoOf(Method::kHealthCheck), kNone).ok());
  EXPECT_TRUE(AuthorizeAnonymous(InfoOf(Method::kHealthWatch), kUnknown).ok());
  for (size_t i = 0; i < AllMethods().size(); ++i) {
    const MethodInfo& info = AllMethods()[i];
    if (info.kind == MethodKind::kHealth) continue;
    for (SentCredentials sent : {kNone, kNotBearer, kUnknown}) {
      EXPECT_EQ(AuthorizeAnonymous(info, sent).code(),
                absl::StatusCode::kUnauthenticated);
    }
  }
  EXPECT_EQ(Message(AuthorizeAnonymous(InfoOf(Method::kGetScores), kNone)),
            "GetScores needs a token (authorization: Bearer <token>) and "
            "none was sent");
  EXPECT_EQ(
      Message(AuthorizeAnonymous(InfoOf(Method::kGetScores), kNotBearer)),
      "GetScores needs a token; the authorization header sent is not of the "
      "form \"Bearer <token>\"");
  EXPECT_EQ(Message(AuthorizeAnonymous(kAdminCall, kUnknown)),
            "EraseCustomer needs a token and the one sent is not in the "
            "tokens file");
}

TEST(CheckMinimumGroupTest, AgentsNeedThreeAgentsInAnAggregate) {
  EXPECT_EQ(kMinAgentsInAggregate, 3);
  for (int n : {0, 1, 2}) {
    const absl::Status status = CheckMinimumGroup(kAnn, n);
    EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << n;
    EXPECT_EQ(Message(status),
              "role agent:ann may not read an aggregate of fewer than 3 "
              "agents (narrow the filter to its own agent, or widen the team "
              "or channel)");
  }
  EXPECT_TRUE(CheckMinimumGroup(kAnn, 3).ok());
  EXPECT_TRUE(CheckMinimumGroup(kAnn, 40).ok());
  for (const Principal* p : {&kIngest, &kManager, &kAdmin}) {
    EXPECT_TRUE(CheckMinimumGroup(*p, 0).ok());
    EXPECT_TRUE(CheckMinimumGroup(*p, 2).ok());
  }
}

TEST(AuditSubjectTest, NamesWhoAReadIsAbout) {
  ReadScope bob;
  bob.agents_filter = {"bob", "carol", "bob"};
  EXPECT_EQ(AuditSubject(kManager, InfoOf(Method::kGetScores), bob),
            "bob,carol");
  // An agent reading its own numbers: no subject; its own comments: itself.
  EXPECT_EQ(AuditSubject(kAnn, InfoOf(Method::kGetScores), Own()),
            std::nullopt);
  EXPECT_EQ(AuditSubject(kAnn, InfoOf(Method::kListComments), Own()), "ann");
  // A manager reading ann's numbers.
  EXPECT_EQ(AuditSubject(kManager, InfoOf(Method::kGetTrend), Own()), "ann");
  // Every agent of the selection.
  ReadScope per_agent = Team("support");
  per_agent.groups_by_agent = true;
  EXPECT_EQ(AuditSubject(kManager, InfoOf(Method::kGetScores), per_agent), "*");
  EXPECT_EQ(AuditSubject(kManager, InfoOf(Method::kRankAgents), {}), "*");
  EXPECT_EQ(AuditSubject(kManager, InfoOf(Method::kListComments), {}), "*");
  // Aggregates and non-reads: none.
  EXPECT_EQ(AuditSubject(kAnn, InfoOf(Method::kGetScores), Team("support")),
            std::nullopt);
  EXPECT_EQ(AuditSubject(kAdmin, InfoOf(Method::kSubmitResponses), bob),
            std::nullopt);
  EXPECT_EQ(AuditSubject(kAdmin, InfoOf(Method::kHealthCheck), bob),
            std::nullopt);
}

}  // namespace
}  // namespace cxscore::server::auth
