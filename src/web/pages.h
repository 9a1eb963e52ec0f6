// The web application's public pages as pure functions of the model: the
// server (server.cc) only looks things up and sends what these return.
//
// Every page is XHTML-compatible HTML5 (void elements closed, attributes
// quoted, no named entities) so that an XML parser reads it, and obeys the
// server's Content-Security-Policy: no inline style or script, no style=""
// or on* attributes. All styling is in assets/plenary.css.
//
// URLs, the same everywhere:
//   /{lang}/                                  the index
//   /{lang}/meetings/{id}                     a meeting
//   /meetings/{id}/{stem}.{lang}.{pdf|docx|akn.xml|ics}   its files
//   /bodies/{body-stem}.{lang}.ics            a body's calendar feed
//   /assets/plenary.css                       the stylesheet
//   /login                                    the secretariat's login
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/catalog.h"
#include "model/meeting.h"

namespace plenary::web {

// Text made safe for element content and quoted attribute values: & < > " '
// become references. Broken UTF-8 and control characters other than tab,
// newline and carriage return become U+FFFD, so the page stays valid UTF-8
// and valid XML.
std::string escape_html(std::string_view text);

// `text` with broken UTF-8 and the characters XML forbids replaced by
// U+FFFD, and nothing else changed: for HTML made by a renderer that
// escapes markup but passes other bytes through.
std::string valid_characters(std::string_view text);

// file_stem() is render/formats.h's: the same stem names the files on disk and in URLs.

struct LanguageLink {
  std::string code;  // "fr"
  std::string href;  // "/fr/meetings/3"
};

// The frame every page shares: <!DOCTYPE html>, <html lang dir>, the head
// (charset, viewport, title, stylesheet), a header with the site's name and a
// language switcher (each language by its own name, with lang and hreflang,
// the current one aria-current="page"), <main> holding `body_html` as it is
// (already HTML) and a footer with the secretariat's login.
struct PageFrame {
  std::string lang;
  std::string title;  // text, escaped here
  std::vector<LanguageLink> languages;
  std::string body_html;
};
std::string render_page(const PageFrame& frame, const Catalog& catalog);

// A published meeting as the index lists it. Entries with a null meeting are
// skipped.
struct MeetingListEntry {
  int64_t id = 0;
  const Meeting* meeting = nullptr;
};

// The index in `lang` (the catalog's language): the bodies, by short name,
// each with its name in the page language, its calendar feed, and its
// "Upcoming meetings" (soonest first) and "Past meetings" (latest first). A
// meeting is past once its end date is before `today`.
std::string render_index_page(const std::vector<MeetingListEntry>& meetings, const std::string& lang,
                              Date today, const Catalog& catalog);

// One update notice as the store keeps it.
struct NoticeView {
  int64_t version = 0;   // the publication it came with
  std::string date;      // "2022-06-01"
  std::string language;  // "fr"
  std::string text;      // plain text; a blank line separates paragraphs
};

struct MeetingPageView {
  int64_t id = 0;
  const Meeting* meeting = nullptr;  // must not be null
  std::string lang;
  std::vector<NoticeView> notices;  // every language
  std::string published_at;         // ISO 8601 UTC: "2022-03-16T09:30:00Z"; may be empty
  // An editor's preview of the working draft: the page is the public one, but
  // its language links go to "{draft_base}/preview/{lang}", its files to
  // "{draft_base}/draft/{file}", and `banner_html` (already HTML) opens it.
  // Empty for the public page.
  std::string draft_base;  // "/edit/meetings/1"
  std::string banner_html;
};

// The meeting's page: its heading, the format in force, the updates (one per
// published version, newest first, in the page language, else English, else
// the first given), the annotated provisional agenda, the organization of
// work day by day, and the downloads. Throws std::invalid_argument for a null
// meeting.
std::string render_meeting_page(const MeetingPageView& view, const Catalog& catalog);

// A page for an HTTP error: its title from the catalog (web.error.404, or
// web.error.other with the status) and `message` below it.
std::string render_error_page(int status, const std::string& message, const std::string& lang,
                              const Catalog& catalog);

// Plain text as HTML paragraphs, escaped: a blank line ends a paragraph, a
// single newline breaks the line (notices, descriptions).
std::string paragraphs_html(const std::string& text);

// The files of src/web/assets compiled in, by file name ("plenary.css").
const std::map<std::string_view, std::string_view>& embedded_assets();

// The stylesheet served at /assets/plenary.css.
std::string_view stylesheet();

}  // namespace plenary::web
