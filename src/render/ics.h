// The organization of work as an iCalendar file (RFC 5545): one event per
// plenary meeting, for people to add the meetings to their calendars.
#pragma once

#include <string>
#include <vector>

#include "model/meeting.h"
#include "render/calendar_history.h"
#include "render/layout.h"

namespace plenary {

// A VCALENDAR (METHOD:PUBLISH) with the VTIMEZONE of the meeting's time zone
// and one VEVENT per slot of `meeting.organization` (calendar_events, from
// `layout`, which must be laid out from `meeting`), followed by the
// history's cancelled events. Each event's UID stays when the plan changes,
// so a calendar updates the event it holds: DTSTAMP is `history.written_at`,
// LAST-MODIFIED and SEQUENCE the event's revision (an event the history
// lacks: written_at and the plan's revision). The same arguments give the
// same bytes; `plenary render` passes published_on_issue, so that its
// output depends on the meeting file alone, and the server the history of
// the meeting's publications. Throws std::invalid_argument when the layout
// has a different number of slots than the meeting or a time of the history
// is not ISO 8601 UTC.
std::string render_icalendar(const Meeting& meeting, const AgendaLayout& layout, const CalendarHistory& history);

// One VCALENDAR named `name` (X-WR-CALNAME) holding the events of every
// calendar in `calendars` (as render_icalendar writes them) and each time
// zone once: a body's feed of its meetings. Throws std::invalid_argument
// for text that is not a VCALENDAR.
std::string merge_icalendars(const std::vector<std::string>& calendars, const std::string& name);

}  // namespace plenary
