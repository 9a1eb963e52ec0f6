// Passwords: hashed with argon2id, checked against a hash, and judged before
// they are accepted.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace plenary::auth {

// The rules for a new password. Length counts code points, so that a
// passphrase in Chinese or Arabic is judged like one in English.
inline constexpr size_t kMinPasswordCharacters = 12;
inline constexpr size_t kMaxPasswordBytes = 1024;

// The hash of `password` in libsodium's string form ("$argon2id$v=19$m=65536,
// t=2,p=1$salt$hash"), with a fresh random salt. The cost is libsodium's
// INTERACTIVE level: 2 passes over 64 MiB, tens of milliseconds on a server
// core. That makes each guess against a stolen database expensive, and keeps a
// login fast enough; it also means a server hashing N logins at once needs
// N x 64 MiB. Throws std::runtime_error when that memory is not available.
std::string hash_password(std::string_view password);

// Whether `password` is the one `hash` was made from. False for a malformed
// or truncated hash; never throws. Takes as long as a hash.
bool verify_password(const std::string& hash, std::string_view password);

// Why `password` may not become a new password ("shorter than 12
// characters", "not valid UTF-8", ...), or nothing when it may.
std::optional<std::string> password_problem(std::string_view password);

}  // namespace plenary::auth
