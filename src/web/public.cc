// The public site: the index of bodies and meetings, each meeting's page,
// its files, each body's calendar feed and the assets. Only published
// meetings appear; pages are cached by publication.
#include <fmt/format.h>

#include "render/formats.h"
#include "web/downloads.h"
#include "web/pages.h"
#include "web/services.h"

namespace plenary::web {

namespace {

std::string require_language(const RouteParams& params) {
  const std::string& lang = params.at("lang");
  if (!is_official_language(lang)) throw HttpError(404, "no page in \"" + lang + "\"");
  return lang;
}

// The first official language the browser asks for, else English.
std::string preferred_language(const Request& request) {
  const std::string* accept = request.header("accept-language");
  if (!accept) return "en";
  size_t at = 0;
  while (at < accept->size()) {
    const size_t end = std::min(accept->find(',', at), accept->size());
    std::string tag = accept->substr(at, end - at);
    tag.erase(0, tag.find_first_not_of(' '));
    tag = tag.substr(0, std::min(tag.find_first_of(";-_"), tag.size()));
    for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (is_official_language(tag)) return tag;
    at = end + 1;
  }
  return "en";
}

Response cached_html(Call& call, const std::string& key, const std::string& last_modified,
                     const std::function<std::string()>& make) {
  std::shared_ptr<const CachedBytes> bytes = call.services.cache.get(key);
  if (!bytes) {
    CachedBytes made;
    made.body = make();
    made.content_type = "text/html; charset=utf-8";
    made.etag = etag_of(made.body);
    made.last_modified = last_modified;
    bytes = call.services.cache.put(key, std::move(made));
  }
  return conditional(call.request, *bytes);
}

Response index_page(Call& call, const std::string& lang) {
  const std::string now = call.now();
  const std::optional<Date> today = parse_iso_date(now.substr(0, 10));
  std::vector<store::MeetingSummary> published;
  std::string key = "index:" + lang + ":" + now.substr(0, 10), latest;
  for (const store::MeetingSummary& m : call.services.summaries.all(*call.store)) {
    if (!m.published) continue;
    published.push_back(m);
    key += fmt::format(":{}.{}", m.id, m.calendar_sequence);
    latest = std::max(latest, m.published_at);
  }
  return cached_html(call, key, http_date(latest), [&] {
    std::vector<std::shared_ptr<const Meeting>> meetings;
    std::vector<MeetingListEntry> entries;
    for (const store::MeetingSummary& m : published) {
      meetings.push_back(published_meeting(call, find_meeting(call, m.id)));
      entries.push_back({m.id, meetings.back().get()});
    }
    return render_index_page(entries, lang, today.value_or(Date{1970, 1, 1}), call.services.catalog(lang));
  });
}

Response meeting_page(Call& call, int64_t id, const std::string& lang) {
  std::optional<store::MeetingSummary> summary = call.services.summaries.get(id, *call.store);
  if (!summary || !summary->published) throw HttpError(404, "there is no published meeting " + std::to_string(id));
  const std::string key = fmt::format("page:{}:{}:{}", id, summary->calendar_sequence, lang);
  return cached_html(call, key, http_date(summary->published_at), [&] {
    const store::MeetingRecord record = find_meeting(call, id);
    const std::shared_ptr<const Meeting> meeting = published_meeting(call, record);
    MeetingPageView view;
    view.id = id;
    view.meeting = meeting.get();
    view.lang = lang;
    view.published_at = record.published_at;
    for (const store::UpdateNotice& notice : call.store->updates(id))
      view.notices.push_back({notice.version, notice.date, notice.language, notice.text});
    return render_meeting_page(view, call.services.catalog(lang));
  });
}

// "CTOC_COP_WG.7_2022_1.fr.pdf" -> ("fr", "pdf") when the stem matches.
std::optional<std::pair<std::string, std::string>> split_file_name(const std::string& name, const std::string& stem) {
  if (name.size() <= stem.size() + 1 || name.compare(0, stem.size(), stem) != 0 || name[stem.size()] != '.')
    return std::nullopt;
  const std::string rest = name.substr(stem.size() + 1);
  const size_t dot = rest.find('.');
  if (dot == std::string::npos) return std::nullopt;
  return std::make_pair(rest.substr(0, dot), rest.substr(dot + 1));
}

}  // namespace

void add_public_routes(Services& services) {
  Router& r = services.router;

  r.add("GET", "/", [](const Request& request, const RouteParams&) {
    Response response = redirect("/" + preferred_language(request) + "/", 302);
    response.set("vary", "Accept-Language");
    return response;
  });

  r.add("GET", "/{lang}/", [&services](const Request& request, const RouteParams& params) {
    const std::string lang = require_language(params);
    Call call(services, request);
    return index_page(call, lang);
  });

  r.add("GET", "/{lang}", [](const Request&, const RouteParams& params) {
    return redirect("/" + require_language(params) + "/", 301);
  });

  r.add("GET", "/{lang}/meetings/{id}", [&services](const Request& request, const RouteParams& params) {
    const std::string lang = require_language(params);
    Call call(services, request);
    return meeting_page(call, id_param(params, "id"), lang);
  });

  r.add("GET", "/meetings/{id}/{file}", [&services](const Request& request, const RouteParams& params) {
    Call call(services, request);
    const store::MeetingRecord record = find_meeting(call, id_param(params, "id"));
    if (!record.published) throw HttpError(404, "there is no published meeting " + params.at("id"));
    const std::shared_ptr<const Meeting> meeting = published_meeting(call, record);
    auto parts = split_file_name(params.at("file"), file_stem(meeting->document.symbol));
    if (!parts) throw HttpError(404, "no file " + params.at("file"));
    return download(call, record, false, parts->first, parts->second);
  });

  r.add("GET", "/bodies/{file}", [&services](const Request& request, const RouteParams& params) {
    const std::string& file = params.at("file");
    // "CTOC_COP_WG.7.fr.ics": the body's stem may itself hold dots.
    if (file.size() < 8 || file.substr(file.size() - 4) != ".ics") throw HttpError(404, "no file " + file);
    const std::string without = file.substr(0, file.size() - 4);
    const size_t dot = without.rfind('.');
    if (dot == std::string::npos) throw HttpError(404, "no file " + file);
    Call call(services, request);
    return body_calendar(call, without.substr(0, dot), without.substr(dot + 1));
  });

  r.add("GET", "/assets/{name}", [](const Request& request, const RouteParams& params) {
    const auto& assets = embedded_assets();
    auto found = assets.find(params.at("name"));
    if (found == assets.end()) throw HttpError(404, "no asset " + params.at("name"));
    const std::string& name = params.at("name");
    CachedBytes bytes;
    bytes.body = std::string(found->second);
    bytes.content_type = name.ends_with(".css") ? "text/css; charset=utf-8"
                         : name.ends_with(".js") ? "text/javascript; charset=utf-8"
                                                 : "application/octet-stream";
    bytes.etag = etag_of(bytes.body);
    return conditional(request, bytes);
  });

  r.add("GET", "/healthz", [](const Request&, const RouteParams&) { return json_response(200, {{"status", "ok"}}); });
}

}  // namespace plenary::web
