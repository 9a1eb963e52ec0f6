#include "web/pages.h"

#include "render/formats.h"
#include "text/utf8.h"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <tuple>

#include "render/html.h"
#include "render/layout.h"

namespace plenary::web {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD


// Characters XML forbids or HTML reports as errors: C0 and C1 controls other
// than tab, newline and carriage return, and the noncharacters U+FFFE, U+FFFF.
bool is_unwanted(std::string_view sequence) {
  const auto lead = static_cast<unsigned char>(sequence[0]);
  if (sequence.size() == 1)
    return (lead < 0x20 && lead != '\t' && lead != '\n' && lead != '\r') || lead == 0x7F;
  if (sequence.size() == 2) return lead == 0xC2 && static_cast<unsigned char>(sequence[1]) < 0xA0;
  return sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF";
}

// Only plain language codes go into URLs; anything else (a path, a quote)
// is replaced by the catalog's own code.
std::string url_language(const std::string& lang, const Catalog& catalog) {
  const bool plain = !lang.empty() && lang.size() <= 8 && std::all_of(lang.begin(), lang.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  return plain ? lang : catalog.language();
}

bool has_text(const Catalog& catalog, const std::string& key) { return catalog.entries().count(key) > 0; }

// The text in `lang`, else in English, else the first there is.
std::string text_or_fallback(const LangText& text, const std::string& lang) {
  if (const std::string* found = text_in(text, lang)) return *found;
  if (const std::string* english = text_in(text, "en")) return *english;
  return text.empty() ? std::string() : text.begin()->second;
}

// "Ninth meeting", "Neuvième réunion", "第九次会议": the ordinal in words by
// the catalog's ICU rule set, in its pattern.
std::string meeting_ordinal(int ordinal, const Catalog& catalog) {
  const icu::Locale locale(catalog.text("icu_locale").c_str());
  const std::string& rules = catalog.text("web.ordinal_rules");
  UErrorCode status = U_ZERO_ERROR;
  icu::RuleBasedNumberFormat spellout(icu::URBNF_SPELLOUT, locale, status);
  icu::UnicodeString words;
  icu::FieldPosition position;
  if (U_SUCCESS(status))
    spellout.format(static_cast<int32_t>(ordinal), icu::UnicodeString::fromUTF8(rules), words, position,
                    status);
  if (U_FAILURE(status))
    throw CatalogError(
        fmt::format("catalog '{}': ICU cannot spell ordinals with web.ordinal_rules \"{}\": {}",
                    catalog.language(), rules, u_errorName(status)));
  std::string spelled;
  words.toUTF8String(spelled);
  // ICU's Arabic rules leave two spaces in "الحادي  والعشرون".
  spelled.erase(
      std::unique(spelled.begin(), spelled.end(), [](char a, char b) { return a == ' ' && b == ' '; }),
      spelled.end());
  return catalog.format("web.meeting_ordinal",
                        {{"ordinal", spelled}, {"Ordinal", catalog.capitalize_first(spelled)}});
}

// What a meeting is called: its own title, else its ordinal, else its symbol.
std::string meeting_name(const Meeting& meeting, const std::string& lang, const Catalog& catalog) {
  if (const std::string* title = text_in(meeting.title, lang); title && !title->empty()) return *title;
  if (meeting.ordinal > 0) return meeting_ordinal(meeting.ordinal, catalog);
  return meeting.document.symbol;
}

std::string format_key(MeetingFormat format) {
  switch (format) {
    case MeetingFormat::in_person: return "web.format.in_person";
    case MeetingFormat::hybrid: return "web.format.hybrid";
    case MeetingFormat::online: return "web.format.online";
  }
  return "web.format.in_person";
}

std::string format_class(MeetingFormat format) {
  switch (format) {
    case MeetingFormat::in_person: return "in-person";
    case MeetingFormat::hybrid: return "hybrid";
    case MeetingFormat::online: return "online";
  }
  return "in-person";
}

// An ISO date ("2022-06-01", or the date of "2022-06-01T09:30:00Z") as the
// catalog writes dates in running text, in a <time> element, put in place of
// {date} in `pattern`. Text that is no date is shown as it is.
std::string dated(const std::string& iso, const Catalog& catalog, const std::string& pattern = "{date}") {
  const std::optional<Date> date =
      parse_iso_date(std::string_view(iso).substr(0, std::min<size_t>(iso.size(), 10)));
  const std::string shown = date ? fmt::format("<time datetime=\"{}\">{}</time>", to_iso(*date),
                                               escape_html(catalog.date(*date, "dates.issue")))
                                 : escape_html(iso);
  // The pattern is escaped before it is filled, so the <time> stays markup.
  return fill(escape_html(pattern), {{"date", shown}});
}

std::vector<LanguageLink> language_links(const std::vector<std::string>& codes, const std::string& path) {
  std::vector<LanguageLink> links;
  for (const std::string& code : codes) links.push_back({code, "/" + code + path});
  return links;
}

// The languages a meeting is served in, in UN order; all when it names none.
std::vector<std::string> meeting_languages(const Meeting& meeting) {
  std::vector<std::string> codes;
  for (const std::string& code : Catalog::languages())
    if (meeting.languages.empty() ||
        std::find(meeting.languages.begin(), meeting.languages.end(), code) != meeting.languages.end())
      codes.push_back(code);
  return codes;
}

std::string body_feed_link(const std::string& short_name, const std::string& lang, const Catalog& catalog) {
  return fmt::format("<a class=\"feed\" href=\"/bodies/{}.{}.ics\" type=\"text/calendar\">{}</a>",
                     escape_html(file_stem(short_name)), lang,
                     escape_html(catalog.text("web.calendar_feed")));
}

void write_meeting_list(const std::vector<const MeetingListEntry*>& entries, const std::string& heading,
                        const std::string& lang, const Catalog& catalog, std::string& out) {
  if (entries.empty()) return;
  out += fmt::format("<h3>{}</h3>\n<ul class=\"meetings\">\n", escape_html(heading));
  for (const MeetingListEntry* entry : entries) {
    const Meeting& meeting = *entry->meeting;
    const std::string where = catalog.format("heading.venue_and_dates",
                                             {{"city", text_or_fallback(meeting.city, lang)},
                                              {"dates", catalog.date_range(meeting.start, meeting.end)}});
    out += fmt::format("<li><a href=\"/{}/meetings/{}\">{}</a> <span class=\"when\">{}</span></li>\n", lang,
                       entry->id, escape_html(meeting_name(meeting, lang, catalog)), escape_html(where));
  }
  out += "</ul>\n";
}

// The notices in the page's language, newest version first. A language the
// editor left empty has no notice: another language's is not shown instead,
// since the editor chose to say nothing in it.
std::vector<const NoticeView*> notices_to_show(const std::vector<NoticeView>& notices,
                                               const std::string& lang) {
  std::map<int64_t, const NoticeView*, std::greater<>> chosen;
  for (const NoticeView& notice : notices)
    if (notice.language == lang) chosen.emplace(notice.version, &notice);
  std::vector<const NoticeView*> out;
  for (const auto& [version, notice] : chosen) out.push_back(notice);
  return out;
}

void write_updates(const MeetingPageView& view, const std::string& lang, const Catalog& catalog,
                   std::string& out) {
  out += fmt::format("<section id=\"updates\" class=\"updates\">\n<h2>{}</h2>\n",
                     escape_html(catalog.text("web.updates")));
  const std::vector<const NoticeView*> shown = notices_to_show(view.notices, lang);
  if (shown.empty()) {
    out += fmt::format("<p class=\"no-updates\">{}</p>\n", escape_html(catalog.text("web.no_updates")));
  } else {
    out += "<ol class=\"notices\">\n";
    for (const NoticeView* notice : shown) {
      out += fmt::format("<li class=\"notice\">\n<p class=\"notice-date\">{}</p>\n",
                         dated(notice->date, catalog));
      out += fmt::format("<div class=\"notice-text\" lang=\"{}\" dir=\"auto\">\n{}</div>\n</li>\n",
                         escape_html(notice->language), paragraphs_html(notice->text));
    }
    out += "</ol>\n";
  }
  out += "</section>\n";
}

std::string footnote_call(int number) {
  return fmt::format("<sup class=\"fnref\"><a href=\"#fn{0}\" role=\"doc-noteref\">{0}</a></sup>", number);
}

// The organization of work as a table per day.
void write_timetable(const AgendaLayout& layout, const Catalog& catalog, std::string& out) {
  if (layout.days.empty()) return;
  out += fmt::format("<section id=\"organization\" class=\"organization-of-work\">\n<h2>{}{}</h2>\n",
                     escape_html(catalog.text("web.organization_of_work")),
                     layout.annex_footnote ? footnote_call(layout.annex_footnote) : "");
  std::string columns = "<th scope=\"col\">" + escape_html(catalog.text("web.time")) + "</th>";
  for (size_t c = 1; c < layout.annex_columns.size(); ++c)
    columns += "<th scope=\"col\">" + escape_html(layout.annex_columns[c]) + "</th>";
  for (const LaidOutDay& day : layout.days) {
    out += fmt::format("<table class=\"day\">\n<caption>{}</caption>\n<thead><tr>{}</tr></thead>\n<tbody>\n",
                       escape_html(day.heading), columns);
    for (const LaidOutSlot& slot : day.slots) {
      if (slot.rows.empty()) {
        out += fmt::format("<tr><th scope=\"row\">{}</th><td></td><td></td></tr>\n", escape_html(slot.time));
        continue;
      }
      for (size_t r = 0; r < slot.rows.size(); ++r) {
        const LaidOutRow& row = slot.rows[r];
        out += "<tr>";
        if (r == 0)
          out += fmt::format("<th scope=\"row\" rowspan=\"{}\">{}</th>", slot.rows.size(),
                             escape_html(slot.time));
        out += fmt::format("<td class=\"item\">{}</td><td>{}", escape_html(row.item), escape_html(row.title));
        if (row.continued) out += " <span class=\"continued\">" + escape_html(layout.continued) + "</span>";
        out += "</td></tr>\n";
      }
    }
    out += "</tbody>\n</table>\n";
  }
  out += "</section>\n";
}

void write_downloads(const MeetingPageView& view, const std::string& lang, const Catalog& catalog,
                     std::string& out) {
  struct Download {
    const char* extension;
    const char* media_type;
    const char* label_key;
  };
  static constexpr Download kDownloads[] = {
      {"pdf", "application/pdf", "web.download.pdf"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
       "web.download.docx"},
      {"akn.xml", "application/akn+xml", "web.download.akn"},
      {"ics", "text/calendar", "web.download.ics"},
  };
  const Meeting& meeting = *view.meeting;
  const std::string stem = escape_html(file_stem(meeting.document.symbol));
  out +=
      fmt::format("<section id=\"downloads\" class=\"downloads\">\n<h2>{}</h2>\n<ul class=\"downloads\">\n",
                  escape_html(catalog.text("web.downloads")));
  const std::string files =
      view.draft_base.empty() ? fmt::format("/meetings/{}", view.id) : escape_html(view.draft_base) + "/draft";
  for (const Download& download : kDownloads)
    out += fmt::format("<li><a href=\"{}/{}.{}.{}\" type=\"{}\" hreflang=\"{}\">{}</a></li>\n", files, stem,
                       lang, download.extension, download.media_type, lang,
                       escape_html(catalog.text(download.label_key)));
  if (!meeting.body.short_name.empty() && view.draft_base.empty())
    out += "<li>" + body_feed_link(meeting.body.short_name, lang, catalog) + "</li>\n";
  out += "</ul>\n</section>\n";
}

}  // namespace

std::string valid_characters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    const std::string_view sequence = text.substr(i, length);
    i += length;
    out += is_unwanted(sequence) ? kReplacement : sequence;
  }
  return out;
}

std::string escape_html(std::string_view text) {
  // The characters escaped are ASCII, so escaping after the repair is safe.
  return escape_markup(valid_characters(text));
}


std::string render_page(const PageFrame& frame, const Catalog& catalog) {
  const std::string lang = escape_html(frame.lang);
  std::string out;
  out += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n",
                     lang, catalog.right_to_left() ? "rtl" : "ltr");
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
  const std::string& site_name = catalog.text("web.site_name");
  out += fmt::format("<title>{}</title>\n",
                     escape_html(frame.title.empty() ? site_name : frame.title + " — " + site_name));
  // No icon: an empty one stops browsers from asking for /favicon.ico.
  out += "<link rel=\"icon\" href=\"data:,\"/>\n";
  out += "<link rel=\"stylesheet\" href=\"/assets/plenary.css\"/>\n</head>\n<body>\n";
  out += fmt::format("<header class=\"site\">\n<a class=\"site-name\" href=\"/{}/\">{}</a>\n",
                     escape_html(url_language(frame.lang, catalog)), escape_html(site_name));
  if (!frame.languages.empty()) {
    out += fmt::format("<nav class=\"languages\" aria-label=\"{}\">\n<ul>\n",
                       escape_html(catalog.text("web.languages")));
    for (const LanguageLink& link : frame.languages) {
      const std::string key = "web.language." + link.code;
      const std::string& name = has_text(catalog, key) ? catalog.text(key) : link.code;
      const std::string code = escape_html(link.code);
      out += fmt::format("<li><a href=\"{}\" lang=\"{}\" hreflang=\"{}\"{}>{}</a></li>\n",
                         escape_html(link.href), code, code,
                         link.code == frame.lang ? " aria-current=\"page\"" : "", escape_html(name));
    }
    out += "</ul>\n</nav>\n";
  }
  out += "</header>\n<main id=\"content\">\n";
  out += frame.body_html;
  out += "</main>\n";
  out +=
      fmt::format("<footer class=\"site\">\n<p><a href=\"/login\">{}</a></p>\n</footer>\n</body>\n</html>\n",
                  escape_html(catalog.text("web.secretariat_login")));
  return out;
}

std::string render_index_page(const std::vector<MeetingListEntry>& meetings, const std::string& lang_in,
                              Date today, const Catalog& catalog) {
  const std::string lang = url_language(lang_in, catalog);
  // Bodies by short name; within each, upcoming soonest first, past latest first.
  struct BodyGroup {
    const Body* body = nullptr;
    std::vector<const MeetingListEntry*> upcoming;
    std::vector<const MeetingListEntry*> past;
  };
  std::map<std::string, BodyGroup> bodies;
  for (const MeetingListEntry& entry : meetings) {
    if (!entry.meeting) continue;
    BodyGroup& group = bodies[entry.meeting->body.short_name];
    if (!group.body) group.body = &entry.meeting->body;
    (entry.meeting->end < today ? group.past : group.upcoming).push_back(&entry);
  }
  auto by_start = [](const MeetingListEntry* a, const MeetingListEntry* b) {
    return std::tie(a->meeting->start, a->id) < std::tie(b->meeting->start, b->id);
  };

  std::string body;
  body += fmt::format("<h1>{}</h1>\n", escape_html(catalog.text("web.index_title")));
  if (bodies.empty())
    body += fmt::format("<p class=\"no-meetings\">{}</p>\n", escape_html(catalog.text("web.no_meetings")));
  for (auto& [short_name, group] : bodies) {
    std::sort(group.upcoming.begin(), group.upcoming.end(), by_start);
    std::sort(group.past.begin(), group.past.end(), [&](auto* a, auto* b) { return by_start(b, a); });
    std::string name = text_or_fallback(group.body->name, lang);
    if (name.empty()) name = short_name;
    body += fmt::format("<section class=\"body\">\n<h2>{}</h2>\n<p class=\"body-meta\">", escape_html(name));
    if (!short_name.empty())
      body += fmt::format("<span class=\"short-name\" dir=\"ltr\">{}</span> {}", escape_html(short_name),
                          body_feed_link(short_name, lang, catalog));
    body += "</p>\n";
    write_meeting_list(group.upcoming, catalog.text("web.upcoming"), lang, catalog, body);
    write_meeting_list(group.past, catalog.text("web.past"), lang, catalog, body);
    body += "</section>\n";
  }
  PageFrame frame{lang, catalog.text("web.index_title"), language_links(Catalog::languages(), "/"),
                  std::move(body)};
  return render_page(frame, catalog);
}

std::string render_meeting_page(const MeetingPageView& view, const Catalog& catalog) {
  if (!view.meeting) throw std::invalid_argument("render_meeting_page: no meeting");
  const Meeting& meeting = *view.meeting;
  const std::string lang = url_language(view.lang, catalog);
  const AgendaLayout layout = lay_out_agenda(meeting, catalog);
  const std::string name = meeting_name(meeting, lang, catalog);

  std::string body = view.banner_html;
  body += "<header class=\"meeting-heading\">\n";
  if (!layout.parent_body.empty())
    body += fmt::format("<p class=\"parent\">{}</p>\n", escape_html(layout.parent_body));
  body += fmt::format("<h1><span class=\"body-name\">{}</span> <span class=\"meeting-name\">{}</span></h1>\n",
                      escape_html(layout.body), escape_html(name));
  body += fmt::format("<p class=\"venue-dates\">{}</p>\n", escape_html(layout.venue_and_dates));
  // The symbol reads left to right on every page, but stands where the page's text starts.
  if (!layout.symbol.empty())
    body += fmt::format("<p class=\"symbol\"><span dir=\"ltr\">{}</span></p>\n", escape_html(layout.symbol));
  body += fmt::format("<p class=\"format format-{}\"><strong>{}</strong></p>\n", format_class(meeting.format),
                      escape_html(catalog.format("web.format_in_force",
                                                 {{"format", catalog.text(format_key(meeting.format))}})));
  if (!view.published_at.empty())
    body += fmt::format("<p class=\"published\">{}</p>\n",
                        dated(view.published_at, catalog, catalog.text("web.published")));
  body += "</header>\n";

  body += fmt::format("<nav class=\"on-this-page\" aria-label=\"{}\">\n<ul>\n",
                      escape_html(catalog.text("web.on_this_page")));
  body += fmt::format("<li><a href=\"#updates\">{}</a></li>\n", escape_html(catalog.text("web.updates")));
  body += fmt::format("<li><a href=\"#agenda\">{}</a></li>\n",
                      escape_html(catalog.text("web.provisional_agenda")));
  if (!layout.days.empty())
    body += fmt::format("<li><a href=\"#organization\">{}</a></li>\n",
                        escape_html(catalog.text("web.organization_of_work")));
  body += fmt::format("<li><a href=\"#downloads\">{}</a></li>\n</ul>\n</nav>\n",
                      escape_html(catalog.text("web.downloads")));

  write_updates(view, lang, catalog, body);
  HtmlBodyOptions options;
  options.heading_offset = 1;
  options.meeting_block = false;
  options.annex = false;
  options.xhtml = true;
  body += "<section id=\"agenda\" class=\"agenda-document\">\n" + valid_characters(render_html_body(layout, options)) +
          "</section>\n";
  write_timetable(layout, catalog, body);
  write_downloads(view, lang, catalog, body);

  const std::string title = layout.body + " — " + name;
  std::vector<LanguageLink> languages = language_links(meeting_languages(meeting), fmt::format("/meetings/{}", view.id));
  if (!view.draft_base.empty())
    for (LanguageLink& link : languages) link.href = view.draft_base + "/preview/" + link.code;
  PageFrame frame{lang, title, std::move(languages), std::move(body)};
  return render_page(frame, catalog);
}

std::string render_error_page(int status, const std::string& message, const std::string& lang_in,
                              const Catalog& catalog) {
  const std::string lang = url_language(lang_in, catalog);
  const std::string key = fmt::format("web.error.{}", status);
  const std::string title = has_text(catalog, key)
                                ? catalog.text(key)
                                : catalog.format("web.error.other", {{"status", std::to_string(status)}});
  std::string body = fmt::format("<h1>{}</h1>\n", escape_html(title));
  if (!message.empty()) body += fmt::format("<p class=\"error-message\">{}</p>\n", escape_html(message));
  body +=
      fmt::format("<p><a href=\"/{}/\">{}</a></p>\n", lang, escape_html(catalog.text("web.back_to_index")));
  PageFrame frame{lang, title, language_links(Catalog::languages(), "/"), std::move(body)};
  return render_page(frame, catalog);
}

std::string_view stylesheet() { return embedded_assets().at("plenary.css"); }

std::string paragraphs_html(const std::string& text) {
  std::string out;
  std::string paragraph;
  auto flush = [&] {
    if (!paragraph.empty()) out += "<p>" + paragraph + "</p>\n";
    paragraph.clear();
  };
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line = std::string_view(text).substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      flush();
    } else {
      if (!paragraph.empty()) paragraph += "<br/>";
      paragraph += escape_html(line);
    }
    start = end + 1;
  }
  flush();
  return out;
}

}  // namespace plenary::web
