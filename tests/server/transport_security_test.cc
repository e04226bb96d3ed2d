// The safe-default rule for listening addresses and the TLS flag checks.
#include "server/transport_security.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace cxscore::server {
namespace {

using ::testing::HasSubstr;

TEST(IsLoopbackListenTest, OnlyAddressesThisMachineAloneCanReach) {
  EXPECT_TRUE(IsLoopbackListen("127.0.0.1:50051"));
  EXPECT_TRUE(IsLoopbackListen("127.1.2.3:0"));
  EXPECT_TRUE(IsLoopbackListen("localhost:50051"));
  EXPECT_TRUE(IsLoopbackListen("[::1]:50051"));
  EXPECT_TRUE(IsLoopbackListen("unix:/run/cxscore.sock"));
  EXPECT_TRUE(IsLoopbackListen("unix-abstract:cxscore"));

  EXPECT_FALSE(IsLoopbackListen("0.0.0.0:50051"));
  EXPECT_FALSE(IsLoopbackListen("[::]:50051"));
  EXPECT_FALSE(IsLoopbackListen("10.0.0.7:50051"));
  EXPECT_FALSE(IsLoopbackListen("128.0.0.1:50051"));
  EXPECT_FALSE(IsLoopbackListen("127.0.0.1.example.com:50051"));
  EXPECT_FALSE(IsLoopbackListen("cxscore.internal:50051"));
  EXPECT_FALSE(IsLoopbackListen(":50051"));
}

TEST(CheckListenSecurityTest, LoopbackNeedsNeitherTlsNorTokens) {
  EXPECT_TRUE(CheckListenSecurity("127.0.0.1:50051", {}).ok());
}

TEST(CheckListenSecurityTest, BeyondLoopbackPlaintextIsRefusedNamingTheFlag) {
  absl::Status s =
      CheckListenSecurity("0.0.0.0:50051", {.tokens_configured = true});
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(), HasSubstr("--tls-cert"));
  EXPECT_THAT(s.message(), HasSubstr("--insecure-plaintext"));
}

TEST(CheckListenSecurityTest,
     BeyondLoopbackWithoutTokensIsRefusedNamingTheFlag) {
  absl::Status s = CheckListenSecurity(
      "0.0.0.0:50051", {.tls = {.cert_file = "c.pem", .key_file = "k.pem"}});
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(), HasSubstr("--auth-tokens"));
  EXPECT_THAT(s.message(), HasSubstr("--insecure-no-auth"));
}

TEST(CheckListenSecurityTest, TheTwoInsecureFlagsAllowServingAnyway) {
  EXPECT_TRUE(CheckListenSecurity("0.0.0.0:50051", {.insecure_plaintext = true,
                                                    .insecure_no_auth = true})
                  .ok());
  EXPECT_FALSE(
      CheckListenSecurity("0.0.0.0:50051", {.insecure_plaintext = true}).ok());
  EXPECT_TRUE(
      CheckListenSecurity("0.0.0.0:50051",
                          {.tls = {.cert_file = "c.pem", .key_file = "k.pem"},
                           .tokens_configured = true})
          .ok());
}

TEST(CheckListenSecurityTest, TlsFlagsComeInSensibleCombinations) {
  EXPECT_EQ(
      CheckListenSecurity("127.0.0.1:1", {.tls = {.cert_file = "c"}}).code(),
      absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      CheckListenSecurity("127.0.0.1:1", {.tls = {.key_file = "k"}}).code(),
      absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      CheckListenSecurity("127.0.0.1:1", {.tls = {.client_ca_file = "ca"}})
          .code(),
      absl::StatusCode::kInvalidArgument);
}

TEST(ServerCredentialsForTest, UnreadableOrNonPemFilesAreRefusedNamingTheFlag) {
  auto missing = ServerCredentialsFor(
      {.cert_file = "/nonexistent/cert.pem", .key_file = "/nonexistent/k"});
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(missing.status().message(), HasSubstr("--tls-cert"));

  const auto not_pem = std::filesystem::temp_directory_path() /
                       ("cxscore-not-pem-" + std::to_string(::getpid()));
  std::ofstream(not_pem) << "hello";
  auto bad = ServerCredentialsFor(
      {.cert_file = not_pem.string(), .key_file = not_pem.string()});
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("no PEM block"));
  std::filesystem::remove(not_pem);
}

TEST(ServerCredentialsForTest, NoCertificateMeansPlaintext) {
  auto credentials = ServerCredentialsFor({});
  ASSERT_TRUE(credentials.ok()) << credentials.status();
  EXPECT_NE(*credentials, nullptr);
}

}  // namespace
}  // namespace cxscore::server
