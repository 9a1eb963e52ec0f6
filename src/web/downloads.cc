#include "web/downloads.h"

#include <fmt/format.h>

#include "render/formats.h"
#include "render/ics.h"
#include "render/layout.h"

namespace plenary::web {

namespace {

// The bytes of one format of one meeting; iCalendar events carry the
// store's publication count as SEQUENCE, so calendars pick up a change.
// A draft's title says so, with its version, so that a file sent around
// before publication cannot pass for the issued agenda (0: not a draft).
std::string render_meeting(Services& services, const Meeting& meeting, int64_t sequence, const std::string& language,
                           const OutputFormat& format, int64_t draft_version = 0) {
  const Catalog& catalog = services.catalog(language);
  AgendaLayout layout = lay_out_agenda(meeting, catalog);
  if (draft_version > 0)
    layout.title = catalog.format("editor.draft_mark", {{"version", std::to_string(draft_version)}}) + " " + layout.title;
  if (format.threads) return format.render(meeting, layout);
  Meeting sequenced = meeting;
  sequenced.organization.sequence = static_cast<int>(sequence);
  std::lock_guard lock(services.single_threaded_rendering);
  return format.render(sequenced, layout);
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
    made.body = render_meeting(call.services, *meeting, record.calendar_sequence, language, format,
                               draft ? record.version : 0);
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
      calendars.push_back(render_meeting(call.services, *meeting, record.calendar_sequence, written ? language : "en", ics));
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
