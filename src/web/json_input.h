// Reading the members of a JSON request body, each error a 400 that names
// the member at fault. Internal to src/web; the API and the procedure routes
// share it.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/meeting.h"

namespace plenary::web {

// The member `name`; 400 when it is missing.
const nlohmann::json& member(const nlohmann::json& body, const std::string& name);

// "based_on_version": a positive integer.
int64_t based_on_version(const nlohmann::json& body);

// A string member; "" when it is missing and not required.
std::string text_member(const nlohmann::json& body, const std::string& name, bool required = true);

// Every key of `body` must be one of `allowed`: a typo is an error, not a
// no-op. `where` prefixes the field named in the error.
void only_keys(const nlohmann::json& body, std::initializer_list<const char*> allowed, const std::string& where = "");

// {"fr": "...", "en": "..."} as LangText, official languages only.
LangText lang_text_member(const nlohmann::json& body, const std::string& name);

// An integer member that must fit an int: 4294967298 is not position 2.
int int_member(const nlohmann::json& value, const std::string& name);

// A member that must be true or false.
bool bool_member(const nlohmann::json& body, const std::string& name);

// A member that must be an array of strings.
std::vector<std::string> text_list_member(const nlohmann::json& body, const std::string& name);

// A member that must be a date written "2022-06-27", and a real day.
Date date_member(const nlohmann::json& body, const std::string& name);

}  // namespace plenary::web
