// How the CLI reaches the server: plaintext or TLS (optionally mTLS), and the
// bearer token sent on every call (docs/cli.md, "Connection and
// credentials"). The flags win over the environment.
#ifndef CXSCORE_CLIENT_CONNECTION_H_
#define CXSCORE_CLIENT_CONNECTION_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"

namespace cxscore::client {

// The global flags as given; empty means "not given".
struct ConnectionFlags {
  std::string token_file;  // --token-file
  std::string tls_ca;      // --tls-ca
  std::string tls_cert;    // --tls-cert
  std::string tls_key;     // --tls-key
};

// Environment variables read by ResolveConnection.
inline constexpr char kTokenEnv[] = "CXSCORE_TOKEN";
inline constexpr char kTlsCaEnv[] = "CXSCORE_TLS_CA";
inline constexpr char kTlsCertEnv[] = "CXSCORE_TLS_CERT";
inline constexpr char kTlsKeyEnv[] = "CXSCORE_TLS_KEY";

// What MakeChannel needs, with every file read. The token is a secret: no
// message of this library ever contains it.
struct ConnectionOptions {
  std::optional<std::string> token;  // sent as "authorization: Bearer TOKEN"
  bool tls = false;                  // else plaintext
  std::string tls_ca_pem;            // trusted roots (tls)
  std::string tls_cert_pem;          // client certificate (mTLS), or empty
  std::string tls_key_pem;           // its private key, or empty
};

// Looks an environment variable up; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;

// The process environment (std::getenv).
std::optional<std::string> ProcessEnv(const char* name);

// The token in `path`: the whole file with surrounding whitespace trimmed.
// INVALID_ARGUMENT (naming the file, never the token) when the file cannot
// be read, is empty, or the token holds whitespace or a character that
// cannot go into a header (only printable ASCII can).
absl::StatusOr<std::string> ReadTokenFile(const std::string& path);

// Resolves the flags and the environment into ConnectionOptions:
//   token: --token-file, else CXSCORE_TOKEN (trimmed; empty = unset)
//   TLS:   --tls-ca / CXSCORE_TLS_CA (without it: plaintext), --tls-cert /
//          CXSCORE_TLS_CERT with --tls-key / CXSCORE_TLS_KEY (both or none,
//          and only with a CA).
// Each flag wins over its variable; an empty variable counts as unset.
// INVALID_ARGUMENT with a message naming the flag or file otherwise.
absl::StatusOr<ConnectionOptions> ResolveConnection(
    const ConnectionFlags& flags, const EnvLookup& env);

// A channel to `address` as `options` say; when a token is given, every
// call carries it (by a client interceptor, so over plaintext too).
std::shared_ptr<grpc::Channel> MakeChannel(const std::string& address,
                                           const ConnectionOptions& options);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_CONNECTION_H_
