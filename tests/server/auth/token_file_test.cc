#include "server/auth/token_file.h"

#include <cstdio>
#include <fstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/auth/token_hash.h"

namespace cxscore::server::auth {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// sha256("abc").
constexpr char kAbcHash[] =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

std::string Line(std::string_view token, std::string_view rest) {
  return "sha256:" + Sha256Hex(token) + " " + std::string(rest) + "\n";
}

// The INVALID_ARGUMENT message of a file that must not parse.
std::string ErrorOf(const std::string& text) {
  absl::StatusOr<TokenTable> table = ParseTokenFile(text);
  EXPECT_FALSE(table.ok());
  if (table.ok()) return "";
  EXPECT_EQ(table.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(table.status().message());
}

TEST(ParseTokenFileTest, ReadsRolesNamesCommentsAndBlankLines) {
  const std::string text =
      "# cxscore tokens\n\n   \n" + Line("i", "ingest importer") +
      "  # indented comment\n" + Line("m", "manager") +
      Line("a", "admin root") + "sha256:" + std::string(kAbcHash) +
      "\tagent:ann\tAnn\r\n";
  absl::StatusOr<TokenTable> table = ParseTokenFile(text);
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->size(), 4u);

  std::optional<Principal> p = table->Authenticate("i");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->name, "importer");
  EXPECT_EQ(p->role, Role::kIngest);
  EXPECT_EQ(RoleName(*p), "ingest");

  p = table->Authenticate("m");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->name, Sha256Hex("m").substr(0, 8));  // the default NAME
  EXPECT_EQ(RoleName(*p), "manager");

  p = table->Authenticate("a");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(RoleName(*p), "admin");

  p = table->Authenticate("abc");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->name, "Ann");
  EXPECT_EQ(p->role, Role::kAgent);
  EXPECT_EQ(p->agent_id, "ann");
  EXPECT_EQ(RoleName(*p), "agent:ann");
}

TEST(ParseTokenFileTest, EmptyFileAuthenticatesNobody) {
  for (const char* text : {"", "\n", "# nothing yet\n"}) {
    absl::StatusOr<TokenTable> table = ParseTokenFile(text);
    ASSERT_TRUE(table.ok()) << table.status();
    EXPECT_EQ(table->size(), 0u);
    EXPECT_FALSE(table->Authenticate("abc").has_value());
  }
}

TEST(ParseTokenFileTest, AgentIdMayHoldColons) {
  absl::StatusOr<TokenTable> table = ParseTokenFile(Line("t", "agent:eu:ann"));
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->Authenticate("t")->agent_id, "eu:ann");
}

TEST(ParseTokenFileTest, MissingPrefixNamesTheLineAndNeverTheField) {
  const std::string message =
      ErrorOf("# tokens\n" + Line("a", "admin") + "s3cr3t-token admin\n");
  EXPECT_THAT(message, StartsWith("line 3: "));
  EXPECT_THAT(message, HasSubstr("sha256:"));
  EXPECT_THAT(message, Not(HasSubstr("s3cr3t")));
  EXPECT_THAT(ErrorOf("SHA256:" + std::string(kAbcHash) + " admin\n"),
              StartsWith("line 1: the line must start with sha256:"));
}

TEST(ParseTokenFileTest, HashMustBe64LowercaseHexDigits) {
  EXPECT_EQ(ErrorOf("\nsha256:abc admin\n"),
            "line 2: the hash after \"sha256:\" has 3 characters; expected "
            "64 lowercase hex digits");
  EXPECT_EQ(ErrorOf("sha256:" + std::string(kAbcHash) + "0 admin\n"),
            "line 1: the hash after \"sha256:\" has 65 characters; expected "
            "64 lowercase hex digits");
  std::string upper = kAbcHash;
  upper[10] = 'F';
  const std::string message = ErrorOf("sha256:" + upper + " admin\n");
  EXPECT_EQ(message,
            "line 1: the hash after \"sha256:\" has uppercase hex digits; "
            "expected 64 lowercase hex digits");
  EXPECT_THAT(message, Not(HasSubstr(upper.substr(0, 16))));
  std::string bad = kAbcHash;
  bad[63] = 'g';
  EXPECT_EQ(ErrorOf("sha256:" + bad + " admin\n"),
            "line 1: the hash after \"sha256:\" has a character that is not "
            "a hex digit; expected 64 lowercase hex digits");
}

TEST(ParseTokenFileTest, RoleMustBeKnown) {
  EXPECT_EQ(ErrorOf(Line("a", "admin") + "sha256:" + kAbcHash + "\n"),
            "line 2: missing role after the hash (expected ingest, manager, "
            "admin or agent:AGENT_ID)");
  EXPECT_EQ(ErrorOf(Line("a", "boss")),
            "line 1: unknown role \"boss\" (expected ingest, manager, admin "
            "or agent:AGENT_ID)");
  EXPECT_EQ(ErrorOf(Line("a", "Admin")),
            "line 1: unknown role \"Admin\" (expected ingest, manager, admin "
            "or agent:AGENT_ID)");
  // A long field is not quoted: it may be a secret pasted in the wrong place.
  const std::string long_role(60, 'x');
  EXPECT_EQ(ErrorOf(Line("a", long_role)),
            "line 1: unknown role (expected ingest, manager, admin or "
            "agent:AGENT_ID)");
}

TEST(ParseTokenFileTest, AgentIdMustNotBeEmpty) {
  EXPECT_EQ(ErrorOf("\n\n" + Line("a", "agent:")),
            "line 3: empty agent id in role \"agent:\" (expected "
            "agent:AGENT_ID)");
}

TEST(ParseTokenFileTest, HashMayAppearOnce) {
  const std::string message = ErrorOf(Line("abc", "admin") + "# again\n" +
                                      Line("abc", "agent:ann ann"));
  EXPECT_EQ(message,
            "line 3: the same hash as line 1 (each token may appear once)");
}

TEST(ParseTokenFileTest, AtMostThreeFields) {
  EXPECT_EQ(ErrorOf(Line("a", "admin root # the admin")),
            "line 1: too many fields (6); expected sha256:<hash> ROLE [NAME]");
  EXPECT_EQ(ErrorOf(Line("a", "admin root extra")),
            "line 1: too many fields (4); expected sha256:<hash> ROLE [NAME]");
}

TEST(AuthenticateTest, KnownAndUnknownTokens) {
  absl::StatusOr<TokenTable> table =
      ParseTokenFile(std::string("sha256:") + kAbcHash + " manager lead\n" +
                     Line("other", "ingest"));
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_TRUE(table->Authenticate("abc").has_value());
  EXPECT_EQ(table->Authenticate("abc")->name, "lead");
  EXPECT_EQ(table->Authenticate("other")->role, Role::kIngest);
  EXPECT_FALSE(table->Authenticate("abd").has_value());
  EXPECT_FALSE(table->Authenticate("ab").has_value());
  EXPECT_FALSE(table->Authenticate("abc ").has_value());
  EXPECT_FALSE(table->Authenticate("").has_value());
  // The hash itself is not a token.
  EXPECT_FALSE(table->Authenticate(kAbcHash).has_value());
  EXPECT_FALSE(TokenTable().Authenticate("abc").has_value());
}

TEST(LoadTokenFileTest, ReadsAFileAndNamesThePathInErrors) {
  const std::string path = ::testing::TempDir() + "/auth_tokens_test.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out << "# test\nsha256:" << kAbcHash << " admin\n";
  }
  absl::StatusOr<TokenTable> table = LoadTokenFile(path);
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->Authenticate("abc")->role, Role::kAdmin);

  {
    std::ofstream out(path, std::ios::binary);
    out << "# test\nsha256:" << kAbcHash << " root\n";
  }
  table = LoadTokenFile(path);
  EXPECT_EQ(table.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(table.status().message()),
              StartsWith(path + ": line 2: "));
  std::remove(path.c_str());

  table = LoadTokenFile(path);
  EXPECT_EQ(table.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(table.status().message()), StartsWith(path + ": "));
}

TEST(BearerTokenTest, ParsesTheBearerScheme) {
  EXPECT_EQ(BearerToken("Bearer abc"), "abc");
  EXPECT_EQ(BearerToken("bearer abc"), "abc");
  EXPECT_EQ(BearerToken("BEARER   abc  "), "abc");
  EXPECT_EQ(BearerToken(" Bearer a-b_c.d~e+/= "), "a-b_c.d~e+/=");
  EXPECT_EQ(BearerToken("Bearer"), std::nullopt);
  EXPECT_EQ(BearerToken("Bearer "), std::nullopt);
  EXPECT_EQ(BearerToken("Bearer    "), std::nullopt);
  EXPECT_EQ(BearerToken("Bearerabc"), std::nullopt);
  EXPECT_EQ(BearerToken("Basic YWxhZGRpbjpvcGVuc2VzYW1l"), std::nullopt);
  EXPECT_EQ(BearerToken("Bearer abc def"), std::nullopt);
  EXPECT_EQ(BearerToken("abc"), std::nullopt);
  EXPECT_EQ(BearerToken(""), std::nullopt);
}

}  // namespace
}  // namespace cxscore::server::auth
