#include "server/auth/principal.h"

namespace cxscore::server::auth {

std::string RoleName(const Principal& principal) {
  switch (principal.role) {
    case Role::kIngest:
      return "ingest";
    case Role::kManager:
      return "manager";
    case Role::kAdmin:
      return "admin";
    case Role::kAgent:
      return "agent:" + principal.agent_id;
  }
  return "unknown";
}

}  // namespace cxscore::server::auth
