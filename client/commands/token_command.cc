#include "client/commands/token_command.h"

#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "client/exit_codes.h"
#include "nlohmann/json.hpp"
#include "server/auth/token_hash.h"

namespace cxscore::client {
namespace {

constexpr char kExpectedRoles[] =
    "expected ingest, manager, admin or agent:AGENT_ID";

// One word of printable ASCII (the tokens file splits its lines on
// whitespace).
bool IsOneWord(absl::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

}  // namespace

absl::Status ValidateTokenRole(absl::string_view role) {
  if (role == "ingest" || role == "manager" || role == "admin") {
    return absl::OkStatus();
  }
  if (absl::StartsWith(role, "agent:")) {
    absl::string_view id = role.substr(6);
    if (id.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "empty agent id in role \"agent:\" (", kExpectedRoles, ")"));
    }
    if (!IsOneWord(id)) {
      return absl::InvalidArgumentError(
          "the agent id of role agent:ID must be one word of printable ASCII "
          "(no spaces)");
    }
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown role \"", role, "\" (", kExpectedRoles, ")"));
}

absl::Status ValidateTokenName(absl::string_view name) {
  if (!IsOneWord(name)) {
    return absl::InvalidArgumentError(
        "NAME must be one word of printable ASCII (no spaces), e.g. "
        "ingest-nightly");
  }
  return absl::OkStatus();
}

std::string TokensFileLine(absl::string_view token, absl::string_view role,
                           absl::string_view name) {
  std::string line = absl::StrCat(
      "sha256:",
      server::auth::Sha256Hex(std::string_view(token.data(), token.size())),
      " ", role);
  if (!name.empty()) absl::StrAppend(&line, " ", name);
  return line;
}

int RunTokenNewCommand(
    const TokenNewOptions& options, std::ostream& out, std::ostream& err,
    const std::function<absl::StatusOr<std::string>()>& new_token) {
  absl::Status valid = ValidateTokenRole(options.role);
  if (valid.ok() && !options.name.empty()) {
    valid = ValidateTokenName(options.name);
  }
  if (valid.ok() && options.format == OutputFormat::kCsv) {
    valid = absl::InvalidArgumentError(
        "token new prints --format table or json, not csv");
  }
  if (!valid.ok()) {
    err << "cxscore: " << valid.message() << "\n";
    return kExitFailure;
  }
  absl::StatusOr<std::string> token =
      new_token ? new_token() : server::auth::NewRandomToken();
  if (!token.ok()) {
    err << "cxscore: cannot make a token: " << token.status().message() << "\n";
    return kExitFailure;
  }
  const std::string line = TokensFileLine(*token, options.role, options.name);
  if (options.format == OutputFormat::kJson) {
    out << nlohmann::ordered_json{{"token", *token}, {"line", line}}.dump(2)
        << "\n";
  } else {
    out << "token: " << *token << "\n"
        << "line:  " << line << "\n";
  }
  err << "cxscore: the token is shown only this once; give it to its user "
         "(--token-file or CXSCORE_TOKEN) and add the line to cxscored's "
         "--auth-tokens file (then send cxscored SIGHUP)\n";
  return kExitOk;
}

}  // namespace cxscore::client
