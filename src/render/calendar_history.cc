#include "render/calendar_history.h"

#include <fmt/format.h>

#include <cctype>
#include <set>
#include <stdexcept>

namespace plenary {

namespace {

// "CTOC/COP/WG.7/2022/1" -> "ctoc-cop-wg.7-2022-1".
std::string uid_stem(const std::string& symbol) {
  std::string out;
  for (char c : symbol) {
    const unsigned char u = static_cast<unsigned char>(c);
    out += std::isalnum(u) || c == '.' || c == '-' ? static_cast<char>(std::tolower(u)) : '-';
  }
  return out.empty() ? "agenda" : out;
}

// The text in `lang`, or "" when the meeting lacks it.
std::string text_or_empty(const LangText& text, const std::string& lang) {
  const std::string* found = text_in(text, lang);
  return found ? *found : "";
}

// "Vienna International Centre, Vienna", leaving out what is missing.
std::string location_of(const Meeting& meeting, const std::string& lang) {
  std::string out;
  for (const std::string& part : {text_or_empty(meeting.venue, lang), text_or_empty(meeting.city, lang)}) {
    if (part.empty()) continue;
    if (!out.empty()) out += ", ";
    out += part;
  }
  return out;
}

// One line per item taken up: "2 Good practices ... (continued)".
std::string description_of(const LaidOutSlot& slot, const AgendaLayout& layout) {
  std::string out;
  for (const LaidOutRow& row : slot.rows) {
    if (!out.empty()) out += '\n';
    out += row.item + " " + row.title;
    if (row.continued) out += " " + layout.continued;
  }
  return out;
}

// Each event as it was last published, with its revision.
struct Shown {
  CalendarEvent event;
  EventRevision revision;
};

// Takes in one publication's events: new ones start at `first_sequence`,
// changed ones move on, and the ones it lacks are cancelled.
void take_in(std::map<std::string, Shown>& shown, const std::string& at, const std::vector<CalendarEvent>& events,
             int first_sequence) {
  std::set<std::string> present;
  for (const CalendarEvent& event : events) {
    present.insert(event.uid);
    auto [found, added] = shown.try_emplace(event.uid, Shown{event, EventRevision{at, first_sequence}});
    if (!added && found->second.event != event) found->second = {event, {at, found->second.revision.sequence + 1}};
  }
  for (auto& [uid, earlier] : shown) {
    if (present.count(uid) || earlier.event.status == EventStatus::cancelled) continue;
    earlier.event.status = EventStatus::cancelled;
    earlier.revision = {at, earlier.revision.sequence + 1};
  }
}

CalendarHistory history_of(const std::map<std::string, Shown>& shown, const std::string& written_at) {
  CalendarHistory history;
  history.written_at = written_at;
  for (const auto& [uid, event] : shown) {
    history.revisions[uid] = event.revision;
    if (event.event.status == EventStatus::cancelled) history.cancelled.push_back(event.event);
  }
  return history;
}

}  // namespace

std::vector<CalendarEvent> calendar_events(const Meeting& meeting, const AgendaLayout& layout) {
  const std::vector<Slot>& slots = meeting.organization.slots;
  std::vector<std::pair<const LaidOutDay*, const LaidOutSlot*>> laid_out;
  for (const LaidOutDay& day : layout.days)
    for (const LaidOutSlot& slot : day.slots) laid_out.push_back({&day, &slot});
  if (laid_out.size() != slots.size())
    throw std::invalid_argument(fmt::format("calendar_events: the layout has {} meetings, the meeting {}",
                                            laid_out.size(), slots.size()));
  const std::string& lang = layout.language;
  const std::string stem = uid_stem(meeting.document.symbol);
  const std::string location = location_of(meeting, lang);
  std::vector<CalendarEvent> events;
  for (size_t i = 0; i < slots.size(); ++i) {
    const Slot& slot = slots[i];
    // A slot is "the same" across plans when it is the same day's n-th
    // meeting, as for the planner; its items and texts may change.
    int index_in_day = 1;
    for (size_t j = 0; j < i; ++j)
      if (slots[j].date == slot.date) ++index_in_day;
    const auto [day, laid] = laid_out[i];
    CalendarEvent event;
    event.uid = fmt::format("{}-{}-{}-{}@plenary", stem, to_iso(slot.date), index_in_day, lang);
    event.date = slot.date;
    event.start = slot.start;
    event.end = slot.end;
    event.time_zone = meeting.time_zone;
    // The catalog has no word for "plenary meeting": the body's short name
    // with the day and time as the layout writes them.
    event.summary = fmt::format("{} — {}, {}", meeting.body.short_name, day->heading, laid->time);
    event.location = location;
    event.description = description_of(*laid, layout);
    event.language = lang;
    events.push_back(std::move(event));
  }
  return events;
}

CalendarHistory calendar_history(const std::vector<Publication>& publications, const Catalog& catalog,
                                 const std::string& written_at) {
  std::map<std::string, Shown> shown;
  for (const Publication& publication : publications) {
    const Meeting& meeting = publication.meeting;
    take_in(shown, publication.at, calendar_events(meeting, lay_out_agenda(meeting, catalog)),
            meeting.organization.sequence);
  }
  return history_of(shown, written_at);
}

CalendarHistory published_on_issue(const Meeting& meeting, const AgendaLayout& layout) {
  const Date issued = is_valid(meeting.document.issued) ? meeting.document.issued : Date{1970, 1, 1};
  const std::string at = to_iso(issued) + "T00:00:00Z";
  std::map<std::string, Shown> shown;
  take_in(shown, at, calendar_events(meeting, layout), meeting.organization.sequence);
  return history_of(shown, at);
}

}  // namespace plenary
