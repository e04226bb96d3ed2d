#include "server/auth/audit_log.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace cxscore::server::auth {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

absl::Time At(int hour, int minute, int second, int millis) {
  return absl::FromCivil(absl::CivilSecond(2026, 12, 4, hour, minute, second),
                         absl::UTCTimeZone()) +
         absl::Milliseconds(millis);
}

AuditEntry Entry() {
  AuditEntry entry;
  entry.time = At(15, 20, 0, 123);
  entry.principal = "Ann";
  entry.role = "agent:ann";
  entry.method = "GetScores";
  entry.allowed = true;
  entry.code = absl::StatusCode::kOk;
  return entry;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(AuditLineTest, WritesEveryFieldInOrder) {
  AuditEntry entry = Entry();
  EXPECT_EQ(AuditLine(entry),
            "{\"time\":\"2026-12-04T15:20:00.123Z\",\"principal\":\"Ann\","
            "\"role\":\"agent:ann\",\"method\":\"GetScores\","
            "\"decision\":\"allow\",\"code\":\"OK\"}");
  entry.allowed = false;
  entry.code = absl::StatusCode::kPermissionDenied;
  entry.subject = "bob";
  entry.time = At(9, 5, 7, 0);
  EXPECT_EQ(AuditLine(entry),
            "{\"time\":\"2026-12-04T09:05:07.000Z\",\"principal\":\"Ann\","
            "\"role\":\"agent:ann\",\"method\":\"GetScores\","
            "\"decision\":\"deny\",\"code\":\"PERMISSION_DENIED\","
            "\"subject\":\"bob\"}");
}

TEST(AuditLineTest, UnknownPrincipalIsNull) {
  AuditEntry entry = Entry();
  entry.principal.clear();
  entry.role.clear();
  entry.allowed = false;
  entry.code = absl::StatusCode::kUnauthenticated;
  const nlohmann::json json = nlohmann::json::parse(AuditLine(entry));
  EXPECT_TRUE(json["principal"].is_null());
  EXPECT_TRUE(json["role"].is_null());
  EXPECT_EQ(json["code"], "UNAUTHENTICATED");
  EXPECT_FALSE(json.contains("subject"));
}

TEST(AuditLineTest, SubjectMayBeTheEmptyString) {
  AuditEntry entry = Entry();
  entry.subject = "";
  EXPECT_THAT(AuditLine(entry), HasSubstr(",\"subject\":\"\"}"));
}

TEST(JsonQuoteTest, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(JsonQuote(""), "\"\"");
  EXPECT_EQ(JsonQuote("a\"b\\c/d"), "\"a\\\"b\\\\c/d\"");
  EXPECT_EQ(JsonQuote("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"");
  EXPECT_EQ(JsonQuote(std::string("a\0b\x01\x1f\x7f", 6)),
            "\"a\\u0000b\\u0001\\u001f\\u007f\"");
}

TEST(JsonQuoteTest, KeepsUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(JsonQuote("Zoë 日本 🙂"), "\"Zoë 日本 🙂\"");
  const std::string kReplacement = "\xEF\xBF\xBD";
  // A lone continuation byte, a truncated sequence, Latin-1, an overlong
  // '/', a surrogate, a code point above U+10FFFF, 0xFF.
  EXPECT_EQ(JsonQuote("a\x80z"), "\"a" + kReplacement + "z\"");
  EXPECT_EQ(JsonQuote("\xE6\x97"), "\"" + kReplacement + kReplacement + "\"");
  EXPECT_EQ(JsonQuote("Zo\xEB"), "\"Zo" + kReplacement + "\"");
  EXPECT_EQ(JsonQuote("\xC0\xAF"), "\"" + kReplacement + kReplacement + "\"");
  EXPECT_EQ(JsonQuote("\xED\xA0\x80"),
            "\"" + kReplacement + kReplacement + kReplacement + "\"");
  EXPECT_EQ(JsonQuote("\xF4\x90\x80\x80").size(), 2 + 4 * kReplacement.size());
  EXPECT_EQ(JsonQuote("\xFF"), "\"" + kReplacement + "\"");
}

TEST(AuditLineTest, HostileStringsStillParseBack) {
  AuditEntry entry = Entry();
  entry.principal = "eve\",\"decision\":\"allow";
  entry.role = std::string("agent:\n\x01\xff", 9);
  entry.subject = "bob\\\"}\n{";
  entry.allowed = false;
  entry.code = absl::StatusCode::kPermissionDenied;
  const std::string line = AuditLine(entry);
  EXPECT_THAT(line, Not(HasSubstr("\n")));
  const nlohmann::json json = nlohmann::json::parse(line);
  EXPECT_EQ(json.size(), 7u);
  EXPECT_EQ(json["principal"], "eve\",\"decision\":\"allow");
  EXPECT_EQ(json["role"], "agent:\n\x01\xEF\xBF\xBD");
  EXPECT_EQ(json["decision"], "deny");
  EXPECT_EQ(json["subject"], "bob\\\"}\n{");
  EXPECT_EQ(json["time"], "2026-12-04T15:20:00.123Z");
}

TEST(AuditLogTest, AppendsOneLinePerEntry) {
  const std::string path = ::testing::TempDir() + "/auth_audit_log_test.jsonl";
  std::remove(path.c_str());
  {
    absl::StatusOr<std::unique_ptr<AuditLog>> log = AuditLog::Open(path);
    ASSERT_TRUE(log.ok()) << log.status();
    ASSERT_TRUE((*log)->Write(Entry()).ok());
  }
  {
    // Reopening appends.
    absl::StatusOr<std::unique_ptr<AuditLog>> log = AuditLog::Open(path);
    ASSERT_TRUE(log.ok()) << log.status();
    AuditEntry entry = Entry();
    entry.method = "RankAgents";
    entry.allowed = false;
    entry.code = absl::StatusCode::kPermissionDenied;
    ASSERT_TRUE((*log)->Write(entry).ok());
  }
  EXPECT_EQ(ReadFile(path), AuditLine(Entry()) + "\n" +
                                "{\"time\":\"2026-12-04T15:20:00.123Z\","
                                "\"principal\":\"Ann\",\"role\":\"agent:ann\","
                                "\"method\":\"RankAgents\",\"decision\":"
                                "\"deny\",\"code\":\"PERMISSION_DENIED\"}\n");
  std::remove(path.c_str());
}

TEST(AuditLogTest, ConcurrentWritersNeverInterleave) {
  const std::string path = ::testing::TempDir() + "/auth_audit_log_mt.jsonl";
  std::remove(path.c_str());
  absl::StatusOr<std::unique_ptr<AuditLog>> log = AuditLog::Open(path);
  ASSERT_TRUE(log.ok()) << log.status();
  constexpr int kThreads = 8;
  constexpr int kPerThread = 200;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      AuditEntry entry = Entry();
      entry.principal = "writer-" + std::to_string(t);
      entry.subject = std::string(500, 'a' + t);  // long lines
      for (int i = 0; i < kPerThread; ++i) {
        EXPECT_TRUE((*log)->Write(entry).ok());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::istringstream lines(ReadFile(path));
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    const nlohmann::json json = nlohmann::json::parse(line);
    const std::string principal = json["principal"];
    const int t = principal.back() - '0';
    EXPECT_EQ(json["subject"], std::string(500, 'a' + t));
    ++count;
  }
  EXPECT_EQ(count, kThreads * kPerThread);
  std::remove(path.c_str());
}

TEST(AuditLogTest, OpenNamesThePathOnError) {
  const std::string path = "/nonexistent-dir/audit.jsonl";
  absl::StatusOr<std::unique_ptr<AuditLog>> log = AuditLog::Open(path);
  ASSERT_FALSE(log.ok());
  EXPECT_THAT(std::string(log.status().message()),
              ::testing::StartsWith(path + ": cannot open the audit log: "));
}

}  // namespace
}  // namespace cxscore::server::auth
