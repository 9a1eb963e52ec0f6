// The organization of work as an iCalendar file (RFC 5545): one event per
// plenary meeting, for people to add the meetings to their calendars.
#pragma once

#include <string>
#include <vector>

#include "model/meeting.h"
#include "render/layout.h"

namespace plenary {

// A VCALENDAR (METHOD:PUBLISH) with the VTIMEZONE of the meeting's time zone
// and one VEVENT per slot of `meeting.organization`, its texts taken from
// `layout` (which must be laid out from `meeting`). The output is
// reproducible: DTSTAMP is the document's issue date at 00:00 UTC, and each
// event's UID depends only on the agenda symbol, the slot's day, its place in
// that day and the language, so that a changed plan updates the same events
// (the caller bumps `organization.sequence`). Throws std::invalid_argument
// when the layout has a different number of slots than the meeting.
std::string render_icalendar(const Meeting& meeting, const AgendaLayout& layout);

// One VCALENDAR named `name` (X-WR-CALNAME) holding the events of every
// calendar in `calendars` (as render_icalendar writes them) and each time
// zone once: a body's feed of its meetings. Throws std::invalid_argument
// for text that is not a VCALENDAR.
std::string merge_icalendars(const std::vector<std::string>& calendars, const std::string& name);

}  // namespace plenary
