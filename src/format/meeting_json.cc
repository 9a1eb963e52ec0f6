#include "format/meeting_json.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "toml/toml.h"

#include "format/rich_text.h"

namespace plenary {

namespace {

// ---- reading

// The line and column (in characters) of byte `offset` of `text`.
Position position_at(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  Position at;
  for (size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0; i < offset; ++i) {
    if (text[i] == '\n')
      at = Position{at.line + 1, 1};
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      ++at.column;
  }
  return at;
}

// nlohmann's message without its prefix and without the text it last read,
// which can be long and can end inside a character.
std::string describe_json_error(const nlohmann::detail::exception& error) {
  std::string message = error.what();
  if (size_t column = message.find(", column "); column != std::string::npos) {
    message.erase(0, message.find(": ", column) + 2);
  } else if (size_t bracket = message.find("] "); bracket != std::string::npos) {
    message.erase(0, bracket + 2);
  }
  if (size_t last_read = message.find("; last read: '"); last_read != std::string::npos) {
    const size_t expected = message.find("'; expected ", last_read);
    message.erase(last_read, expected == std::string::npos ? std::string::npos : expected + 1 - last_read);
  }
  constexpr size_t kLongest = 200;
  if (message.size() > kLongest) {
    size_t cut = kLongest;
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
    message.resize(cut);
    message += "…";
  }
  return message;
}

// What makes JSON unreadable: its place (a byte offset, or a path when the
// parser gives none) and what to tell the author.
struct JsonProblem {
  std::optional<size_t> offset;
  std::string path;
  std::string message;
};

// Builds the toml::table the meeting file's reader reads, straight from the
// parser's events. Objects become tables, arrays arrays; strings, integers
// and booleans keep their type; a number with a fraction becomes a TOML
// float and null a NaN without a position, which the reader names "null".
// The reader accepts neither, so both are reported where they stand.
class TomlBuilder final : public nlohmann::json_sax<nlohmann::json> {
 public:
  toml::table& root() { return root_; }
  const std::optional<JsonProblem>& problem() const { return problem_; }

  bool null() override { return add(toml::value<double>(std::numeric_limits<double>::quiet_NaN()), "null"); }
  bool boolean(bool value) override { return add(toml::value<bool>(value), "a boolean"); }
  bool number_integer(number_integer_t value) override { return add(toml::value<int64_t>(value), "a number"); }

  bool number_unsigned(number_unsigned_t value) override {
    if (value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
      return fail(child_path(), fmt::format("the integer {} is too large: at most {}", value,
                                            std::numeric_limits<int64_t>::max()));
    return add(toml::value<int64_t>(static_cast<int64_t>(value)), "a number");
  }

  bool number_float(number_float_t value, const string_t&) override {
    return add(toml::value<double>(value), "a number");
  }

  bool string(string_t& value) override { return add(toml::value<std::string>(std::move(value)), "a string"); }
  bool binary(binary_t&) override { return fail("", "binary values are not JSON"); }  // only in binary formats

  bool start_object(std::size_t) override {
    if (!started_) {
      started_ = true;
      open_.push_back({&root_, ""});
      return true;
    }
    return open(toml::table{}, "an object");
  }

  bool key(string_t& name) override {
    if (open_.back().node->as_table()->contains(name))
      return fail(path_in(open_.back().path, name), fmt::format("the key '{}' is given twice", name));
    key_ = std::move(name);
    return true;
  }

  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(toml::array{}, "an array"); }
  bool end_array() override { return close(); }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override {
    // `position` counts the bytes read, the offending one included.
    problem_ = JsonProblem{position > 0 ? position - 1 : 0, "", "not valid JSON: " + describe_json_error(error)};
    return false;
  }

 private:
  struct Open {
    toml::node* node;  // a table or an array
    std::string path;  // "items[2]"
  };

  static std::string path_in(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

  // The path of the value about to be added.
  std::string child_path() const {
    if (open_.empty()) return "";
    const Open& parent = open_.back();
    if (const toml::array* array = parent.node->as_array()) return fmt::format("{}[{}]", parent.path, array->size());
    return path_in(parent.path, key_);
  }

  bool fail(std::string path, std::string message) {
    problem_ = JsonProblem{std::nullopt, std::move(path), std::move(message)};
    return false;
  }

  // Adds `value` to the open table or array; nullptr at the top level.
  template <typename Value>
  toml::node* insert(Value&& value, const char* found) {
    if (open_.empty()) {
      fail("", fmt::format("a meeting is a JSON object, {{\"format_version\": 1, \"body\": ...}}, found {}", found));
      return nullptr;
    }
    if (toml::array* array = open_.back().node->as_array()) {
      array->push_back(std::forward<Value>(value));
      return &array->back();
    }
    return &open_.back().node->as_table()->insert(key_, std::forward<Value>(value)).first->second;
  }

  template <typename Value>
  bool add(Value&& value, const char* found) {
    return insert(std::forward<Value>(value), found) != nullptr;
  }

  template <typename Container>
  bool open(Container&& container, const char* found) {
    // find_too_deep has refused such documents; this keeps the builder safe on its own.
    if (open_.size() >= static_cast<size_t>(kMaxJsonDepth))
      return fail(child_path(), fmt::format("nested deeper than {} levels", kMaxJsonDepth));
    std::string path = child_path();
    toml::node* node = insert(std::forward<Container>(container), found);
    if (!node) return false;
    open_.push_back({node, std::move(path)});
    return true;
  }

  bool close() {
    open_.pop_back();
    return true;
  }

  toml::table root_;
  bool started_ = false;
  std::vector<Open> open_;  // the tables and arrays being filled, innermost last
  std::string key_;         // the key of the next value in the innermost table
  std::optional<JsonProblem> problem_;
};

MeetingFile unreadable_json(const std::string& name, Position position, std::string message, std::string path = "") {
  MeetingFile file;
  file.name = name;
  file.unreadable = true;
  file.diagnostics.push_back({Severity::error, name, position, std::move(message), std::move(path)});
  return file;
}

// ---- writing

using Json = nlohmann::ordered_json;

// Texts per language, in UN order.
template <typename Text, typename Write>
Json per_language(const std::map<std::string, Text>& texts, Write write) {
  Json out = Json::object();
  for (const char* lang : kOfficialLanguages)
    if (auto it = texts.find(lang); it != texts.end()) out[lang] = write(it->second);
  for (const auto& [lang, text] : texts)
    if (!is_official_language(lang)) out[lang] = write(text);
  return out;
}

Json lang_text(const LangText& text) {
  return per_language(text, [](const std::string& s) { return s; });
}

Json lang_rich_text(const LangRichText& text) {
  return per_language(text, [](const RichText& r) { return write_rich_text(r); });
}

Json item_json(const Item& item, bool is_subitem) {
  Json out;
  if (is_subitem)
    out["number"] = subitem_letter(item.number);
  else
    out["number"] = item.number;
  out["kind"] = to_string(item.kind);
  out["title"] = lang_text(item.title);
  if (!item.annotation.empty()) out["annotation"] = lang_rich_text(item.annotation);
  if (!item.documents.empty()) out["documents"] = item.documents;
  if (item.no_documents) out["no_documents"] = true;
  if (item.minutes) out["minutes"] = *item.minutes;
  const ItemConstraints& rules = item.constraints;
  if (rules.min_minutes) out["min_minutes"] = *rules.min_minutes;
  if (rules.priority) out["priority"] = *rules.priority;
  if (rules.weight != 1) out["weight"] = rules.weight;
  if (rules.never_split) out["never_split"] = true;
  if (!rules.same_meeting_as.empty()) out["same_meeting_as"] = rules.same_meeting_as;
  if (rules.not_before_date)
    out["not_before"] = rules.not_before_time ? to_iso(*rules.not_before_date) + "T" + to_hhmm(*rules.not_before_time)
                                              : to_iso(*rules.not_before_date);
  if (!item.subitems.empty()) {
    Json subitems = Json::array();
    for (const Item& subitem : item.subitems) subitems.push_back(item_json(subitem, true));
    out["subitems"] = std::move(subitems);
  }
  return out;
}

Json windows_json(const std::vector<TimeWindow>& windows) {
  Json out = Json::array();
  for (const TimeWindow& window : windows) out.push_back(to_hhmm(window.start) + "-" + to_hhmm(window.end));
  return out;
}

Json organization_json(const OrganizationOfWork& organization) {
  Json out = Json::object();
  if (!organization.footnote.empty()) out["footnote"] = organization.footnote;
  if (organization.sequence != 0) out["sequence"] = organization.sequence;
  if (organization.slots.empty()) return out;
  Json slots = Json::array();
  for (const Slot& slot : organization.slots) {
    Json items = Json::array();
    for (const SlotItem& entry : slot.items) {
      if (entry.minutes)
        items.push_back(Json{{"item", entry.item}, {"minutes", *entry.minutes}});
      else
        items.push_back(entry.item);
    }
    slots.push_back(Json{{"date", to_iso(slot.date)},
                         {"start", to_hhmm(slot.start)},
                         {"end", to_hhmm(slot.end)},
                         {"items", std::move(items)}});
  }
  out["slots"] = std::move(slots);
  return out;
}

Json planning_json(const PlanningSettings& planning) {
  Json out;
  out["in_person"] = windows_json(planning.in_person);
  out["hybrid"] = windows_json(planning.hybrid);
  out["online"] = windows_json(planning.online);
  if (planning.first_day_start) out["first_day_start"] = to_hhmm(*planning.first_day_start);
  if (planning.last_day_end) out["last_day_end"] = to_hhmm(*planning.last_day_end);
  out["skip_weekends"] = planning.skip_weekends;
  out["min_continuation"] = planning.min_continuation;
  out["min_substantive_minutes"] = planning.min_substantive_minutes;
  out["default_minutes"] = Json(planning.default_minutes);
  if (!planning.unavailable.empty()) {
    Json unavailable = Json::array();
    for (const UnavailableSlot& slot : planning.unavailable)
      unavailable.push_back(Json{{"date", to_iso(slot.date)}, {"start", to_hhmm(slot.start)}});
    out["unavailable"] = std::move(unavailable);
  }
  return out;
}

}  // namespace

MeetingFile parse_meeting_json(std::string_view json, const std::string& name) {
  if (json.size() > kMaxMeetingFileBytes)
    return unreadable_json(name, {1, 1},
                           fmt::format("the JSON is too large: a meeting may have at most {} bytes", kMaxMeetingFileBytes));
  if (auto invalid = find_invalid_utf8(json))
    return unreadable_json(name, invalid->first,
                           fmt::format("not valid UTF-8 (byte 0x{:02X}): JSON must be UTF-8", invalid->second));
  if (auto deep = find_too_deep_json(json))
    return unreadable_json(name, position_at(json, *deep),
                           fmt::format("not accepted: objects and arrays nested deeper than {} levels", kMaxJsonDepth));
  TomlBuilder builder;
  if (!nlohmann::json::sax_parse(json.begin(), json.end(), &builder)) {
    const JsonProblem& problem = *builder.problem();
    const Position at = problem.offset ? position_at(json, *problem.offset) : Position{0, 0};
    return unreadable_json(name, at, problem.message, problem.path);
  }
  MeetingFile file;
  file.name = name;
  read_meeting_document(builder.root(), "", file);
  return file;
}

std::string meeting_to_json(const Meeting& meeting) {
  Json out;
  out["format_version"] = 1;

  const Body& body = meeting.body;
  Json body_json;
  body_json["short_name"] = body.short_name;
  body_json["name"] = lang_text(body.name);
  if (!body.parent.empty()) body_json["parent"] = lang_text(body.parent);
  if (!body.mandate.empty()) body_json["mandate"] = body.mandate;
  out["body"] = std::move(body_json);

  Json info;
  info["ordinal"] = meeting.ordinal;
  if (!meeting.title.empty()) info["title"] = lang_text(meeting.title);
  info["city"] = lang_text(meeting.city);
  if (!meeting.venue.empty()) info["venue"] = lang_text(meeting.venue);
  info["start"] = to_iso(meeting.start);
  info["end"] = to_iso(meeting.end);
  info["time_zone"] = meeting.time_zone;
  info["format"] = to_string(meeting.format);
  info["languages"] = meeting.languages;
  out["meeting"] = std::move(info);

  const AgendaDocumentInfo& document = meeting.document;
  out["document"] = Json{{"symbol", document.symbol},
                         {"distribution", to_string(document.distribution)},
                         {"issued", to_iso(document.issued)},
                         {"original_language", document.original_language}};

  if (!meeting.decisions.empty()) {
    Json decisions = Json::array();
    for (const Decision& decision : meeting.decisions)
      decisions.push_back(Json{{"id", decision.id},
                               {"by", lang_text(decision.by)},
                               {"date", to_iso(decision.date)},
                               {"procedure", to_string(decision.procedure)},
                               {"approved", lang_text(decision.approved)}});
    out["decisions"] = std::move(decisions);
  }
  if (!meeting.footnotes.empty()) {
    Json footnotes = Json::object();
    for (const Footnote& footnote : meeting.footnotes) footnotes[footnote.id] = lang_rich_text(footnote.text);
    out["footnotes"] = std::move(footnotes);
  }
  if (!meeting.documents.empty()) {
    Json documents = Json::array();
    for (const Document& entry : meeting.documents) {
      Json one;
      one["symbol"] = entry.symbol;
      if (!entry.title.empty()) one["title"] = lang_text(entry.title);
      one["description"] = lang_text(entry.description);
      documents.push_back(std::move(one));
    }
    out["documents"] = std::move(documents);
  }
  Json items = Json::array();
  for (const Item& item : meeting.items) items.push_back(item_json(item, false));
  out["items"] = std::move(items);

  if (Json organization = organization_json(meeting.organization); !organization.empty())
    out["organization"] = std::move(organization);
  out["planning"] = planning_json(meeting.planning);
  // Replacement characters rather than an exception for text that is not
  // UTF-8, which a meeting read by the reader never holds.
  return out.dump(2, ' ', false, Json::error_handler_t::replace);
}

std::optional<size_t> find_too_deep_json(std::string_view json) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace plenary
