#include "workflow/history.h"

#include <fmt/format.h>

#include <memory>

#include "format/meeting_file.h"
#include "format/meeting_json.h"

namespace plenary::workflow {

namespace {

// The documents of an audit log, each parsed once: an entry's `before` is
// the `after` of the entry before it (or of the publication before it).
class Documents {
 public:
  // The meeting of `json`; null when there is none ("") or it cannot be read.
  std::shared_ptr<const Meeting> read(const std::string& json, int64_t version) {
    for (const auto& [text, meeting] : recent_)
      if (*text == json) return meeting;
    std::shared_ptr<const Meeting> meeting;
    if (!json.empty())
      if (std::optional<Meeting> parsed = parse_meeting_json(json, "version " + std::to_string(version)).meeting)
        meeting = std::make_shared<const Meeting>(std::move(*parsed));
    if (recent_.size() == kKept) recent_.erase(recent_.begin());
    recent_.emplace_back(&json, meeting);
    return meeting;
  }

 private:
  static constexpr size_t kKept = 4;  // the working and the published document, before and after
  std::vector<std::pair<const std::string*, std::shared_ptr<const Meeting>>> recent_;  // texts owned by the caller
};

std::string summary_of(const store::AuditEntry& entry, const std::vector<std::string>& changes) {
  if (entry.action == "create") return "created";
  if (changes.empty() && entry.action == "publish")
    return entry.before.empty() ? "published for the first time" : "published again, with no change to the text";
  if (changes.empty()) return "no change to the text";
  std::string line = (entry.action == "publish" ? "published: " : "") + changes.front();
  if (changes.size() == 2) line += " (and 1 other change)";
  if (changes.size() > 2) line += fmt::format(" (and {} other changes)", changes.size() - 1);
  return line;
}

VersionEntry entry_of(const store::AuditEntry& entry, Documents& documents) {
  VersionEntry out{entry.version, entry.who, entry.at, entry.action, entry.action == "publish", {}, ""};
  const std::shared_ptr<const Meeting> before = documents.read(entry.before, entry.version - 1);
  const std::shared_ptr<const Meeting> after = documents.read(entry.after, entry.version);
  if (before && after) out.changes = edit::describe_changes(*before, *after);
  out.summary = summary_of(entry, out.changes);
  return out;
}

std::vector<store::AuditEntry> audit_of(store::Store& store, int64_t meeting_id) {
  try {
    return store.audit(meeting_id);
  } catch (const store::NotFound&) {
    throw Refused(Refusal::not_found, "there is no meeting " + std::to_string(meeting_id));
  }
}

std::vector<Finding> findings_of(const std::vector<Diagnostic>& errors) {
  std::vector<Finding> out;
  for (const Diagnostic& error : errors) out.push_back({error.path, diagnostic_line(error)});
  return out;
}

void require_same_body(const Meeting& meeting, const store::MeetingRecord& record, const std::string& what) {
  if (meeting.body.short_name != record.body)
    throw Refused(Refusal::unprocessable,
                  fmt::format("{} is a meeting of {}, not of {}: a meeting cannot move to another body", what,
                              meeting.body.short_name, record.body),
                  "body.short_name");
}

}  // namespace

namespace {

Version find_version(const std::vector<store::AuditEntry>& entries, int64_t version) {
  for (const store::AuditEntry& entry : entries) {
    if (entry.version != version) continue;
    Documents documents;
    VersionEntry described = entry_of(entry, documents);
    const std::shared_ptr<const Meeting> meeting = documents.read(entry.after, version);
    if (!meeting)
      throw Refused(Refusal::unprocessable, fmt::format("version {} of this meeting cannot be read", version),
                    "version");
    return Version{std::move(described), *meeting};
  }
  throw Refused(Refusal::not_found, fmt::format("this meeting has no version {}", version), "version");
}

}  // namespace

std::string diagnostic_line(const Diagnostic& diagnostic) {
  return diagnostic.position.known()
             ? fmt::format("line {}, column {}: {}", diagnostic.position.line, diagnostic.position.column,
                           diagnostic.message)
             : diagnostic.message;
}

std::vector<VersionEntry> versions(store::Store& store, int64_t meeting_id) {
  const std::vector<store::AuditEntry> entries = audit_of(store, meeting_id);
  Documents documents;
  std::vector<VersionEntry> out;
  for (const store::AuditEntry& entry : entries) out.push_back(entry_of(entry, documents));
  return out;
}

Version version_at(store::Store& store, int64_t meeting_id, int64_t version) {
  return find_version(audit_of(store, meeting_id), version);
}

std::string difference_label(const edit::FieldChange& change, const Catalog& names) {
  std::string label = change.place;
  if (!change.name.empty()) label += (label.empty() ? "" : ", ") + change.name;
  if (!change.language.empty()) {
    const std::string key = "language_names." + change.language;
    label += " (" + (names.entries().count(key) ? names.text(key) : change.language) + ")";
  }
  return label;
}

Comparison compare_versions(store::Store& store, int64_t meeting_id, int64_t from, int64_t to, const Catalog& names) {
  const std::vector<store::AuditEntry> entries = audit_of(store, meeting_id);
  const Version first = find_version(entries, from);
  const Version second = find_version(entries, to);
  Comparison out;
  out.from = from;
  out.to = to;
  out.changes = edit::describe_changes(first.meeting, second.meeting);
  for (const edit::FieldChange& change : edit::compare_fields(first.meeting, second.meeting))
    out.differences.push_back({change.field, difference_label(change, names), change.language, change.before,
                               change.after});
  return out;
}

Restored restore(store::Store& store, const Actor& actor, const store::MeetingRecord& record,
                 int64_t based_on_version, int64_t version) {
  require_editor(actor.user, record.body);
  const Version old = version_at(store, record.id, version);
  require_same_body(old.meeting, record, fmt::format("version {}", version));
  const Meeting current = working_meeting(record);
  Restored out;
  if (based_on_version == record.version && meeting_to_json(old.meeting) == meeting_to_json(current)) {
    out.saved.record = record;
    out.saved.meeting = current;
    return out;
  }
  out.saved = save_change(store, actor, record, based_on_version, "restore",
                          [&](const Meeting&) { return old.meeting; });
  out.changes = edit::describe_changes(current, out.saved.meeting);
  return out;
}

InvalidFile::InvalidFile(std::vector<Diagnostic> found)
    : Refused(Refusal::unprocessable,
              found.empty() ? "the meeting file cannot be read"
                            : "the meeting file has errors: " + diagnostic_line(found.front()),
              found.empty() ? "" : found.front().path, findings_of(found)),
      errors(std::move(found)) {}

Imported import_meeting_file(store::Store& store, const Actor& actor, const store::MeetingRecord& record,
                             int64_t based_on_version, std::string_view text) {
  require_editor(actor.user, record.body);
  const MeetingFile file = parse_meeting_file(text, "meeting.toml");
  Imported out;
  std::vector<Diagnostic> errors;
  for (const Diagnostic& diagnostic : check_meeting_file(file, CheckOptions{}))
    (diagnostic.severity == Severity::error ? errors : out.warnings).push_back(diagnostic);
  if (!errors.empty() || !file.meeting) throw InvalidFile(std::move(errors));
  require_same_body(*file.meeting, record, "the file");
  const Meeting current = working_meeting(record);
  out.saved = save_change(store, actor, record, based_on_version, "import",
                          [&](const Meeting&) { return *file.meeting; });
  out.changes = edit::describe_changes(current, out.saved.meeting);
  return out;
}

}  // namespace plenary::workflow
