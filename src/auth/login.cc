#include "auth/login.h"

#include <cstdio>
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
  if (policy.max_failures < 1) throw std::invalid_argument("the login policy needs max_failures of at least 1");
  if (policy.lock_seconds < 0) throw std::invalid_argument("the login policy's lock_seconds is negative");
  if (policy.session_seconds < 1) throw std::invalid_argument("the login policy needs session_seconds of at least 1");
}

// Whether the account is locked at `now`. A lock that cannot be read counts
// as a lock: failing closed costs an administrator a password reset, failing
// open would let guessing go on.
bool locked_at(const store::User& user, const std::string& now) {
  if (user.locked_until.empty()) return false;
  try {
    return is_before(now, user.locked_until);
  } catch (const std::invalid_argument&) {
    return true;
  }
}

}  // namespace

std::string add_seconds(const std::string& iso, int64_t seconds) {
  int64_t sum = 0;
  if (__builtin_add_overflow(parse_utc(iso), seconds, &sum))
    throw std::out_of_range("the time falls outside the years 0001-9999");
  return format_utc(sum);
}

bool is_before(const std::string& a, const std::string& b) { return parse_utc(a) < parse_utc(b); }

LoginResult log_in(store::Store& store, const std::string& name, std::string_view password, const std::string& now,
                   const LoginPolicy& policy) {
  check_policy(policy);
  const std::string lock_until = add_seconds(now, policy.lock_seconds);  // also checks `now`
  const std::string expires_at = add_seconds(now, policy.session_seconds);

  LoginResult result;
  result.outcome = LoginResult::Outcome::bad_credentials;
  std::optional<store::User> user = store.user(name);
  if (!user) {
    // Spend the time a real check takes, so that timing does not tell which
    // names exist.
    (void)verify_password(kDummyPasswordHash, password);
    return result;
  }
  if (locked_at(*user, now)) {
    result.outcome = LoginResult::Outcome::locked;
    result.locked_until = user->locked_until;
    return result;
  }
  if (!verify_password(user->password_hash, password)) {
    const int64_t failures = store.record_failed_login(name, policy.max_failures, lock_until);
    if (failures >= policy.max_failures) {
      // Report the lock the store actually holds, whatever its counting.
      user = store.user(name);
      if (user && locked_at(*user, now)) {
        result.outcome = LoginResult::Outcome::locked;
        result.locked_until = user->locked_until;
      }
    }
    return result;
  }

  store.record_successful_login(name);
  user->failed_logins = 0;
  user->locked_until.clear();
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
