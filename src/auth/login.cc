#include "auth/login.h"

#include <arpa/inet.h>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <stdexcept>

#include "auth/password.h"
#include "auth/tokens.h"

namespace plenary::auth {

namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Seconds since 1970 for "YYYY-MM-DDTHH:MM:SSZ"; throws std::invalid_argument
// for anything else, including dates that do not exist.
int64_t parse_utc(const std::string& iso) {
  auto fail = [&](const char* why) {
    throw std::invalid_argument("'" + iso + "' is not an ISO 8601 UTC time like 2024-05-01T09:30:00Z: " + why);
  };
  static constexpr char kPattern[] = "dddd-dd-ddTdd:dd:ddZ";
  if (iso.size() != sizeof kPattern - 1) fail("wrong length");
  for (size_t i = 0; i < iso.size(); ++i) {
    const bool digit = iso[i] >= '0' && iso[i] <= '9';
    if (kPattern[i] == 'd' ? !digit : iso[i] != kPattern[i]) fail("wrong form");
  }
  auto number = [&](size_t at, size_t length) {
    int value = 0;
    for (size_t i = at; i < at + length; ++i) value = value * 10 + (iso[i] - '0');
    return value;
  };
  const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
  if (year < 1) fail("no year 0");
  if (month < 1 || month > 12) fail("no such month");
  if (day < 1 || day > days_in_month(year, month)) fail("no such day");
  if (hour > 23 || minute > 59 || second > 59) fail("no such time of day");
  std::tm fields{};
  fields.tm_year = year - 1900;
  fields.tm_mon = month - 1;
  fields.tm_mday = day;
  fields.tm_hour = hour;
  fields.tm_min = minute;
  fields.tm_sec = second;
  return static_cast<int64_t>(timegm(&fields));
}

// The inverse of parse_utc, for the years 0001-9999.
std::string format_utc(int64_t seconds) {
  const auto time = static_cast<std::time_t>(seconds);
  std::tm fields{};
  if (static_cast<int64_t>(time) != seconds || !gmtime_r(&time, &fields) || fields.tm_year + 1900 < 1 ||
      fields.tm_year + 1900 > 9999)
    throw std::out_of_range("the time falls outside the years 0001-9999");
  char text[80];  // room for any int in each field, as the compiler checks
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", fields.tm_year + 1900, fields.tm_mon + 1,
                fields.tm_mday, fields.tm_hour, fields.tm_min, fields.tm_sec);
  return text;
}

void check_policy(const LoginPolicy& policy) {
  if (policy.max_failures < 1 || policy.max_address_failures < 1 || policy.max_account_failures < 1)
    throw std::invalid_argument("the login policy's limits must each be at least 1");
  if (policy.forget_seconds < 0) throw std::invalid_argument("the login policy's forget_seconds is negative");
  if (policy.session_seconds < 1) throw std::invalid_argument("the login policy needs session_seconds of at least 1");
}

// The key the throttle counts a name by. A digest, so that a password typed
// into the name field is not kept as it was typed.
std::string throttle_account(const std::string& name) { return token_digest(store::fold_name(name)); }

// When a refusal resting on the failure at `last` ends. A time that cannot
// be read counts as a failure now: failing closed.
std::string forgotten_after(const std::string& last, const std::string& now, const LoginPolicy& policy) {
  try {
    return add_seconds(last, policy.forget_seconds);
  } catch (const std::invalid_argument&) {
    return add_seconds(now, policy.forget_seconds);
  }
}

// Until when the policy refuses an attempt with these failures on record,
// or nothing when it admits it (the rules of login.h).
std::optional<std::string> refused_until(const store::LoginFailures& failures, const std::string& now,
                                         const LoginPolicy& policy) {
  std::optional<std::string> until;
  auto refuse_until = [&](const std::string& last) {
    const std::string end = forgotten_after(last, now, policy);
    if (!until || is_before(*until, end)) until = end;
  };
  const bool failed_here = failures.of_account_from_address > 0;
  if (failures.of_account_from_address >= policy.max_failures ||
      (failed_here && failures.of_account >= policy.max_account_failures))
    refuse_until(failures.last_of_account_from_address);
  if (failures.from_address >= policy.max_address_failures) refuse_until(failures.last_from_address);
  return until;
}

// The failures once the attempt just counted has failed too.
store::LoginFailures with_one_more(store::LoginFailures failures, const std::string& now) {
  ++failures.of_account_from_address;
  ++failures.from_address;
  ++failures.of_account;
  failures.last_of_account_from_address = now;
  failures.last_from_address = now;
  return failures;
}

}  // namespace

std::string add_seconds(const std::string& iso, int64_t seconds) {
  int64_t sum = 0;
  if (__builtin_add_overflow(parse_utc(iso), seconds, &sum))
    throw std::out_of_range("the time falls outside the years 0001-9999");
  return format_utc(sum);
}

bool is_before(const std::string& a, const std::string& b) { return parse_utc(a) < parse_utc(b); }

std::string throttle_address(const std::string& address) {
  if (address.empty()) return "unknown";
  char text[INET6_ADDRSTRLEN];
  in_addr v4{};
  if (inet_pton(AF_INET, address.c_str(), &v4) == 1) return inet_ntop(AF_INET, &v4, text, sizeof text);
  in6_addr v6{};
  if (inet_pton(AF_INET6, address.c_str(), &v6) != 1) return token_digest(address);
  if (IN6_IS_ADDR_V4MAPPED(&v6)) {
    std::memcpy(&v4, v6.s6_addr + 12, sizeof v4);
    return inet_ntop(AF_INET, &v4, text, sizeof text);
  }
  std::memset(v6.s6_addr + 8, 0, 8);  // the network: the first 64 bits
  return std::string(inet_ntop(AF_INET6, &v6, text, sizeof text)) + "/64";
}

LoginResult log_in(store::Store& store, const LoginAttempt& attempt, const std::string& now,
                   const LoginPolicy& policy) {
  check_policy(policy);
  const std::string since = add_seconds(now, -policy.forget_seconds);  // also checks `now`
  const std::string expires_at = add_seconds(now, policy.session_seconds);
  const std::string account = throttle_account(attempt.name);
  const std::string address = throttle_address(attempt.address);

  LoginResult result;
  const store::LoginFailures failures = store.record_login_attempt(
      account, address, since, now,
      [&](const store::LoginFailures& recorded) { return !refused_until(recorded, now, policy); });
  if (const std::optional<std::string> until = refused_until(failures, now, policy)) {
    result.outcome = LoginResult::Outcome::throttled;
    result.retry_after = *until;
    return result;
  }
  // An unknown name is checked against a hash too, so that timing does not
  // tell which names exist.
  std::optional<store::User> user = store.user(attempt.name);
  if (!verify_password(user ? user->password_hash : kDummyPasswordHash, attempt.password) || !user) {
    // The failure is counted already; it may be the one that reaches a limit.
    const std::optional<std::string> until = refused_until(with_one_more(failures, now), now, policy);
    result.outcome = until ? LoginResult::Outcome::throttled : LoginResult::Outcome::bad_credentials;
    result.retry_after = until.value_or("");
    return result;
  }

  store.clear_login_failures(account, address);
  result.session_token = random_token();
  result.session.token_digest = token_digest(result.session_token);
  result.session.user_id = user->id;
  result.session.csrf_token = random_token();
  result.session.created_at = now;
  result.session.expires_at = expires_at;
  store.create_session(result.session);
  result.outcome = LoginResult::Outcome::ok;
  result.user = std::move(user);
  return result;
}

void forget_login_failures(store::Store& store, const std::string& name) {
  store.clear_login_failures(throttle_account(name), "");
}

std::optional<store::User> user_for_session(store::Store& store, const std::string& token, const std::string& now) {
  if (token.empty()) return std::nullopt;
  const std::optional<store::Session> session = store.session(token_digest(token), now);
  if (!session) return std::nullopt;
  return store.user_by_id(session->user_id);
}

void log_out(store::Store& store, const std::string& token) {
  if (!token.empty()) store.delete_session(token_digest(token));
}

std::string create_api_token(store::Store& store, int64_t user_id, const std::string& label) {
  std::string token = random_token();
  store.create_api_token(token_digest(token), user_id, label);
  return token;
}

std::optional<store::User> user_for_api_token(store::Store& store, const std::string& token) {
  if (token.empty()) return std::nullopt;
  return store.user_for_api_token(token_digest(token));
}

}  // namespace plenary::auth
