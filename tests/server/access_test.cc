// Issue 11's acceptance tests about roles, against the real server over TCP
// with TLS: a CA and a server certificate made with the openssl CLI, a
// tokens file with one token per role, an audit log, and a MemoryStore
// seeded with three teams (docs/security.md).
//
// The seeded data (2025-03-03 is a Monday; day 2 is in the same ISO week):
//   team t1, channel chat:  day 1: ann (2 responses), bob, cid
//                           day 2: ann, bob            (2 agents only)
//   team t2, channel email: day 1: dave, erin          (2 agents only)
// Each of these responses has a comment, a customer id and a linked
// interaction. And:
//   team t3, channel phone: day 1: ann and bob answer surveys (no comment);
//                           ann, bob and cid have tickets: 3 agents, but
//                           the team's survey scores come from 2.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <future>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "core/records.h"
#include "cxscore/v1/cxscore.grpc.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "server/auth/token_hash.h"
#include "server/server.h"
#include "storage/memory_store.h"
#include "storage/store.h"
#include "tests/testing/status_matchers.h"

// gMock prints a grpc::Status's bytes otherwise. Found by ADL.
namespace grpc {
inline void PrintTo(const Status& status, std::ostream* os) {
  *os << "code " << status.error_code() << " \"" << status.error_message()
      << "\"";
}
}  // namespace grpc

namespace cxscore::server {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr int64_t kDay1Noon = 1741003200;  // 2025-03-03T12:00:00Z, Monday
constexpr int64_t kDaySeconds = 86400;
constexpr int64_t kDay1Start = kDay1Noon - kDaySeconds / 2;

// Every customer id of the data starts with this; the audit log must never
// hold one.
constexpr char kCustomerPrefix[] = "cust-5e1f0a-";

// Who calls: a token of each role, or no usable token.
enum class Caller {
  kIngest,
  kManager,
  kAdmin,
  kAgentAnn,
  kAgentBob,
  kNoToken,
  kUnknownToken,
  kMalformedHeader,  // "Basic <admin's token>": a real token, wrong scheme
};
constexpr int kCallerCount = 8;

const char* CallerName(Caller caller) {
  switch (caller) {
    case Caller::kIngest:
      return "ingest";
    case Caller::kManager:
      return "manager";
    case Caller::kAdmin:
      return "admin";
    case Caller::kAgentAnn:
      return "agent:ann";
    case Caller::kAgentBob:
      return "agent:bob";
    case Caller::kNoToken:
      return "no token";
    case Caller::kUnknownToken:
      return "unknown token";
    case Caller::kMalformedHeader:
      return "malformed header";
  }
  return "?";
}

enum class Rpc {
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
};

const char* RpcName(Rpc rpc) {
  switch (rpc) {
    case Rpc::kRecordInteractions:
      return "RecordInteractions";
    case Rpc::kSubmitResponses:
      return "SubmitResponses";
    case Rpc::kGetScores:
      return "GetScores";
    case Rpc::kGetDrivers:
      return "GetDrivers";
    case Rpc::kGetTrend:
      return "GetTrend";
    case Rpc::kListComments:
      return "ListComments";
    case Rpc::kRankAgents:
      return "RankAgents";
    case Rpc::kVerify:
      return "Verify";
    case Rpc::kCreateBackup:
      return "CreateBackup";
    case Rpc::kListBackups:
      return "ListBackups";
  }
  return "?";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

// Runs `command` in `dir` with its output discarded; true on success.
bool RunIn(const std::string& dir, const std::string& command) {
  const std::string line =
      absl::StrCat("cd '", dir, "' && ", command, " >/dev/null 2>&1");
  return std::system(line.c_str()) == 0;
}

google::protobuf::Timestamp Ts(int64_t seconds) {
  google::protobuf::Timestamp t;
  t.set_seconds(seconds);
  return t;
}

// Days 1 and 2 (the whole seeded range), half-open.
v1::Selection Days12() {
  v1::Selection selection;
  *selection.mutable_from() = Ts(kDay1Start);
  *selection.mutable_to() = Ts(kDay1Start + 2 * kDaySeconds);
  return selection;
}

v1::Selection Days12With(std::vector<std::string> agents,
                         std::vector<std::string> teams = {},
                         std::vector<std::string> channels = {}) {
  v1::Selection selection = Days12();
  for (const std::string& a : agents) selection.add_agents(a);
  for (const std::string& t : teams) selection.add_teams(t);
  for (const std::string& c : channels) selection.add_channels(c);
  return selection;
}

v1::GetScoresRequest ScoresRequest(std::vector<std::string> agents,
                                   std::vector<std::string> teams = {},
                                   std::vector<v1::Dimension> group_by = {}) {
  v1::GetScoresRequest request;
  *request.mutable_from() = Ts(kDay1Start);
  *request.mutable_to() = Ts(kDay1Start + 2 * kDaySeconds);
  for (const std::string& a : agents) request.add_agents(a);
  for (const std::string& t : teams) request.add_teams(t);
  for (v1::Dimension d : group_by) request.add_group_by(d);
  return request;
}

v1::GetTrendRequest TrendRequest(v1::Selection selection,
                                 v1::Dimension interval,
                                 std::vector<v1::Dimension> group_by = {}) {
  v1::GetTrendRequest request;
  *request.mutable_selection() = std::move(selection);
  request.set_metric(v1::METRIC_NPS);
  request.set_interval(interval);
  for (v1::Dimension d : group_by) request.add_group_by(d);
  return request;
}

v1::GetDriversRequest DriversRequest(v1::Selection selection,
                                     v1::DriverLevel level) {
  v1::GetDriversRequest request;
  *request.mutable_selection() = std::move(selection);
  request.set_level(level);
  return request;
}

v1::ListCommentsRequest CommentsRequest(v1::Selection selection) {
  v1::ListCommentsRequest request;
  *request.mutable_selection() = std::move(selection);
  request.set_limit(100);
  return request;
}

v1::RankAgentsRequest RankRequest(v1::Selection selection) {
  v1::RankAgentsRequest request;
  *request.mutable_selection() = std::move(selection);
  request.set_rank_by(v1::METRIC_NPS);
  return request;
}

// A status PERMISSION_DENIED whose message names the rule: "role agent:ann
// may ..." and holds `rule`.
MATCHER_P(IsDenied, rule, "") {
  return arg.error_code() == grpc::StatusCode::PERMISSION_DENIED &&
         absl::StartsWith(arg.error_message(), "role agent:ann may ") &&
         absl::StrContains(arg.error_message(), rule);
}

// What the suite shares: the certificates, the tokens, the store and the
// server (started once; the tests only read, except the ingest cells of the
// matrix, which add records of ann to day 1 of t1).
struct SuiteState {
  std::string skip_reason;  // set: openssl is missing
  std::string setup_error;  // set: the fixture could not be built
  std::string dir;
  std::string ca_pem;
  std::string other_ca_pem;  // a CA that did not sign the server's cert
  std::string tokens_file;
  std::string tokens_text;  // the file as written at start
  std::string audit_file;
  std::array<std::string, kCallerCount> tokens;  // by Caller; empty: none
  std::vector<std::string> customer_ids;
  std::vector<std::string> comments;
  std::unique_ptr<storage::MemoryStore> store;
  std::unique_ptr<Server> server;
  std::shared_ptr<grpc::Channel> channel;
  std::unique_ptr<v1::CxScore::Stub> stub;
  int next_record = 0;  // ids of records written by the matrix
};

class AccessTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    state_ = new SuiteState;
    if (std::system("openssl version >/dev/null 2>&1") != 0) {
      state_->skip_reason = "the openssl CLI is not installed";
      return;
    }
    if (absl::Status s = BuildSuite(); !s.ok())
      state_->setup_error = std::string(s.message());
  }

  static void TearDownTestSuite() {
    if (state_->server != nullptr) state_->server->Shutdown(absl::Seconds(1));
    state_->server.reset();
    state_->store.reset();
    if (!state_->dir.empty()) RunIn("/", "rm -rf '" + state_->dir + "'");
    delete state_;
    state_ = nullptr;
  }

  void SetUp() override {
    if (!state_->skip_reason.empty()) GTEST_SKIP() << state_->skip_reason;
    ASSERT_EQ(state_->setup_error, "");
  }

  static absl::Status BuildSuite();
  static absl::Status MakeCertificates();
  static absl::Status Seed();

  static const std::string& Token(Caller caller) {
    return state_->tokens[static_cast<int>(caller)];
  }

  // The `authorization` header `caller` sends, if any.
  static std::optional<std::string> Authorization(Caller caller) {
    switch (caller) {
      case Caller::kNoToken:
        return std::nullopt;
      case Caller::kMalformedHeader:
        return "Basic " + Token(Caller::kAdmin);
      default:
        return "Bearer " + Token(caller);
    }
  }

  static std::unique_ptr<grpc::ClientContext> Context(Caller caller) {
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() +
                          std::chrono::seconds(30));
    if (std::optional<std::string> header = Authorization(caller))
      context->AddMetadata("authorization", *header);
    return context;
  }

  static v1::CxScore::Stub& Stub() { return *state_->stub; }

  grpc::Status Scores(Caller caller, const v1::GetScoresRequest& request,
                      v1::GetScoresResponse* response = nullptr) {
    v1::GetScoresResponse ignored;
    return NoSecrets(
        Stub().GetScores(Context(caller).get(), request,
                         response != nullptr ? response : &ignored));
  }
  grpc::Status Trend(Caller caller, const v1::GetTrendRequest& request,
                     v1::GetTrendResponse* response = nullptr) {
    v1::GetTrendResponse ignored;
    return NoSecrets(
        Stub().GetTrend(Context(caller).get(), request,
                        response != nullptr ? response : &ignored));
  }
  grpc::Status Drivers(Caller caller, const v1::GetDriversRequest& request,
                       v1::GetDriversResponse* response = nullptr) {
    v1::GetDriversResponse ignored;
    return NoSecrets(
        Stub().GetDrivers(Context(caller).get(), request,
                          response != nullptr ? response : &ignored));
  }
  grpc::Status Comments(Caller caller, const v1::ListCommentsRequest& request,
                        v1::ListCommentsResponse* response = nullptr) {
    v1::ListCommentsResponse ignored;
    return NoSecrets(
        Stub().ListComments(Context(caller).get(), request,
                            response != nullptr ? response : &ignored));
  }
  grpc::Status Rank(Caller caller, const v1::RankAgentsRequest& request,
                    v1::RankAgentsResponse* response = nullptr) {
    v1::RankAgentsResponse ignored;
    return NoSecrets(
        Stub().RankAgents(Context(caller).get(), request,
                          response != nullptr ? response : &ignored));
  }

  grpc::Status Verify(Caller caller) {
    v1::VerifyRequest request;
    v1::VerifyResponse response;
    return NoSecrets(Stub().Verify(Context(caller).get(), request, &response));
  }

  // One streamed batch of one record (ann, t1, day 1, with a customer id).
  grpc::Status SubmitOne(Caller caller, v1::IngestSummary* summary) {
    auto context = Context(caller);
    auto writer = Stub().SubmitResponses(context.get(), summary);
    v1::SubmitResponsesRequest request;
    v1::SurveyResponse* r = request.add_responses();
    const int n = ++state_->next_record;
    r->set_response_id(absl::StrCat("matrix-r", n));
    r->set_agent_id("ann");
    r->set_team_id("t1");
    r->set_channel("chat");
    r->set_customer_id(absl::StrCat(kCustomerPrefix, "matrix-", n));
    *r->mutable_submitted_at() = Ts(kDay1Noon);
    r->set_nps(8);
    writer->Write(request);  // fails once a refused call has ended
    writer->WritesDone();
    return NoSecrets(writer->Finish());
  }
  grpc::Status RecordOne(Caller caller, v1::IngestSummary* summary) {
    auto context = Context(caller);
    auto writer = Stub().RecordInteractions(context.get(), summary);
    v1::RecordInteractionsRequest request;
    v1::Interaction* i = request.add_interactions();
    const int n = ++state_->next_record;
    i->set_interaction_id(absl::StrCat("matrix-i", n));
    i->set_agent_id("ann");
    i->set_team_id("t1");
    i->set_channel("chat");
    i->set_customer_id(absl::StrCat(kCustomerPrefix, "matrix-", n));
    *i->mutable_opened_at() = Ts(kDay1Noon);
    *i->mutable_closed_at() = Ts(kDay1Noon + 300);
    writer->Write(request);
    writer->WritesDone();
    return NoSecrets(writer->Finish());
  }

  // `rpc` as `caller`, with reads filtered to agents=[ann] over days 1-2
  // (so that agent:ann reads its own data and agent:bob another's).
  grpc::Status Call(Rpc rpc, Caller caller, v1::IngestSummary* summary) {
    const v1::Selection ann = Days12With({"ann"});
    switch (rpc) {
      case Rpc::kRecordInteractions:
        return RecordOne(caller, summary);
      case Rpc::kSubmitResponses:
        return SubmitOne(caller, summary);
      case Rpc::kGetScores:
        return Scores(caller, ScoresRequest({"ann"}));
      case Rpc::kGetDrivers:
        return Drivers(caller, DriversRequest(ann, v1::DRIVER_LEVEL_RESPONSE));
      case Rpc::kGetTrend:
        return Trend(caller, TrendRequest(ann, v1::DIMENSION_DAY));
      case Rpc::kListComments:
        return Comments(caller, CommentsRequest(ann));
      case Rpc::kRankAgents:
        return Rank(caller, RankRequest(ann));
      case Rpc::kVerify:
        return Verify(caller);
      case Rpc::kCreateBackup: {
        v1::BackupInfo ignored;
        return NoSecrets(
            Stub().CreateBackup(Context(caller).get(), {}, &ignored));
      }
      case Rpc::kListBackups: {
        v1::ListBackupsResponse ignored;
        return NoSecrets(
            Stub().ListBackups(Context(caller).get(), {}, &ignored));
      }
    }
    return grpc::Status(grpc::StatusCode::INTERNAL, "unknown rpc");
  }

  // grpc.health.v1.Health/Check (service "") through `channel`, as `caller`.
  static grpc::Status HealthCheck(std::shared_ptr<grpc::Channel> channel,
                                  Caller caller, std::string* reply_bytes) {
    auto context = Context(caller);
    grpc::GenericStub generic(channel);
    grpc::Slice empty_message("", 0);
    grpc::ByteBuffer request(&empty_message, 1);
    grpc::ByteBuffer reply;
    std::promise<grpc::Status> done;
    generic.UnaryCall(context.get(), "/grpc.health.v1.Health/Check",
                      grpc::StubOptions(), &request, &reply,
                      [&done](grpc::Status s) { done.set_value(s); });
    grpc::Status status = done.get_future().get();
    std::vector<grpc::Slice> slices;
    reply_bytes->clear();
    if (status.ok() && reply.Dump(&slices).ok()) {
      for (const grpc::Slice& s : slices)
        reply_bytes->append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
    return status;
  }

  // No status message may hold a token (nor a token's hash).
  static void ExpectNoSecrets(const std::string& text) {
    for (int c = 0; c < kCallerCount; ++c) {
      const std::string& token = state_->tokens[c];
      if (token.empty()) continue;
      EXPECT_THAT(text, Not(HasSubstr(token)));
      EXPECT_THAT(text, Not(HasSubstr(auth::Sha256Hex(token))));
      EXPECT_THAT(text, Not(HasSubstr(auth::Sha256Hex(token).substr(0, 16))));
    }
  }

  static grpc::Status NoSecrets(grpc::Status status) {
    ExpectNoSecrets(status.error_message());
    return status;
  }

  static SuiteState* state_;
};

SuiteState* AccessTest::state_ = nullptr;

absl::Status AccessTest::MakeCertificates() {
  const std::string& dir = state_->dir;
  // P-256 keys: much faster to make than RSA ones.
  const std::string new_key =
      " -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
  const std::string self_signed_ca =
      "openssl req -x509" + new_key + " -days 2 -subj /CN=";
  if (!RunIn(dir,
             self_signed_ca + "access-test-ca -keyout ca.key -out ca.pem") ||
      !RunIn(dir, self_signed_ca +
                      "other-ca -keyout other-ca.key -out other-ca.pem") ||
      !RunIn(dir, "openssl req" + new_key +
                      " -subj /CN=localhost -keyout server.key -out "
                      "server.csr")) {
    return absl::InternalError("openssl req failed in " + dir);
  }
  WriteFile(dir + "/server.ext", "subjectAltName=IP:127.0.0.1\n");
  if (!RunIn(dir,
             "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key "
             "-CAcreateserial -days 2 -extfile server.ext -out server.pem")) {
    return absl::InternalError("openssl x509 failed in " + dir);
  }
  state_->ca_pem = ReadFile(dir + "/ca.pem");
  state_->other_ca_pem = ReadFile(dir + "/other-ca.pem");
  return absl::OkStatus();
}

absl::Status AccessTest::Seed() {
  struct Row {
    const char* agent;
    const char* team;
    const char* channel;
    int day;  // 1 or 2
    int nps;
  };
  const Row rows[] = {
      {"ann", "t1", "chat", 1, 2},   {"ann", "t1", "chat", 1, 10},
      {"bob", "t1", "chat", 1, 3},   {"cid", "t1", "chat", 1, 9},
      {"ann", "t1", "chat", 2, 9},   {"bob", "t1", "chat", 2, 1},
      {"dave", "t2", "email", 1, 7}, {"erin", "t2", "email", 1, 10},
  };
  std::vector<SurveyResponse> responses;
  std::vector<Interaction> interactions;
  int n = 0;
  for (const Row& row : rows) {
    ++n;
    const absl::Time at =
        absl::FromUnixSeconds(kDay1Noon + (row.day - 1) * kDaySeconds + n * 60);
    const std::string customer = absl::StrCat(kCustomerPrefix, n);
    Interaction i;
    i.interaction_id = absl::StrCat("seed-i", n);
    i.agent_id = row.agent;
    i.team_id = row.team;
    i.channel = row.channel;
    i.customer_id = customer;
    i.opened_at = at - absl::Minutes(30);
    i.first_response_at = at - absl::Minutes(25 - n);
    i.closed_at = at - absl::Minutes(10);
    i.reopens = n % 2;
    i.first_contact_resolution = n % 3 != 0;
    interactions.push_back(i);
    SurveyResponse r;
    r.response_id = absl::StrCat("seed-r", n);
    r.interaction_id = i.interaction_id;
    r.agent_id = row.agent;
    r.team_id = row.team;
    r.channel = row.channel;
    r.customer_id = customer;
    r.submitted_at = at;
    r.nps = row.nps;
    r.csat = 1 + row.nps / 3;
    r.comment = absl::StrCat("seeded comment ", n, " about ", row.agent);
    responses.push_back(r);
    state_->customer_ids.push_back(customer);
    state_->comments.push_back(r.comment);
  }
  for (const char* agent : {"ann", "bob"}) {
    SurveyResponse r;
    r.response_id = absl::StrCat("t3-r-", agent);
    r.agent_id = agent;
    r.team_id = "t3";
    r.channel = "phone";
    r.customer_id = absl::StrCat(kCustomerPrefix, "t3-", agent);
    r.submitted_at = absl::FromUnixSeconds(kDay1Noon);
    r.nps = agent == std::string("ann") ? 10 : 0;
    responses.push_back(r);
    state_->customer_ids.push_back(r.customer_id);
  }
  for (const char* agent : {"ann", "bob", "cid"}) {
    Interaction i;
    i.interaction_id = absl::StrCat("t3-i-", agent);
    i.agent_id = agent;
    i.team_id = "t3";
    i.channel = "phone";
    i.customer_id = absl::StrCat(kCustomerPrefix, "t3-i-", agent);
    i.opened_at = absl::FromUnixSeconds(kDay1Noon);
    interactions.push_back(i);
    state_->customer_ids.push_back(i.customer_id);
  }
  for (const storage::WriteResult& result :
       {storage::RecordInteractionsAndWait(*state_->store, interactions),
        storage::SubmitResponsesAndWait(*state_->store, responses)}) {
    if (!result.ok()) return result.status();
    for (const storage::RecordOutcome& outcome : *result) {
      if (outcome.kind != storage::RecordOutcome::Kind::kAccepted)
        return absl::InternalError("a seeded record was not accepted");
    }
  }
  return absl::OkStatus();
}

absl::Status AccessTest::BuildSuite() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern =
      absl::StrCat(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp",
                   "/cxscore_access_test.XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr)
    return absl::InternalError("mkdtemp failed");
  state_->dir = pattern;
  if (absl::Status s = MakeCertificates(); !s.ok()) return s;

  // One token per role; "unknown" is a well-formed token in no file.
  const std::pair<Caller, const char*> roles[] = {
      {Caller::kIngest, "ingest crm-sync"},
      {Caller::kManager, "manager mgr"},
      {Caller::kAdmin, "admin root"},
      {Caller::kAgentAnn, "agent:ann Ann"},
      {Caller::kAgentBob, "agent:bob Bob"},
      {Caller::kUnknownToken, nullptr},
  };
  std::string tokens_text = "# access_test tokens\n";
  for (const auto& [caller, line] : roles) {
    absl::StatusOr<std::string> token = auth::NewRandomToken();
    if (!token.ok()) return token.status();
    state_->tokens[static_cast<int>(caller)] = *token;
    if (line != nullptr)
      absl::StrAppend(&tokens_text, "sha256:", auth::Sha256Hex(*token), " ",
                      line, "\n");
  }
  state_->tokens_file = state_->dir + "/tokens";
  state_->tokens_text = tokens_text;
  WriteFile(state_->tokens_file, tokens_text);
  state_->audit_file = state_->dir + "/audit.jsonl";

  state_->store = std::make_unique<storage::MemoryStore>();
  if (absl::Status s = Seed(); !s.ok()) return s;

  ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.security.tls.cert_file = state_->dir + "/server.pem";
  options.security.tls.key_file = state_->dir + "/server.key";
  options.access.tokens_file = state_->tokens_file;
  options.access.audit_log_file = state_->audit_file;
  absl::StatusOr<std::unique_ptr<Server>> server =
      Server::Start(options, *state_->store);
  if (!server.ok()) return server.status();
  state_->server = *std::move(server);

  grpc::SslCredentialsOptions tls;
  tls.pem_root_certs = state_->ca_pem;
  state_->channel =
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", state_->server->port()),
                          grpc::SslCredentials(tls));
  state_->stub = v1::CxScore::NewStub(state_->channel);
  return absl::OkStatus();
}

// ---------------------------------------------------------------------------
// The role matrix: every RPC x every caller. Reads ask for agents=[ann]
// over days 1-2, so agent:ann reads its own data and agent:bob asks for
// another agent's; ingest calls send one batch of one record.

constexpr grpc::StatusCode OK = grpc::StatusCode::OK;
constexpr grpc::StatusCode DENIED = grpc::StatusCode::PERMISSION_DENIED;
constexpr grpc::StatusCode UNAUTH = grpc::StatusCode::UNAUTHENTICATED;
// Admitted, then answered by the suite's MemoryStore, which keeps no
// backups (the RocksDB store's backups: tests/storage/backup_test.cc and
// tests/e2e/test_backup.py).
constexpr grpc::StatusCode NO_BACKUPS = grpc::StatusCode::UNIMPLEMENTED;

struct MatrixRow {
  Rpc rpc;
  std::array<grpc::StatusCode, kCallerCount> expected;  // by Caller
};

// clang-format off
constexpr MatrixRow kRoleMatrix[] = {
  //                          ingest  manager admin  ann     bob     none    unknown malformed
  {Rpc::kRecordInteractions, {OK,     DENIED, OK,    DENIED, DENIED, UNAUTH, UNAUTH, UNAUTH}},
  {Rpc::kSubmitResponses,    {OK,     DENIED, OK,    DENIED, DENIED, UNAUTH, UNAUTH, UNAUTH}},
  {Rpc::kGetScores,          {DENIED, OK,     OK,    OK,     DENIED, UNAUTH, UNAUTH, UNAUTH}},
  {Rpc::kGetDrivers,         {DENIED, OK,     OK,    OK,     DENIED, UNAUTH, UNAUTH, UNAUTH}},
  {Rpc::kGetTrend,           {DENIED, OK,     OK,    OK,     DENIED, UNAUTH, UNAUTH, UNAUTH}},
  {Rpc::kListComments,       {DENIED, OK,     OK,    OK,     DENIED, UNAUTH, UNAUTH, UNAUTH}},
  {Rpc::kRankAgents,         {DENIED, OK,     OK,    DENIED, DENIED, UNAUTH, UNAUTH, UNAUTH}},
  {Rpc::kVerify,             {DENIED, DENIED, OK,    DENIED, DENIED, UNAUTH, UNAUTH, UNAUTH}},
  {Rpc::kCreateBackup,       {DENIED, DENIED, NO_BACKUPS, DENIED, DENIED, UNAUTH, UNAUTH, UNAUTH}},
  {Rpc::kListBackups,        {DENIED, DENIED, NO_BACKUPS, DENIED, DENIED, UNAUTH, UNAUTH, UNAUTH}},
};
// clang-format on

TEST_F(AccessTest, RoleMatrixOverTls) {
  for (const MatrixRow& row : kRoleMatrix) {
    for (int c = 0; c < kCallerCount; ++c) {
      const Caller caller = static_cast<Caller>(c);
      SCOPED_TRACE(absl::StrCat(RpcName(row.rpc), " as ", CallerName(caller)));
      v1::IngestSummary summary;
      const grpc::Status status = Call(row.rpc, caller, &summary);
      const grpc::StatusCode expected = row.expected[c];
      EXPECT_EQ(status.error_code(), expected) << status.error_message();
      const std::string& message = status.error_message();
      ExpectNoSecrets(message);
      if (expected == OK && status.ok() &&
          (row.rpc == Rpc::kRecordInteractions ||
           row.rpc == Rpc::kSubmitResponses)) {
        EXPECT_EQ(summary.accepted(), 1u);
      }
      if (expected == NO_BACKUPS) {
        EXPECT_THAT(message, HasSubstr("keeps no backups"));
      }
      if (expected == DENIED) {
        // Names the rule: "role ROLE may only ...".
        EXPECT_THAT(message, StartsWith(absl::StrCat(
                                 "role ", CallerName(caller), " may ")));
      }
      if (expected == UNAUTH) {
        EXPECT_THAT(message, StartsWith(RpcName(row.rpc)));
        if (caller == Caller::kNoToken) {
          EXPECT_THAT(message, HasSubstr("none was sent"));
        } else if (caller == Caller::kMalformedHeader) {
          EXPECT_THAT(message, HasSubstr("not of the form \"Bearer <token>\""));
        } else {
          EXPECT_THAT(message, HasSubstr("not in the tokens file"));
        }
      }
    }
  }
}

TEST_F(AccessTest, MalformedAuthorizationHeadersAreUnauthenticated) {
  const std::string& admin = Token(Caller::kAdmin);
  const std::string hash_as_token = "Bearer sha256:" + auth::Sha256Hex(admin);
  for (const std::string& header : std::vector<std::string>{
           "Basic " + admin, admin, "Bearer", "Bearer ",
           "Bearer " + admin + " x", "Bearer" + admin, hash_as_token}) {
    SCOPED_TRACE(header.substr(0, 6));
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
    context.AddMetadata("authorization", header);
    v1::GetScoresResponse response;
    const grpc::Status status =
        Stub().GetScores(&context, ScoresRequest({"ann"}), &response);
    EXPECT_EQ(status.error_code(), UNAUTH) << status.error_message();
    // A header that is not "Bearer <token>" is named as such, not as an
    // unknown token.
    EXPECT_THAT(status.error_message(),
                HasSubstr(header == hash_as_token
                              ? "not in the tokens file"
                              : "not of the form \"Bearer <token>\""));
    ExpectNoSecrets(status.error_message());
  }
  // The scheme is case-insensitive (docs/security.md).
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(30));
  context.AddMetadata("authorization", "bearer " + admin);
  v1::GetScoresResponse response;
  EXPECT_OK(Stub().GetScores(&context, ScoresRequest({"ann"}), &response));
}

TEST_F(AccessTest, HealthCheckNeedsNoToken) {
  for (Caller caller :
       {Caller::kNoToken, Caller::kUnknownToken, Caller::kAgentAnn}) {
    SCOPED_TRACE(CallerName(caller));
    std::string reply;
    EXPECT_OK(HealthCheck(state_->channel, caller, &reply));
    EXPECT_EQ(reply, std::string("\x08\x01", 2)) << "status: SERVING";
  }
}

// ---------------------------------------------------------------------------
// Agent isolation: what agent:ann may and may not read.

TEST_F(AccessTest, AgentReadsItsOwnData) {
  v1::GetScoresResponse scores;
  ASSERT_OK(Scores(Caller::kAgentAnn, ScoresRequest({"ann"}), &scores));
  ASSERT_EQ(scores.groups_size(), 1);
  EXPECT_GE(scores.groups(0).nps().n(), 3u);  // seeded: 3 (+ the matrix's)

  // Its own data grouped any way, agent included.
  ASSERT_OK(Scores(Caller::kAgentAnn,
                   ScoresRequest({"ann"}, {}, {v1::DIMENSION_AGENT}), &scores));
  ASSERT_EQ(scores.groups_size(), 1);
  EXPECT_EQ(scores.groups(0).key(0).value(), "ann");
  EXPECT_OK(Scores(Caller::kAgentAnn,
                   ScoresRequest({"ann"}, {}, {v1::DIMENSION_DAY})));

  v1::GetTrendResponse trend;
  ASSERT_OK(Trend(Caller::kAgentAnn,
                  TrendRequest(Days12With({"ann"}), v1::DIMENSION_DAY),
                  &trend));
  ASSERT_EQ(trend.series_size(), 1);
  EXPECT_EQ(trend.series(0).points_size(), 2);

  EXPECT_OK(
      Drivers(Caller::kAgentAnn,
              DriversRequest(Days12With({"ann"}), v1::DRIVER_LEVEL_RESPONSE)));
  EXPECT_OK(Drivers(Caller::kAgentAnn, DriversRequest(Days12With({"ann"}),
                                                      v1::DRIVER_LEVEL_WEEK)));

  v1::ListCommentsResponse comments;
  ASSERT_OK(Comments(Caller::kAgentAnn, CommentsRequest(Days12With({"ann"})),
                     &comments));
  EXPECT_EQ(comments.comments_size(), 3);  // the matrix writes no comments
  for (const v1::Comment& c : comments.comments())
    EXPECT_EQ(c.agent_id(), "ann") << c.comment();
}

TEST_F(AccessTest, AgentReadsAnAggregateOfThreeOrMoreAgents) {
  // Team t1 has ann, bob and cid over days 1-2.
  v1::GetScoresResponse team;
  ASSERT_OK(Scores(Caller::kAgentAnn, ScoresRequest({}, {"t1"}), &team));
  ASSERT_EQ(team.groups_size(), 1);
  EXPECT_GE(team.groups(0).nps().n(), 6u);
  // The same answer as a manager's.
  v1::GetScoresResponse managers;
  ASSERT_OK(Scores(Caller::kManager, ScoresRequest({}, {"t1"}), &managers));
  EXPECT_EQ(team.groups(0).nps().n(), managers.groups(0).nps().n());

  // Grouped by team when filtered to that one team.
  EXPECT_OK(Scores(Caller::kAgentAnn,
                   ScoresRequest({}, {"t1"}, {v1::DIMENSION_TEAM})));
  // The whole selection (5 agents), and the weekly trend of t1 (one week).
  EXPECT_OK(Scores(Caller::kAgentAnn, ScoresRequest({})));
  EXPECT_OK(Trend(Caller::kAgentAnn,
                  TrendRequest(Days12With({}, {"t1"}), v1::DIMENSION_WEEK)));
  EXPECT_OK(Drivers(
      Caller::kAgentAnn,
      DriversRequest(Days12With({}, {"t1"}), v1::DRIVER_LEVEL_RESPONSE)));
}

TEST_F(AccessTest, AgentCannotFilterByAnotherAgent) {
  const std::string rule = "may only read its own agent: filter agents=[bob]";
  EXPECT_THAT(Scores(Caller::kAgentAnn, ScoresRequest({"bob"})),
              IsDenied(rule));
  EXPECT_THAT(Scores(Caller::kAgentAnn, ScoresRequest({"ann", "bob"})),
              IsDenied(rule));
  EXPECT_THAT(Trend(Caller::kAgentAnn,
                    TrendRequest(Days12With({"bob"}), v1::DIMENSION_WEEK)),
              IsDenied(rule));
  EXPECT_THAT(
      Drivers(Caller::kAgentAnn,
              DriversRequest(Days12With({"bob"}), v1::DRIVER_LEVEL_RESPONSE)),
      IsDenied(rule));
  // "" selects the unattributed records: not ann's either.
  EXPECT_THAT(Scores(Caller::kAgentAnn, ScoresRequest({""})),
              IsDenied("names another agent"));
}

TEST_F(AccessTest, AgentCannotGroupByAgent) {
  const std::string rule = "may not group by agent";
  EXPECT_THAT(
      Scores(Caller::kAgentAnn, ScoresRequest({}, {}, {v1::DIMENSION_AGENT})),
      IsDenied(rule));
  EXPECT_THAT(Scores(Caller::kAgentAnn,
                     ScoresRequest({}, {"t1"}, {v1::DIMENSION_AGENT})),
              IsDenied(rule));
  EXPECT_THAT(Trend(Caller::kAgentAnn,
                    TrendRequest(Days12With({}, {"t1"}), v1::DIMENSION_WEEK,
                                 {v1::DIMENSION_AGENT})),
              IsDenied(rule));
  // Drivers at the agent level are computed per agent.
  EXPECT_THAT(
      Drivers(Caller::kAgentAnn,
              DriversRequest(Days12With({}, {"t1"}), v1::DRIVER_LEVEL_AGENT)),
      IsDenied(rule));
  // RankAgents answers per agent, even filtered to ann.
  EXPECT_THAT(Rank(Caller::kAgentAnn, RankRequest(Days12With({}, {"t1"}))),
              IsDenied("may not call RankAgents"));
  EXPECT_THAT(Rank(Caller::kAgentAnn, RankRequest(Days12With({"ann"}))),
              IsDenied("may not call RankAgents"));
}

TEST_F(AccessTest, AgentCannotReadAGroupOfFewerThanThreeAgents) {
  const std::string rule = "may not read an aggregate of fewer than 3 agents";
  // Team t2 (dave, erin), and its channel.
  EXPECT_THAT(Scores(Caller::kAgentAnn, ScoresRequest({}, {"t2"})),
              IsDenied(rule));
  EXPECT_THAT(Scores(Caller::kAgentAnn,
                     ScoresRequest({}, {"t2"}, {v1::DIMENSION_TEAM})),
              IsDenied(rule));
  v1::GetScoresRequest email = ScoresRequest({});
  email.add_channels("email");
  EXPECT_THAT(Scores(Caller::kAgentAnn, email), IsDenied(rule));
  EXPECT_THAT(Trend(Caller::kAgentAnn,
                    TrendRequest(Days12With({}, {"t2"}), v1::DIMENSION_MONTH)),
              IsDenied(rule));
  EXPECT_THAT(
      Drivers(Caller::kAgentAnn, DriversRequest(Days12With({}, {"t2"}),
                                                v1::DRIVER_LEVEL_RESPONSE)),
      IsDenied(rule));
  // t1 on day 2 only (ann and bob): a narrower time range is a smaller group.
  v1::GetScoresRequest day2 = ScoresRequest({}, {"t1"});
  *day2.mutable_from() = Ts(kDay1Start + kDaySeconds);
  EXPECT_THAT(Scores(Caller::kAgentAnn, day2), IsDenied(rule));
  // t1 per day: day 2 has 2 agents.
  EXPECT_THAT(
      Scores(Caller::kAgentAnn, ScoresRequest({}, {"t1"}, {v1::DIMENSION_DAY})),
      IsDenied(rule));
  // The comparison range is checked like the main one.
  v1::GetScoresRequest compare = ScoresRequest({}, {"t1"});
  *compare.mutable_compare_from() = Ts(kDay1Start + kDaySeconds);
  *compare.mutable_compare_to() = Ts(kDay1Start + 2 * kDaySeconds);
  EXPECT_THAT(Scores(Caller::kAgentAnn, compare), IsDenied(rule));
}

// Team t3 has 3 agents, but its survey scores come from ann and bob only
// (cid has only tickets): ann would read bob's NPS by subtracting her own.
TEST_F(AccessTest, AgentCannotReadAScoreMadeOfFewerThanThreeAgentsAnswers) {
  const std::string rule = "may not read an aggregate of fewer than 3 agents";
  EXPECT_THAT(Scores(Caller::kAgentAnn, ScoresRequest({}, {"t3"})),
              IsDenied(rule));
  EXPECT_THAT(Trend(Caller::kAgentAnn,
                    TrendRequest(Days12With({}, {"t3"}), v1::DIMENSION_WEEK)),
              IsDenied(rule));
  v1::GetScoresRequest phone = ScoresRequest({});
  phone.add_channels("phone");
  EXPECT_THAT(Scores(Caller::kAgentAnn, phone), IsDenied(rule));
  // What it would have given away; a manager may see it.
  v1::GetScoresResponse team;
  ASSERT_OK(Scores(Caller::kManager, ScoresRequest({}, {"t3"}), &team));
  ASSERT_EQ(team.groups_size(), 1);
  EXPECT_EQ(team.groups(0).nps().n(), 2u);
  EXPECT_EQ(team.groups(0).service().interactions(), 3u);
}

TEST_F(AccessTest, AgentCannotReadATrendWithADayOfFewerThanThreeAgents) {
  const std::string rule = "may not read an aggregate of fewer than 3 agents";
  // t1 per day: day 1 has 3 agents, day 2 only ann and bob.
  EXPECT_THAT(Trend(Caller::kAgentAnn,
                    TrendRequest(Days12With({}, {"t1"}), v1::DIMENSION_DAY)),
              IsDenied(rule));
  // Everyone per day: day 2 still has only ann and bob.
  EXPECT_THAT(
      Trend(Caller::kAgentAnn, TrendRequest(Days12With({}), v1::DIMENSION_DAY)),
      IsDenied(rule));
  // Channel chat per day, grouped by that one channel.
  EXPECT_THAT(Trend(Caller::kAgentAnn,
                    TrendRequest(Days12With({}, {}, {"chat"}),
                                 v1::DIMENSION_DAY, {v1::DIMENSION_CHANNEL})),
              IsDenied(rule));
  // The same day-1-only trend is fine (3 agents).
  v1::Selection day1 = Days12With({}, {"t1"});
  *day1.mutable_to() = Ts(kDay1Start + kDaySeconds);
  EXPECT_OK(Trend(Caller::kAgentAnn, TrendRequest(day1, v1::DIMENSION_DAY)));
}

TEST_F(AccessTest, AgentCannotReadAnotherAgentsComments) {
  EXPECT_THAT(Comments(Caller::kAgentAnn, CommentsRequest(Days12With({"bob"}))),
              IsDenied("may only read its own agent: filter agents=[bob]"));
  const std::string rule = "may read comments only filtered to its own agent";
  EXPECT_THAT(Comments(Caller::kAgentAnn, CommentsRequest(Days12With({}))),
              IsDenied(rule));
  EXPECT_THAT(
      Comments(Caller::kAgentAnn, CommentsRequest(Days12With({}, {"t1"}))),
      IsDenied(rule));
  // bob's own token reads them; a manager reads everyone's.
  v1::ListCommentsResponse comments;
  ASSERT_OK(Comments(Caller::kAgentBob, CommentsRequest(Days12With({"bob"})),
                     &comments));
  EXPECT_EQ(comments.comments_size(), 2);
  ASSERT_OK(
      Comments(Caller::kManager, CommentsRequest(Days12With({})), &comments));
  EXPECT_EQ(comments.comments_size(), 8);
}

// What `cxscore scorecard --agent ann` (client/documents/scorecard_fetch.cc,
// FetchScorecard) asks for, replayed with ann's token over team t1 (3
// agents in the period). Allowed:
//   1. GetScores agents=[ann] group_by=[team]        (which team is ann's)
//   2. GetScores agents=[ann]                        (ann's numbers)
//   3. GetScores teams=[t1]                          (the team; >= 3 agents)
//   4. GetScores teams=[t1] exclude_agents=[ann] count_agents
//                                                    (the rest of the team)
//   6. GetDrivers teams=[t1] level=response          (90-day window, >= 3)
//   7. GetTrend agents=[ann] interval=week           (ann's weekly trend)
//   8. GetTrend teams=[t1] interval=week             (only if every week of
//                                                     the period has >= 3)
//   9. ListComments agents=[ann] filter=detractors / promoters
// Denied (PERMISSION_DENIED), which the scorecard shows as a missing part:
//   5. RankAgents teams=[t1], per metric             (the adjusted values)
TEST_F(AccessTest, ScorecardCallsWithAnAgentToken) {
  EXPECT_OK(Scores(Caller::kAgentAnn,
                   ScoresRequest({"ann"}, {}, {v1::DIMENSION_TEAM})));
  EXPECT_OK(Scores(Caller::kAgentAnn, ScoresRequest({"ann"})));
  EXPECT_OK(Scores(Caller::kAgentAnn, ScoresRequest({}, {"t1"})));
  // The rest of t1 without ann: bob's 2 answers and cid's 1, from 2 agents,
  // the same as a manager reads for bob and cid.
  v1::GetScoresRequest rest_request = ScoresRequest({}, {"t1"});
  rest_request.add_exclude_agents("ann");
  rest_request.set_count_agents(true);
  v1::GetScoresResponse rest, managers;
  ASSERT_OK(Scores(Caller::kAgentAnn, rest_request, &rest));
  ASSERT_OK(Scores(Caller::kManager, ScoresRequest({"bob", "cid"}, {"t1"}),
                   &managers));
  ASSERT_EQ(rest.groups_size(), 1);
  EXPECT_EQ(rest.groups(0).agents(), 2u);
  EXPECT_EQ(rest.groups(0).nps().n(), managers.groups(0).nps().n());
  EXPECT_EQ(rest.groups(0).nps().detractors(),
            managers.groups(0).nps().detractors());
  // Leaving bob out instead would give bob's numbers away.
  v1::GetScoresRequest without_bob = ScoresRequest({}, {"t1"});
  without_bob.add_exclude_agents("bob");
  EXPECT_THAT(Scores(Caller::kAgentAnn, without_bob),
              IsDenied("may leave out only its own agent"));
  // The team's agents, one by one, stay out of reach.
  EXPECT_THAT(Scores(Caller::kAgentAnn,
                     ScoresRequest({}, {"t1"}, {v1::DIMENSION_AGENT})),
              IsDenied("may not group by agent"));
  EXPECT_THAT(Rank(Caller::kAgentAnn, RankRequest(Days12With({}, {"t1"}))),
              IsDenied("may not call RankAgents"));
  // t2 has 2 agents: its rest without ann is refused like t2 itself.
  v1::GetScoresRequest small = ScoresRequest({}, {"t2"});
  small.add_exclude_agents("ann");
  EXPECT_THAT(Scores(Caller::kAgentAnn, small),
              IsDenied("fewer than 3 agents"));
  v1::Selection window = Days12With({}, {"t1"});
  *window.mutable_from() = Ts(kDay1Start - 89 * kDaySeconds);
  EXPECT_OK(Drivers(Caller::kAgentAnn,
                    DriversRequest(window, v1::DRIVER_LEVEL_RESPONSE)));
  EXPECT_OK(Trend(Caller::kAgentAnn,
                  TrendRequest(Days12With({"ann"}), v1::DIMENSION_WEEK)));
  EXPECT_OK(Trend(Caller::kAgentAnn,
                  TrendRequest(Days12With({}, {"t1"}), v1::DIMENSION_WEEK)));
  // ann's seeded answers: NPS 2 (a detractor), 10 and 9 (promoters).
  for (auto [filter, expected] : {std::pair{v1::COMMENT_FILTER_DETRACTORS, 1},
                                  std::pair{v1::COMMENT_FILTER_PROMOTERS, 2}}) {
    v1::ListCommentsRequest request = CommentsRequest(Days12With({"ann"}));
    request.set_filter(filter);
    v1::ListCommentsResponse comments;
    ASSERT_OK(Comments(Caller::kAgentAnn, request, &comments));
    EXPECT_EQ(comments.comments_size(), expected) << filter;
    for (const v1::Comment& c : comments.comments())
      EXPECT_EQ(c.agent_id(), "ann");
  }
}

// ---------------------------------------------------------------------------
// The audit log.

TEST_F(AccessTest, AuditLogHasOneJsonLinePerDecisionWithoutSecrets) {
  const size_t before = Lines(ReadFile(state_->audit_file)).size();
  EXPECT_THAT(Scores(Caller::kAgentAnn, ScoresRequest({"bob"})),
              IsDenied("agents=[bob]"));
  EXPECT_EQ(Scores(Caller::kNoToken, ScoresRequest({})).error_code(), UNAUTH);
  EXPECT_EQ(Scores(Caller::kUnknownToken, ScoresRequest({})).error_code(),
            UNAUTH);
  EXPECT_OK(Scores(Caller::kManager, ScoresRequest({}, {"t2"})));
  EXPECT_OK(Comments(Caller::kAgentAnn, CommentsRequest(Days12With({"ann"}))));
  EXPECT_THAT(Scores(Caller::kAgentAnn, ScoresRequest({}, {"t2"})),
              IsDenied("fewer than 3 agents"));
  v1::IngestSummary summary;
  EXPECT_OK(SubmitOne(Caller::kIngest, &summary));
  EXPECT_EQ(SubmitOne(Caller::kAgentBob, &summary).error_code(), DENIED);

  const std::vector<std::string> all = Lines(ReadFile(state_->audit_file));
  ASSERT_EQ(all.size(), before + 8);
  const std::vector<std::string> lines(all.begin() + before, all.end());
  // Each line: {"time":"2026-...Z","principal":...,"role":...,"method":...,
  // "decision":...,"code":...[,"subject":...]}; the time is not checked.
  auto fields = [](const std::string& line) {
    const size_t end = line.find("\",\"principal\"");
    return end == std::string::npos ? line : line.substr(end + 2);
  };
  EXPECT_EQ(fields(lines[0]),
            R"("principal":"Ann","role":"agent:ann","method":"GetScores",)"
            R"("decision":"deny","code":"PERMISSION_DENIED","subject":"bob"})");
  EXPECT_EQ(fields(lines[1]),
            R"("principal":null,"role":null,"method":"GetScores",)"
            R"("decision":"deny","code":"UNAUTHENTICATED"})");
  EXPECT_EQ(fields(lines[2]),
            R"("principal":null,"role":null,"method":"GetScores",)"
            R"("decision":"deny","code":"UNAUTHENTICATED"})");
  EXPECT_EQ(fields(lines[3]),
            R"("principal":"mgr","role":"manager","method":"GetScores",)"
            R"("decision":"allow","code":"OK"})");
  EXPECT_EQ(fields(lines[4]),
            R"("principal":"Ann","role":"agent:ann","method":"ListComments",)"
            R"("decision":"allow","code":"OK","subject":"ann"})");
  EXPECT_EQ(fields(lines[5]),
            R"("principal":"Ann","role":"agent:ann","method":"GetScores",)"
            R"("decision":"deny","code":"PERMISSION_DENIED"})");
  EXPECT_EQ(fields(lines[6]),
            R"("principal":"crm-sync","role":"ingest",)"
            R"("method":"SubmitResponses","decision":"allow","code":"OK"})");
  EXPECT_EQ(fields(lines[7]), R"("principal":"Bob","role":"agent:bob",)"
                              R"("method":"SubmitResponses","decision":"deny",)"
                              R"("code":"PERMISSION_DENIED"})");

  // Every line of the whole file (the other tests' calls too).
  for (const std::string& line : all) {
    SCOPED_TRACE(line);
    EXPECT_THAT(line, StartsWith(R"({"time":")"));
    EXPECT_EQ(line.back(), '}');
    for (const char* field : {"\"principal\":", "\"role\":", "\"method\":",
                              "\"decision\":", "\"code\":"}) {
      EXPECT_THAT(line, HasSubstr(field));
    }
    ExpectNoSecrets(line);
    EXPECT_THAT(line, Not(HasSubstr(kCustomerPrefix)));
    for (const std::string& customer : state_->customer_ids)
      EXPECT_THAT(line, Not(HasSubstr(customer)));
    EXPECT_THAT(line, Not(HasSubstr("seeded comment")));
  }
}

// ---------------------------------------------------------------------------
// Reloading the tokens file (SIGHUP).

TEST_F(AccessTest, ReloadDropsARemovedTokenAndKeepsTheOldOnesOnError) {
  // Whatever happens, the next tests find the file and tokens of the start.
  struct Restore {
    ~Restore() {
      WriteFile(state_->tokens_file, state_->tokens_text);
      EXPECT_OK(state_->server->ReloadTokens());
    }
  } restore;
  ASSERT_OK(Scores(Caller::kManager, ScoresRequest({})));

  std::string without_manager;
  for (const std::string& line : Lines(state_->tokens_text)) {
    if (!absl::StrContains(line, " manager ")) {
      absl::StrAppend(&without_manager, line, "\n");
    }
  }
  ASSERT_NE(without_manager, state_->tokens_text);
  WriteFile(state_->tokens_file, without_manager);
  ASSERT_OK(state_->server->ReloadTokens());
  grpc::Status status = Scores(Caller::kManager, ScoresRequest({}));
  EXPECT_EQ(status.error_code(), UNAUTH) << status.error_message();
  EXPECT_THAT(status.error_message(), HasSubstr("not in the tokens file"));
  EXPECT_OK(Scores(Caller::kAdmin, ScoresRequest({})));
  EXPECT_OK(Scores(Caller::kAgentAnn, ScoresRequest({"ann"})));

  // Line 3 is malformed (a token pasted where its hash should be).
  const std::string malformed =
      absl::StrCat("# tokens\nsha256:", auth::Sha256Hex(Token(Caller::kIngest)),
                   " ingest\n", Token(Caller::kManager), " manager\n");
  WriteFile(state_->tokens_file, malformed);
  const absl::Status reload = state_->server->ReloadTokens();
  EXPECT_EQ(reload.code(), absl::StatusCode::kInvalidArgument) << reload;
  EXPECT_THAT(reload.message(), HasSubstr("line 3"));
  ExpectNoSecrets(std::string(reload.message()));
  // The tokens in force stay: the file without manager.
  status = Scores(Caller::kManager, ScoresRequest({}));
  EXPECT_EQ(status.error_code(), UNAUTH) << status.error_message();
  EXPECT_OK(Scores(Caller::kAdmin, ScoresRequest({})));
  v1::IngestSummary summary;
  EXPECT_OK(SubmitOne(Caller::kIngest, &summary));
  EXPECT_EQ(summary.accepted(), 1u);
}

// ---------------------------------------------------------------------------
// Transport.

TEST_F(AccessTest, PlaintextClientIsRefusedByTheTlsServer) {
  auto channel =
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", state_->server->port()),
                          grpc::InsecureChannelCredentials());
  auto stub = v1::CxScore::NewStub(channel);
  auto context = Context(Caller::kAdmin);
  v1::GetScoresResponse response;
  const grpc::Status status =
      stub->GetScores(context.get(), ScoresRequest({}), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << status.error_message();
  // The health check too.
  std::string reply;
  EXPECT_EQ(HealthCheck(channel, Caller::kNoToken, &reply).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST_F(AccessTest, ClientTrustingAnotherCaIsRefused) {
  grpc::SslCredentialsOptions tls;
  tls.pem_root_certs = state_->other_ca_pem;
  auto channel =
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", state_->server->port()),
                          grpc::SslCredentials(tls));
  auto context = Context(Caller::kAdmin);
  v1::GetScoresResponse response;
  const grpc::Status status = v1::CxScore::NewStub(channel)->GetScores(
      context.get(), ScoresRequest({}), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << status.error_message();
}

}  // namespace
}  // namespace cxscore::server
