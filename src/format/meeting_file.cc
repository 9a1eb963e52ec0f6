#include "format/meeting_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "toml/toml.h"

#include "format/rich_text.h"
#include "text/utf8.h"
#include "i18n/time_zone.h"

namespace plenary {

namespace {

Position position_of(const toml::source_region& source) {
  return Position{static_cast<int>(source.begin.line), static_cast<int>(source.begin.column)};
}

// JSON's null, as meeting_json.cc stores it: a NaN without a position, which
// no TOML file can give.
bool is_json_null(const toml::node& node) {
  const auto* number = node.as_floating_point();
  return number && std::isnan(number->get()) && !node.source().begin;
}

const char* type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return is_json_null(node) ? "null" : "a number with a fraction";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date and time";
    default: return "nothing";
  }
}

// Levenshtein distance, for "did you mean" on unknown keys.
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// A table being read: its path in the meeting and the keys asked for, so that
// every key nobody asked for is reported as unknown.
struct Table {
  const toml::table& table;
  std::string path;      // "items[2]"; "" for the root
  std::string display;   // "[[items]]", for messages
  std::vector<std::string> known;
};

enum class Need { required, optional };

// Reads a parsed TOML document into a Meeting, collecting diagnostics.
class Reader {
 public:
  Reader(MeetingFile& file, std::string_view text) : file_(file), text_(text) {}

  Meeting read(const toml::table& root) {
    file_.sources.add("", position_of(root.source()));  // 1:1 for TOML; unknown for JSON
    Meeting meeting;
    Table top{root, "", "the top level", {}};
    if (auto version = integer(top, "format_version", Need::required); version && *version != 1)
      error(top, "format_version", fmt::format("format_version {} is not supported: expected 1", *version));
    if (auto* body = table(top, "body", Need::required)) read_body(*body, meeting.body);
    if (auto* info = table(top, "meeting", Need::required)) read_meeting(*info, meeting);
    if (auto* doc = table(top, "document", Need::required)) read_document(*doc, meeting.document);
    for_each_table(top, "decisions", "[[decisions]]", [&](Table& t) { meeting.decisions.push_back(read_decision(t)); });
    if (auto* notes = table(top, "footnotes", Need::optional)) read_footnotes(*notes, meeting.footnotes);
    for_each_table(top, "documents", "[[documents]]", [&](Table& t) { meeting.documents.push_back(read_document_entry(t)); });
    for_each_table(top, "items", "[[items]]", [&](Table& t) { meeting.items.push_back(read_item(t, false)); });
    if (auto* organization = table(top, "organization", Need::optional))
      read_organization(*organization, meeting.organization);
    if (auto* planning = table(top, "planning", Need::optional)) read_planning(*planning, meeting.planning);
    finish(top);
    return meeting;
  }

 private:
  // ---- diagnostics

  // `path` names the value at fault; JSON input has only the path.
  void error_at(std::string path, Position position, std::string message) {
    file_.diagnostics.push_back({Severity::error, file_.name, position, std::move(message), std::move(path)});
  }

  std::string path_of(const Table& t, const std::string& key) const {
    return t.path.empty() ? key : t.path + "." + key;
  }

  void error(const Table& t, const std::string& key, std::string message) {
    error_at(path_of(t, key), file_.sources.find(path_of(t, key)), std::move(message));
  }

  // Reports keys that the reader never asked for.
  void finish(const Table& t) {
    for (auto&& [key, node] : t.table) {
      const std::string name(key.str());
      if (std::find(t.known.begin(), t.known.end(), name) != t.known.end()) continue;
      std::string hint;
      size_t best = 3;
      for (const std::string& candidate : t.known) {
        const size_t distance = edit_distance(name, candidate);
        if (distance < best) best = distance, hint = fmt::format("; did you mean '{}'?", candidate);
      }
      if (hint.empty() && !t.known.empty()) hint = fmt::format("; expected one of: {}", fmt::join(t.known, ", "));
      error_at(path_of(t, name), position_of(key.source()),
               fmt::format("unknown key '{}' in {}{}", name, t.display, hint));
    }
  }

  // ---- typed access; each records where the value was written

  const toml::node* get(Table& t, const std::string& key, Need need) {
    t.known.push_back(key);
    const toml::node* node = t.table.get(key);
    if (!node) {
      if (need == Need::required)
        error_at(path_of(t, key), file_.sources.find(t.path), fmt::format("{} needs the key '{}'", t.display, key));
      return nullptr;
    }
    file_.sources.add(path_of(t, key), position_of(node->source()));
    return node;
  }

  template <typename T>
  const toml::value<T>* typed(Table& t, const std::string& key, Need need, const char* expected) {
    const toml::node* node = get(t, key, need);
    if (!node) return nullptr;
    if (auto* value = node->as<T>()) return value;
    error(t, key, fmt::format("'{}' should be {}, found {}", key, expected, type_name(*node)));
    return nullptr;
  }

  std::optional<std::string> string(Table& t, const std::string& key, Need need) {
    auto* value = typed<std::string>(t, key, need, "a string");
    if (!value) return std::nullopt;
    return value->get();
  }

  std::optional<int64_t> integer(Table& t, const std::string& key, Need need) {
    auto* value = typed<int64_t>(t, key, need, "an integer");
    if (!value) return std::nullopt;
    return value->get();
  }

  std::optional<int> small_integer(Table& t, const std::string& key, Need need, int low, int high) {
    auto value = integer(t, key, need);
    if (!value) return std::nullopt;
    if (*value < low || *value > high) {
      error(t, key, fmt::format("'{}' should be from {} to {}, found {}", key, low, high, *value));
      return std::nullopt;
    }
    return static_cast<int>(*value);
  }

  bool boolean(Table& t, const std::string& key) {
    auto* value = typed<bool>(t, key, Need::optional, "true or false");
    return value && value->get();
  }

  Date date(Table& t, const std::string& key, Need need) {
    const toml::node* node = get(t, key, need);
    if (!node) return {};
    if (auto* value = node->as_date()) {
      const toml::date& d = value->get();
      return Date{d.year, d.month, d.day};
    }
    if (auto* text = node->as_string()) {
      if (auto parsed = parse_iso_date(text->get())) return *parsed;
      error(t, key, date_text_problem(key, text->get()));
      return {};
    }
    error(t, key, fmt::format("'{}' should be a date such as 2022-06-27, found {}", key, type_name(*node)));
    return {};
  }

  // Why `text` is not a date: written otherwise than YYYY-MM-DD, or no
  // such day ("June has 30 days").
  static std::string date_text_problem(const std::string& key, const std::string& text) {
    if (auto digits = read_iso_date_digits(text))
      return fmt::format("'{}' is not a real date: {} (found \"{}\")", key, why_not_a_date(*digits), text);
    return fmt::format("'{}' should be a date written as YYYY-MM-DD (e.g. 2022-06-27), found \"{}\"", key, text);
  }

  TimeOfDay time(Table& t, const std::string& key) {
    const toml::node* node = get(t, key, Need::required);
    if (!node) return {};
    if (auto* value = node->as_time()) {
      const toml::time& tm = value->get();
      return TimeOfDay{tm.hour * 60 + tm.minute};
    }
    if (auto* text = node->as_string()) {
      if (auto parsed = parse_hhmm(text->get())) return *parsed;
      error(t, key, fmt::format("'{}' should be a time written as HH:MM (e.g. \"10:00\"), found \"{}\"", key,
                                text->get()));
      return {};
    }
    error(t, key, fmt::format("'{}' should be a time such as \"10:00\", found {}", key, type_name(*node)));
    return {};
  }

  std::vector<std::string> strings(Table& t, const std::string& key, Need need) {
    std::vector<std::string> result;
    const toml::node* node = get(t, key, need);
    if (!node) return result;
    const toml::array* array = node->as_array();
    if (!array) {
      error(t, key, fmt::format("'{}' should be an array of strings, found {}", key, type_name(*node)));
      return result;
    }
    for (size_t i = 0; i < array->size(); ++i) {
      const toml::node& element = *array->get(i);
      const std::string path = fmt::format("{}[{}]", path_of(t, key), i);
      file_.sources.add(path, position_of(element.source()));
      if (auto* text = element.as_string())
        result.push_back(text->get());
      else
        error_at(path, position_of(element.source()),
                 fmt::format("'{}' should hold only strings, found {}", key, type_name(element)));
    }
    return result;
  }

  std::optional<Table> subtable(Table& t, const std::string& key, Need need, std::string display) {
    const toml::node* node = get(t, key, need);
    if (!node) return std::nullopt;
    if (auto* sub = node->as_table()) return Table{*sub, path_of(t, key), std::move(display), {}};
    error(t, key, fmt::format("'{}' should be a table, found {}", key, type_name(*node)));
    return std::nullopt;
  }

  // A [table]; the caller reads it and the reader checks it when the Reader ends.
  Table* table(Table& t, const std::string& key, Need need) {
    auto sub = subtable(t, key, need, fmt::format("[{}]", path_of(t, key)));
    if (!sub) return nullptr;
    pending_.push_back(std::make_unique<Table>(std::move(*sub)));
    return pending_.back().get();
  }

  void for_each_table(Table& t, const std::string& key, const std::string& display,
                      const std::function<void(Table&)>& read_one) {
    const toml::node* node = get(t, key, Need::optional);
    if (!node) return;
    const toml::array* array = node->as_array();
    if (!array) {
      error(t, key, fmt::format("'{}' should be an array of tables ({}), found {}", key, display, type_name(*node)));
      return;
    }
    for (size_t i = 0; i < array->size(); ++i) {
      const toml::node& element = *array->get(i);
      const std::string path = fmt::format("{}[{}]", path_of(t, key), i);
      file_.sources.add(path, position_of(element.source()));
      if (auto* sub = element.as_table()) {
        Table entry{*sub, path, display, {}};
        read_one(entry);
        finish(entry);
      } else {
        error_at(path, position_of(element.source()),
                 fmt::format("each entry of '{}' should be a table, found {}", key, type_name(element)));
      }
    }
  }

  // title.fr = "...", title.en = "..."; `convert` gets each text, its
  // language and its node.
  template <typename Value>
  std::map<std::string, Value> per_language(
      Table& t, const std::string& key, Need need,
      const std::function<Value(const std::string&, const std::string&, const toml::node&)>& convert) {
    std::map<std::string, Value> result;
    if (const toml::node* node = t.table.get(key); node && node->is_string()) {
      get(t, key, need);
      error(t, key, fmt::format("'{}' needs one text per language, e.g. {}.en = \"...\" and {}.fr = \"...\"", key,
                                key, key));
      return result;
    }
    auto sub = subtable(t, key, need, "");
    if (!sub) return result;
    for (auto&& [lang_key, node] : sub->table) {
      const std::string lang(lang_key.str());
      const std::string path = sub->path + "." + lang;
      file_.sources.add(path, position_of(node.source()));
      if (!is_official_language(lang)) {
        error_at(path, position_of(lang_key.source()),
                 fmt::format("unknown language '{}' in '{}': expected one of ar, zh, en, fr, ru, es", lang, key));
        continue;
      }
      const auto* text = node.as_string();
      if (!text) {
        error_at(path, position_of(node.source()),
                 fmt::format("'{}.{}' should be a string, found {}", key, lang, type_name(node)));
        continue;
      }
      result.emplace(lang, convert(text->get(), lang, node));
    }
    return result;
  }

  LangText lang_text(Table& t, const std::string& key, Need need) {
    return per_language<std::string>(t, key, need, [&](const std::string& text, const std::string& lang,
                                                        const toml::node& node) {
      if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        error_at(path_of(t, key) + "." + lang, position_of(node.source()), fmt::format("'{}.{}' is empty", key, lang));
      return text;
    });
  }

  LangRichText rich_text(Table& t, const std::string& key, Need need) {
    return per_language<RichText>(t, key, need, [&](const std::string& text, const std::string& lang,
                                                    const toml::node& node) {
      std::vector<RichTextProblem> problems;
      RichText parsed = parse_rich_text(text, problems);
      for (const RichTextProblem& problem : problems) {
        const Position at = text_line_position(node, problem.line);
        // Without a position (JSON), the line within the text still helps.
        std::string message = at.known() || problem.line == 1
                                  ? problem.message
                                  : fmt::format("{} (line {} of the text)", problem.message, problem.line);
        error_at(path_of(t, key) + "." + lang, at, std::move(message));
      }
      return parsed;
    });
  }

  // Where line `line` (1-based) of a string value's text was written. A
  // one-line string is reported at its start: its escapes cannot be mapped.
  // A multi-line string whose opening quotes end their line starts on the next.
  Position text_line_position(const toml::node& node, size_t line) {
    const Position at = position_of(node.source());
    const int last = static_cast<int>(node.source().end.line);
    if (last <= at.line) return at;
    const bool opening_ends_line = line_ends_with_quotes(at.line);
    if (line == 1 && !opening_ends_line) return at;
    const int file_line = at.line + (opening_ends_line ? 1 : 0) + static_cast<int>(line) - 1;
    return Position{std::min(file_line, last), 1};
  }

  // True if line `number` (1-based) of the file ends with """ or '''.
  bool line_ends_with_quotes(int number) {
    if (line_starts_.empty()) {
      line_starts_.push_back(0);
      for (size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
    }
    if (number < 1 || static_cast<size_t>(number) > line_starts_.size()) return false;
    const size_t start = line_starts_[static_cast<size_t>(number) - 1];
    const size_t end = text_.find('\n', start);
    std::string_view line = text_.substr(start, end == std::string_view::npos ? end : end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line.ends_with(R"(""")") || line.ends_with("'''");
  }

  template <typename Enum>
  std::optional<Enum> choice(Table& t, const std::string& key, Need need,
                             std::optional<Enum> (*from)(const std::string&), const char* allowed) {
    auto text = string(t, key, need);
    if (!text) return std::nullopt;
    auto value = from(*text);
    if (!value) error(t, key, fmt::format("'{}' cannot be \"{}\": expected one of {}", key, *text, allowed));
    return value;
  }

  // ---- the sections of the file

  void read_body(Table& t, Body& body) {
    body.short_name = string(t, "short_name", Need::required).value_or("");
    body.name = lang_text(t, "name", Need::required);
    body.parent = lang_text(t, "parent", Need::optional);
    body.mandate = strings(t, "mandate", Need::optional);
  }

  void read_meeting(Table& t, Meeting& meeting) {
    meeting.ordinal = small_integer(t, "ordinal", Need::required, 1, 999).value_or(0);
    meeting.title = lang_text(t, "title", Need::optional);
    meeting.city = lang_text(t, "city", Need::required);
    meeting.venue = lang_text(t, "venue", Need::optional);
    meeting.start = date(t, "start", Need::required);
    meeting.end = date(t, "end", Need::required);
    meeting.time_zone = string(t, "time_zone", Need::required).value_or("");
    if (!meeting.time_zone.empty() && !is_known_time_zone(meeting.time_zone))
      error(t, "time_zone", fmt::format("unknown time zone '{}': expected an IANA name such as \"Europe/Vienna\"",
                                        meeting.time_zone));
    if (auto format = choice(t, "format", Need::optional, meeting_format_from, "in-person, hybrid, online"))
      meeting.format = *format;
    // Unknown and repeated languages are reported here and left out, so that
    // the checks do not ask for texts in them.
    const std::vector<std::string> languages = strings(t, "languages", Need::required);
    for (size_t i = 0; i < languages.size(); ++i) {
      const std::string& lang = languages[i];
      const std::string path = fmt::format("{}.languages[{}]", t.path, i);
      const Position at = file_.sources.find(path);
      if (!is_official_language(lang))
        error_at(path, at, fmt::format("unknown language '{}': expected one of ar, zh, en, fr, ru, es", lang));
      else if (std::find(meeting.languages.begin(), meeting.languages.end(), lang) != meeting.languages.end())
        error_at(path, at, fmt::format("language '{}' is listed twice", lang));
      else
        meeting.languages.push_back(lang);
    }
    if (const toml::array* array = t.table.get_as<toml::array>("languages"); array && array->empty())
      error(t, "languages", "'languages' should name at least one language");
  }

  void read_document(Table& t, AgendaDocumentInfo& document) {
    document.symbol = string(t, "symbol", Need::required).value_or("");
    if (auto distribution = choice(t, "distribution", Need::optional, distribution_from, "general, limited, restricted"))
      document.distribution = *distribution;
    document.issued = date(t, "issued", Need::required);
    document.original_language = string(t, "original_language", Need::required).value_or("");
    if (t.table.get("original_language") && t.table.get("original_language")->is_string() &&
        !is_official_language(document.original_language))
      error(t, "original_language", fmt::format("unknown language '{}': expected one of ar, zh, en, fr, ru, es",
                                                document.original_language));
  }

  Decision read_decision(Table& t) {
    Decision decision;
    decision.id = string(t, "id", Need::required).value_or("");
    if (t.table.get("id") && t.table.get("id")->is_string() && !is_mark_id(decision.id))
      error(t, "id", fmt::format("decision id '{}' cannot be cited: use letters, digits, '-' or '_' (at most 64)",
                                 decision.id));
    decision.by = lang_text(t, "by", Need::required);
    decision.date = date(t, "date", Need::required);
    if (auto procedure = choice(t, "procedure", Need::optional, procedure_from, "meeting, silence"))
      decision.procedure = *procedure;
    decision.approved = lang_text(t, "approved", Need::required);
    return decision;
  }

  void read_footnotes(Table& t, std::vector<Footnote>& footnotes) {
    for (auto&& [key, node] : t.table) {
      const std::string id(key.str());
      (void)node;
      if (!is_mark_id(id))
        error_at(path_of(t, id), position_of(key.source()),
                 fmt::format("footnote id '{}' cannot be called: use letters, digits, '-' or '_' (at most 64)", id));
      Footnote footnote;
      footnote.id = id;
      footnote.text = rich_text(t, id, Need::required);
      footnotes.push_back(std::move(footnote));
    }
  }

  Document read_document_entry(Table& t) {
    Document document;
    document.symbol = string(t, "symbol", Need::required).value_or("");
    document.title = lang_text(t, "title", Need::optional);
    document.description = lang_text(t, "description", Need::required);
    return document;
  }

  Item read_item(Table& t, bool is_subitem) {
    Item item;
    if (is_subitem) {
      auto letter = string(t, "number", Need::required);
      if (letter) item.number = subitem_number(t, *letter);
    } else {
      item.number = small_integer(t, "number", Need::required, 1, 999).value_or(0);
    }
    if (auto kind = choice(t, "kind", Need::optional, item_kind_from,
                           "organizational, opening, adoption-of-agenda, substantive, review-mechanism, "
                           "other-matters, adoption-of-report"))
      item.kind = *kind;
    item.title = lang_text(t, "title", Need::required);
    item.annotation = rich_text(t, "annotation", Need::optional);
    item.documents = strings(t, "documents", Need::optional);
    item.no_documents = boolean(t, "no_documents");
    item.minutes = small_integer(t, "minutes", Need::optional, 1, 24 * 60 * 30);
    read_constraints(t, item.constraints);
    if (!is_subitem)
      for_each_table(t, "subitems", "[[items.subitems]]", [&](Table& sub) { item.subitems.push_back(read_item(sub, true)); });
    return item;
  }

  // "a" -> 1, "b" -> 2, ..., "aa" -> 27.
  int subitem_number(Table& t, const std::string& letters) {
    int number = 0;
    for (char c : letters) {
      if (c < 'a' || c > 'z' || number > 1000) {
        error(t, "number", fmt::format("a sub-item number is a lowercase letter such as \"a\", found \"{}\"", letters));
        return 0;
      }
      number = number * 26 + (c - 'a' + 1);
    }
    if (letters.empty()) error(t, "number", "a sub-item number is a lowercase letter such as \"a\", found \"\"");
    return number;
  }

  void read_constraints(Table& t, ItemConstraints& constraints) {
    constraints.min_minutes = small_integer(t, "min_minutes", Need::optional, 1, 24 * 60 * 30);
    constraints.priority = small_integer(t, "priority", Need::optional, 0, 9);
    constraints.weight = small_integer(t, "weight", Need::optional, 1, 100).value_or(1);
    constraints.never_split = boolean(t, "never_split");
    if (auto other = string(t, "same_meeting_as", Need::optional)) {
      if (auto key = parse_item_key(*other))
        constraints.same_meeting_as = *key;
      else
        error(t, "same_meeting_as", fmt::format("\"{}\" is not an item number: expected e.g. \"2\" or \"1 (a)\"", *other));
    }
    if (const toml::node* node = get(t, "not_before", Need::optional)) {
      if (auto* day = node->as_date()) {
        constraints.not_before_date = Date{day->get().year, day->get().month, day->get().day};
      } else if (auto* moment = node->as_date_time()) {
        const toml::date_time& dt = moment->get();
        constraints.not_before_date = Date{dt.date.year, dt.date.month, dt.date.day};
        constraints.not_before_time = TimeOfDay{dt.time.hour * 60 + dt.time.minute};
      } else if (auto* text = node->as_string()) {
        // JSON has no dates: "2022-06-28" or "2022-06-28T15:00".
        const std::string& value = text->get();
        const size_t t_at = value.find('T');
        auto date_part = parse_iso_date(std::string_view(value).substr(0, t_at));
        auto hour = t_at == std::string::npos ? std::nullopt : parse_hhmm(std::string_view(value).substr(t_at + 1));
        if (date_part && (t_at == std::string::npos || hour)) {
          constraints.not_before_date = date_part;
          constraints.not_before_time = hour;
        } else if (auto digits = read_iso_date_digits(std::string_view(value).substr(0, t_at));
                   digits && !is_valid(*digits)) {
          error(t, "not_before", fmt::format("'not_before' is not a real date: {} (found \"{}\")",
                                             why_not_a_date(*digits), value));
        } else {
          error(t, "not_before", fmt::format("'not_before' should be a date written as YYYY-MM-DD or a date and time "
                                             "written as YYYY-MM-DDTHH:MM, found \"{}\"", value));
        }
      } else {
        error(t, "not_before", fmt::format("'not_before' should be a date (2022-06-28) or a local date and time "
                                           "(2022-06-28T15:00:00), found {}", type_name(*node)));
      }
    }
  }

  // "10:00-13:00".
  std::vector<TimeWindow> windows(Table& t, const std::string& key, std::vector<TimeWindow> fallback) {
    if (!t.table.get(key)) {
      t.known.push_back(key);
      return fallback;
    }
    std::vector<TimeWindow> result;
    const std::vector<std::string> texts = strings(t, key, Need::optional);
    for (size_t i = 0; i < texts.size(); ++i) {
      const std::string& text = texts[i];
      const size_t dash = text.find('-');
      auto start = dash == std::string::npos ? std::nullopt : parse_hhmm(text.substr(0, dash));
      auto end = dash == std::string::npos ? std::nullopt : parse_hhmm(text.substr(dash + 1));
      if (!start || !end) {
        const std::string path = fmt::format("{}[{}]", path_of(t, key), i);
        error_at(path, file_.sources.find(path),
                 fmt::format("\"{}\" is not a meeting's hours: expected e.g. \"10:00-13:00\"", text));
        continue;
      }
      result.push_back({*start, *end});
    }
    return result;
  }

  std::optional<TimeOfDay> optional_time(Table& t, const std::string& key) {
    if (!t.table.get(key)) {
      t.known.push_back(key);
      return std::nullopt;
    }
    return time(t, key);
  }

  void read_planning(Table& t, PlanningSettings& planning) {
    planning.in_person = windows(t, "in_person", planning.in_person);
    planning.hybrid = windows(t, "hybrid", planning.hybrid);
    planning.online = windows(t, "online", planning.online);
    planning.first_day_start = optional_time(t, "first_day_start");
    planning.last_day_end = optional_time(t, "last_day_end");
    if (t.table.get("skip_weekends")) planning.skip_weekends = boolean(t, "skip_weekends");
    else t.known.push_back("skip_weekends");
    planning.min_continuation =
        small_integer(t, "min_continuation", Need::optional, 1, 24 * 60).value_or(planning.min_continuation);
    planning.min_substantive_minutes =
        small_integer(t, "min_substantive_minutes", Need::optional, 1, 24 * 60).value_or(planning.min_substantive_minutes);
    if (auto defaults = subtable(t, "default_minutes", Need::optional, "[planning.default_minutes]")) {
      for (const char* kind : {"opening", "adoption-of-agenda", "other-matters", "adoption-of-report", "review-mechanism",
                               "substantive", "organizational"})
        if (auto minutes = small_integer(*defaults, kind, Need::optional, 1, 24 * 60 * 30))
          planning.default_minutes[kind] = *minutes;
      finish(*defaults);
    }
    for_each_table(t, "unavailable", "[[planning.unavailable]]", [&](Table& entry) {
      UnavailableSlot slot;
      slot.date = date(entry, "date", Need::required);
      slot.start = time(entry, "start");
      planning.unavailable.push_back(slot);
    });
  }

  void read_organization(Table& t, OrganizationOfWork& organization) {
    organization.footnote = string(t, "footnote", Need::optional).value_or("");
    organization.sequence = small_integer(t, "sequence", Need::optional, 0, 1000000).value_or(0);
    for_each_table(t, "slots", "[[organization.slots]]", [&](Table& slot_table) {
      Slot slot;
      slot.date = date(slot_table, "date", Need::required);
      slot.start = time(slot_table, "start");
      slot.end = time(slot_table, "end");
      read_slot_items(slot_table, slot);
      organization.slots.push_back(std::move(slot));
    });
    mark_continuations(organization);
  }

  // items = ["1 (a)", "2"] or [{ item = "2", minutes = 60 }].
  void read_slot_items(Table& t, Slot& slot) {
    const toml::node* node = get(t, "items", Need::required);
    if (!node) return;
    const toml::array* array = node->as_array();
    if (!array) {
      error(t, "items", fmt::format("'items' should be an array of item numbers such as [\"1 (a)\", \"2\"], found {}",
                                    type_name(*node)));
      return;
    }
    for (size_t i = 0; i < array->size(); ++i) {
      const toml::node& element = *array->get(i);
      const std::string path = fmt::format("{}.items[{}]", t.path, i);
      file_.sources.add(path, position_of(element.source()));
      SlotItem entry;
      if (auto* text = element.as_string()) {
        entry.item = text->get();
      } else if (auto* inline_table = element.as_table()) {
        Table entry_table{*inline_table, path, "an organization item", {}};
        auto item = string(entry_table, "item", Need::required);
        entry.minutes = small_integer(entry_table, "minutes", Need::optional, 1, 24 * 60);
        finish(entry_table);
        if (!item) continue;
        entry.item = *item;
      } else {
        error_at(path, position_of(element.source()),
                 fmt::format("each organization item should be an item number such as \"1 (a)\", found {}",
                             type_name(element)));
        continue;
      }
      auto key = parse_item_key(entry.item);
      if (!key) {
        error_at(path, position_of(element.source()),
                 fmt::format("\"{}\" is not an item number: expected e.g. \"2\" or \"1 (a)\"", entry.item));
        continue;
      }
      entry.item = *key;
      slot.items.push_back(std::move(entry));
    }
  }

 public:
  void finish_pending() {
    for (auto& t : pending_) finish(*t);
    pending_.clear();
  }

 private:
  MeetingFile& file_;
  std::string_view text_;
  std::vector<size_t> line_starts_;  // offsets of the file's lines, made when first needed
  std::vector<std::unique_ptr<Table>> pending_;
};

}  // namespace

std::optional<std::string> parse_item_key(const std::string& text) {
  size_t pos = 0;
  int number = 0;
  while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])) && number < 1000)
    number = number * 10 + (text[pos++] - '0');
  if (pos == 0 || number == 0) return std::nullopt;
  if (pos == text.size()) return std::to_string(number);
  while (pos < text.size() && text[pos] == ' ') ++pos;
  const bool opened = pos < text.size() && text[pos] == '(';
  if (opened) ++pos;
  std::string letters;
  while (pos < text.size() && text[pos] >= 'a' && text[pos] <= 'z' && letters.size() < 3) letters += text[pos++];
  if (letters.empty()) return std::nullopt;
  if (pos < text.size() && text[pos] == ')')
    ++pos;
  else if (opened)
    return std::nullopt;
  if (pos != text.size()) return std::nullopt;
  return std::to_string(number) + " (" + letters + ")";
}

namespace {

MeetingFile unreadable_file(const std::string& name, Position position, std::string message) {
  MeetingFile file;
  file.name = name;
  file.unreadable = true;
  file.diagnostics.push_back({Severity::error, name, position, std::move(message), ""});
  return file;
}

}  // namespace

// toml++'s own report of a byte that is not UTF-8 points one character early.
std::optional<std::pair<Position, unsigned char>> find_invalid_utf8(std::string_view text) {
  const size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a byte order mark takes no column
  const size_t bad = invalid_utf8_offset(text.substr(start));
  if (bad == std::string_view::npos) return std::nullopt;
  Position at;
  for (size_t i = start; i < start + bad; i += utf8_sequence_length(text, i))
    at = text[i] == '\n' ? Position{at.line + 1, 1} : Position{at.line, at.column + 1};
  return std::pair{at, static_cast<unsigned char>(text[start + bad])};
}

namespace {

// toml++ 3.3 reaches __builtin_unreachable() when it asks whether some
// non-ASCII characters are whitespace (marzer/tomlplusplus#190 and #295, fixed
// upstream by #305): outside strings and comments, where TOML allows only
// ASCII anyway; after a backslash in a """ string; and first on the line after
// a line-ending backslash. This scanner finds such a character before toml++
// sees it. It follows keys and values as far as toml++ does: a quote inside a
// bare value (2022-06-2"7") does not open a string. `text` is valid UTF-8.
class NonAsciiScanner {
 public:
  explicit NonAsciiScanner(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) i_ = 3;  // a byte order mark takes no column
  }

  // The position of the first such character and what to tell the author.
  std::optional<std::pair<Position, std::string>> find() {
    bool value = false;     // reading a value (after '='), not a key
    bool bare = false;      // inside a bare value: 12, 2022-06-27, true
    std::string nesting;    // open '[' and '{' of values
    while (i_ < text_.size()) {
      const char c = peek();
      if (is_non_ascii(c))
        return std::pair{at_, fmt::format("not valid TOML: '{}' outside a quoted string or comment; only strings "
                                          "and comments may hold non-ASCII characters",
                                          character())};
      if (c == '#') {
        while (i_ < text_.size() && peek() != '\n') advance();
        continue;
      }
      if ((c == '"' || c == '\'') && !bare) {
        if (auto problem = skip_string()) return problem;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ']' || c == '}') {
        bare = false;
        if (c == '\n' && nesting.empty()) value = false;
        if (c == ',' && !nesting.empty()) value = nesting.back() == '[';
        if ((c == ']' || c == '}') && !nesting.empty() && nesting.back() == (c == ']' ? '[' : '{')) {
          nesting.pop_back();
          value = true;
        }
      } else if (!value) {
        value = c == '=';
      } else if ((c == '[' || c == '{') && !bare) {
        nesting += c;
        value = c == '[';
      } else {
        bare = true;
      }
      advance();
    }
    return std::nullopt;
  }

 private:
  static bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }
  char peek(size_t ahead = 0) const { return i_ + ahead < text_.size() ? text_[i_ + ahead] : '\0'; }

  void advance() {
    if (text_[i_] == '\n')
      at_ = Position{at_.line + 1, 1};
    else if ((static_cast<unsigned char>(text_[i_]) & 0xC0) != 0x80)
      ++at_.column;
    ++i_;
  }

  // The UTF-8 character at i_.
  std::string_view character() const {
    size_t end = i_ + 1;
    while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
    return text_.substr(i_, end - i_);
  }

  // From an opening quote past the closing one; an unclosed string is left
  // for toml++ to report.
  std::optional<std::pair<Position, std::string>> skip_string() {
    const char quote = peek();
    const bool multi_line = peek(1) == quote && peek(2) == quote;
    for (int n = multi_line ? 3 : 1; n > 0; --n) advance();
    while (i_ < text_.size()) {
      const char c = peek();
      const Position at = at_;
      if (c == '\n' && !multi_line) return std::nullopt;
      if (c == quote && (!multi_line || (peek(1) == quote && peek(2) == quote))) {
        // """"" closes after two quotes of content.
        for (int n = multi_line ? 5 : 1; n > 0 && peek() == quote; --n) advance();
        return std::nullopt;
      }
      advance();
      if (c != '\\' || quote != '"') continue;
      if (is_non_ascii(peek()))
        return std::pair{at, fmt::format("not valid TOML: '\\{}' is not an escape sequence", character())};
      if (multi_line && ends_line()) {
        while (peek() == ' ' || peek() == '\t' || peek() == '\r' || peek() == '\n') advance();
        if (is_non_ascii(peek()))
          return std::pair{at_, fmt::format("a line ending with a backslash cannot be followed by one starting "
                                            "with '{}': remove the backslash, or start the line with an ASCII "
                                            "character",
                                            character())};
      } else if (i_ < text_.size()) {
        advance();  // the escaped character
      }
    }
    return std::nullopt;
  }

  // True if only spaces and tabs follow i_ on its line.
  bool ends_line() const {
    size_t j = i_;
    while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t' || text_[j] == '\r')) ++j;
    return j < text_.size() && text_[j] == '\n';
  }

  std::string_view text_;
  size_t i_ = 0;
  Position at_;
};

// A character toml++ writes as an escape ("\\r", "\\u0000"), in words.
std::string escape_in_words(std::string_view escape) {
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"\\r", "a carriage return"}, {"\\n", "the end of the line"}, {"\\t", "a tab"},
      {"\\b", "a backspace character"}, {"\\f", "a form feed"}, {"\\u0000", "a NUL character"},
      {"\\u000B", "a vertical tab"}, {"\\u007F", "a delete character (U+007F)"}};
  for (const auto& [written, words] : kNamed)
    if (escape == written) return std::string(words);
  if (escape.size() == 6 && escape.starts_with("\\u")) {
    std::string code(escape.substr(2));
    return escape.substr(2, 2) == "00" && code < "0020" ? "the control character U+" + code : "U+" + code;
  }
  return "'" + std::string(escape) + "'";
}

// toml++'s report in words: "saw '\r'" becomes "found a carriage return",
// and an impossible date on the line (2022-06-31) is explained.
std::string describe_toml_error(std::string_view description, std::string_view line) {
  if (description.starts_with("Error while parsing date"))
    for (size_t i = 0; i + 10 <= line.size(); ++i)
      if (auto date = read_iso_date_digits(line.substr(i, 10)); date && !is_valid(*date))
        return fmt::format("{} is not a real date: {}", line.substr(i, 10), why_not_a_date(*date));
  std::string out;
  size_t i = 0;
  while (i < description.size()) {
    const size_t quote = description.find('\'', i);
    const size_t close = quote == std::string_view::npos ? quote : description.find('\'', quote + 1);
    if (close == std::string_view::npos) break;
    std::string_view quoted = description.substr(quote + 1, close - quote - 1);
    out.append(description.substr(i, quote - i));
    if (quoted.starts_with('\\'))
      out += escape_in_words(quoted);
    else
      out.append(description.substr(quote, close - quote + 1));
    i = close + 1;
  }
  out.append(description.substr(std::min(i, description.size())));
  for (size_t at = out.find("saw "); at != std::string::npos; at = out.find("saw ", at + 1))
    if (at == 0 || out[at - 1] == ' ') out.replace(at, 3, "found");
  for (size_t at = out.find("found EOF"); at != std::string::npos; at = out.find("found EOF", at))
    out.replace(at + 6, 3, "the end of the file");
  return out;
}

// Line `number` (1-based) of `text`, without its line break.
std::string_view line_of(std::string_view text, size_t number) {
  size_t start = 0;
  for (size_t n = 1; n < number && start != std::string_view::npos; ++n) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos || start > text.size()) return {};
  const size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

MeetingFile too_large(const std::string& name) {
  return unreadable_file(name, {1, 1},
                         fmt::format("the file is too large: a meeting file may have at most {} bytes",
                                     kMaxMeetingFileBytes));
}

}  // namespace

MeetingFile parse_meeting_file(std::string_view text, const std::string& name) {
  if (text.size() > kMaxMeetingFileBytes) return too_large(name);
  MeetingFile file;
  file.name = name;
  if (auto invalid = find_invalid_utf8(text))
    return unreadable_file(name, invalid->first,
                           fmt::format("not valid UTF-8 (byte 0x{:02X}): a meeting file must be saved as UTF-8",
                                       invalid->second));
  if (auto unsafe = NonAsciiScanner(text).find()) return unreadable_file(name, unsafe->first, unsafe->second);
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    return unreadable_file(name, position_of(e.source()),
                           "not valid TOML: " + describe_toml_error(e.description(), line_of(text, e.source().begin.line)));
  }
  if (root.empty()) {
    file.diagnostics.push_back({Severity::error, name, {1, 1},
                                "the file is empty: a meeting file needs at least [body], [meeting], [document] and "
                                "[[items]] (see docs/meeting-file.md)",
                                ""});
    file.meeting = Meeting{};
    return file;
  }
  read_meeting_document(root, text, file);
  return file;
}

void read_meeting_document(const toml::table& root, std::string_view toml_text, MeetingFile& file) {
  Reader reader(file, toml_text);
  file.meeting = reader.read(root);
  reader.finish_pending();
  std::stable_sort(file.diagnostics.begin(), file.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.position.line, a.position.column) < std::tie(b.position.line, b.position.column);
  });
}

MeetingFile load_meeting_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return unreadable_file(path, {1, 1}, "cannot read a directory as a meeting file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return unreadable_file(path, {1, 1}, fmt::format("cannot open the file: {}", std::strerror(errno)));
  // Read at most one byte past the limit, so a huge file is never loaded whole.
  std::string text(kMaxMeetingFileBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) return unreadable_file(path, {1, 1}, "cannot read the file");
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > kMaxMeetingFileBytes) return too_large(path);
  return parse_meeting_file(text, path);
}

std::vector<Diagnostic> check_meeting_file(const MeetingFile& file, const CheckOptions& options) {
  std::vector<Diagnostic> result = file.diagnostics;
  if (!file.meeting || file.unreadable) return result;
  // A value the file could not read is left empty in the meeting: what the
  // checks say at the place of a read error only repeats it. Without
  // positions (JSON), the place is the read error's path or one inside it.
  std::set<std::pair<int, int>> read_errors;
  std::vector<std::string> read_error_paths;
  for (const Diagnostic& d : file.diagnostics) {
    if (d.severity != Severity::error) continue;
    if (d.position.known())
      read_errors.emplace(d.position.line, d.position.column);
    else
      read_error_paths.push_back(d.path);
  }
  auto repeats_read_error = [&](const Diagnostic& d) {
    if (d.position.known()) return read_errors.count({d.position.line, d.position.column}) > 0;
    return std::any_of(read_error_paths.begin(), read_error_paths.end(), [&](const std::string& path) {
      return d.path.starts_with(path) &&
             (d.path.size() == path.size() || d.path[path.size()] == '.' || d.path[path.size()] == '[');
    });
  };
  for (Diagnostic& d : locate_findings(check_meeting(*file.meeting, options), file.sources, file.name))
    if (!repeats_read_error(d)) result.push_back(std::move(d));
  return result;
}

}  // namespace plenary
