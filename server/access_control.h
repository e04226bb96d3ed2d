// Per-call access control of cxscored (issue 11, docs/security.md): who is
// calling (a bearer token in the call's own metadata, never the connection's
// AuthContext, which gRPC shares across calls), what the caller's role lets
// it do, and an audit line per decided call.
#ifndef CXSCORE_SERVER_ACCESS_CONTROL_H_
#define CXSCORE_SERVER_ACCESS_CONTROL_H_

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/server_context.h"
#include "server/auth/audit_log.h"
#include "server/auth/policy.h"
#include "server/auth/token_file.h"

namespace cxscore::server {

struct AccessOptions {
  // The tokens file (auth/token_file.h). Empty: no tokens; every call is
  // allowed as the principal "local" with the admin role, which the server
  // only permits on loopback unless --insecure-no-auth (transport_security.h).
  std::string tokens_file;
  // JSON lines, one per decided call (auth/audit_log.h). Empty: no log.
  std::string audit_log_file;
};

// A call that was let in: who, which method, and what the audit line of its
// end will say.
struct Admission {
  auth::Principal principal;
  const auth::MethodInfo* method = nullptr;
  std::optional<std::string> subject;
  // The caller is an agent reading an aggregate: the answer's groups must
  // each cover at least auth::kMinAgentsInAggregate agents, which only the
  // data can tell (the handler checks before it answers).
  bool needs_minimum_group = false;
};

class AccessControl {
 public:
  // Reads the tokens file and opens the audit log; an error names the file
  // and, for a malformed tokens file, the line.
  static absl::StatusOr<std::unique_ptr<AccessControl>> Create(
      const AccessOptions& options);

  bool tokens_configured() const { return !options_.tokens_file.empty(); }
  size_t token_count() const;

  // Re-reads the tokens file (SIGHUP). On error the tokens in force stay.
  absl::Status ReloadTokens();

  // Authenticates the call from its `authorization: Bearer` metadata and
  // authorizes `method` with `scope`. UNAUTHENTICATED (token missing or
  // unknown) or PERMISSION_DENIED (naming the rule) are audited here;
  // an admitted call is audited by Finished().
  absl::StatusOr<Admission> Admit(const grpc::CallbackServerContext& context,
                                  auth::Method method,
                                  const auth::ReadScope& scope);

  // The audit line of an admitted call's end: "allow" with the call's final
  // code (a call refused by the minimum-group rule ends PERMISSION_DENIED
  // and is written as "deny").
  void Finished(const Admission& admission, absl::StatusCode code);

 private:
  AccessControl(AccessOptions options, std::unique_ptr<auth::AuditLog> log)
      : options_(std::move(options)), audit_log_(std::move(log)) {}

  void Audit(const auth::AuditEntry& entry);

  const AccessOptions options_;
  const std::unique_ptr<auth::AuditLog> audit_log_;  // null: no log
  mutable absl::Mutex mu_;
  std::shared_ptr<const auth::TokenTable> tokens_ ABSL_GUARDED_BY(mu_);
};

}  // namespace cxscore::server

#endif  // CXSCORE_SERVER_ACCESS_CONTROL_H_
