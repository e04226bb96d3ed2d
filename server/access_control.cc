#include "server/access_control.h"

#include <iostream>

#include "absl/time/clock.h"

namespace cxscore::server {
namespace {

// The principal of every call of a server without tokens (loopback only,
// or --insecure-no-auth).
auth::Principal LocalPrincipal() {
  auth::Principal local;
  local.name = "local";
  local.role = auth::Role::kAdmin;
  return local;
}

// The value of the call's `authorization` metadata, if any.
std::optional<std::string_view> AuthorizationHeader(
    const grpc::CallbackServerContext& context) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return std::nullopt;
  return std::string_view(it->second.data(), it->second.size());
}

}  // namespace

absl::StatusOr<std::unique_ptr<AccessControl>> AccessControl::Create(
    const AccessOptions& options) {
  std::unique_ptr<auth::AuditLog> log;
  if (!options.audit_log_file.empty()) {
    auto opened = auth::AuditLog::Open(options.audit_log_file);
    if (!opened.ok()) return opened.status();
    log = *std::move(opened);
  }
  std::unique_ptr<AccessControl> access(
      new AccessControl(options, std::move(log)));
  if (access->tokens_configured()) {
    if (absl::Status s = access->ReloadTokens(); !s.ok()) return s;
  }
  return access;
}

size_t AccessControl::token_count() const {
  absl::MutexLock lock(&mu_);
  return tokens_ == nullptr ? 0 : tokens_->size();
}

absl::Status AccessControl::ReloadTokens() {
  absl::StatusOr<auth::TokenTable> table =
      auth::LoadTokenFile(options_.tokens_file);
  if (!table.ok()) return table.status();
  auto shared = std::make_shared<const auth::TokenTable>(*std::move(table));
  absl::MutexLock lock(&mu_);
  tokens_ = std::move(shared);
  return absl::OkStatus();
}

absl::StatusOr<Admission> AccessControl::Admit(
    const grpc::CallbackServerContext& context, auth::Method method,
    const auth::ReadScope& scope) {
  const auth::MethodInfo& info = auth::InfoOf(method);
  auth::AuditEntry entry;
  entry.time = absl::Now();
  entry.method = std::string(info.name);
  std::optional<auth::Principal> principal;
  if (!tokens_configured()) {
    principal = LocalPrincipal();
  } else {
    std::shared_ptr<const auth::TokenTable> tokens;
    {
      absl::MutexLock lock(&mu_);
      tokens = tokens_;
    }
    const std::optional<std::string_view> header = AuthorizationHeader(context);
    std::optional<std::string_view> token;
    if (header.has_value()) token = auth::BearerToken(*header);
    if (token.has_value()) principal = tokens->Authenticate(*token);
    if (!principal.has_value()) {
      const auth::SentCredentials sent =
          !header.has_value()   ? auth::SentCredentials::kNone
          : !token.has_value() ? auth::SentCredentials::kNotBearer
                               : auth::SentCredentials::kUnknown;
      absl::Status denied = auth::AuthorizeAnonymous(info, sent);
      if (!denied.ok()) {
        entry.code = denied.code();
        Audit(entry);
        return denied;
      }
      // Health checks: no principal needed.
      Admission health;
      health.method = &info;
      return health;
    }
  }
  entry.principal = principal->name;
  entry.role = auth::RoleName(*principal);
  if (absl::Status s = auth::Authorize(*principal, info, scope); !s.ok()) {
    entry.code = s.code();
    entry.subject = auth::AuditSubject(*principal, info, scope);
    Audit(entry);
    return s;
  }
  Admission admission;
  admission.principal = *principal;
  admission.method = &info;
  admission.subject = auth::AuditSubject(*principal, info, scope);
  admission.needs_minimum_group =
      auth::IsAgentAggregate(*principal, info, scope);
  return admission;
}

void AccessControl::Finished(const Admission& admission,
                             absl::StatusCode code) {
  if (audit_log_ == nullptr || admission.method == nullptr) return;
  auth::AuditEntry entry;
  entry.time = absl::Now();
  entry.principal = admission.principal.name;
  if (!admission.principal.name.empty())
    entry.role = auth::RoleName(admission.principal);
  entry.method = std::string(admission.method->name);
  entry.allowed = code != absl::StatusCode::kPermissionDenied &&
                  code != absl::StatusCode::kUnauthenticated;
  entry.code = code;
  entry.subject = admission.subject;
  Audit(entry);
}

void AccessControl::Audit(const auth::AuditEntry& entry) {
  if (audit_log_ == nullptr) return;
  if (absl::Status s = audit_log_->Write(entry); !s.ok())
    std::cerr << "cxscored: audit log: " << s.message() << std::endl;
}

}  // namespace cxscore::server
