// Logging in: the lockout policy, sessions and API tokens, on top of the
// store's accounts (store/store.h).
//
// Times are ISO 8601 UTC text to the second, "2024-05-01T09:30:00Z", the form
// store::utc_now() writes, and are passed in so that tests are deterministic.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/store.h"

namespace plenary::auth {

// The policy as data, so that a deployment can tighten it and tests can
// shorten it.
struct LoginPolicy {
  int64_t max_failures = 5;          // failed logins in a row that lock the account
  int64_t lock_seconds = 15 * 60;    // how long the lock lasts
  int64_t session_seconds = 8 * 3600;  // a working day; then log in again
};

struct LoginResult {
  enum class Outcome { ok, bad_credentials, locked };
  Outcome outcome = Outcome::bad_credentials;
  std::optional<store::User> user;  // ok: the account, as it is after the login
  store::Session session;           // ok: the session as stored (its digest, its CSRF token)
  std::string session_token;        // ok: the cookie's value; stored nowhere
  std::string locked_until;         // locked: when the lock ends
};

// Logs `name` in with `password` at `now`.
//   - An unknown name and a wrong password both give bad_credentials, in about
//     the same time: an unknown name is checked against a dummy hash.
//   - An account locked at `now` gives locked, without checking the password,
//     so guesses made during the lock tell nothing.
//   - A wrong password counts a failure; the failure that reaches
//     policy.max_failures locks the account for policy.lock_seconds and gives
//     locked rather than bad_credentials.
//   - The right password clears the failures and any expired lock, and opens
//     a session of policy.session_seconds with a fresh CSRF token.
// Throws std::invalid_argument for a malformed `now` or a policy with
// max_failures < 1, lock_seconds < 0 or session_seconds < 1; store errors
// pass through.
LoginResult log_in(store::Store& store, const std::string& name, std::string_view password,
                   const std::string& now, const LoginPolicy& policy);

// The account of the session whose cookie is `token`, if that session exists
// and has not expired by `now`.
std::optional<store::User> user_for_session(store::Store& store, const std::string& token, const std::string& now);

// Ends the session whose cookie is `token`; nothing happens if there is none.
void log_out(store::Store& store, const std::string& token);

// Creates an API token for the account `user_id` and returns it; it cannot
// be shown again, as only its digest is stored. `label` says what it is for.
std::string create_api_token(store::Store& store, int64_t user_id, const std::string& label);

// The account the API token `token` belongs to, if any.
std::optional<store::User> user_for_api_token(store::Store& store, const std::string& token);

// `iso` plus `seconds` (which may be negative), in the same form. Throws
// std::invalid_argument unless `iso` is exactly "YYYY-MM-DDTHH:MM:SSZ" naming a
// real date and time, and std::out_of_range when the result falls outside the
// years 0001-9999.
std::string add_seconds(const std::string& iso, int64_t seconds);

// Whether the time `a` is before the time `b`, both in the form above.
// Throws std::invalid_argument like add_seconds.
bool is_before(const std::string& a, const std::string& b);

// A valid argon2id hash, with the parameters hash_password uses, of a random
// password nobody knows: what an unknown name's password is checked against.
inline constexpr char kDummyPasswordHash[] =
    "$argon2id$v=19$m=65536,t=2,p=1$g7Yl5LYhm4MI1b3TNWe+nQ$SBaXR75gAMBFBrgKzAO5L4Wm6wJ7VsK27E9pAJYuYlw";

}  // namespace plenary::auth
