#include "store/sqlite_store.h"

#include <sqlite3.h>

#include <set>
#include <string_view>
#include <utility>

#include "store/migrations.h"

namespace plenary::store {
namespace {

// ---- Input rules (store.h). Here until a second store needs them.

// The offset of the first byte that does not start a well-formed UTF-8
// sequence (no overlong forms, no surrogates, nothing past U+10FFFF), or npos.
size_t invalid_utf8_at(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    size_t continuation = 0;
    unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
      continuation = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      continuation = 2;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      continuation = 3;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (text.size() - i <= continuation) return i;
    for (size_t k = 1; k <= continuation; ++k) {
      unsigned char byte = static_cast<unsigned char>(text[i + k]);
      if (byte < (k == 1 ? low : 0x80) || byte > (k == 1 ? high : 0xBF)) return i;
    }
    i += continuation + 1;
  }
  return std::string_view::npos;
}

void check_text(const std::string& field, const std::string& value, size_t max_bytes) {
  if (value.empty()) throw InvalidInput(field + " is empty");
  if (value.size() > max_bytes)
    throw InvalidInput(field + " is " + std::to_string(value.size()) +
                       " bytes, over the limit of " + std::to_string(max_bytes));
  if (size_t at = value.find('\0'); at != std::string::npos)
    throw InvalidInput(field + " holds a NUL byte at offset " + std::to_string(at));
  if (size_t at = invalid_utf8_at(value); at != std::string_view::npos)
    throw InvalidInput(field + " is not valid UTF-8 at offset " + std::to_string(at));
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

void check_name(const std::string& field, const std::string& value) {
  check_text(field, value, kMaxNameBytes);
  if (is_space(value.front()) || is_space(value.back()))
    throw InvalidInput(field + " \"" + value + "\" has spaces around it");
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

void check_notices(const std::vector<NoticeText>& notices) {
  std::set<std::string> languages;
  for (const NoticeText& notice : notices) {
    const std::string& d = notice.date;
    bool date_shaped = d.size() == 10 && d[4] == '-' && d[7] == '-';
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) date_shaped = date_shaped && is_digit(d[i]);
    if (!date_shaped || d.substr(5, 2) < "01" || d.substr(5, 2) > "12" || d.substr(8, 2) < "01" ||
        d.substr(8, 2) > "31")
      throw InvalidInput("notice date \"" + d.substr(0, 40) + "\" is not a date like 2024-05-01");
    const std::string& language = notice.language;
    bool code_shaped = language.size() == 2 || language.size() == 3;
    for (char c : language) code_shaped = code_shaped && c >= 'a' && c <= 'z';
    if (!code_shaped)
      throw InvalidInput("notice language \"" + language.substr(0, 40) +
                         "\" is not a lowercase ISO 639 code like \"en\"");
    if (!languages.insert(language).second)
      throw InvalidInput("two notices in \"" + language + "\"; give at most one per language");
    check_text("notice text (" + language + ")", notice.text, kMaxNoticeBytes);
  }
}

// ---- SQLite, wrapped.

[[noreturn]] void fail(sqlite3* db, const std::string& doing) {
  const char* path = sqlite3_db_filename(db, "main");
  throw StoreError(std::string(path && *path ? path : "(database)") + ": " + doing + ": " +
                   sqlite3_errmsg(db));
}

void execute(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
    fail(db, "running \"" + std::string(sql).substr(0, 60) + "\"");
}

struct CloseConnection {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, CloseConnection>;

Connection connect(const std::string& path) {
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Connection db(raw);  // a handle comes back even on failure, to be closed
  if (rc != SQLITE_OK)
    throw StoreError("cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  return db;
}

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement_, nullptr) != SQLITE_OK)
      fail(db, "preparing \"" + std::string(sql) + "\"");
  }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  sqlite3_stmt* get() const { return statement_; }

 private:
  sqlite3_stmt* statement_ = nullptr;
};

// One run of a prepared statement: binds parameters in order, steps, and
// resets the statement when it goes out of scope, so each run starts clean.
class Run {
 public:
  explicit Run(Statement& statement) : statement_(statement.get()) {}
  ~Run() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  Run(const Run&) = delete;
  Run& operator=(const Run&) = delete;

  Run& bind(int64_t value) {
    check(sqlite3_bind_int64(statement_, next_parameter_++, value), "binding");
    return *this;
  }
  // SQLITE_TRANSIENT copies the text, so a temporary may be bound.
  Run& bind(const std::string& value) {
    check(sqlite3_bind_text64(statement_, next_parameter_++, value.data(), value.size(),
                              SQLITE_TRANSIENT, SQLITE_UTF8),
          "binding");
    return *this;
  }

  // Steps once: true when a row came.
  bool next_row() {
    int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    check(rc == SQLITE_DONE ? SQLITE_OK : rc, "running");
    return false;
  }

  // Runs a statement that returns no row.
  void run() {
    if (next_row()) fail(sqlite3_db_handle(statement_), "unexpected row from " + sql());
  }

  int64_t integer(int column) const { return sqlite3_column_int64(statement_, column); }
  std::string text(int column) const {
    const unsigned char* data = sqlite3_column_text(statement_, column);
    if (!data) return {};
    return std::string(reinterpret_cast<const char*>(data),
                       static_cast<size_t>(sqlite3_column_bytes(statement_, column)));
  }
  bool is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

 private:
  std::string sql() const { return std::string("\"") + sqlite3_sql(statement_) + "\""; }
  void check(int rc, const char* doing) {
    if (rc != SQLITE_OK) fail(sqlite3_db_handle(statement_), std::string(doing) + " " + sql());
  }

  sqlite3_stmt* statement_;
  int next_parameter_ = 1;
};

// BEGIN IMMEDIATE takes the write lock now, waiting out other writers, rather
// than at the first write, where a lock upgrade can only fail.
class WriteTransaction {
 public:
  explicit WriteTransaction(sqlite3* db) : db_(db) { execute(db_, "BEGIN IMMEDIATE"); }
  ~WriteTransaction() {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  // Returns once the transaction is on disk (synchronous=FULL).
  void commit() { execute(db_, "COMMIT"); }

 private:
  sqlite3* db_;
};

int64_t applied_schema_version(sqlite3* db) {
  Statement latest(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  Run run(latest);
  run.next_row();
  return run.integer(0);
}

void configure(sqlite3* db, const std::string& path) {
  // Another connection's write is waited for this long before giving up.
  if (sqlite3_busy_timeout(db, 10000) != SQLITE_OK) fail(db, "setting the busy timeout");
  {
    Statement journal_mode(db, "PRAGMA journal_mode = WAL");
    Run run(journal_mode);
    if (!run.next_row() || run.text(0) != "wal")
      throw StoreError(path + ": cannot use WAL journal mode (it stays \"" + run.text(0) + "\")");
  }
  execute(db, "PRAGMA synchronous = FULL");
  execute(db, "PRAGMA foreign_keys = ON");
}

void migrate(sqlite3* db, const std::string& path, const Clock& clock) {
  std::span<const Migration> all = migrations();
  WriteTransaction transaction(db);
  execute(db, kSchemaMigrationsTable);
  int64_t applied = applied_schema_version(db);
  int64_t known = all.back().version;
  if (applied > known)
    throw StoreError(path + ": the database has schema version " + std::to_string(applied) +
                     ", newer than this program, which knows versions up to " +
                     std::to_string(known) + "; open it with a newer plenary");
  Statement record(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const Migration& migration : all) {
    if (migration.version <= applied) continue;
    if (sqlite3_exec(db, migration.sql, nullptr, nullptr, nullptr) != SQLITE_OK)
      fail(db, "applying migration " + std::to_string(migration.version) + " (" + migration.name + ")");
    Run(record).bind(migration.version).bind(migration.name).bind(clock()).run();
  }
  transaction.commit();
}

// Reads the columns "id, body, symbol, version, calendar_sequence,
// created_at, updated_at, published_at", in that order.
MeetingSummary read_summary(const Run& row) {
  MeetingSummary summary;
  summary.id = row.integer(0);
  summary.body = row.text(1);
  summary.symbol = row.text(2);
  summary.version = row.integer(3);
  summary.calendar_sequence = row.integer(4);
  summary.created_at = row.text(5);
  summary.updated_at = row.text(6);
  summary.published = !row.is_null(7);
  summary.published_at = row.text(7);
  return summary;
}

}  // namespace

struct SqliteStore::Impl {
  Impl(Connection connection, Clock time)
      : db(std::move(connection)),
        clock(std::move(time)),
        list_meetings(db.get(),
                      "SELECT id, body, symbol, version, calendar_sequence, created_at, updated_at,"
                      " published_at FROM meetings ORDER BY body, symbol"),
        select_meeting(db.get(),
                       "SELECT id, body, symbol, version, calendar_sequence, created_at, updated_at,"
                       " published_at, document, published_document FROM meetings WHERE id = ?"),
        meeting_exists(db.get(), "SELECT 1 FROM meetings WHERE id = ?"),
        meeting_with_symbol(db.get(), "SELECT id FROM meetings WHERE symbol = ?"),
        // Ids are given here, not by AUTOINCREMENT or SERIAL, so that the
        // schema is the same in SQLite and PostgreSQL. Writes are serialized,
        // so MAX(id) + 1 is free.
        insert_meeting(db.get(),
                       "INSERT INTO meetings (id, body, symbol, document, version, calendar_sequence,"
                       " created_at, updated_at)"
                       " VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM meetings), ?, ?, ?, 1, 0, ?, ?)"
                       " RETURNING id"),
        update_document(db.get(),
                        "UPDATE meetings SET document = ?, version = version + 1, updated_at = ?"
                        " WHERE id = ?"),
        publish_document(db.get(),
                         "UPDATE meetings SET published_document = document, published_at = ?,"
                         " calendar_sequence = calendar_sequence + 1, version = version + 1,"
                         " updated_at = ? WHERE id = ?"),
        insert_notice(db.get(),
                      "INSERT INTO update_notices (id, meeting_id, version, date, language, text)"
                      " VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM update_notices), ?, ?, ?, ?, ?)"),
        select_notices(db.get(),
                       "SELECT id, meeting_id, version, date, language, text FROM update_notices"
                       " WHERE meeting_id = ? ORDER BY date DESC, id DESC"),
        insert_audit(db.get(),
                     "INSERT INTO audit_entries (id, meeting_id, version, who, written_at, action,"
                     " document_before, document_after)"
                     " VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM audit_entries), ?, ?, ?, ?, ?, ?, ?)"),
        select_audit(db.get(),
                     "SELECT id, meeting_id, version, who, written_at, action, document_before,"
                     " document_after FROM audit_entries WHERE meeting_id = ? ORDER BY id") {}

  std::optional<MeetingRecord> find(int64_t id) {
    Run run(select_meeting);
    run.bind(id);
    if (!run.next_row()) return std::nullopt;
    MeetingRecord record;
    static_cast<MeetingSummary&>(record) = read_summary(run);
    record.document = run.text(8);
    record.published_document = run.text(9);
    return record;
  }

  // The meeting a write is based on; throws when it is missing or has moved on.
  MeetingRecord current(int64_t id, int64_t based_on_version) {
    std::optional<MeetingRecord> record = find(id);
    if (!record) throw NotFound("no meeting has id " + std::to_string(id));
    if (record->version != based_on_version) throw VersionConflict(std::move(*record), based_on_version);
    return std::move(*record);
  }

  void require_meeting(int64_t id) {
    Run run(meeting_exists);
    run.bind(id);
    if (!run.next_row()) throw NotFound("no meeting has id " + std::to_string(id));
  }

  void append_audit(const MeetingRecord& after, const std::string& who, const std::string& action,
                    const std::string& before_text, const std::string& after_text) {
    Run(insert_audit)
        .bind(after.id)
        .bind(after.version)
        .bind(who)
        .bind(after.updated_at)
        .bind(action)
        .bind(before_text)
        .bind(after_text)
        .run();
  }

  // Members are destroyed in reverse: the statements before the connection.
  Connection db;
  Clock clock;
  Statement list_meetings;
  Statement select_meeting;
  Statement meeting_exists;
  Statement meeting_with_symbol;
  Statement insert_meeting;
  Statement update_document;
  Statement publish_document;
  Statement insert_notice;
  Statement select_notices;
  Statement insert_audit;
  Statement select_audit;
};

std::unique_ptr<SqliteStore> SqliteStore::open(const std::string& path, Clock clock) {
  Connection db = connect(path);
  configure(db.get(), path);
  migrate(db.get(), path, clock);
  auto impl = std::make_unique<Impl>(std::move(db), std::move(clock));
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteStore::~SqliteStore() = default;

std::vector<MeetingSummary> SqliteStore::meetings() {
  std::vector<MeetingSummary> summaries;
  Run run(impl_->list_meetings);
  while (run.next_row()) summaries.push_back(read_summary(run));
  return summaries;
}

std::optional<MeetingRecord> SqliteStore::meeting(int64_t id) { return impl_->find(id); }

MeetingRecord SqliteStore::create_meeting(const std::string& body, const std::string& symbol,
                                          const std::string& document, const std::string& who) {
  check_name("body", body);
  check_name("symbol", symbol);
  check_text("document", document, kMaxDocumentBytes);
  check_name("who", who);
  WriteTransaction transaction(impl_->db.get());
  {
    Run run(impl_->meeting_with_symbol);
    run.bind(symbol);
    if (run.next_row())
      throw AlreadyExists("meeting " + std::to_string(run.integer(0)) + " already has symbol " + symbol);
  }
  std::string now = impl_->clock();
  int64_t id = 0;
  {
    Run run(impl_->insert_meeting);
    run.bind(body).bind(symbol).bind(document).bind(now).bind(now);
    run.next_row();
    id = run.integer(0);
  }
  MeetingRecord created = *impl_->find(id);
  impl_->append_audit(created, who, "create", "", document);
  transaction.commit();
  return created;
}

MeetingRecord SqliteStore::update_meeting(int64_t id, int64_t based_on_version,
                                          const std::string& document, const std::string& who,
                                          const std::string& action) {
  check_text("document", document, kMaxDocumentBytes);
  check_name("who", who);
  check_name("action", action);
  if (action == "create" || action == "publish")
    throw InvalidInput("action \"" + action + "\" is reserved for create_meeting and publish");
  WriteTransaction transaction(impl_->db.get());
  MeetingRecord before = impl_->current(id, based_on_version);
  Run(impl_->update_document).bind(document).bind(impl_->clock()).bind(id).run();
  MeetingRecord after = *impl_->find(id);
  impl_->append_audit(after, who, action, before.document, after.document);
  transaction.commit();
  return after;
}

MeetingRecord SqliteStore::publish(int64_t id, int64_t based_on_version, const std::string& who,
                                   const std::vector<NoticeText>& notices) {
  check_name("who", who);
  check_notices(notices);
  WriteTransaction transaction(impl_->db.get());
  MeetingRecord before = impl_->current(id, based_on_version);
  std::string now = impl_->clock();
  Run(impl_->publish_document).bind(now).bind(now).bind(id).run();
  MeetingRecord after = *impl_->find(id);
  for (const NoticeText& notice : notices)
    Run(impl_->insert_notice)
        .bind(id)
        .bind(after.version)
        .bind(notice.date)
        .bind(notice.language)
        .bind(notice.text)
        .run();
  impl_->append_audit(after, who, "publish", before.published_document, after.published_document);
  transaction.commit();
  return after;
}

std::vector<UpdateNotice> SqliteStore::updates(int64_t meeting_id) {
  impl_->require_meeting(meeting_id);
  std::vector<UpdateNotice> notices;
  Run run(impl_->select_notices);
  run.bind(meeting_id);
  while (run.next_row())
    notices.push_back(
        {run.integer(0), run.integer(1), run.integer(2), run.text(3), run.text(4), run.text(5)});
  return notices;
}

std::vector<AuditEntry> SqliteStore::audit(int64_t meeting_id) {
  impl_->require_meeting(meeting_id);
  std::vector<AuditEntry> entries;
  Run run(impl_->select_audit);
  run.bind(meeting_id);
  while (run.next_row())
    entries.push_back({run.integer(0), run.integer(1), run.integer(2), run.text(3), run.text(4),
                       run.text(5), run.text(6), run.text(7)});
  return entries;
}

int64_t SqliteStore::schema_version() { return applied_schema_version(impl_->db.get()); }

}  // namespace plenary::store
