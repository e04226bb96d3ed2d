#include "client/connection.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "grpcpp/support/client_interceptor.h"

namespace cxscore::client {
namespace {

// Printable ASCII without space: what a token may hold.
absl::Status CheckTokenCharacters(absl::string_view token,
                                  absl::string_view source) {
  for (char c : token) {
    if (c < 0x21 || c > 0x7e) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the token in ", source,
          " holds whitespace or a character that is not printable ASCII "
          "(a token is one word, e.g. the one `cxscore token new` prints)"));
    }
  }
  return absl::OkStatus();
}

// The whole file; `what` names it in messages ("--tls-ca FILE").
absl::StatusOr<std::string> ReadWholeFile(const std::string& path,
                                          absl::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot read ", what, " ", path, ": ", std::strerror(errno)));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read ", what, " ", path));
  }
  return text.str();
}

// The flag's value, else the variable's (empty = unset).
std::string FlagOrEnv(const std::string& flag, const EnvLookup& env,
                      const char* name) {
  if (!flag.empty()) return flag;
  std::optional<std::string> value = env(name);
  return value.has_value() ? *value : std::string();
}

// Adds "authorization: Bearer TOKEN" to the initial metadata of every call.
class BearerTokenInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit BearerTokenInterceptor(std::string header)
      : header_(std::move(header)) {}

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::
                PRE_SEND_INITIAL_METADATA)) {
      methods->GetSendInitialMetadata()->insert({"authorization", header_});
    }
    methods->Proceed();
  }

 private:
  const std::string header_;  // a copy: the call may outlive the factory
};

class BearerTokenInterceptorFactory
    : public grpc::experimental::ClientInterceptorFactoryInterface {
 public:
  explicit BearerTokenInterceptorFactory(const std::string& token)
      : header_(absl::StrCat("Bearer ", token)) {}

  grpc::experimental::Interceptor* CreateClientInterceptor(
      grpc::experimental::ClientRpcInfo* /*info*/) override {
    return new BearerTokenInterceptor(header_);
  }

 private:
  const std::string header_;
};

}  // namespace

std::optional<std::string> ProcessEnv(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

absl::StatusOr<std::string> ReadTokenFile(const std::string& path) {
  absl::StatusOr<std::string> text = ReadWholeFile(path, "the token file");
  if (!text.ok()) return text.status();
  std::string token(absl::StripAsciiWhitespace(*text));
  if (token.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("the token file ", path, " is empty"));
  }
  if (absl::Status s = CheckTokenCharacters(token, path); !s.ok()) return s;
  return token;
}

absl::StatusOr<ConnectionOptions> ResolveConnection(
    const ConnectionFlags& flags, const EnvLookup& env) {
  ConnectionOptions options;
  if (!flags.token_file.empty()) {
    absl::StatusOr<std::string> token = ReadTokenFile(flags.token_file);
    if (!token.ok()) return token.status();
    options.token = *std::move(token);
  } else if (std::optional<std::string> value = env(kTokenEnv)) {
    std::string token(absl::StripAsciiWhitespace(*value));
    if (!token.empty()) {
      if (absl::Status s = CheckTokenCharacters(token, kTokenEnv); !s.ok()) {
        return s;
      }
      options.token = std::move(token);
    }
  }

  const std::string ca = FlagOrEnv(flags.tls_ca, env, kTlsCaEnv);
  const std::string cert = FlagOrEnv(flags.tls_cert, env, kTlsCertEnv);
  const std::string key = FlagOrEnv(flags.tls_key, env, kTlsKeyEnv);
  if (cert.empty() != key.empty()) {
    return absl::InvalidArgumentError(
        cert.empty() ? "--tls-key (CXSCORE_TLS_KEY) needs --tls-cert "
                       "(CXSCORE_TLS_CERT): the client certificate of the key"
                     : "--tls-cert (CXSCORE_TLS_CERT) needs --tls-key "
                       "(CXSCORE_TLS_KEY): the private key of the certificate");
  }
  if (!cert.empty() && ca.empty()) {
    return absl::InvalidArgumentError(
        "--tls-cert and --tls-key need --tls-ca (CXSCORE_TLS_CA): the CA "
        "that signed the server's certificate");
  }
  if (ca.empty()) return options;
  options.tls = true;
  absl::StatusOr<std::string> ca_pem = ReadWholeFile(ca, "--tls-ca");
  if (!ca_pem.ok()) return ca_pem.status();
  options.tls_ca_pem = *std::move(ca_pem);
  if (!cert.empty()) {
    absl::StatusOr<std::string> cert_pem = ReadWholeFile(cert, "--tls-cert");
    if (!cert_pem.ok()) return cert_pem.status();
    absl::StatusOr<std::string> key_pem = ReadWholeFile(key, "--tls-key");
    if (!key_pem.ok()) return key_pem.status();
    options.tls_cert_pem = *std::move(cert_pem);
    options.tls_key_pem = *std::move(key_pem);
  }
  return options;
}

std::shared_ptr<grpc::Channel> MakeChannel(const std::string& address,
                                           const ConnectionOptions& options) {
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  if (options.tls) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = options.tls_ca_pem;
    ssl.pem_cert_chain = options.tls_cert_pem;
    ssl.pem_private_key = options.tls_key_pem;
    credentials = grpc::SslCredentials(ssl);
  } else {
    credentials = grpc::InsecureChannelCredentials();
  }
  if (!options.token.has_value()) {
    return grpc::CreateChannel(address, credentials);
  }
  std::vector<
      std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(
      std::make_unique<BearerTokenInterceptorFactory>(*options.token));
  return grpc::experimental::CreateCustomChannelWithInterceptors(
      address, credentials, grpc::ChannelArguments(), std::move(interceptors));
}

}  // namespace cxscore::client
