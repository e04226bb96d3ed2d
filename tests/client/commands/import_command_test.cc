#include "client/commands/import_command.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "client/exit_codes.h"
#include "client/import/csv_reader.h"
#include "client/rpc.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/client/fake_cxscore_service.h"

namespace cxscore::client {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr char kResponsesHeader[] = "response_id,submitted_at,nps,comment\n";

std::string TempPath(const std::string& name) {
  return (std::filesystem::path(testing::TempDir()) /
          absl::StrCat(name, "-", getpid()))
      .string();
}

std::string WriteFile(const std::string& name, const std::string& text) {
  std::string path = TempPath(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(&in);
  std::vector<std::vector<std::string>> rows;
  CsvRecord record;
  while (reader.Next(&record)) rows.push_back(record.fields);
  return rows;
}

class ImportCommandTest : public testing::Test {
 protected:
  // Runs the command on `csv` given as a file (or on stdin with path "-").
  int Run(const std::string& csv, ImportCommandOptions options = {}) {
    if (options.path.empty()) options.path = WriteFile("input.csv", csv);
    if (options.import.server.empty())
      options.import.server = server_.address();
    std::istringstream std_in(csv);
    auto stub = server_.NewStub();
    return RunImportCommand(*stub, options, std_in, out_, err_);
  }

  FakeServer server_;
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(ImportCommandTest, StreamsAllRowsInBatches) {
  ImportCommandOptions options;
  options.import.batch_size = 2;
  int code = Run(absl::StrCat(kResponsesHeader,
                              "r1,2025-02-13T09:00:00Z,9,\n"
                              "r2,2025-02-13T09:00:00Z,10,\n"
                              "r3,2025-02-13T09:00:00Z,0,\n"
                              "r4,2025-02-13T09:00:00Z,,great\n"
                              "r5,2025-02-13T09:00:00Z,7,\n"),
                 options);
  EXPECT_EQ(code, kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "accepted 5, duplicates 0, stale 0, rejected 0\n");
  auto seen = server_.service().seen();
  EXPECT_EQ(seen.calls, 1);
  EXPECT_THAT(seen.batch_sizes, ElementsAre(2, 2, 1));
  EXPECT_THAT(seen.batch_sync, ElementsAre(false, false, false));
  ASSERT_EQ(seen.responses.size(), 5u);
  EXPECT_EQ(seen.responses[0].response_id(), "r1");
  EXPECT_EQ(seen.responses[2].nps(), 0);
  EXPECT_FALSE(seen.responses[3].has_nps());
  EXPECT_EQ(seen.responses[3].comment(), "great");
  EXPECT_THAT(err_.str(), IsEmpty());
}

TEST_F(ImportCommandTest, SyncFlagReachesEveryBatch) {
  ImportCommandOptions options;
  options.import.batch_size = 1;
  options.import.sync = true;
  Run(absl::StrCat(kResponsesHeader, "r1,2025-02-13T09:00:00Z,9,\n",
                   "r2,2025-02-13T09:00:00Z,9,\n"),
      options);
  EXPECT_THAT(server_.service().seen().batch_sync, ElementsAre(true, true));
}

TEST_F(ImportCommandTest, ImportsInteractions) {
  ImportCommandOptions options;
  options.import.kind = RecordKind::kInteraction;
  int code = Run(
      "interaction_id,opened_at,closed_at,first_contact_resolution,attr.plan\n"
      "t1,2025-02-13T09:00:00Z,2025-02-13T10:00:00Z,no,gold\n"
      "dup-t2,2025-02-13T09:00:00Z,,,\n",
      options);
  EXPECT_EQ(code, kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "accepted 1, duplicates 1, stale 0, rejected 0\n");
  auto seen = server_.service().seen();
  ASSERT_EQ(seen.interactions.size(), 2u);
  EXPECT_FALSE(seen.interactions[0].first_contact_resolution());
  EXPECT_TRUE(seen.interactions[0].has_first_contact_resolution());
  EXPECT_EQ(seen.interactions[0].attributes().at("plan"), "gold");
  EXPECT_TRUE(seen.responses.empty());
}

TEST_F(ImportCommandTest, StaleInteractionsAreCountedAndExitZero) {
  ImportCommandOptions options;
  options.import.kind = RecordKind::kInteraction;
  int code =
      Run("interaction_id,opened_at,updated_at\n"
          "t1,2025-02-13T09:00:00Z,2025-02-14T08:00:00+01:00\n"
          "stale-t2,2025-02-13T09:00:00Z,2025-02-13T09:30:00Z\n"
          "t3,2025-02-13T09:00:00Z,\n",
          options);
  EXPECT_EQ(code, kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "accepted 2, duplicates 0, stale 1, rejected 0\n");
  auto seen = server_.service().seen();
  ASSERT_EQ(seen.interactions.size(), 3u);
  ASSERT_TRUE(seen.interactions[0].has_updated_at());
  EXPECT_EQ(seen.interactions[0].updated_at().seconds(),
            absl::ToUnixSeconds(absl::FromCivil(
                absl::CivilSecond(2025, 2, 14, 7, 0, 0), absl::UTCTimeZone())));
  EXPECT_FALSE(seen.interactions[2].has_updated_at());
}

TEST_F(ImportCommandTest, RejectsAreMappedToLinesAndTheRestIsStored) {
  std::string rejects = TempPath("rejects.csv");
  ImportCommandOptions options;
  options.import.batch_size = 2;
  options.rejects_path = rejects;
  std::string csv = absl::StrCat(
      kResponsesHeader,                                        // line 1
      "r1,2025-02-13T09:00:00Z,9,\"multi\nline\ncomment\"\n",  // lines 2-4
      "r2,2025-02-13T09:00:00Z,4.5,\n",                        // line 5
      "bad-r3,2025-02-13T09:00:00Z,11,\"x\r\ny\"\n",           // lines 6-7
      "r4,2025-02-13T09:00:00Z\n",                             // line 8
      "dup-r5,2025-02-13T09:00:00Z,8,\n",                      // line 9
      "r6,13/02/2025,8,\n",                                    // line 10
      "r7,2025-02-13T09:00:00Z,8,say \"hi\"\n",                // line 11
      "bad-r8,2025-02-13T09:00:00Z,20,\n",                     // line 12
      "r9,2025-02-13T09:00:00Z,10,\n");                        // line 13
  int code = Run(csv, options);
  EXPECT_EQ(code, kExitRowsRejected);
  EXPECT_EQ(out_.str(), "accepted 2, duplicates 1, stale 0, rejected 6\n");

  auto rows = ParseCsv(ReadFile(rejects));
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_THAT(rows[0], ElementsAre("line", "id", "field", "reason"));
  EXPECT_THAT(rows[1], ElementsAre("5", "r2", "nps", HasSubstr("integer")));
  EXPECT_THAT(rows[2], ElementsAre("6", "bad-r3", "nps", HasSubstr("0..10")));
  EXPECT_THAT(rows[3], ElementsAre("8", "r4", "", HasSubstr("2 fields")));
  EXPECT_THAT(rows[4],
              ElementsAre("10", "r6", "submitted_at", HasSubstr("RFC 3339")));
  EXPECT_THAT(rows[5], ElementsAre("11", "r7", "", HasSubstr("malformed CSV")));
  EXPECT_THAT(rows[6], ElementsAre("12", "bad-r8", "nps", HasSubstr("0..10")));

  // Only convertible rows were sent; the server saw five.
  auto seen = server_.service().seen();
  ASSERT_EQ(seen.responses.size(), 5u);
  EXPECT_EQ(seen.responses[0].comment(), "multi\nline\ncomment");
  EXPECT_EQ(seen.responses[1].comment(), "x\r\ny");
  EXPECT_EQ(seen.responses[4].response_id(), "r9");

  // The first rejects are echoed on stderr with their lines.
  EXPECT_THAT(err_.str(), HasSubstr("line 5 (id r2): nps must be an integer"));
  EXPECT_THAT(err_.str(), HasSubstr("line 12 (id bad-r8)"));
}

TEST_F(ImportCommandTest, RejectsFileHasOnlyAHeaderWhenAllIsWell) {
  ImportCommandOptions options;
  options.rejects_path = TempPath("clean-rejects.csv");
  EXPECT_EQ(Run(absl::StrCat(kResponsesHeader, "r1,2025-02-13T09:00:00Z,9,\n"),
                options),
            kExitOk);
  EXPECT_EQ(ReadFile(options.rejects_path), "line,id,field,reason\n");
}

TEST_F(ImportCommandTest, ManyRejectsAreSummarisedOnStderr) {
  std::string csv = kResponsesHeader;
  for (int i = 0; i < 15; ++i) {
    absl::StrAppend(&csv, "r", i, ",2025-02-13T09:00:00Z,abc,\n");
  }
  EXPECT_EQ(Run(csv), kExitRowsRejected);
  EXPECT_EQ(out_.str(), "accepted 0, duplicates 0, stale 0, rejected 15\n");
  EXPECT_THAT(err_.str(), HasSubstr("... and 5 more rejected rows"));
  EXPECT_THAT(err_.str(), HasSubstr("--rejects FILE"));
}

// A server lists at most --max-listed-rejections rejected records and
// counts the rest in rejected_total: the summary line says how many rows are
// listed (client-side rejections and the server's listed ones).
TEST_F(ImportCommandTest, SummarySaysHowManyRejectionsAreListed) {
  server_.service().max_listed_rejections = 3;
  std::string csv = kResponsesHeader;
  for (int i = 0; i < 5; ++i)
    absl::StrAppend(&csv, "bad-r", i, ",2025-02-13T09:00:00Z,11,\n");
  absl::StrAppend(&csv, "r5,2025-02-13T09:00:00Z,abc,\n",  // client-side
                  "r6,2025-02-13T09:00:00Z,9,\n");
  ImportCommandOptions options;
  options.rejects_path = TempPath("listed-rejects.csv");
  EXPECT_EQ(Run(csv, options), kExitRowsRejected);
  EXPECT_EQ(out_.str(),
            "accepted 1, duplicates 0, stale 0, rejected 6 (4 listed)\n");
  auto rows = ParseCsv(ReadFile(options.rejects_path));
  ASSERT_EQ(rows.size(), 5u);  // the header and the 4 listed rows
  EXPECT_THAT(rows[1], ElementsAre("2", "bad-r0", "nps", HasSubstr("0..10")));
  EXPECT_THAT(rows[4], ElementsAre("7", "r5", "nps", HasSubstr("integer")));
}

TEST_F(ImportCommandTest, AllRejectionsListedHasNoListedSuffix) {
  std::string csv = kResponsesHeader;
  for (int i = 0; i < 3; ++i)
    absl::StrAppend(&csv, "bad-r", i, ",2025-02-13T09:00:00Z,11,\n");
  EXPECT_EQ(Run(csv), kExitRowsRejected);
  EXPECT_EQ(out_.str(), "accepted 0, duplicates 0, stale 0, rejected 3\n");
}

TEST_F(ImportCommandTest, ServerWithoutRejectedTotalCountsTheListedOnes) {
  server_.service().report_rejected_total = false;
  std::string csv = kResponsesHeader;
  for (int i = 0; i < 3; ++i)
    absl::StrAppend(&csv, "bad-r", i, ",2025-02-13T09:00:00Z,11,\n");
  EXPECT_EQ(Run(csv), kExitRowsRejected);
  EXPECT_EQ(out_.str(), "accepted 0, duplicates 0, stale 0, rejected 3\n");
}

TEST_F(ImportCommandTest, ReadsStandardInput) {
  ImportCommandOptions options;
  options.path = "-";
  int code = Run(absl::StrCat("\xEF\xBB\xBF", kResponsesHeader,
                              "r1,2025-02-13T09:00:00Z,9,\r\n"),
                 options);
  EXPECT_EQ(code, kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "accepted 1, duplicates 0, stale 0, rejected 0\n");
}

TEST_F(ImportCommandTest, HeaderOnlyFileSendsNothing) {
  EXPECT_EQ(Run(kResponsesHeader), kExitOk);
  EXPECT_EQ(out_.str(), "accepted 0, duplicates 0, stale 0, rejected 0\n");
  EXPECT_TRUE(server_.service().seen().batch_sizes.empty());
}

TEST_F(ImportCommandTest, UnknownColumnIsAUsageErrorAndNothingIsSent) {
  int code = Run("response_id,submitted_at,score\nr1,2025-02-13T09:00:00Z,9\n");
  EXPECT_EQ(code, kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("unknown column \"score\""));
  EXPECT_THAT(out_.str(), IsEmpty());
  EXPECT_EQ(server_.service().seen().calls, 0);
}

TEST_F(ImportCommandTest, MissingIdColumnIsAUsageError) {
  EXPECT_EQ(Run("submitted_at,nps\n2025-02-13T09:00:00Z,9\n"), kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("\"response_id\""));
}

TEST_F(ImportCommandTest, EmptyFileIsAUsageError) {
  EXPECT_EQ(Run(""), kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("is empty"));
}

TEST_F(ImportCommandTest, MissingFileIsAUsageError) {
  ImportCommandOptions options;
  options.path = TempPath("does-not-exist.csv");
  EXPECT_EQ(Run("", options), kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("cannot open"));
}

TEST_F(ImportCommandTest, DirectoryIsAUsageError) {
  ImportCommandOptions options;
  options.path = testing::TempDir();
  EXPECT_EQ(Run("", options), kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("is a directory"));
}

TEST_F(ImportCommandTest, UnwritableRejectsFileFailsBeforeSending) {
  ImportCommandOptions options;
  options.rejects_path = TempPath("no-such-dir") + "/rejects.csv";
  EXPECT_EQ(Run(absl::StrCat(kResponsesHeader, "r1,2025-02-13T09:00:00Z,9,\n"),
                options),
            kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("cannot write the rejects file"));
  EXPECT_EQ(server_.service().seen().calls, 0);
}

TEST_F(ImportCommandTest, UnreachableServerNamesTheAddress) {
  ImportCommandOptions options;
  options.import.server = UnusedAddress();
  std::string csv =
      absl::StrCat(kResponsesHeader, "r1,2025-02-13T09:00:00Z,9,\n");
  options.path = WriteFile("unreachable.csv", csv);
  auto stub = v1::CxScore::NewStub(MakeChannel(options.import.server));
  std::istringstream std_in;
  int code = RunImportCommand(*stub, options, std_in, out_, err_);
  EXPECT_EQ(code, kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("cannot reach the cxscore server at " +
                                    options.import.server));
  EXPECT_THAT(out_.str(), IsEmpty());
}

TEST_F(ImportCommandTest, ServerErrorIsReportedWithItsCode) {
  server_.service().status_to_return =
      grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED, "disk full");
  EXPECT_EQ(Run(absl::StrCat(kResponsesHeader, "r1,2025-02-13T09:00:00Z,9,\n")),
            kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("RESOURCE_EXHAUSTED: disk full"));
  EXPECT_THAT(out_.str(), IsEmpty());
}

TEST_F(ImportCommandTest, StalledServerHitsTheStepDeadline) {
  server_.service().delay = absl::Seconds(3);
  ImportCommandOptions options;
  options.import.step_timeout = absl::Milliseconds(300);
  absl::Time start = absl::Now();
  EXPECT_EQ(Run(absl::StrCat(kResponsesHeader, "r1,2025-02-13T09:00:00Z,9,\n"),
                options),
            kExitFailure);
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
  EXPECT_THAT(err_.str(), HasSubstr("did not answer within 300ms"));
}

TEST_F(ImportCommandTest, LargeRecordsSplitBatchesBySize) {
  std::string comment(100 * 1024, 'c');
  std::string csv = kResponsesHeader;
  for (int i = 0; i < 30; ++i) {
    absl::StrAppend(&csv, "r", i, ",2025-02-13T09:00:00Z,9,", comment, "\n");
  }
  EXPECT_EQ(Run(csv), kExitOk) << err_.str();
  auto seen = server_.service().seen();
  EXPECT_EQ(seen.responses.size(), 30u);
  ASSERT_GT(seen.batch_sizes.size(), 1u);
  for (size_t size : seen.batch_sizes) {
    EXPECT_LE(size * comment.size(), kMaxBatchBytes + comment.size());
  }
}

TEST_F(ImportCommandTest, OversizedRecordIsRejectedByTheClient) {
  std::string csv = absl::StrCat(kResponsesHeader, "r1,2025-02-13T09:00:00Z,9,",
                                 std::string(kMaxRecordBytes + 1, 'c'), "\n",
                                 "r2,2025-02-13T09:00:00Z,9,\n");
  EXPECT_EQ(Run(csv), kExitRowsRejected);
  EXPECT_EQ(out_.str(), "accepted 1, duplicates 0, stale 0, rejected 1\n");
  EXPECT_THAT(err_.str(),
              HasSubstr("line 2: malformed CSV: record longer than 1048576"));
}

TEST_F(ImportCommandTest, ProgressGoesToStderrOnly) {
  ImportCommandOptions options;
  options.show_progress = true;
  EXPECT_EQ(Run(absl::StrCat(kResponsesHeader, "r1,2025-02-13T09:00:00Z,9,\n"),
                options),
            kExitOk);
  EXPECT_EQ(out_.str(), "accepted 1, duplicates 0, stale 0, rejected 0\n");
  EXPECT_THAT(err_.str(), HasSubstr("100%"));
  // The bar is erased at the end: the last thing written is a '\r'.
  ASSERT_THAT(err_.str(), Not(IsEmpty()));
  EXPECT_EQ(err_.str().back(), '\r');
}

}  // namespace
}  // namespace cxscore::client
