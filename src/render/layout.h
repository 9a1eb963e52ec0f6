// The agenda laid out in one language: every heading, label, date and
// footnote number decided, so that each output format (Markdown, HTML, and
// later PDF and DOCX) only decides how things look.
#pragma once

#include <string>
#include <vector>

#include "i18n/catalog.h"
#include "model/meeting.h"

namespace plenary {

// A documentation entry, split around its symbol so that each format can
// link or highlight the symbol where it stands.
struct LaidOutDocument {
  std::string before;  // "Document d'information ... ("
  std::string symbol;  // "CTOC/COP/WG.7/2022/2"
  std::string after;   // ")."

  std::string entry() const { return before + symbol + after; }
};

struct LaidOutItem {
  std::string label;         // "1." or "a)"
  std::string list_entry;    // title with list punctuation: "Questions d'organisation :"
  std::string title;         // as a heading, without punctuation
  RichText annotation;       // marks resolved: footnote calls carry their number
  std::vector<LaidOutDocument> documents;
  bool no_documents = false;
  std::vector<LaidOutItem> subitems;
};

struct LaidOutRow {
  std::string item;          // "1 a)"
  std::string title;         // the item's title
  bool continued = false;
};

struct LaidOutSlot {
  std::string time;          // "10 heures-13 heures"
  std::vector<LaidOutRow> rows;
};

struct LaidOutDay {
  std::string heading;       // "Lundi 27 juin"
  std::vector<LaidOutSlot> slots;
};

struct NumberedFootnote {
  int number = 0;
  RichText text;
};

struct AgendaLayout {
  std::string language;
  bool right_to_left = false;

  // The heading block.
  std::string united_nations;
  std::string parent_body;
  std::string symbol;
  std::string distribution;
  std::string issued;
  std::string document_language;  // "Français"
  std::string original;           // "Original : anglais"
  std::string body;
  std::string venue_and_dates;
  std::string title;              // "Ordre du jour provisoire annoté"

  std::string agenda_heading;
  std::string annotations_heading;
  std::string documentation_heading;
  std::string no_documents;
  std::vector<LaidOutItem> items;
  std::vector<NumberedFootnote> footnotes;  // called from the body

  // The annex.
  std::string annex_heading;
  std::string annex_title;
  int annex_footnote = 0;                   // 0 when none
  std::vector<std::string> annex_columns;   // date and time, item, title
  std::string continued;                    // "(suite)"
  std::vector<LaidOutDay> days;

  // Texts the meeting lacks in this language (marked in place when drafting).
  std::vector<std::string> missing;
};

// Lays out `meeting` in the catalog's language. A text missing in that
// language is shown as a visible gap and listed in `missing`.
AgendaLayout lay_out_agenda(const Meeting& meeting, const Catalog& catalog);

// The sentence recording a decision, in the catalog's language, with its
// `by` and `approved` texts in that language: "On 2 March 2022, the
// extended Bureau approved, by silence procedure, the calendar ...".
std::string decision_sentence(const Decision& decision, const std::string& by, const std::string& approved,
                              const Catalog& catalog);

}  // namespace plenary
