#include "auth/tokens.h"

#include <sodium.h>

#include "auth/sodium_init.h"

namespace plenary::auth {

std::string random_token() {
  require_sodium();
  unsigned char bytes[kTokenBytes];
  randombytes_buf(bytes, sizeof bytes);
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  static_assert(sodium_base64_ENCODED_LEN(kTokenBytes, kVariant) == kTokenCharacters + 1);
  char text[sodium_base64_ENCODED_LEN(kTokenBytes, kVariant)];  // with the closing NUL
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, kVariant);
  sodium_memzero(bytes, sizeof bytes);
  return text;
}

std::string token_digest(std::string_view token) {
  require_sodium();
  unsigned char digest[crypto_generichash_BYTES];  // 32 bytes: BLAKE2b-256
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  char hex[2 * sizeof digest + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  require_sodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace plenary::auth
