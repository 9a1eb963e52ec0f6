#include "web/editor_pages.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "format/rich_text.h"
#include "model/check.h"
#include "render/html.h"
#include "render/layout.h"
#include "text/utf8.h"
#include "web/pages.h"

// The editing pages are in English: the secretariat works in English. Their
// own strings are plain English constants here, as the catalogs have no keys
// for them yet; the page chrome (site name, error titles, format and
// language names, the timetable's headings) comes from the catalog's [web]
// table and the layout.

namespace plenary::web {

namespace {

std::string esc(std::string_view text) { return escape_html(text); }

bool has_key(const Catalog& catalog, const std::string& key) { return catalog.entries().count(key) > 0; }

std::string language_name(const std::string& lang, const Catalog& catalog) {
  const std::string key = "web.language." + lang;
  return has_key(catalog, key) ? catalog.text(key) : lang;
}

// lang and dir for an input holding text in `lang`.
std::string lang_attributes(const std::string& lang) {
  return fmt::format("lang=\"{}\" dir=\"{}\"", esc(lang), lang == "ar" ? "rtl" : "ltr");
}

std::string format_name(MeetingFormat format, const Catalog& catalog) {
  switch (format) {
    case MeetingFormat::in_person:
      return catalog.text("web.format.in_person");
    case MeetingFormat::hybrid:
      return catalog.text("web.format.hybrid");
    case MeetingFormat::online:
      return catalog.text("web.format.online");
  }
  return to_string(format);
}

constexpr MeetingFormat kFormats[] = {MeetingFormat::in_person, MeetingFormat::hybrid, MeetingFormat::online};

struct KindName {
  ItemKind kind;
  const char* name;
};
constexpr KindName kKinds[] = {
    {ItemKind::organizational, "Organizational (a heading for sub-items)"},
    {ItemKind::opening, "Opening of the meeting"},
    {ItemKind::adoption_of_agenda, "Adoption of the agenda"},
    {ItemKind::substantive, "Substantive item"},
    {ItemKind::review_mechanism, "Review mechanism"},
    {ItemKind::other_matters, "Other matters"},
    {ItemKind::adoption_of_report, "Adoption of the report"},
};

std::string subject_name(store::ProcedureSubject subject) {
  switch (subject) {
    case store::ProcedureSubject::calendar:
      return "the calendar (the meeting's dates)";
    case store::ProcedureSubject::topics:
      return "the topics (the agenda items)";
    case store::ProcedureSubject::organization:
      return "the organization of work";
  }
  return store::to_string(subject);
}

std::string status_name(store::ProcedureStatus status) {
  switch (status) {
    case store::ProcedureStatus::open:
      return "open";
    case store::ProcedureStatus::approved:
      return "approved by silence";
    case store::ProcedureStatus::objected:
      return "silence broken";
    case store::ProcedureStatus::withdrawn:
      return "withdrawn";
  }
  return store::to_string(status);
}

// "2022-06-01T10:00:00Z" as "2022-06-01 10:00 UTC" in a <time>; other text as it is.
std::string utc_time(const std::string& iso) {
  const bool plain = iso.size() == 20 && iso[10] == 'T' && iso[19] == 'Z';
  if (!plain) return esc(iso);
  return fmt::format("<time datetime=\"{}\">{} {} UTC</time>", esc(iso), esc(iso.substr(0, 10)),
                     esc(iso.substr(11, 5)));
}

// The text in English, else in the first language there is.
std::string some_text(const LangText& text) {
  if (const std::string* english = text_in(text, "en")) return *english;
  return text.empty() ? std::string() : text.begin()->second;
}

std::string role_description(const EditorUser& user) {
  std::string bodies;
  for (const std::string& body : user.bodies) bodies += (bodies.empty() ? "" : ", ") + body;
  switch (user.role) {
    case store::Role::admin:
      return "administrator";
    case store::Role::editor:
      return "editor of " + bodies;
    case store::Role::bureau:
      return "Bureau member of " + bodies;
  }
  return "";
}

// ---- Forms

std::string hidden(const std::string& name, const std::string& value) {
  return fmt::format("<input type=\"hidden\" name=\"{}\" value=\"{}\"/>\n", esc(name), esc(value));
}

// The opening of a form: method, action, id or class, the CSRF token and
// the version the change is based on (0: none).
struct FormStart {
  std::string id;
  std::string css_class;
  std::string action;
  std::string confirm;  // a question edit.js asks before sending
};

std::string open_form(const FormStart& form, const EditorUser& user, int64_t based_on_version) {
  std::string out = "<form method=\"post\" action=\"" + esc(form.action) + "\"";
  if (!form.id.empty()) out += " id=\"" + esc(form.id) + "\"";
  if (!form.css_class.empty()) out += " class=\"" + esc(form.css_class) + "\"";
  if (!form.confirm.empty()) out += " data-confirm=\"" + esc(form.confirm) + "\"";
  out += ">\n" + hidden("csrf", user.csrf_token);
  if (based_on_version > 0) out += hidden("based_on_version", std::to_string(based_on_version));
  return out;
}

std::string submit_button(const std::string& text, const std::string& css_class = "") {
  return fmt::format("<button type=\"submit\"{}>{}</button>\n",
                     css_class.empty() ? "" : " class=\"" + esc(css_class) + "\"", esc(text));
}

// A form's fields: each shows what was sent when this form was refused,
// else the current value, and is marked invalid when it is the field at fault.
class Fields {
 public:
  Fields(const std::optional<FormError>& error, std::string form_id) : form_id_(std::move(form_id)) {
    if (error && error->form == form_id_) error_ = &*error;
  }

  const std::string& form_id() const { return form_id_; }

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

  // The refusal, shown at the top of the form.
  std::string error_block() const {
    if (!error_) return "";
    std::string out = "<div class=\"field-error\">\n<p>";
    if (!error_->field.empty()) out += "<strong>" + esc(error_->field) + "</strong>: ";
    out += esc(error_->message) + "</p>\n";
    if (!error_->details.empty()) {
      out += "<ul class=\"diagnostics\">\n";
      for (const std::string& line : error_->details) out += "<li><code>" + esc(line) + "</code></li>\n";
      out += "</ul>\n";
    }
    return out + "</div>\n";
  }

  std::string id_for(const std::string& name) const {
    std::string id = form_id_ + "-" + name;
    std::replace(id.begin(), id.end(), '.', '-');
    return id;
  }

  std::string label(const std::string& name, const std::string& text) const {
    return fmt::format("<label for=\"{}\">{}</label>", esc(id_for(name)), esc(text));
  }

  // Attributes every input gets: id, name, and aria-invalid when at fault.
  std::string common(const std::string& name) const {
    return fmt::format("id=\"{}\" name=\"{}\"{}", esc(id_for(name)), esc(name),
                       invalid(name) ? " aria-invalid=\"true\" class=\"invalid\"" : "");
  }

  // <p><label/> <input/></p>. `extra`: more attributes, already escaped.
  std::string input(const std::string& name, const std::string& text, const std::string& current,
                    const std::string& type = "text", const std::string& extra = "") const {
    return fmt::format("<p class=\"field\">{} <input type=\"{}\" {} value=\"{}\"{}/></p>\n", label(name, text), type,
                       common(name), esc(value(name, current)), extra.empty() ? "" : " " + extra);
  }

  std::string textarea(const std::string& name, const std::string& text, const std::string& current, int rows,
                       const std::string& extra = "") const {
    std::string shown = value(name, current);
    // HTML drops one newline right after <textarea>: give it one to drop.
    if (!shown.empty() && shown.front() == '\n') shown.insert(0, "\n");
    return fmt::format("<p class=\"field\">{}<br/><textarea {} rows=\"{}\"{}>{}</textarea></p>\n", label(name, text),
                       common(name), rows, extra.empty() ? "" : " " + extra, esc(shown));
  }

  struct Option {
    std::string value;
    std::string text;
  };
  std::string select(const std::string& name, const std::string& text, const std::vector<Option>& options,
                     const std::string& current) const {
    const std::string chosen = value(name, current);
    std::string out = fmt::format("<p class=\"field\">{} <select {}>\n", label(name, text), common(name));
    for (const Option& option : options)
      out += fmt::format("<option value=\"{}\"{}>{}</option>\n", esc(option.value),
                         option.value == chosen ? " selected=\"selected\"" : "", esc(option.text));
    return out + "</select></p>\n";
  }

 private:
  std::string form_id_;
  const FormError* error_ = nullptr;
};

std::vector<Fields::Option> kind_options() {
  std::vector<Fields::Option> options;
  for (const KindName& kind : kKinds) options.push_back({to_string(kind.kind), kind.name});
  return options;
}

std::vector<Fields::Option> format_options(const Catalog& catalog) {
  std::vector<Fields::Option> options;
  for (MeetingFormat format : kFormats) options.push_back({to_string(format), format_name(format, catalog)});
  return options;
}

// ---- The frame

std::string editor_bar(const EditorUser* user, const std::string& trail) {
  std::string out = "<header class=\"editor-bar\">\n<nav class=\"breadcrumbs\" aria-label=\"Editing\">";
  out += "<a href=\"/edit/\">Meetings</a>" + trail + "</nav>\n";
  if (user) {
    out += fmt::format("<p class=\"account\">Logged in as <strong>{}</strong> ({})</p>\n", esc(user->name),
                       esc(role_description(*user)));
    out += "<form id=\"logout\" method=\"post\" action=\"/logout\">\n" + hidden("csrf", user->csrf_token) +
           submit_button("Log out") + "</form>\n";
  }
  return out + "</header>\n";
}

std::string meeting_trail(int64_t id, const std::string& symbol) {
  return fmt::format(" › <a href=\"/edit/meetings/{}\"><span dir=\"ltr\">{}</span></a>", id, esc(symbol));
}

std::string editor_frame(const std::string& title, const EditorUser* user, const std::string& trail,
                         const std::string& body, const Catalog& catalog) {
  std::string html = editor_bar(user, trail) + body;
  // Optional niceties; every page works without them.
  html += "<script src=\"/assets/edit.js\" defer=\"defer\"></script>\n";
  return render_page(PageFrame{catalog.language(), title, {}, std::move(html)}, catalog);
}

// The top-of-page alert for a refused form, linking to the form.
std::string form_error_alert(const std::optional<FormError>& error) {
  if (!error) return "";
  return fmt::format(
      "<div id=\"form-error\" class=\"form-error\" role=\"alert\">\n<p>The change was not saved: {}{}</p>\n"
      "<p><a href=\"#{}\">Back to the form</a></p>\n</div>\n",
      error->field.empty() ? "" : "<strong>" + esc(error->field) + "</strong>: ", esc(error->message),
      esc(error->form));
}

std::string objection_line(const store::Objection& objection) {
  return fmt::format("<p class=\"objection\"><strong>Silence broken by {} on {}:</strong> {}</p>\n", esc(objection.who),
                     utc_time(objection.at), esc(objection.comment));
}

// The organization of work as a table per day, as the public page shows it.
void write_days(const Meeting& meeting, const Catalog& catalog, std::string& out) {
  const AgendaLayout layout = lay_out_agenda(meeting, catalog);
  if (layout.days.empty()) {
    out += "<p class=\"no-plan\">No meetings are planned.</p>\n";
    return;
  }
  std::string columns = "<th scope=\"col\">" + esc(catalog.text("web.time")) + "</th>";
  for (size_t c = 1; c < layout.annex_columns.size(); ++c)
    columns += "<th scope=\"col\">" + esc(layout.annex_columns[c]) + "</th>";
  for (const LaidOutDay& day : layout.days) {
    out += fmt::format("<table class=\"day\">\n<caption>{}</caption>\n<thead><tr>{}</tr></thead>\n<tbody>\n",
                       esc(day.heading), columns);
    for (const LaidOutSlot& slot : day.slots) {
      if (slot.rows.empty()) {
        out += fmt::format("<tr><th scope=\"row\">{}</th><td></td><td></td></tr>\n", esc(slot.time));
        continue;
      }
      for (size_t r = 0; r < slot.rows.size(); ++r) {
        const LaidOutRow& row = slot.rows[r];
        out += "<tr>";
        if (r == 0) out += fmt::format("<th scope=\"row\" rowspan=\"{}\">{}</th>", slot.rows.size(), esc(slot.time));
        out += fmt::format("<td class=\"item\">{}</td><td>{}", esc(row.item), esc(row.title));
        if (row.continued) out += " <span class=\"continued\">" + esc(layout.continued) + "</span>";
        out += "</td></tr>\n";
      }
    }
    out += "</tbody>\n</table>\n";
  }
}

// The agenda as the public page shows it, in the catalog's language:
// annotations rendered from their Markdown, for those who read and do not
// edit. Texts the meeting lacks in that language are gaps in place, listed
// first. `heading_offset` puts the agenda's title at h{1 + offset}.
void write_rendered_agenda(const Meeting& meeting, int heading_offset, const Catalog& catalog, std::string& out) {
  const AgendaLayout layout = lay_out_agenda(meeting, catalog);
  if (!layout.missing.empty()) {
    out += fmt::format("<div class=\"missing-texts\">\n<p>Not yet in {} (marked in place):</p>\n<ul>\n",
                       esc(language_name(layout.language, catalog)));
    for (size_t i = 0; i < layout.missing.size() && i < 20; ++i)
      out += "<li><code>" + esc(layout.missing[i]) + "</code></li>\n";
    if (layout.missing.size() > 20) out += fmt::format("<li>and {} more</li>\n", layout.missing.size() - 20);
    out += "</ul>\n</div>\n";
  }
  HtmlBodyOptions options;
  options.heading_offset = heading_offset;
  options.meeting_block = false;
  options.annex = false;  // the organization of work has its own tables
  options.xhtml = true;
  out += fmt::format("<div class=\"agenda-text\" lang=\"{}\" dir=\"{}\">\n", esc(layout.language),
                     layout.right_to_left ? "rtl" : "ltr");
  out += valid_characters(render_html_body(layout, options)) + "</div>\n";
}

// ---- The meeting editor

struct ItemPlace {
  std::string key;         // "1 (b)"
  std::string parent_key;  // "1" for a sub-item
  int position = 0;        // 1-based among its siblings
  int siblings = 0;
};

void write_item_documents(const MeetingEditorView& view, const Item& item, const ItemPlace& place,
                          const Catalog& catalog, std::string& out) {
  const Meeting& meeting = *view.meeting;
  const std::string slug = item_slug(place.key);
  const std::string base = fmt::format("/edit/meetings/{}", view.record.id);
  out += "<div class=\"item-documents\">\n<h4>Documents</h4>\n";
  if (item.documents.empty()) {
    out += item.no_documents ? "<p>No documents are planned.</p>\n" : "<p>No documents listed.</p>\n";
  } else {
    out += "<ul class=\"documents\">\n";
    for (const std::string& symbol : item.documents) {
      out += fmt::format("<li><span class=\"symbol\" dir=\"ltr\">{}</span>", esc(symbol));
      if (const Document* document = find_document(meeting, symbol); document && !document->title.empty())
        out += " — " + esc(some_text(document->title));
      out += "\n" + open_form({"", "remove-document inline", base + "/documents/remove",
                               "Remove document " + symbol + " from the meeting?"},
                              view.user, view.record.version);
      out += hidden("symbol", symbol) + submit_button("Remove document", "remove") + "</form>\n</li>\n";
    }
    out += "</ul>\n";
  }
  const Fields fields(view.error, "add-document-" + slug);
  const bool open = view.error && view.error->form == fields.form_id();
  out += fmt::format("<details{}>\n<summary>Add a document to item {}</summary>\n", open ? " open=\"open\"" : "",
                     esc(place.key));
  out += open_form({fields.form_id(), "add-document", base + "/documents", ""}, view.user, view.record.version);
  out += fields.error_block() + hidden("item", place.key);
  out += fields.input("symbol", "Symbol", "", "text", "dir=\"ltr\" required=\"required\"");
  for (const std::string& lang : meeting.languages)
    out += fields.input("title." + lang, "Title — " + language_name(lang, catalog), "", "text", lang_attributes(lang));
  out += submit_button("Add document") + "</form>\n</details>\n</div>\n";
}

// An item as editors see it: its forms, its documents, its sub-items.
// (Bureau members read the rendered agenda instead.)
void write_item(const MeetingEditorView& view, const Item& item, const ItemPlace& place, const Catalog& catalog,
                std::string& out) {
  const Meeting& meeting = *view.meeting;
  const std::string slug = item_slug(place.key);
  const std::string base = fmt::format("/edit/meetings/{}/items/{}", view.record.id, slug);
  out += fmt::format("<li id=\"item-section-{}\" class=\"item\">\n<h3>{}. {}</h3>\n", esc(slug), esc(place.key),
                     esc(some_text(item.title)));
  const Fields fields(view.error, "item-" + slug);
  out += open_form({fields.form_id(), "item-editor", base, ""}, view.user, view.record.version);
  out += fields.error_block();
  out += "<fieldset class=\"titles\">\n<legend>Title</legend>\n";
  for (const std::string& lang : meeting.languages) {
    const std::string* title = text_in(item.title, lang);
    out += fields.input("title." + lang, language_name(lang, catalog), title ? *title : "", "text",
                        lang_attributes(lang));
  }
  out += "</fieldset>\n";
  out += fields.select("kind", "Kind", kind_options(), to_string(item.kind));
  if (item.subitems.empty())
    out += fields.input("minutes", "Minutes (estimate for planning; empty: by its kind)",
                        item.minutes ? std::to_string(*item.minutes) : "", "number", "min=\"1\"");
  else
    out += "<p class=\"hint\">The estimate is set on the sub-items.</p>\n";
  out +=
      "<fieldset class=\"annotations\">\n<legend>Annotation (Markdown: *emphasis*, **strong**, "
      "[link](https://...), [^footnote], {{decision:id}}, {{opening}})</legend>\n";
  for (const std::string& lang : meeting.languages) {
    auto annotation = item.annotation.find(lang);
    const std::string markdown = annotation == item.annotation.end() ? "" : write_rich_text(annotation->second);
    out += fields.textarea("annotation." + lang, language_name(lang, catalog), markdown, 6, lang_attributes(lang));
  }
  out += "</fieldset>\n" + submit_button("Save item") + "</form>\n";

  out += "<div class=\"item-actions\">\n";
  if (place.position > 1)
    out += open_form({"", "move-up inline", base + "/move", ""}, view.user, view.record.version) +
           hidden("position", std::to_string(place.position - 1)) + submit_button("Move up") + "</form>\n";
  if (place.position < place.siblings)
    out += open_form({"", "move-down inline", base + "/move", ""}, view.user, view.record.version) +
           hidden("position", std::to_string(place.position + 1)) + submit_button("Move down") + "</form>\n";
  out += open_form({"", "remove-item inline", base + "/remove",
                    "Remove item " + place.key + (item.subitems.empty() ? "" : " and its sub-items") + "?"},
                   view.user, view.record.version) +
         submit_button("Remove item", "remove") + "</form>\n";
  out += "</div>\n";
  write_item_documents(view, item, place, catalog, out);
  if (!item.subitems.empty()) {
    out += "<ol class=\"subitems\">\n";
    const int count = static_cast<int>(item.subitems.size());
    for (int i = 0; i < count; ++i) {
      const Item& sub = item.subitems[static_cast<size_t>(i)];
      write_item(view, sub, {item_key(item.number, sub.number), place.key, i + 1, count}, catalog, out);
    }
    out += "</ol>\n";
  }
  out += "</li>\n";
}

void write_status(const MeetingEditorView& view, const Catalog& catalog, std::string& out) {
  const store::MeetingSummary& record = view.record;
  out += fmt::format("<p id=\"status\" class=\"status\">Version <strong>{}</strong> · ", record.version);
  if (record.published)
    out += fmt::format("published on {} (publication {})", utc_time(record.published_at), record.calendar_sequence);
  else
    out += "<strong>not published</strong>";
  out +=
      fmt::format(" · {}</p>\n",
                  esc(catalog.format("web.format_in_force", {{"format", format_name(view.meeting->format, catalog)}})));
  if (!view.notice.empty())
    out += fmt::format("<p id=\"saved\" class=\"saved\" role=\"status\">{}</p>\n", esc(view.notice));
  out += form_error_alert(view.error);
  // The Bureau's last word stands out: the newest procedure's objections.
  if (!view.procedures.empty() && !view.procedures.front().objections.empty()) {
    const store::SilenceProcedure& latest = view.procedures.front();
    out += "<div id=\"silence-broken\" class=\"silence-broken\" role=\"alert\">\n";
    for (const store::Objection& objection : latest.objections) out += objection_line(objection);
    out += fmt::format("<p><a href=\"/edit/procedures/{}\">Procedure {}: {}</a></p>\n</div>\n", latest.id, latest.id,
                       esc(subject_name(latest.subject)));
  }

  out += "<nav class=\"meeting-links\" aria-label=\"This meeting\">\n<ul>\n";
  if (record.published) {
    out += "<li>Public page:";
    for (const std::string& lang : view.meeting->languages)
      out += fmt::format(" <a href=\"/{0}/meetings/{1}\" lang=\"{0}\" hreflang=\"{0}\">{2}</a>", esc(lang), record.id,
                         esc(language_name(lang, catalog)));
    out += "</li>\n";
  }
  out += fmt::format("<li><a href=\"/edit/meetings/{}/audit\">Audit log</a></li>\n", record.id);
  if (view.may_edit) {
    for (const auto& [anchor, text] :
         std::vector<std::pair<const char*, const char*>>{{"items", "Items"},
                                                          {"add-item", "Add an item"},
                                                          {"format", "Format"},
                                                          {"publish", "Publish"},
                                                          {"bureau", "Submit to the Bureau"},
                                                          {"procedures", "Silence procedures"},
                                                          {"meeting-data", "Meeting data"},
                                                          {"decisions", "Decisions"}})
      out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", anchor, text);
  } else {
    out += "<li><a href=\"#agenda\">Agenda</a></li>\n<li><a href=\"#procedures\">Silence procedures</a></li>\n";
  }
  out += "</ul>\n</nav>\n";
}

void write_meeting_form(const MeetingEditorView& view, const Catalog& catalog, std::string& out) {
  const Meeting& meeting = *view.meeting;
  const Fields fields(view.error, "meeting-form");
  out += "<section id=\"meeting-data\">\n<h2>Meeting data</h2>\n";
  out += open_form({fields.form_id(), "", fmt::format("/edit/meetings/{}/meeting", view.record.id), ""}, view.user,
                   view.record.version);
  out += fields.error_block();
  for (const std::string& lang : meeting.languages) {
    out += fmt::format("<fieldset class=\"language\">\n<legend {}>{}</legend>\n", lang_attributes(lang),
                       esc(language_name(lang, catalog)));
    auto current = [&](const LangText& text) {
      const std::string* found = text_in(text, lang);
      return found ? *found : std::string();
    };
    out += fields.input("title." + lang, "Title of the meeting (optional)", current(meeting.title), "text",
                        lang_attributes(lang));
    out += fields.input("city." + lang, "City", current(meeting.city), "text", lang_attributes(lang));
    out += fields.input("venue." + lang, "Venue", current(meeting.venue), "text", lang_attributes(lang));
    out += "</fieldset>\n";
  }
  out += fields.input("start", "First day", to_iso(meeting.start), "date", "required=\"required\"");
  out += fields.input("end", "Last day", to_iso(meeting.end), "date", "required=\"required\"");
  out +=
      "<p class=\"hint\">Changing the dates moves the organization of work by as many days; "
      "preview the format again if meetings fall outside the new dates.</p>\n";
  out += submit_button("Save meeting data") + "</form>\n</section>\n";
}

void write_add_item(const MeetingEditorView& view, const Catalog& catalog, std::string& out) {
  const Meeting& meeting = *view.meeting;
  const Fields fields(view.error, "add-item-form");
  out += "<section id=\"add-item\">\n<h2>Add an item</h2>\n";
  out += open_form({fields.form_id(), "", fmt::format("/edit/meetings/{}/items", view.record.id), ""}, view.user,
                   view.record.version);
  out += fields.error_block();
  for (const std::string& lang : meeting.languages)
    out += fields.input("title." + lang, "Title — " + language_name(lang, catalog), "", "text", lang_attributes(lang));
  out += fields.select("kind", "Kind", kind_options(), to_string(ItemKind::substantive));
  std::vector<Fields::Option> parents{{"", "Top level"}};
  for (const Item& item : meeting.items)
    parents.push_back({item_key(item.number), "Sub-item of " + item_key(item.number) + ". " + some_text(item.title)});
  out += fields.select("parent", "Where", parents, "");
  out += fields.input("position", "Position (empty: at the end)", "", "number", "min=\"1\"");
  out += submit_button("Add item") + "</form>\n</section>\n";
}

void write_decisions(const MeetingEditorView& view, const Catalog& catalog, std::string& out) {
  const Meeting& meeting = *view.meeting;
  const std::string base = fmt::format("/edit/meetings/{}/decisions", view.record.id);
  out += "<section id=\"decisions-section\">\n<h2 id=\"decisions-heading\">Decisions</h2>\n";
  if (meeting.decisions.empty()) out += "<p>No decisions are recorded.</p>\n";
  out += "<ul id=\"decisions\" class=\"decisions\">\n";
  for (const Decision& decision : meeting.decisions) {
    out +=
        fmt::format("<li><code>{}</code> {} ({}): {} — {}\n", esc(decision.id), esc(to_iso(decision.date)),
                    esc(to_string(decision.procedure)), esc(some_text(decision.by)), esc(some_text(decision.approved)));
    if (view.may_edit)
      out += open_form({"", "remove-decision inline", base + "/" + decision.id + "/remove",
                        "Remove decision " + decision.id + "?"},
                       view.user, view.record.version) +
             submit_button("Remove decision", "remove") + "</form>\n";
    out += "</li>\n";
  }
  out += "</ul>\n";
  if (view.may_edit) {
    const Fields fields(view.error, "add-decision-form");
    const bool open = view.error && view.error->form == fields.form_id();
    out += fmt::format("<details{}>\n<summary>Add a decision</summary>\n", open ? " open=\"open\"" : "");
    out += open_form({fields.form_id(), "", base, ""}, view.user, view.record.version) + fields.error_block();
    out += fields.input("id", "Id (letters, digits, - and _; annotations cite it as {{decision:id}})", "", "text",
                        "dir=\"ltr\" required=\"required\"");
    out += fields.input("date", "Date", "", "date", "required=\"required\"");
    out += fields.select("procedure", "Procedure", {{"silence", "silence procedure"}, {"meeting", "at a meeting"}},
                         "silence");
    for (const std::string& lang : meeting.languages) {
      out += fields.input("by." + lang, "By — " + language_name(lang, catalog), "", "text", lang_attributes(lang));
      out += fields.input("approved." + lang, "Approved — " + language_name(lang, catalog), "", "text",
                          lang_attributes(lang));
    }
    out += submit_button("Add decision") + "</form>\n</details>\n";
  }
  out += "</section>\n";
}

void write_format_form(const MeetingEditorView& view, const Catalog& catalog, std::string& out) {
  const Fields fields(view.error, "format-form");
  out += "<section id=\"format\">\n<h2>Format</h2>\n";
  out += "<p>Choose a format to see the organization of work planned for it, and what moves, before saving.</p>\n";
  out += open_form({fields.form_id(), "", fmt::format("/edit/meetings/{}/plan", view.record.id), ""}, view.user,
                   view.record.version);
  out += fields.error_block();
  out += fields.select("format", "Format", format_options(catalog), to_string(view.meeting->format));
  out += submit_button("Preview") + "</form>\n</section>\n";
}

void write_publish_form(const MeetingEditorView& view, const Catalog& catalog, std::string& out) {
  const Meeting& meeting = *view.meeting;
  const Fields fields(view.error, "publish-form");
  out += "<section id=\"publish\">\n<h2>Publish</h2>\n";
  std::vector<const Finding*> blocking;
  const std::vector<Finding> findings = check_meeting(meeting, CheckOptions{true});
  for (const Finding& finding : findings)
    if (finding.severity == Severity::error) blocking.push_back(&finding);
  if (!blocking.empty()) {
    out +=
        "<div class=\"final-check\">\n<p>The meeting cannot be published until these are fixed "
        "(<code>plenary check --final</code>):</p>\n<ul>\n";
    for (size_t i = 0; i < blocking.size() && i < 20; ++i)
      out += fmt::format("<li><code>{}</code>: {}</li>\n", esc(blocking[i]->path), esc(blocking[i]->message));
    if (blocking.size() > 20) out += fmt::format("<li>and {} more</li>\n", blocking.size() - 20);
    out += "</ul>\n</div>\n";
  }
  out += open_form({fields.form_id(), "", fmt::format("/edit/meetings/{}/publish", view.record.id), ""}, view.user,
                   view.record.version);
  out += fields.error_block();
  out +=
      "<p class=\"hint\">An update notice is optional: it tells the public what changed, in each language. "
      "Leave a language empty for no notice in it.</p>\n";
  for (const std::string& lang : meeting.languages)
    out += fields.textarea("notice." + lang, "Update notice — " + language_name(lang, catalog), "", 3,
                           lang_attributes(lang));
  out += submit_button("Publish") + "</form>\n</section>\n";
}

void write_bureau_form(const MeetingEditorView& view, const Catalog& catalog, std::string& out) {
  const Meeting& meeting = *view.meeting;
  const Fields fields(view.error, "procedure-form");
  out += "<section id=\"bureau\">\n<h2>Submit to the Bureau (silence procedure)</h2>\n";
  out +=
      "<p>The Bureau is sent the meeting as it is now. Silence until the deadline approves it; "
      "one objection stops it.</p>\n";
  out += open_form({fields.form_id(), "", fmt::format("/edit/meetings/{}/procedures", view.record.id), ""}, view.user,
                   view.record.version);
  out += fields.error_block();
  out += fields.select("subject", "What is to be approved",
                       {{"organization", subject_name(store::ProcedureSubject::organization)},
                        {"calendar", subject_name(store::ProcedureSubject::calendar)},
                        {"topics", subject_name(store::ProcedureSubject::topics)}},
                       "organization");
  out += fields.textarea("description", "What is proposed, for the Bureau", "", 4, "required=\"required\"");
  out += fields.input("deadline", "Deadline (UTC: the time is read as Coordinated Universal Time, not local time)", "",
                      "datetime-local", "required=\"required\"");
  // By default the Bureau that decided last by silence decides again.
  LangText by;
  for (const Decision& decision : meeting.decisions)
    if (decision.procedure == Procedure::silence) by = decision.by;
  for (const std::string& lang : meeting.languages) {
    out += fmt::format("<fieldset class=\"language\">\n<legend {}>{}</legend>\n", lang_attributes(lang),
                       esc(language_name(lang, catalog)));
    const std::string* who = text_in(by, lang);
    out += fields.input("by." + lang, "Approved by", who ? *who : "", "text", lang_attributes(lang));
    out += fields.textarea("approved." + lang, "What is approved (as the decision will say it)", "", 2,
                           lang_attributes(lang));
    out += "</fieldset>\n";
  }
  std::vector<Fields::Option> items{{"", "The adoption of the agenda (the default)"}};
  for (const Item& item : meeting.items) {
    items.push_back({item_key(item.number), item_key(item.number) + ". " + some_text(item.title)});
    for (const Item& sub : item.subitems)
      items.push_back(
          {item_key(item.number, sub.number), item_key(item.number, sub.number) + ". " + some_text(sub.title)});
  }
  out += fields.select("item", "The item whose annotation will cite the decision", items, "");
  out += submit_button("Submit to the Bureau") + "</form>\n</section>\n";
}

void write_procedure_summary(const store::SilenceProcedure& procedure, const EditorUser& user, bool may_withdraw,
                             std::string& out) {
  out += fmt::format("<li id=\"procedure-{}\" class=\"procedure status-{}\">\n", procedure.id,
                     store::to_string(procedure.status));
  out += fmt::format(
      "<p><a href=\"/edit/procedures/{}\">Procedure {}: {}</a> — <strong>{}</strong>; deadline {}; submitted by {} "
      "on {} (version {})</p>\n",
      procedure.id, procedure.id, esc(subject_name(procedure.subject)), esc(status_name(procedure.status)),
      utc_time(procedure.deadline), esc(procedure.submitted_by), utc_time(procedure.submitted_at),
      procedure.based_on_version);
  for (const store::Objection& objection : procedure.objections) out += objection_line(objection);
  if (may_withdraw && procedure.status == store::ProcedureStatus::open)
    out += open_form({"", "withdraw inline", fmt::format("/edit/procedures/{}/withdraw", procedure.id),
                      "Withdraw procedure " + std::to_string(procedure.id) + "?"},
                     user, 0) +
           submit_button("Withdraw") + "</form>\n";
  out += "</li>\n";
}

void write_procedures(const MeetingEditorView& view, std::string& out) {
  out += "<section id=\"procedures\">\n<h2>Silence procedures</h2>\n";
  if (view.procedures.empty()) {
    out += "<p>None yet.</p>\n";
  } else {
    out += "<ul class=\"procedures\">\n";
    for (const store::SilenceProcedure& procedure : view.procedures)
      write_procedure_summary(procedure, view.user, view.may_edit, out);
    out += "</ul>\n";
  }
  out += "</section>\n";
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
  std::string body = "<h1>" + esc(title) + "</h1>\n";
  if (!view.message.empty()) body += "<p class=\"error\" role=\"alert\">" + esc(view.message) + "</p>\n";
  body += "<form method=\"post\" action=\"/login\" class=\"login\">\n" + hidden("csrf", view.csrf_token);
  if (!view.next.empty()) body += hidden("next", view.next);
  body += fmt::format(
      "<p><label for=\"name\">Name</label> <input id=\"name\" name=\"name\" autocomplete=\"username\" "
      "required=\"required\" value=\"{}\"/></p>\n"
      "<p><label for=\"password\">Password</label> <input id=\"password\" name=\"password\" type=\"password\" "
      "autocomplete=\"current-password\" required=\"required\"/></p>\n",
      esc(view.name));
  body += "<p>" + submit_button("Log in") + "</p>\n</form>\n";
  return render_page(PageFrame{catalog.language(), title, {}, std::move(body)}, catalog);
}

std::string render_dashboard(const DashboardView& view, const Catalog& catalog) {
  std::string body = "<h1>Meetings</h1>\n" + form_error_alert(view.error);
  if (!view.open_procedures.empty()) {
    body += "<section id=\"open-procedures\">\n<h2>Open silence procedures</h2>\n<ul class=\"procedures\">\n";
    for (const DashboardProcedure& entry : view.open_procedures)
      body += fmt::format(
          "<li><a href=\"/edit/procedures/{}\"><span dir=\"ltr\">{}</span>: {}</a> — deadline {}<br/>{}</li>\n",
          entry.procedure.id, esc(entry.meeting_symbol), esc(subject_name(entry.procedure.subject)),
          utc_time(entry.procedure.deadline), esc(entry.procedure.description));
    body += "</ul>\n</section>\n";
  }
  if (view.meetings.empty()) body += "<p class=\"no-meetings\">There are no meetings of your bodies yet.</p>\n";
  std::string body_name;
  for (size_t i = 0; i < view.meetings.size(); ++i) {
    const DashboardMeeting& entry = view.meetings[i];
    const store::MeetingSummary& m = entry.summary;
    if (i == 0 || m.body != body_name) {
      if (i > 0) body += "</tbody>\n</table>\n</section>\n";
      body_name = m.body;
      body += fmt::format(
          "<section class=\"body-meetings\">\n<h2 dir=\"ltr\">{}</h2>\n<table class=\"meetings\">\n<thead><tr>"
          "<th scope=\"col\">Agenda symbol</th><th scope=\"col\">Version</th><th scope=\"col\">Published</th>"
          "<th scope=\"col\">Open procedures</th></tr></thead>\n<tbody>\n",
          esc(m.body));
    }
    body += fmt::format(
        "<tr id=\"meeting-{}\"><th scope=\"row\"><a href=\"/edit/meetings/{}\"><span dir=\"ltr\">{}</span></a></th>"
        "<td>{}</td><td>{}</td><td>{}</td></tr>\n",
        m.id, m.id, esc(m.symbol), m.version,
        m.published ? fmt::format("{} (publication {})", utc_time(m.published_at), m.calendar_sequence)
                    : std::string("not published"),
        entry.open_procedures);
  }
  if (!view.meetings.empty()) body += "</tbody>\n</table>\n</section>\n";

  const bool may_create = view.user.role == store::Role::admin || view.user.role == store::Role::editor;
  if (may_create) {
    body += "<section id=\"new-meeting\">\n<h2>New meeting</h2>\n";
    const Fields file(view.error, "new-meeting-file");
    body += "<h3>From a meeting file</h3>\n";
    body += open_form({file.form_id(), "", "/edit/meetings", ""}, view.user, 0) + file.error_block();
    body += file.textarea("meeting_file", "The meeting file (TOML), pasted whole", "", 16,
                          "required=\"required\" spellcheck=\"false\"");
    body += submit_button("Create from the file") + "</form>\n";

    std::vector<Fields::Option> previous;
    for (const DashboardMeeting& entry : view.meetings)
      if (entry.editable) previous.push_back({std::to_string(entry.summary.id), entry.summary.symbol});
    if (!previous.empty()) {
      const Fields next(view.error, "new-meeting-next");
      body += "<h3>From the previous meeting of the same body</h3>\n";
      body +=
          "<p class=\"hint\">The items, their kinds and titles carry over; annotations, documents, decisions and "
          "the organization of work start afresh.</p>\n";
      body += open_form({next.form_id(), "", "/edit/meetings", ""}, view.user, 0) + next.error_block();
      body += next.select("from_meeting", "Previous meeting", previous, previous.back().value);
      body += next.input("symbol", "Agenda symbol of the new meeting", "", "text", "dir=\"ltr\" required=\"required\"");
      body += next.input("start", "First day", "", "date", "required=\"required\"");
      body += next.input("end", "Last day", "", "date", "required=\"required\"");
      body += submit_button("Create the next meeting") + "</form>\n";
    }
    body += "</section>\n";
  }
  return editor_frame("Meetings", &view.user, "", body, catalog);
}

std::string render_meeting_editor(const MeetingEditorView& view, const Catalog& catalog) {
  if (!view.meeting) throw std::invalid_argument("render_meeting_editor: no meeting");
  const Meeting& meeting = *view.meeting;
  std::string body = fmt::format("<h1><span dir=\"ltr\">{}</span> <span class=\"body-name\">{}</span></h1>\n",
                                 esc(view.record.symbol), esc(some_text(meeting.body.name)));
  write_status(view, catalog, body);

  if (view.may_edit) {
    body += "<section id=\"items\">\n<h2>Items</h2>\n<ol class=\"items\">\n";
    const int count = static_cast<int>(meeting.items.size());
    for (int i = 0; i < count; ++i) {
      const Item& item = meeting.items[static_cast<size_t>(i)];
      write_item(view, item, {item_key(item.number), "", i + 1, count}, catalog, body);
    }
    body += "</ol>\n</section>\n";
  } else {
    // Whoever cannot edit reads the agenda as it will be issued, not its Markdown.
    body += fmt::format(
        "<section id=\"agenda\" class=\"agenda-document\">\n<p class=\"hint\">The working draft (version {}) "
        "as it will read when published.</p>\n",
        view.record.version);
    write_rendered_agenda(meeting, 1, catalog, body);
    body += "</section>\n";
  }

  // What the secretariat does most comes first: the items, then the format,
  // publication and the Bureau; the meeting's own data last.
  if (view.may_edit) {
    write_add_item(view, catalog, body);
    write_format_form(view, catalog, body);
    write_publish_form(view, catalog, body);
    write_bureau_form(view, catalog, body);
  }
  write_procedures(view, body);
  if (view.may_edit) write_meeting_form(view, catalog, body);
  write_decisions(view, catalog, body);
  return editor_frame(view.record.symbol, &view.user, meeting_trail(view.record.id, view.record.symbol), body, catalog);
}

std::string render_plan_preview(const PlanPreviewView& view, const Catalog& catalog) {
  if (!view.meeting || !view.plan) throw std::invalid_argument("render_plan_preview: no meeting or no plan");
  const planning::Plan& plan = *view.plan;
  std::string body = "<h1>Organization of work: preview</h1>\n";
  body += fmt::format(
      "<p class=\"preview-note\">Format: {} → <strong>{}</strong>, from version {}. Nothing is saved until you "
      "press “Save this organization of work”.</p>\n",
      esc(format_name(view.meeting->format, catalog)), esc(format_name(view.format, catalog)), view.record.version);
  if (!plan.ok) {
    body +=
        "<section class=\"problems\" role=\"alert\">\n<h2>No organization of work fits</h2>\n"
        "<ul id=\"plan-problems\">\n";
    for (const std::string& problem : plan.problems) body += "<li>" + esc(problem) + "</li>\n";
    body += "</ul>\n</section>\n";
  } else {
    body += "<section id=\"changes\">\n<h2>What changes</h2>\n";
    if (!view.record.published)
      body += "<p>The meeting is not published yet: there is no organization of work to compare with.</p>\n";
    else if (plan.changes.empty())
      body += "<p>No item moves from where the published organization of work has it.</p>\n";
    body += "<ul id=\"plan-changes\">\n";
    for (const planning::PlanChange& change : plan.changes) body += "<li>" + esc(change.text) + "</li>\n";
    body += "</ul>\n";
    if (!plan.shrunk.empty()) {
      body += "<h3>About the durations</h3>\n<ul id=\"plan-shrunk\">\n";
      for (const std::string& line : plan.shrunk) body += "<li>" + esc(line) + "</li>\n";
      body += "</ul>\n";
    }
    body += "</section>\n";
    Meeting planned = *view.meeting;
    planned.format = view.format;
    planned.organization = plan.organization;
    mark_continuations(planned.organization);
    body += fmt::format("<section id=\"organization\">\n<h2>{} ({})</h2>\n",
                        esc(catalog.text("web.organization_of_work")), esc(format_name(view.format, catalog)));
    write_days(planned, catalog, body);
    if (!plan.explanations.empty()) {
      body += "<details>\n<summary>Why each item sits where it does</summary>\n<ul class=\"explanations\">\n";
      for (const std::string& line : plan.explanations) body += "<li>" + esc(line) + "</li>\n";
      body += "</ul>\n</details>\n";
    }
    body += "</section>\n";
    body += open_form({"save-plan", "", fmt::format("/edit/meetings/{}/format", view.record.id), ""}, view.user,
                      view.record.version);
    body += hidden("format", to_string(view.format)) + submit_button("Save this organization of work") + "</form>\n";
  }
  body += fmt::format("<p><a href=\"/edit/meetings/{}#format\">Back to the meeting, saving nothing</a></p>\n",
                      view.record.id);
  return editor_frame("Organization of work: preview", &view.user, meeting_trail(view.record.id, view.record.symbol),
                      body, catalog);
}

std::string render_audit_page(const AuditView& view, const Catalog& catalog) {
  std::string body = fmt::format("<h1>Audit log of <span dir=\"ltr\">{}</span></h1>\n", esc(view.record.symbol));
  body +=
      "<table id=\"audit\" class=\"audit\">\n<thead><tr><th scope=\"col\">Version</th><th scope=\"col\">When</th>"
      "<th scope=\"col\">Who</th><th scope=\"col\">Action</th><th scope=\"col\">Changes</th></tr></thead>\n"
      "<tbody>\n";
  for (const AuditRow& row : view.rows) {
    body += fmt::format("<tr id=\"audit-{}\"><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>",
                        row.entry.version, row.entry.version, utc_time(row.entry.at), esc(row.entry.who),
                        esc(row.entry.action));
    if (row.changes.empty()) {
      body += row.entry.action == "create" ? "created" : "no change to the text";
    } else {
      body += "<ul>\n";
      for (const std::string& change : row.changes) body += "<li>" + esc(change) + "</li>\n";
      body += "</ul>";
    }
    body += "</td></tr>\n";
  }
  body += "</tbody>\n</table>\n";
  return editor_frame("Audit log", &view.user, meeting_trail(view.record.id, view.record.symbol), body, catalog);
}

std::string render_procedure_page(const ProcedureView& view, const Catalog& catalog) {
  const store::SilenceProcedure& p = view.procedure;
  std::string body = fmt::format("<h1>Silence procedure {}: {}</h1>\n", p.id, esc(subject_name(p.subject)));
  body += form_error_alert(view.error);
  body += fmt::format("<p>Meeting <a href=\"/edit/meetings/{}\"><span dir=\"ltr\">{}</span></a></p>\n", view.record.id,
                      esc(view.record.symbol));
  body += fmt::format(
      "<p id=\"procedure-status\" class=\"status\">Status: <strong>{}</strong>. Deadline: {}. Submitted by {} on {}, "
      "from version {}.{}</p>\n",
      esc(status_name(p.status)), utc_time(p.deadline), esc(p.submitted_by), utc_time(p.submitted_at),
      p.based_on_version, p.closed_at.empty() ? "" : " Closed on " + utc_time(p.closed_at) + ".");
  for (const store::Objection& objection : p.objections) body += objection_line(objection);

  body += "<section id=\"proposal\">\n<h2>What is proposed</h2>\n<div class=\"description\">" +
          paragraphs_html(p.description) + "</div>\n";
  if (view.draft)
    for (const Decision& decision : view.draft->decisions)
      if (decision.id.rfind("bureau-", 0) == 0)
        body += "<p class=\"decision\">The decision as it will be recorded: " +
                esc(decision_sentence(decision, some_text(decision.by), some_text(decision.approved), catalog)) +
                "</p>\n";
  body += "</section>\n";

  body += fmt::format("<section id=\"procedure-diff\">\n<h2>Changes against version {}</h2>\n", p.based_on_version);
  if (view.changes.empty()) body += "<p>None besides the decision.</p>\n";
  body += "<ul id=\"procedure-changes\">\n";
  for (const std::string& change : view.changes) body += "<li>" + esc(change) + "</li>\n";
  body += "</ul>\n</section>\n";

  // The draft as the Bureau approves it: the agenda as it will be issued.
  if (view.draft) {
    body += "<section id=\"proposed-agenda\" class=\"agenda-document\">\n<h2>The agenda, as proposed</h2>\n";
    write_rendered_agenda(*view.draft, 2, catalog, body);
    body += "</section>\n";
  }

  if (p.subject == store::ProcedureSubject::organization && view.draft) {
    body += fmt::format("<section id=\"organization\">\n<h2>{}, as proposed ({})</h2>\n",
                        esc(catalog.text("web.organization_of_work")), esc(format_name(view.draft->format, catalog)));
    write_days(*view.draft, catalog, body);
    body += "</section>\n";
  }

  if (view.may_object) {
    const Fields fields(view.error, "objection-form");
    body +=
        "<section id=\"object\">\n<h2>Object</h2>\n<p>An objection breaks the silence: the procedure stops, and "
        "the secretariat sees your comment.</p>\n";
    body += open_form({fields.form_id(), "", fmt::format("/edit/procedures/{}/objections", p.id), ""}, view.user, 0);
    body += fields.error_block();
    body += fields.textarea("comment", "Why you object", "", 4, "required=\"required\"");
    body += submit_button("Object (break the silence)") + "</form>\n</section>\n";
  } else if (p.status == store::ProcedureStatus::open && view.user.role == store::Role::bureau) {
    body += "<p class=\"hint\">The deadline has passed: objections are no longer possible.</p>\n";
  }
  if (view.may_withdraw && p.status == store::ProcedureStatus::open)
    body += open_form({"withdraw-form", "withdraw", fmt::format("/edit/procedures/{}/withdraw", p.id),
                       "Withdraw procedure " + std::to_string(p.id) + "?"},
                      view.user, 0) +
            submit_button("Withdraw the procedure") + "</form>\n";
  return editor_frame(fmt::format("Silence procedure {}", p.id), &view.user,
                      meeting_trail(view.record.id, view.record.symbol), body, catalog);
}

std::string render_conflict_page(const ConflictView& view, const Catalog& catalog) {
  std::string body =
      "<section id=\"conflict\" class=\"conflict\">\n"
      "<h1>The meeting changed since you opened it</h1>\n";
  body += fmt::format(
      "<p role=\"alert\">Your change was <strong>not saved</strong>: you edited version {}, and the meeting is now at "
      "version {}.</p>\n",
      view.based_on_version, view.current_version);
  if (!view.message.empty()) body += "<p class=\"error-message\">" + esc(view.message) + "</p>\n";
  body += "<h2>What changed meanwhile</h2>\n";
  if (view.changes.empty()) body += "<p>Nothing in the text (a publication, or a change made and undone).</p>\n";
  body += "<ul id=\"conflict-changes\">\n";
  for (const std::string& change : view.changes) body += "<li>" + esc(change) + "</li>\n";
  body += "</ul>\n";
  body += fmt::format(
      "<p><a id=\"reload\" href=\"{}\">Reload the meeting</a> and make your change again.</p>\n"
      "</section>\n",
      view.meeting_id > 0 ? fmt::format("/edit/meetings/{}", view.meeting_id) : std::string("/edit/"));
  return editor_frame("Changed meanwhile", &view.user, "", body, catalog);
}

std::string render_editor_error_page(const EditorUser* user, int status, const std::string& message,
                                     const std::string& field, const Catalog& catalog) {
  const std::string key = fmt::format("web.error.{}", status);
  const std::string title = has_key(catalog, key)
                                ? catalog.text(key)
                                : catalog.format("web.error.other", {{"status", std::to_string(status)}});
  std::string body = "<h1>" + esc(title) + "</h1>\n";
  if (!message.empty()) body += "<p class=\"error-message\" role=\"alert\">" + esc(message) + "</p>\n";
  if (!field.empty()) body += "<p class=\"error-field\">Field: <code>" + esc(field) + "</code></p>\n";
  body += "<p><a href=\"/edit/\">All meetings</a></p>\n";
  return editor_frame(title, user, "", body, catalog);
}

}  // namespace plenary::web
