#include "workflow/history.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "format/meeting_toml.h"
#include "workflow/test_support.h"

namespace plenary::workflow {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using testing::annotation;
using testing::title;
using testing::title_of;
using History = testing::WorkflowTest;

std::string json_of(const Meeting& meeting) { return meeting_to_json(meeting); }

TEST_F(History, ListsEveryVersionWithWhoWhenWhatAndWhetherItWasPublished) {
  const store::MeetingRecord created = stored_example();
  at("2022-03-02T10:00:00Z");
  save_change(*store_, ana(), created, 1, "edit-item", title("2", "en", "A new title"));
  publish(*store_, ana(), record(created.id), 2, {});
  save_change(*store_, ben(), record(created.id), 3, "edit-item", [](const Meeting& meeting) {
    return edit::set_annotation(edit::set_item_title(meeting, "3", "fr", "Nouveau"), "3", "en", "New.");
  });
  publish(*store_, ana(), record(created.id), 4, {});

  const std::vector<VersionEntry> list = versions(*store_, created.id);
  ASSERT_EQ(list.size(), 5u);
  EXPECT_EQ(list[0].version, 1);
  EXPECT_EQ(list[0].action, "create");
  EXPECT_EQ(list[0].summary, "created");
  EXPECT_FALSE(list[0].published);
  EXPECT_EQ(list[1].who, "ana");
  EXPECT_EQ(list[1].at, "2022-03-02T10:00:00Z");
  EXPECT_EQ(list[1].summary, "item 2: title (en) changed");
  EXPECT_TRUE(list[2].published);
  EXPECT_EQ(list[2].summary, "published for the first time");
  EXPECT_EQ(list[3].who, "ben");
  EXPECT_EQ(list[3].summary, "item 3: title (fr) changed (and 1 other change)");
  EXPECT_EQ(list[3].changes.size(), 2u);
  // A publication says what changed since the previous one.
  EXPECT_TRUE(list[4].published);
  EXPECT_EQ(list[4].summary, "published: item 3: title (fr) changed (and 1 other change)");
}

TEST_F(History, TheMeetingAtAnyVersion) {
  const store::MeetingRecord created = stored_example();
  const std::string original = title_of(meeting(created.id), "2", "en");
  save_change(*store_, ana(), created, 1, "edit-item", title("2", "en", "Second"));
  publish(*store_, ana(), record(created.id), 2, {});
  save_change(*store_, ana(), record(created.id), 3, "edit-item", title("2", "en", "Third"));

  EXPECT_EQ(title_of(version_at(*store_, created.id, 1).meeting, "2", "en"), original);
  EXPECT_EQ(title_of(version_at(*store_, created.id, 2).meeting, "2", "en"), "Second");
  const Version published = version_at(*store_, created.id, 3);
  EXPECT_TRUE(published.entry.published);
  EXPECT_EQ(title_of(published.meeting, "2", "en"), "Second");
  EXPECT_EQ(title_of(version_at(*store_, created.id, 4).meeting, "2", "en"), "Third");
  for (int64_t unknown : {0, 5, -1}) {
    try {
      version_at(*store_, created.id, unknown);
      FAIL() << "version " << unknown;
    } catch (const Refused& refused) {
      EXPECT_EQ(refused.why(), Refusal::not_found);
      EXPECT_EQ(refused.field(), "version");
    }
  }
  try {
    versions(*store_, 99);
    FAIL();
  } catch (const Refused& refused) {
    EXPECT_EQ(refused.why(), Refusal::not_found);
  }
}

TEST_F(History, TwoVersionsComparedPerItemAndLanguage) {
  const store::MeetingRecord created = stored_example();
  const Meeting first = meeting(created.id);
  save_change(*store_, ana(), created, 1, "edit-item", title("2", "fr", "Nouveau titre"));
  save_change(*store_, ana(), record(created.id), 2, "edit-item", annotation("1 (b)", "ar", "نص جديد."));

  const Comparison comparison = compare_versions(*store_, created.id, 1, 3, english_);
  EXPECT_EQ(comparison.from, 1);
  EXPECT_EQ(comparison.to, 3);
  EXPECT_THAT(comparison.changes, Contains("item 2: title (fr) changed"));
  // In the order of the meeting file: item 1 (b) before item 2.
  ASSERT_EQ(comparison.differences.size(), 2u);
  const Difference& annotation_change = comparison.differences[0];
  EXPECT_EQ(annotation_change.field, "items[0].subitems[1].annotation.ar");
  EXPECT_EQ(annotation_change.label, "item 1 (b), annotation (Arabic)");
  EXPECT_EQ(annotation_change.to, "نص جديد.");
  const Difference& title_change = comparison.differences[1];
  EXPECT_EQ(title_change.field, "items[1].title.fr");
  EXPECT_EQ(title_change.label, "item 2, title (French)");
  EXPECT_EQ(title_change.language, "fr");
  EXPECT_EQ(title_change.from, title_of(first, "2", "fr"));
  EXPECT_EQ(title_change.to, "Nouveau titre");

  // Either way round, and a version against itself.
  const Comparison back = compare_versions(*store_, created.id, 3, 1, english_);
  ASSERT_EQ(back.differences.size(), 2u);
  EXPECT_EQ(back.differences[1].from, "Nouveau titre");
  EXPECT_TRUE(compare_versions(*store_, created.id, 2, 2, english_).differences.empty());
  EXPECT_THROW(compare_versions(*store_, created.id, 1, 9, english_), Refused);
}

TEST_F(History, ARestoreSavesTheOldVersionAsTheNextOne) {
  const store::MeetingRecord created = stored_example();
  const Meeting first = meeting(created.id);
  save_change(*store_, ana(), created, 1, "edit-item", title("2", "en", "Changed"));
  save_change(*store_, ana(), record(created.id), 2, "remove-item",
              [](const Meeting& meeting) { return edit::remove_item(meeting, "3"); });

  const Restored restored = restore(*store_, ana(), record(created.id), 3, 1);
  EXPECT_EQ(restored.saved.record.version, 4);
  EXPECT_EQ(json_of(meeting(created.id)), json_of(first));
  EXPECT_THAT(restored.changes, Contains("item 2: title (en) changed"));
  EXPECT_EQ(store_->audit(created.id).back().action, "restore");
  EXPECT_EQ(versions(*store_, created.id).back().action, "restore");
}

TEST_F(History, ARestoreFromAnOlderVersionKeepsWhatOthersSavedSince) {
  const store::MeetingRecord created = stored_example();
  const std::string original = title_of(meeting(created.id), "2", "en");
  save_change(*store_, ana(), created, 1, "edit-item", title("2", "en", "Ana's"));
  // Ben changes the meeting's city; Ana, still at version 2, restores version 1.
  save_change(*store_, ben(), record(created.id), 2, "edit-meeting",
              [](const Meeting& meeting) { return edit::set_meeting_city(meeting, "fr", "Vienne (Autriche)"); });
  const Restored restored = restore(*store_, ana(), record(created.id), 2, 1);
  EXPECT_TRUE(restored.saved.merged);
  const Meeting now = meeting(created.id);
  EXPECT_EQ(title_of(now, "2", "en"), original);
  EXPECT_EQ(*text_in(now.city, "fr"), "Vienne (Autriche)");
}

TEST_F(History, ARestoreFromAnOlderVersionNeverUndoesAnotherEditorsItems) {
  // A restore may add, remove or move items, so items are not merged one by
  // one across it: an edit to any item since is a conflict, and nothing is lost.
  const store::MeetingRecord created = stored_example();
  save_change(*store_, ana(), created, 1, "edit-item", title("2", "en", "Ana's"));
  save_change(*store_, ben(), record(created.id), 2, "edit-item", title("3", "fr", "Celui de Ben"));
  EXPECT_THROW(restore(*store_, ana(), record(created.id), 2, 1), Stale);
  EXPECT_EQ(title_of(meeting(created.id), "3", "fr"), "Celui de Ben");
  // From the current version it goes through.
  restore(*store_, ana(), record(created.id), 3, 1);
  EXPECT_EQ(json_of(meeting(created.id)), json_of(version_at(*store_, created.id, 1).meeting));
}

TEST_F(History, NothingIsSavedWhenTheMeetingIsAlreadyAsItWas) {
  const store::MeetingRecord created = stored_example();
  save_change(*store_, ana(), created, 1, "edit-item", title("2", "en", "Changed"));
  const Restored restored = restore(*store_, ana(), record(created.id), 2, 2);
  EXPECT_TRUE(restored.changes.empty());
  EXPECT_EQ(restored.saved.record.version, 2);
  EXPECT_EQ(record(created.id).version, 2);
}

TEST_F(History, ARestoreIsRefusedWhileAProcedureHoldsWhatItChanges) {
  const store::MeetingRecord created = stored_example();
  save_change(*store_, ana(), created, 1, "edit-item", title("4", "en", "Proposed title"));
  ProcedureRequest request;
  request.subject = store::ProcedureSubject::topics;
  request.description = "the topics";
  request.deadline = "2022-03-10T12:00:00Z";
  for (const std::string& language : testing::example().languages) request.approved[language] = "the topics";
  submit_procedure(*store_, ana(), record(created.id), 2, request);
  try {
    restore(*store_, ana(), record(created.id), 2, 1);
    FAIL() << "the restore changed what the Bureau is considering";
  } catch (const HeldByProcedure& held) {
    EXPECT_EQ(held.field(), "items[3].title.en");
  }
  EXPECT_EQ(record(created.id).version, 2);
}

TEST_F(History, OnlyEditorsOfTheBodyRestoreAndImport) {
  const store::MeetingRecord created = stored_example();
  const Actor chair{bureau_, "2022-03-01T09:00:00Z"};
  try {
    restore(*store_, chair, created, 1, 1);
    FAIL();
  } catch (const Refused& refused) {
    EXPECT_EQ(refused.why(), Refusal::not_allowed);
  }
  try {
    import_meeting_file(*store_, chair, created, 1, meeting_to_toml(meeting(created.id)));
    FAIL();
  } catch (const Refused& refused) {
    EXPECT_EQ(refused.why(), Refusal::not_allowed);
  }
}

TEST_F(History, TheFileOfAVersionImportedIsTheNextVersion) {
  const store::MeetingRecord created = stored_example();
  const Meeting first = meeting(created.id);
  save_change(*store_, ana(), created, 1, "edit-item", title("2", "en", "Changed"));
  // The file of version 1, edited by hand, and imported on version 2.
  std::string file = meeting_to_toml(version_at(*store_, created.id, 1).meeting);
  const std::string city = "city.en = \"Vienna\"";
  ASSERT_NE(file.find(city), std::string::npos);
  file.replace(file.find(city), city.size(), "city.en = \"Vienna (Austria)\"");
  const Imported imported = import_meeting_file(*store_, ana(), record(created.id), 2, file);
  EXPECT_EQ(imported.saved.record.version, 3);
  EXPECT_THAT(imported.changes, Contains("meeting: city (en) changed"));
  EXPECT_THAT(imported.changes, Contains("item 2: title (en) changed"));
  Meeting expected = first;
  expected.city["en"] = "Vienna (Austria)";
  EXPECT_EQ(json_of(meeting(created.id)), json_of(expected));
  EXPECT_EQ(store_->audit(created.id).back().action, "import");
}

TEST_F(History, AFileWithErrorsNamesEachByLineAndColumn) {
  const store::MeetingRecord created = stored_example();
  std::string file = meeting_to_toml(meeting(created.id));
  const size_t kind = file.find("kind = \"substantive\"");
  ASSERT_NE(kind, std::string::npos);
  file.replace(kind, 4, "knd");
  const int line = 1 + static_cast<int>(std::count(file.begin(), file.begin() + static_cast<long>(kind), '\n'));
  try {
    import_meeting_file(*store_, ana(), created, 1, file);
    FAIL() << "imported a file with errors";
  } catch (const InvalidFile& invalid) {
    EXPECT_EQ(invalid.why(), Refusal::unprocessable);
    ASSERT_FALSE(invalid.errors.empty());
    EXPECT_EQ(invalid.errors[0].position.line, line);
    EXPECT_EQ(invalid.errors[0].position.column, 1);
    EXPECT_THAT(invalid.what(), HasSubstr(fmt::format("line {}, column 1: unknown key 'knd'", line)));
    ASSERT_FALSE(invalid.findings().empty());
    EXPECT_THAT(invalid.findings()[0].message, HasSubstr(fmt::format("line {}, column 1", line)));
  }
  // Not TOML at all: where it stops being TOML.
  try {
    import_meeting_file(*store_, ana(), created, 1, "format_version = 1\n[body\n");
    FAIL();
  } catch (const InvalidFile& invalid) {
    ASSERT_EQ(invalid.errors.size(), 1u);
    EXPECT_EQ(invalid.errors[0].position.line, 2);
  }
  EXPECT_EQ(record(created.id).version, 1);
}

TEST_F(History, AFileOfAnotherBodyIsRefused) {
  const store::MeetingRecord created = stored_example();
  std::string file = meeting_to_toml(meeting(created.id));
  const std::string body = "short_name = \"CTOC/COP/WG.7\"";
  file.replace(file.find(body), body.size(), "short_name = \"CTOC/COP/WG.4\"");
  try {
    import_meeting_file(*store_, ana(), created, 1, file);
    FAIL();
  } catch (const Refused& refused) {
    EXPECT_EQ(refused.why(), Refusal::unprocessable);
    EXPECT_EQ(refused.field(), "body.short_name");
  }
}

}  // namespace
}  // namespace plenary::workflow
