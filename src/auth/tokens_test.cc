#include "auth/tokens.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <set>
#include <string>

namespace plenary::auth {
namespace {

using namespace std::string_literals;

TEST(RandomToken, Is43Base64UrlCharactersDecodingTo32Bytes) {
  const std::string token = random_token();
  ASSERT_EQ(token.size(), kTokenCharacters);
  for (char c : token)
    EXPECT_TRUE((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
        << token;
  ASSERT_GE(sodium_init(), 0);
  unsigned char bytes[64];
  size_t length = 0;
  ASSERT_EQ(sodium_base642bin(bytes, sizeof bytes, token.data(), token.size(), nullptr, &length, nullptr,
                              sodium_base64_VARIANT_URLSAFE_NO_PADDING),
            0);
  EXPECT_EQ(length, kTokenBytes);
}

TEST(RandomToken, NeverRepeats) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) seen.insert(random_token());
  EXPECT_EQ(seen.size(), 10000u);
}

TEST(TokenDigest, IsBlake2b256InLowercaseHex) {
  // Reference values from Python's hashlib.blake2b(digest_size=32).
  EXPECT_EQ(token_digest(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  EXPECT_EQ(token_digest("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

TEST(TokenDigest, IsStableAndTellsTokensApart) {
  const std::string token = random_token();
  const std::string digest = token_digest(token);
  ASSERT_EQ(digest.size(), 64u);
  EXPECT_EQ(digest.find_first_not_of("0123456789abcdef"), std::string::npos) << digest;
  EXPECT_EQ(token_digest(token), digest);
  EXPECT_EQ(token_digest(std::string(token)), digest);
  std::string changed = token;
  changed.back() = changed.back() == 'A' ? 'B' : 'A';
  EXPECT_NE(token_digest(changed), digest);
  // Every byte counts, NUL and invalid UTF-8 included.
  EXPECT_NE(token_digest("abc\0"s), token_digest("abc"));
  EXPECT_NE(token_digest("\xff\xfe"s), token_digest("\xff"s));
  EXPECT_EQ(token_digest(std::string(1 << 20, 'z')).size(), 64u);
}

TEST(SameSecret, ComparesEveryByteOfEqualSizes) {
  const std::string token = random_token();
  EXPECT_TRUE(same_secret(token, std::string(token)));
  std::string last = token, first = token;
  last.back() ^= 1;
  first.front() ^= 1;
  EXPECT_FALSE(same_secret(token, last));
  EXPECT_FALSE(same_secret(token, first));
  EXPECT_TRUE(same_secret("a\0b"s, "a\0b"s));
  EXPECT_FALSE(same_secret("a\0b"s, "a\0c"s));
}

TEST(SameSecret, DifferentSizesAndEmptyNeverMatch) {
  const std::string token = random_token();
  EXPECT_FALSE(same_secret(token, token.substr(0, token.size() - 1)));
  EXPECT_FALSE(same_secret(token, token + "x"));
  EXPECT_FALSE(same_secret(token, ""));
  EXPECT_FALSE(same_secret("", token));
  EXPECT_FALSE(same_secret("", ""));
}

}  // namespace
}  // namespace plenary::auth
