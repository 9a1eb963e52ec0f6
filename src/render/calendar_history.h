// The events of a meeting's calendar as plain data, and their history over
// the meeting's publications: when each event last changed and how often,
// which calendar programs read from LAST-MODIFIED and SEQUENCE to decide
// whether a republished event replaces the copy they hold. Knows no store
// and no clock: the caller passes the publications and the times.
//
// Times are ISO 8601 UTC text, as the store writes them: "2024-05-01T09:30:00Z".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "i18n/catalog.h"
#include "model/meeting.h"
#include "render/layout.h"

namespace plenary {

enum class EventStatus { confirmed, cancelled };

// What a calendar program shows of one plenary meeting. Two publications
// changed an event exactly when its two CalendarEvents differ.
struct CalendarEvent {
  // Depends only on the agenda symbol, the slot's day, its place in that day
  // and the language: "ctoc-cop-wg.7-2022-1-2022-06-27-1-en@plenary".
  std::string uid;
  Date date;
  TimeOfDay start;
  TimeOfDay end;
  std::string time_zone;    // the venue's IANA zone: "Europe/Vienna"
  std::string summary;      // "CTOC/COP/WG.7 — Monday, 27 June, 10 a.m.–1 p.m."
  std::string location;     // "Vienna International Centre, Vienna", or ""
  std::string description;  // the items taken up, one a line
  std::string language;
  EventStatus status = EventStatus::confirmed;

  bool operator==(const CalendarEvent&) const = default;
};

// One event per slot of `meeting.organization`, its texts taken from
// `layout` (laid out from `meeting`). Throws std::invalid_argument when the
// layout has a different number of slots than the meeting.
std::vector<CalendarEvent> calendar_events(const Meeting& meeting, const AgendaLayout& layout);

// An event as the publications left it.
struct EventRevision {
  std::string last_modified;  // the publication that last changed it
  int sequence = 0;           // 0 or more; one more at each such change
};

// What render_icalendar needs besides the meeting.
struct CalendarHistory {
  std::string written_at;                          // DTSTAMP: when the file is written
  std::map<std::string, EventRevision> revisions;  // by UID
  // Events of earlier publications that the last one no longer has (its
  // plan has fewer meetings), with STATUS:CANCELLED: calendars that imported
  // them learn that they are off. By UID.
  std::vector<CalendarEvent> cancelled;
};

// A publication of a meeting: when it was made and what it published.
struct Publication {
  std::string at;
  Meeting meeting;
};

// The history of the events of `publications` (oldest first) in the
// catalog's language. An event first seen takes its plan's revision
// (`organization.sequence`) as SEQUENCE; each later publication that changes
// what a calendar shows of it (times, texts, place, status) makes it the
// event's LAST-MODIFIED and adds one to its SEQUENCE; an event it leaves
// unchanged keeps both.
CalendarHistory calendar_history(const std::vector<Publication>& publications, const Catalog& catalog,
                                 const std::string& written_at);

// The history of a calendar published once, on the document's date of issue
// at 00:00 UTC, and written then: what `plenary render` writes, so that its
// output depends on the meeting file alone. `layout` is laid out from `meeting`.
CalendarHistory published_on_issue(const Meeting& meeting, const AgendaLayout& layout);

}  // namespace plenary
