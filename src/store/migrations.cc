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

const Migration kMigrations[] = {
    {1, "meetings, update notices and audit entries", kMeetingsNoticesAudit},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

}  // namespace plenary::store
