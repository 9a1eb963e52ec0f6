// The edits of the marks annotations call: decisions, cited with
// {{decision:id}}, and footnotes, called with [^id] (edit.h).
#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "edit/edit.h"
#include "edit/rules.h"

namespace plenary::edit {

using namespace detail;

namespace {

bool calls(const std::vector<Inline>& inlines, InlineKind kind, const std::string& id) {
  return std::any_of(inlines.begin(), inlines.end(), [&](const Inline& in) {
    return (in.kind == kind && in.target == id) || calls(in.children, kind, id);
  });
}

// "English", "English and French", "Arabic, English and French".
std::string language_list(const std::vector<std::string>& langs) {
  std::string out;
  for (size_t k = 0; k < langs.size(); ++k) {
    if (k > 0) out += k + 1 == langs.size() ? " and " : ", ";
    out += language_name(langs[k]);
  }
  return out;
}

// " in English and French" when `text` calls the mark in those languages, else "".
std::string calling_languages(const LangRichText& text, InlineKind kind, const std::string& id) {
  std::vector<std::string> langs;
  for (const char* lang : kOfficialLanguages) {  // in UN order
    auto found = text.find(lang);
    if (found == text.end()) continue;
    const RichText& paragraphs = found->second;
    auto calling = [&](const Paragraph& p) { return calls(p.content, kind, id); };
    if (std::any_of(paragraphs.begin(), paragraphs.end(), calling)) langs.push_back(lang);
  }
  return langs.empty() ? "" : " in " + language_list(langs);
}

// Where the meeting calls the mark, as the editor finds it: "the annotation of
// item 1 (a) in English and French", "footnote 'covid' in English", "the
// title of the organization of work".
std::vector<std::string> places_calling(const Meeting& meeting, InlineKind kind, const std::string& id) {
  std::vector<std::string> places;
  for (const auto& [key, item] : all_items(meeting))
    if (auto langs = calling_languages(item->annotation, kind, id); !langs.empty())
      places.push_back(fmt::format("the annotation of item {}{}", key, langs));
  for (const Footnote& footnote : meeting.footnotes)
    if (auto langs = calling_languages(footnote.text, kind, id); !langs.empty())
      places.push_back(fmt::format("footnote '{}'{}", footnote.id, langs));
  if (kind == InlineKind::footnote_ref && meeting.organization.footnote == id)
    places.push_back("the title of the organization of work");
  return places;
}

// Refuses to remove a decision or footnote that is still called, naming
// each place that calls it.
void require_uncalled(const Meeting& meeting, InlineKind kind, const std::string& id) {
  const std::vector<std::string> places = places_calling(meeting, kind, id);
  if (places.empty()) return;
  const bool decision = kind == InlineKind::decision_ref;
  throw EditError("id", fmt::format("{} '{}' is {} in {}; remove the {}{} first", decision ? "decision" : "footnote",
                                    id, decision ? "cited" : "called", fmt::join(places, "; "),
                                    decision ? "citation" : "call", places.size() == 1 ? "" : "s"));
}

void retarget(std::vector<Inline>& inlines, InlineKind kind, const std::string& from, const std::string& to) {
  for (Inline& in : inlines) {
    if (in.kind == kind && in.target == from) in.target = to;
    retarget(in.children, kind, from, to);
  }
}

void retarget(LangRichText& text, InlineKind kind, const std::string& from, const std::string& to) {
  for (auto& [lang, paragraphs] : text)
    for (Paragraph& paragraph : paragraphs) retarget(paragraph.content, kind, from, to);
}

// Every call of mark `from` in annotations and footnotes now calls `to`.
void retarget_everywhere(Meeting& meeting, InlineKind kind, const std::string& from, const std::string& to) {
  for_each_item(meeting, [&](Item& item, const std::string&) { retarget(item.annotation, kind, from, to); });
  for (Footnote& footnote : meeting.footnotes) retarget(footnote.text, kind, from, to);
}

size_t decision_index(const Meeting& meeting, const std::string& id) {
  require_text(id, "id", kMaxKeyBytes);
  for (size_t i = 0; i < meeting.decisions.size(); ++i)
    if (meeting.decisions[i].id == id) return i;
  throw EditError("id", fmt::format("there is no decision '{}'; {}", shown(id), decision_ids(meeting)));
}

size_t footnote_index(const Meeting& meeting, const std::string& id) {
  require_text(id, "id", kMaxKeyBytes);
  for (size_t i = 0; i < meeting.footnotes.size(); ++i)
    if (meeting.footnotes[i].id == id) return i;
  throw EditError("id", fmt::format("there is no footnote '{}'; {}", shown(id), footnote_ids(meeting)));
}

void require_new_decision_id(const Meeting& meeting, const std::string& id, const std::string& field) {
  require_mark_id(id, field, "decision");
  if (find_decision(meeting, id)) throw EditError(field, fmt::format("decision id '{}' is already used", id));
}

void require_new_footnote_id(const Meeting& meeting, const std::string& id, const std::string& field) {
  require_mark_id(id, field, "footnote");
  if (find_footnote(meeting, id)) throw EditError(field, fmt::format("footnote id '{}' is already used", id));
}

void require_procedure(Procedure procedure, const std::string& field) {
  if (std::string_view(to_string(procedure)) == "?")
    throw EditError(field, "unknown procedure: expected meeting or silence");
}

}  // namespace

// ---- Decisions

Meeting add_decision(const Meeting& meeting, Decision decision) {
  require_new_decision_id(meeting, decision.id, "decision.id");
  require_date(decision.date, "decision.date", "the date of the decision");
  require_procedure(decision.procedure, "decision.procedure");
  decision.by = checked(meeting, decision.by, "decision.by");
  decision.approved = checked(meeting, decision.approved, "decision.approved");
  Meeting result = meeting;
  result.decisions.push_back(std::move(decision));
  return accepted(meeting, std::move(result));
}

Meeting remove_decision(const Meeting& meeting, const std::string& id) {
  const size_t index = decision_index(meeting, id);
  require_uncalled(meeting, InlineKind::decision_ref, id);
  Meeting result = meeting;
  result.decisions.erase(result.decisions.begin() + static_cast<long>(index));
  return accepted(meeting, std::move(result));
}

Meeting set_decision_by(const Meeting& meeting, const std::string& id, const std::string& lang,
                        const std::string& text) {
  const size_t index = decision_index(meeting, id);
  return with_text(meeting, fmt::format("decisions[{}].by", index), lang, text,
                   [&](Meeting& m) -> LangText& { return m.decisions[index].by; });
}

Meeting set_decision_approved(const Meeting& meeting, const std::string& id, const std::string& lang,
                              const std::string& text) {
  const size_t index = decision_index(meeting, id);
  return with_text(meeting, fmt::format("decisions[{}].approved", index), lang, text,
                   [&](Meeting& m) -> LangText& { return m.decisions[index].approved; });
}

Meeting set_decision_date(const Meeting& meeting, const std::string& id, Date date) {
  const size_t index = decision_index(meeting, id);
  require_date(date, fmt::format("decisions[{}].date", index), "the date of the decision");
  Meeting result = meeting;
  result.decisions[index].date = date;
  return accepted(meeting, std::move(result));
}

Meeting set_decision_procedure(const Meeting& meeting, const std::string& id, Procedure procedure) {
  const size_t index = decision_index(meeting, id);
  require_procedure(procedure, fmt::format("decisions[{}].procedure", index));
  Meeting result = meeting;
  result.decisions[index].procedure = procedure;
  return accepted(meeting, std::move(result));
}

Meeting rename_decision(const Meeting& meeting, const std::string& id, const std::string& new_id) {
  const size_t index = decision_index(meeting, id);
  if (new_id == id) return meeting;
  require_new_decision_id(meeting, new_id, "new_id");
  Meeting result = meeting;
  result.decisions[index].id = new_id;
  retarget_everywhere(result, InlineKind::decision_ref, id, new_id);
  return accepted(meeting, std::move(result));
}

// ---- Footnotes

Meeting add_footnote(const Meeting& meeting, const std::string& id, const LangText& markdown) {
  require_new_footnote_id(meeting, id, "footnote.id");
  Footnote footnote{id, {}};
  for (const auto& [lang, text] : markdown) {
    require_language(meeting, lang, "footnote.text");
    const std::string field = "footnote.text." + lang;
    require_text(text, field, kMaxAnnotationBytes);
    if (!blank(text)) footnote.text[lang] = parsed_markdown(meeting, text, field);
  }
  Meeting result = meeting;
  result.footnotes.push_back(std::move(footnote));
  return accepted(meeting, std::move(result));
}

Meeting set_footnote_text(const Meeting& meeting, const std::string& id, const std::string& lang,
                          const std::string& markdown) {
  const size_t index = footnote_index(meeting, id);
  require_language(meeting, lang, "lang");
  const std::string field = "footnotes." + id + "." + lang;
  require_text(markdown, field, kMaxAnnotationBytes);
  Meeting result = meeting;
  LangRichText& text = result.footnotes[index].text;
  if (blank(markdown))
    text.erase(lang);
  else
    text[lang] = parsed_markdown(meeting, markdown, field);
  return accepted(meeting, std::move(result));
}

Meeting remove_footnote(const Meeting& meeting, const std::string& id) {
  const size_t index = footnote_index(meeting, id);
  require_uncalled(meeting, InlineKind::footnote_ref, id);
  Meeting result = meeting;
  result.footnotes.erase(result.footnotes.begin() + static_cast<long>(index));
  return accepted(meeting, std::move(result));
}

Meeting rename_footnote(const Meeting& meeting, const std::string& id, const std::string& new_id) {
  const size_t index = footnote_index(meeting, id);
  if (new_id == id) return meeting;
  require_new_footnote_id(meeting, new_id, "new_id");
  Meeting result = meeting;
  result.footnotes[index].id = new_id;
  retarget_everywhere(result, InlineKind::footnote_ref, id, new_id);
  if (result.organization.footnote == id) result.organization.footnote = new_id;
  return accepted(meeting, std::move(result));
}

}  // namespace plenary::edit
