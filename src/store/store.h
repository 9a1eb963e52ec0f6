// The store: meetings, what the public sees of them, their update notices and
// the audit log, behind an interface that SQLite implements now
// (sqlite_store.h) and PostgreSQL can implement later. It also holds the
// accounts of the secretariat and the Bureau, their login sessions and API
// tokens, and the silence procedures by which the Bureau approves drafts.
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
// Every write is one transaction; a write that throws wrote nothing. A write
// to a meeting also appends an audit entry (who, when, what, the document
// before and after). Accounts, sessions and tokens are not audited; a
// procedure keeps its own who and when (submitted, objected, closed).
//
// Errors are exceptions, all derived from StoreError:
//   InvalidInput     an argument breaks a rule below, or the write is not
//                    allowed now (a closed procedure, a passed deadline)
//   NotFound         no meeting, user or procedure has that id or name
//   AlreadyExists    another meeting has that symbol, another user that name,
//                    another session or API token that digest
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
//   user name, body, API token label   as names; user names are compared
//                              folded (fold_name), so "ED" and "ed" are one account
//   password hash, token digest, CSRF token  1..kMaxNameBytes bytes, opaque
//   login throttle account, address           1..kMaxNameBytes bytes, opaque
//   times (deadline, now, expires_at)  ISO 8601 UTC "2024-05-01T09:30:00Z";
//                              compared as text, which compares the times
//   procedure description, objection comment  1..kMaxNoticeBytes bytes
//   procedure draft            1..kMaxDocumentBytes bytes
// A store is used by one thread at a time; threads and processes each open
// their own and share the database.
#pragma once

#include <cstdint>
#include <ctime>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
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
  int64_t calendar_sequence = 0;  // publications so far
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

// ---- Accounts

// What an account may do. The public has no account: it reads what is published.
//   admin   everything, in every body; manages accounts
//   editor  drafts, plans, publishes and submits to the Bureau, in its bodies
//   bureau  reads drafts and objects in silence procedures, in its bodies
enum class Role { admin, editor, bureau };
const char* to_string(Role role);
std::optional<Role> role_from(const std::string& text);

// The form of a user name that the store compares: Unicode's NFKC case
// folding (ICU), so that "ED", "ed" and the full-width "ＥＤ" name one account.
// The name itself is kept as it was created, for display.
std::string fold_name(std::string_view name);

struct User {
  int64_t id = 0;
  std::string name;                 // the login name as created; unique once folded
  Role role = Role::editor;
  std::vector<std::string> bodies;  // editor, bureau: the bodies served ("CTOC/COP/WG.7"); admin: none
  std::string password_hash;        // argon2id, as libsodium's crypto_pwhash_str writes it
  std::string created_at;
};

// The failed logins the store remembers for one account key from one client
// address (auth/login.h has the policy that reads them, and makes the keys).
struct LoginFailures {
  int64_t of_account_from_address = 0;        // this account, from this address
  int64_t from_address = 0;                   // any account, from this address
  int64_t of_account = 0;                     // this account, from any address
  std::string last_of_account_from_address;   // ISO 8601 UTC; empty when there is none
  std::string last_from_address;
};

// A login session. The cookie holds a random token; the store keeps only its
// digest, so a copy of the database opens no session.
struct Session {
  std::string token_digest;
  int64_t user_id = 0;
  std::string csrf_token;   // the value every form of the session must send back
  std::string created_at;
  std::string expires_at;   // ISO 8601 UTC
};

// An API token as the store keeps it: the digest, never the token itself.
struct ApiToken {
  std::string token_digest;
  int64_t user_id = 0;
  std::string label;        // what the token is for
  std::string created_at;
};

// ---- Silence procedures

// What the Bureau is asked to approve.
enum class ProcedureSubject { calendar, topics, organization };
const char* to_string(ProcedureSubject subject);
std::optional<ProcedureSubject> procedure_subject_from(const std::string& text);

enum class ProcedureStatus { open, approved, objected, withdrawn };
const char* to_string(ProcedureStatus status);
std::optional<ProcedureStatus> procedure_status_from(const std::string& text);

struct Objection {
  int64_t id = 0;
  std::string who;
  std::string at;
  std::string comment;
};

// A draft sent to the Bureau with a deadline. Silence until the deadline
// approves it; one objection stops it.
struct SilenceProcedure {
  int64_t id = 0;
  int64_t meeting_id = 0;
  ProcedureSubject subject = ProcedureSubject::organization;
  std::string description;       // what is proposed, in the editor's words
  std::string draft;             // the meeting document proposed, as JSON
  int64_t based_on_version = 0;  // the meeting version the draft was made from
  std::string deadline;          // ISO 8601 UTC: silence is broken only before it
  std::string submitted_by;
  std::string submitted_at;
  ProcedureStatus status = ProcedureStatus::open;
  std::string closed_at;         // empty while open
  std::vector<Objection> objections;
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

  // update_meeting that also gives the meeting the agenda symbol `symbol`
  // ("" keeps it), so that the record follows the document. Throws
  // AlreadyExists when another meeting has that symbol.
  virtual MeetingRecord save_meeting(int64_t id, int64_t based_on_version, const std::string& symbol,
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

  // A summary of one meeting, without its documents: cheap, for caches
  // that only need to know whether the meeting changed.
  virtual std::optional<MeetingSummary> meeting_summary(int64_t id) = 0;

  // ---- Accounts. Names follow the rules for names; bodies too.

  // Throws AlreadyExists when the name, folded, is taken; InvalidInput for
  // a name that folds to nothing, an admin with bodies, or an editor or
  // Bureau member without any. Lookups by name fold it too.
  virtual User create_user(const std::string& name, Role role, const std::vector<std::string>& bodies,
                           const std::string& password_hash) = 0;
  virtual std::optional<User> user(const std::string& name) = 0;
  virtual std::optional<User> user_by_id(int64_t id) = 0;
  virtual std::vector<User> users() = 0;  // by name; each user's bodies sorted
  // Throw NotFound for an unknown name. Setting a password also ends every
  // session of the user (a stolen session dies with a password change); API
  // tokens stay. A new role takes effect at once: sessions only
  // name the user.
  virtual void set_password(const std::string& name, const std::string& password_hash) = 0;
  virtual void set_role(const std::string& name, Role role, const std::vector<std::string>& bodies) = 0;

  // ---- The login throttle. `account` and `address` are opaque keys that
  // auth makes (from the name typed, whether an account has it or not, and
  // from the client's address).

  // In one transaction: forgets every failure at or before `since`; reads
  // the failures of `account` from `address` left; and when `admit` accepts
  // them, counts this attempt as one more failure at `now`, which the
  // caller clears when the password proves right. Counting before the
  // password is checked keeps parallel guesses within the limits. Returns
  // the failures as read, before this attempt.
  virtual LoginFailures record_login_attempt(const std::string& account, const std::string& address,
                                             const std::string& since, const std::string& now,
                                             const std::function<bool(const LoginFailures&)>& admit) = 0;
  // Forgets the failures of `account` from `address`, or from every address
  // when `address` is empty.
  virtual void clear_login_failures(const std::string& account, const std::string& address) = 0;

  // ---- Sessions and API tokens, by the digest of their secret.

  // Throws NotFound for an unknown user, AlreadyExists for a digest in use.
  // An empty created_at is the store's clock. Also forgets the sessions
  // that have expired by the store's clock.
  virtual void create_session(const Session& session) = 0;
  // The session, if it exists and has not expired by `now` (expires_at > now).
  virtual std::optional<Session> session(const std::string& token_digest, const std::string& now) = 0;
  // Ends the session; a digest without a session is no error (logging out twice).
  virtual void delete_session(const std::string& token_digest) = 0;
  // An API token for scripts; `label` says what it is for. Throws NotFound
  // for an unknown user, AlreadyExists for a digest in use.
  virtual void create_api_token(const std::string& token_digest, int64_t user_id, const std::string& label) = 0;
  virtual std::optional<User> user_for_api_token(const std::string& token_digest) = 0;
  // The user's API tokens, oldest first. Throws NotFound for an unknown user.
  virtual std::vector<ApiToken> api_tokens(int64_t user_id) = 0;
  // Deletes the user's API tokens labelled `label`, or all of them when
  // `label` is empty, and returns how many went; none is no error. Throws
  // NotFound for an unknown user, InvalidInput for a label that breaks the
  // rules for names (it could name no token).
  virtual int64_t revoke_api_tokens(int64_t user_id, const std::string& label) = 0;

  // ---- Silence procedures

  // Opens a procedure on the meeting (status open, no objections). Throws
  // NotFound for an unknown meeting and InvalidInput for an empty draft or
  // description, a deadline that is not ISO 8601 UTC or not after the
  // store's clock, or a based_on_version the meeting never had.
  virtual SilenceProcedure submit_procedure(int64_t meeting_id, ProcedureSubject subject,
                                            const std::string& description, const std::string& draft,
                                            int64_t based_on_version, const std::string& deadline,
                                            const std::string& who) = 0;
  virtual std::optional<SilenceProcedure> procedure(int64_t id) = 0;
  // The meeting's procedures, newest first. Throws NotFound for an unknown meeting.
  virtual std::vector<SilenceProcedure> procedures(int64_t meeting_id) = 0;
  // Every open procedure whose deadline is at or before `now`, the earliest deadline first.
  virtual std::vector<SilenceProcedure> procedures_due(const std::string& now) = 0;

  // Breaks the silence: records the objection and stops the procedure
  // (status objected). Throws InvalidInput when the procedure is not open or
  // its deadline has passed by the store's clock; NotFound when unknown.
  virtual SilenceProcedure object(int64_t procedure_id, const std::string& who, const std::string& comment) = 0;
  // Withdraws an open procedure (status withdrawn), before or after its
  // deadline. Throws InvalidInput when it is not open; NotFound when unknown.
  virtual SilenceProcedure withdraw(int64_t procedure_id, const std::string& who) = 0;

  // Concludes an open procedure whose deadline has passed without objection,
  // in one transaction: saves `document` (the meeting with the decision
  // recorded) as the next version after `based_on_version`, audited as
  // "silence-approved"; publishes it with `notices` when `publish` is set;
  // marks the procedure approved. Throws VersionConflict like update_meeting,
  // NotFound for an unknown procedure, and InvalidInput when the procedure is
  // not open or not yet due by the store's clock, or notices come without `publish`.
  virtual MeetingRecord conclude_procedure(int64_t procedure_id, int64_t based_on_version,
                                           const std::string& document, const std::string& who,
                                           bool publish, const std::vector<NoticeText>& notices) = 0;
};

}  // namespace plenary::store
