#include "model/meeting.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace plenary {

namespace {

// One table per enum keeps names and values in one place, both ways.
template <typename Enum, size_t N>
using NameTable = std::array<std::pair<Enum, const char*>, N>;

constexpr NameTable<MeetingFormat, 3> kFormats{{
    {MeetingFormat::in_person, "in-person"},
    {MeetingFormat::hybrid, "hybrid"},
    {MeetingFormat::online, "online"},
}};
constexpr NameTable<Distribution, 3> kDistributions{{
    {Distribution::general, "general"},
    {Distribution::limited, "limited"},
    {Distribution::restricted, "restricted"},
}};
constexpr NameTable<ItemKind, 7> kItemKinds{{
    {ItemKind::organizational, "organizational"},
    {ItemKind::opening, "opening"},
    {ItemKind::adoption_of_agenda, "adoption-of-agenda"},
    {ItemKind::substantive, "substantive"},
    {ItemKind::review_mechanism, "review-mechanism"},
    {ItemKind::other_matters, "other-matters"},
    {ItemKind::adoption_of_report, "adoption-of-report"},
}};
constexpr NameTable<Procedure, 2> kProcedures{{
    {Procedure::meeting, "meeting"},
    {Procedure::silence, "silence"},
}};

template <typename Enum, size_t N>
const char* name_of(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}

template <typename Enum, size_t N>
std::optional<Enum> value_of(const NameTable<Enum, N>& table, const std::string& text) {
  for (const auto& [v, name] : table)
    if (text == name) return v;
  return std::nullopt;
}

}  // namespace

bool is_official_language(const std::string& code) {
  return std::find(std::begin(kOfficialLanguages), std::end(kOfficialLanguages), code) !=
         std::end(kOfficialLanguages);
}

std::string language_name(const std::string& code) {
  static constexpr std::pair<const char*, const char*> kNames[] = {
      {"ar", "Arabic"}, {"zh", "Chinese"}, {"en", "English"}, {"fr", "French"}, {"ru", "Russian"}, {"es", "Spanish"}};
  for (const auto& [known, name] : kNames)
    if (code == known) return name;
  return "'" + code + "'";
}

bool is_mark_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxMarkIdLength) return false;
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  return true;
}

const std::string* text_in(const LangText& text, const std::string& lang) {
  auto it = text.find(lang);
  return it == text.end() ? nullptr : &it->second;
}

std::string subitem_letter(int n) {
  std::string letters;
  for (; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), char('a' + (n - 1) % 26));
  return letters;
}

std::string item_key(int number, int subnumber) {
  std::string key = std::to_string(number);
  if (subnumber > 0) key += " (" + subitem_letter(subnumber) + ")";
  return key;
}

const Item* find_item(const Meeting& meeting, const std::string& key) {
  for (const Item& item : meeting.items) {
    if (item_key(item.number) == key) return &item;
    for (const Item& sub : item.subitems)
      if (item_key(item.number, sub.number) == key) return &sub;
  }
  return nullptr;
}

const Document* find_document(const Meeting& meeting, const std::string& symbol) {
  for (const Document& document : meeting.documents)
    if (document.symbol == symbol) return &document;
  return nullptr;
}

const Decision* find_decision(const Meeting& meeting, const std::string& id) {
  for (const Decision& decision : meeting.decisions)
    if (decision.id == id) return &decision;
  return nullptr;
}

const Footnote* find_footnote(const Meeting& meeting, const std::string& id) {
  for (const Footnote& footnote : meeting.footnotes)
    if (footnote.id == id) return &footnote;
  return nullptr;
}

std::vector<std::pair<std::string, const Item*>> schedulable_items(const Meeting& meeting) {
  std::vector<std::pair<std::string, const Item*>> result;
  for (const Item& item : meeting.items) {
    if (item.subitems.empty()) {
      result.emplace_back(item_key(item.number), &item);
      continue;
    }
    for (const Item& sub : item.subitems)
      result.emplace_back(item_key(item.number, sub.number), &sub);
  }
  return result;
}

const char* to_string(MeetingFormat format) { return name_of(kFormats, format); }
const char* to_string(Distribution distribution) { return name_of(kDistributions, distribution); }
const char* to_string(ItemKind kind) { return name_of(kItemKinds, kind); }
const char* to_string(Procedure procedure) { return name_of(kProcedures, procedure); }
std::optional<MeetingFormat> meeting_format_from(const std::string& text) { return value_of(kFormats, text); }
std::optional<Distribution> distribution_from(const std::string& text) { return value_of(kDistributions, text); }
std::optional<ItemKind> item_kind_from(const std::string& text) { return value_of(kItemKinds, text); }
std::optional<Procedure> procedure_from(const std::string& text) { return value_of(kProcedures, text); }

}  // namespace plenary
