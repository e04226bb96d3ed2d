// The safe-default rule for listening addresses and the TLS flag checks.
#include "server/transport_security.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace cxscore::server {
namespace {

using ::testing::HasSubstr;

TlsFiles CertAndKey() {
  TlsFiles tls;
  tls.cert_file = "c.pem";
  tls.key_file = "k.pem";
  return tls;
}

ListenSecurity Security(TlsFiles tls, bool tokens, bool insecure_plaintext,
                        bool insecure_no_auth) {
  ListenSecurity security;
  security.tls = std::move(tls);
  security.tokens_configured = tokens;
  security.insecure_plaintext = insecure_plaintext;
  security.insecure_no_auth = insecure_no_auth;
  return security;
}

TlsFiles Only(std::string TlsFiles::*file, std::string value) {
  TlsFiles tls;
  tls.*file = std::move(value);
  return tls;
}

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
  absl::Status s = CheckListenSecurity(
      "0.0.0.0:50051", Security({}, /*tokens=*/true, false, false));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(), HasSubstr("--tls-cert"));
  EXPECT_THAT(s.message(), HasSubstr("--insecure-plaintext"));
}

TEST(CheckListenSecurityTest,
     BeyondLoopbackWithoutTokensIsRefusedNamingTheFlag) {
  absl::Status s = CheckListenSecurity(
      "0.0.0.0:50051", Security(CertAndKey(), false, false, false));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(), HasSubstr("--auth-tokens"));
  EXPECT_THAT(s.message(), HasSubstr("--insecure-no-auth"));
}

TEST(CheckListenSecurityTest, TheTwoInsecureFlagsAllowServingAnyway) {
  EXPECT_TRUE(
      CheckListenSecurity("0.0.0.0:50051",
                          Security({}, false, /*insecure_plaintext=*/true,
                                   /*insecure_no_auth=*/true))
          .ok());
  EXPECT_FALSE(CheckListenSecurity(
                   "0.0.0.0:50051",
                   Security({}, false, /*insecure_plaintext=*/true, false))
                   .ok());
  EXPECT_TRUE(
      CheckListenSecurity("0.0.0.0:50051",
                          Security(CertAndKey(), /*tokens=*/true, false, false))
          .ok());
}

TEST(CheckListenSecurityTest, TlsFlagsComeInSensibleCombinations) {
  for (auto file :
       {&TlsFiles::cert_file, &TlsFiles::key_file, &TlsFiles::client_ca_file}) {
    EXPECT_EQ(CheckListenSecurity(
                  "127.0.0.1:1", Security(Only(file, "f"), false, false, false))
                  .code(),
              absl::StatusCode::kInvalidArgument);
  }
}

TEST(ServerCredentialsForTest, UnreadableOrNonPemFilesAreRefusedNamingTheFlag) {
  TlsFiles missing_files;
  missing_files.cert_file = "/nonexistent/cert.pem";
  missing_files.key_file = "/nonexistent/k";
  auto missing = ServerCredentialsFor(missing_files);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(missing.status().message(), HasSubstr("--tls-cert"));

  const auto not_pem = std::filesystem::temp_directory_path() /
                       ("cxscore-not-pem-" + std::to_string(::getpid()));
  std::ofstream(not_pem) << "hello";
  TlsFiles not_pem_files;
  not_pem_files.cert_file = not_pem.string();
  not_pem_files.key_file = not_pem.string();
  auto bad = ServerCredentialsFor(not_pem_files);
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
