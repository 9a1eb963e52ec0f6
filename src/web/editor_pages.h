// The secretariat's editing pages and the Bureau's procedure pages under
// /edit/, as pure functions of what they show: editor.cc looks things up,
// checks rights and saves; these only build HTML. Like the public pages
// (pages.h) they are XHTML-compatible and obey the Content-Security-Policy:
// no inline script or style, no style="" or on* attributes. Every form works
// without JavaScript; /assets/edit.js only asks before a remove and stops a
// form from being sent twice.
//
// Every form POSTs with two hidden fields: `csrf` (the session's CSRF token)
// and, for a change to a meeting, `based_on_version` (the version shown).
//
// Stable ids and names, for end-to-end tests:
//   every page          form#logout (POST /logout) in the editor bar, for a logged-in user
//   /login              form.login: input[name=name], input[name=password],
//                       hidden csrf and next; button[type=submit] "Log in"
//   /edit/              table.meetings, one per body (a row per meeting: tr#meeting-{id});
//                       section#open-procedures; form#new-meeting-file
//                       (textarea[name=meeting_file]); form#new-meeting-next
//                       (select[name=from_meeting], input[name=symbol|start|end])
//   /edit/meetings/{id} p#status; p#saved (after a write); #form-error (after a refused one);
//                       for a Bureau member (no forms): section#agenda, the agenda rendered in
//                         English as the public page shows it (div.agenda-text, section.item per
//                         item, annotations as HTML), div.missing-texts for texts not in English;
//                       for an editor:
//                       form#meeting-form: input[name=title.{lang}|city.{lang}|venue.{lang}],
//                         input[name=start|end], button "Save meeting data";
//                       li#item-section-{slug} per item, holding
//                         form#item-{slug}: input[name=title.{lang}], select[name=kind],
//                           input[name=minutes], textarea[name=annotation.{lang}],
//                           button "Save item"  (slug: key "1 (b)" -> "1b")
//                         form.move-up / form.move-down / form.remove-item (button "Remove item"),
//                         ul.documents with form.remove-document per document,
//                         form#add-document-{slug}: input[name=symbol], hidden item,
//                           input[name=title.{lang}], button "Add document";
//                       form#add-item-form: input[name=title.{lang}], select[name=kind],
//                         select[name=parent], input[name=position], button "Add item";
//                       ul#decisions with form.remove-decision; form#add-decision-form;
//                       form#format-form: select[name=format], button "Preview";
//                       form#publish-form: textarea[name=notice.{lang}], button[type=submit] "Publish";
//                       form#procedure-form (submit to the Bureau): select[name=subject],
//                         textarea[name=description], input[name=deadline] (datetime-local, UTC),
//                         textarea[name=approved.{lang}], input[name=by.{lang}], select[name=item];
//                       section#procedures: li#procedure-{pid}, p.objection, form.withdraw
//   plan preview        table.day per day, ul#plan-changes, ul#plan-problems,
//                       form#save-plan: hidden format, button[type=submit] "Save this organization of work"
//   audit               table#audit, a row per entry: tr#audit-{version}
//   /edit/procedures/{pid}  p#procedure-status, ul#procedure-changes, p.objection,
//                       section#proposed-agenda (the draft rendered in English, as above),
//                       form#objection-form: textarea[name=comment], button "Object (break the silence)"
//   409                 section#conflict: ul#conflict-changes, a#reload
//   other errors        p.error-message, p.error-field
// Inputs for a language carry lang="{lang}" and dir ("rtl" for Arabic).
// With edit.js, remove buttons ask for confirmation (a dialog to accept in
// Playwright).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "i18n/catalog.h"
#include "model/meeting.h"
#include "planning/planner.h"
#include "store/store.h"
#include "web/http.h"

namespace plenary::web {

// The account the page is shown to; csrf_token is empty for an API token.
struct EditorUser {
  std::string name;
  store::Role role = store::Role::editor;
  std::vector<std::string> bodies;
  std::string csrf_token;
};

// A form the server refused: the page shows the message by the form and the
// form keeps what was sent.
struct FormError {
  std::string form;   // the id of the form: "item-1b", "procedure-form"
  std::string field;  // what is at fault: "items[1].annotation.fr", "deadline"; may be empty
  std::string message;
  Params values;                     // the form as it was sent
  std::vector<std::string> details;  // more lines, e.g. every diagnostic with its line:column
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

struct MeetingEditorView {
  EditorUser user;
  store::MeetingSummary record;
  const Meeting* meeting = nullptr;                 // the working meeting; must not be null
  bool may_edit = false;                            // false: a Bureau member reads it
  std::vector<store::SilenceProcedure> procedures;  // newest first
  std::string notice;                               // after a write: "Saved as version 5."; else empty
  std::optional<FormError> error;
};
// /edit/meetings/{id}. Throws std::invalid_argument for a null meeting.
std::string render_meeting_editor(const MeetingEditorView& view, const Catalog& catalog);

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

struct ConflictView {
  EditorUser user;
  int64_t meeting_id = 0;  // 0: unknown; the reload link goes to /edit/
  int64_t based_on_version = 0;
  int64_t current_version = 0;
  std::vector<std::string> changes;  // since based_on_version
  std::string message;
};
// The 409 page: the change was not saved, what changed meanwhile, and a link to reload.
std::string render_conflict_page(const ConflictView& view, const Catalog& catalog);

// Any other refusal (403, 404, 400 outside a form...): the title from the
// catalog (web.error.{status}), the message and the field at fault. `user`
// may be null (nobody logged in).
std::string render_editor_error_page(const EditorUser* user, int status, const std::string& message,
                                     const std::string& field, const Catalog& catalog);

}  // namespace plenary::web
