// Token hashing and generation for the tokens file (server/auth/token_file.h)
// and for `cxscore token new`. Depends only on OpenSSL's libcrypto (and
// absl::StatusOr), so the CLI can link it without any server code.
#ifndef CXSCORE_SERVER_AUTH_TOKEN_HASH_H_
#define CXSCORE_SERVER_AUTH_TOKEN_HASH_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace cxscore::server::auth {

// The number of random bytes in a token made by NewRandomToken.
inline constexpr int kTokenRandomBytes = 32;

// SHA-256 of `bytes`, as 64 lowercase hex digits (the form the tokens file
// stores after "sha256:").
std::string Sha256Hex(std::string_view bytes);

// SHA-256 of `bytes`, as 32 raw bytes.
std::string Sha256Raw(std::string_view bytes);

// A fresh bearer token: kTokenRandomBytes bytes from OpenSSL's RAND_bytes,
// encoded as unpadded url-safe base64 (43 characters of [A-Za-z0-9_-]).
// INTERNAL when the random generator fails (never a weaker token).
absl::StatusOr<std::string> NewRandomToken();

// True iff a and b hold the same bytes. Takes the same time for any two
// strings of the same length (CRYPTO_memcmp); different lengths return false
// at once (lengths are not secret here: hashes are always 32 bytes).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace cxscore::server::auth

#endif  // CXSCORE_SERVER_AUTH_TOKEN_HASH_H_
