// Internal to src/auth: libsodium must be initialized before its random
// numbers and hashes are used. sodium_init() is idempotent and thread-safe, so
// each entry point calls it rather than keeping a flag of our own.
#pragma once

#include <sodium.h>

#include <stdexcept>

namespace plenary::auth {

inline void require_sodium() {
  // 0: initialized now; 1: already initialized; -1: failed (no entropy source).
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialized");
}

}  // namespace plenary::auth
