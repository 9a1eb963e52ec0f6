#include "auth/permissions.h"

#include <algorithm>

namespace plenary::auth {

namespace {

// Bodies are compared exactly: "CTOC/COP/WG.7" does not serve "CTOC/COP".
bool serves(const store::User& user, const std::string& body) {
  return !body.empty() && std::find(user.bodies.begin(), user.bodies.end(), body) != user.bodies.end();
}

}  // namespace

bool may_read_drafts(const store::User& user, const std::string& body) {
  return user.role == store::Role::admin || serves(user, body);
}

bool may_edit(const store::User& user, const std::string& body) {
  return user.role == store::Role::admin || (user.role == store::Role::editor && serves(user, body));
}

bool may_object(const store::User& user, const std::string& body) {
  return user.role == store::Role::bureau && serves(user, body);
}

bool may_manage_users(const store::User& user) { return user.role == store::Role::admin; }

}  // namespace plenary::auth
