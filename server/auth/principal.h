// Who is calling: the principal a bearer token stands for (token_file.h) and
// its role, which the policy (policy.h) turns into what it may do.
#ifndef CXSCORE_SERVER_AUTH_PRINCIPAL_H_
#define CXSCORE_SERVER_AUTH_PRINCIPAL_H_

#include <string>

namespace cxscore::server::auth {

enum class Role {
  kIngest,   // internal services that write: the ingest RPCs only
  kManager,  // every read and the follow-up actions on cases
  kAdmin,    // everything
  kAgent,    // reads about one agent (Principal::agent_id) only
};

struct Principal {
  // Names the principal in the audit log (the tokens file's NAME, or the
  // first 8 hex digits of the token's hash). Never the token.
  std::string name;
  Role role = Role::kIngest;
  // The agent id of a kAgent principal (non-empty); empty for other roles.
  std::string agent_id;
};

// "ingest", "manager", "admin" or "agent:ID", as in the tokens file.
std::string RoleName(const Principal& principal);

}  // namespace cxscore::server::auth

#endif  // CXSCORE_SERVER_AUTH_PRINCIPAL_H_
