// What the workflow tests share: a real SQLite store in a temporary folder,
// a clock the test moves, an editor and a Bureau member of CTOC/COP/WG.7,
// and the example meeting stored.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "format/meeting_file.h"
#include "format/meeting_json.h"
#include "i18n/catalog.h"
#include "edit/edit.h"
#include "model/check.h"
#include "store/sqlite_store.h"
#include "store/test_support.h"
#include "workflow/meetings.h"
#include "workflow/procedures.h"

namespace plenary::workflow::testing {

inline Meeting example() {
  MeetingFile file = load_meeting_file(PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml");
  EXPECT_TRUE(file.meeting.has_value());
  return file.meeting.value_or(Meeting{});
}

class WorkflowTest : public ::testing::Test {
 protected:
  WorkflowTest()
      : clock_("2022-03-01T09:00:00Z"),
        store_(store::SqliteStore::open(folder_.file("plenary.sqlite"), clock_.clock())),
        editor_(store_->create_user("ana", store::Role::editor, {"CTOC/COP/WG.7"}, "hash")),
        other_editor_(store_->create_user("ben", store::Role::editor, {"CTOC/COP/WG.7"}, "hash")),
        bureau_(store_->create_user("chair", store::Role::bureau, {"CTOC/COP/WG.7"}, "hash")) {}

  Actor ana() { return Actor{editor_, clock_.clock()()}; }
  Actor ben() { return Actor{other_editor_, clock_.clock()()}; }
  void at(const std::string& time) { clock_.set(time); }

  store::MeetingRecord stored_example() { return create_meeting(*store_, ana(), example()); }
  store::MeetingRecord record(int64_t id) { return *store_->meeting(id); }
  Meeting meeting(int64_t id) { return working_meeting(record(id)); }

  CatalogFor catalogs() {
    return [this](const std::string&) -> const Catalog& { return english_; };
  }
  int conclude() { return conclude_due_procedures(*store_, clock_.clock()(), catalogs()); }

  store::TempFolder folder_;
  store::ManualClock clock_;
  std::unique_ptr<store::SqliteStore> store_;
  store::User editor_;
  store::User other_editor_;
  store::User bureau_;
  Catalog english_ = Catalog::load("en");
};

// A change that sets an item's title in one language.
inline Change title(const std::string& key, const std::string& language, const std::string& text) {
  return [=](const Meeting& meeting) { return edit::set_item_title(meeting, key, language, text); };
}

inline Change annotation(const std::string& key, const std::string& language, const std::string& markdown) {
  return [=](const Meeting& meeting) { return edit::set_annotation(meeting, key, language, markdown); };
}

inline std::string title_of(const Meeting& meeting, const std::string& key, const std::string& language) {
  const Item* item = find_item(meeting, key);
  const std::string* text = item ? text_in(item->title, language) : nullptr;
  return text ? *text : "";
}

}  // namespace plenary::workflow::testing
