// What the edits share: the checks of their arguments, with messages for the
// editor and fields as edit.h describes them; the addressing of items; and
// the last guard, which keeps an accepted meeting accepted. Internal to
// src/edit.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "edit/edit.h"
#include "model/meeting.h"

namespace plenary::edit::detail {

inline constexpr long kMaxMeetingDays = 366;
inline constexpr size_t kMaxShown = 60;      // characters of user input quoted in a message
inline constexpr size_t kMaxKeyBytes = 256;  // item keys, ids and language codes
inline constexpr size_t kMaxSymbolBytes = 1024;

// ---- Text

// User input as a message may quote it: valid UTF-8 without control
// characters, at most kMaxShown characters.
std::string shown(std::string_view text);

bool blank(std::string_view text);

// Throws unless `text` is at most `max_bytes` of UTF-8 without NUL.
void require_text(std::string_view text, const std::string& field, size_t max_bytes);

// Throws unless `lang` is one of the meeting's languages.
void require_language(const Meeting& meeting, const std::string& lang, const std::string& field);

// Sets or, for blank text, removes the text in `lang`.
void put(LangText& text, const std::string& lang, const std::string& value);

// `text` with its languages and texts checked and blank texts left out.
LangText checked(const Meeting& meeting, const LangText& text, const std::string& field);

// `text` with its languages, texts and marks checked and empty languages left out.
LangRichText checked(const Meeting& meeting, const LangRichText& text, const std::string& field);

// Throws unless every footnote and decision the inlines call is defined.
void require_inlines(const Meeting& meeting, const std::vector<Inline>& inlines, const std::string& field);

// "the meeting's footnotes are compendium, hybrid", or "the meeting has no footnotes".
std::string footnote_ids(const Meeting& meeting);
std::string decision_ids(const Meeting& meeting);

// ---- Addressing items

struct Place {
  size_t item = 0;
  std::optional<size_t> sub;
};

// The model's key for an item number as people write it ("1a" -> "1 (a)").
std::string normalized_key(const std::string& key, const std::string& field);

// "the agenda has items 1 to 6"; "item 1 has sub-items 1 (a) to 1 (b)".
std::string agenda_range(const Meeting& meeting);
std::string subitem_range(const Item& parent);

// The place of item `key`; throws, naming what the agenda has, when there is none.
Place locate(const Meeting& meeting, const std::string& key, const std::string& field);

Item& at(Meeting& meeting, const Place& place);
const Item& at(const Meeting& meeting, const Place& place);

// "items[1].subitems[0]", as check_meeting names the item.
std::string path_of(const Place& place);

// "1 (a)", as the agenda numbers the item.
std::string key_of(const Meeting& meeting, const Place& place);

// The items of the place's level: the agenda's or the parent's sub-items.
std::vector<Item>& level_of(Meeting& meeting, const Place& place);

// Every item and sub-item in agenda order, with its key.
std::vector<std::pair<std::string, const Item*>> all_items(const Meeting& meeting);

// Calls visit(item, key) for every item and sub-item, in agenda order.
void for_each_item(Meeting& meeting, const std::function<void(Item&, const std::string&)>& visit);

// ---- Values

// Throws unless `minutes` is 1 or more and fits in the meeting's days.
void require_minutes(const Meeting& meeting, std::optional<int> minutes, const std::string& field);

// Throws unless start and end are real days, in order, at most kMaxMeetingDays apart.
void require_dates(Date start, Date end);

// Throws unless `date` is a real day, saying why it is not ("June has 30 days").
void require_date(const Date& date, const std::string& field, const char* what);

// The symbol as the symbol module writes it; throws for an invalid one.
std::string normalized_symbol(const std::string& text, const std::string& field);

// The index of the declared document `symbol` (as written or normalized);
// throws, naming the declared ones, when there is none.
size_t document_index(const Meeting& meeting, const std::string& symbol, const std::string& field);

// Throws unless `id` can be a footnote's or decision's id (is_mark_id).
// `what` is "footnote" or "decision".
void require_mark_id(const std::string& id, const std::string& field, const char* what);

// Parses annotation or footnote Markdown as the meeting file's texts are
// parsed; throws naming every problem and its line, and any mark calling a
// footnote or decision the meeting does not define.
RichText parsed_markdown(const Meeting& meeting, const std::string& markdown, const std::string& field);

// ---- The last guard

// An edit of an accepted meeting must leave it accepted. The edits check
// what they can with their own messages first; this catches the rest,
// named as check_meeting names it.
Meeting accepted(const Meeting& before, Meeting after);

// Sets the text in `lang` (blank text removes it) of the LangText that
// `pick` finds in a copy of `meeting`, `path` naming it ("meeting.city").
template <typename Pick>
Meeting with_text(const Meeting& meeting, const std::string& path, const std::string& lang, const std::string& text,
                  Pick pick) {
  require_language(meeting, lang, "lang");
  require_text(text, path + "." + lang, kMaxTitleBytes);
  Meeting result = meeting;
  put(pick(result), lang, text);
  return accepted(meeting, std::move(result));
}

}  // namespace plenary::edit::detail
