#include "web/field_words.h"

#include <fmt/format.h>

#include <optional>
#include <vector>

#include "web/editor_pages.h"
#include "web/http.h"

namespace plenary::web {

namespace {

// One step of a path: "subitems[0]" -> {"subitems", 0}; "title" -> {"title", none}.
struct Step {
  std::string name;
  std::optional<size_t> index;
};

std::vector<Step> steps_of(const std::string& path) {
  std::vector<Step> steps;
  size_t at = 0;
  while (at <= path.size()) {
    const size_t end = std::min(path.find('.', at), path.size());
    const std::string part = path.substr(at, end - at);
    Step step{part, std::nullopt};
    const size_t open = part.find('[');
    if (open != std::string::npos && part.back() == ']') {
      const std::string digits = part.substr(open + 1, part.size() - open - 2);
      if (!digits.empty() && digits.size() < 9 && digits.find_first_not_of("0123456789") == std::string::npos)
        step = {part.substr(0, open), std::stoul(digits)};
    }
    if (!step.name.empty()) steps.push_back(step);
    at = end + 1;
  }
  return steps;
}

bool has_key(const Catalog& catalog, const std::string& key) { return catalog.entries().count(key) > 0; }

// A field's own name: editor.field.{name}, else the name with spaces.
std::string name_in_words(const std::string& name, const Catalog& catalog) {
  const std::string key = "editor.field." + name;
  if (has_key(catalog, key)) return catalog.text(key);
  std::string words = name;
  for (char& c : words)
    if (c == '_') c = ' ';
  return words;
}

// The item a path begins with ("items[1].subitems[0]..."): its key, and how many steps it took.
std::optional<std::pair<std::string, size_t>> item_at(const std::vector<Step>& steps) {
  if (steps.empty() || steps[0].name != "items" || !steps[0].index) return std::nullopt;
  const int number = static_cast<int>(*steps[0].index) + 1;
  if (steps.size() > 1 && steps[1].name == "subitems" && steps[1].index)
    return std::make_pair(item_key(number, static_cast<int>(*steps[1].index) + 1), size_t{2});
  return std::make_pair(item_key(number), size_t{1});
}

}  // namespace

std::string language_in_words(const std::string& lang, const Catalog& catalog) {
  const std::string key = "editor.language." + lang;
  return has_key(catalog, key) ? catalog.text(key) : lang;
}

std::string field_in_words(const std::string& path, const Meeting* meeting, const Catalog& catalog) {
  std::vector<Step> steps = steps_of(path);
  std::optional<std::string> lang;
  if (!steps.empty() && !steps.back().index && is_official_language(steps.back().name)) {
    lang = steps.back().name;
    steps.pop_back();
  }
  std::vector<std::string> parts;
  size_t next = 0;
  if (auto item = item_at(steps)) {
    parts.push_back(catalog.format("editor.field.item_numbered", {{"key", item->first}}));
    next = item->second;
  } else if (!steps.empty() && steps[0].name == "documents" && steps[0].index) {
    const size_t i = *steps[0].index;
    parts.push_back(meeting && i < meeting->documents.size()
                        ? catalog.format("editor.field.document_named", {{"symbol", meeting->documents[i].symbol}})
                        : catalog.format("editor.field.document_numbered", {{"n", std::to_string(i + 1)}}));
    next = 1;
  } else if (!steps.empty() && steps[0].name == "decisions" && steps[0].index) {
    const size_t i = *steps[0].index;
    parts.push_back(meeting && i < meeting->decisions.size()
                        ? catalog.format("editor.field.decision_dated",
                                         {{"date", catalog.date(meeting->decisions[i].date, "dates.issue")}})
                        : catalog.format("editor.field.decision_numbered", {{"n", std::to_string(i + 1)}}));
    next = 1;
  } else if (!steps.empty() && steps[0].name == "footnotes") {
    std::string id;
    if (steps[0].index && meeting && *steps[0].index < meeting->footnotes.size())
      id = meeting->footnotes[*steps[0].index].id;
    else if (!steps[0].index && steps.size() > 1)
      id = steps[1].name;
    parts.push_back(id.empty() ? catalog.text("editor.field.footnotes")
                               : catalog.format("editor.field.footnote_named", {{"id", id}}));
    next = steps[0].index || id.empty() ? 1 : 2;
  } else if (steps.size() == 2 && steps[0].name == "slot" &&
             steps[1].name.find_first_not_of("0123456789") == std::string::npos) {
    // The hand-editing form's "slot.3": the organization's third meeting.
    parts.push_back(catalog.format("editor.field.slot_numbered", {{"n", steps[1].name}}));
    next = 2;
  } else if (!steps.empty() && steps[0].name == "organization") {
    if (steps.size() > 1 && steps[1].name == "slots" && steps[1].index) {
      parts.push_back(catalog.format("editor.field.slot_numbered", {{"n", std::to_string(*steps[1].index + 1)}}));
      next = 2;
    } else {
      parts.push_back(catalog.text("editor.field.organization"));
      next = 1;
    }
  } else if (!steps.empty() && (steps[0].name == "meeting" || steps[0].name == "document" ||
                                steps[0].name == "body" || steps[0].name == "planning")) {
    // "meeting.title" is the meeting's title, "document.symbol" the agenda's symbol.
    if (steps.size() > 1) {
      parts.push_back(name_in_words(steps[0].name + "_" + steps[1].name, catalog));
      next = 2;
    } else {
      parts.push_back(name_in_words(steps[0].name, catalog));
      next = 1;
    }
  }
  for (size_t i = next; i < steps.size(); ++i) {
    std::string words = name_in_words(steps[i].name, catalog);
    if (steps[i].index) words += " " + std::to_string(*steps[i].index + 1);
    parts.push_back(words);
  }
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
  if (lang) {
    const std::string language = language_in_words(*lang, catalog);
    out = out.empty() ? language : catalog.format("editor.field.in_language", {{"field", out}, {"language", language}});
  }
  return out.empty() ? catalog.text("editor.field.meeting") : out;
}

std::string page_fixing(const std::string& path, int64_t meeting_id, const Meeting* meeting) {
  const std::string base = fmt::format("/edit/meetings/{}", meeting_id);
  const std::vector<Step> steps = steps_of(path);
  if (steps.empty()) return base;
  if (auto item = item_at(steps)) return base + "/items/" + item_slug(item->first);
  const std::string& first = steps[0].name;
  if (first == "documents") {
    if (meeting && steps[0].index && *steps[0].index < meeting->documents.size())
      return base + "/document?symbol=" + url_encode(meeting->documents[*steps[0].index].symbol);
    return base + "/documents";
  }
  if (first == "decisions") {
    if (meeting && steps[0].index && *steps[0].index < meeting->decisions.size())
      return base + "/decisions/" + url_encode(meeting->decisions[*steps[0].index].id);
    return base + "/decisions";
  }
  if (first == "footnotes") {
    if (!steps[0].index && steps.size() > 1) return base + "/footnotes/" + url_encode(steps[1].name);
    if (meeting && steps[0].index && *steps[0].index < meeting->footnotes.size())
      return base + "/footnotes/" + url_encode(meeting->footnotes[*steps[0].index].id);
    return base + "/footnotes";
  }
  if (first == "organization" || first == "planning") return base + "/organization";
  if (first == "meeting" || first == "document" || first == "body") return base + "/meeting";
  return base;
}

}  // namespace plenary::web
