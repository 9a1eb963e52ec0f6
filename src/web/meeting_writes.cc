#include "web/meeting_writes.h"

#include "edit/edit.h"
#include "format/meeting_json.h"
#include "model/check.h"

namespace plenary::web {

planning::Plan plan_for(const Meeting& meeting, const store::MeetingRecord& record, Call& call, MeetingFormat format) {
  planning::PlanOptions options;
  options.format = format;
  std::shared_ptr<const Meeting> published;
  if (record.published) {
    published = published_meeting(call, record);
    options.previous = &published->organization;
  }
  return planning::plan_meeting(meeting, options);
}

FormatSwitch switch_format(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                           MeetingFormat format) {
  FormatSwitch out;
  out.saved = save_change(call, record, based_on_version, "switch-format", [&](const Meeting& current) {
    out.plan = plan_for(current, record, call, format);
    if (!out.plan.ok) {
      std::string problems;
      for (const std::string& problem : out.plan.problems) problems += (problems.empty() ? "" : " ") + problem;
      throw HttpError(422, "no organization of work fits: " + problems, "format", {{"problems", out.plan.problems}});
    }
    return edit::set_organization(edit::set_format(current, format), out.plan.organization);
  });
  return out;
}

store::MeetingRecord publish_meeting(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                                     const LangText& notices) {
  const store::User& editor = call.editor_of(record.body);
  std::vector<store::NoticeText> texts;
  for (const auto& [language, text] : notices) texts.push_back({call.now().substr(0, 10), language, text});
  if (record.version != based_on_version) throw conflict_error(call, record, based_on_version);
  // Only a meeting that would pass `plenary check --final` goes public.
  for (const Finding& finding : check_meeting(*working_meeting(call, record), CheckOptions{true}))
    if (finding.severity == Severity::error)
      throw HttpError(422, "the meeting cannot be published: " + finding.path + ": " + finding.message, finding.path);
  try {
    return call.store->publish(record.id, based_on_version, editor.name, texts);
  } catch (const store::VersionConflict& conflict) {
    throw conflict_error(call, conflict.current(), based_on_version);
  }
}

Meeting next_meeting_draft(Call& call, const store::MeetingRecord& previous, const std::string& symbol, Date start,
                           Date end) {
  call.editor_of(previous.body);
  try {
    const Date today = parse_iso_date(call.now().substr(0, 10)).value_or(start);  // the date of issue
    return edit::next_meeting(*working_meeting(call, previous), symbol, start, end, today);
  } catch (const edit::EditError& error) {
    throw HttpError(422, error.what(), error.field);
  }
}

store::MeetingRecord create_meeting(Call& call, const Meeting& meeting) {
  const store::User& editor = call.editor_of(meeting.body.short_name);
  return call.store->create_meeting(meeting.body.short_name, meeting.document.symbol, meeting_to_json(meeting),
                                    editor.name);
}

Meeting change_item(const Meeting& current, const std::string& key, const ItemChanges& changes) {
  Meeting meeting = current;
  if (changes.title)
    for (const auto& [language, text] : *changes.title) meeting = edit::set_item_title(meeting, key, language, text);
  if (changes.annotation)
    for (const auto& [language, text] : *changes.annotation)
      meeting = edit::set_annotation(meeting, key, language, text);
  if (changes.set_minutes) meeting = edit::set_item_minutes(meeting, key, changes.minutes);
  if (changes.kind) meeting = edit::set_item_kind(meeting, key, *changes.kind);
  return meeting;
}

std::optional<Meeting> working_meeting_at(Call& call, int64_t meeting_id, int64_t version) {
  std::string read;
  for (const store::AuditEntry& entry : call.store->audit(meeting_id))
    if (entry.version <= version && entry.action != "publish") read = entry.after;
  if (read.empty()) return std::nullopt;
  MeetingFile file = parse_meeting_json(read, "version " + std::to_string(version));
  return std::move(file.meeting);
}

}  // namespace plenary::web
