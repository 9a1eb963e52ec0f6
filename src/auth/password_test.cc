#include "auth/password.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

namespace plenary::auth {
namespace {

using namespace std::string_literals;

// Each hash or verification costs 64 MiB and tens of milliseconds (more
// under ASan), so the tests below hash sparingly.

TEST(Password, HashIsArgon2idAtTheInteractiveCost) {
  const std::string hash = hash_password("correct horse battery staple");
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0u) << hash;
  ASSERT_GE(sodium_init(), 0);
  EXPECT_EQ(crypto_pwhash_str_needs_rehash(hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                           crypto_pwhash_MEMLIMIT_INTERACTIVE),
            0);
  EXPECT_TRUE(verify_password(hash, "correct horse battery staple"));
  EXPECT_FALSE(verify_password(hash, "correct horse battery stapl"));
  EXPECT_FALSE(verify_password(hash, "Correct horse battery staple"));
  EXPECT_FALSE(verify_password(hash, ""));
  // A fresh salt each time: the same password never hashes alike.
  EXPECT_NE(hash_password("correct horse battery staple"), hash);
}

TEST(Password, BytesAreHashedAsGivenEvenEmptyHugeOrNotUtf8) {
  // hash_password does not judge the password (password_problem does), and
  // a NUL does not end it.
  const std::string empty = hash_password("");
  EXPECT_TRUE(verify_password(empty, ""));
  EXPECT_FALSE(verify_password(empty, "\0"s));

  const std::string with_nul = "before\0after"s;
  const std::string binary = "\xff\xfe\x80 latin-1 caf\xe9"s + with_nul;
  const std::string binary_hash = hash_password(binary);
  EXPECT_TRUE(verify_password(binary_hash, binary));
  EXPECT_FALSE(verify_password(binary_hash, "\xff\xfe\x80 latin-1 caf\xe9" "before"));  // cut at the NUL

  const std::string huge(1 << 20, 'x');
  const std::string huge_hash = hash_password(huge);
  EXPECT_TRUE(verify_password(huge_hash, huge));
  EXPECT_FALSE(verify_password(huge_hash, huge.substr(1)));
}

TEST(Password, MalformedHashesAreFalseNotErrors) {
  const std::string good = "$argon2id$v=19$m=65536,t=2,p=1$g7Yl5LYhm4MI1b3TNWe+nQ$SBaXR75gAMBFBrgKzAO5L4Wm6wJ7VsK27E9pAJYuYlw";
  for (const std::string& hash : {""s, "password"s, "$argon2id$"s, "$argon2id$v=19$m=65536,t=2,p=1$"s,
                                  good.substr(0, good.size() - 10), good.substr(0, 40) + '\0' + good.substr(40),
                                  "$argon2id$v=19$m=abc,t=2,p=1$g7Yl5LYhm4MI1b3TNWe+nQ$SBaXR75gAMBFBrgKzAO5L4Wm6wJ7VsK27E9pAJYuYlw"s,
                                  "$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234"s,  // bcrypt
                                  "\xff\xfe$argon2id$"s, good + std::string(200, 'A'), std::string(1 << 20, '$')}) {
    EXPECT_NO_THROW(EXPECT_FALSE(verify_password(hash, "anything at all"))) << hash.substr(0, 60);
  }
}

TEST(PasswordProblem, AcceptsTwelveCharactersCountedAsCodePoints) {
  EXPECT_EQ(password_problem("twelve chars"), std::nullopt);
  EXPECT_EQ(password_problem(std::string(1024, 'a')), std::nullopt);
  // Twelve Chinese characters are 36 bytes; eleven are still too short.
  const std::string han = "\xe4\xbc\x9a";  // 会
  std::string twelve_han;
  for (int i = 0; i < 12; ++i) twelve_han += han;
  EXPECT_EQ(password_problem(twelve_han), std::nullopt);
  EXPECT_EQ(password_problem(twelve_han.substr(3)), "shorter than 12 characters");
  // Four-byte characters count once each.
  std::string emoji;
  for (int i = 0; i < 11; ++i) emoji += "\xf0\x9f\x97\x9d";  // U+1F5DD
  EXPECT_EQ(password_problem(emoji), "shorter than 12 characters");
  EXPECT_EQ(password_problem(emoji + "\xc3\xa9"), std::nullopt);  // é makes twelve
}

TEST(PasswordProblem, RefusesShortLongNulAndBrokenUtf8) {
  EXPECT_EQ(password_problem(""), "shorter than 12 characters");
  EXPECT_EQ(password_problem("eleven char"), "shorter than 12 characters");
  EXPECT_EQ(password_problem(std::string(1025, 'a')), "longer than 1024 bytes");
  EXPECT_EQ(password_problem(std::string(1 << 24, 'a')), "longer than 1024 bytes");
  EXPECT_EQ(password_problem("twelve chars\0and more"s), "contains a NUL byte");
  const std::string padding = "long enough padding ";
  for (const std::string& broken : {"\xff"s, "\x80"s, "\xc0\xaf"s, "\xc1\xbf"s, "\xe0\x80\xaf"s, "\xed\xa0\x80"s,
                                    "\xf0\x80\x80\xaf"s, "\xf4\x90\x80\x80"s, "\xf5\x80\x80\x80"s, "\xe4\xbc"s,
                                    "\xc3"s, "\xc3\x28"s}) {
    EXPECT_EQ(password_problem(padding + broken), "not valid UTF-8") << testing::PrintToString(broken);
    EXPECT_EQ(password_problem(broken + padding), "not valid UTF-8") << testing::PrintToString(broken);
  }
}

}  // namespace
}  // namespace plenary::auth
