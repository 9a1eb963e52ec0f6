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
// "meeting.start"), and the fields of an item, document, decision or footnote
// being added under "item.", "document.", "decision." and "footnote."
// ("item.title.fr"). Paths count from 0; the messages name items as the
// agenda numbers them ("item 2", "item 1 (a)") and languages by name.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

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

// Adds `item` at `position` (1-based) among the top-level items (`parent_key`
// "") or among the sub-items of item `parent_key`. Position 0 is "at the
// end" as people mean it: after the last item but before the closing items
// that must follow it (other matters, the adoption of the report), so a new
// topic lands before "Other matters"; a new "other matters" item lands before
// the adoption of the report. An explicit position that would put an item
// after the adoption of the report is refused, saying which positions fit.
// The item's and its sub-items' numbers are ignored; its same_meeting_as
// names an item as numbered before the change. A sub-item cannot have
// sub-items.
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
// be defined (add_footnote first: "[^hybrid]" is refused, naming the footnote,
// until the meeting has a footnote "hybrid"). Every problem of the text is
// named with its line. Empty text removes the language's annotation.
Meeting set_annotation(const Meeting& meeting, const std::string& key, const std::string& lang,
                       const std::string& markdown);

// Sets the planner's constraints of the item (ItemConstraints): min_minutes
// (not above the item's estimate), priority 0-9, weight 1-100, not_before
// within the meeting's dates, same_meeting_as another item of the agenda
// (keys as people write them), never_split. Fields: "items[i].min_minutes"
// and so on, as the meeting file names them.
Meeting set_item_constraints(const Meeting& meeting, const std::string& key, ItemConstraints constraints);

// The documents the item lists, in this order (symbols as written or
// normalized; each declared, none twice). Listing one clears "no documents".
Meeting set_item_documents(const Meeting& meeting, const std::string& key, const std::vector<std::string>& symbols);

// Says that no documents are planned for the item, or no longer says so.
// Refused while the item lists documents.
Meeting set_item_no_documents(const Meeting& meeting, const std::string& key, bool no_documents);

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

// A declared document's own title, and how the agenda describes it, in one
// language (blank text removes it). A description is needed in every
// language for the agenda to be published; a title, once given in one
// language, in every language too. Fields "documents[i].title.fr",
// "documents[i].description.fr".
Meeting set_document_title(const Meeting& meeting, const std::string& symbol, const std::string& lang,
                           const std::string& text);
Meeting set_document_description(const Meeting& meeting, const std::string& symbol, const std::string& lang,
                                 const std::string& text);

// Gives a declared document another symbol (validated and normalized as in
// add_document), in its declaration and in every item that lists it.
// Refused for the agenda's own symbol and for a symbol declared already.
// Field "new_symbol".
Meeting set_document_symbol(const Meeting& meeting, const std::string& symbol, const std::string& new_symbol);

// Lists the document under exactly the items `keys` (keys as people write
// them; none twice): an item that listed it already keeps it in its place, an
// item that did not gets it at the end of its list (and no longer says no
// documents are planned), and the other items no longer list it. No keys
// leaves the document declared but unlisted (a warning of check_meeting).
// Fields "keys[k]".
Meeting set_document_items(const Meeting& meeting, const std::string& symbol, const std::vector<std::string>& keys);

// ---- Decisions

// Adds a decision with an id not used yet (letters, digits, '-', '_').
Meeting add_decision(const Meeting& meeting, Decision decision);

// Removes a decision that no annotation or footnote cites.
Meeting remove_decision(const Meeting& meeting, const std::string& id);

// Change one part of decision `id`: who decided and what was approved, in
// one language (blank text removes it); the date (a real day); the procedure.
// Fields "decisions[i].by.fr", "decisions[i].date" and so on.
Meeting set_decision_by(const Meeting& meeting, const std::string& id, const std::string& lang,
                        const std::string& text);
Meeting set_decision_approved(const Meeting& meeting, const std::string& id, const std::string& lang,
                              const std::string& text);
Meeting set_decision_date(const Meeting& meeting, const std::string& id, Date date);
Meeting set_decision_procedure(const Meeting& meeting, const std::string& id, Procedure procedure);

// Gives decision `id` the id `new_id` (letters, digits, '-', '_'; not used
// yet) and rewrites every {{decision:id}} that cites it. Field "new_id".
Meeting rename_decision(const Meeting& meeting, const std::string& id, const std::string& new_id);

// ---- Footnotes

// Adds footnote `id` (letters, digits, '-' or '_', at most 64; not used yet)
// with its text per language, each parsed as set_annotation parses it; blank
// languages are left out. Fields "footnote.id", "footnote.text.fr".
Meeting add_footnote(const Meeting& meeting, const std::string& id, const LangText& markdown);

// The footnote's text in one language, parsed as set_annotation parses it;
// blank text removes the language. Field "footnotes.ID.fr".
Meeting set_footnote_text(const Meeting& meeting, const std::string& id, const std::string& lang,
                          const std::string& markdown);

// Removes a footnote that nothing calls; refused while an annotation, another
// footnote or the organization of work calls it, naming each place ("the
// annotation of item 1 (a) in English and French").
Meeting remove_footnote(const Meeting& meeting, const std::string& id);

// Gives footnote `id` the id `new_id` and rewrites every [^id] that calls
// it, and the organization of work's footnote. Field "new_id".
Meeting rename_footnote(const Meeting& meeting, const std::string& id, const std::string& new_id);

// ---- The meeting's own data

Meeting set_meeting_title(const Meeting& meeting, const std::string& lang, const std::string& text);
Meeting set_meeting_city(const Meeting& meeting, const std::string& lang, const std::string& text);
Meeting set_meeting_venue(const Meeting& meeting, const std::string& lang, const std::string& text);

// The meeting's ordinal, 1 to 999 ("the ninth meeting"). Field "meeting.ordinal".
Meeting set_ordinal(const Meeting& meeting, int ordinal);

// A known IANA time zone, "Europe/Vienna". Field "meeting.time_zone".
Meeting set_time_zone(const Meeting& meeting, const std::string& time_zone);

// The languages the agenda is written in: official language codes, at least
// one, none twice, in the order given. Texts in a language that is dropped
// are kept, unseen, and come back if it is added again; a language added
// needs its texts (the checks name each one missing). The agenda's original
// language must stay among them. Fields "meeting.languages[k]".
Meeting set_languages(const Meeting& meeting, const std::vector<std::string>& languages);

// The body's name and parent body in one language (blank text removes it;
// the name is needed in every language). The body's short name is not
// editable: the store files the meeting under it. Fields "body.name.fr",
// "body.parent.fr".
Meeting set_body_name(const Meeting& meeting, const std::string& lang, const std::string& text);
Meeting set_body_parent(const Meeting& meeting, const std::string& lang, const std::string& text);

// The mandate's resolution references, "7/1", in order; blank ones are left
// out. Fields "body.mandate[k]".
Meeting set_mandate(const Meeting& meeting, const std::vector<std::string>& mandate);

// ---- The agenda's heading (the document's own symbol, date and so on)

// The agenda's symbol, validated by the symbol module and stored as it writes
// it ("ctoc/..." is refused, "ADD.1" becomes "Add.1"); not a symbol of the
// meeting's documents. Field "document.symbol". Whether another meeting has
// it is the store's question.
Meeting set_agenda_symbol(const Meeting& meeting, const std::string& symbol);

// The date of issue, a real day ("June has 30 days" otherwise). A date after
// the meeting opens is accepted (check_meeting warns). Field "document.issued".
Meeting set_issued(const Meeting& meeting, Date issued);

Meeting set_distribution(const Meeting& meeting, Distribution distribution);

// The language the agenda was written in: one of the meeting's languages.
// Field "document.original_language".
Meeting set_original_language(const Meeting& meeting, const std::string& lang);

// ---- Planning settings ([planning] of the meeting file)

// Replaces the planner's settings, checked as the meeting file's reader
// checks them and more: each format's windows end after they start, in order
// of the day, without overlap; first_day_start and last_day_end are times of
// day; every unavailable slot is a real day within the meeting's dates;
// min_continuation and min_substantive_minutes are 1 to 1440 minutes;
// default_minutes names item kinds, each 1 to 43200 minutes. The
// organization of work is left as it is: planning again is the caller's
// job. Fields "planning.hybrid[k]", "planning.unavailable[k].date" and so on.
Meeting set_planning(const Meeting& meeting, PlanningSettings planning);

// Sets the meeting's first and last day (at most 366 days). The organization
// of work, the items' not_before dates and the planning settings' unavailable
// slots move by as many days as the start moved; slots that then fall after
// the end are all cleared (the caller plans again), and not_before dates and
// unavailable slots outside the new dates are removed.
Meeting set_dates(const Meeting& meeting, Date start, Date end);

// Sets only the format; planning again for it is the caller's job.
Meeting set_format(const Meeting& meeting, MeetingFormat format);

// Replaces the organization of work, which must follow the agenda (keys as
// people write them are accepted). Continuations are marked again. The
// sequence is the current one, bumped when the slots differ from the current
// slots; `organization.sequence` is ignored.
Meeting set_organization(const Meeting& meeting, OrganizationOfWork organization);

// ---- The next meeting

// The agenda symbol the next meeting most likely has: `previous`'s symbol
// with its session moved on, a year by the years between the two starts
// ("CTOC/COP/WG.7/2022/1" for a meeting in 2023 -> "CTOC/COP/WG.7/2023/1"), a
// session number by one ("A/HRC/WG.6/41/1" -> "A/HRC/WG.6/42/1"). "" when it
// cannot tell: no session, or a year that would not change.
std::string next_agenda_symbol(const Meeting& previous, Date start);

// A draft for the next meeting of the same body, starting after `previous`
// ends. `symbol` is the agenda's ("" takes next_agenda_symbol, and is refused
// when it has none); `issued` is the date of issue, which the caller gives:
// today. Kept: the body, city, venue, time zone, format, languages, the
// agenda's distribution and original language, the planning settings except
// the unavailable slots (they name the previous meeting's days), and every
// item with its kind, title, sub-items and same_meeting_as. The ordinal is
// previous + 1; the agenda symbol, start, end and date of issue are the ones
// given.
//
// Cleared: the meeting's title; documents, decisions, footnotes and the
// organization of work (sequence 0); every item's documents, annotations and
// not_before date. Annotations are cleared for the standard items too (the
// opening, organizational and adoption items, other matters, the adoption of
// the report): they name the meeting ("the ninth meeting") and its
// footnotes, and a stale sentence must not reach the next agenda. The
// standard items keep their minutes and "no documents" flag; substantive and
// review-mechanism items lose them, since their topics are new.
Meeting next_meeting(const Meeting& previous, const std::string& symbol, Date start, Date end, Date issued);

}  // namespace plenary::edit
