#include "store/migrations.h"

namespace plenary::store {
namespace {

// A meeting's published document and its publication date are set together.
// Notices and audit entries are never deleted, so neither are meetings.
const char kMeetingsNoticesAudit[] = R"sql(
CREATE TABLE meetings (
  id BIGINT PRIMARY KEY,
  body TEXT NOT NULL CHECK (body <> ''),
  symbol TEXT NOT NULL UNIQUE CHECK (symbol <> ''),
  document TEXT NOT NULL,
  version BIGINT NOT NULL CHECK (version >= 1),
  published_document TEXT,
  published_at TEXT,
  calendar_sequence BIGINT NOT NULL CHECK (calendar_sequence >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((published_document IS NULL) = (published_at IS NULL))
);
CREATE INDEX meetings_by_body ON meetings (body, symbol);

CREATE TABLE update_notices (
  id BIGINT PRIMARY KEY,
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  version BIGINT NOT NULL,
  date TEXT NOT NULL,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (meeting_id, version, language)
);
CREATE INDEX update_notices_by_meeting ON update_notices (meeting_id, date);

CREATE TABLE audit_entries (
  id BIGINT PRIMARY KEY,
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  version BIGINT NOT NULL,
  who TEXT NOT NULL,
  written_at TEXT NOT NULL,
  action TEXT NOT NULL,
  document_before TEXT NOT NULL,
  document_after TEXT NOT NULL
);
CREATE INDEX audit_entries_by_meeting ON audit_entries (meeting_id, id);
)sql";

// Accounts, their sessions and API tokens, and silence procedures. Sessions
// and tokens are kept by the digest of their secret. A user's bodies are rows,
// not a delimited string, so that a body name may hold any character. A
// procedure is closed (closed_at, closed_by) exactly when it is not open;
// closed_by is who objected, withdrew or concluded.
const char kAccountsAndSilenceProcedures[] = R"sql(
CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (name <> ''),
  role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'bureau')),
  password_hash TEXT NOT NULL CHECK (password_hash <> ''),
  failed_logins BIGINT NOT NULL CHECK (failed_logins >= 0),
  locked_until TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE user_bodies (
  user_id BIGINT NOT NULL REFERENCES users (id),
  body TEXT NOT NULL CHECK (body <> ''),
  PRIMARY KEY (user_id, body)
);

CREATE TABLE sessions (
  token_digest TEXT PRIMARY KEY CHECK (token_digest <> ''),
  user_id BIGINT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL CHECK (csrf_token <> ''),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
  token_digest TEXT PRIMARY KEY CHECK (token_digest <> ''),
  user_id BIGINT NOT NULL REFERENCES users (id),
  label TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

CREATE TABLE silence_procedures (
  id BIGINT PRIMARY KEY,
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  subject TEXT NOT NULL CHECK (subject IN ('calendar', 'topics', 'organization')),
  description TEXT NOT NULL CHECK (description <> ''),
  draft TEXT NOT NULL CHECK (draft <> ''),
  based_on_version BIGINT NOT NULL CHECK (based_on_version >= 1),
  deadline TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'approved', 'objected', 'withdrawn')),
  closed_at TEXT,
  closed_by TEXT,
  CHECK ((status = 'open') = (closed_at IS NULL)),
  CHECK ((closed_at IS NULL) = (closed_by IS NULL))
);
CREATE INDEX silence_procedures_by_meeting ON silence_procedures (meeting_id, id);
CREATE INDEX silence_procedures_by_deadline ON silence_procedures (status, deadline);

CREATE TABLE objections (
  id BIGINT PRIMARY KEY,
  procedure_id BIGINT NOT NULL REFERENCES silence_procedures (id),
  who TEXT NOT NULL,
  objected_at TEXT NOT NULL,
  comment TEXT NOT NULL CHECK (comment <> '')
);
CREATE INDEX objections_by_procedure ON objections (procedure_id, id);
)sql";

// The login throttle (auth/login.h): failures counted per account key and
// client address, forgotten a while after the last. It replaces the
// account lock of migration 2, which anyone could set by naming an account
// and which told real names from unknown ones.
const char kLoginThrottle[] = R"sql(
CREATE TABLE login_failures (
  account TEXT NOT NULL CHECK (account <> ''),
  address TEXT NOT NULL CHECK (address <> ''),
  failures BIGINT NOT NULL CHECK (failures >= 1),
  last_failed_at TEXT NOT NULL,
  PRIMARY KEY (account, address)
);
CREATE INDEX login_failures_by_address ON login_failures (address);
CREATE INDEX login_failures_by_time ON login_failures (last_failed_at);
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
)sql";

// User names compared folded, so that "ED" and "ed" are one account. The
// key is filled by the step fold_user_names (migrations.h), which refuses
// when two existing names fold to one; the store writes it with every user.
const char kFoldedUserNames[] = R"sql(
ALTER TABLE users ADD COLUMN name_key TEXT;
CREATE UNIQUE INDEX users_by_name_key ON users (name_key);
)sql";

const Migration kMigrations[] = {
    {1, "meetings, update notices and audit entries", kMeetingsNoticesAudit, MigrationStep::none},
    {2, "accounts, sessions, API tokens and silence procedures", kAccountsAndSilenceProcedures,
     MigrationStep::none},
    {3, "login failures by account and address", kLoginThrottle, MigrationStep::none},
    {4, "user names compared without regard to case", kFoldedUserNames, MigrationStep::fold_user_names},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

}  // namespace plenary::store
