// Paths into a meeting, as the checks and edits name them
// ("items[1].subitems[0].annotation.fr"), said for the officer who reads
// the page: "item 2 (a), annotation (French)", 1-based as the agenda numbers
// items, in the catalog's language (its [editor] keys), with the page where
// the field is fixed.
#pragma once

#include <cstdint>
#include <string>

#include "i18n/catalog.h"
#include "model/meeting.h"

namespace plenary::web {

// The field in words. `meeting` (may be null) lets documents and decisions
// be named by their symbol and date rather than their place in a list.
// Form field names ("title.fr", "deadline") are said the same way.
std::string field_in_words(const std::string& path, const Meeting* meeting, const Catalog& catalog);

// The editing page where the field is changed: "/edit/meetings/3/items/2a",
// the meeting's overview when no page is more precise.
std::string page_fixing(const std::string& path, int64_t meeting_id, const Meeting* meeting);

// The language by its name in the catalog's language: "fr" -> "French".
std::string language_in_words(const std::string& lang, const Catalog& catalog);

}  // namespace plenary::web
