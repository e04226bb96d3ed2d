// The tokens file of `cxscored --auth-tokens FILE` and bearer-token
// authentication against it.
//
// Format (a contract): one token per line; blank lines and lines whose first
// non-blank character is '#' are ignored. Every other line is
//
//   sha256:<64 lowercase hex digits> ROLE [NAME]
//
// fields separated by spaces or tabs, where the hex digits are the SHA-256 of
// the token's UTF-8 bytes, ROLE is one of `ingest`, `manager`, `admin` or
// `agent:AGENT_ID`, and NAME names the principal in the audit log (default:
// the first 8 hex digits of the hash). A '#' after the fields is not a
// comment (it would be a fourth field). Only hashes are stored, in the file
// and in memory.
#ifndef CXSCORE_SERVER_AUTH_TOKEN_FILE_H_
#define CXSCORE_SERVER_AUTH_TOKEN_FILE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "server/auth/principal.h"

namespace cxscore::server::auth {

// The principals of a tokens file, by token hash. Immutable once parsed, so
// concurrent Authenticate calls are safe; to re-read the file (SIGHUP), parse
// a new table and swap it in.
class TokenTable {
 public:
  // An empty table: authenticates nobody.
  TokenTable() = default;

  // The principal whose hash is SHA-256(bearer_token), or nullopt for an
  // unknown or empty token. Compares the hash with every entry in constant
  // time, whatever matches.
  std::optional<Principal> Authenticate(std::string_view bearer_token) const;

  // The number of tokens.
  size_t size() const { return entries_.size(); }

 private:
  friend absl::StatusOr<TokenTable> ParseTokenFile(std::string_view text);

  struct Entry {
    std::string hash;  // 32 raw bytes
    Principal principal;
  };
  std::vector<Entry> entries_;
};

// Parses the text of a tokens file. A malformed line gives INVALID_ARGUMENT
// whose message starts with "line N: " and says what is wrong (a missing
// "sha256:" prefix, hex digits that are not 64 lowercase ones, a missing or
// unknown role, an empty agent id, a hash already on an earlier line, too
// many fields). Messages never quote the hash. A file without tokens is
// valid (the table then authenticates nobody).
absl::StatusOr<TokenTable> ParseTokenFile(std::string_view text);

// Reads and parses the tokens file at `path`. Errors start with the path:
// NOT_FOUND or PERMISSION_DENIED when it cannot be read (FAILED_PRECONDITION
// for other read errors), ParseTokenFile's INVALID_ARGUMENT otherwise.
absl::StatusOr<TokenTable> LoadTokenFile(const std::string& path);

// The token of an `authorization` header value "Bearer <token>" (the scheme
// in any case, one or more spaces, surrounding blanks ignored); nullopt for
// another scheme, an empty token or a token with blanks inside. The view
// points into `authorization_header`.
std::optional<std::string_view> BearerToken(
    std::string_view authorization_header);

}  // namespace cxscore::server::auth

#endif  // CXSCORE_SERVER_AUTH_TOKEN_FILE_H_
