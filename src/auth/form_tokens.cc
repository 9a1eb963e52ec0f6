#include "auth/form_tokens.h"

#include <sodium.h>

#include <stdexcept>

#include "auth/login.h"
#include "auth/sodium_init.h"

namespace plenary::auth {

namespace {

// A token's bytes: the nonce, the expiry as ISO 8601 text, then the MAC of both.
constexpr size_t kNonceBytes = 16;
constexpr size_t kExpiryBytes = sizeof "2024-05-01T09:30:00Z" - 1;
constexpr size_t kSignedBytes = kNonceBytes + kExpiryBytes;
constexpr size_t kFormTokenBytes = kSignedBytes + crypto_auth_BYTES;
constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

}  // namespace

FormTokens::FormTokens() {
  static_assert(std::tuple_size_v<decltype(key_)> == crypto_auth_KEYBYTES);
  require_sodium();
  crypto_auth_keygen(key_.data());
}

FormTokens::~FormTokens() { sodium_memzero(key_.data(), key_.size()); }

std::string FormTokens::issue(const std::string& now, int64_t lifetime_seconds) const {
  const std::string expiry = add_seconds(now, lifetime_seconds);
  if (expiry.size() != kExpiryBytes) throw std::logic_error("add_seconds wrote an unexpected time");
  unsigned char bytes[kFormTokenBytes];
  randombytes_buf(bytes, kNonceBytes);
  expiry.copy(reinterpret_cast<char*>(bytes + kNonceBytes), kExpiryBytes);
  crypto_auth(bytes + kSignedBytes, bytes, kSignedBytes, key_.data());
  char text[sodium_base64_ENCODED_LEN(kFormTokenBytes, kVariant)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, kVariant);
  return text;
}

bool FormTokens::valid(std::string_view token, const std::string& now) const {
  if (token.size() + 1 != sodium_base64_ENCODED_LEN(kFormTokenBytes, kVariant)) return false;
  unsigned char bytes[kFormTokenBytes];
  size_t length = 0;
  if (sodium_base642bin(bytes, sizeof bytes, token.data(), token.size(), nullptr, &length, nullptr, kVariant) != 0 ||
      length != kFormTokenBytes)
    return false;
  if (crypto_auth_verify(bytes + kSignedBytes, bytes, kSignedBytes, key_.data()) != 0) return false;
  const std::string expiry(reinterpret_cast<const char*>(bytes + kNonceBytes), kExpiryBytes);
  try {
    return is_before(now, expiry);
  } catch (const std::exception&) {
    return false;  // a malformed `now`
  }
}

}  // namespace plenary::auth
