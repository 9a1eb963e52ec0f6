#include "auth/form_tokens.h"

#include <gtest/gtest.h>

#include <string>

#include "auth/tokens.h"

namespace plenary::auth {
namespace {

using namespace std::string_literals;

constexpr char kNow[] = "2024-05-01T09:00:00Z";

TEST(FormTokens, ATokenIsValidUntilItExpires) {
  const FormTokens tokens;
  const std::string token = tokens.issue(kNow, 3600);
  EXPECT_TRUE(tokens.valid(token, kNow));
  EXPECT_TRUE(tokens.valid(token, "2024-05-01T09:59:59Z"));
  EXPECT_FALSE(tokens.valid(token, "2024-05-01T10:00:00Z"));
  EXPECT_FALSE(tokens.valid(token, "2025-01-01T00:00:00Z"));
  EXPECT_FALSE(tokens.valid(token, "not a time"));
  // Safe in a cookie and a form field; each one different.
  EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_NE(tokens.issue(kNow, 3600), token);
}

// The defect: a cookie and a field that merely matched were enough.
TEST(FormTokens, OnlyTokensThisKeySignedAreValid) {
  const FormTokens tokens;
  const std::string token = tokens.issue(kNow, 3600);
  EXPECT_FALSE(FormTokens().valid(token, kNow)) << "another server's key";
  for (const std::string& forged : {""s, "AAAA"s, random_token(), std::string(token.size(), 'A'), token + "A",
                                    token.substr(1), token.substr(0, token.size() - 1) + "\0"s})
    EXPECT_FALSE(tokens.valid(forged, kNow)) << forged;
  // Changing any character breaks the signature (or the encoding).
  for (size_t i = 0; i < token.size(); ++i) {
    std::string changed = token;
    changed[i] = changed[i] == 'B' ? 'C' : 'B';
    EXPECT_FALSE(tokens.valid(changed, kNow)) << "character " << i;
  }
}

}  // namespace
}  // namespace plenary::auth
