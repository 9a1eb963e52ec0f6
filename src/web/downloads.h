// The meeting's files (PDF, DOCX, Akoma Ntoso, iCalendar, ...) made on
// demand from the stored meeting and cached by publication, language and
// format, with ETag and Last-Modified; and the calendar feed of a body.
// A calendar's events are dated by the meeting's publications in the audit
// log (LAST-MODIFIED and SEQUENCE of each event, render/calendar_history.h)
// and its DTSTAMP is when the cached file was made: the ETag, taken from
// the bytes, stays while the file is cached and changes with a publication.
#pragma once

#include <string>

#include "store/store.h"
#include "web/services.h"

namespace plenary::web {

// The meeting in `language` and `format` (a name or suffix of
// render/formats.h): the published document, or the working one when
// `draft` (the caller must have checked that it may read drafts). 404 for a
// language the meeting is not written in or an unknown format.
Response download(Call& call, const store::MeetingRecord& record, bool draft, const std::string& language,
                  const std::string& format);

// Every published meeting of the body whose file stem is `body_stem`, as one
// iCalendar feed in `language`; 404 when the body has none.
Response body_calendar(Call& call, const std::string& body_stem, const std::string& language);

}  // namespace plenary::web
