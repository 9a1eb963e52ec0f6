// Logging in: the throttle that slows password guessing, sessions and API
// tokens, on top of the store's accounts (store/store.h).
//
// Times are ISO 8601 UTC text to the second, "2024-05-01T09:30:00Z", the form
// store::utc_now() writes, and are passed in so that tests are deterministic.
//
// The throttle. Failed logins are counted by the name typed, folded so that
// "ED" and "ed" count together, whether or not an account has that name; and
// by the client's address (throttle_address). Failures of a name from an
// address are forgotten policy.forget_seconds after the last of them. An
// attempt is refused, with its password left unchecked, when
//   1. this address has failed max_failures times on this name: it may guess
//      no more at this name, while every other address still may log in;
//   2. this address has failed max_address_failures times, on any names: it
//      may guess no more at all (one password tried on many names);
//   3. this name has failed max_account_failures times, from any addresses,
//      and this address is among them: guessing from many addresses gets one
//      failure per address, while an address that has not failed (the real
//      user at her desk) still logs in with the right password.
// A refusal lasts until the failures it rests on are forgotten. So nobody
// can lock a user out from elsewhere, and an unknown name is counted and
// refused exactly like a real one: the status, the message and the time
// taken (an unknown name is checked against a dummy hash) do not tell which
// names exist. The right password forgets the failures of its name from its
// address. Each attempt is counted before its password is checked, and
// cleared if the password is right, so that parallel guesses stay within the
// limits.
//
// The counts are in the store, not in memory: every server process sharing
// the database counts the same failures, and a restart forgets none.
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
  int64_t max_failures = 5;            // rule 1: one name from one address
  int64_t max_address_failures = 20;   // rule 2: any names from one address
  int64_t max_account_failures = 20;   // rule 3: one name from any addresses
  int64_t forget_seconds = 15 * 60;    // failures are forgotten this long after the last one
  int64_t session_seconds = 8 * 3600;  // a working day; then log in again
};

struct LoginAttempt {
  std::string name;           // as typed
  std::string_view password;
  std::string address;        // the client's IP address, as the connection gives it
};

struct LoginResult {
  enum class Outcome { ok, bad_credentials, throttled };
  Outcome outcome = Outcome::bad_credentials;
  std::optional<store::User> user;  // ok: the account
  store::Session session;           // ok: the session as stored (its digest, its CSRF token)
  std::string session_token;        // ok: the cookie's value; stored nowhere
  std::string retry_after;          // throttled: when this address may try this name again
};

// Logs `attempt` in at `now`, under the throttle above.
//   - An unknown name and a wrong password both give bad_credentials, or
//     throttled when this failure reaches a limit.
//   - A refused attempt gives throttled, without checking the password, so
//     guesses made meanwhile tell nothing.
//   - The right password opens a session of policy.session_seconds with a
//     fresh CSRF token.
// Throws std::invalid_argument for a malformed `now` or a policy with a
// limit below 1, forget_seconds < 0 or session_seconds < 1; store errors
// pass through.
LoginResult log_in(store::Store& store, const LoginAttempt& attempt, const std::string& now,
                   const LoginPolicy& policy);

// Forgets the failed logins of `name` from every address: an
// administrator's help to a user refused at her own desk.
void forget_login_failures(store::Store& store, const std::string& name);

// The address the throttle counts by: an IPv4 address as it is; an IPv6
// address by its /64 network ("2001:db8:1:2::/64"), as one client usually
// holds a whole /64 and could otherwise change address at every guess; an
// IPv4-mapped IPv6 address as its IPv4 one; "unknown" for an empty address,
// and a digest of anything else.
std::string throttle_address(const std::string& address);

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
