#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "store/migrations.h"
#include "store/sqlite_store.h"
#include "store/test_support.h"

namespace plenary::store {
namespace {

const char kDocument[] = R"({"meeting": {"symbol": "CTOC/COP/WG.7/2022/1"}, "items": []})";
const char kEdited[] = R"({"meeting": {"symbol": "CTOC/COP/WG.7/2022/1"}, "items": [{"title": {"en": "Opening"}}]})";

class StoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<SqliteStore> open() { return SqliteStore::open(path_, ticking_clock()); }

  TempFolder folder_;
  std::string path_ = folder_.file("plenary.db");
  std::unique_ptr<SqliteStore> store_ = open();
};

TEST_F(StoreTest, CreatesAndReadsBack) {
  MeetingRecord created = store_->create_meeting("CTOC/COP/WG.7", "CTOC/COP/WG.7/2022/1", kDocument, "ana");
  EXPECT_GT(created.id, 0);
  EXPECT_EQ(created.body, "CTOC/COP/WG.7");
  EXPECT_EQ(created.symbol, "CTOC/COP/WG.7/2022/1");
  EXPECT_EQ(created.document, kDocument);
  EXPECT_EQ(created.version, 1);
  EXPECT_FALSE(created.published);
  EXPECT_EQ(created.published_document, "");
  EXPECT_EQ(created.published_at, "");
  EXPECT_EQ(created.calendar_sequence, 0);
  EXPECT_EQ(created.created_at, "2024-05-01T09:00:01Z");  // :00 went to the migration
  EXPECT_EQ(created.updated_at, created.created_at);

  std::optional<MeetingRecord> read = store_->meeting(created.id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->document, kDocument);
  EXPECT_EQ(read->version, 1);
  EXPECT_EQ(read->symbol, created.symbol);
  EXPECT_FALSE(store_->meeting(created.id + 1));
}

TEST_F(StoreTest, UpdateBumpsTheVersion) {
  MeetingRecord created = store_->create_meeting("CTOC/COP/WG.7", "CTOC/COP/WG.7/2022/1", kDocument, "ana");
  MeetingRecord edited = store_->update_meeting(created.id, 1, kEdited, "ben", "edit");
  EXPECT_EQ(edited.version, 2);
  EXPECT_EQ(edited.document, kEdited);
  EXPECT_EQ(edited.created_at, created.created_at);
  EXPECT_GT(edited.updated_at, created.updated_at);
  MeetingRecord again = store_->update_meeting(created.id, 2, kDocument, "ana", "edit");
  EXPECT_EQ(again.version, 3);
  EXPECT_EQ(store_->meeting(created.id)->document, kDocument);
  EXPECT_EQ(store_->meeting(created.id)->version, 3);
}

TEST_F(StoreTest, StaleVersionConflictsAndCarriesTheCurrentRecord) {
  int64_t id = store_->create_meeting("CTOC/COP/WG.7", "CTOC/COP/WG.7/2022/1", kDocument, "ana").id;
  // Two editors read version 1; the first saves.
  store_->update_meeting(id, 1, kEdited, "ana", "edit");
  try {
    store_->update_meeting(id, 1, "the second editor's text", "ben", "edit");
    FAIL() << "a stale version was accepted";
  } catch (const VersionConflict& conflict) {
    EXPECT_EQ(conflict.current().id, id);
    EXPECT_EQ(conflict.current().version, 2);
    EXPECT_EQ(conflict.current().document, kEdited);
    EXPECT_STREQ(conflict.what(),
                 "meeting 1 (CTOC/COP/WG.7/2022/1) is at version 2, not 1: it changed since it was read");
  }
  // A version from the future is as wrong as one from the past.
  EXPECT_THROW(store_->update_meeting(id, 7, "text", "ben", "edit"), VersionConflict);
  // Nothing was written.
  EXPECT_EQ(store_->meeting(id)->document, kEdited);
  EXPECT_EQ(store_->meeting(id)->version, 2);
  EXPECT_EQ(store_->audit(id).size(), 2u);
}

TEST_F(StoreTest, ConflictsAcrossConnections) {
  std::unique_ptr<SqliteStore> other = open();
  int64_t id = store_->create_meeting("CTOC/COP/WG.7", "CTOC/COP/WG.7/2022/1", kDocument, "ana").id;
  ASSERT_TRUE(other->meeting(id));
  other->update_meeting(id, 1, kEdited, "ben", "edit");
  EXPECT_THROW(store_->update_meeting(id, 1, "mine", "ana", "edit"), VersionConflict);
  EXPECT_EQ(store_->meeting(id)->document, kEdited);
}

TEST_F(StoreTest, PublishCopiesTheDocumentBumpsTheSequenceAndRecordsTheNotices) {
  int64_t id = store_->create_meeting("CTOC/COP/WG.7", "CTOC/COP/WG.7/2022/1", kDocument, "ana").id;
  MeetingRecord first = store_->publish(id, 1, "bureau", {});
  EXPECT_TRUE(first.published);
  EXPECT_EQ(first.published_document, kDocument);
  EXPECT_EQ(first.published_at, first.updated_at);
  EXPECT_EQ(first.calendar_sequence, 1);
  EXPECT_EQ(first.version, 2);
  EXPECT_TRUE(store_->updates(id).empty());

  // Edits after publication leave the published text alone.
  MeetingRecord edited = store_->update_meeting(id, 2, kEdited, "ana", "edit");
  EXPECT_EQ(edited.published_document, kDocument);
  EXPECT_EQ(edited.published_at, first.published_at);
  EXPECT_EQ(edited.calendar_sequence, 1);

  MeetingRecord second = store_->publish(
      id, 3, "bureau",
      {{"2024-05-02", "en", "The opening was moved to 10 a.m."},
       {"2024-05-02", "fr", "L'ouverture a été reportée à 10 heures."}});
  EXPECT_EQ(second.published_document, kEdited);
  EXPECT_EQ(second.calendar_sequence, 2);
  EXPECT_EQ(second.version, 4);
  store_->update_meeting(id, 4, kDocument, "ana", "edit");
  MeetingRecord third = store_->publish(id, 5, "bureau", {{"2024-05-03", "en", "Item 3 was withdrawn."}});
  EXPECT_EQ(third.calendar_sequence, 3);

  std::vector<UpdateNotice> notices = store_->updates(id);
  ASSERT_EQ(notices.size(), 3u);
  EXPECT_EQ(notices[0].date, "2024-05-03");  // newest first
  EXPECT_EQ(notices[0].text, "Item 3 was withdrawn.");
  EXPECT_EQ(notices[0].version, 6);
  EXPECT_EQ(notices[1].date, "2024-05-02");
  EXPECT_EQ(notices[1].language, "fr");
  EXPECT_EQ(notices[1].text, "L'ouverture a été reportée à 10 heures.");
  EXPECT_EQ(notices[1].version, 4);
  EXPECT_EQ(notices[2].language, "en");
  for (const UpdateNotice& notice : notices) EXPECT_EQ(notice.meeting_id, id);
}

TEST_F(StoreTest, PublishingTwiceFromTheSameVersionPublishesOnce) {
  int64_t id = store_->create_meeting("CTOC/COP/WG.7", "CTOC/COP/WG.7/2022/1", kDocument, "ana").id;
  store_->publish(id, 1, "bureau", {{"2024-05-02", "en", "Published."}});
  EXPECT_THROW(store_->publish(id, 1, "bureau", {{"2024-05-02", "en", "Published."}}), VersionConflict);
  EXPECT_EQ(store_->meeting(id)->calendar_sequence, 1);
  EXPECT_EQ(store_->updates(id).size(), 1u);
}

TEST_F(StoreTest, AuditsEveryWriteWithBeforeAndAfter) {
  int64_t id = store_->create_meeting("CTOC/COP/WG.7", "CTOC/COP/WG.7/2022/1", kDocument, "ana").id;
  store_->update_meeting(id, 1, kEdited, "ben", "edit");
  store_->publish(id, 2, "bureau", {});
  store_->update_meeting(id, 3, kDocument, "ana", "revert");
  store_->publish(id, 4, "bureau", {});

  std::vector<AuditEntry> log = store_->audit(id);
  ASSERT_EQ(log.size(), 5u);
  struct Expected {
    const char* who;
    const char* action;
    std::string before;
    std::string after;
  };
  std::vector<Expected> expected = {
      {"ana", "create", "", kDocument},
      {"ben", "edit", kDocument, kEdited},
      {"bureau", "publish", "", kEdited},
      {"ana", "revert", kEdited, kDocument},
      {"bureau", "publish", kEdited, kDocument},
  };
  for (size_t i = 0; i < log.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(log[i].meeting_id, id);
    EXPECT_EQ(log[i].version, static_cast<int64_t>(i) + 1);
    EXPECT_EQ(log[i].who, expected[i].who);
    EXPECT_EQ(log[i].action, expected[i].action);
    EXPECT_EQ(log[i].before, expected[i].before);
    EXPECT_EQ(log[i].after, expected[i].after);
    if (i > 0) {
      EXPECT_GT(log[i].at, log[i - 1].at);
      EXPECT_GT(log[i].id, log[i - 1].id);
    }
  }
  EXPECT_EQ(log.back().at, store_->meeting(id)->updated_at);
  // Each meeting has its own log.
  int64_t other = store_->create_meeting("CTOC/COP/WG.7", "CTOC/COP/WG.7/2023/1", kDocument, "ana").id;
  EXPECT_EQ(store_->audit(other).size(), 1u);
  EXPECT_EQ(store_->audit(id).size(), 5u);
}

TEST_F(StoreTest, ListsMeetingsByBodyThenSymbolWithoutDocuments) {
  store_->create_meeting("CTOC/COP/WG.7", "CTOC/COP/WG.7/2023/1", kDocument, "ana");
  int64_t published = store_->create_meeting("CTOC/COP/WG.7", "CTOC/COP/WG.7/2022/1", kDocument, "ana").id;
  store_->create_meeting("CTOC/COP/WG.3", "CTOC/COP/WG.3/2022/1", kDocument, "ana");
  store_->publish(published, 1, "bureau", {});
  std::vector<MeetingSummary> list = store_->meetings();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].symbol, "CTOC/COP/WG.3/2022/1");
  EXPECT_EQ(list[1].symbol, "CTOC/COP/WG.7/2022/1");
  EXPECT_EQ(list[2].symbol, "CTOC/COP/WG.7/2023/1");
  EXPECT_TRUE(list[1].published);
  EXPECT_EQ(list[1].calendar_sequence, 1);
  EXPECT_EQ(list[1].version, 2);
  EXPECT_FALSE(list[0].published);
}

TEST_F(StoreTest, OpensInWalModeAndAppliesMigrationsOnce) {
  int64_t id = store_->create_meeting("CTOC/COP/WG.7", "CTOC/COP/WG.7/2022/1", kDocument, "ana").id;
  EXPECT_EQ(store_->schema_version(), migrations().back().version);
  store_.reset();
  store_ = open();
  std::unique_ptr<SqliteStore> third = open();
  EXPECT_EQ(third->meeting(id)->document, kDocument);

  RawDatabase raw(path_);
  std::vector<std::string> applied = raw.column("SELECT version FROM schema_migrations ORDER BY version");
  ASSERT_EQ(applied.size(), migrations().size());
  for (size_t i = 0; i < applied.size(); ++i) EXPECT_EQ(applied[i], std::to_string(migrations()[i].version));
  EXPECT_EQ(raw.column("SELECT applied_at FROM schema_migrations")[0], "2024-05-01T09:00:00Z");
  EXPECT_EQ(raw.column("PRAGMA journal_mode")[0], "wal");
}

TEST_F(StoreTest, RefusesASchemaNewerThanTheProgram) {
  store_.reset();
  RawDatabase(path_).execute(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 'x')");
  int64_t known = migrations().back().version;
  try {
    open();
    FAIL() << "a newer schema was opened";
  } catch (const StoreError& error) {
    EXPECT_EQ(std::string(error.what()),
              path_ + ": the database has schema version 999, newer than this program, which knows "
                      "versions up to " + std::to_string(known) + "; open it with a newer plenary");
  }
}

TEST_F(StoreTest, RefusesAFileThatIsNotADatabase) {
  std::string path = folder_.file("notes.txt");
  std::ofstream(path) << "These are minutes, not a database. They are long enough to have a header.\n";
  try {
    SqliteStore::open(path, ticking_clock());
    FAIL() << "a text file was opened";
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what()).find(path), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("not a database"), std::string::npos) << error.what();
  }
  EXPECT_THROW(SqliteStore::open(folder_.file("no/such/folder/x.db"), ticking_clock()), StoreError);
}

TEST_F(StoreTest, MigrationsAreNumberedAndPortable) {
  int64_t expected = 1;
  for (const Migration& migration : migrations()) {
    EXPECT_EQ(migration.version, expected++);
    std::string sql = migration.sql;
    // SQLite-only words PostgreSQL would refuse or read differently.
    for (const char* word : {"AUTOINCREMENT", "PRAGMA", "WITHOUT ROWID", "STRICT", "DATETIME", "BLOB",
                             "INSERT OR", "REPLACE INTO", "INTEGER PRIMARY KEY", "\""})
      EXPECT_EQ(sql.find(word), std::string::npos) << migration.name << " uses " << word;
  }
}

TEST_F(StoreTest, RefusesBadInputWithPreciseMessages) {
  auto create = [&](const std::string& body, const std::string& symbol, const std::string& document,
                    const std::string& who) {
    return invalid_input_message([&] { store_->create_meeting(body, symbol, document, who); });
  };
  EXPECT_EQ(create("CTOC/COP/WG.7", "", kDocument, "ana"), "symbol is empty");
  EXPECT_EQ(create("CTOC/COP/WG.7", " A/1", kDocument, "ana"), "symbol \" A/1\" has spaces around it");
  EXPECT_EQ(create("CTOC/COP/WG.7", "\t", kDocument, "ana"), "symbol \"\t\" has spaces around it");
  EXPECT_EQ(create("", "A/1", kDocument, "ana"), "body is empty");
  EXPECT_EQ(create("CTOC", "A/1", "", "ana"), "document is empty");
  EXPECT_EQ(create("CTOC", "A/1", kDocument, ""), "who is empty");
  EXPECT_EQ(create("CTOC", std::string(201, 'A'), kDocument, "ana"), "symbol is 201 bytes, over the limit of 200");
  EXPECT_EQ(create("CTOC", "A/1", std::string("{\"a\": \"\0\"}", 10), "ana"), "document holds a NUL byte at offset 7");
  EXPECT_EQ(create("CTOC", "A/\xC3", kDocument, "ana"), "symbol is not valid UTF-8 at offset 2");
  EXPECT_EQ(create("CTOC", "A/1", "{\"a\": \"\xED\xA0\x80\"}", "ana"), "document is not valid UTF-8 at offset 7");
  EXPECT_EQ(create("CTOC", "A/1", kDocument, "\xC0\xAF"), "who is not valid UTF-8 at offset 0");
  EXPECT_TRUE(store_->meetings().empty());

  int64_t id = store_->create_meeting("CTOC", "A/1", "{\"مرحبا\": \"你好\"}", "ana").id;
  try {
    store_->create_meeting("CTOC", "A/1", kDocument, "ben");
    FAIL() << "a second meeting took the same symbol";
  } catch (const AlreadyExists& error) {
    EXPECT_STREQ(error.what(), "meeting 1 already has symbol A/1");
  }

  auto update = [&](int64_t meeting, const std::string& document, const std::string& who,
                    const std::string& action) {
    return invalid_input_message([&] { store_->update_meeting(meeting, 1, document, who, action); });
  };
  EXPECT_EQ(update(id, "", "ana", "edit"), "document is empty");
  EXPECT_EQ(update(id, kDocument, "ana", ""), "action is empty");
  EXPECT_EQ(update(id, kDocument, "ana", "publish"), "action \"publish\" is reserved for create_meeting and publish");
  EXPECT_EQ(update(id, kDocument, "ana", "create"), "action \"create\" is reserved for create_meeting and publish");

  auto publish = [&](const std::vector<NoticeText>& notices) {
    return invalid_input_message([&] { store_->publish(id, 1, "bureau", notices); });
  };
  EXPECT_EQ(publish({{"2024-5-1", "en", "x"}}), "notice date \"2024-5-1\" is not a date like 2024-05-01");
  EXPECT_EQ(publish({{"2024-13-01", "en", "x"}}), "notice date \"2024-13-01\" is not a date like 2024-05-01");
  EXPECT_EQ(publish({{"2024-05-01", "EN", "x"}}), "notice language \"EN\" is not a lowercase ISO 639 code like \"en\"");
  EXPECT_EQ(publish({{"2024-05-01", "", "x"}}), "notice language \"\" is not a lowercase ISO 639 code like \"en\"");
  EXPECT_EQ(publish({{"2024-05-01", "en", ""}}), "notice text (en) is empty");
  EXPECT_EQ(publish({{"2024-05-01", "en", "a"}, {"2024-05-02", "en", "b"}}),
            "two notices in \"en\"; give at most one per language");
  EXPECT_EQ(publish({{"2024-05-01", "en", std::string(kMaxNoticeBytes + 1, 'x')}}),
            "notice text (en) is 16385 bytes, over the limit of 16384");
  EXPECT_EQ(store_->meeting(id)->version, 1);
  EXPECT_FALSE(store_->meeting(id)->published);
  EXPECT_EQ(store_->audit(id).size(), 1u);
}

TEST_F(StoreTest, UnknownMeetingsAreNotFound) {
  EXPECT_FALSE(store_->meeting(42));
  EXPECT_FALSE(store_->meeting(-1));
  try {
    store_->update_meeting(42, 1, kDocument, "ana", "edit");
    FAIL() << "an unknown meeting was updated";
  } catch (const NotFound& error) {
    EXPECT_STREQ(error.what(), "no meeting has id 42");
  }
  EXPECT_THROW(store_->publish(42, 1, "bureau", {}), NotFound);
  EXPECT_THROW(store_->updates(42), NotFound);
  EXPECT_THROW(store_->audit(42), NotFound);
  EXPECT_TRUE(store_->meetings().empty());
}

TEST_F(StoreTest, RefusesA20MegabyteDocumentAndStoresOneAtTheLimit) {
  int64_t id = store_->create_meeting("CTOC", "A/1", kDocument, "ana").id;
  std::string huge(20 * 1024 * 1024, 'x');
  EXPECT_EQ(invalid_input_message([&] { store_->update_meeting(id, 1, huge, "ana", "edit"); }),
            "document is 20971520 bytes, over the limit of 8388608");
  EXPECT_EQ(invalid_input_message([&] { store_->create_meeting("CTOC", "A/2", huge, "ana"); }),
            "document is 20971520 bytes, over the limit of 8388608");
  EXPECT_EQ(store_->meeting(id)->version, 1);
  EXPECT_EQ(store_->meetings().size(), 1u);

  std::string largest(kMaxDocumentBytes, 'y');
  EXPECT_EQ(store_->update_meeting(id, 1, largest, "ana", "edit").version, 2);
  EXPECT_EQ(store_->meeting(id)->document, largest);
  EXPECT_EQ(store_->audit(id).back().after, largest);
}

TEST_F(StoreTest, StoresSqlInjectionAttemptsVerbatim) {
  const std::vector<std::string> attacks = {
      "'; DROP TABLE meetings; --",
      "Robert'); DROP TABLE audit_entries;--",
      "x' OR '1'='1",
      "\"; DELETE FROM update_notices WHERE \"1\"=\"1",
      "1; UPDATE meetings SET version = 99",
      "?1 ?2 :name @p $q",
      "%s%n %x \\' \\\"",
  };
  int64_t bystander = store_->create_meeting("CTOC", "A/1", kDocument, "ana").id;
  int n = 0;
  for (const std::string& attack : attacks) {
    SCOPED_TRACE(attack);
    std::string symbol = attack + " " + std::to_string(++n);
    MeetingRecord created = store_->create_meeting(attack, symbol, attack, attack);
    EXPECT_EQ(created.body, attack);
    EXPECT_EQ(created.symbol, symbol);
    EXPECT_EQ(created.document, attack);
    store_->update_meeting(created.id, 1, attack + attack, attack, attack);
    store_->publish(created.id, 2, attack, {{"2024-05-01", "en", attack}});

    MeetingRecord read = *store_->meeting(created.id);
    EXPECT_EQ(read.body, attack);
    EXPECT_EQ(read.document, attack + attack);
    EXPECT_EQ(read.published_document, attack + attack);
    EXPECT_EQ(read.version, 3);
    EXPECT_EQ(store_->updates(created.id).at(0).text, attack);
    std::vector<AuditEntry> log = store_->audit(created.id);
    ASSERT_EQ(log.size(), 3u);
    for (const AuditEntry& entry : log) EXPECT_EQ(entry.who, attack);
    EXPECT_EQ(log[1].action, attack);
    EXPECT_EQ(log[1].before, attack);
    EXPECT_EQ(log[1].after, attack + attack);
  }
  // Nothing else was touched.
  EXPECT_EQ(store_->meetings().size(), attacks.size() + 1);
  EXPECT_EQ(store_->meeting(bystander)->version, 1);
  EXPECT_EQ(store_->audit(bystander).size(), 1u);
  // Dates and languages have a shape, so an attack there is refused, not stored.
  EXPECT_THROW(store_->publish(bystander, 1, "bureau", {{"2024-05-01'; --", "en", "x"}}), InvalidInput);
  EXPECT_THROW(store_->publish(bystander, 1, "bureau", {{"2024-05-01", "en'--", "x"}}), InvalidInput);
  EXPECT_EQ(RawDatabase(path_).column("PRAGMA integrity_check")[0], "ok");
}

TEST_F(StoreTest, SummaryOfOneMeetingFollowsItsWrites) {
  EXPECT_FALSE(store_->meeting_summary(1));
  int64_t id = store_->create_meeting("CTOC/COP/WG.7", "CTOC/COP/WG.7/2022/1", kDocument, "ana").id;
  std::optional<MeetingSummary> created = store_->meeting_summary(id);
  ASSERT_TRUE(created);
  EXPECT_EQ(created->symbol, "CTOC/COP/WG.7/2022/1");
  EXPECT_EQ(created->body, "CTOC/COP/WG.7");
  EXPECT_EQ(created->version, 1);
  EXPECT_FALSE(created->published);
  store_->publish(id, 1, "bureau", {});
  std::optional<MeetingSummary> published = store_->meeting_summary(id);
  EXPECT_EQ(published->version, 2);
  EXPECT_TRUE(published->published);
  EXPECT_EQ(published->calendar_sequence, 1);
  EXPECT_EQ(published->published_at, store_->meeting(id)->published_at);
  EXPECT_GT(published->updated_at, created->updated_at);
  EXPECT_FALSE(store_->meeting_summary(id + 1));
}

// A file written by the first release, which had only migration 1, opens,
// gains the accounts and procedures, and keeps its meetings.
TEST_F(StoreTest, MigratesADatabaseThatHasOnlyTheFirstMigration) {
  std::string path = folder_.file("first-release.db");
  {
    RawDatabase raw(path);
    raw.execute(kSchemaMigrationsTable);
    raw.execute(migrations()[0].sql);
    raw.execute("INSERT INTO schema_migrations VALUES (1, 'meetings', '2023-01-01T00:00:00Z')");
    raw.execute(
        "INSERT INTO meetings (id, body, symbol, document, version, published_document, published_at,"
        " calendar_sequence, created_at, updated_at) VALUES (7, 'CTOC/COP/WG.7', 'CTOC/COP/WG.7/2022/1',"
        " 'the draft', 3, 'the published text', '2023-01-02T00:00:00Z', 1, '2023-01-01T00:00:00Z',"
        " '2023-01-03T00:00:00Z')");
    raw.execute(
        "INSERT INTO update_notices VALUES (1, 7, 2, '2023-01-02', 'en', 'Published.')");
    raw.execute(
        "INSERT INTO audit_entries VALUES (1, 7, 3, 'ana', '2023-01-03T00:00:00Z', 'edit', 'a', 'the draft')");
  }
  std::unique_ptr<SqliteStore> store = SqliteStore::open(path, ticking_clock());
  EXPECT_EQ(store->schema_version(), 4);
  std::optional<MeetingRecord> kept = store->meeting(7);
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->document, "the draft");
  EXPECT_EQ(kept->published_document, "the published text");
  EXPECT_EQ(kept->version, 3);
  EXPECT_EQ(kept->calendar_sequence, 1);
  EXPECT_EQ(store->updates(7).size(), 1u);
  EXPECT_EQ(store->audit(7).size(), 1u);

  // The new tables work, and reach the old rows.
  EXPECT_EQ(store->update_meeting(7, 3, "the next draft", "ana", "edit").version, 4);
  User ana = store->create_user("ana", Role::editor, {"CTOC/COP/WG.7"}, "$argon2id$hash");
  EXPECT_EQ(store->user_by_id(ana.id)->bodies, std::vector<std::string>{"CTOC/COP/WG.7"});
  SilenceProcedure procedure = store->submit_procedure(7, ProcedureSubject::calendar, "Dates", "{}", 4,
                                                       "2024-06-01T12:00:00Z", "ana");
  EXPECT_EQ(store->procedures(7).at(0).id, procedure.id);

  RawDatabase raw(path);
  EXPECT_EQ(raw.column("SELECT version || ' ' || applied_at FROM schema_migrations ORDER BY version"),
            (std::vector<std::string>{"1 2023-01-01T00:00:00Z", "2 2024-05-01T09:00:00Z", "3 2024-05-01T09:00:00Z",
                                      "4 2024-05-01T09:00:00Z"}));
  EXPECT_EQ(raw.column("PRAGMA integrity_check")[0], "ok");
  EXPECT_TRUE(raw.column("PRAGMA foreign_key_check").empty());
  // Opening again applies nothing.
  store.reset();
  EXPECT_EQ(SqliteStore::open(path, ticking_clock())->schema_version(), 4);
  EXPECT_EQ(raw.column("SELECT COUNT(*) FROM schema_migrations")[0], "4");
}

// A database of the second release, with its accounts: writes the users as
// migration 2 made them, with `names`.
void write_release_two(const std::string& path, const std::vector<std::string>& names) {
  RawDatabase raw(path);
  raw.execute(kSchemaMigrationsTable);
  raw.execute(migrations()[0].sql);
  raw.execute(migrations()[1].sql);
  raw.execute("INSERT INTO schema_migrations VALUES (1, 'meetings', '2023-01-01T00:00:00Z'),"
              " (2, 'accounts', '2023-01-01T00:00:00Z')");
  for (size_t i = 0; i < names.size(); ++i)
    raw.execute("INSERT INTO users VALUES (" + std::to_string(i + 1) + ", '" + names[i] +
                "', 'admin', '$argon2id$hash', 3, '2023-01-02T00:00:00Z', '2023-01-01T00:00:00Z')");
}

// Names that differ only in case become one account: the migration folds
// the names there are, and the old lock columns go.
TEST_F(StoreTest, MigratingFoldsTheNamesThereAre) {
  const std::string path = folder_.file("second-release.db");
  write_release_two(path, {"Ana", "ben"});
  std::unique_ptr<SqliteStore> store = SqliteStore::open(path, ticking_clock());
  EXPECT_EQ(store->schema_version(), 4);
  EXPECT_EQ(store->user("ANA").value_or(User{}).id, 1);
  EXPECT_EQ(store->user("ana")->name, "Ana");
  EXPECT_EQ(store->user("Ben").value_or(User{}).id, 2);
  EXPECT_THROW(store->create_user("BEN", Role::admin, {}, "$argon2id$hash"), AlreadyExists);
  RawDatabase raw(path);
  EXPECT_EQ(raw.column("SELECT name_key FROM users ORDER BY id"), (std::vector<std::string>{"ana", "ben"}));
  EXPECT_EQ(raw.column("SELECT COUNT(*) FROM pragma_table_info('users') WHERE name IN ('failed_logins', 'locked_until')")[0],
            "0");
}

// Two accounts that would become one are not merged or dropped in silence:
// the store refuses to open, names them, and changes nothing.
TEST_F(StoreTest, MigratingRefusesNamesThatFoldTogether) {
  const std::string path = folder_.file("clashing.db");
  write_release_two(path, {"ED", "ana", "ed", "Eve", "EVE"});
  try {
    SqliteStore::open(path, ticking_clock());
    FAIL() << "ED and ed became one account";
  } catch (const StoreError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("'ED' (id 1) and 'ed' (id 3)"), std::string::npos) << message;
    EXPECT_NE(message.find("'Eve' (id 4) and 'EVE' (id 5)"), std::string::npos) << message;
    EXPECT_EQ(message.find("'ana'"), std::string::npos) << message;
    EXPECT_NE(message.find("cannot apply migration 4"), std::string::npos) << message;
    EXPECT_NE(message.find("UPDATE users SET name = 'NEW NAME' WHERE id = 3"), std::string::npos) << message;
  }
  RawDatabase raw(path);
  EXPECT_EQ(raw.column("SELECT MAX(version) FROM schema_migrations")[0], "2");
  EXPECT_EQ(raw.column("SELECT COUNT(*) FROM users")[0], "5");
  // Renamed, the store opens.
  raw.execute("UPDATE users SET name = 'ed-2' WHERE id = 3");
  raw.execute("UPDATE users SET name = 'Eve Two' WHERE id = 5");
  EXPECT_EQ(SqliteStore::open(path, ticking_clock())->user("ED-2").value_or(User{}).id, 3);
}

// The schema refuses what the store would never write, should a bug or a
// hand-written UPDATE try.
TEST_F(StoreTest, SchemaChecksRolesAndStatuses) {
  int64_t meeting = store_->create_meeting("CTOC", "A/1", kDocument, "ana").id;
  store_->create_user("ana", Role::editor, {"CTOC"}, "hash");
  store_->submit_procedure(meeting, ProcedureSubject::topics, "Topics", "{}", 1, "2024-06-01T00:00:00Z",
                           "ana");
  RawDatabase raw(path_);
  raw.execute("PRAGMA foreign_keys = ON");
  EXPECT_THROW(raw.execute("UPDATE users SET role = 'root'"), std::runtime_error);
  EXPECT_THROW(raw.execute("UPDATE silence_procedures SET status = 'done'"), std::runtime_error);
  EXPECT_THROW(raw.execute("UPDATE silence_procedures SET subject = 'budget'"), std::runtime_error);
  // Closed and closed_at go together.
  EXPECT_THROW(raw.execute("UPDATE silence_procedures SET status = 'approved'"), std::runtime_error);
  EXPECT_THROW(raw.execute("INSERT INTO user_bodies VALUES (99, 'CTOC')"), std::runtime_error);
  EXPECT_THROW(raw.execute("INSERT INTO sessions VALUES ('d', 99, 'c', 'x', 'y')"), std::runtime_error);
  EXPECT_EQ(store_->user("ana")->role, Role::editor);
  EXPECT_EQ(store_->procedures(meeting).at(0).status, ProcedureStatus::open);
}

}  // namespace
}  // namespace plenary::store
