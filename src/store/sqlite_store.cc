#include "store/sqlite_store.h"

#include <sqlite3.h>

#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "store/migrations.h"
#include "text/utf8.h"

namespace plenary::store {
namespace {

// ---- Input rules (store.h). Here until a second store needs them.

void check_text(const std::string& field, const std::string& value, size_t max_bytes) {
  if (value.empty()) throw InvalidInput(field + " is empty");
  if (value.size() > max_bytes)
    throw InvalidInput(field + " is " + std::to_string(value.size()) +
                       " bytes, over the limit of " + std::to_string(max_bytes));
  if (size_t at = value.find('\0'); at != std::string::npos)
    throw InvalidInput(field + " holds a NUL byte at offset " + std::to_string(at));
  if (size_t at = invalid_utf8_offset(value); at != std::string_view::npos)
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

int two_digits(const std::string& text, size_t at) { return (text[at] - '0') * 10 + (text[at + 1] - '0'); }

// "YYYY-MM-DDTHH:MM:SSZ" naming a real second (no leap second): times of
// this one shape compare as text in the order of time.
bool is_utc_time(const std::string& time) {
  const char shape[] = "0000-00-00T00:00:00Z";
  if (time.size() != sizeof shape - 1) return false;
  for (size_t i = 0; i < time.size(); ++i)
    if (shape[i] == '0' ? !is_digit(time[i]) : time[i] != shape[i]) return false;
  int year = two_digits(time, 0) * 100 + two_digits(time, 2);
  int month = two_digits(time, 5), day = two_digits(time, 8);
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  const int days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day <= days[month - 1] && two_digits(time, 11) <= 23 && two_digits(time, 14) <= 59 &&
         two_digits(time, 17) <= 59;
}

void check_time(const std::string& field, const std::string& value) {
  if (!is_utc_time(value))
    throw InvalidInput(field + " \"" + value.substr(0, 40) +
                       "\" is not a UTC time like 2024-05-01T09:30:00Z");
}

// Password hashes, digests and CSRF tokens are opaque; messages never show them.
void check_secret(const std::string& field, const std::string& value) {
  check_text(field, value, kMaxNameBytes);
}

void check_role(Role role, const std::vector<std::string>& bodies) {
  if (!role_from(to_string(role)))
    throw InvalidInput("role " + std::to_string(static_cast<int>(role)) +
                       " is not admin, editor or bureau");
  if (role == Role::admin && !bodies.empty())
    throw InvalidInput("an admin serves every body; give no bodies, not " +
                       std::to_string(bodies.size()));
  if (role != Role::admin && bodies.empty())
    throw InvalidInput(std::string("the role ") + to_string(role) + " needs at least one body");
  std::set<std::string> seen;
  for (const std::string& body : bodies) {
    check_name("body", body);
    if (!seen.insert(body).second) throw InvalidInput("body \"" + body + "\" is given twice");
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
  Statement(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &statement_, nullptr) !=
        SQLITE_OK)
      fail(db, "preparing \"" + sql + "\"");
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

// A read of several statements sees one state of the file: in WAL mode a
// read transaction reads one snapshot. Declare it before the Runs it covers.
class ReadTransaction {
 public:
  explicit ReadTransaction(sqlite3* db) : db_(db) { execute(db_, "BEGIN"); }
  ~ReadTransaction() {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

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

// The step of migration `version` that folds user names: refuses, naming
// them, when two names would become one account, rather than keep either.
void fold_user_names(sqlite3* db, const std::string& path, int64_t version) {
  std::map<std::string, std::vector<std::pair<int64_t, std::string>>> by_key;
  {
    Statement users(db, "SELECT id, name FROM users ORDER BY id");
    Run run(users);
    while (run.next_row()) by_key[fold_name(run.text(1))].emplace_back(run.integer(0), run.text(1));
  }
  std::vector<std::string> clashes;
  int64_t example_id = 0;
  for (const auto& [key, users] : by_key) {
    if (users.size() < 2 && !key.empty()) continue;
    std::string names;
    for (const auto& [id, name] : users)
      names += (names.empty() ? "" : " and ") + ("'" + name + "' (id " + std::to_string(id) + ")");
    clashes.push_back(key.empty() ? names + " has no character left once folded" : names);
    if (!example_id) example_id = users.back().first;
  }
  if (!clashes.empty()) {
    std::string list;
    for (const std::string& clash : clashes) list += (list.empty() ? "" : "; ") + clash;
    throw StoreError(path + ": cannot apply migration " + std::to_string(version) +
                     ": user names are now compared without regard to case, and these accounts would be one: " +
                     list + ". Rename all but one of each, for example with: sqlite3 " + path +
                     " \"UPDATE users SET name = 'NEW NAME' WHERE id = " + std::to_string(example_id) +
                     "\", then open the store again. Nothing was changed.");
  }
  Statement fill(db, "UPDATE users SET name_key = ? WHERE id = ?");
  for (const auto& [key, users] : by_key) Run(fill).bind(key).bind(users.front().first).run();
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
  std::string now;  // the migrations applied together are applied at one time
  for (const Migration& migration : all) {
    if (migration.version <= applied) continue;
    if (sqlite3_exec(db, migration.sql, nullptr, nullptr, nullptr) != SQLITE_OK)
      fail(db, "applying migration " + std::to_string(migration.version) + " (" + migration.name + ")");
    if (migration.step == MigrationStep::fold_user_names) fold_user_names(db, path, migration.version);
    if (now.empty()) now = clock();
    Run(record).bind(migration.version).bind(migration.name).bind(now).run();
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

// Queries of the columns Impl::read_user and Impl::read_procedure read, in their order.
std::string select_users(const char* rest) {
  return std::string("SELECT id, name, role, password_hash, created_at") +
         " FROM users " + rest;
}
std::string select_procedures(const char* rest) {
  return std::string("SELECT id, meeting_id, subject, description, draft, based_on_version, deadline,") +
         " submitted_by, submitted_at, status, closed_at FROM silence_procedures " + rest;
}

}  // namespace

struct SqliteStore::Impl {
  Impl(Connection connection, Clock time) : db(std::move(connection)), clock(std::move(time)) {}

  // The clock's reading, checked: stored times are compared as text.
  std::string now() {
    std::string time = clock();
    if (!is_utc_time(time))
      throw StoreError("the clock reads \"" + time.substr(0, 40) +
                       "\", not a UTC time like 2024-05-01T09:30:00Z");
    return time;
  }

  // ---- Meetings

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

  // The writes shared by update_meeting, publish and conclude_procedure. The
  // caller holds the write transaction and has checked `before` is current.

  // Saves `document` as the next version, audited as `action`.
  MeetingRecord save_document(const MeetingRecord& before, const std::string& document,
                              const std::string& who, const std::string& action,
                              const std::string& time, const std::string& symbol = "") {
    const std::string& new_symbol = symbol.empty() ? before.symbol : symbol;
    if (new_symbol != before.symbol) {
      Run run(meeting_with_symbol);
      run.bind(new_symbol);
      if (run.next_row())
        throw AlreadyExists("meeting " + std::to_string(run.integer(0)) + " already has symbol " + new_symbol);
    }
    Run(update_document).bind(document).bind(new_symbol).bind(time).bind(before.id).run();
    MeetingRecord after = *find(before.id);
    append_audit(after, who, action, before.document, after.document);
    return after;
  }

  // Publishes the working document as the next version, with the notices,
  // audited as "publish".
  MeetingRecord publish_working_document(const MeetingRecord& before, const std::string& who,
                                         const std::vector<NoticeText>& notices,
                                         const std::string& time) {
    Run(publish_document).bind(time).bind(time).bind(before.id).run();
    MeetingRecord after = *find(before.id);
    for (const NoticeText& notice : notices)
      Run(insert_notice)
          .bind(after.id)
          .bind(after.version)
          .bind(notice.date)
          .bind(notice.language)
          .bind(notice.text)
          .run();
    append_audit(after, who, "publish", before.published_document, after.published_document);
    return after;
  }

  // ---- Users

  // Reads the USER_COLUMNS of `row`, then the user's bodies.
  User read_user(const Run& row) {
    User user;
    user.id = row.integer(0);
    user.name = row.text(1);
    std::optional<Role> role = role_from(row.text(2));
    if (!role) throw StoreError("user " + user.name + " has the unknown role \"" + row.text(2) + "\"");
    user.role = *role;
    user.password_hash = row.text(3);
    user.created_at = row.text(4);
    Run bodies(select_bodies);
    bodies.bind(user.id);
    while (bodies.next_row()) user.bodies.push_back(bodies.text(0));
    return user;
  }

  std::optional<User> find_user(Statement& select, const std::string& key) {
    Run run(select);
    run.bind(key);
    if (!run.next_row()) return std::nullopt;
    return read_user(run);
  }

  std::optional<User> find_user(int64_t id) {
    Run run(select_user_by_id);
    run.bind(id);
    if (!run.next_row()) return std::nullopt;
    return read_user(run);
  }

  int64_t user_id(const std::string& name) {
    Run run(user_with_name);
    run.bind(fold_name(name));
    if (!run.next_row()) throw NotFound("no user is named " + name);
    return run.integer(0);
  }

  void require_user(int64_t id) {
    Run run(user_exists);
    run.bind(id);
    if (!run.next_row()) throw NotFound("no user has id " + std::to_string(id));
  }

  void replace_bodies(int64_t id, const std::vector<std::string>& bodies) {
    Run(delete_bodies).bind(id).run();
    for (const std::string& body : bodies) Run(insert_body).bind(id).bind(body).run();
  }

  // ---- Silence procedures

  // Reads the PROCEDURE_COLUMNS of `row`, then the procedure's objections.
  SilenceProcedure read_procedure(const Run& row) {
    SilenceProcedure procedure;
    procedure.id = row.integer(0);
    procedure.meeting_id = row.integer(1);
    std::string where = "procedure " + std::to_string(procedure.id);
    std::optional<ProcedureSubject> subject = procedure_subject_from(row.text(2));
    if (!subject) throw StoreError(where + " has the unknown subject \"" + row.text(2) + "\"");
    procedure.subject = *subject;
    procedure.description = row.text(3);
    procedure.draft = row.text(4);
    procedure.based_on_version = row.integer(5);
    procedure.deadline = row.text(6);
    procedure.submitted_by = row.text(7);
    procedure.submitted_at = row.text(8);
    std::optional<ProcedureStatus> status = procedure_status_from(row.text(9));
    if (!status) throw StoreError(where + " has the unknown status \"" + row.text(9) + "\"");
    procedure.status = *status;
    procedure.closed_at = row.text(10);
    Run objections(select_objections);
    objections.bind(procedure.id);
    while (objections.next_row())
      procedure.objections.push_back(
          {objections.integer(0), objections.text(1), objections.text(2), objections.text(3)});
    return procedure;
  }

  std::optional<SilenceProcedure> find_procedure(int64_t id) {
    Run run(select_procedure);
    run.bind(id);
    if (!run.next_row()) return std::nullopt;
    return read_procedure(run);
  }

  // The procedure a write acts on: it must exist and be open.
  SilenceProcedure open_procedure(int64_t id) {
    std::optional<SilenceProcedure> procedure = find_procedure(id);
    if (!procedure) throw NotFound("no procedure has id " + std::to_string(id));
    if (procedure->status != ProcedureStatus::open)
      throw InvalidInput("procedure " + std::to_string(id) + " closed at " + procedure->closed_at +
                         ": " + to_string(procedure->status));
    return std::move(*procedure);
  }

  void close_procedure(int64_t id, ProcedureStatus status, const std::string& time,
                       const std::string& who) {
    Run(update_procedure_status).bind(to_string(status)).bind(time).bind(who).bind(id).run();
  }

  // Members are destroyed in reverse: the statements before the connection.
  // Ids are given here, not by AUTOINCREMENT or SERIAL, so that the schema is
  // the same in SQLite and PostgreSQL. Writes are serialized, so MAX(id) + 1
  // is free.
  Connection db;
  Clock clock;

  Statement list_meetings{db.get(),
                          "SELECT id, body, symbol, version, calendar_sequence, created_at, updated_at,"
                          " published_at FROM meetings ORDER BY body, symbol"};
  Statement select_summary{db.get(),
                           "SELECT id, body, symbol, version, calendar_sequence, created_at, updated_at,"
                           " published_at FROM meetings WHERE id = ?"};
  Statement select_meeting{db.get(),
                           "SELECT id, body, symbol, version, calendar_sequence, created_at, updated_at,"
                           " published_at, document, published_document FROM meetings WHERE id = ?"};
  Statement meeting_exists{db.get(), "SELECT 1 FROM meetings WHERE id = ?"};
  Statement meeting_with_symbol{db.get(), "SELECT id FROM meetings WHERE symbol = ?"};
  Statement insert_meeting{
      db.get(),
      "INSERT INTO meetings (id, body, symbol, document, version, calendar_sequence, created_at,"
      " updated_at) VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM meetings), ?, ?, ?, 1, 0, ?, ?)"
      " RETURNING id"};
  Statement update_document{
      db.get(), "UPDATE meetings SET document = ?, symbol = ?, version = version + 1, updated_at = ? WHERE id = ?"};
  Statement publish_document{db.get(),
                             "UPDATE meetings SET published_document = document, published_at = ?,"
                             " calendar_sequence = calendar_sequence + 1, version = version + 1,"
                             " updated_at = ? WHERE id = ?"};
  Statement insert_notice{
      db.get(),
      "INSERT INTO update_notices (id, meeting_id, version, date, language, text)"
      " VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM update_notices), ?, ?, ?, ?, ?)"};
  Statement select_notices{db.get(),
                           "SELECT id, meeting_id, version, date, language, text FROM update_notices"
                           " WHERE meeting_id = ? ORDER BY date DESC, id DESC"};
  Statement insert_audit{
      db.get(),
      "INSERT INTO audit_entries (id, meeting_id, version, who, written_at, action, document_before,"
      " document_after)"
      " VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM audit_entries), ?, ?, ?, ?, ?, ?, ?)"};
  Statement select_audit{db.get(),
                         "SELECT id, meeting_id, version, who, written_at, action, document_before,"
                         " document_after FROM audit_entries WHERE meeting_id = ? ORDER BY id"};

  Statement insert_user{db.get(),
                        "INSERT INTO users (id, name, name_key, role, password_hash, created_at)"
                        " VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM users), ?, ?, ?, ?, ?)"
                        " RETURNING id"};
  // By the folded name (fold_name).
  Statement user_with_name{db.get(), "SELECT id, name FROM users WHERE name_key = ?"};
  Statement user_exists{db.get(), "SELECT 1 FROM users WHERE id = ?"};
  Statement select_user_by_name{db.get(), select_users("WHERE name_key = ?")};
  Statement select_user_by_id{db.get(), select_users("WHERE id = ?")};
  Statement select_user_by_api_token{
      db.get(), select_users("WHERE id = (SELECT user_id FROM api_tokens WHERE token_digest = ?)")};
  Statement list_users{db.get(), select_users("ORDER BY name")};
  Statement select_bodies{db.get(), "SELECT body FROM user_bodies WHERE user_id = ? ORDER BY body"};
  Statement insert_body{db.get(), "INSERT INTO user_bodies (user_id, body) VALUES (?, ?)"};
  Statement delete_bodies{db.get(), "DELETE FROM user_bodies WHERE user_id = ?"};
  Statement update_password{db.get(), "UPDATE users SET password_hash = ? WHERE id = ?"};
  Statement update_role{db.get(), "UPDATE users SET role = ? WHERE id = ?"};

  Statement forget_old_login_failures{db.get(), "DELETE FROM login_failures WHERE last_failed_at <= ?"};
  Statement login_failures_of_pair{db.get(),
                                   "SELECT failures, last_failed_at FROM login_failures"
                                   " WHERE account = ? AND address = ?"};
  Statement login_failures_from_address{db.get(),
                                        "SELECT COALESCE(SUM(failures), 0), COALESCE(MAX(last_failed_at), '')"
                                        " FROM login_failures WHERE address = ?"};
  Statement login_failures_of_account{db.get(),
                                      "SELECT COALESCE(SUM(failures), 0) FROM login_failures WHERE account = ?"};
  Statement count_login_failure{db.get(),
                                "INSERT INTO login_failures (account, address, failures, last_failed_at)"
                                " VALUES (?, ?, 1, ?) ON CONFLICT (account, address) DO UPDATE"
                                " SET failures = login_failures.failures + 1,"
                                " last_failed_at = excluded.last_failed_at"};
  Statement clear_login_failures_of_pair{db.get(),
                                         "DELETE FROM login_failures WHERE account = ? AND address = ?"};
  Statement clear_login_failures_of_account{db.get(), "DELETE FROM login_failures WHERE account = ?"};

  Statement insert_session{db.get(),
                           "INSERT INTO sessions (token_digest, user_id, csrf_token, created_at,"
                           " expires_at) VALUES (?, ?, ?, ?, ?)"};
  Statement session_exists{db.get(), "SELECT 1 FROM sessions WHERE token_digest = ?"};
  Statement select_session{db.get(),
                           "SELECT token_digest, user_id, csrf_token, created_at, expires_at"
                           " FROM sessions WHERE token_digest = ? AND expires_at > ?"};
  Statement delete_session{db.get(), "DELETE FROM sessions WHERE token_digest = ?"};
  Statement delete_sessions_of_user{db.get(), "DELETE FROM sessions WHERE user_id = ?"};
  Statement delete_expired_sessions{db.get(), "DELETE FROM sessions WHERE expires_at <= ?"};
  Statement insert_api_token{db.get(),
                             "INSERT INTO api_tokens (token_digest, user_id, label, created_at)"
                             " VALUES (?, ?, ?, ?)"};
  Statement api_token_exists{db.get(), "SELECT 1 FROM api_tokens WHERE token_digest = ?"};
  // Tokens made in the same second keep the order they were made in: rowid.
  Statement list_api_tokens{db.get(),
                            "SELECT token_digest, user_id, label, created_at FROM api_tokens"
                            " WHERE user_id = ? ORDER BY created_at, rowid"};
  Statement delete_api_tokens_with_label{db.get(),
                                         "DELETE FROM api_tokens WHERE user_id = ? AND label = ?"};
  Statement delete_api_tokens_of_user{db.get(), "DELETE FROM api_tokens WHERE user_id = ?"};

  Statement insert_procedure{
      db.get(),
      "INSERT INTO silence_procedures (id, meeting_id, subject, description, draft,"
      " based_on_version, deadline, submitted_by, submitted_at, status)"
      " VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM silence_procedures), ?, ?, ?, ?, ?, ?, ?, ?,"
      " 'open') RETURNING id"};
  Statement select_procedure{db.get(), select_procedures("WHERE id = ?")};
  Statement list_procedures{db.get(), select_procedures("WHERE meeting_id = ? ORDER BY id DESC")};
  Statement list_due_procedures{
      db.get(), select_procedures("WHERE status = 'open' AND deadline <= ? ORDER BY deadline, id")};
  Statement update_procedure_status{
      db.get(), "UPDATE silence_procedures SET status = ?, closed_at = ?, closed_by = ?"
                " WHERE id = ? AND status = 'open'"};
  Statement select_objections{db.get(),
                              "SELECT id, who, objected_at, comment FROM objections"
                              " WHERE procedure_id = ? ORDER BY id"};
  Statement insert_objection{
      db.get(),
      "INSERT INTO objections (id, procedure_id, who, objected_at, comment)"
      " VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM objections), ?, ?, ?, ?)"};
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

// ---- Meetings

std::vector<MeetingSummary> SqliteStore::meetings() {
  std::vector<MeetingSummary> summaries;
  Run run(impl_->list_meetings);
  while (run.next_row()) summaries.push_back(read_summary(run));
  return summaries;
}

std::optional<MeetingRecord> SqliteStore::meeting(int64_t id) { return impl_->find(id); }

std::optional<MeetingSummary> SqliteStore::meeting_summary(int64_t id) {
  Run run(impl_->select_summary);
  run.bind(id);
  if (!run.next_row()) return std::nullopt;
  return read_summary(run);
}

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
  std::string now = impl_->now();
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
  return save_meeting(id, based_on_version, "", document, who, action);
}

MeetingRecord SqliteStore::save_meeting(int64_t id, int64_t based_on_version, const std::string& symbol,
                                        const std::string& document, const std::string& who,
                                        const std::string& action) {
  if (!symbol.empty()) check_name("symbol", symbol);
  check_text("document", document, kMaxDocumentBytes);
  check_name("who", who);
  check_name("action", action);
  if (action == "create" || action == "publish")
    throw InvalidInput("action \"" + action + "\" is reserved for create_meeting and publish");
  WriteTransaction transaction(impl_->db.get());
  MeetingRecord before = impl_->current(id, based_on_version);
  MeetingRecord after = impl_->save_document(before, document, who, action, impl_->now(), symbol);
  transaction.commit();
  return after;
}

MeetingRecord SqliteStore::publish(int64_t id, int64_t based_on_version, const std::string& who,
                                   const std::vector<NoticeText>& notices) {
  check_name("who", who);
  check_notices(notices);
  WriteTransaction transaction(impl_->db.get());
  MeetingRecord before = impl_->current(id, based_on_version);
  MeetingRecord after = impl_->publish_working_document(before, who, notices, impl_->now());
  transaction.commit();
  return after;
}

std::vector<UpdateNotice> SqliteStore::updates(int64_t meeting_id) {
  ReadTransaction transaction(impl_->db.get());
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
  ReadTransaction transaction(impl_->db.get());
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

// ---- Accounts

User SqliteStore::create_user(const std::string& name, Role role,
                              const std::vector<std::string>& bodies,
                              const std::string& password_hash) {
  check_name("user name", name);
  check_role(role, bodies);
  check_secret("password hash", password_hash);
  const std::string key = fold_name(name);
  if (key.empty()) throw InvalidInput("user name \"" + name + "\" has only invisible characters");
  WriteTransaction transaction(impl_->db.get());
  {
    Run run(impl_->user_with_name);
    run.bind(key);
    if (run.next_row())
      throw AlreadyExists("a user is already named " + run.text(1) +
                          (run.text(1) == name ? "" : " (the same name as " + name + ", whatever the case)"));
  }
  int64_t id = 0;
  {
    Run run(impl_->insert_user);
    run.bind(name).bind(key).bind(std::string(to_string(role))).bind(password_hash).bind(impl_->now());
    run.next_row();
    id = run.integer(0);
  }
  impl_->replace_bodies(id, bodies);
  User created = *impl_->find_user(id);
  transaction.commit();
  return created;
}

std::optional<User> SqliteStore::user(const std::string& name) {
  ReadTransaction transaction(impl_->db.get());
  return impl_->find_user(impl_->select_user_by_name, fold_name(name));
}

std::optional<User> SqliteStore::user_by_id(int64_t id) {
  ReadTransaction transaction(impl_->db.get());
  return impl_->find_user(id);
}

std::vector<User> SqliteStore::users() {
  ReadTransaction transaction(impl_->db.get());
  std::vector<User> all;
  Run run(impl_->list_users);
  while (run.next_row()) all.push_back(impl_->read_user(run));
  return all;
}

void SqliteStore::set_password(const std::string& name, const std::string& password_hash) {
  check_secret("password hash", password_hash);
  WriteTransaction transaction(impl_->db.get());
  int64_t id = impl_->user_id(name);
  Run(impl_->update_password).bind(password_hash).bind(id).run();
  Run(impl_->delete_sessions_of_user).bind(id).run();
  transaction.commit();
}

void SqliteStore::set_role(const std::string& name, Role role, const std::vector<std::string>& bodies) {
  check_role(role, bodies);
  WriteTransaction transaction(impl_->db.get());
  int64_t id = impl_->user_id(name);
  Run(impl_->update_role).bind(std::string(to_string(role))).bind(id).run();
  impl_->replace_bodies(id, bodies);
  transaction.commit();
}

// ---- The login throttle

LoginFailures SqliteStore::record_login_attempt(const std::string& account, const std::string& address,
                                                const std::string& since, const std::string& now,
                                                const std::function<bool(const LoginFailures&)>& admit) {
  check_secret("login throttle account", account);
  check_secret("login throttle address", address);
  check_time("since", since);
  check_time("now", now);
  WriteTransaction transaction(impl_->db.get());
  Run(impl_->forget_old_login_failures).bind(since).run();
  LoginFailures failures;
  {
    Run run(impl_->login_failures_of_pair);
    run.bind(account).bind(address);
    if (run.next_row()) {
      failures.of_account_from_address = run.integer(0);
      failures.last_of_account_from_address = run.text(1);
    }
  }
  {
    Run run(impl_->login_failures_from_address);
    run.bind(address);
    run.next_row();
    failures.from_address = run.integer(0);
    failures.last_from_address = run.text(1);
  }
  {
    Run run(impl_->login_failures_of_account);
    run.bind(account);
    run.next_row();
    failures.of_account = run.integer(0);
  }
  if (admit(failures)) Run(impl_->count_login_failure).bind(account).bind(address).bind(now).run();
  transaction.commit();
  return failures;
}

void SqliteStore::clear_login_failures(const std::string& account, const std::string& address) {
  check_secret("login throttle account", account);
  if (!address.empty()) check_secret("login throttle address", address);
  WriteTransaction transaction(impl_->db.get());
  if (address.empty())
    Run(impl_->clear_login_failures_of_account).bind(account).run();
  else
    Run(impl_->clear_login_failures_of_pair).bind(account).bind(address).run();
  transaction.commit();
}

// ---- Sessions and API tokens

void SqliteStore::create_session(const Session& session) {
  check_secret("token digest", session.token_digest);
  check_secret("CSRF token", session.csrf_token);
  if (!session.created_at.empty()) check_time("created_at", session.created_at);
  check_time("expires_at", session.expires_at);
  WriteTransaction transaction(impl_->db.get());
  impl_->require_user(session.user_id);
  std::string now = impl_->now();
  Run(impl_->delete_expired_sessions).bind(now).run();
  {
    Run run(impl_->session_exists);
    run.bind(session.token_digest);
    if (run.next_row()) throw AlreadyExists("a session already has this token digest");
  }
  Run(impl_->insert_session)
      .bind(session.token_digest)
      .bind(session.user_id)
      .bind(session.csrf_token)
      .bind(session.created_at.empty() ? now : session.created_at)
      .bind(session.expires_at)
      .run();
  transaction.commit();
}

std::optional<Session> SqliteStore::session(const std::string& token_digest, const std::string& now) {
  check_time("now", now);
  Run run(impl_->select_session);
  run.bind(token_digest).bind(now);
  if (!run.next_row()) return std::nullopt;
  return Session{run.text(0), run.integer(1), run.text(2), run.text(3), run.text(4)};
}

void SqliteStore::delete_session(const std::string& token_digest) {
  WriteTransaction transaction(impl_->db.get());
  Run(impl_->delete_session).bind(token_digest).run();
  transaction.commit();
}

void SqliteStore::create_api_token(const std::string& token_digest, int64_t user_id,
                                   const std::string& label) {
  check_secret("token digest", token_digest);
  check_name("label", label);
  WriteTransaction transaction(impl_->db.get());
  impl_->require_user(user_id);
  {
    Run run(impl_->api_token_exists);
    run.bind(token_digest);
    if (run.next_row()) throw AlreadyExists("an API token already has this digest");
  }
  Run(impl_->insert_api_token).bind(token_digest).bind(user_id).bind(label).bind(impl_->now()).run();
  transaction.commit();
}

std::optional<User> SqliteStore::user_for_api_token(const std::string& token_digest) {
  ReadTransaction transaction(impl_->db.get());
  return impl_->find_user(impl_->select_user_by_api_token, token_digest);
}

std::vector<ApiToken> SqliteStore::api_tokens(int64_t user_id) {
  ReadTransaction transaction(impl_->db.get());
  impl_->require_user(user_id);
  std::vector<ApiToken> tokens;
  Run run(impl_->list_api_tokens);
  run.bind(user_id);
  while (run.next_row()) tokens.push_back({run.text(0), run.integer(1), run.text(2), run.text(3)});
  return tokens;
}

int64_t SqliteStore::revoke_api_tokens(int64_t user_id, const std::string& label) {
  if (!label.empty()) check_name("label", label);
  WriteTransaction transaction(impl_->db.get());
  impl_->require_user(user_id);
  if (label.empty())
    Run(impl_->delete_api_tokens_of_user).bind(user_id).run();
  else
    Run(impl_->delete_api_tokens_with_label).bind(user_id).bind(label).run();
  // The rows the DELETE just removed; read before anything else writes.
  const int64_t revoked = sqlite3_changes(impl_->db.get());
  transaction.commit();
  return revoked;
}

// ---- Silence procedures

SilenceProcedure SqliteStore::submit_procedure(int64_t meeting_id, ProcedureSubject subject,
                                               const std::string& description,
                                               const std::string& draft, int64_t based_on_version,
                                               const std::string& deadline, const std::string& who) {
  if (!procedure_subject_from(to_string(subject)))
    throw InvalidInput("procedure subject " + std::to_string(static_cast<int>(subject)) +
                       " is not calendar, topics or organization");
  check_text("description", description, kMaxNoticeBytes);
  check_text("draft", draft, kMaxDocumentBytes);
  check_time("deadline", deadline);
  check_name("who", who);
  WriteTransaction transaction(impl_->db.get());
  std::optional<MeetingRecord> meeting = impl_->find(meeting_id);
  if (!meeting) throw NotFound("no meeting has id " + std::to_string(meeting_id));
  if (based_on_version < 1 || based_on_version > meeting->version)
    throw InvalidInput("meeting " + std::to_string(meeting_id) + " never had version " +
                       std::to_string(based_on_version) + "; it is at version " +
                       std::to_string(meeting->version));
  std::string now = impl_->now();
  if (deadline <= now)
    throw InvalidInput("the deadline " + deadline + " is not after now, " + now);
  int64_t id = 0;
  {
    Run run(impl_->insert_procedure);
    run.bind(meeting_id)
        .bind(std::string(to_string(subject)))
        .bind(description)
        .bind(draft)
        .bind(based_on_version)
        .bind(deadline)
        .bind(who)
        .bind(now);
    run.next_row();
    id = run.integer(0);
  }
  SilenceProcedure submitted = *impl_->find_procedure(id);
  transaction.commit();
  return submitted;
}

std::optional<SilenceProcedure> SqliteStore::procedure(int64_t id) {
  ReadTransaction transaction(impl_->db.get());
  return impl_->find_procedure(id);
}

std::vector<SilenceProcedure> SqliteStore::procedures(int64_t meeting_id) {
  ReadTransaction transaction(impl_->db.get());
  impl_->require_meeting(meeting_id);
  std::vector<SilenceProcedure> all;
  Run run(impl_->list_procedures);
  run.bind(meeting_id);
  while (run.next_row()) all.push_back(impl_->read_procedure(run));
  return all;
}

std::vector<SilenceProcedure> SqliteStore::procedures_due(const std::string& now) {
  check_time("now", now);
  ReadTransaction transaction(impl_->db.get());
  std::vector<SilenceProcedure> due;
  Run run(impl_->list_due_procedures);
  run.bind(now);
  while (run.next_row()) due.push_back(impl_->read_procedure(run));
  return due;
}

SilenceProcedure SqliteStore::object(int64_t procedure_id, const std::string& who,
                                     const std::string& comment) {
  check_name("who", who);
  check_text("comment", comment, kMaxNoticeBytes);
  WriteTransaction transaction(impl_->db.get());
  SilenceProcedure procedure = impl_->open_procedure(procedure_id);
  std::string now = impl_->now();
  if (now >= procedure.deadline)
    throw InvalidInput("the deadline " + procedure.deadline + " of procedure " +
                       std::to_string(procedure_id) + " has passed; it is now " + now);
  Run(impl_->insert_objection).bind(procedure_id).bind(who).bind(now).bind(comment).run();
  impl_->close_procedure(procedure_id, ProcedureStatus::objected, now, who);
  SilenceProcedure objected = *impl_->find_procedure(procedure_id);
  transaction.commit();
  return objected;
}

SilenceProcedure SqliteStore::withdraw(int64_t procedure_id, const std::string& who) {
  check_name("who", who);
  WriteTransaction transaction(impl_->db.get());
  impl_->open_procedure(procedure_id);
  impl_->close_procedure(procedure_id, ProcedureStatus::withdrawn, impl_->now(), who);
  SilenceProcedure withdrawn = *impl_->find_procedure(procedure_id);
  transaction.commit();
  return withdrawn;
}

MeetingRecord SqliteStore::conclude_procedure(int64_t procedure_id, int64_t based_on_version,
                                              const std::string& document, const std::string& who,
                                              bool publish, const std::vector<NoticeText>& notices) {
  check_text("document", document, kMaxDocumentBytes);
  check_name("who", who);
  check_notices(notices);
  if (!publish && !notices.empty())
    throw InvalidInput("notices come with a publication, and this conclusion does not publish");
  WriteTransaction transaction(impl_->db.get());
  SilenceProcedure procedure = impl_->open_procedure(procedure_id);
  std::string now = impl_->now();
  if (now < procedure.deadline)
    throw InvalidInput("procedure " + std::to_string(procedure_id) + " runs until " +
                       procedure.deadline + "; it is now " + now);
  // An objection closes the procedure, so an open one has none; but a
  // silence that was broken must never be read as approval.
  if (!procedure.objections.empty())
    throw InvalidInput("procedure " + std::to_string(procedure_id) + " has objections");
  MeetingRecord before = impl_->current(procedure.meeting_id, based_on_version);
  MeetingRecord after = impl_->save_document(before, document, who, "silence-approved", now);
  if (publish) after = impl_->publish_working_document(after, who, notices, now);
  impl_->close_procedure(procedure_id, ProcedureStatus::approved, now, who);
  transaction.commit();
  return after;
}

}  // namespace plenary::store
