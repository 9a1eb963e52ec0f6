#include "auth/permissions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace plenary::auth {
namespace {

store::User user(store::Role role, std::vector<std::string> bodies) {
  store::User u;
  u.name = "someone";
  u.role = role;
  u.bodies = std::move(bodies);
  return u;
}

constexpr char kBody[] = "CTOC/COP/WG.7";
constexpr char kOther[] = "E/CN.15";

TEST(Permissions, AdminDoesEverythingButObject) {
  const store::User admin = user(store::Role::admin, {});
  for (const char* body : {kBody, kOther}) {
    EXPECT_TRUE(may_read_drafts(admin, body));
    EXPECT_TRUE(may_edit(admin, body));
    EXPECT_FALSE(may_object(admin, body));
  }
  EXPECT_TRUE(may_manage_users(admin));
}

TEST(Permissions, EditorEditsItsBodiesOnly) {
  const store::User editor = user(store::Role::editor, {kBody, "A/C.3"});
  EXPECT_TRUE(may_read_drafts(editor, kBody));
  EXPECT_TRUE(may_edit(editor, kBody));
  EXPECT_TRUE(may_edit(editor, "A/C.3"));
  EXPECT_FALSE(may_object(editor, kBody));
  EXPECT_FALSE(may_read_drafts(editor, kOther));
  EXPECT_FALSE(may_edit(editor, kOther));
  EXPECT_FALSE(may_manage_users(editor));
}

TEST(Permissions, BureauReadsAndObjectsInItsBodiesOnly) {
  const store::User bureau = user(store::Role::bureau, {kBody});
  EXPECT_TRUE(may_read_drafts(bureau, kBody));
  EXPECT_TRUE(may_object(bureau, kBody));
  EXPECT_FALSE(may_edit(bureau, kBody));
  EXPECT_FALSE(may_read_drafts(bureau, kOther));
  EXPECT_FALSE(may_object(bureau, kOther));
  EXPECT_FALSE(may_manage_users(bureau));
}

TEST(Permissions, BodiesMatchExactly) {
  const store::User editor = user(store::Role::editor, {kBody});
  for (const std::string& near : {std::string("CTOC/COP"), std::string("CTOC/COP/WG.7/"), std::string("ctoc/cop/wg.7"),
                                  std::string("CTOC/COP/WG.7 "), std::string(""), std::string("CTOC/COP/WG.7\0", 14)}) {
    EXPECT_FALSE(may_edit(editor, near)) << near;
    EXPECT_FALSE(may_read_drafts(editor, near)) << near;
  }
  // An account without bodies serves none, even the empty one.
  const store::User nobody = user(store::Role::bureau, {});
  EXPECT_FALSE(may_object(nobody, ""));
  EXPECT_FALSE(may_read_drafts(nobody, kBody));
  const store::User empty_body = user(store::Role::editor, {""});
  EXPECT_FALSE(may_edit(empty_body, ""));
}

}  // namespace
}  // namespace plenary::auth
