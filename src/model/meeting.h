// The meeting model: what an annotated provisional agenda says, in every
// language it is written in. It knows nothing of files, HTTP or SQL.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/calendar.h"

namespace plenary {

// ISO 639-1 codes of the six official languages, in UN order.
inline constexpr const char* kOfficialLanguages[] = {"ar", "zh", "en", "fr", "ru", "es"};
bool is_official_language(const std::string& code);

// The English name of an official language for messages ("fr" -> "French");
// any other code comes back quoted ("'de'").
std::string language_name(const std::string& code);

// Footnote and decision ids, as the marks [^id] and {{decision:id}} call
// them: letters, digits, '-' or '_', at most kMaxMarkIdLength characters.
inline constexpr size_t kMaxMarkIdLength = 64;
bool is_mark_id(std::string_view id);

// Text keyed by language code ("fr" -> "Ouverture de la réunion").
using LangText = std::map<std::string, std::string>;

// Returns the text in `lang`, or nullptr when that language is missing.
const std::string* text_in(const LangText& text, const std::string& lang);

// Inline content of annotation paragraphs.
enum class InlineKind {
  text,          // plain text
  emphasis,      // children in italics
  strong,        // children in bold
  link,          // children linking to `target`
  footnote_ref,  // a call to the footnote with id `target`
  decision_ref,  // the sentence recording the decision with id `target`
  opening,       // the date and time the meeting opens, from its first slot
  line_break,
};

struct Inline {
  InlineKind kind = InlineKind::text;
  std::string text;              // for text
  std::string target;            // for link, footnote_ref, decision_ref
  std::vector<Inline> children;  // for emphasis, strong, link
};

struct Paragraph {
  std::vector<Inline> content;
};

// Paragraphs of annotation or footnote text in one language.
using RichText = std::vector<Paragraph>;
using LangRichText = std::map<std::string, RichText>;

// The body whose working group meets, e.g. the Working Group on the Smuggling
// of Migrants (CTOC/COP/WG.7) of the Conference of the Parties.
struct Body {
  std::string short_name;             // "CTOC/COP/WG.7"
  LangText name;                      // the working group itself
  LangText parent;                    // "Conference of the Parties to ..."
  std::vector<std::string> mandate;   // resolution references: "7/1"
};

enum class MeetingFormat { in_person, hybrid, online };
enum class Distribution { general, limited, restricted };

// The agenda document's own metadata (the heading block).
struct AgendaDocumentInfo {
  std::string symbol;                 // "CTOC/COP/WG.7/2022/1"
  Distribution distribution = Distribution::general;
  Date issued;
  std::string original_language;      // "en"
};

enum class ItemKind {
  organizational,       // a heading item whose sub-items carry the content
  opening,
  adoption_of_agenda,
  substantive,
  review_mechanism,
  other_matters,
  adoption_of_report,
};

// What the planner may and may not do with an item.
struct ItemConstraints {
  std::optional<int> min_minutes;     // never shrink below this
  std::optional<int> priority;        // higher keeps its time longer
  int weight = 1;                     // share of the time left for substantive items
  std::optional<Date> not_before_date;
  std::optional<TimeOfDay> not_before_time;
  std::string same_meeting_as;        // key of an item taken up in the same meeting
  bool never_split = false;
};

// An agenda item or sub-item. Items number 1, 2, ...; sub-items a, b, ...
// stored as 1, 2, ... in `number`.
struct Item {
  int number = 0;
  ItemKind kind = ItemKind::substantive;
  LangText title;
  LangRichText annotation;
  std::vector<std::string> documents;  // symbols of declared documents
  bool no_documents = false;           // say "no documents are planned"
  std::optional<int> minutes;          // estimated duration, for planning
  ItemConstraints constraints;
  std::vector<Item> subitems;
};

// A document listed under an item's documentation.
struct Document {
  std::string symbol;
  LangText title;        // the document's own title
  LangText description;  // how the agenda describes it
};

enum class Procedure { meeting, silence };

// A decision that led to the meeting, e.g. the extended Bureau approving the
// calendar by silence procedure.
struct Decision {
  std::string id;
  LangText by;           // "the extended Bureau of the Conference"
  Date date;
  Procedure procedure = Procedure::silence;
  LangText approved;     // "the calendar of its meetings for 2022"
};

struct Footnote {
  std::string id;
  LangRichText text;
};

// One agenda item taken up in one plenary meeting.
struct SlotItem {
  std::string item;              // label key: "1 (a)", "2"
  bool continued = false;        // taken up earlier and continued here
  std::optional<int> minutes;
};

// One plenary meeting (a slot of time with interpretation).
struct Slot {
  Date date;
  TimeOfDay start;
  TimeOfDay end;
  std::vector<SlotItem> items;
};

struct OrganizationOfWork {
  std::vector<Slot> slots;
  std::string footnote;          // footnote id called from the annex title
  int sequence = 0;              // revision: bumped each time a changed plan is stored
};

// A plenary meeting's hours within a day.
struct TimeWindow {
  TimeOfDay start;
  TimeOfDay end;
};

struct UnavailableSlot {
  Date date;
  TimeOfDay start;                 // the template slot starting then is dropped
};

// How the planner makes slots and durations.
struct PlanningSettings {
  std::vector<TimeWindow> in_person{{TimeOfDay{600}, TimeOfDay{780}}, {TimeOfDay{900}, TimeOfDay{1080}}};
  std::vector<TimeWindow> hybrid{{TimeOfDay{720}, TimeOfDay{840}}, {TimeOfDay{900}, TimeOfDay{1020}}};
  std::vector<TimeWindow> online{{TimeOfDay{720}, TimeOfDay{840}}, {TimeOfDay{900}, TimeOfDay{1020}}};
  std::optional<TimeOfDay> first_day_start;  // a late first day
  std::optional<TimeOfDay> last_day_end;     // an early last day
  std::vector<UnavailableSlot> unavailable;
  bool skip_weekends = true;
  int min_continuation = 30;                 // minutes; no piece of a split item is shorter
  std::map<std::string, int> default_minutes{{"opening", 15}, {"adoption-of-agenda", 15},
                                             {"other-matters", 30}, {"adoption-of-report", 60}};
  int min_substantive_minutes = 30;
};

struct Meeting {
  Body body;
  int ordinal = 0;                 // 9 for the ninth meeting
  LangText title;                  // optional title of the meeting itself
  LangText city;
  LangText venue;
  Date start;
  Date end;
  std::string time_zone;           // IANA name: "Europe/Vienna"
  MeetingFormat format = MeetingFormat::in_person;
  std::vector<std::string> languages;  // languages served and written
  AgendaDocumentInfo document;
  std::vector<Item> items;
  std::vector<Document> documents;
  std::vector<Decision> decisions;
  std::vector<Footnote> footnotes;
  OrganizationOfWork organization;
  PlanningSettings planning;
};

// The key by which the organization of work names an item: "2", "1 (a)".
std::string item_key(int number, int subnumber = 0);

// Sub-item letter for 1-based `n`: 1 -> "a", 27 -> "aa".
std::string subitem_letter(int n);

// Finds an item or sub-item by key, or nullptr.
const Item* find_item(const Meeting& meeting, const std::string& key);
const Document* find_document(const Meeting& meeting, const std::string& symbol);
const Decision* find_decision(const Meeting& meeting, const std::string& id);
const Footnote* find_footnote(const Meeting& meeting, const std::string& id);

// The items that are taken up in meetings, in agenda order: sub-items in place
// of an item that has them. Pairs of (key, item).
std::vector<std::pair<std::string, const Item*>> schedulable_items(const Meeting& meeting);

const char* to_string(MeetingFormat format);
const char* to_string(Distribution distribution);
const char* to_string(ItemKind kind);
const char* to_string(Procedure procedure);
std::optional<MeetingFormat> meeting_format_from(const std::string& text);
std::optional<Distribution> distribution_from(const std::string& text);
std::optional<ItemKind> item_kind_from(const std::string& text);
std::optional<Procedure> procedure_from(const std::string& text);

}  // namespace plenary
