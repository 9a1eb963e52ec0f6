#include "auth/password.h"

#include <sodium.h>

#include <stdexcept>

#include "auth/sodium_init.h"
#include "text/utf8.h"

namespace plenary::auth {

namespace {


}  // namespace

std::string hash_password(std::string_view password) {
  require_sodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("cannot hash the password: not enough memory for argon2id (64 MiB)");
  return hash;
}

bool verify_password(const std::string& hash, std::string_view password) {
  if (sodium_init() < 0) return false;
  // libsodium reads the hash up to its NUL, within crypto_pwhash_STRBYTES.
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES || hash.find('\0') != std::string::npos)
    return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::optional<std::string> password_problem(std::string_view password) {
  if (password.size() > kMaxPasswordBytes)
    return "longer than " + std::to_string(kMaxPasswordBytes) + " bytes";
  if (password.find('\0') != std::string_view::npos) return std::string("contains a NUL byte");
  const std::optional<size_t> characters = count_code_points(password);
  if (!characters) return std::string("not valid UTF-8");
  if (*characters < kMinPasswordCharacters)
    return "shorter than " + std::to_string(kMinPasswordCharacters) + " characters";
  return std::nullopt;
}

}  // namespace plenary::auth
