// The secretariat's editing pages and the Bureau's procedure pages under
// /edit/, as pure functions of what they show: editor.cc looks things up,
// checks rights and saves; these only build HTML, as a tree (markup.h), in
// the language the editor chose (the [editor] keys of the catalogs; Arabic
// right to left). Like the public pages (pages.h) they are XHTML and obey
// the Content-Security-Policy: no inline script or style, no style="" or
// on* attributes. Every form works without JavaScript; /assets/edit.js only
// asks before a remove, sends the language select when it changes, and
// stops a form from being sent twice.
//
// A page per thing, each with one form where it can: a form sends only its
// own fields with two hidden ones, `csrf` (the session's CSRF token) and,
// for a change to a meeting, `based_on_version` (the version shown), so a
// save never throws away what was typed elsewhere. A refused form comes back
// on its own page, the text kept and the error beside the field.
//
// Stable ids and names, for end-to-end tests:
//   every page          form#logout (POST /logout) in the editor bar, for a logged-in user;
//                       form#ui-language (GET, select[name=lang]): the page's language
//   /login              form.login: input[name=name], input[name=password],
//                       hidden csrf and next; button[type=submit]
//   /edit/              table.meetings, one per body (a row per meeting: tr#meeting-{id});
//                       section#open-procedures; form#new-meeting-file
//                       (textarea[name=meeting_file]); form#new-meeting-next
//                       (select[name=from_meeting], input[name=symbol|start|end])
//   /edit/meetings/{id}                 the overview: p#status; p#saved (after a write);
//                       section#heading; ol#item-tree (a.item-link per item, to its page);
//                       section#blockers (li per error of the final check, a link to its page);
//                       section#previews (a.preview per language, a.draft-pdf, a.draft-docx);
//                       nav.meeting-pages (links to the pages below); section#procedures;
//                       for a Bureau member: section#agenda (the agenda rendered, as before)
//   .../items/{slug}[?with=fr]          form#item-form: input[name=title.{lang}], select[name=kind],
//                       input[name=minutes], textarea[name=annotation.{lang}] for the two languages
//                       shown side by side (div.side-by-side, one div.language per language);
//                       form.move-up, form.move-down, form.remove-item; ul.documents;
//                       form#with-language (GET, select[name=with])  (slug: key "1 (b)" -> "1b")
//   .../items                           form#add-item-form: input[name=title.{lang}], select[name=kind],
//                       select[name=parent], input[name=position]
//   .../meeting                         form#meeting-form: input[name=title|city|venue.{lang}], start, end
//   .../documents[?item=2]              ul#document-list; form#add-document-form: input[name=symbol],
//                       select[name=item], input[name=title.{lang}], textarea[name=description.{lang}]
//   .../document?symbol=S               form#document-form: input[name=title.{lang}]; form.remove-document
//   .../footnotes, .../footnotes/{fid}  ul#footnote-list; div.footnote-text per language
//   .../decisions, .../decisions/{did}  ul#decisions; form#add-decision-form; form.remove-decision
//   .../organization                    table.day per day; form#format-form (select[name=format])
//   .../publish                         section#blockers; form#publish-form: textarea[name=notice.{lang}]
//   .../bureau                          form#procedure-form: select[name=subject], textarea[name=description],
//                       input[name=deadline] (datetime-local, UTC), textarea[name=approved.{lang}],
//                       input[name=by.{lang}], select[name=item]; section#procedures
//   .../preview/{lang}                  the public meeting page made from the draft: div#draft-banner
//   plan preview        table.day per day, ul#plan-changes, ul#plan-problems,
//                       form#save-plan: hidden format, button[type=submit]
//   audit               table#audit, a row per entry: tr#audit-{version}
//   /edit/procedures/{pid}  p#procedure-status, ul#procedure-changes, p.objection, section#previews,
//                       section#proposed-agenda, form#objection-form: textarea[name=comment]
//   409                 section#conflict: ul#conflict-changes, a#reload; with the fields in conflict,
//                       table#conflicts (a row per field: the field in words, theirs, yours) and
//                       form#resend holding what was typed, based on the current version
//   other errors        p.error-message, p.error-field
// Inputs for a language carry lang="{lang}" and dir ("rtl" for Arabic). A
// field at fault carries aria-invalid="true" and p.field-message beside it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "i18n/catalog.h"
#include "model/meeting.h"
#include "planning/planner.h"
#include "store/store.h"
#include "web/http.h"

namespace plenary::web {

// The account the page is shown to, and where: csrf_token is empty for an
// API token; `path` and `query` let the language select ask for the same
// page again in another language.
struct EditorUser {
  std::string name;
  store::Role role = store::Role::editor;
  std::vector<std::string> bodies;
  std::string csrf_token;
  std::string path = "/edit/";
  Params query;
};

// A form the server refused: the page shows the message beside the field
// and the form keeps what was sent.
struct FormError {
  std::string form;   // the id of the form: "item-form", "procedure-form"
  std::string field;  // what is at fault: "items[1].annotation.fr", "deadline"; may be empty
  std::string message;
  Params values;                     // the form as it was sent
  std::vector<std::string> details;  // more lines, e.g. every diagnostic with its line:column
  bool held_by_procedure = false;    // an open silence procedure holds the field: offer to withdraw it
};

// "1 (b)" -> "1b": the item key as it appears in ids and URLs (parse_item_key reads it back).
std::string item_slug(const std::string& key);

struct LoginView {
  std::string csrf_token;  // the double-submit token, also set as a cookie
  std::string name;        // kept after a failed login
  std::string next;        // where to go after logging in: a path on this site, or empty
  std::string message;     // why the last attempt failed; empty for none
};
std::string render_login_page(const LoginView& view, const Catalog& catalog);

struct DashboardMeeting {
  store::MeetingSummary summary;
  int open_procedures = 0;
  bool editable = false;  // the user may edit the body's meetings
};

struct DashboardProcedure {
  store::SilenceProcedure procedure;  // its draft is not needed
  std::string meeting_symbol;
};

struct DashboardView {
  EditorUser user;
  std::vector<DashboardMeeting> meetings;           // those the user may read
  std::vector<DashboardProcedure> open_procedures;  // of the user's bodies
  std::optional<FormError> error;                   // a refused new meeting
};
// /edit/: the meetings by body, the open procedures, and for editors the
// forms that create a meeting.
std::string render_dashboard(const DashboardView& view, const Catalog& catalog);

// What every page of one meeting shows: who reads it, the meeting, and
// what the last write did.
struct MeetingPageContext {
  EditorUser user;
  store::MeetingSummary record;
  const Meeting* meeting = nullptr;  // the working meeting; must not be null
  bool may_edit = false;             // false: a Bureau member reads it
  std::string notice;                // after a write: "Saved as version 5."; else empty
  std::optional<FormError> error;
};

// The thing a meeting page is about.
enum class MeetingPart {
  overview,      // /edit/meetings/{id}
  meeting_data,  // .../meeting: the heading, the title, city, venue and dates
  add_item,      // .../items
  item,          // .../items/{slug}: `key`, with `with` side by side
  documents,     // .../documents: the list, and a new one for item `key`
  document,      // .../document?symbol=: `key` is the symbol
  footnotes,     // .../footnotes
  footnote,      // .../footnotes/{fid}: `key` is the footnote's id
  decisions,     // .../decisions
  decision,      // .../decisions/{did}: `key` is the decision's id
  organization,  // .../organization: the timetable and the format
  publish,       // .../publish
  bureau,        // .../bureau: submit to the Bureau, the procedures
};

struct MeetingPartView {
  MeetingPageContext context;
  MeetingPart part = MeetingPart::overview;
  std::string key;   // the item ("1 (b)"), symbol, footnote or decision shown
  std::string with;  // the item page's second language; empty: the editor's own, else the meeting's first
  std::vector<store::SilenceProcedure> procedures;  // newest first (overview, bureau)
};
// A meeting page. Throws std::invalid_argument for a null meeting; 404s
// (an unknown item, document...) are the caller's to find before.
std::string render_meeting_part(const MeetingPartView& view, const Catalog& catalog);

// The banner of a draft preview: the version shown, that it is not public,
// the draft files, and the way back. HTML, for pages.h MeetingPageView::banner_html.
std::string draft_banner_html(const store::MeetingSummary& record, const std::string& lang, const Catalog& catalog);

struct PlanPreviewView {
  EditorUser user;
  store::MeetingSummary record;
  const Meeting* meeting = nullptr;                 // the working meeting; must not be null
  MeetingFormat format = MeetingFormat::in_person;  // the format previewed
  const planning::Plan* plan = nullptr;             // the planner's answer; must not be null
};
// The re-planned organization of work day by day, what changes against the
// published one, and the form that saves it. Throws std::invalid_argument
// for a null meeting or plan.
std::string render_plan_preview(const PlanPreviewView& view, const Catalog& catalog);

// A move the organization of work cannot follow as it is: the moves the
// re-plan makes, the timetable after it, and the form that confirms.
struct MovePreviewView {
  EditorUser user;
  store::MeetingSummary record;
  std::string key;                                  // the item moved: "4"
  int position = 0;                                 // where to
  const Meeting* after = nullptr;                   // the meeting as the move leaves it; must not be null
  std::vector<std::string> changes;                 // "Item 4 moves from ... to ..."
};
std::string render_move_preview(const MovePreviewView& view, const Catalog& catalog);

struct AuditRow {
  store::AuditEntry entry;           // before and after are not shown
  std::vector<std::string> changes;  // edit::describe_changes(before, after)
};

struct AuditView {
  EditorUser user;
  store::MeetingSummary record;
  std::vector<AuditRow> rows;  // oldest first, as the store gives them
};
std::string render_audit_page(const AuditView& view, const Catalog& catalog);

struct ProcedureView {
  EditorUser user;
  store::SilenceProcedure procedure;
  store::MeetingSummary record;
  const Meeting* draft = nullptr;    // the meeting proposed; may be null when unreadable
  std::vector<std::string> changes;  // from the meeting at based_on_version to the draft
  bool may_object = false;           // a Bureau member of the body, the procedure open and before its deadline
  bool may_withdraw = false;         // an editor of the body, the procedure open
  std::optional<FormError> error;
};
std::string render_procedure_page(const ProcedureView& view, const Catalog& catalog);

// A field both the editor and someone else changed since the version the
// editor read (a 409's details "conflicts").
struct FieldConflict {
  std::string field;  // "items[3].title.en"
  std::string base;   // as the editor read it
  std::string yours;  // as the editor typed it
  std::string theirs; // as it is now
};

struct ConflictView {
  EditorUser user;
  int64_t meeting_id = 0;  // 0: unknown; the reload link goes to /edit/
  const Meeting* meeting = nullptr;  // the current one, to name documents and decisions; may be null
  int64_t based_on_version = 0;
  int64_t current_version = 0;
  std::vector<std::string> changes;  // since based_on_version
  std::vector<FieldConflict> conflicts;
  std::string action;  // where the refused form was sent: the resend form goes there
  Params sent;         // the refused form as it was sent
  std::string message;
};
// The fields in conflict that a 409's details list ("conflicts": [{"field",
// "base", "yours", "theirs"}]); members that are not strings read as empty.
std::vector<FieldConflict> field_conflicts(const nlohmann::json& details);

// The 409 page: the change was not saved, what changed meanwhile, each field
// in conflict with both texts side by side, the typed text in a form that
// can be sent again (based on the current version), and a link to reload.
std::string render_conflict_page(const ConflictView& view, const Catalog& catalog);

// Any other refusal (403, 404, 400 outside a form...): the title from the
// catalog (web.error.{status}), the message and the field at fault. `user`
// may be null (nobody logged in).
std::string render_editor_error_page(const EditorUser* user, int status, const std::string& message,
                                     const std::string& field, const Catalog& catalog);

}  // namespace plenary::web
