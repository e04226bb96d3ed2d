// Issue 11, limits and health (docs/security.md "Limits"): each limit of
// the server, exceeded through a real channel on a loopback port over a
// MemoryStore, ends the call with RESOURCE_EXHAUSTED naming the limit; a
// queued query the client gave up on is not run; health turns NOT_SERVING
// when a store write fails.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "cxscore/v1/cxscore.grpc.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "server/server.h"
#include "server/store_health.h"
#include "storage/memory_store.h"
#include "tests/testing/status_matchers.h"

namespace cxscore::server {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

constexpr int64_t kMarch1 = 1740830400;  // 2025-03-01T12:00:00Z

v1::SurveyResponse Response(const std::string& id, int nps = 9) {
  v1::SurveyResponse r;
  r.set_response_id(id);
  r.set_channel("chat");
  r.mutable_submitted_at()->set_seconds(kMarch1);
  r.set_nps(nps);
  return r;
}

std::vector<v1::SurveyResponse> Responses(const std::string& prefix, int n,
                                          int nps = 9) {
  std::vector<v1::SurveyResponse> out;
  for (int i = 0; i < n; ++i)
    out.push_back(Response(absl::StrCat(prefix, i), nps));
  return out;
}

std::chrono::system_clock::time_point In(absl::Duration d) {
  return absl::ToChronoTime(absl::Now() + d);
}

// The store the server serves: a MemoryStore that counts rollup queries,
// can hold them until released, and can fail every write.
class ScriptedStore final : public storage::Store {
 public:
  void RecordInteractions(std::vector<Interaction> interactions,
                          storage::WriteOptions options,
                          storage::WriteCallback done) override {
    if (absl::Status s = WriteFailure(); !s.ok()) {
      std::move(done)(s);
      return;
    }
    inner_.RecordInteractions(std::move(interactions), options,
                              std::move(done));
  }
  void SubmitResponses(std::vector<SurveyResponse> responses,
                       storage::WriteOptions options,
                       storage::WriteCallback done) override {
    if (absl::Status s = WriteFailure(); !s.ok()) {
      std::move(done)(s);
      return;
    }
    inner_.SubmitResponses(std::move(responses), options, std::move(done));
  }
  absl::StatusOr<std::vector<storage::GroupCounts>> QueryRollups(
      const storage::RollupQuery& query) override {
    {
      absl::MutexLock lock(&mu_);
      ++queries_;
      mu_.Await(absl::Condition(
          +[](bool* held) { return !*held; }, &held_));
    }
    return inner_.QueryRollups(query);
  }
  absl::StatusOr<std::vector<storage::GroupDriverCounts>> QueryDrivers(
      const storage::RollupQuery& query) override {
    return inner_.QueryDrivers(query);
  }
  absl::StatusOr<std::vector<SurveyResponse>> ListComments(
      const storage::RollupQuery& query, size_t limit,
      const std::function<bool(const SurveyResponse&)>& accept) override {
    return inner_.ListComments(query, limit, accept);
  }
  absl::StatusOr<std::optional<Interaction>> GetInteraction(
      const std::string& id) override {
    return inner_.GetInteraction(id);
  }
  absl::StatusOr<std::optional<SurveyResponse>> GetResponse(
      const std::string& id) override {
    return inner_.GetResponse(id);
  }
  absl::StatusOr<storage::VerifyReport> Verify(bool repair) override {
    return inner_.Verify(repair);
  }

  // Rollup queries from now on wait until Release().
  void Hold() {
    absl::MutexLock lock(&mu_);
    held_ = true;
  }
  void Release() {
    absl::MutexLock lock(&mu_);
    held_ = false;
  }
  int queries() {
    absl::MutexLock lock(&mu_);
    return queries_;
  }
  // Waits until `n` rollup queries have started.
  void AwaitQueries(int n) {
    absl::MutexLock lock(&mu_);
    awaited_ = n;
    mu_.Await(absl::Condition(
        +[](ScriptedStore* s) ABSL_EXCLUSIVE_LOCKS_REQUIRED(s->mu_) {
          return s->queries_ >= s->awaited_;
        },
        this));
  }
  void FailWrites(absl::Status status) {
    absl::MutexLock lock(&mu_);
    write_failure_ = std::move(status);
  }
  bool Stored(const std::string& response_id) {
    auto r = inner_.GetResponse(response_id);
    return r.ok() && r->has_value();
  }

 private:
  absl::Status WriteFailure() {
    absl::MutexLock lock(&mu_);
    return write_failure_;
  }

  storage::MemoryStore inner_;
  absl::Mutex mu_;
  bool held_ ABSL_GUARDED_BY(mu_) = false;
  int queries_ ABSL_GUARDED_BY(mu_) = 0;
  int awaited_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Status write_failure_ ABSL_GUARDED_BY(mu_);
};

std::vector<std::string> AuditLines(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return absl::StrSplit(text.str(), '\n', absl::SkipEmpty());
}

class LimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    audit_file_ =
        (std::filesystem::path(::testing::TempDir()) /
         absl::StrCat(
             "limits-audit-", getpid(), "-",
             ::testing::UnitTest::GetInstance()->current_test_info()->name(),
             ".jsonl"))
            .string();
    std::filesystem::remove(audit_file_);
    options_.listen = "127.0.0.1:0";
    options_.access.audit_log_file = audit_file_;
  }
  void TearDown() override { server_.reset(); }

  void Start() {
    auto server = Server::Start(options_, store_);
    ASSERT_OK(server);
    server_ = *std::move(server);
    channel_ =
        grpc::CreateChannel("127.0.0.1:" + std::to_string(server_->port()),
                            grpc::InsecureChannelCredentials());
    stub_ = v1::CxScore::NewStub(channel_);
  }

  grpc::Status Submit(
      const std::vector<std::vector<v1::SurveyResponse>>& batches,
      v1::IngestSummary* summary) {
    grpc::ClientContext context;
    context.set_deadline(In(absl::Seconds(30)));
    auto writer = stub_->SubmitResponses(&context, summary);
    for (const auto& batch : batches) {
      v1::SubmitResponsesRequest request;
      for (const auto& r : batch) *request.add_responses() = r;
      if (!writer->Write(request)) break;  // the server ended the call
    }
    writer->WritesDone();
    return writer->Finish();
  }

  // A GetScores call in flight (the client's callback API).
  struct PendingQuery {
    grpc::ClientContext context;
    v1::GetScoresRequest request;
    v1::GetScoresResponse response;
    absl::Notification done;
    grpc::Status status;
  };
  void StartQuery(PendingQuery& q, absl::Duration deadline) {
    q.context.set_deadline(In(deadline));
    stub_->async()->GetScores(&q.context, &q.request, &q.response,
                              [&q](grpc::Status s) {
                                q.status = std::move(s);
                                q.done.Notify();
                              });
  }
  grpc::Status Query() {
    PendingQuery q;
    StartQuery(q, absl::Seconds(30));
    q.done.WaitForNotification();
    return q.status;
  }

  // grpc.health.v1.Health/Check of `service`: 1 SERVING, 2 NOT_SERVING.
  int Health(const std::string& service) {
    grpc::GenericStub generic(channel_);
    std::string bytes;
    if (!service.empty())
      bytes =
          absl::StrCat("\x0a", std::string(1, char(service.size())), service);
    grpc::Slice slice(bytes);
    grpc::ByteBuffer request(&slice, 1);
    grpc::ByteBuffer reply;
    grpc::ClientContext context;
    context.set_deadline(In(absl::Seconds(10)));
    absl::Notification done;
    grpc::Status status;
    generic.UnaryCall(&context, "/grpc.health.v1.Health/Check",
                      grpc::StubOptions(), &request, &reply,
                      [&](grpc::Status s) {
                        status = std::move(s);
                        done.Notify();
                      });
    done.WaitForNotification();
    EXPECT_OK(status);
    std::vector<grpc::Slice> slices;
    if (!reply.Dump(&slices).ok()) return -1;
    std::string out;
    for (auto& s : slices)
      out.append(reinterpret_cast<const char*>(s.begin()), s.size());
    if (out.size() != 2 || out[0] != '\x08') return -1;
    return out[1];
  }

  // Audit lines of `method` with `code`.
  int Audited(const std::string& method, const std::string& code) {
    int n = 0;
    for (const std::string& line : AuditLines(audit_file_))
      if (absl::StrContains(line,
                            absl::StrCat("\"method\":\"", method, "\"")) &&
          absl::StrContains(line, absl::StrCat("\"code\":\"", code, "\"")))
        ++n;
    return n;
  }

  ScriptedStore store_;  // outlives the server
  ServerOptions options_;
  std::string audit_file_;
  std::unique_ptr<Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::CxScore::Stub> stub_;
};

TEST_F(LimitsTest, BatchOverMaxBatchRecordsEndsTheStreamKeepingEarlierOnes) {
  options_.ingest_limits.max_batch_records = 5;
  Start();
  v1::IngestSummary summary;
  grpc::Status status = Submit(
      {Responses("a", 5), Responses("b", 6), Responses("c", 1)}, &summary);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(
      status.error_message(),
      AllOf(HasSubstr("--max-batch-records 5"), HasSubstr("batch 2"),
            HasSubstr("has 6 records"), HasSubstr("from index 5"),
            HasSubstr("accepted 5"), HasSubstr("nothing of it was stored")));
  for (int i = 0; i < 5; ++i)
    EXPECT_TRUE(store_.Stored(absl::StrCat("a", i))) << "earlier batch";
  EXPECT_FALSE(store_.Stored("b0"));
  EXPECT_FALSE(store_.Stored("c0"));
  EXPECT_EQ(Audited("SubmitResponses", "RESOURCE_EXHAUSTED"), 1)
      << "the audit line has the stream's real code";
}

TEST_F(LimitsTest, StreamBeyondMaxIngestStreamsIsRefusedAtOnce) {
  options_.ingest_limits.max_ingest_streams = 2;
  Start();
  // Two streams open, each with a batch the store has applied (so the
  // server holds both).
  struct Open {
    grpc::ClientContext context;
    v1::IngestSummary summary;
    std::unique_ptr<grpc::ClientWriter<v1::SubmitResponsesRequest>> writer;
  };
  Open open[2];
  for (int i = 0; i < 2; ++i) {
    open[i].context.set_deadline(In(absl::Seconds(30)));
    open[i].writer = stub_->SubmitResponses(&open[i].context, &open[i].summary);
    v1::SubmitResponsesRequest request;
    *request.add_responses() = Response(absl::StrCat("open", i));
    ASSERT_TRUE(open[i].writer->Write(request));
  }
  for (int i = 0; i < 2; ++i) {
    const absl::Time give_up = absl::Now() + absl::Seconds(20);
    while (!store_.Stored(absl::StrCat("open", i)) && absl::Now() < give_up)
      absl::SleepFor(absl::Milliseconds(5));
    ASSERT_TRUE(store_.Stored(absl::StrCat("open", i)));
  }

  v1::IngestSummary summary;
  grpc::Status refused = Submit({Responses("x", 1)}, &summary);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(refused.error_message(), HasSubstr("--max-ingest-streams 2"));
  EXPECT_FALSE(store_.Stored("x0"));

  for (Open& o : open) {
    o.writer->WritesDone();
    EXPECT_OK(o.writer->Finish());
    EXPECT_EQ(o.summary.accepted(), 1u);
  }
  // The slots are free again once the server is done with the streams.
  grpc::Status later;
  const absl::Time give_up = absl::Now() + absl::Seconds(20);
  do {
    later = Submit({Responses("y", 1)}, &summary);
  } while (!later.ok() && absl::Now() < give_up);
  EXPECT_OK(later);
  EXPECT_TRUE(store_.Stored("y0"));
}

TEST_F(LimitsTest, MessagesOverMaxMessageBytesAreRefusedBothWays) {
  options_.max_message_bytes = 16 * 1024;
  Start();
  v1::SurveyResponse big = Response("big");
  big.set_comment(std::string(20 * 1024, 'x'));
  v1::IngestSummary summary;
  grpc::Status status = Submit({Responses("a", 2), {big}}, &summary);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(status.error_message(), HasSubstr("16384"));
  EXPECT_TRUE(store_.Stored("a0")) << "the batch before it stays stored";
  EXPECT_FALSE(store_.Stored("big"));

  // An answer over the limit: one group per agent (sent in batches under
  // the limit).
  std::vector<std::vector<v1::SurveyResponse>> batches;
  for (int b = 0; b < 4; ++b) {
    batches.push_back(Responses(absl::StrCat("g", b, "-"), 100));
    for (int i = 0; i < 100; ++i)
      batches.back()[i].set_agent_id(absl::StrCat("agent-", b, "-", i));
  }
  ASSERT_OK(Submit(batches, &summary));
  EXPECT_EQ(summary.accepted(), 400u);
  PendingQuery q;
  q.request.add_group_by(v1::DIMENSION_AGENT);
  StartQuery(q, absl::Seconds(30));
  q.done.WaitForNotification();
  EXPECT_EQ(q.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(q.status.error_message(), HasSubstr("16384"));
}

TEST_F(LimitsTest, SummaryListsAtMostMaxListedRejectionsAndCountsAll) {
  Start();  // default: 100 listed
  v1::IngestSummary summary;
  ASSERT_OK(Submit({Responses("bad-a", 100, 12), Responses("ok", 3),
                    Responses("bad-b", 100, 12), Responses("bad-c", 50, 12)},
                   &summary));
  EXPECT_EQ(summary.accepted(), 3u);
  EXPECT_EQ(summary.rejected_total(), 250u);
  ASSERT_EQ(summary.rejected_size(), 100);
  EXPECT_EQ(summary.rejected(0).index(), 0u) << "the first ones are listed";
  EXPECT_EQ(summary.rejected(99).index(), 99u);
  EXPECT_EQ(summary.rejected(99).id(), "bad-a99");
  EXPECT_LT(summary.ByteSizeLong(), 100u * 200u) << "stays small";
}

TEST_F(LimitsTest, MaxListedRejectionsIsConfigurable) {
  options_.ingest_limits.max_listed_rejections = 2;
  Start();
  v1::IngestSummary summary;
  ASSERT_OK(Submit({Responses("bad", 7, 12)}, &summary));
  EXPECT_EQ(summary.rejected_size(), 2);
  EXPECT_EQ(summary.rejected_total(), 7u);
}

// query_threads 1: while one query holds the only worker, the next waits
// in the queue.
class QueuedQueryTest : public LimitsTest {
 protected:
  void SetUp() override {
    LimitsTest::SetUp();
    options_.query_threads = 1;
    options_.max_queued_queries = MaxQueued();
    Start();
    // Rollup queries of one GetScores call.
    ASSERT_OK(Query());
    per_query_ = store_.queries();
    ASSERT_GT(per_query_, 0);
  }

  // Starts a query that holds the worker until Release().
  void OccupyWorker(PendingQuery& q) {
    store_.Hold();
    StartQuery(q, absl::Seconds(30));
    store_.AwaitQueries(per_query_ + 1);
  }

  // Room for the last query of a test behind one the worker has not yet
  // taken from the queue.
  virtual size_t MaxQueued() const { return 4; }

  int per_query_ = 0;
};

class QueueFullTest : public QueuedQueryTest {
 protected:
  size_t MaxQueued() const override { return 1; }
};

TEST_F(QueueFullTest, QueryBeyondMaxQueuedQueriesIsRefused) {
  PendingQuery running, queued, refused;
  OccupyWorker(running);
  StartQuery(queued, absl::Seconds(30));
  absl::SleepFor(absl::Milliseconds(300));  // the server queues it
  StartQuery(refused, absl::Seconds(10));
  refused.done.WaitForNotification();
  const grpc::Status& status = refused.status;
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(status.error_message(), HasSubstr("--max-queued-queries 1"));
  store_.Release();
  running.done.WaitForNotification();
  queued.done.WaitForNotification();
  EXPECT_OK(running.status);
  EXPECT_OK(queued.status);
  EXPECT_GE(Audited("GetScores", "RESOURCE_EXHAUSTED"), 1);
}

TEST_F(QueuedQueryTest, QueuedQueryWhoseDeadlinePassedIsNotRun) {
  PendingQuery running, expired;
  OccupyWorker(running);
  StartQuery(expired, absl::Milliseconds(300));
  expired.done.WaitForNotification();
  EXPECT_EQ(expired.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  // The server's deadline is the timeout sent, counted from when the call
  // arrived: a little later than the client's.
  absl::SleepFor(absl::Milliseconds(500));
  store_.Release();
  running.done.WaitForNotification();
  EXPECT_OK(running.status);
  // One worker, in order: once a later query is answered, the expired one
  // was taken from the queue.
  ASSERT_OK(Query());
  EXPECT_EQ(store_.queries(), 3 * per_query_)
      << "the first, the running and the last query; not the expired one";
  EXPECT_EQ(Audited("GetScores", "DEADLINE_EXCEEDED"), 1);
}

TEST_F(QueuedQueryTest, CancelledQueuedQueryIsNotRun) {
  PendingQuery running, cancelled;
  OccupyWorker(running);
  StartQuery(cancelled, absl::Seconds(30));
  absl::SleepFor(absl::Milliseconds(300));  // the server queues it
  cancelled.context.TryCancel();
  cancelled.done.WaitForNotification();
  EXPECT_EQ(cancelled.status.error_code(), grpc::StatusCode::CANCELLED);
  absl::SleepFor(absl::Milliseconds(300));  // the server hears of it
  store_.Release();
  running.done.WaitForNotification();
  EXPECT_OK(running.status);
  ASSERT_OK(Query());
  EXPECT_EQ(store_.queries(), 3 * per_query_)
      << "the first, the running and the last query; not the cancelled one";
  EXPECT_EQ(Audited("GetScores", "CANCELLED"), 1);
}

TEST_F(LimitsTest, CancelledIngestStreamIsAuditedCancelled) {
  Start();
  {
    grpc::ClientContext context;
    v1::IngestSummary summary;
    auto writer = stub_->SubmitResponses(&context, &summary);
    v1::SubmitResponsesRequest request;
    *request.add_responses() = Response("c0");
    ASSERT_TRUE(writer->Write(request));
    const absl::Time give_up = absl::Now() + absl::Seconds(20);
    while (!store_.Stored("c0") && absl::Now() < give_up)
      absl::SleepFor(absl::Milliseconds(5));
    context.TryCancel();
    EXPECT_EQ(writer->Finish().error_code(), grpc::StatusCode::CANCELLED);
  }
  server_->Shutdown();  // every call's audit line is written
  EXPECT_EQ(Audited("SubmitResponses", "CANCELLED"), 1);
  EXPECT_EQ(Audited("SubmitResponses", "OK"), 0);
}

TEST_F(LimitsTest, HealthTurnsNotServingWhenAStoreWriteFails) {
  Start();
  EXPECT_EQ(Health(""), 1);
  EXPECT_EQ(Health("cxscore.v1.CxScore"), 1);
  // Rejected records are no store failure.
  v1::IngestSummary summary;
  ASSERT_OK(Submit({Responses("bad", 2, 12)}, &summary));
  EXPECT_EQ(summary.rejected_total(), 2u);
  EXPECT_EQ(Health(""), 1);

  store_.FailWrites(
      absl::UnavailableError("writing batch: IO error: No space left"));
  ::testing::internal::CaptureStderr();
  grpc::Status status = Submit({Responses("r", 1)}, &summary);
  const std::string log = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(Health(""), 2);
  EXPECT_EQ(Health("cxscore.v1.CxScore"), 2);
  EXPECT_THAT(log, AllOf(HasSubstr("NOT_SERVING"), HasSubstr("UNAVAILABLE"),
                         HasSubstr("No space left")));
}

TEST(StoreFailureTest, OnlyFailuresOfTheStoreCount) {
  EXPECT_FALSE(IsStoreFailure(absl::OkStatus()));
  EXPECT_FALSE(IsStoreFailure(absl::InvalidArgumentError("nps")));
  EXPECT_FALSE(IsStoreFailure(absl::AlreadyExistsError("r1")));
  EXPECT_FALSE(IsStoreFailure(absl::CancelledError("")));
  EXPECT_TRUE(IsStoreFailure(absl::UnavailableError("IO error")));
  EXPECT_TRUE(IsStoreFailure(absl::DataLossError("corruption")));
  EXPECT_TRUE(IsStoreFailure(absl::InternalError("")));
  EXPECT_TRUE(IsStoreFailure(absl::FailedPreconditionError("read only")));
}

}  // namespace
}  // namespace cxscore::server
