#include "server/auth/token_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "server/auth/token_hash.h"

namespace cxscore::server::auth {
namespace {

constexpr std::string_view kHashPrefix = "sha256:";
constexpr size_t kHexDigits = 64;
constexpr size_t kDefaultNameDigits = 8;
// Longer role fields are not quoted in errors (they may be pasted secrets).
constexpr size_t kMaxQuotedRole = 40;

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsBlank(line[i])) ++i;
    const size_t start = i;
    while (i < line.size() && !IsBlank(line[i])) ++i;
    if (i > start) fields.push_back(line.substr(start, i - start));
  }
  return fields;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

absl::Status LineError(int line, const std::string& what) {
  return absl::InvalidArgumentError(absl::StrCat("line ", line, ": ", what));
}

// The 32 raw bytes of 64 lowercase hex digits, or the error of `line`.
absl::StatusOr<std::string> HashOf(std::string_view hex, int line) {
  if (hex.size() != kHexDigits) {
    return LineError(line,
                     absl::StrCat("the hash after \"sha256:\" has ", hex.size(),
                                  " characters; expected 64 lowercase "
                                  "hex digits"));
  }
  std::string raw;
  raw.reserve(kHexDigits / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    const int high = HexValue(hex[i]);
    const int low = HexValue(hex[i + 1]);
    if (high < 0 || low < 0) {
      const char bad = high < 0 ? hex[i] : hex[i + 1];
      return LineError(
          line, absl::ascii_isxdigit(static_cast<unsigned char>(bad))
                    ? "the hash after \"sha256:\" has uppercase hex digits; "
                      "expected 64 lowercase hex digits"
                    : "the hash after \"sha256:\" has a character that is not "
                      "a hex digit; expected 64 lowercase hex digits");
    }
    raw.push_back(static_cast<char>(high * 16 + low));
  }
  return raw;
}

absl::StatusOr<Principal> PrincipalOf(std::string_view role, int line) {
  Principal principal;
  if (role == "ingest") {
    principal.role = Role::kIngest;
  } else if (role == "manager") {
    principal.role = Role::kManager;
  } else if (role == "admin") {
    principal.role = Role::kAdmin;
  } else if (role.substr(0, 6) == "agent:") {
    principal.role = Role::kAgent;
    principal.agent_id = std::string(role.substr(6));
    if (principal.agent_id.empty()) {
      return LineError(line,
                       "empty agent id in role \"agent:\" (expected "
                       "agent:AGENT_ID)");
    }
  } else {
    const std::string quoted =
        role.size() <= kMaxQuotedRole
            ? absl::StrCat(" \"", std::string(role), "\"")
            : "";
    return LineError(line, absl::StrCat("unknown role", quoted,
                                        " (expected ingest, manager, admin or "
                                        "agent:AGENT_ID)"));
  }
  return principal;
}

}  // namespace

std::optional<Principal> TokenTable::Authenticate(
    std::string_view bearer_token) const {
  if (bearer_token.empty()) return std::nullopt;
  const std::string hash = Sha256Raw(bearer_token);
  const Entry* found = nullptr;
  // Every entry is compared, so the time does not depend on which matched.
  for (const Entry& entry : entries_) {
    if (ConstantTimeEquals(entry.hash, hash)) found = &entry;
  }
  if (found == nullptr) return std::nullopt;
  return found->principal;
}

absl::StatusOr<TokenTable> ParseTokenFile(std::string_view text) {
  TokenTable table;
  absl::flat_hash_map<std::string, int> line_of_hash;
  int line_number = 0;
  size_t next = 0;
  while (next <= text.size()) {
    const size_t end = std::min(text.find('\n', next), text.size());
    const std::string_view line = text.substr(next, end - next);
    next = end + 1;
    ++line_number;
    const std::vector<std::string_view> fields = Fields(line);
    if (fields.empty() || fields[0].front() == '#') continue;
    if (fields[0].substr(0, kHashPrefix.size()) != kHashPrefix) {
      // The field is not quoted: it may be a token pasted by mistake.
      return LineError(line_number,
                       "the line must start with sha256:<64 lowercase hex "
                       "digits>, the hash of the token (never the token "
                       "itself)");
    }
    absl::StatusOr<std::string> hash =
        HashOf(fields[0].substr(kHashPrefix.size()), line_number);
    if (!hash.ok()) return hash.status();
    if (fields.size() < 2) {
      return LineError(line_number,
                       "missing role after the hash (expected ingest, "
                       "manager, admin or agent:AGENT_ID)");
    }
    if (fields.size() > 3) {
      return LineError(line_number,
                       absl::StrCat("too many fields (", fields.size(),
                                    "); expected sha256:<hash> ROLE [NAME]"));
    }
    absl::StatusOr<Principal> principal = PrincipalOf(fields[1], line_number);
    if (!principal.ok()) return principal.status();
    principal->name = fields.size() == 3
                          ? std::string(fields[2])
                          : std::string(fields[0].substr(kHashPrefix.size(),
                                                         kDefaultNameDigits));
    const auto [it, inserted] = line_of_hash.emplace(*hash, line_number);
    if (!inserted) {
      return LineError(line_number,
                       absl::StrCat("the same hash as line ", it->second,
                                    " (each token may appear once)"));
    }
    table.entries_.push_back(
        TokenTable::Entry{*std::move(hash), *std::move(principal)});
  }
  return table;
}

absl::StatusOr<TokenTable> LoadTokenFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    const std::string message = absl::StrCat(
        path, ": cannot read the tokens file: ", std::strerror(error));
    if (error == ENOENT) return absl::NotFoundError(message);
    if (error == EACCES) return absl::PermissionDeniedError(message);
    return absl::FailedPreconditionError(message);
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, ": cannot read the tokens file"));
  }
  absl::StatusOr<TokenTable> table = ParseTokenFile(text.str());
  if (!table.ok()) {
    return absl::Status(table.status().code(),
                        absl::StrCat(path, ": ", table.status().message()));
  }
  return table;
}

std::optional<std::string_view> BearerToken(
    std::string_view authorization_header) {
  std::string_view value = authorization_header;
  while (!value.empty() && IsBlank(value.front())) value.remove_prefix(1);
  while (!value.empty() && IsBlank(value.back())) value.remove_suffix(1);
  constexpr std::string_view kScheme = "bearer";
  if (value.size() <= kScheme.size() ||
      !absl::EqualsIgnoreCase(absl::string_view(value.data(), kScheme.size()),
                              "bearer") ||
      value[kScheme.size()] != ' ') {
    return std::nullopt;
  }
  value.remove_prefix(kScheme.size());
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (value.empty()) return std::nullopt;
  for (char c : value) {
    if (IsBlank(c)) return std::nullopt;
  }
  return value;
}

}  // namespace cxscore::server::auth
