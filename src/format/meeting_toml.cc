#include "format/meeting_toml.h"

#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "format/rich_text.h"

namespace plenary {

namespace {

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7F; }

// Escapes for a basic string; `multi_line` keeps newlines as they are and
// breaks every run of quotes, so that no """ closes the string early.
std::string escaped(std::string_view text, bool multi_line) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += multi_line ? "\n" : "\\n"; break;
      case '"':
        out += !multi_line || i + 1 == text.size() || text[i + 1] == '"' ? "\\\"" : "\"";
        break;
      default:
        if (is_control(c))
          out += fmt::format("\\u{:04X}", c);
        else
          out += static_cast<char>(c);
    }
  }
  return out;
}

std::string basic_string(std::string_view text) { return "\"" + escaped(text, false) + "\""; }

// A literal string ('''...''') shows Markdown as it was typed, backslashes
// included; it cannot hold ''' or control characters other than a tab.
bool fits_literal(std::string_view text) {
  if (text.find("'''") != std::string_view::npos || text.ends_with('\'')) return false;
  for (char c : text)
    if (c != '\n' && c != '\t' && is_control(static_cast<unsigned char>(c))) return false;
  return true;
}

// A text as its value: one line in quotes; more than one in a multi-line
// string that starts on the line after its opening quotes (the reader drops
// that newline), so that the text reads as it was typed.
std::string text_value(std::string_view text) {
  if (text.find('\n') == std::string_view::npos) return basic_string(text);
  if (fits_literal(text)) return "'''\n" + std::string(text) + "'''";
  return "\"\"\"\n" + escaped(text, true) + "\"\"\"";
}

// Markdown of more than one line ends with a newline, so that the closing
// quotes stand on a line of their own; Markdown ignores it.
std::string markdown_value(const RichText& text) {
  std::string markdown = write_rich_text(text);
  if (markdown.find('\n') != std::string::npos && !markdown.ends_with('\n')) markdown += '\n';
  return markdown;
}

// A key as TOML reads it: bare when it can be, else quoted.
std::string toml_key(std::string_view key) {
  bool bare = !key.empty();
  for (char c : key)
    bare = bare && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
  return bare ? std::string(key) : basic_string(key);
}

// A date as a TOML date; one that is not a real date as the text the
// reader reports, so that the file still parses.
std::string date_value(const Date& date) { return is_valid(date) ? to_iso(date) : basic_string(to_iso(date)); }

std::string time_value(TimeOfDay time) { return basic_string(to_hhmm(time)); }

std::string string_array(const std::vector<std::string>& values) {
  std::vector<std::string> quoted;
  for (const std::string& value : values) quoted.push_back(basic_string(value));
  return fmt::format("[{}]", fmt::join(quoted, ", "));
}

class TomlWriter {
 public:
  std::string take() { return std::move(out_); }

  void header(std::string_view name) { out_ += fmt::format("\n[{}]\n", name); }
  void array_header(std::string_view name) { out_ += fmt::format("\n[[{}]]\n", name); }
  void value(std::string_view key, const std::string& value) { out_ += fmt::format("{} = {}\n", toml_key(key), value); }
  void text(std::string_view key, const std::string& value) { this->value(key, text_value(value)); }
  void number(std::string_view key, int value) { this->value(key, std::to_string(value)); }
  void boolean(std::string_view key, bool value) { this->value(key, value ? "true" : "false"); }

  // title.ar = "...", title.zh = "...", in UN order, then any other language.
  template <typename Text, typename Write>
  void per_language(std::string_view key, const std::map<std::string, Text>& texts, Write write) {
    auto one = [&](const std::string& lang, const Text& text) {
      out_ += fmt::format("{}.{} = {}\n", toml_key(key), toml_key(lang), text_value(write(text)));
    };
    for (const char* lang : kOfficialLanguages)
      if (auto it = texts.find(lang); it != texts.end()) one(it->first, it->second);
    for (const auto& [lang, text] : texts)
      if (!is_official_language(lang)) one(lang, text);
  }

  void lang_text(std::string_view key, const LangText& text) {
    per_language(key, text, [](const std::string& s) { return s; });
  }
  void rich_text(std::string_view key, const LangRichText& text) {
    per_language(key, text, markdown_value);
  }

 private:
  std::string out_;
};

void write_body(TomlWriter& w, const Body& body) {
  w.header("body");
  w.text("short_name", body.short_name);
  w.lang_text("name", body.name);
  if (!body.parent.empty()) w.lang_text("parent", body.parent);
  if (!body.mandate.empty()) w.value("mandate", string_array(body.mandate));
}

void write_meeting(TomlWriter& w, const Meeting& meeting) {
  w.header("meeting");
  w.number("ordinal", meeting.ordinal);
  if (!meeting.title.empty()) w.lang_text("title", meeting.title);
  w.lang_text("city", meeting.city);
  if (!meeting.venue.empty()) w.lang_text("venue", meeting.venue);
  w.value("start", date_value(meeting.start));
  w.value("end", date_value(meeting.end));
  w.text("time_zone", meeting.time_zone);
  w.text("format", to_string(meeting.format));
  w.value("languages", string_array(meeting.languages));
}

void write_document(TomlWriter& w, const AgendaDocumentInfo& document) {
  w.header("document");
  w.text("symbol", document.symbol);
  w.text("distribution", to_string(document.distribution));
  w.value("issued", date_value(document.issued));
  w.text("original_language", document.original_language);
}

void write_decisions(TomlWriter& w, const std::vector<Decision>& decisions) {
  for (const Decision& decision : decisions) {
    w.array_header("decisions");
    w.text("id", decision.id);
    w.lang_text("by", decision.by);
    w.value("date", date_value(decision.date));
    w.text("procedure", to_string(decision.procedure));
    w.lang_text("approved", decision.approved);
  }
}

void write_footnotes(TomlWriter& w, const std::vector<Footnote>& footnotes) {
  if (footnotes.empty()) return;
  w.header("footnotes");
  for (const Footnote& footnote : footnotes) w.rich_text(footnote.id, footnote.text);
}

void write_documents(TomlWriter& w, const std::vector<Document>& documents) {
  for (const Document& document : documents) {
    w.array_header("documents");
    w.text("symbol", document.symbol);
    if (!document.title.empty()) w.lang_text("title", document.title);
    w.lang_text("description", document.description);
  }
}

void write_item(TomlWriter& w, const Item& item, bool is_subitem) {
  w.array_header(is_subitem ? "items.subitems" : "items");
  if (is_subitem)
    w.text("number", subitem_letter(item.number));
  else
    w.number("number", item.number);
  w.text("kind", to_string(item.kind));
  w.lang_text("title", item.title);
  if (!item.annotation.empty()) w.rich_text("annotation", item.annotation);
  if (!item.documents.empty()) w.value("documents", string_array(item.documents));
  if (item.no_documents) w.boolean("no_documents", true);
  if (item.minutes) w.number("minutes", *item.minutes);
  const ItemConstraints& rules = item.constraints;
  if (rules.min_minutes) w.number("min_minutes", *rules.min_minutes);
  if (rules.priority) w.number("priority", *rules.priority);
  if (rules.weight != 1) w.number("weight", rules.weight);
  if (rules.never_split) w.boolean("never_split", true);
  if (!rules.same_meeting_as.empty()) w.text("same_meeting_as", rules.same_meeting_as);
  if (rules.not_before_date) {
    // A local date and time when the time is given; seconds are ignored.
    const bool real = is_valid(*rules.not_before_date);
    if (rules.not_before_time && real)
      w.value("not_before", to_iso(*rules.not_before_date) + "T" + to_hhmm(*rules.not_before_time) + ":00");
    else if (rules.not_before_time)
      w.text("not_before", to_iso(*rules.not_before_date) + "T" + to_hhmm(*rules.not_before_time));
    else
      w.value("not_before", date_value(*rules.not_before_date));
  }
  for (const Item& subitem : item.subitems) write_item(w, subitem, true);
}

std::string slot_items(const std::vector<SlotItem>& items) {
  std::vector<std::string> entries;
  for (const SlotItem& entry : items)
    entries.push_back(entry.minutes ? fmt::format("{{ item = {}, minutes = {} }}", basic_string(entry.item), *entry.minutes)
                                    : basic_string(entry.item));
  return fmt::format("[{}]", fmt::join(entries, ", "));
}

void write_organization(TomlWriter& w, const OrganizationOfWork& organization) {
  if (!organization.footnote.empty() || organization.sequence != 0) {
    w.header("organization");
    if (!organization.footnote.empty()) w.text("footnote", organization.footnote);
    if (organization.sequence != 0) w.number("sequence", organization.sequence);
  }
  for (const Slot& slot : organization.slots) {
    w.array_header("organization.slots");
    w.value("date", date_value(slot.date));
    w.value("start", time_value(slot.start));
    w.value("end", time_value(slot.end));
    w.value("items", slot_items(slot.items));
  }
}

std::string windows_value(const std::vector<TimeWindow>& windows) {
  std::vector<std::string> texts;
  for (const TimeWindow& window : windows) texts.push_back(to_hhmm(window.start) + "-" + to_hhmm(window.end));
  return string_array(texts);
}

// Written whole, as meeting_to_json writes it: what plans the meeting is
// in the file, not in the program's defaults.
void write_planning(TomlWriter& w, const PlanningSettings& planning) {
  w.header("planning");
  w.value("in_person", windows_value(planning.in_person));
  w.value("hybrid", windows_value(planning.hybrid));
  w.value("online", windows_value(planning.online));
  if (planning.first_day_start) w.value("first_day_start", time_value(*planning.first_day_start));
  if (planning.last_day_end) w.value("last_day_end", time_value(*planning.last_day_end));
  w.boolean("skip_weekends", planning.skip_weekends);
  w.number("min_continuation", planning.min_continuation);
  w.number("min_substantive_minutes", planning.min_substantive_minutes);
  if (!planning.default_minutes.empty()) {
    w.header("planning.default_minutes");
    for (const auto& [kind, minutes] : planning.default_minutes) w.number(kind, minutes);
  }
  for (const UnavailableSlot& slot : planning.unavailable) {
    w.array_header("planning.unavailable");
    w.value("date", date_value(slot.date));
    w.value("start", time_value(slot.start));
  }
}

}  // namespace

std::string meeting_to_toml(const Meeting& meeting) {
  TomlWriter w;
  w.number("format_version", 1);
  write_body(w, meeting.body);
  write_meeting(w, meeting);
  write_document(w, meeting.document);
  write_decisions(w, meeting.decisions);
  write_footnotes(w, meeting.footnotes);
  write_documents(w, meeting.documents);
  for (const Item& item : meeting.items) write_item(w, item, false);
  write_organization(w, meeting.organization);
  write_planning(w, meeting.planning);
  return w.take();
}

}  // namespace plenary
