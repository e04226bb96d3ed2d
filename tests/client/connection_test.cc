#include "client/connection.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "cxscore/v1/cxscore.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"

namespace cxscore::client {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  EnvLookup Env() {
    return [this](const char* name) -> std::optional<std::string> {
      auto it = env_.find(name);
      if (it == env_.end()) return std::nullopt;
      return it->second;
    };
  }

  std::filesystem::path dir_;
  std::map<std::string, std::string> env_;
};

TEST_F(ConnectionTest, NothingGivenIsPlaintextWithoutAToken) {
  absl::StatusOr<ConnectionOptions> options =
      ResolveConnection(ConnectionFlags{}, Env());
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_FALSE(options->token.has_value());
  EXPECT_FALSE(options->tls);
}

TEST_F(ConnectionTest, TokenFileIsTrimmed) {
  ConnectionFlags flags;
  flags.token_file = Write("token", "  \n\tAbc-123_xyz\r\n\n");
  absl::StatusOr<ConnectionOptions> options = ResolveConnection(flags, Env());
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->token, "Abc-123_xyz");
}

TEST_F(ConnectionTest, TokenFromTheEnvironment) {
  env_[kTokenEnv] = " from-env \n";
  absl::StatusOr<ConnectionOptions> options =
      ResolveConnection(ConnectionFlags{}, Env());
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->token, "from-env");
}

TEST_F(ConnectionTest, TokenFileWinsOverTheEnvironment) {
  env_[kTokenEnv] = "from-env";
  ConnectionFlags flags;
  flags.token_file = Write("token", "from-file\n");
  absl::StatusOr<ConnectionOptions> options = ResolveConnection(flags, Env());
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->token, "from-file");
}

TEST_F(ConnectionTest, EmptyEnvironmentTokenIsNoToken) {
  env_[kTokenEnv] = "  ";
  absl::StatusOr<ConnectionOptions> options =
      ResolveConnection(ConnectionFlags{}, Env());
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_FALSE(options->token.has_value());
}

TEST_F(ConnectionTest, MissingTokenFileNamesTheFile) {
  ConnectionFlags flags;
  flags.token_file = (dir_ / "absent").string();
  absl::StatusOr<ConnectionOptions> options = ResolveConnection(flags, Env());
  ASSERT_FALSE(options.ok());
  EXPECT_EQ(options.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(options.status().message(),
              HasSubstr("cannot read the token file " + flags.token_file));
}

TEST_F(ConnectionTest, EmptyTokenFileIsAnError) {
  ConnectionFlags flags;
  flags.token_file = Write("token", " \n\n");
  absl::StatusOr<ConnectionOptions> options = ResolveConnection(flags, Env());
  ASSERT_FALSE(options.ok());
  EXPECT_THAT(options.status().message(), HasSubstr("is empty"));
}

TEST_F(ConnectionTest, TokenWithInnerSpaceIsRefusedWithoutShowingIt) {
  ConnectionFlags flags;
  flags.token_file = Write("token", "secret-part other-part\n");
  absl::StatusOr<ConnectionOptions> options = ResolveConnection(flags, Env());
  ASSERT_FALSE(options.ok());
  EXPECT_THAT(options.status().message(), HasSubstr(flags.token_file));
  EXPECT_THAT(options.status().message(), Not(HasSubstr("secret-part")));

  env_[kTokenEnv] = "secret\x01";
  options = ResolveConnection(ConnectionFlags{}, Env());
  ASSERT_FALSE(options.ok());
  EXPECT_THAT(options.status().message(), HasSubstr("CXSCORE_TOKEN"));
  EXPECT_THAT(options.status().message(), Not(HasSubstr("secret")));
}

TEST_F(ConnectionTest, TlsCaReadsTheFile) {
  ConnectionFlags flags;
  flags.tls_ca = Write("ca.pem", "CA PEM");
  absl::StatusOr<ConnectionOptions> options = ResolveConnection(flags, Env());
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_TRUE(options->tls);
  EXPECT_EQ(options->tls_ca_pem, "CA PEM");
  EXPECT_EQ(options->tls_cert_pem, "");
  EXPECT_EQ(options->tls_key_pem, "");
}

TEST_F(ConnectionTest, MutualTlsFromTheEnvironment) {
  env_[kTlsCaEnv] = Write("ca.pem", "CA");
  env_[kTlsCertEnv] = Write("cert.pem", "CERT");
  env_[kTlsKeyEnv] = Write("key.pem", "KEY");
  absl::StatusOr<ConnectionOptions> options =
      ResolveConnection(ConnectionFlags{}, Env());
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_TRUE(options->tls);
  EXPECT_EQ(options->tls_ca_pem, "CA");
  EXPECT_EQ(options->tls_cert_pem, "CERT");
  EXPECT_EQ(options->tls_key_pem, "KEY");
}

TEST_F(ConnectionTest, TlsFlagsWinOverTheEnvironment) {
  env_[kTlsCaEnv] = Write("env_ca.pem", "ENV CA");
  ConnectionFlags flags;
  flags.tls_ca = Write("flag_ca.pem", "FLAG CA");
  absl::StatusOr<ConnectionOptions> options = ResolveConnection(flags, Env());
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->tls_ca_pem, "FLAG CA");
}

TEST_F(ConnectionTest, CertWithoutKeyOrCaIsAnError) {
  ConnectionFlags flags;
  flags.tls_ca = Write("ca.pem", "CA");
  flags.tls_cert = Write("cert.pem", "CERT");
  absl::StatusOr<ConnectionOptions> options = ResolveConnection(flags, Env());
  ASSERT_FALSE(options.ok());
  EXPECT_THAT(options.status().message(), HasSubstr("needs --tls-key"));

  flags.tls_cert.clear();
  flags.tls_key = Write("key.pem", "KEY");
  options = ResolveConnection(flags, Env());
  ASSERT_FALSE(options.ok());
  EXPECT_THAT(options.status().message(), HasSubstr("needs --tls-cert"));

  flags.tls_ca.clear();
  flags.tls_cert = Write("cert.pem", "CERT");
  options = ResolveConnection(flags, Env());
  ASSERT_FALSE(options.ok());
  EXPECT_THAT(options.status().message(), HasSubstr("need --tls-ca"));
}

TEST_F(ConnectionTest, UnreadableCaNamesTheFlagAndFile) {
  ConnectionFlags flags;
  flags.tls_ca = (dir_ / "absent.pem").string();
  absl::StatusOr<ConnectionOptions> options = ResolveConnection(flags, Env());
  ASSERT_FALSE(options.ok());
  EXPECT_THAT(options.status().message(),
              HasSubstr("cannot read --tls-ca " + flags.tls_ca));
}

// Records the authorization metadata of each GetScores call.
class RecordingService : public v1::CxScore::Service {
 public:
  grpc::Status GetScores(grpc::ServerContext* context,
                         const v1::GetScoresRequest* /*request*/,
                         v1::GetScoresResponse* /*response*/) override {
    auto [begin, end] = context->client_metadata().equal_range("authorization");
    authorization =
        begin == end ? "<none>"
                     : std::string(begin->second.data(), begin->second.size());
    return grpc::Status::OK;
  }
  std::string authorization;
};

TEST(MakeChannelTest, SendsTheBearerTokenOverPlaintext) {
  RecordingService service;
  int port = 0;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                           &port);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ASSERT_NE(port, 0);
  const std::string address = "127.0.0.1:" + std::to_string(port);

  for (std::optional<std::string> token :
       {std::optional<std::string>("t0k3n"), std::optional<std::string>()}) {
    ConnectionOptions options;
    options.token = token;
    auto stub = v1::CxScore::NewStub(MakeChannel(address, options));
    for (int call = 0; call < 2; ++call) {  // every call, not just the first
      grpc::ClientContext context;
      v1::GetScoresRequest request;
      v1::GetScoresResponse response;
      ASSERT_TRUE(stub->GetScores(&context, request, &response).ok());
      EXPECT_EQ(service.authorization,
                token.has_value() ? "Bearer t0k3n" : "<none>");
    }
  }
  server->Shutdown();
}

}  // namespace
}  // namespace cxscore::client
