// Tokens for a form that has no session to keep a CSRF token in: the login
// form. A token is a random nonce and an expiry, signed with a key that only
// this server holds (HMAC-SHA-512-256, libsodium's crypto_auth), so the server
// checks a token it issued without storing it, and refuses one made up
// elsewhere: a cookie and a field that merely match ("AAAA" and "AAAA") are
// no longer enough.
//
// The key is made when the server starts and never leaves its memory: a
// restart, or another server process, refuses the forms shown before, and
// the user is asked to log in again.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace plenary::auth {

class FormTokens {
 public:
  FormTokens();  // with a fresh random key
  ~FormTokens();
  FormTokens(const FormTokens&) = delete;
  FormTokens& operator=(const FormTokens&) = delete;

  // A new token that is valid until `now` + `lifetime_seconds` (times as in
  // login.h): base64url without padding, safe in a cookie and a form field.
  std::string issue(const std::string& now, int64_t lifetime_seconds) const;

  // Whether `token` was issued with this key and has not expired by `now`.
  // Never throws: a malformed token is simply not valid.
  bool valid(std::string_view token, const std::string& now) const;

 private:
  std::array<unsigned char, 32> key_;  // crypto_auth_KEYBYTES
};

}  // namespace plenary::auth
