// Who may reach cxscored, and how: TLS credentials for the listening port
// and the safe-default rule that refuses to serve beyond loopback without
// TLS and tokens unless the operator explicitly asks for it (issue 11,
// docs/security.md).
#ifndef CXSCORE_SERVER_TRANSPORT_SECURITY_H_
#define CXSCORE_SERVER_TRANSPORT_SECURITY_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "grpcpp/security/server_credentials.h"

namespace cxscore::server {

// PEM files. Empty cert_file = plaintext. client_ca_file set = mTLS: every
// client must present a certificate signed by that CA.
struct TlsFiles {
  std::string cert_file;
  std::string key_file;
  std::string client_ca_file;
  // How often the files are re-read; a changed certificate or key is served
  // to new connections without a restart.
  unsigned int refresh_seconds = 60;
};

struct ListenSecurity {
  TlsFiles tls;
  bool tokens_configured = false;   // --auth-tokens given
  bool insecure_plaintext = false;  // --insecure-plaintext
  bool insecure_no_auth = false;    // --insecure-no-auth
};

// True for addresses only this machine can reach: 127.0.0.0/8, [::1],
// localhost, and unix sockets ("unix:PATH", "unix-abstract:NAME").
bool IsLoopbackListen(std::string_view listen);

// OK when `listen` may be served with `security`. Beyond loopback, plaintext
// needs --insecure-plaintext and serving without tokens --insecure-no-auth;
// otherwise FAILED_PRECONDITION naming the missing flag. Also checks that
// the TLS flags come in the combinations that make sense (a key with a
// certificate, a client CA only with a certificate): INVALID_ARGUMENT.
absl::Status CheckListenSecurity(std::string_view listen,
                                 const ListenSecurity& security);

// Plaintext credentials when tls.cert_file is empty; otherwise TLS (mTLS
// with a client CA) from files that are watched for rotation. The files must
// be readable PEM at start (INVALID_ARGUMENT naming the flag otherwise):
// a watcher started on a missing file would fail every handshake silently.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFor(
    const TlsFiles& tls);

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_TRANSPORT_SECURITY_H_
