#include "web/json_input.h"

#include <fmt/format.h>

#include <limits>

#include "web/services.h"

namespace plenary::web {

using nlohmann::json;

const json& member(const json& body, const std::string& name) {
  if (!body.contains(name)) throw HttpError(400, "\"" + name + "\" is required", name);
  return body.at(name);
}

int64_t based_on_version(const json& body) {
  const json& value = member(body, "based_on_version");
  if (!value.is_number_integer() || value.get<int64_t>() < 1)
    throw HttpError(400, "\"based_on_version\" must be the meeting's version, a positive integer", "based_on_version");
  return value.get<int64_t>();
}

std::string text_member(const json& body, const std::string& name, bool required) {
  if (!body.contains(name)) {
    if (required) throw HttpError(400, "\"" + name + "\" is required", name);
    return "";
  }
  if (!body.at(name).is_string()) throw HttpError(400, "\"" + name + "\" must be a string", name);
  return body.at(name).get<std::string>();
}

void only_keys(const json& body, std::initializer_list<const char*> allowed, const std::string& where) {
  for (const auto& [key, value] : body.items()) {
    bool known = false;
    for (const char* name : allowed) known = known || key == name;
    if (!known) {
      std::string names;
      for (const char* name : allowed) names += std::string(names.empty() ? "" : ", ") + name;
      throw HttpError(400, fmt::format("unknown key \"{}\"{}; expected one of: {}", key, where, names),
                      where.empty() ? key : where + "." + key);
    }
  }
}

LangText lang_text_member(const json& body, const std::string& name) {
  const json& value = member(body, name);
  if (!value.is_object()) throw HttpError(400, "\"" + name + "\" must be an object of texts by language code", name);
  LangText text;
  for (const auto& [language, entry] : value.items()) {
    if (!is_official_language(language))
      throw HttpError(400, "\"" + language + "\" is not one of ar, zh, en, fr, ru, es", name + "." + language);
    if (!entry.is_string()) throw HttpError(400, "must be a string", name + "." + language);
    text[language] = entry.get<std::string>();
  }
  return text;
}

int int_member(const json& value, const std::string& name) {
  constexpr int64_t kMin = std::numeric_limits<int>::min(), kMax = std::numeric_limits<int>::max();
  const bool fits = value.is_number_unsigned() ? value.get<uint64_t>() <= static_cast<uint64_t>(kMax)
                    : value.is_number_integer() && value.get<int64_t>() >= kMin && value.get<int64_t>() <= kMax;
  if (!fits) throw HttpError(400, "\"" + name + "\" must be an integer that fits 32 bits", name);
  return static_cast<int>(value.get<int64_t>());
}

bool bool_member(const json& body, const std::string& name) {
  const json& value = member(body, name);
  if (!value.is_boolean()) throw HttpError(400, "\"" + name + "\" must be true or false", name);
  return value.get<bool>();
}

std::vector<std::string> text_list_member(const json& body, const std::string& name) {
  const json& value = member(body, name);
  if (!value.is_array()) throw HttpError(400, "\"" + name + "\" must be an array of strings", name);
  std::vector<std::string> out;
  for (const json& entry : value) {
    if (!entry.is_string()) throw HttpError(400, "\"" + name + "\" must be an array of strings", name);
    out.push_back(entry.get<std::string>());
  }
  return out;
}

Date date_member(const json& body, const std::string& name) {
  const std::string text = text_member(body, name);
  std::optional<Date> date = parse_iso_date(text);
  if (!date) throw HttpError(400, "\"" + name + "\" must be a date like 2022-06-27, and a day that exists", name);
  return *date;
}

}  // namespace plenary::web
