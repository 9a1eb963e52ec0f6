// Secrets handed to browsers and scripts: session cookies, CSRF tokens and
// API tokens. The store keeps only their digests, so a copy of the database
// opens no session and authenticates no script.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plenary::auth {

inline constexpr size_t kTokenBytes = 32;
// 32 bytes in base64url without padding: ceil(32 * 4 / 3) characters.
inline constexpr size_t kTokenCharacters = 43;

// 32 random bytes from the operating system's generator, as base64url
// without padding: 43 characters of [A-Za-z0-9_-], safe in a cookie, a URL
// or a form field.
std::string random_token();

// The BLAKE2b-256 digest of `token`, as 64 lowercase hexadecimal digits.
// A token already has 256 random bits, so a fast unsalted hash is enough.
std::string token_digest(std::string_view token);

// Whether two secrets are equal, in a time that depends only on their size.
// False when the sizes differ, and false when both are empty: an empty value
// is never a secret, so a form that sends no CSRF token never matches.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace plenary::auth
