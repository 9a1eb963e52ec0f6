// Who may do what, by role and body. The public has no account and reads
// only what is published; these rules are for accounts.
//
//                      admin   editor of B   Bureau member of B
//   read drafts of B   yes     yes           yes
//   edit B             yes     yes           no
//   object in B        no      no            yes
//   manage accounts    yes     no            no
//
// Only Bureau members break the silence: a silence procedure asks the
// Bureau's consent, so an objection from the secretariat or from an
// administrator would not be the Bureau speaking. An administrator who also
// sits on a Bureau needs a Bureau account for that.
#pragma once

#include <string>

#include "store/store.h"

namespace plenary::auth {

bool may_read_drafts(const store::User& user, const std::string& body);
bool may_edit(const store::User& user, const std::string& body);
bool may_object(const store::User& user, const std::string& body);
bool may_manage_users(const store::User& user);

}  // namespace plenary::auth
