// `cxscore token new ROLE [NAME]`: a fresh random bearer token and the line
// that grants it ROLE in cxscored's --auth-tokens file (docs/cli.md). Needs
// no server; the token is printed once and stored nowhere.
#ifndef CXSCORE_CLIENT_COMMANDS_TOKEN_COMMAND_H_
#define CXSCORE_CLIENT_COMMANDS_TOKEN_COMMAND_H_

#include <functional>
#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "client/printers/output_format.h"

namespace cxscore::client {

struct TokenNewOptions {
  std::string role;  // ingest, manager, admin or agent:ID
  std::string name;  // optional: the name in the audit log
  OutputFormat format = OutputFormat::kTable;
};

// OK for ingest, manager, admin and agent:ID (ID non-empty); NAME, when
// given, must be one word. INVALID_ARGUMENT saying what is expected.
absl::Status ValidateTokenRole(absl::string_view role);
absl::Status ValidateTokenName(absl::string_view name);

// "sha256:<64 lowercase hex of token> ROLE[ NAME]".
std::string TokensFileLine(absl::string_view token, absl::string_view role,
                           absl::string_view name);

// Writes the token and its line to `out`:
//   table  "token: TOKEN\nline:  sha256:... ROLE NAME\n"
//   json   {"token": "...", "line": "..."}
// and to `err` a reminder that the token is shown only once. Exit 0, or 2
// (message on `err`) for a wrong role, name or format (csv) or when no
// token can be made. `new_token` makes the token (NewRandomToken by
// default; tests pass a fixed one).
int RunTokenNewCommand(
    const TokenNewOptions& options, std::ostream& out, std::ostream& err,
    const std::function<absl::StatusOr<std::string>()>& new_token = nullptr);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_TOKEN_COMMAND_H_
