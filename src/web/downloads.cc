#include "web/downloads.h"

#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "format/meeting_json.h"
#include "render/calendar_history.h"
#include "render/formats.h"
#include "render/ics.h"
#include "render/layout.h"

namespace plenary::web {

namespace {

// The meeting's publications, oldest first, as the audit log keeps them;
// one that no longer reads as a meeting is left out.
std::vector<Publication> publications_of(Call& call, const store::MeetingRecord& record) {
  std::vector<Publication> out;
  for (const store::AuditEntry& entry : call.store->audit(record.id)) {
    if (entry.action != "publish") continue;
    MeetingFile file = parse_meeting_json(entry.after, "publication");
    if (file.meeting) out.push_back({entry.at, std::move(*file.meeting)});
  }
  return out;
}

// The calendar of `meeting` in `language`, written now, each event dated by
// the publication that last changed it. A draft counts as published now, so
// that its calendar is the one publishing it would give.
std::string render_calendar(Call& call, const store::MeetingRecord& record, const Meeting& meeting, bool draft,
                            const std::string& language) {
  std::vector<Publication> publications = publications_of(call, record);
  const std::string now = call.now();
  if (draft)
    publications.push_back({now, meeting});
  else if (publications.empty() || publications.back().at != record.published_at)  // not read from the log
    publications.push_back({record.published_at, meeting});
  const Catalog& catalog = call.services.catalog(language);
  const CalendarHistory history = calendar_history(publications, catalog, now);
  const AgendaLayout layout = lay_out_agenda(meeting, catalog);
  std::lock_guard lock(call.services.single_threaded_rendering);
  return render_icalendar(meeting, layout, history);
}

// The bytes of one format of one meeting. A draft's title says so, with its
// version, so that a file sent around before publication cannot pass for
// the issued agenda.
std::string render_meeting(Call& call, const store::MeetingRecord& record, const Meeting& meeting, bool draft,
                           const std::string& language, const OutputFormat& format) {
  if (std::string_view(format.name) == "ics") return render_calendar(call, record, meeting, draft, language);
  const Catalog& catalog = call.services.catalog(language);
  AgendaLayout layout = lay_out_agenda(meeting, catalog);
  if (draft)
    layout.title = catalog.format("editor.draft_mark", {{"version", std::to_string(record.version)}}) + " " + layout.title;
  if (format.threads) return format.render(meeting, layout);
  std::lock_guard lock(call.services.single_threaded_rendering);
  return format.render(meeting, layout);
}

const OutputFormat& format_named(const std::string& name) {
  const OutputFormat* format = find_output_format(name);
  if (!format) throw HttpError(404, "no format \"" + name + "\"; the formats are " + output_format_names(), "format");
  return *format;
}

void require_language(const Meeting& meeting, const std::string& language) {
  for (const std::string& written : meeting.languages)
    if (written == language) return;
  std::string languages;
  for (const std::string& written : meeting.languages) languages += (languages.empty() ? "" : ", ") + written;
  throw HttpError(404, "the meeting is not written in \"" + language + "\"; it is in " + languages, "lang");
}

}  // namespace

Response download(Call& call, const store::MeetingRecord& record, bool draft, const std::string& language,
                  const std::string& format_name) {
  const OutputFormat& format = format_named(format_name);
  const std::shared_ptr<const Meeting> meeting = draft ? working_meeting(call, record) : published_meeting(call, record);
  require_language(*meeting, language);
  // A draft's key names its version; a publication's, its sequence.
  const std::string key = fmt::format("file:{}:{}{}:{}:{}", record.id, draft ? "v" : "s",
                                      draft ? record.version : record.calendar_sequence, language, format.name);
  std::shared_ptr<const CachedBytes> bytes = call.services.cache.get(key);
  if (!bytes) {
    CachedBytes made;
    made.body = render_meeting(call, record, *meeting, draft, language, format);
    made.content_type = format.media_type;
    made.etag = etag_of(made.body);
    made.last_modified = http_date(draft ? record.updated_at : record.published_at);
    bytes = call.services.cache.put(key, std::move(made));
  }
  Response response = conditional(call.request, *bytes);
  if (draft) response.set("cache-control", "private, no-cache");
  const std::string file_name = fmt::format("{}.{}.{}", file_stem(meeting->document.symbol), language, format.suffix);
  response.set("content-disposition", "inline; filename=\"" + file_name + "\"");
  return response;
}

Response body_calendar(Call& call, const std::string& body_stem, const std::string& language) {
  if (!is_official_language(language)) throw HttpError(404, "no language \"" + language + "\"", "lang");
  std::vector<store::MeetingSummary> meetings;
  std::string body_name, key = "feed:" + body_stem + ":" + language, latest;
  for (const store::MeetingSummary& m : call.services.summaries.all(*call.store)) {
    if (!m.published || file_stem(m.body) != body_stem) continue;
    meetings.push_back(m);
    body_name = m.body;
    key += fmt::format(":{}.{}", m.id, m.calendar_sequence);
    latest = std::max(latest, m.published_at);
  }
  if (meetings.empty()) throw HttpError(404, "no published meetings of a body \"" + body_stem + "\"");
  std::shared_ptr<const CachedBytes> bytes = call.services.cache.get(key);
  if (!bytes) {
    const OutputFormat& ics = format_named("ics");
    std::vector<std::string> calendars;
    for (const store::MeetingSummary& m : meetings) {
      const store::MeetingRecord record = find_meeting(call, m.id);
      const std::shared_ptr<const Meeting> meeting = published_meeting(call, record);
      // A meeting not written in the feed's language is given in English.
      bool written = false;
      for (const std::string& lang : meeting->languages) written = written || lang == language;
      calendars.push_back(render_calendar(call, record, *meeting, false, written ? language : "en"));
    }
    CachedBytes made;
    {
      std::lock_guard lock(call.services.single_threaded_rendering);
      made.body = merge_icalendars(calendars, body_name);
    }
    made.content_type = ics.media_type;
    made.etag = etag_of(made.body);
    made.last_modified = http_date(latest);
    bytes = call.services.cache.put(key, std::move(made));
  }
  Response response = conditional(call.request, *bytes);
  response.set("content-disposition", "inline; filename=\"" + body_stem + "." + language + ".ics\"");
  return response;
}

}  // namespace plenary::web
