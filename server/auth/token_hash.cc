#include "server/auth/token_hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <cstdint>

#include "absl/status/status.h"

namespace cxscore::server::auth {

std::string Sha256Raw(std::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
         digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof(digest));
}

std::string Sha256Hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::string raw = Sha256Raw(bytes);
  std::string hex;
  hex.reserve(2 * raw.size());
  for (unsigned char c : raw) {
    hex.push_back(kHex[c >> 4]);
    hex.push_back(kHex[c & 0xf]);
  }
  return hex;
}

absl::StatusOr<std::string> NewRandomToken() {
  unsigned char random[kTokenRandomBytes];
  if (RAND_bytes(random, sizeof(random)) != 1) {
    return absl::InternalError(
        "the random number generator failed; no token was made");
  }
  // EVP_EncodeBlock writes padded standard base64 and a NUL.
  unsigned char encoded[4 * ((kTokenRandomBytes + 2) / 3) + 1];
  const int length = EVP_EncodeBlock(encoded, random, sizeof(random));
  OPENSSL_cleanse(random, sizeof(random));
  std::string token(reinterpret_cast<const char*>(encoded), length);
  OPENSSL_cleanse(encoded, sizeof(encoded));
  while (!token.empty() && token.back() == '=') token.pop_back();
  for (char& c : token) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return token;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace cxscore::server::auth
