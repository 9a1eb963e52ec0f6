// A meeting's history, from its audit log: every version with who made it,
// when and what it changed; the meeting at any version; two versions
// compared value by value, per item and language; a version restored as the
// next one. And the meeting file imported as the next version. Restoring
// and importing are changes like any other (save_change): merged with what
// others saved meanwhile, checked, audited ("restore", "import") and
// refused while a silence procedure holds what they change.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "edit/diff.h"
#include "format/diagnostic.h"
#include "i18n/catalog.h"
#include "model/meeting.h"
#include "store/store.h"
#include "workflow/errors.h"
#include "workflow/meetings.h"

namespace plenary::workflow {

struct VersionEntry {
  int64_t version = 0;
  std::string who;
  std::string at;          // ISO 8601 UTC
  std::string action;      // "create", "edit-item", "publish", "restore", "import", ...
  bool published = false;  // a publication: from then on the public saw this version
  // What it changed, in plain lines (edit::describe_changes): against the
  // version before; a publication against the previous publication.
  std::vector<std::string> changes;
  std::string summary;     // one line: "item 2: title (fr) changed (and 3 other changes)"
};

// Every version of the meeting, oldest first. Refused(not_found) for an
// unknown meeting.
std::vector<VersionEntry> versions(store::Store& store, int64_t meeting_id);

struct Version {
  VersionEntry entry;
  Meeting meeting;  // the working meeting at that version; for a publication, what was published
};

// Refused(not_found) when the meeting has no version `version`;
// Refused(unprocessable) when what was stored then cannot be read.
Version version_at(store::Store& store, int64_t meeting_id, int64_t version);

// One value that differs between two versions, as a person reads it.
struct Difference {
  std::string field;     // its path in the meeting: "items[1].title.fr"
  std::string label;     // "item 2, title (French)"
  std::string language;  // "fr" for a text in one language, else ""
  std::string from;      // at the first version: the text, an annotation's Markdown,
  std::string to;        // other values as JSON; "" where absent
};

struct Comparison {
  int64_t from = 0;
  int64_t to = 0;
  std::vector<std::string> changes;     // from one to the other, in plain lines
  std::vector<Difference> differences;  // value by value, in the order of the meeting file
};

// Version `from` against version `to` (either may be the later one); the
// languages named from the catalog's [language_names]. Refused(not_found)
// for a version the meeting never had.
Comparison compare_versions(store::Store& store, int64_t meeting_id, int64_t from, int64_t to, const Catalog& names);

// "item 2, title (French)", "meeting, start".
std::string difference_label(const edit::FieldChange& change, const Catalog& names);

struct Restored {
  Saved saved;                       // the record is unchanged when nothing needed restoring
  std::vector<std::string> changes;  // what the restore changed, in plain lines; empty: nothing
};

// Saves the meeting as it was at `version` as the next version, through
// save_change (audited "restore"). Nothing is saved when the meeting is
// already as it was then. Refused(not_found) for a version the meeting
// never had, Refused(unprocessable) for a version of another body.
Restored restore(store::Store& store, const Actor& actor, const store::MeetingRecord& record,
                 int64_t based_on_version, int64_t version);

// "line 12, column 9: unknown key 'knd' ...": a meeting file's finding for a person.
std::string diagnostic_line(const Diagnostic& diagnostic);

// A meeting file with errors: each with its line and column.
class InvalidFile : public Refused {
 public:
  explicit InvalidFile(std::vector<Diagnostic> errors);
  std::vector<Diagnostic> errors;
};

struct Imported {
  Saved saved;
  std::vector<std::string> changes;   // what the file changed, in plain lines
  std::vector<Diagnostic> warnings;   // what the file may want looked at, with line and column
};

// Reads a meeting file (TOML) and saves its meeting as the next version
// through save_change (audited "import"). InvalidFile when it cannot be
// read or has errors; Refused(unprocessable) when it is another body's.
Imported import_meeting_file(store::Store& store, const Actor& actor, const store::MeetingRecord& record,
                             int64_t based_on_version, std::string_view text);

}  // namespace plenary::workflow
