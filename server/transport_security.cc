#include "server/transport_security.h"

#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "grpcpp/security/tls_certificate_provider.h"
#include "grpcpp/security/tls_credentials_options.h"

namespace cxscore::server {
namespace {

// The host part of HOST:PORT or [V6]:PORT.
std::string_view HostOf(std::string_view listen) {
  if (listen.starts_with('[')) {
    const size_t close = listen.find(']');
    return close == std::string_view::npos ? listen
                                           : listen.substr(1, close - 1);
  }
  const size_t colon = listen.rfind(':');
  return colon == std::string_view::npos ? listen : listen.substr(0, colon);
}

// A dotted quad 127.a.b.c with every part a decimal number 0..255.
bool IsIpv4Loopback(std::string_view host) {
  int parts = 0;
  while (true) {
    const size_t dot = host.find('.');
    const std::string_view part = host.substr(0, dot);
    if (part.empty() || part.size() > 3 ||
        part.find_first_not_of("0123456789") != std::string_view::npos ||
        std::stoi(std::string(part)) > 255)
      return false;
    if (parts == 0 && part != "127") return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  return parts == 4;
}

absl::Status CheckPemFile(const std::string& path, std::string_view flag) {
  std::ifstream in(path);
  if (!in)
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(flag), ": cannot read ", path));
  std::stringstream content;
  content << in.rdbuf();
  if (content.str().find("-----BEGIN ") == std::string::npos)
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(flag), ": ", path, " holds no PEM block"));
  return absl::OkStatus();
}

}  // namespace

bool IsLoopbackListen(std::string_view listen) {
  if (listen.starts_with("unix:") || listen.starts_with("unix-abstract:"))
    return true;
  const std::string_view host = HostOf(listen);
  return host == "localhost" || host == "::1" || IsIpv4Loopback(host);
}

absl::Status CheckListenSecurity(std::string_view listen,
                                 const ListenSecurity& security) {
  const TlsFiles& tls = security.tls;
  if (tls.cert_file.empty() != tls.key_file.empty())
    return absl::InvalidArgumentError(
        "--tls-cert and --tls-key: give both or neither");
  if (!tls.client_ca_file.empty() && tls.cert_file.empty())
    return absl::InvalidArgumentError(
        "--tls-client-ca: needs --tls-cert and --tls-key (mTLS is TLS with "
        "client certificates)");
  if (IsLoopbackListen(listen)) return absl::OkStatus();
  if (tls.cert_file.empty() && !security.insecure_plaintext)
    return absl::FailedPreconditionError(absl::StrCat(
        "--listen ", std::string(listen),
        " is reachable beyond this machine: serving it needs TLS "
        "(--tls-cert and --tls-key), or --insecure-plaintext to serve "
        "plaintext anyway"));
  if (!security.tokens_configured && !security.insecure_no_auth)
    return absl::FailedPreconditionError(absl::StrCat(
        "--listen ", std::string(listen),
        " is reachable beyond this machine: serving it needs tokens "
        "(--auth-tokens FILE), or --insecure-no-auth to serve everyone "
        "anyway"));
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFor(
    const TlsFiles& tls) {
  if (tls.cert_file.empty()) return grpc::InsecureServerCredentials();
  if (absl::Status s = CheckPemFile(tls.cert_file, "--tls-cert"); !s.ok())
    return s;
  if (absl::Status s = CheckPemFile(tls.key_file, "--tls-key"); !s.ok())
    return s;
  if (!tls.client_ca_file.empty()) {
    if (absl::Status s = CheckPemFile(tls.client_ca_file, "--tls-client-ca");
        !s.ok())
      return s;
  }
  auto provider =
      std::make_shared<grpc::experimental::FileWatcherCertificateProvider>(
          tls.key_file, tls.cert_file, tls.client_ca_file, tls.refresh_seconds);
  grpc::experimental::TlsServerCredentialsOptions options(provider);
  options.watch_identity_key_cert_pairs();
  if (tls.client_ca_file.empty()) {
    options.set_cert_request_type(GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
  } else {
    options.watch_root_certs();
    options.set_cert_request_type(
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  }
  return grpc::experimental::TlsServerCredentials(options);
}

}  // namespace cxscore::server
