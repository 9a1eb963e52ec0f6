#include "workflow/meetings.h"

#include <fmt/format.h>

#include "auth/permissions.h"
#include "edit/diff.h"
#include "edit/edit.h"
#include "format/meeting_json.h"
#include "model/check.h"
#include "workflow/procedures.h"

namespace plenary::workflow {

namespace {

// The working meeting at `version`, from the meeting's audit log.
std::optional<Meeting> meeting_in(const std::vector<store::AuditEntry>& audit, int64_t version) {
  const std::string* read = nullptr;
  for (const store::AuditEntry& entry : audit)
    if (entry.version <= version && entry.action != "publish") read = &entry.after;
  if (!read) return std::nullopt;
  MeetingFile file = parse_meeting_json(*read, "version " + std::to_string(version));
  return std::move(file.meeting);
}

bool has_plan(const OrganizationOfWork& organization) {
  for (const Slot& slot : organization.slots)
    if (!slot.items.empty()) return true;
  return false;
}

std::vector<Finding> errors_of(const Meeting& meeting, CheckOptions options) {
  std::vector<Finding> out;
  for (const plenary::Finding& finding : check_meeting(meeting, options))
    if (finding.severity == Severity::error) out.push_back({finding.path, finding.message});
  return out;
}

void require_no_errors(const Meeting& meeting, const std::string& what, CheckOptions options = {}) {
  std::vector<Finding> findings = errors_of(meeting, options);
  if (findings.empty()) return;
  const Finding first = findings.front();
  throw Refused(Refusal::unprocessable, what + ": " + first.message, first.field, std::move(findings));
}

Meeting apply_change(const Change& change, const Meeting& meeting) {
  try {
    return change(meeting);
  } catch (const edit::EditError& error) {
    throw Refused(Refusal::unprocessable, error.what(), error.field);
  }
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += (out.empty() ? "" : " ") + line;
  return out;
}

// The open procedures that hold one of `fields`, each with the first such field.
std::vector<std::pair<store::SilenceProcedure, std::string>> holders(store::Store& store, int64_t meeting_id,
                                                                     const std::vector<std::string>& fields) {
  std::vector<std::pair<store::SilenceProcedure, std::string>> out;
  for (const store::SilenceProcedure& procedure : store.procedures(meeting_id)) {
    if (procedure.status != store::ProcedureStatus::open) continue;
    for (const std::string& field : fields)
      if (procedure_covers(procedure.subject, field)) {
        out.emplace_back(procedure, field);
        break;
      }
  }
  return out;
}

// The actions known to leave every item where it was (no item added,
// removed or moved). Any other action, and any action added later, counts
// as moving items, so a merge across it is cautious rather than wrong.
bool keeps_item_places(const std::string& action) {
  static constexpr const char* kInPlace[] = {
      "edit-item",       "add-document",  "remove-document", "edit-document", "add-decision",
      "remove-decision", "edit-decision", "add-footnote",    "edit-footnote", "remove-footnote",
      "switch-format",   "set-organization", "edit-organization", "edit-meeting", "edit-heading", "edit-planning",
      "silence-approved", "publish"};
  for (const char* in_place : kInPlace)
    if (action == in_place) return true;
  return false;
}

// Whether every write after `version` left the items in their places.
bool items_kept_their_places(const std::vector<store::AuditEntry>& audit, int64_t version) {
  for (const store::AuditEntry& entry : audit)
    if (entry.version > version && !keeps_item_places(entry.action)) return false;
  return true;
}

// The meeting as the editor read it, and with the editor's change: made
// once, however many times the save is tried.
struct Edit {
  Meeting base;
  Meeting mine;
};

// One attempt at saving; nothing when the meeting moved on between reading
// and writing, for the caller to try again with the new record.
std::optional<Saved> try_save(store::Store& store, const Actor& actor, const store::MeetingRecord& record,
                              int64_t based_on_version, const std::string& action, const Change& change,
                              const SaveOptions& options, std::optional<Edit>& made) {
  const Meeting current = working_meeting(record);
  Saved saved;
  saved.record = record;
  if (based_on_version == record.version) {
    saved.meeting = apply_change(change, current);
  } else {
    if (based_on_version > record.version || based_on_version < 1) throw stale_error(store, record, based_on_version);
    const std::vector<store::AuditEntry> audit = store.audit(record.id);
    if (!made) {
      std::optional<Meeting> base = meeting_in(audit, based_on_version);
      if (!base) throw stale_error(store, record, based_on_version);
      Meeting mine = apply_change(change, *base);
      made = Edit{std::move(*base), std::move(mine)};
    }
    edit::MergeOptions merge_options;
    merge_options.items_kept_their_places =
        keeps_item_places(action) && items_kept_their_places(audit, based_on_version);
    edit::MergeResult merge = edit::merge_meetings(made->base, made->mine, current, merge_options);
    if (!merge.conflicts.empty()) throw stale_error(store, record, based_on_version, std::move(merge.conflicts));
    saved.meeting = std::move(merge.merged);
    saved.merged = true;
  }

  // An agenda changed so that the slots can no longer follow it comes back
  // from the edits with the slots emptied: plan it again, moving as few
  // items as possible from where they were.
  const bool by_hand = action == "set-organization" || action == "edit-organization";  // the officer's own plan
  if (!by_hand && has_plan(current.organization) && !has_plan(saved.meeting.organization) &&
      !saved.meeting.items.empty()) {
    planning::PlanOptions plan_options;
    plan_options.format = saved.meeting.format;
    plan_options.previous = &current.organization;
    const planning::Plan plan = planning::plan_meeting(saved.meeting, plan_options);
    if (!plan.ok)
      throw Refused(Refusal::unprocessable,
                    "after this change the organization of work must be planned again, and no plan fits: " +
                        joined(plan.problems),
                    "organization");
    saved.meeting = edit::set_organization(saved.meeting, plan.organization);
    saved.replanned = plan.changes;
  }

  const std::vector<std::string> fields = edit::changed_fields(current, saved.meeting);
  const auto held = holders(store, record.id, fields);
  if (!held.empty() && !options.withdraw_procedures) throw held_error(held.front().first, held.front().second);
  for (const auto& [procedure, field] : held) saved.withdrawn.push_back(procedure.id);
  require_no_errors(saved.meeting, "the change leaves the meeting with errors");
  if (options.dry_run) return saved;

  for (int64_t id : saved.withdrawn) store.withdraw(id, actor.user.name);
  const std::string& symbol = saved.meeting.document.symbol;
  try {
    saved.record = store.save_meeting(record.id, record.version, symbol == record.symbol ? "" : symbol,
                                      meeting_to_json(saved.meeting), actor.user.name, action);
  } catch (const store::VersionConflict&) {
    return std::nullopt;
  } catch (const store::AlreadyExists& taken) {
    throw Refused(Refusal::conflict, "another meeting already has the agenda symbol " + symbol, "document.symbol");
  }
  return saved;
}

}  // namespace

Meeting working_meeting(const store::MeetingRecord& record) {
  MeetingFile file = parse_meeting_json(record.document, "meeting " + std::to_string(record.id));
  if (!file.meeting)
    throw Refused(Refusal::unprocessable, "the stored meeting " + std::to_string(record.id) + " cannot be read");
  return std::move(*file.meeting);
}

std::optional<Meeting> meeting_at(store::Store& store, int64_t meeting_id, int64_t version) {
  return meeting_in(store.audit(meeting_id), version);
}

void require_editor(const store::User& user, const std::string& body) {
  if (!auth::may_edit(user, body))
    throw Refused(Refusal::not_allowed, "the account \"" + user.name + "\" may not edit meetings of " + body);
}

planning::Plan plan_for(const Meeting& meeting, const store::MeetingRecord& record, MeetingFormat format) {
  planning::PlanOptions options;
  options.format = format;
  std::optional<Meeting> published;
  if (record.published) {
    MeetingFile file = parse_meeting_json(record.published_document, "published meeting");
    if (file.meeting) {
      published = std::move(*file.meeting);
      options.previous = &published->organization;
    }
  }
  return planning::plan_meeting(meeting, options);
}

Saved save_change(store::Store& store, const Actor& actor, const store::MeetingRecord& record,
                  int64_t based_on_version, const std::string& action, const Change& change,
                  const SaveOptions& options) {
  require_editor(actor.user, record.body);
  store::MeetingRecord current = record;
  // Another writer between our read and our write: merge again with what it
  // saved. Rounds are cheap after the first (the edit is made once), and
  // every lost round means another editor's save went through.
  std::optional<Edit> made;
  for (int attempt = 0; attempt < 20; ++attempt) {
    if (std::optional<Saved> saved =
            try_save(store, actor, current, based_on_version, action, change, options, made))
      return std::move(*saved);
    std::optional<store::MeetingRecord> reread = store.meeting(record.id);
    if (!reread) throw Refused(Refusal::not_found, "there is no meeting " + std::to_string(record.id));
    current = std::move(*reread);
  }
  throw stale_error(store, current, based_on_version);
}

FormatSwitch switch_format(store::Store& store, const Actor& actor, const store::MeetingRecord& record,
                           int64_t based_on_version, MeetingFormat format, const SaveOptions& options) {
  FormatSwitch out;
  out.saved = save_change(store, actor, record, based_on_version, "switch-format", [&](const Meeting& meeting) {
    out.plan = plan_for(meeting, record, format);
    if (!out.plan.ok)
      throw Refused(Refusal::unprocessable, "no organization of work fits: " + joined(out.plan.problems), "format");
    return edit::set_organization(edit::set_format(meeting, format), out.plan.organization);
  }, options);
  return out;
}

store::MeetingRecord publish(store::Store& store, const Actor& actor, const store::MeetingRecord& record,
                             int64_t based_on_version, const LangText& notices, const PublishOptions& options) {
  require_editor(actor.user, record.body);
  if (record.version != based_on_version) throw stale_error(store, record, based_on_version);
  const Meeting meeting = working_meeting(record);
  require_no_errors(meeting, "the meeting cannot be published yet", CheckOptions{true});
  if (!has_plan(meeting.organization) && !options.without_organization)
    throw Refused(Refusal::unprocessable,
                  "the meeting has no organization of work, so its annex and its calendar would be empty: plan it "
                  "first, or confirm that it is to be published without one",
                  "without_organization");
  std::vector<store::NoticeText> texts;
  for (const auto& [language, text] : notices)
    if (text.find_first_not_of(" \t\r\n") != std::string::npos)
      texts.push_back({actor.now.substr(0, 10), language, text});
  try {
    return store.publish(record.id, based_on_version, actor.user.name, texts);
  } catch (const store::VersionConflict& conflict) {
    throw stale_error(store, conflict.current(), based_on_version);
  }
}

store::MeetingRecord create_meeting(store::Store& store, const Actor& actor, const Meeting& meeting) {
  require_editor(actor.user, meeting.body.short_name);
  require_no_errors(meeting, "the meeting has errors");
  try {
    return store.create_meeting(meeting.body.short_name, meeting.document.symbol, meeting_to_json(meeting),
                                actor.user.name);
  } catch (const store::AlreadyExists&) {
    throw Refused(Refusal::conflict, "another meeting already has the agenda symbol " + meeting.document.symbol,
                  "document.symbol");
  }
}

Stale stale_error(store::Store& store, const store::MeetingRecord& current, int64_t based_on_version,
                  std::vector<edit::MergeConflict> conflicts) {
  std::vector<std::string> changes;
  if (based_on_version > current.version || based_on_version < 1)
    return Stale(fmt::format("this meeting has no version {} (it is at version {}); reload it", based_on_version,
                             current.version),
                 current.version, based_on_version, {}, {});
  if (std::optional<Meeting> before = meeting_at(store, current.id, based_on_version))
    changes = edit::describe_changes(*before, working_meeting(current));
  const std::string message =
      conflicts.empty()
          ? fmt::format("the meeting changed since version {} (it is at version {}); reload it and make the "
                        "change again",
                        based_on_version, current.version)
          : fmt::format("someone else changed the same text since you read it (version {}, now version {}): "
                        "compare the two texts, then save again",
                        based_on_version, current.version);
  return Stale(message, current.version, based_on_version, std::move(changes), std::move(conflicts));
}

}  // namespace plenary::workflow
