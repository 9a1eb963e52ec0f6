// The history pages of the editing site, as pure functions of what they
// show (history.cc looks things up, checks rights and saves): a meeting's
// versions, one version in full, two versions side by side. XHTML like the
// other pages, within the Content-Security-Policy; their strings are the
// catalog's [history] table. Every text interpolated is escaped by
// escape_html (pages.h), which also replaces broken UTF-8.
//
// Stable ids and names, for end-to-end tests:
//   /edit/meetings/{id}/history            p#notice (after a restore or an import);
//                                          form#compare-form (GET): select[name=from|to];
//                                          table#versions, a row per version: tr#version-{v},
//                                            a.view, a.compare-previous, a.meeting-file;
//                                          for an editor: form#import-form: textarea[name=meeting_file],
//                                            hidden csrf and based_on_version; #form-error when refused
//   /edit/meetings/{id}/history/{version}  p#version-made; p#version-published;
//                                          section.place per part of the meeting (h2, table.values:
//                                            th the value, td[lang] its text);
//                                          for an editor: form#restore-form: hidden csrf,
//                                            based_on_version, version; #form-error when refused
//   /edit/meetings/{id}/compare            form#compare-form; ul#compare-changes;
//                                          table#differences: tr.difference, th the value,
//                                            td.from and td.to its two texts
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "edit/diff.h"
#include "i18n/catalog.h"
#include "store/store.h"
#include "workflow/history.h"

namespace plenary::web {

// Who sees the page, and the meeting it is about.
struct HistoryContext {
  std::string user_name;
  std::string csrf_token;          // empty for an API token
  store::MeetingSummary record;    // as it is now
  bool may_edit = false;           // the restore and import forms
};

// A form the server refused: shown again with why, keeping what was sent.
struct RefusedForm {
  std::string form;                  // "restore-form", "import-form"
  std::string message;
  std::vector<std::string> details;  // one a line: "line 12, column 9: unknown key 'knd' ..."
  std::string meeting_file;          // the text sent to the import form
};

struct HistoryListView {
  HistoryContext context;
  std::vector<workflow::VersionEntry> versions;  // oldest first
  std::string notice;                            // after a restore or an import; else empty
  std::optional<RefusedForm> error;
};
std::string render_history_page(const HistoryListView& view, const Catalog& catalog);

struct VersionPageView {
  HistoryContext context;
  const workflow::Version* version = nullptr;  // must not be null
  std::vector<edit::FieldChange> fields;       // edit::meeting_fields of the version
  std::optional<RefusedForm> error;
};
// Throws std::invalid_argument for a null version.
std::string render_version_page(const VersionPageView& view, const Catalog& catalog);

struct ComparePageView {
  HistoryContext context;
  const workflow::Comparison* comparison = nullptr;  // must not be null
};
// Throws std::invalid_argument for a null comparison.
std::string render_compare_page(const ComparePageView& view, const Catalog& catalog);

// A refusal outside a form: the title from the catalog (web.error.{status}),
// the message, and for a 409 what changed since the version the page showed.
struct HistoryErrorView {
  std::optional<HistoryContext> context;  // nothing when the meeting is not known
  int status = 500;
  std::string message;
  std::string field;
  std::vector<std::string> changes;  // a 409's changes since based_on_version
  int64_t based_on_version = 0;
};
std::string render_history_error_page(const HistoryErrorView& view, const Catalog& catalog);

}  // namespace plenary::web
