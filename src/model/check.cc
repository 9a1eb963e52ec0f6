#include "model/check.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "symbol/symbol.h"

namespace plenary {

namespace {

// Collects findings; one small object instead of passing vectors around.
class Checker {
 public:
  Checker(const Meeting& meeting, const CheckOptions& options) : meeting_(meeting), options_(options) {}

  std::vector<Finding> run() {
    check_meeting_data();
    check_numbering();
    check_item_rules();
    check_documents();
    check_references();
    check_organization();
    check_languages();
    return std::move(findings_);
  }

 private:
  void error(std::string path, std::string message) {
    findings_.push_back({Severity::error, std::move(path), std::move(message)});
  }
  void warning(std::string path, std::string message) {
    findings_.push_back({Severity::warning, std::move(path), std::move(message)});
  }

  void check_meeting_data() {
    if (meeting_.ordinal <= 0) error("meeting.ordinal", "expected the meeting's ordinal number, 1 or more");
    const bool start_valid = check_date("meeting.start", meeting_.start, "the date the meeting starts");
    const bool end_valid = check_date("meeting.end", meeting_.end, "the date the meeting ends");
    const bool issued_valid = check_date("document.issued", meeting_.document.issued, "the date the agenda is issued");
    if (start_valid && end_valid && meeting_.end < meeting_.start)
      error("meeting.end", fmt::format("the meeting ends ({}) before it starts ({})", to_iso(meeting_.end),
                                       to_iso(meeting_.start)));
    if (start_valid && issued_valid && meeting_.start < meeting_.document.issued)
      warning("document.issued", fmt::format("the agenda is issued ({}) after the meeting opens ({})",
                                             to_iso(meeting_.document.issued), to_iso(meeting_.start)));
    for (size_t i = 0; i < meeting_.decisions.size(); ++i)
      check_date(fmt::format("decisions[{}].date", i), meeting_.decisions[i].date, "the date of the decision");
    check_symbol("document.symbol", meeting_.document.symbol);
  }

  // Dates that could not be read are left zero; they are reported once here
  // and kept out of comparisons, which would only repeat the problem.
  bool check_date(const std::string& path, const Date& date, const char* what) {
    if (is_valid(date)) return true;
    if (date == Date{})
      error(path, fmt::format("{} is missing", what));
    else
      error(path, fmt::format("{}, {}, is not a real date: {}", what, to_iso(date), why_not_a_date(date)));
    return false;
  }

  void check_symbol(const std::string& path, const std::string& text) {
    auto parsed = symbol::parse(text);
    if (text.empty())
      error(path, "the document symbol is missing");
    else if (!parsed)
      error(path, fmt::format("'{}' is not a valid UN document symbol: {}", text, parsed.error->message));
    else if (parsed.symbol->text != text)
      warning(path, fmt::format("write the symbol '{}' as '{}'", text, parsed.symbol->text));
  }

  void check_numbering() {
    const auto& items = meeting_.items;
    if (items.empty()) error("items", "expected at least one agenda item ([[items]])");
    for (size_t i = 0; i < items.size(); ++i) {
      const int expected = static_cast<int>(i) + 1;
      check_number(fmt::format("items[{}].number", i), fmt::format("item number {}", items[i].number), "numbers",
                   items[i].number, expected, std::to_string(expected));
      for (size_t j = 0; j < items[i].subitems.size(); ++j) {
        const Item& sub = items[i].subitems[j];
        const int expected_sub = static_cast<int>(j) + 1;
        check_number(fmt::format("items[{}].subitems[{}].number", i, j),
                     fmt::format("sub-item letter {} of item {}", subitem_letter(sub.number), items[i].number),
                     "letters", sub.number, expected_sub, subitem_letter(expected_sub));
        if (!sub.subitems.empty())
          error(fmt::format("items[{}].subitems[{}].subitems", i, j), "sub-items cannot have sub-items");
      }
    }
  }

  // `what` names the number as written ("sub-item letter c of item 1").
  void check_number(const std::string& path, const std::string& what, const char* kind, int number, int expected,
                    const std::string& expected_shown) {
    if (number == expected) return;
    if (number < expected)
      error(path, fmt::format("duplicate or out-of-order {}: expected {}", what, expected_shown));
    else
      error(path, fmt::format("{} skips {}: expected {}", what, kind, expected_shown));
  }

  // Walks every item and sub-item with its path and key.
  void for_each_item(const std::function<void(const Item&, const std::string&, const std::string&)>& visit) {
    for (size_t i = 0; i < meeting_.items.size(); ++i) {
      const Item& item = meeting_.items[i];
      visit(item, fmt::format("items[{}]", i), item_key(item.number));
      for (size_t j = 0; j < item.subitems.size(); ++j)
        visit(item.subitems[j], fmt::format("items[{}].subitems[{}]", i, j),
              item_key(item.number, item.subitems[j].number));
    }
  }

  void check_item_rules() {
    std::string review_key;
    std::vector<std::string> report_keys;
    std::string last_key;
    for_each_item([&](const Item& item, const std::string& path, const std::string& key) {
      last_key = key;
      if (item.kind == ItemKind::review_mechanism) {
        if (!review_key.empty())
          error(path + ".kind",
                fmt::format("items {} and {} are both review-mechanism items; a working group devotes no "
                            "more than one agenda item per meeting to the review process",
                            review_key, key));
        else
          review_key = key;
      }
      if (item.kind == ItemKind::adoption_of_report) report_keys.push_back(key);
      if (item.kind == ItemKind::organizational && item.subitems.empty())
        warning(path + ".kind", fmt::format("item {} is organizational but has no sub-items", key));
      if (!item.documents.empty() && item.no_documents)
        error(path + ".no_documents", fmt::format("item {} lists documents and also says none are planned", key));
      const ItemConstraints& rules = item.constraints;
      if (!rules.same_meeting_as.empty() && !find_item(meeting_, rules.same_meeting_as))
        error(path + ".same_meeting_as", fmt::format("item {} is to share a meeting with item {}, which is not on the agenda",
                                                     key, rules.same_meeting_as));
      if (rules.same_meeting_as == key)
        error(path + ".same_meeting_as", fmt::format("item {} cannot share a meeting with itself", key));
      if (rules.not_before_date && (*rules.not_before_date < meeting_.start || meeting_.end < *rules.not_before_date))
        error(path + ".not_before", fmt::format("item {} may not start before {}, which is outside the meeting's dates",
                                                key, to_iso(*rules.not_before_date)));
      if (rules.min_minutes && item.minutes && *rules.min_minutes > *item.minutes)
        error(path + ".min_minutes", fmt::format("item {}: the minimum ({} min) is more than the estimate ({} min)", key,
                                                 *rules.min_minutes, *item.minutes));
      if (item.minutes && *item.minutes <= 0)
        error(path + ".minutes", fmt::format("item {}: expected a duration of 1 minute or more", key));
    });
    for (const std::string& report_key : report_keys) {
      if (report_key != last_key)
        error(locate(report_key) + ".kind",
              fmt::format("the adoption of the report (item {}) must be the last item; item {} follows it",
                          report_key, last_key));
    }
  }

  // Path of the item with `key`: "items[3]".
  std::string locate(const std::string& key) {
    std::string found = "items";
    for_each_item([&](const Item&, const std::string& path, const std::string& k) {
      if (k == key) found = path;
    });
    return found;
  }

  void check_documents() {
    std::set<std::string> seen;
    std::set<std::string> referenced;
    for_each_item([&](const Item& item, const std::string&, const std::string&) {
      referenced.insert(item.documents.begin(), item.documents.end());
    });
    for (size_t i = 0; i < meeting_.documents.size(); ++i) {
      const Document& document = meeting_.documents[i];
      const std::string path = fmt::format("documents[{}].symbol", i);
      check_symbol(path, document.symbol);
      if (!seen.insert(document.symbol).second)
        error(path, fmt::format("document {} is declared twice", document.symbol));
      if (document.symbol == meeting_.document.symbol)
        error(path, fmt::format("{} is the agenda's own symbol", document.symbol));
      if (!referenced.count(document.symbol))
        warning(path, fmt::format("document {} is declared but no item lists it", document.symbol));
    }
    for_each_item([&](const Item& item, const std::string& path, const std::string& key) {
      std::set<std::string> listed;
      for (size_t d = 0; d < item.documents.size(); ++d) {
        const std::string& symbol = item.documents[d];
        const std::string doc_path = fmt::format("{}.documents[{}]", path, d);
        if (!listed.insert(symbol).second)
          error(doc_path, fmt::format("item {} lists document {} twice", key, symbol));
        if (!find_document(meeting_, symbol))
          error(doc_path, fmt::format("item {} lists document {}, which is not among the meeting's documents", key,
                                      symbol));
      }
    });
  }

  // Footnote and decision calls inside annotations and footnotes.
  void check_references() {
    std::set<std::string> called;
    auto check_text = [&](const LangRichText& text, const std::string& path) {
      for (const auto& [lang, paragraphs] : text)
        for (const Paragraph& paragraph : paragraphs)
          check_inlines(paragraph.content, path + "." + lang, called);
    };
    for_each_item([&](const Item& item, const std::string& path, const std::string&) {
      check_text(item.annotation, path + ".annotation");
    });
    for (size_t i = 0; i < meeting_.footnotes.size(); ++i)
      check_text(meeting_.footnotes[i].text, fmt::format("footnotes.{}", meeting_.footnotes[i].id));
    const std::string& annex_note = meeting_.organization.footnote;
    if (!annex_note.empty()) {
      called.insert(annex_note);
      if (!find_footnote(meeting_, annex_note))
        error("organization.footnote",
              fmt::format("the organization of work calls footnote '{}', but the meeting has no such footnote",
                          annex_note));
    }
    std::set<std::string> decision_ids;
    for (size_t i = 0; i < meeting_.decisions.size(); ++i) {
      const std::string& id = meeting_.decisions[i].id;
      const std::string path = fmt::format("decisions[{}].id", i);
      if (!is_mark_id(id))
        error(path, fmt::format("decision id '{}' cannot be cited: use letters, digits, '-' or '_' (at most {})", id,
                                kMaxMarkIdLength));
      if (!decision_ids.insert(id).second) error(path, fmt::format("decision id '{}' is used twice", id));
    }
    std::set<std::string> footnote_ids;
    for (const Footnote& footnote : meeting_.footnotes) {
      const std::string path = "footnotes." + footnote.id;
      if (!is_mark_id(footnote.id))
        error(path, fmt::format("footnote id '{}' cannot be called: use letters, digits, '-' or '_' (at most {})",
                                footnote.id, kMaxMarkIdLength));
      if (!footnote_ids.insert(footnote.id).second)
        error(path, fmt::format("footnote id '{}' is used twice", footnote.id));
    }
    for (const Footnote& footnote : meeting_.footnotes)
      if (!called.count(footnote.id))
        warning(fmt::format("footnotes.{}", footnote.id), fmt::format("footnote '{}' is never called", footnote.id));
  }

  void check_inlines(const std::vector<Inline>& inlines, const std::string& path, std::set<std::string>& called) {
    for (const Inline& in : inlines) {
      if (in.kind == InlineKind::footnote_ref) {
        called.insert(in.target);
        if (!find_footnote(meeting_, in.target))
          error(path, fmt::format("the text calls footnote [^{}], but the meeting has no footnote '{}'", in.target,
                                  in.target));
      }
      if (in.kind == InlineKind::decision_ref && !find_decision(meeting_, in.target))
        error(path, fmt::format("the text cites decision {{{{decision:{}}}}}, but the meeting has no decision '{}'",
                                in.target, in.target));
      check_inlines(in.children, path, called);
    }
  }

  void check_organization() {
    const auto& slots = meeting_.organization.slots;
    if (slots.empty()) return;
    const auto order = schedulable_items(meeting_);
    size_t next = 0;            // index in `order` of the next item to take up
    std::string current;        // the item taken up last
    std::set<std::string> taken;
    for (size_t s = 0; s < slots.size(); ++s) {
      const Slot& slot = slots[s];
      const std::string path = fmt::format("organization.slots[{}]", s);
      check_slot_time(slot, s, path);
      if (slot.items.empty())
        warning(path + ".items", fmt::format("the meeting on {} at {} takes up no item", to_iso(slot.date),
                                             to_hhmm(slot.start)));
      std::set<std::string> in_slot;
      for (size_t k = 0; k < slot.items.size(); ++k) {
        const std::string& key = slot.items[k].item;
        const std::string item_path = fmt::format("{}.items[{}]", path, k);
        if (!in_slot.insert(key).second) {
          error(item_path, fmt::format("item {} is listed twice in the same meeting", key));
          continue;
        }
        const Item* item = find_item(meeting_, key);
        if (!item) {
          error(item_path, fmt::format("there is no item {} on the agenda", key));
          continue;
        }
        if (!item->subitems.empty()) {
          error(item_path, fmt::format("item {} has sub-items: take up {} instead", key,
                                       item_key(item->number, 1)));
          continue;
        }
        if (key == current && k == 0) continue;  // continued from the previous meeting
        if (key == current) {
          error(item_path, fmt::format("item {} is listed twice in a row", key));
          continue;
        }
        auto pos = std::find_if(order.begin(), order.end(), [&](const auto& p) { return p.first == key; });
        size_t index = static_cast<size_t>(pos - order.begin());
        if (index < next && taken.count(key)) {
          error(item_path, fmt::format("item {} is taken up again after later items: the organization of work "
                                       "must follow the agenda order",
                                       key));
        } else if (index < next) {
          error(item_path, fmt::format("item {} comes after item {}: the organization of work must follow the "
                                       "agenda order",
                                       key, current));
        } else if (index > next) {
          std::vector<std::string> skipped;
          for (size_t m = next; m < index; ++m) skipped.push_back(order[m].first);
          error(item_path, fmt::format("the organization of work skips item{} {} before item {}",
                                       skipped.size() > 1 ? "s" : "", fmt::join(skipped, ", "), key));
          next = index + 1;
        } else {
          next = index + 1;
        }
        current = key;
        taken.insert(key);
      }
    }
    if (next < order.size()) {
      std::vector<std::string> missing;
      for (size_t m = next; m < order.size(); ++m) missing.push_back(order[m].first);
      error("organization.slots", fmt::format("the organization of work never takes up item{} {}",
                                              missing.size() > 1 ? "s" : "", fmt::join(missing, ", ")));
    }
  }

  void check_slot_time(const Slot& slot, size_t s, const std::string& path) {
    const bool date_valid = check_date(path + ".date", slot.date, "the date of the meeting");
    if (date_valid && is_valid(meeting_.start) && is_valid(meeting_.end) &&
        (slot.date < meeting_.start || meeting_.end < slot.date))
      error(path + ".date", fmt::format("{} is outside the meeting's dates ({} to {})", to_iso(slot.date),
                                        to_iso(meeting_.start), to_iso(meeting_.end)));
    if (!(slot.start < slot.end))
      error(path + ".end", fmt::format("the meeting ends at {}, not after it starts at {}", to_hhmm(slot.end),
                                       to_hhmm(slot.start)));
    if (s == 0 || !date_valid) return;
    const Slot& before = meeting_.organization.slots[s - 1];
    if (!is_valid(before.date)) return;
    if (slot.date < before.date || (slot.date == before.date && slot.start < before.end))
      error(path + ".start",
            fmt::format("this meeting ({} {}) starts before the previous one ends ({} {}): meetings must be in "
                        "order and must not overlap",
                        to_iso(slot.date), to_hhmm(slot.start), to_iso(before.date), to_hhmm(before.end)));
  }

  // A text missing in one of the meeting's languages: a warning while
  // drafting, an error for a final document.
  void missing_text(const std::string& path, const std::string& what, const std::string& lang) {
    const Severity severity = options_.final ? Severity::error : Severity::warning;
    findings_.push_back({severity, path, fmt::format("{} has no {} text", what, language_name(lang)), true, lang});
  }

  void check_languages() {
    auto require = [&](const LangText& text, const std::string& path, const std::string& what) {
      for (const std::string& lang : meeting_.languages)
        if (!text_in(text, lang)) missing_text(path, what, lang);
    };
    auto require_rich = [&](const LangRichText& text, const std::string& path, const std::string& what) {
      for (const std::string& lang : meeting_.languages)
        if (!text.count(lang)) missing_text(path, what, lang);
    };
    require(meeting_.body.name, "body.name", "the body's name");
    if (!meeting_.body.parent.empty()) require(meeting_.body.parent, "body.parent", "the parent body's name");
    require(meeting_.city, "meeting.city", "the city");
    for_each_item([&](const Item& item, const std::string& path, const std::string& key) {
      require(item.title, path + ".title", fmt::format("the title of item {}", key));
      if (!item.annotation.empty() || item.subitems.empty())
        require_rich(item.annotation, path + ".annotation", fmt::format("the annotation of item {}", key));
    });
    for (size_t i = 0; i < meeting_.documents.size(); ++i) {
      const Document& document = meeting_.documents[i];
      require(document.description, fmt::format("documents[{}].description", i),
              fmt::format("the description of document {}", document.symbol));
      // A title is optional, but one given in some languages is needed in all.
      if (!document.title.empty())
        require(document.title, fmt::format("documents[{}].title", i),
                fmt::format("the title of document {}", document.symbol));
    }
    for (size_t i = 0; i < meeting_.decisions.size(); ++i) {
      const Decision& decision = meeting_.decisions[i];
      require(decision.by, fmt::format("decisions[{}].by", i),
              fmt::format("the body that took decision '{}'", decision.id));
      require(decision.approved, fmt::format("decisions[{}].approved", i),
              fmt::format("what decision '{}' approved", decision.id));
    }
    for (const Footnote& footnote : meeting_.footnotes)
      require_rich(footnote.text, "footnotes." + footnote.id, fmt::format("footnote '{}'", footnote.id));
  }

  const Meeting& meeting_;
  const CheckOptions& options_;
  std::vector<Finding> findings_;
};

}  // namespace

std::vector<Finding> check_meeting(const Meeting& meeting, const CheckOptions& options) {
  return Checker(meeting, options).run();
}

void mark_continuations(OrganizationOfWork& organization) {
  std::set<std::string> seen;
  for (Slot& slot : organization.slots) {
    std::set<std::string> here;
    for (SlotItem& item : slot.items) {
      item.continued = seen.count(item.item) > 0;
      here.insert(item.item);
    }
    seen.insert(here.begin(), here.end());
  }
}

bool has_errors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::error; });
}

namespace {

// One step of a path: "items[2]" is {"items", 2}, "title" is {"title", none}.
struct PathStep {
  std::string name;
  std::optional<size_t> index;
};

std::optional<std::vector<PathStep>> split_steps(const std::string& path) {
  std::vector<PathStep> steps;
  size_t i = 0;
  while (i < path.size()) {
    const size_t end = path.find_first_of(".[", i);
    PathStep step{path.substr(i, end == std::string::npos ? std::string::npos : end - i), std::nullopt};
    i = end == std::string::npos ? path.size() : end;
    if (i < path.size() && path[i] == '[') {
      const size_t close = path.find(']', i);
      if (close == std::string::npos || close == i + 1 || close - i > 7) return std::nullopt;
      size_t index = 0;
      for (size_t k = i + 1; k < close; ++k) {
        if (path[k] < '0' || path[k] > '9') return std::nullopt;
        index = index * 10 + static_cast<size_t>(path[k] - '0');
      }
      step.index = index;
      i = close + 1;
    }
    if (step.name.empty()) return std::nullopt;
    steps.push_back(std::move(step));
    if (i < path.size()) {
      if (path[i] != '.') return std::nullopt;
      ++i;
    }
  }
  return steps;
}

// The words for a key of the meeting file.
std::string field_words(const std::string& key) {
  static const std::map<std::string, std::string> kWords{
      {"min_minutes", "minimum minutes"},
      {"not_before", "not before"},
      {"same_meeting_as", "same meeting as"},
      {"never_split", "never split"},
      {"no_documents", "no documents planned"},
      {"by", "body that decided"},
      {"approved", "what was approved"},
      {"sequence", "revision"},
      {"issued", "date of issue"},
      {"parent", "parent body"},
      {"in_person", "in-person hours"},
      {"hybrid", "hybrid hours"},
      {"online", "online hours"},
      {"start", "start"},
      {"end", "end"},
  };
  if (auto it = kWords.find(key); it != kWords.end()) return it->second;
  std::string words = key;
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

// The words for one entry of an array of the meeting file: "document" for
// documents[0]. The items of a slot are entries, not agenda items.
std::string entry_words(const std::string& key) {
  static const std::map<std::string, std::string> kWords{
      {"documents", "document"}, {"items", "entry"},     {"languages", "language"},
      {"mandate", "mandate"},    {"unavailable", "unavailable meeting"}, {"subitems", "sub-item"}};
  if (auto it = kWords.find(key); it != kWords.end()) return it->second;
  return field_words(key);
}

// The subject of a path and how many steps it takes: "item 1 (a)" for
// items[0].subitems[0]. `possessive` subjects ("the agenda's") take their
// field without a comma.
struct Subject {
  std::string words;
  size_t steps = 0;
  bool possessive = false;
};

std::optional<Subject> subject_of(const std::vector<PathStep>& steps, const Meeting* meeting) {
  const PathStep& first = steps[0];
  const auto number = [](size_t index) { return static_cast<int>(index) + 1; };
  if (first.name == "items" && first.index) {
    if (steps.size() > 1 && steps[1].name == "subitems" && steps[1].index)
      return Subject{"item " + item_key(number(*first.index), number(*steps[1].index)), 2};
    return Subject{"item " + item_key(number(*first.index)), 1};
  }
  if (first.name == "items") return Subject{"the agenda", 1};
  if (first.name == "documents" && first.index) {
    if (meeting && *first.index < meeting->documents.size())
      return Subject{"document " + meeting->documents[*first.index].symbol, 1};
    return Subject{fmt::format("document {}", number(*first.index)), 1};
  }
  if (first.name == "decisions" && first.index) {
    if (meeting && *first.index < meeting->decisions.size())
      return Subject{"decision '" + meeting->decisions[*first.index].id + "'", 1};
    return Subject{fmt::format("decision {}", number(*first.index)), 1};
  }
  if (first.name == "footnotes" && steps.size() > 1 && !steps[1].index)
    return Subject{"footnote '" + steps[1].name + "'", 2};
  if (first.name == "organization" && steps.size() > 1 && steps[1].name == "slots" && steps[1].index)
    return Subject{fmt::format("meeting {} of the organization of work", number(*steps[1].index)), 2};
  if (first.name == "organization") return Subject{"the organization of work", 1};
  if (first.name == "planning") return Subject{"the planning settings", 1};
  if (first.index) return std::nullopt;
  if (first.name == "document") return Subject{"the agenda's", 1, true};
  if (first.name == "meeting") return Subject{"the meeting's", 1, true};
  if (first.name == "body") return Subject{"the body's", 1, true};
  return std::nullopt;
}

}  // namespace

std::string describe_place(const std::string& path, const Meeting* meeting) {
  if (path.empty()) return "the meeting";
  const auto steps = split_steps(path);
  if (!steps) return path;
  const auto subject = subject_of(*steps, meeting);
  if (!subject) return path;
  std::string words = subject->words;
  if (subject->possessive && subject->steps == steps->size()) words.resize(words.size() - 2);  // "the agenda"
  for (size_t k = subject->steps; k < steps->size(); ++k) {
    const PathStep& step = (*steps)[k];
    const bool last = k + 1 == steps->size();
    if (last && !step.index && is_official_language(step.name)) {
      words += " in " + language_name(step.name);
      continue;
    }
    words += k == subject->steps && subject->possessive ? " " : ", ";
    words += step.index ? fmt::format("{} {}", entry_words(step.name), *step.index + 1) : field_words(step.name);
  }
  return words;
}

}  // namespace plenary
