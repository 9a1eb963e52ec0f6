#include "web/history_pages.h"

#include <fmt/format.h>

#include <stdexcept>

#include "web/pages.h"

namespace plenary::web {

namespace {

std::string esc(std::string_view text) { return escape_html(text); }

std::string text(const Catalog& catalog, const std::string& key) { return esc(catalog.text("history." + key)); }

// The catalog's pattern with each placeholder replaced by `html` as it is.
std::string pattern_html(const Catalog& catalog, const std::string& key, const Placeholders& html) {
  return fill(esc(catalog.text("history." + key)), html);
}

// The catalog's pattern with each placeholder replaced by the text of `values`.
std::string text(const Catalog& catalog, const std::string& key, const Placeholders& values) {
  Placeholders escaped;
  for (const auto& [name, value] : values) escaped[name] = esc(value);
  return pattern_html(catalog, key, escaped);
}

std::string meeting_path(const HistoryContext& context, const std::string& rest = "") {
  return fmt::format("/edit/meetings/{}{}", context.record.id, rest);
}

std::string file_link(const HistoryContext& context, int64_t version) {
  return fmt::format("/api/v1/meetings/{}/meeting.toml?version={}", context.record.id, version);
}

std::string compare_link(const HistoryContext& context, int64_t from, int64_t to) {
  return meeting_path(context, fmt::format("/compare?from={}&to={}", from, to));
}

// lang and dir for a text in `language`; nothing for a value in no language.
std::string language_attributes(const std::string& language) {
  if (language.empty()) return "";
  return fmt::format(" lang=\"{}\" dir=\"{}\"", esc(language), language == "ar" ? "rtl" : "ltr");
}

std::string language_name(const std::string& language, const Catalog& catalog) {
  const std::string key = "language_names." + language;
  return catalog.entries().count(key) ? catalog.text(key) : language;
}

// "2022-06-01T10:00:00Z" as "2022-06-01 10:00 UTC" in a <time>; other text as it is.
std::string utc_time(const std::string& iso) {
  if (iso.size() != 20 || iso[10] != 'T' || iso[19] != 'Z') return esc(iso);
  return fmt::format("<time datetime=\"{}\">{} {} UTC</time>", esc(iso), esc(iso.substr(0, 10)),
                     esc(iso.substr(11, 5)));
}

// A text as paragraphs, or "(none)" where the value is absent.
std::string text_html(const std::string& value, const Catalog& catalog) {
  if (value.empty()) return "<em class=\"none\">" + text(catalog, "none") + "</em>";
  return paragraphs_html(value);
}

std::string hidden(const std::string& name, const std::string& value) {
  return fmt::format("<input type=\"hidden\" name=\"{}\" value=\"{}\"/>\n", esc(name), esc(value));
}

std::string editor_bar(const HistoryContext& context, const Catalog& catalog) {
  std::string out = fmt::format("<header class=\"editor-bar\">\n<nav class=\"breadcrumbs\" aria-label=\"{}\">",
                                text(catalog, "history"));
  out += fmt::format("<a href=\"/edit/\">{}</a> › <a href=\"{}\"><span dir=\"ltr\">{}</span></a> › <a href=\"{}\">{}</a>",
                     text(catalog, "meetings"), esc(meeting_path(context)), esc(context.record.symbol),
                     esc(meeting_path(context, "/history")), text(catalog, "history"));
  out += "</nav>\n";
  out += fmt::format("<p class=\"account\">{}</p>\n", text(catalog, "logged_in", {{"name", context.user_name}}));
  if (!context.csrf_token.empty())
    out += "<form id=\"logout\" method=\"post\" action=\"/logout\">\n" + hidden("csrf", context.csrf_token) +
           "<button type=\"submit\">" + text(catalog, "log_out") + "</button>\n</form>\n";
  return out + "</header>\n";
}

std::string frame(const std::string& title, const HistoryContext* context, const std::string& body,
                  const Catalog& catalog) {
  const std::string bar = context ? editor_bar(*context, catalog) : "";
  return render_page(PageFrame{catalog.language(), title, {}, bar + body}, catalog);
}

std::string symbol_html(const HistoryContext& context) {
  return "<span dir=\"ltr\">" + esc(context.record.symbol) + "</span>";
}

std::string refused_alert(const std::optional<RefusedForm>& error, const std::string& form, const Catalog& catalog) {
  if (!error || error->form != form) return "";
  std::string out = "<div id=\"form-error\" class=\"form-error\" role=\"alert\">\n<p>" +
                    text(catalog, "not_saved", {{"message", error->message}}) + "</p>\n";
  if (!error->details.empty()) {
    out += "<ul class=\"details\">\n";
    for (const std::string& line : error->details) out += "<li>" + esc(line) + "</li>\n";
    out += "</ul>\n";
  }
  return out + "</div>\n";
}

// The versions to choose from, newest first; `chosen` selected.
std::string version_options(const std::vector<int64_t>& versions, int64_t chosen) {
  std::string out;
  for (auto it = versions.rbegin(); it != versions.rend(); ++it)
    out += fmt::format("<option value=\"{}\"{}>{}</option>\n", *it, *it == chosen ? " selected=\"selected\"" : "", *it);
  return out;
}

std::string compare_form(const HistoryContext& context, const std::vector<int64_t>& versions, int64_t from, int64_t to,
                         const Catalog& catalog) {
  std::string out = fmt::format("<form id=\"compare-form\" method=\"get\" action=\"{}\">\n<h2>{}</h2>\n",
                                esc(meeting_path(context, "/compare")), text(catalog, "choose"));
  out += fmt::format("<p class=\"field\"><label for=\"compare-from\">{}</label> <select id=\"compare-from\" name=\"from\">\n{}"
                     "</select>\n",
                     text(catalog, "from"), version_options(versions, from));
  out += fmt::format("<label for=\"compare-to\">{}</label> <select id=\"compare-to\" name=\"to\">\n{}</select>\n",
                     text(catalog, "to"), version_options(versions, to));
  return out + "<button type=\"submit\">" + text(catalog, "compare") + "</button></p>\n</form>\n";
}

std::string import_form(const HistoryListView& view, const Catalog& catalog) {
  const HistoryContext& context = view.context;
  std::string out = "<section id=\"import\">\n<h2>" + text(catalog, "import_heading") + "</h2>\n";
  out += refused_alert(view.error, "import-form", catalog);
  out += "<p>" + text(catalog, "import_help") + "</p>\n";
  out += fmt::format("<form id=\"import-form\" method=\"post\" action=\"{}\">\n", esc(meeting_path(context, "/import")));
  out += hidden("csrf", context.csrf_token) + hidden("based_on_version", std::to_string(context.record.version));
  std::string sent = view.error && view.error->form == "import-form" ? view.error->meeting_file : "";
  // HTML drops one newline right after <textarea>: give it one to drop.
  if (!sent.empty() && sent.front() == '\n') sent.insert(0, "\n");
  out += fmt::format(
      "<p class=\"field\"><label for=\"meeting-file\">{}</label><br/><textarea id=\"meeting-file\" name=\"meeting_file\" "
      "rows=\"12\" dir=\"ltr\" spellcheck=\"false\"{}>{}</textarea></p>\n",
      text(catalog, "meeting_file"), view.error && view.error->form == "import-form" ? " aria-invalid=\"true\"" : "",
      esc(sent));
  return out + "<p><button type=\"submit\">" + text(catalog, "import") + "</button></p>\n</form>\n</section>\n";
}

std::string version_row(const HistoryContext& context, const workflow::VersionEntry& entry, const Catalog& catalog) {
  std::string out = fmt::format("<tr id=\"version-{}\"><th scope=\"row\"><a class=\"view\" href=\"{}\">{}</a>",
                                entry.version, esc(meeting_path(context, "/history/" + std::to_string(entry.version))),
                                entry.version);
  if (entry.version == context.record.version) out += " <span class=\"current\">(" + text(catalog, "current") + ")</span>";
  out += fmt::format("</th><td>{}</td><td>{}</td><td>{}", utc_time(entry.at), esc(entry.who), esc(entry.action));
  if (entry.published) out += " <strong class=\"published\">(" + text(catalog, "published") + ")</strong>";
  out += fmt::format("</td><td>{}</td><td>", esc(entry.summary));
  if (entry.version > 1)
    out += fmt::format("<a class=\"compare-previous\" href=\"{}\">{}</a><br/>",
                       esc(compare_link(context, entry.version - 1, entry.version)), text(catalog, "compare_previous"));
  out += fmt::format("<a class=\"meeting-file\" href=\"{}\">{}</a></td></tr>\n", esc(file_link(context, entry.version)),
                     text(catalog, "meeting_file"));
  return out;
}

// "title (French)": a value's name within its place.
std::string value_label(const edit::FieldChange& field, const Catalog& catalog) {
  std::string label = field.name;
  if (!field.language.empty())
    label += (label.empty() ? "" : " ") + ("(" + language_name(field.language, catalog) + ")");
  return label;
}

std::string section_heading(const std::string& place) { return "<h2>" + esc(place) + "</h2>\n"; }

std::string values_table(const std::vector<const edit::FieldChange*>& fields, const Catalog& catalog) {
  std::string out = "<table class=\"audit values\">\n<tbody>\n";
  for (const edit::FieldChange* field : fields)
    out += fmt::format("<tr><th scope=\"row\">{}</th><td{}>{}</td></tr>\n", esc(value_label(*field, catalog)),
                       language_attributes(field->language), text_html(field->after, catalog));
  return out + "</tbody>\n</table>\n";
}

// The version's values, a section for each part of the meeting.
std::string places_html(const std::vector<edit::FieldChange>& fields, const Catalog& catalog) {
  std::string out;
  std::vector<const edit::FieldChange*> group;
  auto flush = [&] {
    if (group.empty()) return;
    out += "<section class=\"place\">\n" + section_heading(group.front()->place) + values_table(group, catalog) +
           "</section>\n";
    group.clear();
  };
  for (const edit::FieldChange& field : fields) {
    if (!group.empty() && group.front()->place != field.place) flush();
    group.push_back(&field);
  }
  flush();
  return out;
}

std::string restore_form(const VersionPageView& view, const Catalog& catalog) {
  const HistoryContext& context = view.context;
  const int64_t version = view.version->entry.version;
  std::string out = "<section id=\"restore\">\n<h2>" + text(catalog, "restore_heading") + "</h2>\n";
  out += refused_alert(view.error, "restore-form", catalog);
  out += "<p>" + text(catalog, "restore_help", {{"version", std::to_string(version)}}) + "</p>\n";
  out += fmt::format("<form id=\"restore-form\" method=\"post\" action=\"{}\">\n", esc(meeting_path(context, "/restore")));
  out += hidden("csrf", context.csrf_token) + hidden("based_on_version", std::to_string(context.record.version)) +
         hidden("version", std::to_string(version));
  return out + "<p><button type=\"submit\">" + text(catalog, "restore", {{"version", std::to_string(version)}}) +
         "</button></p>\n</form>\n</section>\n";
}

}  // namespace

std::string render_history_page(const HistoryListView& view, const Catalog& catalog) {
  const HistoryContext& context = view.context;
  std::string body = "<h1>" + pattern_html(catalog, "title", {{"symbol", symbol_html(context)}}) + "</h1>\n";
  if (!view.notice.empty()) body += "<p id=\"notice\" class=\"notice\" role=\"status\">" + esc(view.notice) + "</p>\n";
  std::vector<int64_t> numbers;
  for (const workflow::VersionEntry& entry : view.versions) numbers.push_back(entry.version);
  if (numbers.size() > 1)
    body += compare_form(context, numbers, numbers[numbers.size() - 2], numbers.back(), catalog);
  body += fmt::format(
      "<table id=\"versions\" class=\"audit\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
      "<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\"></th></tr></thead>\n"
      "<tbody>\n",
      text(catalog, "version"), text(catalog, "when"), text(catalog, "who"), text(catalog, "action"),
      text(catalog, "what_changed"));
  for (auto it = view.versions.rbegin(); it != view.versions.rend(); ++it) body += version_row(context, *it, catalog);
  body += "</tbody>\n</table>\n";
  if (context.may_edit) body += import_form(view, catalog);
  return frame(catalog.format("history.title", {{"symbol", context.record.symbol}}), &context, body, catalog);
}

std::string render_version_page(const VersionPageView& view, const Catalog& catalog) {
  if (!view.version) throw std::invalid_argument("render_version_page needs a version");
  const HistoryContext& context = view.context;
  const workflow::VersionEntry& entry = view.version->entry;
  const std::string number = std::to_string(entry.version);
  std::string body =
      "<h1>" + pattern_html(catalog, "version_title", {{"version", number}, {"symbol", symbol_html(context)}}) +
      "</h1>\n";
  body += "<p id=\"version-made\">" +
          pattern_html(catalog, "made",
                       {{"who", esc(entry.who)}, {"when", utc_time(entry.at)}, {"action", esc(entry.action)},
                        {"summary", esc(entry.summary)}}) +
          "</p>\n";
  if (entry.published) body += "<p id=\"version-published\">" + text(catalog, "was_published") + "</p>\n";
  body += fmt::format("<p class=\"links\"><a class=\"meeting-file\" href=\"{}\">{}</a>", esc(file_link(context, entry.version)),
                      text(catalog, "download"));
  if (entry.version != context.record.version)
    body += fmt::format(" · <a class=\"compare-current\" href=\"{}\">{}</a>",
                        esc(compare_link(context, entry.version, context.record.version)), text(catalog, "compare_current"));
  body += fmt::format(" · <a href=\"{}\">{}</a></p>\n", esc(meeting_path(context, "/history")), text(catalog, "back"));
  if (context.may_edit && entry.version != context.record.version) body += restore_form(view, catalog);
  body += places_html(view.fields, catalog);
  return frame(catalog.format("history.version_title", {{"version", number}, {"symbol", context.record.symbol}}),
               &context, body, catalog);
}

std::string render_compare_page(const ComparePageView& view, const Catalog& catalog) {
  if (!view.comparison) throw std::invalid_argument("render_compare_page needs a comparison");
  const HistoryContext& context = view.context;
  const workflow::Comparison& comparison = *view.comparison;
  const std::string from = std::to_string(comparison.from);
  const std::string to = std::to_string(comparison.to);
  std::string body = "<h1>" +
                     pattern_html(catalog, "compare_title", {{"from", from}, {"to", to}, {"symbol", symbol_html(context)}}) +
                     "</h1>\n";
  std::vector<int64_t> numbers;
  for (int64_t v = 1; v <= context.record.version; ++v) numbers.push_back(v);
  body += compare_form(context, numbers, comparison.from, comparison.to, catalog);
  body += fmt::format("<p class=\"links\"><a href=\"{}\">{}</a></p>\n", esc(meeting_path(context, "/history")),
                      text(catalog, "back"));
  const std::string title =
      catalog.format("history.compare_title", {{"from", from}, {"to", to}, {"symbol", context.record.symbol}});
  if (comparison.differences.empty())
    return frame(title, &context, body + "<p id=\"same\">" + text(catalog, "same") + "</p>\n", catalog);
  body += "<h2>" + text(catalog, "what_changed") + "</h2>\n<ul id=\"compare-changes\">\n";
  for (const std::string& change : comparison.changes) body += "<li>" + esc(change) + "</li>\n";
  body += "</ul>\n<h2>" + text(catalog, "side_by_side") + "</h2>\n";
  body += fmt::format(
      "<table id=\"differences\" class=\"audit\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{} {}</th>"
      "<th scope=\"col\">{} {}</th></tr></thead>\n<tbody>\n",
      text(catalog, "value"), text(catalog, "version"), from, text(catalog, "version"), to);
  for (const workflow::Difference& difference : comparison.differences) {
    const std::string lang = language_attributes(difference.language);
    body += fmt::format(
        "<tr class=\"difference\" data-field=\"{}\"><th scope=\"row\">{}</th><td class=\"from\"{}>{}</td>"
        "<td class=\"to\"{}>{}</td></tr>\n",
        esc(difference.field), esc(difference.label), lang, text_html(difference.from, catalog), lang,
        text_html(difference.to, catalog));
  }
  body += "</tbody>\n</table>\n";
  return frame(title, &context, body, catalog);
}

std::string render_history_error_page(const HistoryErrorView& view, const Catalog& catalog) {
  const std::string key = "web.error." + std::to_string(view.status);
  const std::string title = catalog.entries().count(key)
                                ? catalog.text(key)
                                : catalog.format("web.error.other", {{"status", std::to_string(view.status)}});
  std::string body = "<h1>" + esc(title) + "</h1>\n<p class=\"error-message\">" + esc(view.message) + "</p>\n";
  if (!view.field.empty()) body += "<p class=\"error-field\"><code>" + esc(view.field) + "</code></p>\n";
  if (!view.changes.empty()) {
    body += "<section id=\"conflict\" class=\"conflict\">\n<h2>" + text(catalog, "changed_meanwhile") + "</h2>\n<p>" +
            text(catalog, "changes_since", {{"version", std::to_string(view.based_on_version)}}) +
            "</p>\n<ul id=\"conflict-changes\">\n";
    for (const std::string& change : view.changes) body += "<li>" + esc(change) + "</li>\n";
    body += "</ul>\n</section>\n";
  }
  if (view.context)
    body += fmt::format("<p><a id=\"reload\" href=\"{}\">{}</a></p>\n", esc(meeting_path(*view.context, "/history")),
                        text(catalog, "back"));
  return frame(title, view.context ? &*view.context : nullptr, body, catalog);
}

}  // namespace plenary::web
