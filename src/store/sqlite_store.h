// The store in one SQLite file.
//
// Opening sets, on this connection: WAL journal mode (readers never wait for
// the writer), synchronous=FULL (a write is acknowledged only once it is on
// disk, so it survives a crash or power loss), foreign keys on, and a busy
// timeout (another connection's write is waited for, not failed). Then it
// applies the migrations the file lacks (migrations.h), in one transaction.
// Writes take the write lock when they begin (BEGIN IMMEDIATE), so the version
// they check is the version they replace. Reads made of several statements (a
// user and its bodies, a procedure and its objections) run in one read
// transaction, so they see one state of the file.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace plenary::store {

class SqliteStore final : public Store {
 public:
  // Opens the database at `path`, creating the file on first use, and brings
  // its schema up to date. Throws StoreError when the file cannot be opened,
  // is not a database, or has a schema newer than this program knows.
  static std::unique_ptr<SqliteStore> open(const std::string& path, Clock clock = utc_now);

  ~SqliteStore() override;

  std::vector<MeetingSummary> meetings() override;
  std::optional<MeetingRecord> meeting(int64_t id) override;
  MeetingRecord create_meeting(const std::string& body, const std::string& symbol,
                               const std::string& document, const std::string& who) override;
  MeetingRecord update_meeting(int64_t id, int64_t based_on_version, const std::string& document,
                               const std::string& who, const std::string& action) override;
  MeetingRecord save_meeting(int64_t id, int64_t based_on_version, const std::string& symbol,
                             const std::string& document, const std::string& who,
                             const std::string& action) override;
  MeetingRecord publish(int64_t id, int64_t based_on_version, const std::string& who,
                        const std::vector<NoticeText>& notices) override;
  std::vector<UpdateNotice> updates(int64_t meeting_id) override;
  std::vector<AuditEntry> audit(int64_t meeting_id) override;
  std::optional<MeetingSummary> meeting_summary(int64_t id) override;

  User create_user(const std::string& name, Role role, const std::vector<std::string>& bodies,
                   const std::string& password_hash) override;
  std::optional<User> user(const std::string& name) override;
  std::optional<User> user_by_id(int64_t id) override;
  std::vector<User> users() override;
  void set_password(const std::string& name, const std::string& password_hash) override;
  void set_role(const std::string& name, Role role, const std::vector<std::string>& bodies) override;
  LoginFailures record_login_attempt(const std::string& account, const std::string& address,
                                     const std::string& since, const std::string& now,
                                     const std::function<bool(const LoginFailures&)>& admit) override;
  void clear_login_failures(const std::string& account, const std::string& address) override;

  void create_session(const Session& session) override;
  std::optional<Session> session(const std::string& token_digest, const std::string& now) override;
  void delete_session(const std::string& token_digest) override;
  void create_api_token(const std::string& token_digest, int64_t user_id,
                        const std::string& label) override;
  std::optional<User> user_for_api_token(const std::string& token_digest) override;
  std::vector<ApiToken> api_tokens(int64_t user_id) override;
  int64_t revoke_api_tokens(int64_t user_id, const std::string& label) override;

  SilenceProcedure submit_procedure(int64_t meeting_id, ProcedureSubject subject,
                                    const std::string& description, const std::string& draft,
                                    int64_t based_on_version, const std::string& deadline,
                                    const std::string& who) override;
  std::optional<SilenceProcedure> procedure(int64_t id) override;
  std::vector<SilenceProcedure> procedures(int64_t meeting_id) override;
  std::vector<SilenceProcedure> procedures_due(const std::string& now) override;
  SilenceProcedure object(int64_t procedure_id, const std::string& who,
                          const std::string& comment) override;
  SilenceProcedure withdraw(int64_t procedure_id, const std::string& who) override;
  MeetingRecord conclude_procedure(int64_t procedure_id, int64_t based_on_version,
                                   const std::string& document, const std::string& who,
                                   bool publish, const std::vector<NoticeText>& notices) override;

  // The number of the last migration applied.
  int64_t schema_version();

 private:
  struct Impl;  // keeps sqlite3.h out of this header
  explicit SqliteStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace plenary::store
