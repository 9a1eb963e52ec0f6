// The store in one SQLite file.
//
// Opening sets, on this connection: WAL journal mode (readers never wait for
// the writer), synchronous=FULL (a write is acknowledged only once it is on
// disk, so it survives a crash or power loss), foreign keys on, and a busy
// timeout (another connection's write is waited for, not failed). Then it
// applies the migrations the file lacks (migrations.h), in one transaction.
// Writes take the write lock when they begin (BEGIN IMMEDIATE), so the version
// they check is the version they replace.
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
  MeetingRecord publish(int64_t id, int64_t based_on_version, const std::string& who,
                        const std::vector<NoticeText>& notices) override;
  std::vector<UpdateNotice> updates(int64_t meeting_id) override;
  std::vector<AuditEntry> audit(int64_t meeting_id) override;

  // The number of the last migration applied.
  int64_t schema_version();

 private:
  struct Impl;  // keeps sqlite3.h out of this header
  explicit SqliteStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace plenary::store
