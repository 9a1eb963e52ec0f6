#include "web/editor_pages.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <stdexcept>

#include "format/meeting_file.h"
#include "format/rich_text.h"
#include "model/check.h"
#include "render/formats.h"
#include "render/html.h"
#include "render/layout.h"
#include "web/field_words.h"
#include "web/markup.h"
#include "web/pages.h"

// Every string of these pages is the catalog's, under [editor], in the
// language the editor chose; the page chrome (site name, error titles,
// format names, the timetable's headings) is the [web] table's.

namespace plenary::web {

namespace {

// ---- Words

const std::string& t(const Catalog& catalog, const std::string& key) { return catalog.text("editor." + key); }
std::string tf(const Catalog& catalog, const std::string& key, const Placeholders& values) {
  return catalog.format("editor." + key, values);
}

bool has_key(const Catalog& catalog, const std::string& key) { return catalog.entries().count(key) > 0; }

// A language by its own name ("Français"), as language menus name them.
std::string own_name(const std::string& lang, const Catalog& catalog) {
  const std::string key = "web.language." + lang;
  return has_key(catalog, key) ? catalog.text(key) : lang;
}

Attributes lang_attributes(const std::string& lang) { return {{"lang", lang}, {"dir", lang == "ar" ? "rtl" : "ltr"}}; }

std::string format_name(MeetingFormat format, const Catalog& catalog) {
  return catalog.text(std::string("web.format.") + (format == MeetingFormat::in_person ? "in_person"
                                                    : format == MeetingFormat::hybrid  ? "hybrid"
                                                                                       : "online"));
}

constexpr MeetingFormat kFormats[] = {MeetingFormat::in_person, MeetingFormat::hybrid, MeetingFormat::online};
constexpr ItemKind kKinds[] = {ItemKind::organizational, ItemKind::opening,         ItemKind::adoption_of_agenda,
                               ItemKind::substantive,    ItemKind::review_mechanism, ItemKind::other_matters,
                               ItemKind::adoption_of_report};

std::string kind_name(ItemKind kind, const Catalog& catalog) { return t(catalog, std::string("kind.") + to_string(kind)); }
std::string subject_name(store::ProcedureSubject subject, const Catalog& catalog) {
  return t(catalog, std::string("subject.") + store::to_string(subject));
}
std::string status_name(store::ProcedureStatus status, const Catalog& catalog) {
  return t(catalog, std::string("procedure_status.") + store::to_string(status));
}

// The text in `lang`, else English, else the first there is.
std::string text_for(const LangText& text, const std::string& lang) {
  if (const std::string* found = text_in(text, lang)) return *found;
  if (const std::string* english = text_in(text, "en")) return *english;
  return text.empty() ? std::string() : text.begin()->second;
}

std::string role_description(const EditorUser& user, const Catalog& catalog) {
  std::string bodies;
  for (const std::string& body : user.bodies) bodies += (bodies.empty() ? "" : ", ") + body;
  switch (user.role) {
    case store::Role::admin:
      return t(catalog, "role.admin");
    case store::Role::editor:
      return tf(catalog, "role.editor", {{"bodies", bodies}});
    case store::Role::bureau:
      return tf(catalog, "role.bureau", {{"bodies", bodies}});
  }
  return "";
}

// "2022-06-01T10:00:00Z" as "2022-06-01 10:00 UTC" in a <time>; other text as it is.
void utc_time(Node parent, const std::string& iso) {
  if (iso.size() == 20 && iso[10] == 'T' && iso[19] == 'Z')
    parent.add("time", {{"datetime", iso}}, iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC");
  else
    parent.text(iso);
}

// The meeting's languages with the editor's first: the languages a page shows side by side.
std::string first_language(const Meeting& meeting, const std::string& preferred) {
  for (const std::string& lang : meeting.languages)
    if (lang == preferred) return lang;
  return meeting.languages.empty() ? preferred : meeting.languages.front();
}

// ---- Forms

void hidden(Node form, const std::string& name, const std::string& value) {
  form.add("input", {{"type", "hidden"}, {"name", name}, {"value", value}});
}

struct FormStart {
  std::string id;
  std::string css_class;
  std::string action;
  std::string confirm;  // a question edit.js asks before sending
};

// A form that POSTs with the CSRF token and the version the change is based on (0: none).
Node open_form(Node parent, const FormStart& start, const EditorUser& user, int64_t based_on_version) {
  Node form = parent.add("form", {{"method", "post"},
                                  {"action", start.action},
                                  {"id", start.id},
                                  {"class", start.css_class},
                                  {"data-confirm", start.confirm}});
  hidden(form, "csrf", user.csrf_token);
  if (based_on_version > 0) hidden(form, "based_on_version", std::to_string(based_on_version));
  return form;
}

void submit_button(Node parent, const std::string& text, const std::string& css_class = "") {
  parent.add("button", {{"type", "submit"}, {"class", css_class}}, text);
}

// A one-button form: move, remove, withdraw.
void button_form(Node parent, const FormStart& start, const EditorUser& user, int64_t version,
                 const std::vector<std::pair<std::string, std::string>>& fields, const std::string& text,
                 const std::string& button_class = "") {
  Node form = open_form(parent, start, user, version);
  for (const auto& [name, value] : fields) hidden(form, name, value);
  submit_button(form, text, button_class);
}

struct Option {
  std::string value;
  std::string text;
};

// A form's fields: each shows what was sent when this form was refused,
// else the current value; the field at fault is marked and has the message
// beside it.
class Fields {
 public:
  Fields(const std::optional<FormError>& error, std::string form_id, const Catalog& catalog)
      : form_id_(std::move(form_id)), catalog_(catalog) {
    if (error && error->form == form_id_) error_ = &*error;
  }

  const std::string& form_id() const { return form_id_; }
  bool refused() const { return error_ != nullptr; }

  std::string value(const std::string& name, const std::string& current) const {
    if (!error_) return current;
    auto sent = error_->values.find(name);
    return sent == error_->values.end() ? current : sent->second;
  }

  bool invalid(const std::string& name) const {
    if (!error_ || error_->field.empty()) return false;
    const std::string& field = error_->field;
    return field == name || (field.size() > name.size() && field.ends_with("." + name));
  }

  // The refusal at the top of the form: what was wrong, in words, with a
  // link to the field, and any diagnostics.
  void summary(Node form, const Meeting* meeting) const {
    if (!error_) return;
    Node block = form.add("div", {{"id", "form-error"}, {"class", "field-error"}, {"role", "alert"}});
    Node line = block.add("p");
    line.add("strong", {}, t(catalog_, "not_saved"));
    line.text(" ");
    if (!error_->field.empty()) {
      line.add("a", {{"href", "#" + id_for(short_name(error_->field))}},
               field_in_words(error_->field, meeting, catalog_));
      line.text(": ");
    }
    line.text(error_->message);
    if (!error_->details.empty()) {
      Node list = block.add("ul", {{"class", "diagnostics"}});
      for (const std::string& detail : error_->details) list.add("li").add("code", {}, detail);
    }
    if (error_->held_by_procedure) {
      // Sent again with this ticked, the change withdraws the procedure and is saved.
      Node choice = block.add("p", {{"class", "field withdraw"}});
      choice.add("input", {{"type", "checkbox"}, {"name", "withdraw_procedures"}, {"value", "1"},
                           {"id", id_for("withdraw_procedures")}});
      choice.add("label", {{"for", id_for("withdraw_procedures")}}, t(catalog_, "withdraw_and_save"));
    }
  }

  std::string id_for(const std::string& name) const {
    std::string id = form_id_ + "-" + name;
    std::replace(id.begin(), id.end(), '.', '-');
    return id;
  }

  void input(Node parent, const std::string& name, const std::string& label, const std::string& current,
             const std::string& type = "text", Attributes extra = {}) const {
    Node p = parent.add("p", {{"class", "field"}});
    p.add("label", {{"for", id_for(name)}}, catalog_.capitalize_first(label));
    Attributes attributes{{"type", type}};
    add_common(attributes, name);
    attributes.push_back({"value", value(name, current)});
    attributes.insert(attributes.end(), extra.begin(), extra.end());
    p.add("input", attributes);
    message(p, name);
  }

  void textarea(Node parent, const std::string& name, const std::string& label, const std::string& current, int rows,
                Attributes extra = {}) const {
    Node p = parent.add("p", {{"class", "field"}});
    p.add("label", {{"for", id_for(name)}}, catalog_.capitalize_first(label));
    Attributes attributes;
    add_common(attributes, name);
    attributes.push_back({"rows", std::to_string(rows)});
    attributes.insert(attributes.end(), extra.begin(), extra.end());
    std::string shown = value(name, current);
    // HTML drops one newline right after <textarea>: give it one to drop.
    if (!shown.empty() && shown.front() == '\n') shown.insert(0, "\n");
    p.add("textarea", attributes, shown);
    message(p, name);
  }

  void select(Node parent, const std::string& name, const std::string& label, const std::vector<Option>& options,
              const std::string& current) const {
    Node p = parent.add("p", {{"class", "field"}});
    p.add("label", {{"for", id_for(name)}}, catalog_.capitalize_first(label));
    Attributes attributes;
    add_common(attributes, name);
    Node list = p.add("select", attributes);
    const std::string chosen = value(name, current);
    for (const Option& option : options)
      list.add("option", {{"value", option.value}, {"selected", option.value == chosen ? "selected" : ""}},
               option.text);
    message(p, name);
  }

 private:
  // "items[1].annotation.fr" -> "annotation.fr": the form's name of a field at a path.
  static std::string short_name(const std::string& field) {
    const size_t bracket = field.rfind("].");
    if (bracket != std::string::npos) return field.substr(bracket + 2);
    for (const char* prefix : {"item.", "document.", "decision.", "meeting."})
      if (field.rfind(prefix, 0) == 0) return field.substr(std::string(prefix).size());
    return field;
  }

  void add_common(Attributes& attributes, const std::string& name) const {
    attributes.push_back({"id", id_for(name)});
    attributes.push_back({"name", name});
    if (invalid(name)) {
      attributes.push_back({"aria-invalid", "true"});
      attributes.push_back({"class", "invalid"});
      attributes.push_back({"aria-describedby", id_for(name) + "-message"});
    }
  }

  void message(Node p, const std::string& name) const {
    if (invalid(name)) p.add("span", {{"class", "field-message"}, {"id", id_for(name) + "-message"}}, error_->message);
  }

  std::string form_id_;
  const Catalog& catalog_;
  const FormError* error_ = nullptr;
};

std::vector<Option> kind_options(const Catalog& catalog) {
  std::vector<Option> options;
  for (ItemKind kind : kKinds) options.push_back({to_string(kind), kind_name(kind, catalog)});
  return options;
}

// Every item and sub-item as "2. Short title", the title cut by CSS where
// the select is narrow; `prefix` goes before each ("Sub-item of").
std::vector<Option> item_options(const Meeting& meeting, const std::string& lang, bool with_subitems) {
  std::vector<Option> options;
  for (const Item& item : meeting.items) {
    const std::string key = item_key(item.number);
    options.push_back({key, key + ". " + text_for(item.title, lang)});
    if (with_subitems)
      for (const Item& sub : item.subitems) {
        const std::string sub_key = item_key(item.number, sub.number);
        options.push_back({sub_key, sub_key + ". " + text_for(sub.title, lang)});
      }
  }
  return options;
}

// ---- The frame

struct Crumb {
  std::string href;
  std::string text;
};

void language_select(Node bar, const EditorUser& user, const Catalog& catalog) {
  Node form = bar.add("form", {{"id", "ui-language"}, {"method", "get"}, {"action", user.path}, {"class", "ui-language"}});
  for (const auto& [name, value] : user.query)
    if (name != "lang" && name != "saved") hidden(form, name, value);
  form.add("label", {{"for", "ui-language-lang"}}, t(catalog, "page_language"));
  Node select = form.add("select", {{"id", "ui-language-lang"}, {"name", "lang"}});
  for (const std::string& lang : Catalog::languages()) {
    Attributes attributes{{"value", lang}, {"selected", lang == catalog.language() ? "selected" : ""}};
    attributes.push_back({"lang", lang});
    select.add("option", attributes, own_name(lang, catalog));
  }
  submit_button(form, t(catalog, "change_language"));
}

void editor_bar(Node root, const EditorUser* user, const std::vector<Crumb>& trail, const Catalog& catalog) {
  Node bar = root.add("header", {{"class", "editor-bar"}});
  Node nav = bar.add("nav", {{"class", "breadcrumbs"}, {"aria-label", t(catalog, "breadcrumbs")}});
  nav.add("a", {{"href", "/edit/"}}, t(catalog, "meetings"));
  for (const Crumb& crumb : trail) {
    nav.text(" › ");
    nav.add("a", {{"href", crumb.href}}).add("bdi", {}, crumb.text);
  }
  if (user) {
    language_select(bar, *user, catalog);
    Node account = bar.add("p", {{"class", "account"}});
    account.text(t(catalog, "logged_in_as") + " ");
    account.add("strong", {}, user->name);
    account.text(" (" + role_description(*user, catalog) + ")");
    Node logout = bar.add("form", {{"id", "logout"}, {"method", "post"}, {"action", "/logout"}});
    hidden(logout, "csrf", user->csrf_token);
    submit_button(logout, t(catalog, "log_out"));
  }
}

std::string editor_frame(const std::string& title, Markup& page, const Catalog& catalog) {
  // Optional niceties; every page works without them.
  page.root().add("script", {{"src", "/assets/edit.js"}, {"defer", "defer"}});
  return render_page(PageFrame{catalog.language(), title, {}, page.str()}, catalog);
}

std::vector<Crumb> meeting_trail(const store::MeetingSummary& record) {
  return {{fmt::format("/edit/meetings/{}", record.id), record.symbol}};
}

// The forms that show their own refusal at their top (Fields::summary); the
// others (moving, removing) are buttons, whose refusal the page's alert shows.
bool has_summary(const std::string& form_id) {
  for (const char* id : {"item-form", "add-item-form", "meeting-form", "add-document-form", "document-form",
                         "add-decision-form", "format-form", "publish-form", "procedure-form", "organization-form"})
    if (form_id == id) return true;
  return false;
}

void notice_and_alert(Node root, const MeetingPageContext& context, const Catalog& catalog) {
  if (!context.notice.empty()) root.add("p", {{"id", "saved"}, {"class", "saved"}, {"role", "status"}}, context.notice);
  if (!context.error || has_summary(context.error->form)) return;
  Node alert = root.add("div", {{"id", "form-error"}, {"class", "form-error"}, {"role", "alert"}});
  Node line = alert.add("p");
  line.text(t(catalog, "not_saved") + " ");
  if (!context.error->field.empty())
    line.add("strong", {}, field_in_words(context.error->field, context.meeting, catalog) + ":");
  line.text(" " + context.error->message);
  alert.add("p").add("a", {{"href", "#" + context.error->form}}, t(catalog, "back_to_form"));
}

void objection_line(Node parent, const store::Objection& objection, const Catalog& catalog) {
  Node p = parent.add("p", {{"class", "objection"}});
  Node strong = p.add("strong", {}, tf(catalog, "silence_broken_by", {{"who", objection.who}}) + " ");
  utc_time(strong, objection.at);
  strong.text(":");
  p.text(" " + objection.comment);
}

// The organization of work as a table per day, as the public page shows it.
void write_days(Node parent, const Meeting& meeting, const Catalog& catalog) {
  const AgendaLayout layout = lay_out_agenda(meeting, catalog);
  if (layout.days.empty()) {
    parent.add("p", {{"class", "no-plan"}}, t(catalog, "no_plan"));
    return;
  }
  for (const LaidOutDay& day : layout.days) {
    Node table = parent.add("table", {{"class", "day"}});
    table.add("caption", {}, day.heading);
    Node head = table.add("thead").add("tr");
    head.add("th", {{"scope", "col"}}, catalog.text("web.time"));
    for (size_t c = 1; c < layout.annex_columns.size(); ++c) head.add("th", {{"scope", "col"}}, layout.annex_columns[c]);
    Node body = table.add("tbody");
    for (const LaidOutSlot& slot : day.slots) {
      if (slot.rows.empty()) {
        Node row = body.add("tr");
        row.add("th", {{"scope", "row"}}, slot.time);
        row.add("td");
        row.add("td");
        continue;
      }
      for (size_t r = 0; r < slot.rows.size(); ++r) {
        const LaidOutRow& laid = slot.rows[r];
        Node row = body.add("tr");
        if (r == 0) row.add("th", {{"scope", "row"}, {"rowspan", std::to_string(slot.rows.size())}}, slot.time);
        row.add("td", {{"class", "item"}}, laid.item);
        Node title = row.add("td", {}, laid.title);
        if (laid.continued) {
          title.text(" ");
          title.add("span", {{"class", "continued"}}, layout.continued);
        }
      }
    }
  }
}

// The language a finding says a text is missing in, or "".
std::string missing_language(const Finding& finding) { return finding.missing_text ? finding.language : ""; }

// The texts the meeting lacks in `lang`, as the final check finds them: paths.
std::vector<std::string> missing_texts(const Meeting& meeting, const std::string& lang) {
  std::vector<std::string> paths;
  for (const Finding& finding : check_meeting(meeting, CheckOptions{true}))
    if (missing_language(finding) == lang) paths.push_back(finding.path);
  return paths;
}

// What stops publication, each in words with a link to the page that fixes it.
void write_blockers(Node parent, const MeetingPageContext& context, const Catalog& catalog) {
  const Meeting& meeting = *context.meeting;
  Node section = parent.add("section", {{"id", "blockers"}});
  section.add("h2", {}, t(catalog, "blockers"));
  std::vector<const Finding*> errors;
  const std::vector<Finding> findings = check_meeting(meeting, CheckOptions{true});
  for (const Finding& finding : findings)
    if (finding.severity == Severity::error) errors.push_back(&finding);
  if (errors.empty()) {
    section.add("p", {{"class", "no-blockers"}}, t(catalog, "no_blockers"));
    return;
  }
  section.add("p", {}, tf(catalog, "blockers_count", {{"n", std::to_string(errors.size())}}));
  Node list = section.add("ul", {{"class", "blockers"}});
  for (const Finding* finding : errors) {
    Node li = list.add("li");
    li.add("a", {{"href", page_fixing(finding->path, context.record.id, &meeting)}},
           field_in_words(finding->path, &meeting, catalog));
    li.text(": ");
    // The commonest finding, a text missing in a language, is said in the editor's language.
    const std::string lang = missing_language(*finding);
    li.text(lang.empty() ? finding->message
                         : tf(catalog, "no_text_in", {{"language", language_in_words(lang, catalog)}}));
  }
}

// The agenda as the public page shows it, in the catalog's language, for
// those who read and do not edit; texts it lacks are listed first.
void write_rendered_agenda(Node parent, const Meeting& meeting, int64_t meeting_id, int heading_offset,
                           const Catalog& catalog) {
  const AgendaLayout layout = lay_out_agenda(meeting, catalog);
  const std::vector<std::string> missing = missing_texts(meeting, layout.language);
  if (!missing.empty()) {
    Node block = parent.add("div", {{"class", "missing-texts"}});
    block.add("p", {}, tf(catalog, "missing_in", {{"language", language_in_words(layout.language, catalog)}}));
    Node list = block.add("ul");
    for (const std::string& path : missing) list.add("li", {}, field_in_words(path, &meeting, catalog));
  }
  (void)meeting_id;
  HtmlBodyOptions options;
  options.heading_offset = heading_offset;
  options.meeting_block = false;
  options.annex = false;  // the organization of work has its own tables
  options.xhtml = true;
  Node text = parent.add("div", {{"class", "agenda-text"}, {"lang", layout.language},
                                 {"dir", layout.right_to_left ? "rtl" : "ltr"}});
  text.markup(render_html_body(layout, options));
}

// Links to the draft as the public will see it, and its files.
void write_previews(Node parent, const store::MeetingSummary& record, const Meeting& meeting, const Catalog& catalog) {
  Node section = parent.add("section", {{"id", "previews"}});
  section.add("h2", {}, t(catalog, "previews"));
  section.add("p", {{"class", "hint"}}, tf(catalog, "previews_hint", {{"version", std::to_string(record.version)}}));
  Node table = section.add("table", {{"class", "previews"}});
  Node head = table.add("thead").add("tr");
  head.add("th", {{"scope", "col"}}, t(catalog, "language_label"));
  head.add("th", {{"scope", "col"}}, t(catalog, "page_label"));
  head.add("th", {{"scope", "col"}}, catalog.text("web.download.pdf"));
  head.add("th", {{"scope", "col"}}, catalog.text("web.download.docx"));
  Node body = table.add("tbody");
  const std::string base = fmt::format("/edit/meetings/{}", record.id);
  const std::string stem = file_stem(meeting.document.symbol);
  for (const std::string& lang : meeting.languages) {
    Node row = body.add("tr");
    row.add("th", {{"scope", "row"}, {"lang", lang}}, own_name(lang, catalog));
    row.add("td").add("a", {{"class", "preview"}, {"href", base + "/preview/" + lang}, {"hreflang", lang}},
                      t(catalog, "see_draft"));
    row.add("td").add("a", {{"class", "draft-pdf"}, {"href", base + "/draft/" + stem + "." + lang + ".pdf"},
                            {"type", "application/pdf"}},
                      t(catalog, "draft_pdf"));
    row.add("td").add("a", {{"class", "draft-docx"}, {"href", base + "/draft/" + stem + "." + lang + ".docx"}},
                      t(catalog, "draft_docx"));
  }
}

// ---- The meeting's pages

// "/edit/meetings/7" + tail.
std::string meeting_href(const MeetingPageContext& context, const std::string& tail = "") {
  return fmt::format("/edit/meetings/{}{}", context.record.id, tail);
}

void write_status(Node parent, const MeetingPageContext& context, const std::vector<store::SilenceProcedure>& procedures,
                  const Catalog& catalog) {
  const store::MeetingSummary& record = context.record;
  Node status = parent.add("p", {{"id", "status"}, {"class", "status"}});
  status.text(t(catalog, "version") + " ");
  status.add("strong", {}, std::to_string(record.version));
  status.text(" · ");
  if (record.published) {
    status.text(t(catalog, "published_on") + " ");
    utc_time(status, record.published_at);
    status.text(" " + tf(catalog, "publication_number", {{"n", std::to_string(record.calendar_sequence)}}));
  } else {
    status.add("strong", {}, t(catalog, "not_published"));
  }
  status.text(" · " + catalog.format("web.format_in_force", {{"format", format_name(context.meeting->format, catalog)}}));
  const auto open = std::count_if(procedures.begin(), procedures.end(), [](const store::SilenceProcedure& p) {
    return p.status == store::ProcedureStatus::open;
  });
  status.text(" · " + tf(catalog, "open_procedures_count", {{"n", std::to_string(open)}}));
}

void write_procedure_summary(Node list, const store::SilenceProcedure& procedure, const EditorUser& user,
                             bool may_withdraw, const Catalog& catalog) {
  Node li = list.add("li", {{"id", fmt::format("procedure-{}", procedure.id)},
                            {"class", std::string("procedure status-") + store::to_string(procedure.status)}});
  Node p = li.add("p");
  p.add("a", {{"href", fmt::format("/edit/procedures/{}", procedure.id)}},
        tf(catalog, "procedure_title", {{"n", std::to_string(procedure.id)}, {"subject", subject_name(procedure.subject, catalog)}}));
  p.text(" — ");
  p.add("strong", {}, status_name(procedure.status, catalog));
  p.text("; " + t(catalog, "deadline") + " ");
  utc_time(p, procedure.deadline);
  p.text("; " + tf(catalog, "submitted_by", {{"who", procedure.submitted_by}}) + " ");
  utc_time(p, procedure.submitted_at);
  for (const store::Objection& objection : procedure.objections) objection_line(li, objection, catalog);
  if (may_withdraw && procedure.status == store::ProcedureStatus::open)
    button_form(li,
                {"", "withdraw inline", fmt::format("/edit/procedures/{}/withdraw", procedure.id),
                 tf(catalog, "confirm_withdraw", {{"n", std::to_string(procedure.id)}})},
                user, 0, {}, t(catalog, "withdraw"));
}

void write_procedures(Node parent, const MeetingPartView& view, const Catalog& catalog) {
  Node section = parent.add("section", {{"id", "procedures"}});
  section.add("h2", {}, t(catalog, "procedures"));
  if (view.procedures.empty()) {
    section.add("p", {}, t(catalog, "no_procedures"));
    return;
  }
  Node list = section.add("ul", {{"class", "procedures"}});
  for (const store::SilenceProcedure& procedure : view.procedures)
    write_procedure_summary(list, procedure, view.context.user, view.context.may_edit, catalog);
}

// The items as a tree of links to their pages.
void write_item_tree(Node parent, const MeetingPageContext& context, const Catalog& catalog) {
  const Meeting& meeting = *context.meeting;
  const std::string lang = first_language(meeting, catalog.language());
  Node list = parent.add("ol", {{"id", "item-tree"}, {"class", "item-tree"}});
  auto entry = [&](Node into, const Item& item, const std::string& key) {
    Node li = into.add("li");
    Node link = li.add("a", {{"class", "item-link"}, {"href", meeting_href(context, "/items/" + item_slug(key))}});
    link.add("span", {{"class", "item-number"}}, key + ".");
    link.text(" ");
    link.add("span", {{"class", "item-title"}, {"lang", lang}}, text_for(item.title, lang));
    return li;
  };
  for (const Item& item : meeting.items) {
    Node li = entry(list, item, item_key(item.number));
    if (item.subitems.empty()) continue;
    Node sub = li.add("ol", {{"class", "subitems"}});
    for (const Item& subitem : item.subitems) entry(sub, subitem, item_key(item.number, subitem.number));
  }
}

void write_heading(Node parent, const MeetingPageContext& context, const Catalog& catalog) {
  const Meeting& meeting = *context.meeting;
  const std::string lang = first_language(meeting, catalog.language());
  Node section = parent.add("section", {{"id", "heading"}});
  section.add("h2", {}, t(catalog, "heading"));
  Node list = section.add("dl", {{"class", "heading"}});
  auto row = [&](const std::string& term, const std::string& value, Attributes attributes = {}) {
    list.add("dt", {}, catalog.capitalize_first(term));
    list.add("dd", attributes, value);
  };
  row(t(catalog, "field.document_symbol"), meeting.document.symbol, {{"dir", "ltr"}});
  row(t(catalog, "field.document_distribution"), t(catalog, std::string("distribution.") + to_string(meeting.document.distribution)));
  row(t(catalog, "field.document_issued"), is_valid(meeting.document.issued) ? catalog.date(meeting.document.issued, "dates.issue") : "");
  row(t(catalog, "field.document_original_language"), language_in_words(meeting.document.original_language, catalog));
  row(t(catalog, "field.body_name"), text_for(meeting.body.name, lang), {{"lang", lang}});
  row(t(catalog, "dates"), catalog.date_range(meeting.start, meeting.end));
  row(t(catalog, "field.meeting_city"), text_for(meeting.city, lang), {{"lang", lang}});
  row(t(catalog, "field.meeting_venue"), text_for(meeting.venue, lang), {{"lang", lang}});
  std::string languages;
  for (const std::string& code : meeting.languages) languages += (languages.empty() ? "" : ", ") + language_in_words(code, catalog);
  row(t(catalog, "field.meeting_languages"), languages);
  if (context.may_edit)
    section.add("p").add("a", {{"href", meeting_href(context, "/meeting")}}, t(catalog, "edit_meeting_data"));
}

// The pages of a meeting, as links.
void write_page_links(Node parent, const MeetingPageContext& context, const Catalog& catalog) {
  Node nav = parent.add("nav", {{"class", "meeting-pages"}, {"aria-label", t(catalog, "meeting_pages")}});
  Node list = nav.add("ul");
  std::vector<std::pair<std::string, std::string>> links;
  if (context.may_edit)
    links = {{"/meeting", "page.meeting_data"}, {"/items", "page.add_item"},   {"/documents", "page.documents"},
             {"/footnotes", "page.footnotes"},  {"/decisions", "page.decisions"}, {"/organization", "page.organization"},
             {"/publish", "page.publish"},      {"/bureau", "page.bureau"},       {"/audit", "page.audit"}};
  else
    links = {{"/organization", "page.organization"}, {"/audit", "page.audit"}};
  for (const auto& [tail, key] : links) list.add("li").add("a", {{"href", meeting_href(context, tail)}}, t(catalog, key));
  if (context.record.published) {
    Node li = list.add("li", {{"class", "public-pages"}});
    li.text(t(catalog, "public_page") + " ");
    for (const std::string& lang : context.meeting->languages) {
      li.add("a", {{"href", fmt::format("/{}/meetings/{}", lang, context.record.id)}, {"lang", lang}, {"hreflang", lang}},
             own_name(lang, catalog));
      li.text(" ");
    }
  }
}

void write_overview(Node root, const MeetingPartView& view, const Catalog& catalog) {
  const MeetingPageContext& context = view.context;
  const Meeting& meeting = *context.meeting;
  Node h1 = root.add("h1");
  h1.add("bdi", {}, context.record.symbol);
  h1.text(" ");
  h1.add("span", {{"class", "body-name"}}, text_for(meeting.body.name, first_language(meeting, catalog.language())));
  write_status(root, context, view.procedures, catalog);
  notice_and_alert(root, context, catalog);
  // The Bureau's last word stands out: the newest procedure's objections.
  if (!view.procedures.empty() && !view.procedures.front().objections.empty()) {
    const store::SilenceProcedure& latest = view.procedures.front();
    Node block = root.add("div", {{"id", "silence-broken"}, {"class", "silence-broken"}, {"role", "alert"}});
    for (const store::Objection& objection : latest.objections) objection_line(block, objection, catalog);
    block.add("p").add("a", {{"href", fmt::format("/edit/procedures/{}", latest.id)}},
                       tf(catalog, "procedure_title", {{"n", std::to_string(latest.id)}, {"subject", subject_name(latest.subject, catalog)}}));
  }
  write_page_links(root, context, catalog);
  Node columns = root.add("div", {{"class", "overview"}});
  Node items = columns.add("section", {{"id", "items"}});
  items.add("h2", {}, t(catalog, "items"));
  write_item_tree(items, context, catalog);
  if (context.may_edit) items.add("p").add("a", {{"href", meeting_href(context, "/items")}}, t(catalog, "page.add_item"));
  Node side = columns.add("div", {{"class", "overview-side"}});
  write_blockers(side, context, catalog);
  write_previews(side, context.record, meeting, catalog);
  write_heading(root, context, catalog);
  write_procedures(root, view, catalog);
  if (!context.may_edit) {
    // Whoever cannot edit reads the agenda as it will be issued, not its Markdown.
    Node agenda = root.add("section", {{"id", "agenda"}, {"class", "agenda-document"}});
    agenda.add("p", {{"class", "hint"}}, tf(catalog, "draft_as_published", {{"version", std::to_string(context.record.version)}}));
    write_rendered_agenda(agenda, meeting, context.record.id, 1, catalog);
  }
}

// The item, its place among its siblings, and its neighbours in agenda order.
struct ItemPlace {
  const Item* item = nullptr;
  std::string key;
  int position = 0;  // 1-based among its siblings
  int siblings = 0;
  std::string previous_key, next_key;
};

ItemPlace place_of(const Meeting& meeting, const std::string& key) {
  ItemPlace place;
  std::vector<std::string> order;
  for (size_t i = 0; i < meeting.items.size(); ++i) {
    const Item& item = meeting.items[i];
    order.push_back(item_key(item.number));
    if (order.back() == key)
      place = {&item, key, static_cast<int>(i) + 1, static_cast<int>(meeting.items.size()), "", ""};
    for (size_t j = 0; j < item.subitems.size(); ++j) {
      order.push_back(item_key(item.number, item.subitems[j].number));
      if (order.back() == key)
        place = {&item.subitems[j], key, static_cast<int>(j) + 1, static_cast<int>(item.subitems.size()), "", ""};
    }
  }
  auto at = std::find(order.begin(), order.end(), key);
  if (at != order.end()) {
    if (at != order.begin()) place.previous_key = *(at - 1);
    if (at + 1 != order.end()) place.next_key = *(at + 1);
  }
  return place;
}

// The two languages shown side by side: the editor's (or the meeting's
// first) and the one asked for, else the next one the meeting has.
std::vector<std::string> side_by_side(const Meeting& meeting, const std::string& with, const Catalog& catalog) {
  const std::string first = first_language(meeting, catalog.language());
  std::string second;
  for (const std::string& lang : meeting.languages)
    if (lang == with && lang != first) second = lang;
  if (second.empty() && with.empty())
    for (const std::string& lang : meeting.languages)
      if (lang != first && second.empty()) second = lang;
  std::vector<std::string> out{first};
  if (!second.empty()) out.push_back(second);
  return out;
}

void write_item_page(Node root, const MeetingPartView& view, const Catalog& catalog) {
  const MeetingPageContext& context = view.context;
  const Meeting& meeting = *context.meeting;
  const ItemPlace place = place_of(meeting, view.key);
  if (!place.item) throw std::invalid_argument("render_meeting_part: no item " + view.key);
  const Item& item = *place.item;
  const std::string slug = item_slug(place.key);
  const std::string base = meeting_href(context, "/items/" + slug);
  // A refused form shows again the languages it sent.
  std::string with = view.with;
  if (with.empty() && context.error && context.error->form == "item-form")
    for (const auto& [name, value] : context.error->values) {
      const size_t dot = name.rfind('.');
      const std::string lang = dot == std::string::npos ? "" : name.substr(dot + 1);
      if (is_official_language(lang) && lang != first_language(meeting, catalog.language())) with = lang;
    }
  const std::vector<std::string> languages = side_by_side(meeting, with, catalog);

  root.add("h1", {}, tf(catalog, "item_heading", {{"key", place.key}}) + " ")
      .add("span", {{"class", "item-title"}, {"lang", languages[0]}}, text_for(item.title, languages[0]));
  notice_and_alert(root, context, catalog);
  Node neighbours = root.add("nav", {{"class", "neighbours"}, {"aria-label", t(catalog, "neighbours")}});
  if (!place.previous_key.empty())
    neighbours.add("a", {{"rel", "prev"}, {"href", meeting_href(context, "/items/" + item_slug(place.previous_key)) + (view.with.empty() ? "" : "?with=" + view.with)}},
                   tf(catalog, "item_heading", {{"key", place.previous_key}}));
  if (!place.next_key.empty())
    neighbours.add("a", {{"rel", "next"}, {"href", meeting_href(context, "/items/" + item_slug(place.next_key)) + (view.with.empty() ? "" : "?with=" + view.with)}},
                   tf(catalog, "item_heading", {{"key", place.next_key}}));

  // The second language is the editor's choice: a GET form that shows the same page.
  Node choose = root.add("form", {{"id", "with-language"}, {"method", "get"}, {"action", base}, {"class", "with-language"}});
  choose.add("label", {{"for", "with-language-with"}}, t(catalog, "side_by_side_with"));
  Node select = choose.add("select", {{"id", "with-language-with"}, {"name", "with"}});
  for (const std::string& lang : meeting.languages)
    if (lang != languages[0])
      select.add("option", {{"value", lang}, {"lang", lang}, {"selected", languages.size() > 1 && lang == languages[1] ? "selected" : ""}},
                 own_name(lang, catalog));
  submit_button(choose, t(catalog, "show"));

  if (context.may_edit) {
    const Fields fields(context.error, "item-form", catalog);
    Node form = open_form(root, {fields.form_id(), "item-editor", base, ""}, context.user, context.record.version);
    if (!view.with.empty()) hidden(form, "with", view.with);
    fields.summary(form, &meeting);
    Node common = form.add("div", {{"class", "item-common"}});
    fields.select(common, "kind", t(catalog, "kind_label"), kind_options(catalog), to_string(item.kind));
    if (item.subitems.empty())
      fields.input(common, "minutes", t(catalog, "minutes"), item.minutes ? std::to_string(*item.minutes) : "",
                   "number", {{"min", "1"}});
    else
      common.add("p", {{"class", "hint"}}, t(catalog, "minutes_on_subitems"));
    Node pair = form.add("div", {{"class", "side-by-side"}});
    for (const std::string& lang : languages) {
      Attributes attributes = lang_attributes(lang);
      Node column = pair.add("div", {{"class", "language"}, {"lang", lang}, {"dir", lang == "ar" ? "rtl" : "ltr"}});
      column.add("h2", {}, own_name(lang, catalog));
      const std::string* title = text_in(item.title, lang);
      fields.input(column, "title." + lang, t(catalog, "field.title"), title ? *title : "", "text", attributes);
      auto annotation = item.annotation.find(lang);
      fields.textarea(column, "annotation." + lang, t(catalog, "field.annotation"),
                      annotation == item.annotation.end() ? "" : write_rich_text(annotation->second), 12, attributes);
    }
    form.add("p", {{"class", "hint"}}, t(catalog, "markdown_hint"));
    submit_button(form, t(catalog, "save_item"));
  }

  if (!context.may_edit) {
    // Who reads without editing reads the annotation as issued, on the overview.
    Node texts = root.add("dl", {{"class", "texts"}});
    for (const std::string& lang : languages) {
      texts.add("dt", {}, own_name(lang, catalog));
      texts.add("dd", lang_attributes(lang), text_for(item.title, lang));
    }
    root.add("p").add("a", {{"href", meeting_href(context) + "#agenda"}}, t(catalog, "read_agenda"));
  }

  Node documents = root.add("section", {{"id", "documents"}});
  documents.add("h2", {}, t(catalog, "documents"));
  if (item.documents.empty())
    documents.add("p", {}, t(catalog, item.no_documents ? "no_documents_planned" : "no_documents_listed"));
  Node list = documents.add("ul", {{"class", "documents"}});
  for (const std::string& symbol : item.documents) {
    Node li = list.add("li");
    li.add("a", {{"href", meeting_href(context, "/document?symbol=" + url_encode(symbol))}}).add("bdi", {}, symbol);
    if (const Document* document = find_document(meeting, symbol))
      for (const std::string& lang : languages)
        if (const std::string* title = text_in(document->title, lang)) {
          li.text(" — ");
          li.add("span", {{"lang", lang}}, *title);
        }
  }
  if (context.may_edit)
    documents.add("p").add("a", {{"href", meeting_href(context, "/documents?item=" + slug)}},
                           tf(catalog, "add_document_to", {{"key", place.key}}));

  if (!item.subitems.empty()) {
    Node subs = root.add("section", {{"id", "subitems"}});
    subs.add("h2", {}, t(catalog, "subitems"));
    Node sub_list = subs.add("ul");
    for (const Item& sub : item.subitems) {
      const std::string key = item_key(item.number, sub.number);
      sub_list.add("li").add("a", {{"href", meeting_href(context, "/items/" + item_slug(key))}},
                            key + ". " + text_for(sub.title, languages[0]));
    }
  }

  if (context.may_edit) {
    Node actions = root.add("div", {{"class", "item-actions"}});
    if (place.position > 1)
      button_form(actions, {"", "move-up inline", base + "/move", ""}, context.user, context.record.version,
                  {{"position", std::to_string(place.position - 1)}}, t(catalog, "move_up"));
    if (place.position < place.siblings)
      button_form(actions, {"", "move-down inline", base + "/move", ""}, context.user, context.record.version,
                  {{"position", std::to_string(place.position + 1)}}, t(catalog, "move_down"));
    button_form(actions,
                {"", "remove-item inline", base + "/remove",
                 tf(catalog, item.subitems.empty() ? "confirm_remove_item" : "confirm_remove_item_and_subitems",
                    {{"key", place.key}})},
                context.user, context.record.version, {}, t(catalog, "remove_item"), "remove");
  }
}

void write_add_item_page(Node root, const MeetingPartView& view, const Catalog& catalog) {
  const MeetingPageContext& context = view.context;
  const Meeting& meeting = *context.meeting;
  root.add("h1", {}, t(catalog, "page.add_item"));
  notice_and_alert(root, context, catalog);
  Node columns = root.add("div", {{"class", "overview"}});
  Node tree = columns.add("section", {{"id", "items"}});
  tree.add("h2", {}, t(catalog, "items"));
  write_item_tree(tree, context, catalog);
  const Fields fields(context.error, "add-item-form", catalog);
  Node form = open_form(columns, {fields.form_id(), "", meeting_href(context, "/items"), ""}, context.user,
                        context.record.version);
  fields.summary(form, &meeting);
  for (const std::string& lang : meeting.languages)
    fields.input(form, "title." + lang, tf(catalog, "title_in", {{"language", language_in_words(lang, catalog)}}), "", "text",
                 lang_attributes(lang));
  fields.select(form, "kind", t(catalog, "kind_label"), kind_options(catalog), to_string(ItemKind::substantive));
  std::vector<Option> parents{{"", t(catalog, "top_level")}};
  for (const Option& option : item_options(meeting, first_language(meeting, catalog.language()), false))
    parents.push_back({option.value, tf(catalog, "subitem_of", {{"item", option.text}})});
  fields.select(form, "parent", t(catalog, "where"), parents, "");
  fields.input(form, "position", t(catalog, "position"), "", "number", {{"min", "1"}});
  submit_button(form, t(catalog, "add_item"));
}

void write_meeting_data_page(Node root, const MeetingPartView& view, const Catalog& catalog) {
  const MeetingPageContext& context = view.context;
  const Meeting& meeting = *context.meeting;
  root.add("h1", {}, t(catalog, "page.meeting_data"));
  notice_and_alert(root, context, catalog);
  write_heading(root, context, catalog);
  const Fields fields(context.error, "meeting-form", catalog);
  Node form = open_form(root, {fields.form_id(), "", meeting_href(context, "/meeting"), ""}, context.user,
                        context.record.version);
  fields.summary(form, &meeting);
  // The agenda's heading (defect 5): its symbol, date of issue, distribution and original language.
  Node heading = form.add("div", {{"class", "dates heading-fields"}});
  fields.input(heading, "symbol", t(catalog, "field.document_symbol"), meeting.document.symbol, "text",
               {{"dir", "ltr"}, {"required", "required"}});
  fields.input(heading, "issued", t(catalog, "field.document_issued"), to_iso(meeting.document.issued), "date");
  std::vector<Option> distributions;
  for (const char* kind : {"general", "limited", "restricted"})
    distributions.push_back({kind, t(catalog, std::string("distribution.") + kind)});
  fields.select(heading, "distribution", t(catalog, "field.document_distribution"), distributions,
                to_string(meeting.document.distribution));
  std::vector<Option> originals;
  for (const std::string& lang : meeting.languages) originals.push_back({lang, language_in_words(lang, catalog)});
  fields.select(heading, "original_language", t(catalog, "field.document_original_language"), originals,
                meeting.document.original_language);
  Node dates = form.add("div", {{"class", "dates"}});
  fields.input(dates, "start", t(catalog, "field.meeting_start"), to_iso(meeting.start), "date", {{"required", "required"}});
  fields.input(dates, "end", t(catalog, "field.meeting_end"), to_iso(meeting.end), "date", {{"required", "required"}});
  form.add("p", {{"class", "hint"}}, t(catalog, "dates_hint"));
  Node grid = form.add("div", {{"class", "languages-grid"}});
  for (const std::string& lang : meeting.languages) {
    Node set = grid.add("fieldset", {{"class", "language"}});
    set.add("legend", lang_attributes(lang), own_name(lang, catalog));
    auto current = [&](const LangText& text) {
      const std::string* found = text_in(text, lang);
      return found ? *found : std::string();
    };
    fields.input(set, "title." + lang, t(catalog, "field.meeting_title"), current(meeting.title), "text", lang_attributes(lang));
    fields.input(set, "city." + lang, t(catalog, "field.meeting_city"), current(meeting.city), "text", lang_attributes(lang));
    fields.input(set, "venue." + lang, t(catalog, "field.meeting_venue"), current(meeting.venue), "text", lang_attributes(lang));
  }
  submit_button(form, t(catalog, "save_meeting_data"));
}

// The items that list a document, as links.
void write_listed_under(Node parent, const MeetingPageContext& context, const std::string& symbol, const Catalog& catalog) {
  Node p = parent.add("p", {{"class", "listed-under"}});
  p.text(t(catalog, "listed_under") + " ");
  bool any = false;
  for (const auto& [key, item] : schedulable_items(*context.meeting))
    if (std::find(item->documents.begin(), item->documents.end(), symbol) != item->documents.end()) {
      p.add("a", {{"href", meeting_href(context, "/items/" + item_slug(key))}}, key);
      p.text(" ");
      any = true;
    }
  for (const Item& item : context.meeting->items)
    if (!item.subitems.empty() && std::find(item.documents.begin(), item.documents.end(), symbol) != item.documents.end()) {
      p.add("a", {{"href", meeting_href(context, "/items/" + item_slug(item_key(item.number)))}}, item_key(item.number));
      any = true;
    }
  if (!any) p.text(t(catalog, "no_item"));
}

void write_documents_page(Node root, const MeetingPartView& view, const Catalog& catalog) {
  const MeetingPageContext& context = view.context;
  const Meeting& meeting = *context.meeting;
  const std::string lang = first_language(meeting, catalog.language());
  root.add("h1", {}, t(catalog, "page.documents"));
  notice_and_alert(root, context, catalog);
  if (meeting.documents.empty()) root.add("p", {}, t(catalog, "no_documents_declared"));
  Node list = root.add("ul", {{"id", "document-list"}, {"class", "document-list"}});
  for (const Document& document : meeting.documents) {
    Node li = list.add("li");
    li.add("a", {{"href", meeting_href(context, "/document?symbol=" + url_encode(document.symbol))}})
        .add("bdi", {}, document.symbol);
    const std::string title = text_for(document.title, lang);
    if (!title.empty()) li.text(" — " + title);
  }
  if (!context.may_edit) return;
  const Fields fields(context.error, "add-document-form", catalog);
  Node section = root.add("section", {{"id", "add-document"}});
  section.add("h2", {}, t(catalog, "add_document"));
  Node form = open_form(section, {fields.form_id(), "", meeting_href(context, "/documents"), ""}, context.user,
                        context.record.version);
  fields.summary(form, &meeting);
  fields.input(form, "symbol", t(catalog, "field.symbol"), "", "text", {{"dir", "ltr"}, {"required", "required"}});
  std::string chosen;
  if (std::optional<std::string> key = parse_item_key(view.key)) chosen = *key;
  fields.select(form, "item", t(catalog, "listed_under_item"), item_options(meeting, lang, true), chosen);
  Node grid = form.add("div", {{"class", "languages-grid"}});
  for (const std::string& code : meeting.languages) {
    Node set = grid.add("fieldset", {{"class", "language"}});
    set.add("legend", lang_attributes(code), own_name(code, catalog));
    fields.input(set, "title." + code, t(catalog, "field.title"), "", "text", lang_attributes(code));
    fields.textarea(set, "description." + code, t(catalog, "field.description"), "", 3, lang_attributes(code));
  }
  form.add("p", {{"class", "hint"}}, t(catalog, "description_hint"));
  submit_button(form, t(catalog, "add_document"));
}

void write_document_page(Node root, const MeetingPartView& view, const Catalog& catalog) {
  const MeetingPageContext& context = view.context;
  const Meeting& meeting = *context.meeting;
  const Document* document = find_document(meeting, view.key);
  if (!document) throw std::invalid_argument("render_meeting_part: no document " + view.key);
  root.add("h1", {}, tf(catalog, "document_heading", {{"symbol", document->symbol}}));
  notice_and_alert(root, context, catalog);
  write_listed_under(root, context, document->symbol, catalog);
  if (!context.may_edit) {
    Node descriptions = root.add("section", {{"id", "description"}});
    descriptions.add("h2", {}, t(catalog, "field.description"));
    Node list = descriptions.add("dl", {{"class", "texts"}});
    for (const std::string& lang : meeting.languages) {
      list.add("dt", {}, own_name(lang, catalog));
      const std::string* text = text_in(document->description, lang);
      list.add("dd", lang_attributes(lang), text ? *text : t(catalog, "no_text"));
    }
    return;
  }
  const Fields fields(context.error, "document-form", catalog);
  Node form = open_form(root, {fields.form_id(), "", meeting_href(context, "/document"), ""}, context.user,
                        context.record.version);
  hidden(form, "symbol", document->symbol);
  fields.summary(form, &meeting);
  Node grid = form.add("div", {{"class", "languages-grid"}});
  for (const std::string& lang : meeting.languages) {
    Node set = grid.add("fieldset", {{"class", "language"}});
    set.add("legend", lang_attributes(lang), own_name(lang, catalog));
    const std::string* title = text_in(document->title, lang);
    fields.input(set, "title." + lang, tf(catalog, "title_in", {{"language", language_in_words(lang, catalog)}}),
                 title ? *title : "", "text", lang_attributes(lang));
    const std::string* description = text_in(document->description, lang);
    fields.textarea(set, "description." + lang, t(catalog, "field.description"), description ? *description : "", 3,
                    lang_attributes(lang));
  }
  submit_button(form, t(catalog, "save_document"));
  button_form(root,
              {"", "remove-document", meeting_href(context, "/documents/remove"),
               tf(catalog, "confirm_remove_document", {{"symbol", document->symbol}})},
              context.user, context.record.version, {{"symbol", document->symbol}}, t(catalog, "remove_document"),
              "remove");
}

// Whether the inlines call the footnote or decision `target`.
bool calls(const std::vector<Inline>& inlines, InlineKind kind, const std::string& target) {
  for (const Inline& in : inlines)
    if ((in.kind == kind && in.target == target) || calls(in.children, kind, target)) return true;
  return false;
}

// The items whose annotation calls the footnote or decision, as links.
void write_called_from(Node parent, const MeetingPageContext& context, InlineKind kind, const std::string& target,
                       const Catalog& catalog) {
  Node p = parent.add("p", {{"class", "called-from"}});
  p.text(t(catalog, "called_from") + " ");
  bool any = false;
  std::function<void(const Item&, const std::string&)> visit = [&](const Item& item, const std::string& key) {
    bool here = false;
    for (const auto& [lang, text] : item.annotation)
      for (const Paragraph& paragraph : text) here = here || calls(paragraph.content, kind, target);
    if (here) {
      p.add("a", {{"href", meeting_href(context, "/items/" + item_slug(key))}}, key);
      p.text(" ");
      any = true;
    }
  };
  for (const Item& item : context.meeting->items) {
    visit(item, item_key(item.number));
    for (const Item& sub : item.subitems) visit(sub, item_key(item.number, sub.number));
  }
  if (!any) p.text(t(catalog, "no_item"));
}

// Each language of the meeting, a textarea for a footnote's Markdown.
void footnote_texts(Node form, const Fields& fields, const Meeting& meeting, const Footnote* footnote,
                    const Catalog& catalog) {
  Node grid = form.add("div", {{"class", "languages-grid"}});
  for (const std::string& code : meeting.languages) {
    Node set = grid.add("fieldset", {{"class", "language"}});
    set.add("legend", lang_attributes(code), own_name(code, catalog));
    std::string current;
    if (footnote)
      if (auto text = footnote->text.find(code); text != footnote->text.end()) current = write_rich_text(text->second);
    fields.textarea(set, "text." + code, t(catalog, "footnote_text"), current, 3, lang_attributes(code));
  }
}

void write_footnotes_page(Node root, const MeetingPartView& view, const Catalog& catalog) {
  const MeetingPageContext& context = view.context;
  const Meeting& meeting = *context.meeting;
  root.add("h1", {}, t(catalog, "page.footnotes"));
  notice_and_alert(root, context, catalog);
  if (meeting.footnotes.empty()) root.add("p", {}, t(catalog, "no_footnotes"));
  Node list = root.add("ul", {{"id", "footnote-list"}});
  for (const Footnote& footnote : meeting.footnotes)
    list.add("li").add("a", {{"href", meeting_href(context, "/footnotes/" + url_encode(footnote.id))}},
                       tf(catalog, "footnote_named", {{"id", footnote.id}}));
  if (!context.may_edit) return;
  const Fields fields(context.error, "add-footnote-form", catalog);
  Node section = root.add("section", {{"id", "add-footnote"}});
  section.add("h2", {}, t(catalog, "add_footnote"));
  Node form = open_form(section, {fields.form_id(), "", meeting_href(context, "/footnotes"), ""}, context.user,
                        context.record.version);
  fields.summary(form, &meeting);
  fields.input(form, "id", t(catalog, "footnote_id"), "", "text", {{"dir", "ltr"}, {"required", "required"}});
  footnote_texts(form, fields, meeting, nullptr, catalog);
  submit_button(form, t(catalog, "add_footnote"));
}

void write_footnote_page(Node root, const MeetingPartView& view, const Catalog& catalog) {
  const MeetingPageContext& context = view.context;
  const Meeting& meeting = *context.meeting;
  const Footnote* footnote = find_footnote(meeting, view.key);
  if (!footnote) throw std::invalid_argument("render_meeting_part: no footnote " + view.key);
  root.add("h1", {}, tf(catalog, "footnote_named", {{"id", footnote->id}}));
  notice_and_alert(root, context, catalog);
  write_called_from(root, context, InlineKind::footnote_ref, footnote->id, catalog);
  root.add("p", {{"class", "hint"}}, tf(catalog, "footnote_call", {{"call", "[^" + footnote->id + "]"}}));
  if (!context.may_edit) {
    Node list = root.add("dl", {{"class", "texts"}});
    for (const std::string& lang : meeting.languages) {
      list.add("dt", {}, own_name(lang, catalog));
      auto text = footnote->text.find(lang);
      Attributes attributes = lang_attributes(lang);
      attributes.push_back({"class", "footnote-text"});
      list.add("dd", attributes, text == footnote->text.end() ? t(catalog, "no_text") : write_rich_text(text->second));
    }
    return;
  }
  const std::string base = meeting_href(context, "/footnotes/" + url_encode(footnote->id));
  const Fields fields(context.error, "footnote-form", catalog);
  Node form = open_form(root, {fields.form_id(), "", base, ""}, context.user, context.record.version);
  fields.summary(form, &meeting);
  footnote_texts(form, fields, meeting, footnote, catalog);
  submit_button(form, t(catalog, "save_footnote"));
  Node actions = root.add("div", {{"class", "footnote-actions"}, {"id", "footnote-actions"}});
  button_form(actions,
              {"", "remove-footnote inline", base + "/remove",
               tf(catalog, "confirm_remove_footnote", {{"id", footnote->id}})},
              context.user, context.record.version, {}, t(catalog, "remove_footnote"), "remove");
}

std::string decision_line(const Decision& decision, const std::string& lang, const Catalog& catalog) {
  return decision_sentence(decision, text_for(decision.by, lang), text_for(decision.approved, lang), catalog);
}

void write_decisions_page(Node root, const MeetingPartView& view, const Catalog& catalog) {
  const MeetingPageContext& context = view.context;
  const Meeting& meeting = *context.meeting;
  const std::string lang = first_language(meeting, catalog.language());
  root.add("h1", {}, t(catalog, "page.decisions"));
  notice_and_alert(root, context, catalog);
  if (meeting.decisions.empty()) root.add("p", {}, t(catalog, "no_decisions"));
  Node list = root.add("ul", {{"id", "decisions"}, {"class", "decisions"}});
  for (const Decision& decision : meeting.decisions)
    list.add("li").add("a", {{"href", meeting_href(context, "/decisions/" + url_encode(decision.id))}},
                       decision_line(decision, lang, catalog));
  if (!context.may_edit) return;
  const Fields fields(context.error, "add-decision-form", catalog);
  Node section = root.add("section", {{"id", "add-decision"}});
  section.add("h2", {}, t(catalog, "add_decision"));
  Node form = open_form(section, {fields.form_id(), "", meeting_href(context, "/decisions"), ""}, context.user,
                        context.record.version);
  fields.summary(form, &meeting);
  fields.input(form, "id", t(catalog, "decision_id"), "", "text", {{"dir", "ltr"}, {"required", "required"}});
  fields.input(form, "date", t(catalog, "field.date"), "", "date", {{"required", "required"}});
  fields.select(form, "procedure", t(catalog, "field.procedure"),
                {{"silence", t(catalog, "procedure.silence")}, {"meeting", t(catalog, "procedure.meeting")}}, "silence");
  Node grid = form.add("div", {{"class", "languages-grid"}});
  for (const std::string& code : meeting.languages) {
    Node set = grid.add("fieldset", {{"class", "language"}});
    set.add("legend", lang_attributes(code), own_name(code, catalog));
    fields.input(set, "by." + code, t(catalog, "field.by"), "", "text", lang_attributes(code));
    fields.input(set, "approved." + code, t(catalog, "field.approved"), "", "text", lang_attributes(code));
  }
  submit_button(form, t(catalog, "add_decision"));
}

void write_decision_page(Node root, const MeetingPartView& view, const Catalog& catalog) {
  const MeetingPageContext& context = view.context;
  const Meeting& meeting = *context.meeting;
  const Decision* decision = find_decision(meeting, view.key);
  if (!decision) throw std::invalid_argument("render_meeting_part: no decision " + view.key);
  root.add("h1", {}, tf(catalog, "decision_dated", {{"date", catalog.date(decision->date, "dates.issue")}}));
  notice_and_alert(root, context, catalog);
  write_called_from(root, context, InlineKind::decision_ref, decision->id, catalog);
  root.add("p", {{"class", "hint"}}).text(t(catalog, "decision_call") + " ").add("code", {}, "{{decision:" + decision->id + "}}");
  Node list = root.add("dl", {{"class", "texts"}});
  for (const std::string& lang : meeting.languages) {
    list.add("dt", {}, own_name(lang, catalog));
    list.add("dd", lang_attributes(lang), decision_line(*decision, lang, catalog));
  }
  if (context.may_edit)
    button_form(root,
                {"", "remove-decision", meeting_href(context, "/decisions/" + url_encode(decision->id) + "/remove"),
                 t(catalog, "confirm_remove_decision")},
                context.user, context.record.version, {}, t(catalog, "remove_decision"), "remove");
}

// "1 (a), 2: 60": a slot's items as the hand-editing form writes them, minutes after a colon.
std::string slot_items_text(const Slot& slot) {
  std::string out;
  for (const SlotItem& entry : slot.items) {
    out += (out.empty() ? "" : ", ") + entry.item;
    if (entry.minutes) out += ": " + std::to_string(*entry.minutes);
  }
  return out;
}

// The organization of work by hand: each plenary meeting's items, which the
// editor may move to another meeting or split (an item in two meetings).
void write_slots_form(Node root, const MeetingPageContext& context, const Catalog& catalog) {
  const Meeting& meeting = *context.meeting;
  Node section = root.add("section", {{"id", "by-hand"}});
  section.add("h2", {}, t(catalog, "organization_by_hand"));
  section.add("p", {{"class", "hint"}}, t(catalog, "organization_by_hand_hint"));
  const Fields fields(context.error, "organization-form", catalog);
  Node form = open_form(section, {fields.form_id(), "", meeting_href(context, "/organization"), ""}, context.user,
                        context.record.version);
  fields.summary(form, &meeting);
  for (size_t s = 0; s < meeting.organization.slots.size(); ++s) {
    const Slot& slot = meeting.organization.slots[s];
    const std::string label = catalog.capitalize_first(catalog.date(slot.date, "dates.table_day")) + ", " +
                              catalog.time_range(slot.start, slot.end);
    fields.input(form, "slot." + std::to_string(s + 1), label, slot_items_text(slot), "text", {{"dir", "ltr"}});
  }
  submit_button(form, t(catalog, "save_organization"));
}

void write_organization_page(Node root, const MeetingPartView& view, const Catalog& catalog) {
  const MeetingPageContext& context = view.context;
  root.add("h1", {}, catalog.text("web.organization_of_work"));
  notice_and_alert(root, context, catalog);
  root.add("p", {{"class", "format"}}, catalog.format("web.format_in_force", {{"format", format_name(context.meeting->format, catalog)}}));
  if (context.may_edit) {
    const Fields fields(context.error, "format-form", catalog);
    Node form = open_form(root, {fields.form_id(), "", meeting_href(context, "/plan"), ""}, context.user,
                          context.record.version);
    fields.summary(form, context.meeting);
    form.add("p", {{"class", "hint"}}, t(catalog, "format_hint"));
    std::vector<Option> formats;
    for (MeetingFormat format : kFormats) formats.push_back({to_string(format), format_name(format, catalog)});
    fields.select(form, "format", t(catalog, "field.meeting_format"), formats, to_string(context.meeting->format));
    submit_button(form, t(catalog, "preview_plan"));
  }
  Node timetable = root.add("section", {{"id", "organization"}});
  write_days(timetable, *context.meeting, catalog);
  if (context.may_edit && !context.meeting->organization.slots.empty()) write_slots_form(root, context, catalog);
}

void write_publish_page(Node root, const MeetingPartView& view, const Catalog& catalog) {
  const MeetingPageContext& context = view.context;
  const Meeting& meeting = *context.meeting;
  root.add("h1", {}, t(catalog, "page.publish"));
  notice_and_alert(root, context, catalog);
  write_blockers(root, context, catalog);
  write_previews(root, context.record, meeting, catalog);
  const Fields fields(context.error, "publish-form", catalog);
  Node form = open_form(root, {fields.form_id(), "", meeting_href(context, "/publish"), ""}, context.user,
                        context.record.version);
  fields.summary(form, &meeting);
  form.add("p", {{"class", "hint"}}, t(catalog, "notice_hint"));
  Node grid = form.add("div", {{"class", "languages-grid"}});
  for (const std::string& lang : meeting.languages)
    fields.textarea(grid, "notice." + lang, tf(catalog, "notice_in", {{"language", language_in_words(lang, catalog)}}), "", 3,
                    lang_attributes(lang));
  // A meeting with no organization of work is published only when the officer says so.
  bool planned = false;
  for (const Slot& slot : meeting.organization.slots) planned = planned || !slot.items.empty();
  if (!planned) {
    Node choice = form.add("p", {{"class", "field confirm-without-organization"}});
    choice.add("input", {{"type", "checkbox"}, {"name", "without_organization"}, {"value", "1"},
                         {"id", "publish-form-without_organization"}});
    choice.add("label", {{"for", "publish-form-without_organization"}}, t(catalog, "publish_without_organization"));
  }
  submit_button(form, t(catalog, "publish"));
}

void write_bureau_page(Node root, const MeetingPartView& view, const Catalog& catalog) {
  const MeetingPageContext& context = view.context;
  const Meeting& meeting = *context.meeting;
  root.add("h1", {}, t(catalog, "page.bureau"));
  notice_and_alert(root, context, catalog);
  if (context.may_edit) {
    const Fields fields(context.error, "procedure-form", catalog);
    root.add("p", {}, t(catalog, "bureau_hint"));
    Node form = open_form(root, {fields.form_id(), "", meeting_href(context, "/procedures"), ""}, context.user,
                          context.record.version);
    fields.summary(form, &meeting);
    std::vector<Option> subjects;
    for (store::ProcedureSubject subject : {store::ProcedureSubject::organization, store::ProcedureSubject::calendar,
                                            store::ProcedureSubject::topics})
      subjects.push_back({store::to_string(subject), subject_name(subject, catalog)});
    fields.select(form, "subject", t(catalog, "subject_label"), subjects, "organization");
    fields.textarea(form, "description", t(catalog, "procedure_description"), "", 4, {{"required", "required"}});
    fields.input(form, "deadline", t(catalog, "deadline_utc"), "", "datetime-local", {{"required", "required"}});
    // By default the Bureau that decided last by silence decides again.
    LangText by;
    for (const Decision& decision : meeting.decisions)
      if (decision.procedure == Procedure::silence) by = decision.by;
    Node grid = form.add("div", {{"class", "languages-grid"}});
    for (const std::string& lang : meeting.languages) {
      Node set = grid.add("fieldset", {{"class", "language"}});
      set.add("legend", lang_attributes(lang), own_name(lang, catalog));
      const std::string* who = text_in(by, lang);
      fields.input(set, "by." + lang, t(catalog, "field.by"), who ? *who : "", "text", lang_attributes(lang));
      fields.textarea(set, "approved." + lang, t(catalog, "approved_as_said"), "", 2, lang_attributes(lang));
    }
    std::vector<Option> items{{"", t(catalog, "cite_default")}};
    for (const Option& option : item_options(meeting, first_language(meeting, catalog.language()), true))
      items.push_back(option);
    fields.select(form, "item", t(catalog, "cite_in_item"), items, "");
    submit_button(form, t(catalog, "submit_to_bureau"));
  }
  write_procedures(root, view, catalog);
}

std::string part_title(const MeetingPartView& view, const Catalog& catalog) {
  switch (view.part) {
    case MeetingPart::overview:
      return view.context.record.symbol;
    case MeetingPart::item:
      return tf(catalog, "item_heading", {{"key", view.key}});
    case MeetingPart::meeting_data:
      return t(catalog, "page.meeting_data");
    case MeetingPart::add_item:
      return t(catalog, "page.add_item");
    case MeetingPart::documents:
      return t(catalog, "page.documents");
    case MeetingPart::document:
      return tf(catalog, "document_heading", {{"symbol", view.key}});
    case MeetingPart::footnotes:
      return t(catalog, "page.footnotes");
    case MeetingPart::footnote:
      return tf(catalog, "footnote_named", {{"id", view.key}});
    case MeetingPart::decisions:
    case MeetingPart::decision:
      return t(catalog, "page.decisions");
    case MeetingPart::organization:
      return catalog.text("web.organization_of_work");
    case MeetingPart::publish:
      return t(catalog, "page.publish");
    case MeetingPart::bureau:
      return t(catalog, "page.bureau");
  }
  return view.context.record.symbol;
}

}  // namespace

std::string item_slug(const std::string& key) {
  std::string slug;
  for (char c : key)
    if (c != ' ' && c != '(' && c != ')') slug += c;
  return slug;
}

std::string render_login_page(const LoginView& view, const Catalog& catalog) {
  const std::string& title = catalog.text("web.secretariat_login");
  Markup page;
  Node root = page.root();
  root.add("h1", {}, title);
  if (!view.message.empty()) root.add("p", {{"class", "error"}, {"role", "alert"}}, view.message);
  Node form = root.add("form", {{"method", "post"}, {"action", "/login"}, {"class", "login"}});
  hidden(form, "csrf", view.csrf_token);
  if (!view.next.empty()) hidden(form, "next", view.next);
  Node name = form.add("p");
  name.add("label", {{"for", "name"}}, t(catalog, "name"));
  name.text(" ");
  name.add("input", {{"id", "name"}, {"name", "name"}, {"autocomplete", "username"}, {"required", "required"}, {"value", view.name}});
  Node password = form.add("p");
  password.add("label", {{"for", "password"}}, t(catalog, "password"));
  password.text(" ");
  password.add("input", {{"id", "password"}, {"name", "password"}, {"type", "password"},
                         {"autocomplete", "current-password"}, {"required", "required"}});
  submit_button(form.add("p"), t(catalog, "log_in"));
  return render_page(PageFrame{catalog.language(), title, {}, page.str()}, catalog);
}

std::string render_dashboard(const DashboardView& view, const Catalog& catalog) {
  Markup page;
  Node root = page.root();
  editor_bar(root, &view.user, {}, catalog);
  root.add("h1", {}, t(catalog, "meetings"));
  if (view.error) {
    // Where the refused form is, further down; the form says why at its top.
    Node alert = root.add("div", {{"id", "page-error"}, {"class", "form-error"}});
    alert.add("p", {}, t(catalog, "not_saved"));
    alert.add("p").add("a", {{"href", "#" + view.error->form}}, t(catalog, "back_to_form"));
  }
  if (!view.open_procedures.empty()) {
    Node section = root.add("section", {{"id", "open-procedures"}});
    section.add("h2", {}, t(catalog, "open_procedures"));
    Node list = section.add("ul", {{"class", "procedures"}});
    for (const DashboardProcedure& entry : view.open_procedures) {
      Node li = list.add("li");
      Node link = li.add("a", {{"href", fmt::format("/edit/procedures/{}", entry.procedure.id)}});
      link.add("bdi", {}, entry.meeting_symbol);
      link.text(": " + subject_name(entry.procedure.subject, catalog));
      li.text(" — " + t(catalog, "deadline") + " ");
      utc_time(li, entry.procedure.deadline);
      li.add("br");
      li.text(entry.procedure.description);
    }
  }
  if (view.meetings.empty()) root.add("p", {{"class", "no-meetings"}}, t(catalog, "no_meetings"));
  Node tbody(pugi::xml_node{});
  std::string body_name;
  for (size_t i = 0; i < view.meetings.size(); ++i) {
    const DashboardMeeting& entry = view.meetings[i];
    const store::MeetingSummary& m = entry.summary;
    if (i == 0 || m.body != body_name) {
      body_name = m.body;
      Node section = root.add("section", {{"class", "body-meetings"}});
      section.add("h2", {{"dir", "ltr"}}, m.body);
      Node table = section.add("table", {{"class", "meetings"}});
      Node head = table.add("thead").add("tr");
      for (const char* key : {"agenda_symbol", "version", "published", "open_procedures"})
        head.add("th", {{"scope", "col"}}, t(catalog, key));
      tbody = table.add("tbody");
    }
    Node row = tbody.add("tr", {{"id", fmt::format("meeting-{}", m.id)}});
    row.add("th", {{"scope", "row"}}).add("a", {{"href", fmt::format("/edit/meetings/{}", m.id)}}).add("bdi", {}, m.symbol);
    row.add("td", {}, std::to_string(m.version));
    Node published = row.add("td");
    if (m.published) {
      utc_time(published, m.published_at);
      published.text(" " + tf(catalog, "publication_number", {{"n", std::to_string(m.calendar_sequence)}}));
    } else {
      published.text(t(catalog, "not_published"));
    }
    row.add("td", {}, std::to_string(entry.open_procedures));
  }

  const bool may_create = view.user.role == store::Role::admin || view.user.role == store::Role::editor;
  if (may_create) {
    Node section = root.add("section", {{"id", "new-meeting"}});
    section.add("h2", {}, t(catalog, "new_meeting"));
    const Fields file(view.error, "new-meeting-file", catalog);
    section.add("h3", {}, t(catalog, "from_file"));
    Node form = open_form(section, {file.form_id(), "", "/edit/meetings", ""}, view.user, 0);
    file.summary(form, nullptr);
    file.textarea(form, "meeting_file", t(catalog, "meeting_file"), "", 16,
                  {{"required", "required"}, {"spellcheck", "false"}, {"dir", "ltr"}});
    submit_button(form, t(catalog, "create_from_file"));

    std::vector<Option> previous;
    for (const DashboardMeeting& entry : view.meetings)
      if (entry.editable) previous.push_back({std::to_string(entry.summary.id), entry.summary.symbol});
    if (!previous.empty()) {
      const Fields next(view.error, "new-meeting-next", catalog);
      section.add("h3", {}, t(catalog, "from_previous"));
      section.add("p", {{"class", "hint"}}, t(catalog, "from_previous_hint"));
      Node next_form = open_form(section, {next.form_id(), "", "/edit/meetings", ""}, view.user, 0);
      next.summary(next_form, nullptr);
      next.select(next_form, "from_meeting", t(catalog, "previous_meeting"), previous, previous.back().value);
      next.input(next_form, "symbol", t(catalog, "new_symbol"), "", "text", {{"dir", "ltr"}, {"required", "required"}});
      next.input(next_form, "start", t(catalog, "field.meeting_start"), "", "date", {{"required", "required"}});
      next.input(next_form, "end", t(catalog, "field.meeting_end"), "", "date", {{"required", "required"}});
      submit_button(next_form, t(catalog, "create_next"));
    }
  }
  return editor_frame(t(catalog, "meetings"), page, catalog);
}

std::string render_meeting_part(const MeetingPartView& view, const Catalog& catalog) {
  if (!view.context.meeting) throw std::invalid_argument("render_meeting_part: no meeting");
  Markup page;
  Node root = page.root();
  std::vector<Crumb> trail = meeting_trail(view.context.record);
  if (view.part != MeetingPart::overview) trail.push_back({view.context.user.path, part_title(view, catalog)});
  editor_bar(root, &view.context.user, trail, catalog);
  switch (view.part) {
    case MeetingPart::overview:
      write_overview(root, view, catalog);
      break;
    case MeetingPart::item:
      write_item_page(root, view, catalog);
      break;
    case MeetingPart::meeting_data:
      write_meeting_data_page(root, view, catalog);
      break;
    case MeetingPart::add_item:
      write_add_item_page(root, view, catalog);
      break;
    case MeetingPart::documents:
      write_documents_page(root, view, catalog);
      break;
    case MeetingPart::document:
      write_document_page(root, view, catalog);
      break;
    case MeetingPart::footnotes:
      write_footnotes_page(root, view, catalog);
      break;
    case MeetingPart::footnote:
      write_footnote_page(root, view, catalog);
      break;
    case MeetingPart::decisions:
      write_decisions_page(root, view, catalog);
      break;
    case MeetingPart::decision:
      write_decision_page(root, view, catalog);
      break;
    case MeetingPart::organization:
      write_organization_page(root, view, catalog);
      break;
    case MeetingPart::publish:
      write_publish_page(root, view, catalog);
      break;
    case MeetingPart::bureau:
      write_bureau_page(root, view, catalog);
      break;
  }
  return editor_frame(part_title(view, catalog), page, catalog);
}

std::string draft_banner_html(const store::MeetingSummary& record, const std::string& lang, const Catalog& catalog) {
  Markup markup;
  Node banner = markup.root().add("div", {{"id", "draft-banner"}, {"class", "draft-banner"}, {"role", "note"}});
  Node p = banner.add("p");
  p.add("strong", {}, tf(catalog, "draft_banner", {{"version", std::to_string(record.version)}}));
  p.text(" ");
  p.add("a", {{"href", fmt::format("/edit/meetings/{}", record.id)}}, t(catalog, "back_to_editing"));
  (void)lang;
  return markup.str();
}

std::string render_plan_preview(const PlanPreviewView& view, const Catalog& catalog) {
  if (!view.meeting || !view.plan) throw std::invalid_argument("render_plan_preview: no meeting or no plan");
  const planning::Plan& plan = *view.plan;
  Markup page;
  Node root = page.root();
  std::vector<Crumb> trail = meeting_trail(view.record);
  trail.push_back({fmt::format("/edit/meetings/{}/organization", view.record.id), catalog.text("web.organization_of_work")});
  editor_bar(root, &view.user, trail, catalog);
  root.add("h1", {}, t(catalog, "plan_preview"));
  root.add("p", {{"class", "preview-note"}},
           tf(catalog, "plan_preview_note", {{"from", format_name(view.meeting->format, catalog)},
                                             {"to", format_name(view.format, catalog)},
                                             {"version", std::to_string(view.record.version)}}));
  if (!plan.ok) {
    Node problems = root.add("section", {{"class", "problems"}, {"role", "alert"}});
    problems.add("h2", {}, t(catalog, "no_plan_fits"));
    Node list = problems.add("ul", {{"id", "plan-problems"}});
    for (const std::string& problem : plan.problems) list.add("li", {}, problem);
  } else {
    Node changes = root.add("section", {{"id", "changes"}});
    changes.add("h2", {}, t(catalog, "what_changes"));
    if (!view.record.published)
      changes.add("p", {}, t(catalog, "nothing_to_compare"));
    else if (plan.changes.empty())
      changes.add("p", {}, t(catalog, "no_item_moves"));
    Node list = changes.add("ul", {{"id", "plan-changes"}});
    for (const planning::PlanChange& change : plan.changes) list.add("li", {}, change.text);
    if (!plan.shrunk.empty()) {
      changes.add("h3", {}, t(catalog, "about_durations"));
      Node shrunk = changes.add("ul", {{"id", "plan-shrunk"}});
      for (const std::string& line : plan.shrunk) shrunk.add("li", {}, line);
    }
    Meeting planned = *view.meeting;
    planned.format = view.format;
    planned.organization = plan.organization;
    mark_continuations(planned.organization);
    Node organization = root.add("section", {{"id", "organization"}});
    organization.add("h2", {}, catalog.text("web.organization_of_work") + " (" + format_name(view.format, catalog) + ")");
    write_days(organization, planned, catalog);
    if (!plan.explanations.empty()) {
      Node details = organization.add("details");
      details.add("summary", {}, t(catalog, "why_each_item"));
      Node why = details.add("ul", {{"class", "explanations"}});
      for (const std::string& line : plan.explanations) why.add("li", {}, line);
    }
    button_form(root, {"save-plan", "", fmt::format("/edit/meetings/{}/format", view.record.id), ""}, view.user,
                view.record.version, {{"format", to_string(view.format)}}, t(catalog, "save_plan"));
  }
  root.add("p").add("a", {{"href", fmt::format("/edit/meetings/{}/organization", view.record.id)}},
                    t(catalog, "back_saving_nothing"));
  return editor_frame(t(catalog, "plan_preview"), page, catalog);
}

std::string render_move_preview(const MovePreviewView& view, const Catalog& catalog) {
  if (!view.after) throw std::invalid_argument("render_move_preview: no meeting");
  Markup page;
  Node root = page.root();
  std::vector<Crumb> trail = meeting_trail(view.record);
  editor_bar(root, &view.user, trail, catalog);
  root.add("h1", {}, tf(catalog, "move_preview", {{"key", view.key}}));
  root.add("p", {{"class", "preview-note"}}, t(catalog, "move_preview_note"));
  Node changes = root.add("section", {{"id", "changes"}});
  changes.add("h2", {}, t(catalog, "what_changes"));
  Node list = changes.add("ul", {{"id", "plan-changes"}});
  for (const std::string& change : view.changes) list.add("li", {}, change);
  Node organization = root.add("section", {{"id", "organization"}});
  organization.add("h2", {}, catalog.text("web.organization_of_work"));
  write_days(organization, *view.after, catalog);
  button_form(root,
              {"confirm-move", "", fmt::format("/edit/meetings/{}/items/{}/move", view.record.id, item_slug(view.key)), ""},
              view.user, view.record.version, {{"position", std::to_string(view.position)}, {"confirm", "1"}},
              t(catalog, "confirm_move"));
  root.add("p").add("a", {{"href", fmt::format("/edit/meetings/{}/items/{}", view.record.id, item_slug(view.key))}},
                    t(catalog, "back_saving_nothing"));
  return editor_frame(tf(catalog, "move_preview", {{"key", view.key}}), page, catalog);
}

std::string render_audit_page(const AuditView& view, const Catalog& catalog) {
  Markup page;
  Node root = page.root();
  std::vector<Crumb> trail = meeting_trail(view.record);
  trail.push_back({fmt::format("/edit/meetings/{}/audit", view.record.id), t(catalog, "page.audit")});
  editor_bar(root, &view.user, trail, catalog);
  root.add("h1", {}, t(catalog, "page.audit") + " ").add("bdi", {}, view.record.symbol);
  Node table = root.add("table", {{"id", "audit"}, {"class", "audit"}});
  Node head = table.add("thead").add("tr");
  for (const char* key : {"version", "when", "who", "action", "changes"}) head.add("th", {{"scope", "col"}}, t(catalog, key));
  Node body = table.add("tbody");
  for (const AuditRow& row : view.rows) {
    Node tr = body.add("tr", {{"id", fmt::format("audit-{}", row.entry.version)}});
    tr.add("th", {{"scope", "row"}}, std::to_string(row.entry.version));
    utc_time(tr.add("td"), row.entry.at);
    tr.add("td", {}, row.entry.who);
    const std::string action_key = "editor.audit_action." + row.entry.action;
    tr.add("td", {}, has_key(catalog, action_key) ? catalog.text(action_key) : row.entry.action);
    Node changes = tr.add("td");
    if (row.changes.empty()) {
      changes.text(t(catalog, row.entry.action == "create" ? "created" : "no_text_change"));
    } else {
      Node list = changes.add("ul");
      for (const std::string& change : row.changes) list.add("li", {}, change);
    }
  }
  return editor_frame(t(catalog, "page.audit"), page, catalog);
}

std::string render_procedure_page(const ProcedureView& view, const Catalog& catalog) {
  const store::SilenceProcedure& p = view.procedure;
  Markup page;
  Node root = page.root();
  std::vector<Crumb> trail = meeting_trail(view.record);
  const std::string title = tf(catalog, "procedure_title", {{"n", std::to_string(p.id)}, {"subject", subject_name(p.subject, catalog)}});
  trail.push_back({fmt::format("/edit/procedures/{}", p.id), title});
  editor_bar(root, &view.user, trail, catalog);
  root.add("h1", {}, title);
  if (view.error) {
    // Where the refused form is, further down; the form says why at its top.
    Node alert = root.add("div", {{"id", "page-error"}, {"class", "form-error"}});
    alert.add("p", {}, t(catalog, "not_saved"));
    alert.add("p").add("a", {{"href", "#" + view.error->form}}, t(catalog, "back_to_form"));
  }
  Node status = root.add("p", {{"id", "procedure-status"}, {"class", "status"}});
  status.text(t(catalog, "status") + " ");
  status.add("strong", {}, status_name(p.status, catalog));
  status.text(". " + t(catalog, "deadline") + " ");
  utc_time(status, p.deadline);
  status.text(". " + tf(catalog, "submitted_by", {{"who", p.submitted_by}}) + " ");
  utc_time(status, p.submitted_at);
  status.text(" " + tf(catalog, "from_version", {{"version", std::to_string(p.based_on_version)}}));
  if (!p.closed_at.empty()) {
    status.text(" " + t(catalog, "closed_on") + " ");
    utc_time(status, p.closed_at);
  }
  for (const store::Objection& objection : p.objections) objection_line(root, objection, catalog);

  Node proposal = root.add("section", {{"id", "proposal"}});
  proposal.add("h2", {}, t(catalog, "what_is_proposed"));
  proposal.add("div", {{"class", "description"}}).markup(paragraphs_html(p.description));
  if (view.draft)
    for (const Decision& decision : view.draft->decisions)
      if (decision.id.rfind("bureau-", 0) == 0)
        proposal.add("p", {{"class", "decision"}},
                     t(catalog, "decision_as_recorded") + " " + decision_line(decision, catalog.language(), catalog));

  Node diff = root.add("section", {{"id", "procedure-diff"}});
  diff.add("h2", {}, tf(catalog, "changes_against", {{"version", std::to_string(p.based_on_version)}}));
  if (view.changes.empty()) diff.add("p", {}, t(catalog, "no_changes_but_decision"));
  Node changes = diff.add("ul", {{"id", "procedure-changes"}});
  for (const std::string& change : view.changes) changes.add("li", {}, change);

  if (view.draft) write_previews(root, view.record, *view.draft, catalog);

  // The draft as the Bureau approves it: the agenda as it will be issued.
  if (view.draft) {
    Node agenda = root.add("section", {{"id", "proposed-agenda"}, {"class", "agenda-document"}});
    agenda.add("h2", {}, t(catalog, "agenda_as_proposed"));
    write_rendered_agenda(agenda, *view.draft, view.record.id, 2, catalog);
  }
  if (p.subject == store::ProcedureSubject::organization && view.draft) {
    Node organization = root.add("section", {{"id", "organization"}});
    organization.add("h2", {}, tf(catalog, "organization_as_proposed", {{"format", format_name(view.draft->format, catalog)}}));
    write_days(organization, *view.draft, catalog);
  }

  if (view.may_object) {
    const Fields fields(view.error, "objection-form", catalog);
    Node object = root.add("section", {{"id", "object"}});
    object.add("h2", {}, t(catalog, "object"));
    object.add("p", {}, t(catalog, "object_hint"));
    Node form = open_form(object, {fields.form_id(), "", fmt::format("/edit/procedures/{}/objections", p.id), ""}, view.user, 0);
    fields.summary(form, nullptr);
    fields.textarea(form, "comment", t(catalog, "why_you_object"), "", 4, {{"required", "required"}});
    submit_button(form, t(catalog, "object_button"));
  } else if (p.status == store::ProcedureStatus::open && view.user.role == store::Role::bureau) {
    root.add("p", {{"class", "hint"}}, t(catalog, "deadline_passed"));
  }
  if (view.may_withdraw && p.status == store::ProcedureStatus::open)
    button_form(root,
                {"withdraw-form", "withdraw", fmt::format("/edit/procedures/{}/withdraw", p.id),
                 tf(catalog, "confirm_withdraw", {{"n", std::to_string(p.id)}})},
                view.user, 0, {}, t(catalog, "withdraw_procedure"));
  return editor_frame(title, page, catalog);
}

std::vector<FieldConflict> field_conflicts(const nlohmann::json& details) {
  std::vector<FieldConflict> out;
  if (!details.is_object() || !details.contains("conflicts") || !details.at("conflicts").is_array()) return out;
  for (const auto& conflict : details.at("conflicts")) {
    if (!conflict.is_object()) continue;
    auto text = [&](const char* name) {
      return conflict.contains(name) && conflict.at(name).is_string() ? conflict.at(name).get<std::string>()
                                                                      : std::string();
    };
    out.push_back({text("field"), text("base"), text("yours"), text("theirs")});
  }
  return out;
}

std::string render_conflict_page(const ConflictView& view, const Catalog& catalog) {
  Markup page;
  Node root = page.root();
  const std::string back = view.meeting_id > 0 ? fmt::format("/edit/meetings/{}", view.meeting_id) : "/edit/";
  editor_bar(root, &view.user, {}, catalog);
  Node section = root.add("section", {{"id", "conflict"}, {"class", "conflict"}});
  section.add("h1", {}, t(catalog, "conflict_title"));
  section.add("p", {{"role", "alert"}},
              tf(catalog, "conflict_not_saved", {{"yours", std::to_string(view.based_on_version)},
                                                 {"now", std::to_string(view.current_version)}}));
  if (!view.message.empty()) section.add("p", {{"class", "error-message"}}, view.message);

  if (!view.conflicts.empty()) {
    section.add("h2", {}, t(catalog, "conflict_fields"));
    Node table = section.add("table", {{"id", "conflicts"}, {"class", "conflicts"}});
    Node head = table.add("thead").add("tr");
    for (const char* key : {"field_label", "theirs", "yours"}) head.add("th", {{"scope", "col"}}, t(catalog, key));
    Node body = table.add("tbody");
    for (const FieldConflict& conflict : view.conflicts) {
      Node row = body.add("tr");
      row.add("th", {{"scope", "row"}}).add("a", {{"href", page_fixing(conflict.field, view.meeting_id, view.meeting)}},
                                            field_in_words(conflict.field, view.meeting, catalog));
      row.add("td", {{"class", "theirs"}}).add("div", {{"class", "text"}}, conflict.theirs);
      row.add("td", {{"class", "yours"}}).add("div", {{"class", "text"}}, conflict.yours);
    }
  }
  if (!view.action.empty() && view.current_version > 0) {
    // What was typed, in a form that sends it again against the current version.
    Node form = section.add("form", {{"id", "resend"}, {"method", "post"}, {"action", view.action}});
    hidden(form, "csrf", view.user.csrf_token);
    hidden(form, "based_on_version", std::to_string(view.current_version));
    form.add("p", {{"class", "hint"}}, t(catalog, "resend_hint"));
    for (const auto& [name, value] : view.sent) {
      if (name == "csrf" || name == "based_on_version") continue;
      const std::string& field = name;  // clang 14 does not capture structured bindings
      const bool in_conflict = std::any_of(view.conflicts.begin(), view.conflicts.end(), [&](const FieldConflict& c) {
        return c.field == field || c.field.ends_with("." + field);
      });
      if (!in_conflict) {
        hidden(form, name, value);
        continue;
      }
      Node p = form.add("p", {{"class", "field"}});
      const std::string id = "resend-" + name;
      p.add("label", {{"for", id}}, tf(catalog, "your_text", {{"field", field_in_words(name, view.meeting, catalog)}}));
      std::string shown = value;
      if (!shown.empty() && shown.front() == '\n') shown.insert(0, "\n");
      Attributes attributes{{"id", id}, {"name", name}, {"rows", "6"}};
      const size_t dot = name.rfind('.');
      if (dot != std::string::npos && is_official_language(name.substr(dot + 1))) {
        const Attributes language = lang_attributes(name.substr(dot + 1));
        attributes.insert(attributes.end(), language.begin(), language.end());
      }
      p.add("textarea", attributes, shown);
    }
    submit_button(form, t(catalog, "resend"));
  }

  section.add("h2", {}, t(catalog, "changed_meanwhile"));
  if (view.changes.empty()) section.add("p", {}, t(catalog, "nothing_in_text"));
  Node changes = section.add("ul", {{"id", "conflict-changes"}});
  for (const std::string& change : view.changes) changes.add("li", {}, change);
  Node reload = section.add("p");
  reload.add("a", {{"id", "reload"}, {"href", back}}, t(catalog, "reload"));
  reload.text(" " + t(catalog, "reload_hint"));
  return editor_frame(t(catalog, "conflict_title"), page, catalog);
}

std::string render_editor_error_page(const EditorUser* user, int status, const std::string& message,
                                     const std::string& field, const Catalog& catalog) {
  const std::string key = fmt::format("web.error.{}", status);
  const std::string title = has_key(catalog, key)
                                ? catalog.text(key)
                                : catalog.format("web.error.other", {{"status", std::to_string(status)}});
  Markup page;
  Node root = page.root();
  editor_bar(root, user, {}, catalog);
  root.add("h1", {}, title);
  if (!message.empty()) root.add("p", {{"class", "error-message"}, {"role", "alert"}}, message);
  if (!field.empty()) root.add("p", {{"class", "error-field"}}, t(catalog, "field_label") + ": " + field_in_words(field, nullptr, catalog));
  root.add("p").add("a", {{"href", "/edit/"}}, t(catalog, "all_meetings"));
  return editor_frame(title, page, catalog);
}

}  // namespace plenary::web
