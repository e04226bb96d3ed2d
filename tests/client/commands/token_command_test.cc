#include "client/commands/token_command.h"

#include <sstream>
#include <string>

#include "client/exit_codes.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "server/auth/token_hash.h"

namespace cxscore::client {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

// SHA-256 of "fixed-token".
std::string FixedHash() { return server::auth::Sha256Hex("fixed-token"); }

absl::StatusOr<std::string> FixedToken() { return std::string("fixed-token"); }

struct TokenRun {
  int code;
  std::string out;
  std::string err;
};

TokenRun TokenNew(const std::string& role, const std::string& name = "",
                  OutputFormat format = OutputFormat::kTable) {
  std::ostringstream out, err;
  TokenNewOptions options{.role = role, .name = name, .format = format};
  int code = RunTokenNewCommand(options, out, err, FixedToken);
  return {code, out.str(), err.str()};
}

TEST(TokenRoleTest, AcceptsTheFourRoles) {
  for (const char* role : {"ingest", "manager", "admin", "agent:ann"}) {
    EXPECT_TRUE(ValidateTokenRole(role).ok()) << role;
  }
}

TEST(TokenRoleTest, RefusesOthersSayingWhatIsExpected) {
  for (const char* role :
       {"", "Admin", "root", "agent:", "agent", "agent:a b", "ingest "}) {
    absl::Status status = ValidateTokenRole(role);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << role;
  }
  EXPECT_THAT(ValidateTokenRole("root").message(),
              HasSubstr("expected ingest, manager, admin or agent:AGENT_ID"));
}

TEST(TokenNameTest, MustBeOneWord) {
  EXPECT_TRUE(ValidateTokenName("nightly-ingest").ok());
  EXPECT_FALSE(ValidateTokenName("two words").ok());
  EXPECT_FALSE(ValidateTokenName("").ok());
}

TEST(TokensFileLineTest, HashRoleAndName) {
  EXPECT_EQ(TokensFileLine("fixed-token", "manager", ""),
            "sha256:" + FixedHash() + " manager");
  EXPECT_EQ(TokensFileLine("fixed-token", "agent:ann", "ann"),
            "sha256:" + FixedHash() + " agent:ann ann");
}

TEST(TokenNewCommandTest, TablePrintsTwoLabelledLines) {
  TokenRun run = TokenNew("agent:ann", "ann");
  EXPECT_EQ(run.code, kExitOk);
  EXPECT_EQ(run.out, "token: fixed-token\nline:  sha256:" + FixedHash() +
                         " agent:ann ann\n");
  EXPECT_THAT(run.err, HasSubstr("shown only this once"));
  EXPECT_THAT(run.err, Not(HasSubstr("fixed-token")));
}

TEST(TokenNewCommandTest, JsonHasTokenAndLine) {
  TokenRun run = TokenNew("admin", "", OutputFormat::kJson);
  EXPECT_EQ(run.code, kExitOk);
  nlohmann::json reply = nlohmann::json::parse(run.out);
  EXPECT_EQ(reply["token"], "fixed-token");
  EXPECT_EQ(reply["line"], "sha256:" + FixedHash() + " admin");
  EXPECT_EQ(reply.size(), 2u);
}

TEST(TokenNewCommandTest, CsvAndBadRolesExit2WithoutAToken) {
  for (const TokenRun& run :
       {TokenNew("admin", "", OutputFormat::kCsv), TokenNew("boss"),
        TokenNew("manager", "two words")}) {
    EXPECT_EQ(run.code, kExitFailure);
    EXPECT_EQ(run.out, "");
    EXPECT_THAT(run.err, HasSubstr("cxscore: "));
  }
}

TEST(TokenNewCommandTest, RandomTokensAreFreshAndUrlSafe) {
  std::ostringstream first, second, err;
  TokenNewOptions options{
      .role = "ingest", .name = "", .format = OutputFormat::kJson};
  ASSERT_EQ(RunTokenNewCommand(options, first, err), kExitOk);
  ASSERT_EQ(RunTokenNewCommand(options, second, err), kExitOk);
  const std::string a = nlohmann::json::parse(first.str())["token"];
  const std::string b = nlohmann::json::parse(second.str())["token"];
  EXPECT_NE(a, b);
  EXPECT_THAT(a, MatchesRegex("[A-Za-z0-9_-]{43}"));
  EXPECT_EQ(nlohmann::json::parse(first.str())["line"],
            "sha256:" + server::auth::Sha256Hex(a) + " ingest");
}

}  // namespace
}  // namespace cxscore::client
