#include "edit/diff.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "edit/edit.h"
#include "edit/test_support.h"

namespace plenary::edit {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using namespace plenary::edit::testing;

TEST(DescribeChanges, NothingWhenEqual) {
  const Meeting meeting = example();
  EXPECT_THAT(describe_changes(meeting, meeting), IsEmpty());
  EXPECT_THAT(describe_changes(Meeting{}, Meeting{}), IsEmpty());
}

TEST(DescribeChanges, ItemTitleAndAnnotation) {
  const Meeting meeting = example();
  EXPECT_THAT(describe_changes(meeting, set_item_title(meeting, "3", "fr", "Procédures d'enquête")),
              ElementsAre("item 3: title (fr) changed"));
  EXPECT_THAT(describe_changes(meeting, set_item_title(meeting, "1 (b)", "ru", "")),
              ElementsAre("item 1 (b): title (ru) removed"));
  EXPECT_THAT(describe_changes(meeting, set_annotation(meeting, "2", "ar", "نص جديد.")),
              ElementsAre("item 2: annotation (ar) changed"));
  EXPECT_THAT(describe_changes(meeting, set_annotation(meeting, "1", "en", "Matters of organization.")),
              ElementsAre("item 1: annotation (en) added"));
}

TEST(DescribeChanges, ItemKindAndMinutes) {
  const Meeting meeting = example();
  EXPECT_THAT(describe_changes(meeting, set_item_kind(meeting, "3", ItemKind::other_matters)),
              ElementsAre("item 3: kind: substantive -> other-matters"));
  EXPECT_THAT(describe_changes(meeting, set_item_minutes(meeting, "2", 45)),
              ElementsAre("item 2: minutes: none -> 45"));
  EXPECT_THAT(describe_changes(meeting, set_item_minutes(meeting, "6", std::nullopt)),
              ElementsAre("item 6: minutes: 150 -> none"));
}

TEST(DescribeChanges, AddedItemIsOneChangeNotARenumbering) {
  const Meeting meeting = example();
  const Meeting after = add_item(meeting, topic("Other matters of substance"), "", 4);
  EXPECT_THAT(describe_changes(meeting, after), ElementsAre("item 4 added: \"Other matters of substance\"",
                                                            "organization of work changed (revision 1)"));
  EXPECT_THAT(describe_changes(after, meeting), ElementsAre("item 4 removed: \"Other matters of substance\"",
                                                            "organization of work changed (revision 0)"));
}

TEST(DescribeChanges, RemovedAndMovedItems) {
  const Meeting meeting = example();
  EXPECT_THAT(
      describe_changes(meeting, remove_item(meeting, "1 (a)")),
      ElementsAre("item 1 (a) removed: \"Opening of the meeting\"", "organization of work changed (revision 1)"));
  EXPECT_THAT(describe_changes(meeting, move_item(meeting, "4", 2)),
              ElementsAre("item 4 moved: now item 2", "organization of work cleared (revision 1)"));
  EXPECT_THAT(describe_changes(meeting, move_item(meeting, "1 (b)", 1)),
              ElementsAre("item 1 (b) moved: now item 1 (a)"));
}

TEST(DescribeChanges, RenumberedReferencesAreNotChanges) {
  Meeting meeting = example();
  const_cast<Item*>(find_item(meeting, "5"))->constraints.same_meeting_as = "4";
  const Meeting after = remove_item(meeting, "2");
  const auto lines = describe_changes(meeting, after);
  EXPECT_EQ(lines.size(), 2u) << ::testing::PrintToString(lines);
  EXPECT_THAT(lines, Contains("organization of work changed (revision 1)"));
  // A reference really cleared is a change.
  const Meeting cleared = remove_item(meeting, "4");
  EXPECT_THAT(describe_changes(meeting, cleared), Contains("item 4: same meeting as: item 4 -> none"));
}

TEST(DescribeChanges, QuotesTitlesInScriptShortened) {
  const Meeting meeting = example();
  Item item;
  item.title = {{"zh", "偷运移民：新趋势"}};
  EXPECT_THAT(describe_changes(meeting, add_item(meeting, item, "", 5)),
              Contains("item 5 added: \"偷运移民：新趋势\""));
  const std::string long_title(100, 'x');
  const Meeting after = add_item(meeting, topic(long_title), "", 5);
  EXPECT_THAT(describe_changes(meeting, after), Contains("item 5 added: \"" + std::string(80, 'x') + "…\""));
  Item untitled;
  EXPECT_THAT(describe_changes(meeting, add_item(meeting, untitled, "", 5)), Contains("item 5 added"));
}

TEST(DescribeChanges, Documents) {
  const Meeting meeting = example();
  EXPECT_THAT(describe_changes(meeting, remove_document(meeting, "CTOC/COP/WG.7/2022/3")),
              ElementsAre("document CTOC/COP/WG.7/2022/3 removed"));
  Document note;
  note.symbol = "CTOC/COP/WG.7/2022/CRP.1";
  EXPECT_THAT(
      describe_changes(meeting, add_document(meeting, note, "4")),
      ElementsAre("item 4: document CTOC/COP/WG.7/2022/CRP.1 listed",
                  "item 4: no longer says no documents are planned", "document CTOC/COP/WG.7/2022/CRP.1 added"));
  EXPECT_THAT(describe_changes(meeting, set_document_title(meeting, "CTOC/COP/WG.7/2022/2", "ru", "Новое")),
              ElementsAre("document CTOC/COP/WG.7/2022/2: title (ru) changed"));
  Meeting unlisted = meeting;
  const_cast<Item*>(find_item(unlisted, "2"))->documents.clear();
  EXPECT_THAT(describe_changes(meeting, unlisted),
              ElementsAre("item 2: document CTOC/COP/WG.7/2022/2 no longer listed"));
}

TEST(DescribeChanges, Decisions) {
  const Meeting meeting = example();
  Decision decision;
  decision.id = "agenda";
  decision.date = Date{2022, 4, 1};
  const Meeting added = add_decision(meeting, decision);
  EXPECT_THAT(describe_changes(meeting, added), ElementsAre("decision agenda added"));
  EXPECT_THAT(describe_changes(added, remove_decision(added, "agenda")), ElementsAre("decision agenda removed"));
  Meeting redated = meeting;
  redated.decisions[0].date = Date{2021, 8, 1};
  redated.decisions[0].approved["fr"] = "autre chose";
  EXPECT_THAT(describe_changes(meeting, redated),
              ElementsAre("decision calendar-2022: date: 2021-07-30 -> 2021-08-01",
                          "decision calendar-2022: approved (fr) changed"));
}

TEST(DescribeChanges, MeetingData) {
  const Meeting meeting = example();
  EXPECT_THAT(describe_changes(meeting, set_format(meeting, MeetingFormat::hybrid)),
              ElementsAre("format: in-person -> hybrid"));
  EXPECT_THAT(describe_changes(meeting, set_dates(meeting, Date{2022, 7, 4}, Date{2022, 7, 5})),
              ElementsAre("dates changed: 2022-06-27..2022-06-28 -> 2022-07-04..2022-07-05",
                          "organization of work changed (revision 1)"));
  EXPECT_THAT(describe_changes(meeting, set_meeting_city(meeting, "fr", "")),
              ElementsAre("meeting: city (fr) removed"));
  EXPECT_THAT(describe_changes(meeting, set_meeting_venue(meeting, "es", "Sede")),
              ElementsAre("meeting: venue (es) changed"));
  EXPECT_THAT(describe_changes(meeting, set_meeting_title(meeting, "en", "Ninth meeting")),
              ElementsAre("meeting: title (en) added"));
}

TEST(DescribeChanges, Organization) {
  const Meeting meeting = example();
  OrganizationOfWork changed = meeting.organization;
  changed.slots[1].items = {{"3", false, std::nullopt}};
  EXPECT_THAT(describe_changes(meeting, set_organization(meeting, changed)),
              ElementsAre("organization of work changed (revision 1)"));
  Meeting revised = meeting;
  revised.organization.sequence = 3;
  revised.organization.footnote = "";
  EXPECT_THAT(describe_changes(meeting, revised), ElementsAre("organization of work: revision: 0 -> 3",
                                                              "organization of work: footnote: hybrid -> none"));
}

TEST(DescribeChanges, Planning) {
  const Meeting meeting = example();
  Meeting after = meeting;
  after.planning.hybrid = {{TimeOfDay{600}, TimeOfDay{720}}};
  after.planning.skip_weekends = false;
  after.planning.unavailable.push_back({Date{2022, 6, 27}, TimeOfDay{600}});
  EXPECT_THAT(describe_changes(meeting, after),
              ElementsAre("planning: hybrid hours: 12:00-14:00, 15:00-17:00 -> 10:00-12:00",
                          "planning: unavailable meetings changed", "planning: skip weekends: yes -> no"));
}

TEST(DescribeChanges, NextMeeting) {
  const Meeting meeting = example();
  const auto lines =
      describe_changes(meeting, next_meeting(meeting, "CTOC/COP/WG.7/2023/1", Date{2023, 7, 3}, Date{2023, 7, 4},
                                             Date{2023, 4, 20}));
  EXPECT_THAT(lines, Contains("meeting: ordinal: 9 -> 10"));
  EXPECT_THAT(lines, Contains("agenda: symbol: CTOC/COP/WG.7/2022/1 -> CTOC/COP/WG.7/2023/1"));
  EXPECT_THAT(lines, Contains("dates changed: 2022-06-27..2022-06-28 -> 2023-07-03..2023-07-04"));
  EXPECT_THAT(lines, Contains("item 2: annotation (en) removed"));
  EXPECT_THAT(lines, Contains("document CTOC/COP/WG.7/2022/2 removed"));
  EXPECT_THAT(lines, Contains("decision topics removed"));
  EXPECT_THAT(lines, Contains("footnote hybrid removed"));
  EXPECT_THAT(lines, Contains("organization of work cleared (revision 0)"));
}

TEST(DescribeChanges, TitleEditedInPlaceIsMatchedByPlace) {
  const Meeting meeting = example();
  Meeting after = meeting;
  const_cast<Item*>(find_item(after, "3"))->title = {{"en", "A new topic"}};
  const auto lines = describe_changes(meeting, after);
  EXPECT_THAT(lines, Contains("item 3: title (en) changed"));
  EXPECT_THAT(lines, Contains("item 3: title (fr) removed"));
  for (const std::string& line : lines) EXPECT_EQ(line.rfind("item 3: ", 0), 0u) << line;
}

TEST(DescribeChanges, LargeAgendasAreComparedByPlace) {
  Meeting before;
  for (int n = 1; n <= 1500; ++n) {
    Item item = topic("Item " + std::to_string(n));
    item.number = n;
    before.items.push_back(item);
  }
  Meeting after = before;
  after.items[700].title["en"] = "Changed";
  EXPECT_THAT(describe_changes(before, after), ElementsAre("item 701: title (en) changed"));
}

// ---- compare_fields

// "place | name | language | before | after", one change a line.
std::vector<std::string> compared(const Meeting& before, const Meeting& after) {
  std::vector<std::string> out;
  for (const FieldChange& c : compare_fields(before, after))
    out.push_back(c.field + ": " + c.place + " | " + c.name + " | " + c.language + " | " + c.before + " | " + c.after);
  return out;
}

TEST(CompareFields, NothingWhenEqual) {
  const Meeting meeting = example();
  EXPECT_THAT(compare_fields(meeting, meeting), IsEmpty());
}

TEST(CompareFields, ATitleInOneLanguage) {
  const Meeting meeting = example();
  const std::string before = *text_in(find_item(meeting, "3")->title, "fr");
  const std::vector<FieldChange> changes =
      compare_fields(meeting, set_item_title(meeting, "3", "fr", "Procédures d'enquête"));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].field, "items[2].title.fr");
  EXPECT_EQ(changes[0].place, "item 3");
  EXPECT_EQ(changes[0].name, "title");
  EXPECT_EQ(changes[0].language, "fr");
  EXPECT_EQ(changes[0].before, before);
  EXPECT_EQ(changes[0].after, "Procédures d'enquête");
}

TEST(CompareFields, AnAnnotationAsItsMarkdown) {
  const Meeting meeting = example();
  EXPECT_THAT(compared(meeting, set_annotation(meeting, "1 (a)", "es", "La reunión se abrirá el *{{opening}}*.")),
              ElementsAre(::testing::StartsWith("items[0].subitems[0].annotation.es: item 1 (a) | annotation | es | "
                                                "La novena reunión")));
  const FieldChange change =
      compare_fields(meeting, set_annotation(meeting, "1 (a)", "es", "La reunión se abrirá el *{{opening}}*."))[0];
  EXPECT_EQ(change.after, "La reunión se abrirá el *{{opening}}*.");
}

TEST(CompareFields, AnAddedItemIsOneItemWithEveryValueNew) {
  const Meeting meeting = example();
  const Meeting after = add_item(meeting, topic("Other matters of substance"), "", 4);
  const std::vector<FieldChange> changes = compare_fields(meeting, after);
  std::set<std::string> places;
  for (const FieldChange& change : changes) places.insert(change.place);
  // The new item, and the organization of work that takes it up; no later
  // item reads as changed by its new number.
  for (const std::string& place : places)
    EXPECT_TRUE(place == "item 4" || place.rfind("organization of work", 0) == 0) << place;
  EXPECT_THAT(compared(meeting, after), Contains("items[3].title.en: item 4 | title | en |  | Other matters of substance"));
  EXPECT_THAT(compared(after, meeting), Contains("items[3].title.en: item 4 | title | en | Other matters of substance | "));
}

TEST(CompareFields, DocumentsDecisionsAndFootnotesByTheirNames) {
  Meeting after = example();
  after.documents[1].description["fr"] = "Nouvelle description";
  after.decisions[1].approved["en"] = "the topics";
  after.footnotes[0].text.erase("ru");
  after.start = Date{2022, 6, 26};
  after.document.distribution = Distribution::limited;
  const std::vector<std::string> lines = compared(example(), after);
  EXPECT_THAT(lines, Contains(::testing::StartsWith(
                         "documents[1].description.fr: document CTOC/COP/WG.7/2022/3 | description | fr | ")));
  EXPECT_THAT(lines, Contains("decisions[1].approved.en: decision topics | approved | en | the substantive topics for "
                              "the meeting of the Working Group | the topics"));
  const std::string footnote = after.footnotes[0].id;
  EXPECT_THAT(lines, Contains(::testing::StartsWith("footnotes." + footnote + ".ru: footnote " + footnote +
                                                    " | text | ru | ")));
  EXPECT_THAT(lines, Contains("meeting.start: meeting | start |  | 2022-06-27 | 2022-06-26"));
  EXPECT_THAT(lines, Contains("document.distribution: agenda document | distribution |  | general | limited"));
}

TEST(CompareFields, TheOrganizationOfWorkMeetingByMeeting) {
  const Meeting meeting = example();
  Meeting after = meeting;
  after.organization.slots[1].items.pop_back();
  after.organization.slots.pop_back();
  const std::vector<std::string> lines = compared(meeting, after);
  EXPECT_THAT(lines, Contains(::testing::StartsWith(
                         "organization.slots[1].items: organization of work, meeting of 2022-06-27 at 15:00 | items")));
  EXPECT_THAT(lines, Contains(::testing::StartsWith(
                         "organization.slots[3].items: organization of work, meeting of 2022-06-28 at 15:00 | items")));
}

TEST(CompareFields, ARemovedSubItemByItsOldKey) {
  const Meeting meeting = example();
  const std::vector<FieldChange> changes = compare_fields(meeting, remove_item(meeting, "1 (a)"));
  bool found = false;
  for (const FieldChange& change : changes)
    if (change.place == "item 1 (a)" && change.name == "title" && change.language == "en") {
      found = true;
      EXPECT_EQ(change.field, "items[0].subitems[0].title.en");
      EXPECT_EQ(change.before, "Opening of the meeting");
      EXPECT_EQ(change.after, "");
    }
  EXPECT_TRUE(found);
}

TEST(MeetingFields, EveryValuePlaceByPlace) {
  const Meeting meeting = example();
  const std::vector<std::string> lines = compared(Meeting{}, meeting);
  const std::vector<FieldChange> fields = meeting_fields(meeting);
  EXPECT_GT(fields.size(), lines.size());  // the defaults too: the format, the planning settings
  std::vector<std::string> places;
  for (const FieldChange& field : fields) {
    EXPECT_TRUE(field.before.empty()) << field.field;
    if (places.empty() || places.back() != field.place) places.push_back(field.place);
  }
  EXPECT_EQ(places.front(), "body");
  EXPECT_THAT(places, Contains("item 1 (b)"));
  EXPECT_THAT(places, Contains("footnote hybrid"));
  EXPECT_EQ(places.back(), "planning");
  bool format = false;
  for (const FieldChange& field : fields) format = format || (field.field == "meeting.format" && field.after == "in-person");
  EXPECT_TRUE(format);
}

}  // namespace
}  // namespace plenary::edit
