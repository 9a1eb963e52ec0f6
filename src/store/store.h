// The store: meetings, what the public sees of them, their update notices and
// the audit log, behind an interface that SQLite implements now
// (sqlite_store.h) and PostgreSQL can implement later.
//
// The store keeps each meeting's document as text and never parses it: the
// web layer stores JSON shaped like the meeting file and checks it with the
// model before saving.
//
// Versions. Every write (an edit or a publication) bumps the meeting's
// `version` and must name the version it was based on. When that version is
// stale the write is refused with VersionConflict, which carries the record
// as it now is: two editors never silently overwrite each other, and a
// double-clicked "publish" publishes once.
//
// Every write is one transaction that also appends an audit entry (who, when,
// what, the document before and after). A write that throws wrote nothing.
//
// Errors are exceptions, all derived from StoreError:
//   InvalidInput     an argument breaks a rule below
//   NotFound         no meeting has that id
//   AlreadyExists    another meeting has that symbol
//   VersionConflict  based_on_version is not the current version
//   StoreError       the database itself failed: I/O, corruption, a lock held
//                    past the busy timeout, a schema newer than the program
// Reads that look one meeting up return std::optional instead.
//
// Input rules, the same in every store. All text must be valid UTF-8 without
// NUL bytes (PostgreSQL's text type refuses both, so SQLite refuses them too).
//   body, symbol, who, action  1..kMaxNameBytes bytes, no spaces around
//   document                   1..kMaxDocumentBytes bytes
//   notice date                "YYYY-MM-DD"
//   notice language            a lowercase ISO 639 code: "en", "fr", "zh"
//   notice text                1..kMaxNoticeBytes bytes
// A store is used by one thread at a time; threads and processes each open
// their own and share the database.
#pragma once

#include <cstdint>
#include <ctime>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace plenary::store {

// A six-language meeting is some hundreds of kilobytes of JSON. Each edit is
// kept three times (the meeting, and the audit's before and after), so the
// limit stays well under SQLite's 1 GB value limit and PostgreSQL's 1 GB.
inline constexpr size_t kMaxDocumentBytes = 8 * 1024 * 1024;
inline constexpr size_t kMaxNameBytes = 200;
inline constexpr size_t kMaxNoticeBytes = 16 * 1024;

// Returns the time to record, as ISO 8601 text in UTC: "2024-05-01T09:30:00Z".
// Passed in so that tests are deterministic.
using Clock = std::function<std::string()>;

// The wall clock, to the second.
inline std::string utc_now() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// A meeting without its documents: what a listing needs.
struct MeetingSummary {
  int64_t id = 0;
  std::string body;               // the body's short name: "CTOC/COP/WG.7"
  std::string symbol;             // the agenda's symbol, unique: "CTOC/COP/WG.7/2022/1"
  int64_t version = 0;            // 1 when created, +1 at every write
  bool published = false;
  int64_t calendar_sequence = 0;  // publications so far; the iCalendar SEQUENCE
  std::string created_at;
  std::string updated_at;         // the last write, publications included
  std::string published_at;       // the last publication; empty before the first
};

struct MeetingRecord : MeetingSummary {
  std::string document;            // the working text, as last saved
  std::string published_document;  // what the public sees; empty before the first publication
};

// A notice to publish with a new version: "The opening was moved to 10 a.m."
struct NoticeText {
  std::string date;      // "2024-05-01": the date the public page shows
  std::string language;  // "en"
  std::string text;
};

// A published notice. The public page lists them newest first.
struct UpdateNotice {
  int64_t id = 0;
  int64_t meeting_id = 0;
  int64_t version = 0;  // the version whose publication it came with
  std::string date;
  std::string language;
  std::string text;
};

struct AuditEntry {
  int64_t id = 0;
  int64_t meeting_id = 0;
  int64_t version = 0;  // the version the write produced
  std::string who;
  std::string at;
  std::string action;   // "create", "publish", or the action given to update_meeting
  std::string before;   // create and edits: the document; publish: the published document
  std::string after;
};

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class InvalidInput : public StoreError {
 public:
  using StoreError::StoreError;
};

class NotFound : public StoreError {
 public:
  using StoreError::StoreError;
};

class AlreadyExists : public StoreError {
 public:
  using StoreError::StoreError;
};

class VersionConflict : public StoreError {
 public:
  VersionConflict(MeetingRecord current, int64_t based_on_version)
      : StoreError("meeting " + std::to_string(current.id) + " (" + current.symbol +
                   ") is at version " + std::to_string(current.version) + ", not " +
                   std::to_string(based_on_version) + ": it changed since it was read"),
        current_(std::move(current)) {}

  // The meeting as it is now, to show the editor what changed.
  const MeetingRecord& current() const { return current_; }

 private:
  MeetingRecord current_;
};

class Store {
 public:
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  virtual ~Store() = default;

  // Every meeting, by body then symbol.
  virtual std::vector<MeetingSummary> meetings() = 0;

  // The meeting with `id`, or nothing.
  virtual std::optional<MeetingRecord> meeting(int64_t id) = 0;

  // A new, unpublished meeting at version 1; audited as "create".
  virtual MeetingRecord create_meeting(const std::string& body, const std::string& symbol,
                                       const std::string& document, const std::string& who) = 0;

  // Saves `document` as the next version. `action` names the edit in the
  // audit log ("edit", "import"); "create" and "publish" are reserved.
  virtual MeetingRecord update_meeting(int64_t id, int64_t based_on_version,
                                       const std::string& document, const std::string& who,
                                       const std::string& action) = 0;

  // Publishes the working document as it is at `based_on_version`: copies it
  // to published_document, bumps calendar_sequence and version, and records
  // the notices (none, or at most one per language). Audited as "publish".
  virtual MeetingRecord publish(int64_t id, int64_t based_on_version, const std::string& who,
                                const std::vector<NoticeText>& notices) = 0;

  // The meeting's notices, newest date first. Throws NotFound for an unknown meeting.
  virtual std::vector<UpdateNotice> updates(int64_t meeting_id) = 0;

  // The meeting's audit log, oldest first. Throws NotFound for an unknown meeting.
  virtual std::vector<AuditEntry> audit(int64_t meeting_id) = 0;
};

}  // namespace plenary::store
