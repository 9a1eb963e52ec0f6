// check_meeting on meetings built in C++: each rule, with the path it reports.
#include "model/check.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>

namespace plenary {

// Readable failures: "error at items[1].kind: ...".
void PrintTo(const Finding& finding, std::ostream* out) {
  *out << (finding.severity == Severity::error ? "error" : "warning") << " at " << finding.path << ": "
       << finding.message;
}

namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

LangText both(const std::string& en, const std::string& fr) { return {{"en", en}, {"fr", fr}}; }

RichText plain(const std::string& text) { return {Paragraph{{Inline{InlineKind::text, text, "", {}}}}}; }

RichText with_inline(InlineKind kind, const std::string& target) {
  return {Paragraph{{Inline{InlineKind::text, "See ", "", {}}, Inline{kind, "", target, {}}}}};
}

LangRichText both_rich(const RichText& text) { return {{"en", text}, {"fr", text}}; }

Item item(int number, ItemKind kind, const std::string& title) {
  Item result;
  result.number = number;
  result.kind = kind;
  result.title = both(title, title);
  result.annotation = both_rich(plain("About " + title));
  return result;
}

std::vector<SlotItem> entries(const std::vector<std::string>& keys) {
  std::vector<SlotItem> result;
  for (const std::string& key : keys) result.push_back(SlotItem{key, false, std::nullopt});
  return result;
}

Slot slot(Date date, int start_hour, int end_hour, const std::vector<std::string>& keys) {
  return Slot{date, TimeOfDay{start_hour * 60}, TimeOfDay{end_hour * 60}, entries(keys)};
}

// The agenda of the reference document, shortened: 1 (a), 1 (b), 2 to 6.
Meeting valid_meeting() {
  Meeting meeting;
  meeting.body.short_name = "CTOC/COP/WG.7";
  meeting.body.name = both("Working Group on the Smuggling of Migrants", "Groupe de travail");
  meeting.body.parent = both("Conference of the Parties", "Conférence des Parties");
  meeting.ordinal = 9;
  meeting.city = both("Vienna", "Vienne");
  meeting.start = Date{2022, 6, 27};
  meeting.end = Date{2022, 6, 28};
  meeting.time_zone = "Europe/Vienna";
  meeting.languages = {"en", "fr"};
  meeting.document = {"CTOC/COP/WG.7/2022/1", Distribution::general, Date{2022, 3, 16}, "en"};

  Item organizational = item(1, ItemKind::organizational, "Organizational matters");
  organizational.annotation.clear();
  organizational.subitems.push_back(item(1, ItemKind::opening, "Opening of the meeting"));
  organizational.subitems[0].annotation = both_rich(with_inline(InlineKind::footnote_ref, "hybrid"));
  organizational.subitems.push_back(item(2, ItemKind::adoption_of_agenda, "Adoption of the agenda"));
  organizational.subitems[1].annotation = both_rich(with_inline(InlineKind::decision_ref, "calendar"));
  meeting.items.push_back(organizational);
  meeting.items.push_back(item(2, ItemKind::substantive, "Good practices"));
  meeting.items[1].documents = {"CTOC/COP/WG.7/2022/2"};
  meeting.items.push_back(item(3, ItemKind::substantive, "Investigative procedures"));
  meeting.items[2].documents = {"CTOC/COP/WG.7/2022/3"};
  meeting.items.push_back(item(4, ItemKind::review_mechanism, "Review Mechanism"));
  meeting.items[3].no_documents = true;
  meeting.items.push_back(item(5, ItemKind::other_matters, "Other matters"));
  meeting.items.push_back(item(6, ItemKind::adoption_of_report, "Adoption of the report"));

  meeting.documents.push_back({"CTOC/COP/WG.7/2022/2", both("Good practices", "Bonnes pratiques"),
                               both("Background paper", "Document d'information")});
  meeting.documents.push_back({"CTOC/COP/WG.7/2022/3", both("Procedures", "Procédures"),
                               both("Background paper", "Document d'information")});
  meeting.decisions.push_back({"calendar", both("the extended Bureau", "le Bureau élargi"), Date{2021, 7, 30},
                               Procedure::silence, both("the calendar", "le calendrier")});
  meeting.footnotes.push_back({"hybrid", both_rich(plain("Should the meeting be held in a hybrid format"))});

  meeting.organization.footnote = "hybrid";
  meeting.organization.slots = {
      slot(Date{2022, 6, 27}, 10, 13, {"1 (a)", "1 (b)", "2"}),
      slot(Date{2022, 6, 27}, 15, 18, {"2", "3"}),
      slot(Date{2022, 6, 28}, 10, 13, {"3", "4"}),
      slot(Date{2022, 6, 28}, 15, 18, {"5", "6"}),
  };
  return meeting;
}

std::vector<Finding> check(const Meeting& meeting, CheckOptions options = {}) {
  return check_meeting(meeting, options);
}

// A finding of `severity` at `path` whose message contains `text`.
testing::Matcher<const Finding&> finding(Severity severity, const std::string& path, const std::string& text) {
  return AllOf(Field(&Finding::severity, severity), Field(&Finding::path, path),
               Field(&Finding::message, HasSubstr(text)));
}
testing::Matcher<const Finding&> error(const std::string& path, const std::string& text) {
  return finding(Severity::error, path, text);
}
testing::Matcher<const Finding&> warning(const std::string& path, const std::string& text) {
  return finding(Severity::warning, path, text);
}

TEST(CheckMeeting, TheValidMeetingHasNoFindings) {
  EXPECT_THAT(check(valid_meeting()), IsEmpty());
  EXPECT_THAT(check(valid_meeting(), CheckOptions{.final = true}), IsEmpty());
}

// ---- the meeting's own data

TEST(CheckMeeting, OrdinalMustBePositive) {
  Meeting meeting = valid_meeting();
  meeting.ordinal = 0;
  EXPECT_THAT(check(meeting), ElementsAre(error("meeting.ordinal", "expected the meeting's ordinal number, 1 or more")));
}

TEST(CheckMeeting, EndBeforeStart) {
  Meeting meeting = valid_meeting();
  meeting.end = Date{2022, 6, 26};
  EXPECT_THAT(check(meeting), Contains(error("meeting.end", "the meeting ends (2022-06-26) before it starts "
                                                            "(2022-06-27)")));
}

TEST(CheckMeeting, OneDayMeetingIsFine) {
  Meeting meeting = valid_meeting();
  meeting.end = meeting.start;
  for (Slot& s : meeting.organization.slots) s.date = meeting.start;
  meeting.organization.slots = {slot(meeting.start, 9, 10, {"1 (a)", "1 (b)", "2"}),
                                slot(meeting.start, 10, 13, {"3", "4"}), slot(meeting.start, 15, 18, {"5", "6"})};
  EXPECT_THAT(check(meeting), IsEmpty());
}

TEST(CheckMeeting, AgendaIssuedAfterTheMeetingOpens) {
  Meeting meeting = valid_meeting();
  meeting.document.issued = Date{2022, 6, 28};
  EXPECT_THAT(check(meeting), ElementsAre(warning("document.issued", "the agenda is issued (2022-06-28) after the "
                                                                     "meeting opens (2022-06-27)")));
}

TEST(CheckMeeting, InvalidDatesAreReportedOnceAndNotCompared) {
  Meeting meeting = valid_meeting();
  meeting.start = Date{};
  EXPECT_THAT(check(meeting), ElementsAre(error("meeting.start", "the date the meeting starts is missing")));
  meeting = valid_meeting();
  meeting.end = Date{2022, 2, 30};
  EXPECT_THAT(check(meeting), ElementsAre(error("meeting.end", "the date the meeting ends, 2022-02-30, is not a real "
                                                               "date: February has 28 days in 2022")));
  meeting = valid_meeting();
  meeting.end = Date{2022, 6, 31};
  EXPECT_THAT(check(meeting), ElementsAre(error("meeting.end", "June has 30 days")));
  meeting = valid_meeting();
  meeting.document.issued = Date{};
  EXPECT_THAT(check(meeting), ElementsAre(error("document.issued", "the date the agenda is issued")));
  meeting = valid_meeting();
  meeting.decisions[0].date = Date{2021, 13, 1};
  EXPECT_THAT(check(meeting), ElementsAre(error("decisions[0].date", "the date of the decision")));
  meeting = valid_meeting();
  meeting.organization.slots[1].date = Date{};
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots[1].date", "the date of the meeting")));
}

TEST(CheckMeeting, AgendaSymbol) {
  Meeting meeting = valid_meeting();
  meeting.document.symbol = "CTOC//1";
  EXPECT_THAT(check(meeting), ElementsAre(error("document.symbol", "'CTOC//1' is not a valid UN document symbol: ")));
  meeting.document.symbol = "E/CN. 15/2022/1";
  EXPECT_THAT(check(meeting), ElementsAre(warning("document.symbol", "write the symbol 'E/CN. 15/2022/1' as "
                                                                     "'E/CN.15/2022/1'")));
}

// ---- numbering

TEST(CheckNumbering, NoItems) {
  Meeting meeting = valid_meeting();
  meeting.items.clear();
  meeting.organization.slots.clear();
  meeting.documents.clear();
  meeting.footnotes.clear();
  meeting.organization.footnote.clear();
  EXPECT_THAT(check(meeting), ElementsAre(error("items", "expected at least one agenda item ([[items]])")));
}

TEST(CheckNumbering, DuplicateItemNumber) {
  Meeting meeting = valid_meeting();
  meeting.items[2].number = 2;
  EXPECT_THAT(check(meeting), Contains(error("items[2].number", "duplicate or out-of-order item number 2: "
                                                                "expected 3")));
}

TEST(CheckNumbering, SkippedItemNumber) {
  Meeting meeting = valid_meeting();
  meeting.items[1].number = 3;
  EXPECT_THAT(check(meeting), Contains(error("items[1].number", "item number 3 skips numbers: expected 2")));
  EXPECT_THAT(check(meeting), Not(Contains(Field(&Finding::path, "items[2].number"))));
}

TEST(CheckNumbering, SubitemLetters) {
  Meeting meeting = valid_meeting();
  meeting.items[0].subitems[1].number = 1;
  EXPECT_THAT(check(meeting), Contains(error("items[0].subitems[1].number", "duplicate or out-of-order sub-item "
                                                                            "letter a of item 1: expected b")));
  meeting.items[0].subitems[1].number = 3;
  EXPECT_THAT(check(meeting), Contains(error("items[0].subitems[1].number", "sub-item letter c of item 1 skips "
                                                                            "letters: expected b")));
}

TEST(CheckNumbering, SubitemsCannotHaveSubitems) {
  Meeting meeting = valid_meeting();
  meeting.items[0].subitems[0].subitems.push_back(item(1, ItemKind::substantive, "Deeper"));
  EXPECT_THAT(check(meeting), Contains(error("items[0].subitems[0].subitems", "sub-items cannot have sub-items")));
}

// ---- rules on items

TEST(CheckItems, AtMostOneReviewMechanismItem) {
  Meeting meeting = valid_meeting();
  meeting.items[4].kind = ItemKind::review_mechanism;
  EXPECT_THAT(check(meeting), ElementsAre(error("items[4].kind", "items 4 and 5 are both review-mechanism items; a "
                                                                 "working group devotes no more than one agenda item "
                                                                 "per meeting to the review process")));
}

TEST(CheckItems, ReviewMechanismAsASubitemCounts) {
  Meeting meeting = valid_meeting();
  meeting.items[0].subitems[1].kind = ItemKind::review_mechanism;
  EXPECT_THAT(check(meeting), ElementsAre(error("items[3].kind", "items 1 (b) and 4 are both review-mechanism "
                                                                 "items")));
}

TEST(CheckItems, AdoptionOfTheReportMustBeLast) {
  Meeting meeting = valid_meeting();
  meeting.items[4].kind = ItemKind::adoption_of_report;
  meeting.items[5].kind = ItemKind::other_matters;
  EXPECT_THAT(check(meeting), ElementsAre(error("items[4].kind", "the adoption of the report (item 5) must be the "
                                                                 "last item; item 6 follows it")));
}

TEST(CheckItems, TwoAdoptionsOfTheReport) {
  Meeting meeting = valid_meeting();
  meeting.items[4].kind = ItemKind::adoption_of_report;
  EXPECT_THAT(check(meeting), ElementsAre(error("items[4].kind", "the adoption of the report (item 5) must be the "
                                                                 "last item; item 6 follows it")));
}

TEST(CheckItems, AdoptionOfTheReportAsASubitem) {
  Meeting meeting = valid_meeting();
  meeting.items[0].subitems[1].kind = ItemKind::adoption_of_report;
  meeting.items[5].kind = ItemKind::other_matters;
  EXPECT_THAT(check(meeting), ElementsAre(error("items[0].subitems[1].kind", "the adoption of the report (item 1 (b)) "
                                                                             "must be the last item; item 6 follows "
                                                                             "it")));
}

TEST(CheckItems, OrganizationalItemWithoutSubitems) {
  Meeting meeting = valid_meeting();
  meeting.items[4].kind = ItemKind::organizational;
  EXPECT_THAT(check(meeting), ElementsAre(warning("items[4].kind", "item 5 is organizational but has no sub-items")));
}

TEST(CheckItems, DocumentsAndNoDocuments) {
  Meeting meeting = valid_meeting();
  meeting.items[1].no_documents = true;
  EXPECT_THAT(check(meeting), ElementsAre(error("items[1].no_documents", "item 2 lists documents and also says none "
                                                                         "are planned")));
}

TEST(CheckItems, MinutesMustBePositive) {
  Meeting meeting = valid_meeting();
  meeting.items[0].subitems[0].minutes = 0;
  EXPECT_THAT(check(meeting), ElementsAre(error("items[0].subitems[0].minutes", "item 1 (a): expected a duration of "
                                                                                "1 minute or more")));
}

// ---- documents

TEST(CheckDocuments, InvalidSymbol) {
  Meeting meeting = valid_meeting();
  meeting.documents[0].symbol = "ctoc/COP/WG.7/2022/2";
  meeting.items[1].documents = {"ctoc/COP/WG.7/2022/2"};
  EXPECT_THAT(check(meeting), ElementsAre(error("documents[0].symbol", "'ctoc/COP/WG.7/2022/2' is not a valid UN "
                                                                       "document symbol")));
}

TEST(CheckDocuments, DeclaredTwice) {
  Meeting meeting = valid_meeting();
  meeting.documents.push_back(meeting.documents[0]);
  EXPECT_THAT(check(meeting), ElementsAre(error("documents[2].symbol", "document CTOC/COP/WG.7/2022/2 is declared "
                                                                       "twice")));
}

TEST(CheckDocuments, TheAgendaItself) {
  Meeting meeting = valid_meeting();
  meeting.documents[0].symbol = "CTOC/COP/WG.7/2022/1";
  meeting.items[1].documents = {"CTOC/COP/WG.7/2022/1"};
  EXPECT_THAT(check(meeting), ElementsAre(error("documents[0].symbol", "CTOC/COP/WG.7/2022/1 is the agenda's own "
                                                                       "symbol")));
}

TEST(CheckDocuments, DeclaredButNotListed) {
  Meeting meeting = valid_meeting();
  meeting.items[2].documents.clear();
  EXPECT_THAT(check(meeting), ElementsAre(warning("documents[1].symbol", "document CTOC/COP/WG.7/2022/3 is declared "
                                                                         "but no item lists it")));
}

TEST(CheckDocuments, ListedTwiceByOneItem) {
  Meeting meeting = valid_meeting();
  meeting.items[1].documents.push_back("CTOC/COP/WG.7/2022/2");
  EXPECT_THAT(check(meeting), ElementsAre(error("items[1].documents[1]", "item 2 lists document "
                                                                         "CTOC/COP/WG.7/2022/2 twice")));
}

TEST(CheckDocuments, NotDeclared) {
  Meeting meeting = valid_meeting();
  meeting.items[0].subitems[1].documents = {"CTOC/COP/WG.7/2022/INF/1"};
  EXPECT_THAT(check(meeting), ElementsAre(error("items[0].subitems[1].documents[0]", "item 1 (b) lists document "
                                                                                     "CTOC/COP/WG.7/2022/INF/1, which "
                                                                                     "is not among the meeting's "
                                                                                     "documents")));
}

// ---- footnotes and decisions

TEST(CheckReferences, UndefinedFootnote) {
  Meeting meeting = valid_meeting();
  meeting.items[0].subitems[0].annotation["fr"] = with_inline(InlineKind::footnote_ref, "hybird");
  EXPECT_THAT(check(meeting), ElementsAre(error("items[0].subitems[0].annotation.fr", "the text calls footnote "
                                                                                      "[^hybird], but the meeting has "
                                                                                      "no footnote 'hybird'")));
}

TEST(CheckReferences, UndefinedFootnoteInsideEmphasis) {
  Meeting meeting = valid_meeting();
  Inline emphasis{InlineKind::emphasis, "", "", {Inline{InlineKind::footnote_ref, "", "x", {}}}};
  meeting.items[4].annotation["en"] = {Paragraph{{emphasis}}};
  EXPECT_THAT(check(meeting), ElementsAre(error("items[4].annotation.en", "footnote [^x]")));
}

TEST(CheckReferences, UndefinedDecision) {
  Meeting meeting = valid_meeting();
  meeting.items[0].subitems[1].annotation["en"] = with_inline(InlineKind::decision_ref, "topics");
  EXPECT_THAT(check(meeting), ElementsAre(error("items[0].subitems[1].annotation.en", "the text cites decision "
                                                                                      "{{decision:topics}}, but the "
                                                                                      "meeting has no decision "
                                                                                      "'topics'")));
}

TEST(CheckReferences, ReferencesInFootnotes) {
  Meeting meeting = valid_meeting();
  meeting.footnotes[0].text["en"] = with_inline(InlineKind::decision_ref, "topics");
  EXPECT_THAT(check(meeting), ElementsAre(error("footnotes.hybrid.en", "{{decision:topics}}")));
}

TEST(CheckReferences, UndefinedAnnexFootnote) {
  Meeting meeting = valid_meeting();
  meeting.organization.footnote = "covid";
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.footnote", "the organization of work calls "
                                                                         "footnote 'covid', but the meeting has "
                                                                         "no such footnote")));
}

TEST(CheckReferences, FootnoteNeverCalled) {
  Meeting meeting = valid_meeting();
  meeting.footnotes.push_back({"unused", both_rich(plain("Unused."))});
  EXPECT_THAT(check(meeting), ElementsAre(warning("footnotes.unused", "footnote 'unused' is never called")));
}

TEST(CheckReferences, FootnoteCalledOnlyFromTheAnnexIsCalled) {
  Meeting meeting = valid_meeting();
  meeting.items[0].subitems[0].annotation = both_rich(plain("Opening."));
  EXPECT_THAT(check(meeting), IsEmpty());
  meeting.organization.footnote.clear();
  EXPECT_THAT(check(meeting), ElementsAre(warning("footnotes.hybrid", "never called")));
}

TEST(CheckReferences, DecisionIdUsedTwice) {
  Meeting meeting = valid_meeting();
  meeting.decisions.push_back(meeting.decisions[0]);
  EXPECT_THAT(check(meeting), ElementsAre(error("decisions[1].id", "decision id 'calendar' is used twice")));
}

// ---- slots of the organization of work

TEST(CheckSlots, NoOrganizationOfWorkIsNotChecked) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots.clear();
  EXPECT_THAT(check(meeting), IsEmpty());
}

TEST(CheckSlots, OutsideTheMeetingDates) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots[3].date = Date{2022, 6, 29};
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots[3].date", "2022-06-29 is outside the meeting's "
                                                                              "dates (2022-06-27 to 2022-06-28)")));
  meeting.organization.slots = {slot(Date{2022, 6, 26}, 10, 13, {"1 (a)", "1 (b)", "2", "3", "4", "5", "6"})};
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots[0].date", "2022-06-26 is outside")));
}

TEST(CheckSlots, EndNotAfterStart) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots[1].end = TimeOfDay{15 * 60};
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots[1].end", "the meeting ends at 15:00, not after it "
                                                                             "starts at 15:00")));
}

TEST(CheckSlots, Overlap) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots[1].start = TimeOfDay{12 * 60 + 59};
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots[1].start", "this meeting (2022-06-27 12:59) "
                                                                               "starts before the previous one ends "
                                                                               "(2022-06-27 13:00)")));
}

TEST(CheckSlots, BackToBackIsFine) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots[1].start = TimeOfDay{13 * 60};
  EXPECT_THAT(check(meeting), IsEmpty());
}

TEST(CheckSlots, OutOfOrderDays) {
  Meeting meeting = valid_meeting();
  std::swap(meeting.organization.slots[1].date, meeting.organization.slots[2].date);
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots[2].start", "this meeting (2022-06-27 10:00) "
                                                                               "starts before the previous one ends "
                                                                               "(2022-06-28 18:00)")));
}

// ---- the organization of work follows the agenda

TEST(CheckOrganization, ContinuedItemsAreFine) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots = {slot(Date{2022, 6, 27}, 10, 13, {"1 (a)", "1 (b)", "2"}),
                                slot(Date{2022, 6, 27}, 15, 18, {"2"}),
                                slot(Date{2022, 6, 28}, 10, 13, {"2", "3", "4", "5", "6"})};
  EXPECT_THAT(check(meeting), IsEmpty());
}

TEST(CheckOrganization, SkipsItems) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots[0].items.erase(meeting.organization.slots[0].items.begin() + 1);
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots[0].items[1]", "the organization of work skips "
                                                                                  "item 1 (b) before item 2")));
  meeting = valid_meeting();
  meeting.organization.slots[1].items = entries({"2", "4"});
  meeting.organization.slots[2].items = entries({"4", "5"});
  meeting.organization.slots[3].items = entries({"6"});
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots[1].items[1]", "skips item 3 before item 4")));
}

TEST(CheckOrganization, SkipsSeveralItems) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots[1].items = entries({"2"});
  meeting.organization.slots[2].items = entries({"5"});
  meeting.organization.slots[3].items = entries({"6"});
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots[2].items[0]", "the organization of work skips "
                                                                                  "items 3, 4 before item 5")));
}

TEST(CheckOrganization, ItemAfterALaterOne) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots[3].items = entries({"6", "5"});
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots[3].items[0]", "skips item 5 before item 6"),
                                          error("organization.slots[3].items[1]", "item 5 comes after item 6: the "
                                                                                  "organization of work must follow "
                                                                                  "the agenda order")));
}

TEST(CheckOrganization, ItemTakenUpAgainAfterLaterOnes) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots[3].items = entries({"5", "6", "2"});
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots[3].items[2]", "item 2 is taken up again after "
                                                                                  "later items")));
}

TEST(CheckOrganization, ContinuedItemMustOpenTheNextMeeting) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots[1].items = entries({"3", "2"});
  EXPECT_THAT(check(meeting), Contains(error("organization.slots[1].items[1]", "item 2 is taken up again after later "
                                                                               "items")));
}

TEST(CheckOrganization, NeverTakesUpTheLastItems) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots.pop_back();
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots", "the organization of work never takes up items "
                                                                      "5, 6")));
  meeting.organization.slots.push_back(slot(Date{2022, 6, 28}, 15, 18, {"5"}));
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots", "never takes up item 6")));
}

TEST(CheckOrganization, UnknownItem) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots[3].items.push_back(SlotItem{"7", false, std::nullopt});
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots[3].items[2]", "there is no item 7 on the "
                                                                                  "agenda")));
}

TEST(CheckOrganization, ItemWithSubitems) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots[0].items = entries({"1", "2"});
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots[0].items[0]", "item 1 has sub-items: take up "
                                                                                  "1 (a) instead"),
                                          error("organization.slots[0].items[1]", "skips items 1 (a), 1 (b) before "
                                                                                  "item 2")));
}

TEST(CheckOrganization, ListedTwiceInOneMeeting) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots[0].items.push_back(SlotItem{"2", false, std::nullopt});
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots[0].items[3]", "item 2 is listed twice in the same "
                                                                                  "meeting")));
}

TEST(CheckOrganization, ListedTwiceInARow) {
  // An item that ended the previous meeting is continued only as the first
  // item of the next one.
  Meeting meeting = valid_meeting();
  meeting.organization.slots[1].items = entries({"7", "2", "3"});
  EXPECT_THAT(check(meeting), ElementsAre(error("organization.slots[1].items[0]", "there is no item 7"),
                                          error("organization.slots[1].items[1]", "item 2 is listed twice in a "
                                                                                  "row")));
}

// ---- languages

TEST(CheckLanguages, MissingTextsAreWarnings) {
  Meeting meeting = valid_meeting();
  meeting.items[1].title.erase("fr");
  EXPECT_THAT(check(meeting), ElementsAre(AllOf(warning("items[1].title", "the title of item 2 has no French text"),
                                                Field(&Finding::missing_text, true))));
}

TEST(CheckLanguages, MissingTextsAreErrorsInAFinalDocument) {
  Meeting meeting = valid_meeting();
  meeting.items[1].title.erase("fr");
  EXPECT_THAT(check(meeting, CheckOptions{.final = true}),
              ElementsAre(AllOf(error("items[1].title", "the title of item 2 has no French text"),
                                Field(&Finding::message, Not(HasSubstr("--final"))))));
}

TEST(CheckLanguages, EveryTextIsRequired) {
  Meeting meeting = valid_meeting();
  meeting.languages = {"en", "fr", "es"};
  std::vector<std::string> paths;
  for (const Finding& f : check(meeting)) {
    EXPECT_EQ(f.severity, Severity::warning) << f.path;
    EXPECT_THAT(f.message, HasSubstr("has no Spanish text")) << f.path;
    paths.push_back(f.path);
  }
  EXPECT_THAT(paths,
              ElementsAre("body.name", "body.parent", "meeting.city", "items[0].title", "items[0].subitems[0].title",
                          "items[0].subitems[0].annotation", "items[0].subitems[1].title",
                          "items[0].subitems[1].annotation", "items[1].title", "items[1].annotation", "items[2].title",
                          "items[2].annotation", "items[3].title", "items[3].annotation", "items[4].title",
                          "items[4].annotation", "items[5].title", "items[5].annotation", "documents[0].description",
                          "documents[0].title", "documents[1].description", "documents[1].title", "decisions[0].by",
                          "decisions[0].approved", "footnotes.hybrid"));
}

TEST(CheckLanguages, ItemWithSubitemsNeedsNoAnnotation) {
  Meeting meeting = valid_meeting();
  ASSERT_TRUE(meeting.items[0].annotation.empty());
  EXPECT_THAT(check(meeting, CheckOptions{.final = true}), IsEmpty());
  meeting.items[0].annotation["en"] = plain("The organizational matters.");
  EXPECT_THAT(check(meeting, CheckOptions{.final = true}),
              ElementsAre(error("items[0].annotation", "the annotation of item 1 has no French text")));
}

TEST(CheckLanguages, ParentBodyIsOptional) {
  Meeting meeting = valid_meeting();
  meeting.body.parent.clear();
  EXPECT_THAT(check(meeting, CheckOptions{.final = true}), IsEmpty());
  meeting.body.parent = {{"en", "Conference of the Parties"}};
  EXPECT_THAT(check(meeting), ElementsAre(warning("body.parent", "the parent body's name has no French text")));
}

TEST(CheckLanguages, ADocumentsMissingTextsAreNamed) {
  Meeting meeting = valid_meeting();
  meeting.documents[1].description.erase("fr");
  meeting.documents[1].title.erase("en");
  EXPECT_THAT(check(meeting, CheckOptions{.final = true}),
              ElementsAre(error("documents[1].description",
                                "the description of document CTOC/COP/WG.7/2022/3 has no French text"),
                          error("documents[1].title",
                                "the title of document CTOC/COP/WG.7/2022/3 has no English text")));
  meeting.documents[1].title.clear();  // no title at all is fine
  EXPECT_THAT(check(meeting, CheckOptions{.final = true}), ElementsAre(error("documents[1].description", "French")));
}

TEST(CheckLanguages, DecisionsAreNamedByTheirId) {
  Meeting meeting = valid_meeting();
  meeting.decisions[0].by.erase("fr");
  meeting.decisions[0].approved.erase("en");
  EXPECT_THAT(check(meeting),
              ElementsAre(warning("decisions[0].by", "the body that took decision 'calendar' has no French text"),
                          warning("decisions[0].approved",
                                  "what decision 'calendar' approved has no English text")));
}

// ---- ids

TEST(CheckIds, FootnoteAndDecisionIdsFollowTheMeetingFileRules) {
  Meeting meeting = valid_meeting();
  meeting.footnotes.push_back({"no spaces", both_rich(plain("x"))});
  meeting.footnotes.push_back(meeting.footnotes[0]);
  meeting.decisions[0].id = "calendar x";
  const std::vector<Finding> findings = check(meeting);
  EXPECT_THAT(findings, Contains(error("decisions[0].id", "decision id 'calendar x' cannot be cited: use letters, "
                                                          "digits, '-' or '_' (at most 64)")));
  EXPECT_THAT(findings, Contains(error("footnotes.no spaces", "footnote id 'no spaces' cannot be called")));
  EXPECT_THAT(findings, Contains(error("footnotes.hybrid", "footnote id 'hybrid' is used twice")));
}

// ---- places named for people

TEST(DescribePlace, CountsItemsFromOneAndNamesLanguages) {
  EXPECT_EQ(describe_place("items[1].annotation.en"), "item 2, annotation in English");
  EXPECT_EQ(describe_place("items[0].subitems[1].title.fr"), "item 1 (b), title in French");
  EXPECT_EQ(describe_place("items[3]"), "item 4");
  EXPECT_EQ(describe_place("items[1].documents[0]"), "item 2, document 1");
  EXPECT_EQ(describe_place("items[2].not_before"), "item 3, not before");
  EXPECT_EQ(describe_place("items"), "the agenda");
  EXPECT_EQ(describe_place("document.issued"), "the agenda's date of issue");
  EXPECT_EQ(describe_place("document"), "the agenda");
  EXPECT_EQ(describe_place("meeting.city.ar"), "the meeting's city in Arabic");
  EXPECT_EQ(describe_place("body.parent.zh"), "the body's parent body in Chinese");
  EXPECT_EQ(describe_place("footnotes.hybrid.ru"), "footnote 'hybrid' in Russian");
  EXPECT_EQ(describe_place("organization.slots[2].items[0]"), "meeting 3 of the organization of work, entry 1");
  EXPECT_EQ(describe_place("organization.footnote"), "the organization of work, footnote");
  EXPECT_EQ(describe_place("planning.min_continuation"), "the planning settings, min continuation");
  EXPECT_EQ(describe_place("documents[1].description.es"), "document 2, description in Spanish");
  EXPECT_EQ(describe_place(""), "the meeting");
}

TEST(DescribePlace, NamesDocumentsAndDecisionsWithTheMeeting) {
  const Meeting meeting = valid_meeting();
  EXPECT_EQ(describe_place("documents[1].description.fr", &meeting),
            "document CTOC/COP/WG.7/2022/3, description in French");
  EXPECT_EQ(describe_place("decisions[0].by.en", &meeting), "decision 'calendar', body that decided in English");
  EXPECT_EQ(describe_place("documents[9].title", &meeting), "document 10, title");
}

TEST(DescribePlace, LeavesWhatItCannotReadAsItIs) {
  EXPECT_EQ(describe_place("items[x].title"), "items[x].title");
  EXPECT_EQ(describe_place("nothing.known"), "nothing.known");
  EXPECT_EQ(describe_place("items[1"), "items[1");
  EXPECT_EQ(describe_place("a..b"), "a..b");
}

// ---- continuations and errors

TEST(MarkContinuations, AnItemTakenUpInAnEarlierMeetingIsContinued) {
  Meeting meeting = valid_meeting();
  meeting.organization.slots[0].items[2].continued = true;  // wrong, and overwritten
  mark_continuations(meeting.organization);
  std::vector<std::string> continued;
  for (size_t s = 0; s < meeting.organization.slots.size(); ++s)
    for (const SlotItem& entry : meeting.organization.slots[s].items)
      if (entry.continued) continued.push_back(std::to_string(s) + ":" + entry.item);
  EXPECT_THAT(continued, ElementsAre("1:2", "2:3"));
}

TEST(MarkContinuations, NotWithinOneMeeting) {
  OrganizationOfWork organization;
  organization.slots = {slot(Date{2022, 6, 27}, 10, 13, {"2", "2"})};
  mark_continuations(organization);
  EXPECT_FALSE(organization.slots[0].items[0].continued);
  EXPECT_FALSE(organization.slots[0].items[1].continued);
}

TEST(HasErrors, OnlyErrorsCount) {
  EXPECT_FALSE(has_errors({}));
  EXPECT_FALSE(has_errors({{Severity::warning, "a", "b"}}));
  EXPECT_TRUE(has_errors({{Severity::warning, "a", "b"}, {Severity::error, "c", "d"}}));
}

// ---- planning constraints

TEST(CheckPlanningRules, ConstraintsNameRealItemsAndDates) {
  Meeting meeting = valid_meeting();
  meeting.items[1].constraints.same_meeting_as = "7";
  meeting.items[2].constraints.not_before_date = Date{2022, 7, 1};
  meeting.items[2].minutes = 30;
  meeting.items[2].constraints.min_minutes = 60;
  EXPECT_THAT(check(meeting),
              UnorderedElementsAre(
                  error("items[1].same_meeting_as", "item 2 is to share a meeting with item 7, which is not on the agenda"),
                  error("items[2].not_before", "item 3 may not start before 2022-07-01, which is outside the meeting's dates"),
                  error("items[2].min_minutes", "item 3: the minimum (60 min) is more than the estimate (30 min)")));
}

}  // namespace
}  // namespace plenary
