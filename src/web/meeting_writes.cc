#include "web/meeting_writes.h"

#include "edit/edit.h"

namespace plenary::web {

workflow::Actor actor_for(Call& call, const std::string& body) {
  return workflow::Actor{call.editor_of(body), call.now()};
}

planning::Plan plan_for(const Meeting& meeting, const store::MeetingRecord& record, Call&, MeetingFormat format) {
  return workflow::plan_for(meeting, record, format);
}

FormatSwitch switch_format(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                           MeetingFormat format) {
  workflow::FormatSwitch done =
      workflow::switch_format(*call.store, actor_for(call, record.body), record, based_on_version, format);
  return {done.saved.record, done.plan};
}

store::MeetingRecord publish_meeting(Call& call, const store::MeetingRecord& record, int64_t based_on_version,
                                     const LangText& notices, const workflow::PublishOptions& options) {
  return workflow::publish(*call.store, actor_for(call, record.body), record, based_on_version, notices, options);
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
  return workflow::create_meeting(*call.store, actor_for(call, meeting.body.short_name), meeting);
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
  return workflow::meeting_at(*call.store, meeting_id, version);
}

}  // namespace plenary::web
