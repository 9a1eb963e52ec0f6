// The edits a secretariat editor makes to a meeting, as pure functions: each
// takes a meeting and returns a changed copy, or throws EditError. The HTML
// forms and the JSON API share them, and tests need no server.
//
// Every edit keeps a meeting that check_meeting accepts (no errors) accepted:
// an edit that would add an error is refused. Text arguments must be valid
// UTF-8 without NUL; language codes must be among meeting.languages. Text is
// stored verbatim (escaping is the renderers' job); text that is empty or
// only white space removes that language's text.
//
// EditError::field names what is at fault in API terms: an argument that
// addresses something by its own name ("key", "parent_key", "position",
// "symbol", "id", "lang"), a value being set by its path in the meeting as
// check_meeting and the JSON reader name it ("items[1].subitems[0].title.fr",
// "meeting.start"), and the fields of an item, document or decision being
// added under "item.", "document." and "decision." ("item.title.fr").
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

#include "model/meeting.h"

namespace plenary::edit {

class EditError : public std::runtime_error {
 public:
  EditError(std::string field_name, const std::string& message);

  std::string field;  // "items[2].title.fr", "key", "position"
};

// Longest text accepted, in bytes: titles, names and the like, and the
// Markdown of an annotation.
inline constexpr size_t kMaxTitleBytes = 4096;
inline constexpr size_t kMaxAnnotationBytes = 256 * 1024;

// ---- Items

// Items are addressed by key as the organization of work names them: "2",
// "1 (a)"; keys as people write them ("1(a)", "1a") are accepted too.
//
// After adding, removing or moving an item, renumber() numbers the agenda
// again and rewrites every reference to an item, so the organization of work
// follows the changed agenda.

// Numbers items 1..n and the sub-items of each item 1..m in their order, and
// rewrites the references to items. Each item's `number` (and each
// sub-item's) is read as its number before the change; 0 marks an item that
// is new. Then:
// - the organization of work's slots name the new keys; an item that is gone
//   leaves its slots (empty slots stay), an item that got its first sub-items
//   hands its place to the first of them, and an item that is not taken up
//   anywhere (a new item, or an item whose last sub-item went) is taken up
//   right after the item before it. Within a slot the items are put in agenda
//   order; if the slots still cannot follow the agenda (an item moved to
//   before items of earlier meetings), they are cleared for the caller to
//   plan again with the planner. Continuations are marked again, and the
//   organization's sequence is bumped when its slots changed;
// - ItemConstraints::same_meeting_as names the new key, or is cleared when
//   that item is gone.
Meeting renumber(const Meeting& meeting);

// Adds `item` at `position` (1-based; 0 = at the end) among the top-level
// items (`parent_key` "") or among the sub-items of item `parent_key`. The
// item's and its sub-items' numbers are ignored; its same_meeting_as names an
// item as numbered before the change. A sub-item cannot have sub-items.
Meeting add_item(const Meeting& meeting, Item item, const std::string& parent_key, int position);

// Removes the item and its sub-items. The documents it listed stay declared.
Meeting remove_item(const Meeting& meeting, const std::string& key);

// Moves the item to `new_position` (1-based) among the items of its level: a
// sub-item stays under its parent.
Meeting move_item(const Meeting& meeting, const std::string& key, int new_position);

Meeting set_item_title(const Meeting& meeting, const std::string& key, const std::string& lang,
                       const std::string& text);
Meeting set_item_kind(const Meeting& meeting, const std::string& key, ItemKind kind);

// The estimate used for planning, 1 minute or more; std::nullopt removes it.
// An item with sub-items takes no estimate: its sub-items do.
Meeting set_item_minutes(const Meeting& meeting, const std::string& key, std::optional<int> minutes);

// Parses `markdown` as the meeting file's annotations are parsed
// (parse_rich_text) and stores it; the footnotes and decisions it calls must
// be defined. Empty text removes the language's annotation.
Meeting set_annotation(const Meeting& meeting, const std::string& key, const std::string& lang,
                       const std::string& markdown);

// ---- Documents

// Declares `document` unless its symbol is declared already, and lists it
// under item `key` ("" = declare only). A declared symbol may be given again
// only to list it under another item: then its title and description must be
// empty or the same as declared. The symbol is stored as the symbol module
// writes it ("ADD.1" -> "Add.1"). An item that said no documents were planned
// no longer does.
Meeting add_document(const Meeting& meeting, Document document, const std::string& key);

// Removes the document from the declarations and from every item.
Meeting remove_document(const Meeting& meeting, const std::string& symbol);

Meeting set_document_title(const Meeting& meeting, const std::string& symbol, const std::string& lang,
                           const std::string& text);

// ---- Decisions

// Adds a decision with an id not used yet (letters, digits, '-', '_').
Meeting add_decision(const Meeting& meeting, Decision decision);

// Removes a decision that no annotation or footnote cites.
Meeting remove_decision(const Meeting& meeting, const std::string& id);

// ---- The meeting's own data

Meeting set_meeting_title(const Meeting& meeting, const std::string& lang, const std::string& text);
Meeting set_meeting_city(const Meeting& meeting, const std::string& lang, const std::string& text);
Meeting set_meeting_venue(const Meeting& meeting, const std::string& lang, const std::string& text);

// Sets the meeting's first and last day (at most 366 days). The organization
// of work and the items' not_before dates move by as many days as the start
// moved; slots that then fall after the end are all cleared (the caller plans
// again), and not_before dates outside the new dates are removed.
Meeting set_dates(const Meeting& meeting, Date start, Date end);

// Sets only the format; planning again for it is the caller's job.
Meeting set_format(const Meeting& meeting, MeetingFormat format);

// Replaces the organization of work, which must follow the agenda (keys as
// people write them are accepted). Continuations are marked again. The
// sequence is the current one, bumped when the slots differ from the current
// slots; `organization.sequence` is ignored.
Meeting set_organization(const Meeting& meeting, OrganizationOfWork organization);

// ---- The next meeting

// A draft for the next meeting of the same body, starting after `previous`
// ends. Kept: the body, city, venue, time zone, format, languages, the
// agenda's distribution, original language and issued date (the caller sets
// the issued date), the planning settings except the unavailable slots (they
// name the previous meeting's days), and every item with its kind, title,
// sub-items and same_meeting_as. The ordinal is previous + 1; the agenda
// symbol, start and end are the ones given.
//
// Cleared: the meeting's title; documents, decisions, footnotes and the
// organization of work (sequence 0); every item's documents, annotations and
// not_before date. Annotations are cleared for the standard items too (the
// opening, organizational and adoption items, other matters, the adoption of
// the report): they name the meeting ("the ninth meeting") and its
// footnotes, and a stale sentence must not reach the next agenda. The
// standard items keep their minutes and "no documents" flag; substantive and
// review-mechanism items lose them, since their topics are new.
Meeting next_meeting(const Meeting& previous, const std::string& symbol, Date start, Date end);

}  // namespace plenary::edit
