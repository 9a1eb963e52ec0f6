// What the web tests share: a scratch folder, the example meeting, and the
// accounts every authorization test calls with.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "auth/login.h"
#include "store/store.h"

#include "store/test_support.h"

namespace plenary::web::testing {

inline const std::string kExample = PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml";
inline const std::string kBody = "CTOC/COP/WG.7";
inline const std::string kOtherBody = "CTOC/COP/WG.4";

using store::TempFolder;

// An account that logs in only by API token (its password hash is the dummy
// one nobody knows, so no argon2id cost); returns the token.
inline std::string add_token_account(store::Store& store, const std::string& name, store::Role role,
                                     const std::vector<std::string>& bodies) {
  const store::User user = store.create_user(name, role, bodies, auth::kDummyPasswordHash);
  return auth::create_api_token(store, user.id, "tests");
}

// The callers of the authorization tests, as "Authorization" header values;
// the public sends none.
struct Callers {
  std::string admin, editor, other_editor, bureau;
};

inline Callers add_callers(store::Store& store) {
  Callers callers;
  callers.admin = "Bearer " + add_token_account(store, "admin", store::Role::admin, {});
  callers.editor = "Bearer " + add_token_account(store, "editor", store::Role::editor, {kBody});
  callers.other_editor =
      "Bearer " + add_token_account(store, "other-editor", store::Role::editor, {kOtherBody});
  callers.bureau = "Bearer " + add_token_account(store, "bureau", store::Role::bureau, {kBody});
  return callers;
}

}  // namespace plenary::web::testing
