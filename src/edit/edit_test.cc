#include "edit/edit.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <climits>

#include "edit/equal.h"
#include "edit/test_support.h"
#include "format/rich_text.h"

namespace plenary::edit {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using namespace plenary::edit::testing;

using Rows = std::vector<std::vector<std::string>>;

const Rows kExampleRows = {{"1 (a)", "1 (b)", "2"}, {"2+", "3"}, {"3+", "4"}, {"5", "6"}};

std::string title(const Meeting& meeting, const std::string& key, const std::string& lang = "en") {
  const Item* item = find_item(meeting, key);
  if (!item) return "<no item " + key + ">";
  const std::string* text = text_in(item->title, lang);
  return text ? *text : "<no " + lang + " title>";
}

Item& item_at(Meeting& meeting, const std::string& key) { return const_cast<Item&>(*find_item(meeting, key)); }

TEST(Example, IsAcceptedAndPlanned) {
  const Meeting meeting = example();
  EXPECT_THAT(errors(meeting), IsEmpty());
  EXPECT_EQ(rows(meeting.organization), kExampleRows);
  EXPECT_EQ(meeting.organization.sequence, 0);
}

// ---- renumber

TEST(Renumber, LeavesANumberedMeetingAlone) {
  const Meeting meeting = example();
  const Meeting same_meeting = renumber(meeting);
  EXPECT_TRUE(same_elements(meeting.items, same_meeting.items));
  EXPECT_TRUE(same(meeting.organization.slots, same_meeting.organization.slots));
  EXPECT_EQ(same_meeting.organization.sequence, 0);
}

TEST(Renumber, ReadsNumbersAsOldKeysAndRewritesReferences) {
  Meeting meeting = example();
  item_at(meeting, "6").constraints.same_meeting_as = "5";
  // Item 5 (other matters) goes; 6 is now the fifth item and keeps its reference cleared.
  meeting.items.erase(meeting.items.begin() + 4);
  const Meeting numbered = renumber(meeting);
  ASSERT_EQ(numbered.items.size(), 5u);
  EXPECT_EQ(numbered.items[4].number, 5);
  EXPECT_EQ(numbered.items[4].constraints.same_meeting_as, "");
  EXPECT_EQ(rows(numbered.organization), (Rows{{"1 (a)", "1 (b)", "2"}, {"2+", "3"}, {"3+", "4"}, {"5"}}));
  EXPECT_EQ(numbered.organization.sequence, 1);
  EXPECT_THAT(errors(numbered), IsEmpty());
}

TEST(Renumber, TakesUpANewItemAfterTheOneBeforeIt) {
  Meeting meeting = example();
  Item added = topic("New topic");  // number 0: new
  meeting.items.insert(meeting.items.begin() + 3, added);
  const Meeting numbered = renumber(meeting);
  EXPECT_EQ(title(numbered, "4"), "New topic");
  EXPECT_EQ(rows(numbered.organization), (Rows{{"1 (a)", "1 (b)", "2"}, {"2+", "3"}, {"3+", "4", "5"}, {"6", "7"}}))
      << "the new item 4 follows item 3 where 3 ends";
  EXPECT_THAT(errors(numbered), IsEmpty());
}

// ---- add_item

TEST(AddItem, BeforeItemTwoRenumbersTheRestAndTheirSlots) {
  const Meeting meeting = example();
  const Meeting result = add_item(meeting, topic("Trends in the smuggling of migrants"), "", 2);
  ASSERT_EQ(result.items.size(), 7u);
  EXPECT_EQ(title(result, "2"), "Trends in the smuggling of migrants");
  EXPECT_EQ(title(result, "3"), title(meeting, "2"));
  EXPECT_EQ(title(result, "7"), "Adoption of the report");
  // The old 2 is now 3 in the organization of work; the new 2 follows 1 (b).
  EXPECT_EQ(rows(result.organization), (Rows{{"1 (a)", "1 (b)", "2", "3"}, {"3+", "4"}, {"4+", "5"}, {"6", "7"}}));
  EXPECT_EQ(result.organization.sequence, 1);
  EXPECT_THAT(errors(result), IsEmpty());
  EXPECT_EQ(rows(meeting.organization), kExampleRows) << "the input is not changed";
}

TEST(AddItem, RewritesSameMeetingAsFromTheOldNumbering) {
  Meeting meeting = example();
  item_at(meeting, "5").constraints.same_meeting_as = "3";
  Item added = topic("Linked");
  added.constraints.same_meeting_as = "4";  // the review item, as numbered before
  const Meeting result = add_item(meeting, added, "", 2);
  EXPECT_EQ(find_item(result, "6")->constraints.same_meeting_as, "4");
  EXPECT_EQ(find_item(result, "2")->constraints.same_meeting_as, "5");
  EXPECT_THAT(errors(result), IsEmpty());
}

TEST(AddItem, AtTheEndGoesBeforeTheClosingItems) {
  const Meeting meeting = example();
  const Meeting result = add_item(meeting, topic("Late"), "", 0);
  EXPECT_EQ(title(result, "5"), "Late") << "before other matters (now 6) and the adoption of the report (now 7)";
  EXPECT_EQ(find_item(result, "6")->kind, ItemKind::other_matters);
  EXPECT_EQ(find_item(result, "7")->kind, ItemKind::adoption_of_report);
  EXPECT_EQ(rows(result.organization), (Rows{{"1 (a)", "1 (b)", "2"}, {"2+", "3"}, {"3+", "4", "5"}, {"6", "7"}}));
  EXPECT_THAT(errors(result), IsEmpty());

  Item more = topic("Other matters, continued");
  more.kind = ItemKind::other_matters;
  EXPECT_EQ(title(add_item(meeting, more, "", 0), "6"), "Other matters, continued")
      << "after other matters, before the report";
}

TEST(AddItem, AnExplicitPositionAfterTheReportSaysWhichFit) {
  const Meeting meeting = example();
  const EditError error = error_of([&] { add_item(meeting, topic("Late"), "", 7); });
  EXPECT_EQ(error.field, "position");
  EXPECT_STREQ(error.what(), "position 7 would put the new item after the adoption of the report (item 6), which "
                             "must be the last item; choose a position from 1 to 6, or 0 to add it before the "
                             "closing items");
  // Just before the report is fine: taken up with other matters.
  const Meeting result = add_item(meeting, topic("Late"), "", 6);
  EXPECT_EQ(title(result, "6"), "Late");
  EXPECT_EQ(rows(result.organization).back(), (std::vector<std::string>{"5", "6", "7"}));
  EXPECT_THAT(errors(result), IsEmpty());
}

TEST(AddItem, SubItemGoesAfterItsSiblingsInTheSlots) {
  const Meeting meeting = example();
  Item election;
  election.kind = ItemKind::organizational;
  election.title = {{"en", "Election of officers"}, {"ar", "انتخاب أعضاء المكتب"}};
  const Meeting result = add_item(meeting, election, "1", 0);
  EXPECT_EQ(title(result, "1 (c)"), "Election of officers");
  EXPECT_EQ(title(result, "1 (c)", "ar"), "انتخاب أعضاء المكتب");
  EXPECT_EQ(rows(result.organization).front(), (std::vector<std::string>{"1 (a)", "1 (b)", "1 (c)", "2"}));
  EXPECT_THAT(errors(result), IsEmpty());

  const Meeting first = add_item(meeting, election, "1", 1);
  EXPECT_EQ(title(first, "1 (a)"), "Election of officers");
  EXPECT_EQ(title(first, "1 (b)"), "Opening of the meeting");
  EXPECT_EQ(rows(first.organization).front(), (std::vector<std::string>{"1 (a)", "1 (b)", "1 (c)", "2"}));
  EXPECT_THAT(errors(first), IsEmpty());
}

TEST(AddItem, FirstSubItemTakesThePlaceOfItsParent) {
  const Meeting meeting = example();
  const Meeting result = add_item(meeting, topic("Private sector: technology companies"), "2", 0);
  EXPECT_EQ(title(result, "2 (a)"), "Private sector: technology companies");
  EXPECT_EQ(rows(result.organization), (Rows{{"1 (a)", "1 (b)", "2 (a)"}, {"2 (a)+", "3"}, {"3+", "4"}, {"5", "6"}}));
  EXPECT_THAT(errors(result), IsEmpty());
}

TEST(AddItem, TopLevelItemWithSubItems) {
  const Meeting meeting = example();
  Item group = topic("Thematic discussion");
  group.kind = ItemKind::organizational;
  group.subitems = {topic("First theme"), topic("Second theme")};
  group.subitems[0].number = 7;  // ignored
  const Meeting result = add_item(meeting, group, "", 4);
  EXPECT_EQ(title(result, "4 (a)"), "First theme");
  EXPECT_EQ(title(result, "4 (b)"), "Second theme");
  EXPECT_EQ(rows(result.organization),
            (Rows{{"1 (a)", "1 (b)", "2"}, {"2+", "3"}, {"3+", "4 (a)", "4 (b)", "5"}, {"6", "7"}}));
  EXPECT_THAT(errors(result), IsEmpty());
}

TEST(AddItem, RefusesBadRequests) {
  const Meeting meeting = example();
  auto expect = [&](const Item& item, const std::string& parent, int position, const std::string& field,
                    const std::string& message) {
    const EditError error = error_of([&] { add_item(meeting, item, parent, position); });
    EXPECT_EQ(error.field, field) << error.what();
    EXPECT_THAT(error.what(), HasSubstr(message)) << field;
  };
  expect(topic("x"), "9", 1, "parent_key", "there is no item 9; the agenda has items 1 to 6");
  expect(topic("x"), "1 (a)", 1, "parent_key", "item 1 (a) is a sub-item, and sub-items cannot have sub-items");
  expect(topic("x"), "one", 1, "parent_key", "\"one\" is not an item number");
  expect(topic("x"), "", 8, "position",
         "position 8 is not between 1 and 7 (0 adds at the end); the agenda has items 1 to 6");
  expect(topic("x"), "", -1, "position", "position -1");
  expect(topic("x"), "1", 4, "position", "item 1 has sub-items 1 (a) to 1 (b)");

  Item nested = topic("x");
  nested.subitems = {topic("y")};
  expect(nested, "1", 1, "item.subitems", "a sub-item cannot have sub-items");
  Item deep = topic("x");
  deep.subitems = {nested};
  expect(deep, "", 2, "item.subitems[0].subitems", "a sub-item cannot have sub-items");

  Item german = topic("x");
  german.title["de"] = "Neues Thema";
  expect(german, "", 2, "item.title", "'de' is not one of the meeting's languages; use ar, zh, en, fr, ru, es");
  Item broken = topic("x");
  broken.title["fr"] = "caf\xC3";
  expect(broken, "", 2, "item.title.fr", "not valid UTF-8: byte 0xC3 at line 1, column 4");
  Item with_nul = topic("x");
  with_nul.title["fr"] = std::string("a\0b", 3);
  expect(with_nul, "", 2, "item.title.fr", "NUL");
  Item huge = topic(std::string(kMaxTitleBytes + 1, 'a'));
  expect(huge, "", 2, "item.title.en", "at most 4096");

  Item annotated = topic("x");
  annotated.annotation["en"] = {Paragraph{{Inline{InlineKind::footnote_ref, "", "nope", {}}}}};
  expect(annotated, "", 2, "item.annotation.en",
         "footnote [^nope], but the meeting has no footnote 'nope': add it first (the meeting's footnotes are "
         "compendium, hybrid)");
  Item citing = topic("x");
  citing.annotation["fr"] = {Paragraph{{Inline{InlineKind::decision_ref, "", "nope", {}}}}};
  expect(citing, "", 2, "item.annotation.fr", "the meeting's decisions are calendar-2022, topics");

  Item documented = topic("x");
  documented.documents = {"CTOC/COP/WG.7/2022/9"};
  expect(documented, "", 2, "item.documents[0]", "document CTOC/COP/WG.7/2022/9 is not declared");
  documented.documents = {"CTOC/COP/WG.7/2022/2", "CTOC/COP/WG.7/2022/2"};
  expect(documented, "", 2, "item.documents[1]", "listed twice");
  documented.documents = {"CTOC/COP/WG.7/2022/2"};
  documented.no_documents = true;
  expect(documented, "", 2, "item.no_documents", "also says none are planned");

  Item timed = topic("x");
  timed.minutes = 0;
  expect(timed, "", 2, "item.minutes", "expected a duration of 1 minute or more, found 0");
  timed.minutes = INT_MAX;
  expect(timed, "", 2, "item.minutes", "longer than the meeting's 2 days (2880 minutes)");
  timed.minutes = 30;
  timed.constraints.min_minutes = 60;
  expect(timed, "", 2, "item.min_minutes", "the minimum (60 min) is more than the estimate (30 min)");

  Item linked = topic("x");
  linked.constraints.same_meeting_as = "9";
  expect(linked, "", 2, "item.same_meeting_as", "there is no item 9");
  Item early = topic("x");
  early.constraints.not_before_date = Date{2022, 7, 1};
  expect(early, "", 2, "item.not_before", "2022-07-01 is outside the meeting's dates (2022-06-27 to 2022-06-28)");

  Item review = topic("x");
  review.kind = ItemKind::review_mechanism;
  expect(review, "", 2, "item.kind", "items 2 and 5 would both be review-mechanism items");
  Item report = topic("x");
  report.kind = ItemKind::adoption_of_report;
  expect(report, "", 0, "item.kind", "the agenda already has an adoption of the report (item 6)");
  Item unknown = topic("x");
  unknown.kind = static_cast<ItemKind>(99);
  expect(unknown, "", 2, "item.kind", "unknown item kind");
}

TEST(AddItem, KeepsScriptTextVerbatimAndDropsBlankTitles) {
  const Meeting meeting = example();
  Item item = topic("Tom & Jerry <b>bold</b> \"quoted\"");
  item.title["zh"] = "偷运移民：新趋势";
  item.title["ru"] = "Новые тенденции";
  item.title["fr"] = "   ";
  const Meeting result = add_item(meeting, item, "", 2);
  EXPECT_EQ(title(result, "2"), "Tom & Jerry <b>bold</b> \"quoted\"");
  EXPECT_EQ(title(result, "2", "zh"), "偷运移民：新趋势");
  EXPECT_EQ(title(result, "2", "ru"), "Новые тенденции");
  EXPECT_EQ(title(result, "2", "fr"), "<no fr title>");
}

// ---- remove_item

TEST(RemoveItem, SubItemLetterMovesUp) {
  const Meeting meeting = example();
  const Meeting result = remove_item(meeting, "1 (a)");
  EXPECT_EQ(title(result, "1 (a)"), "Adoption of the agenda and organization of work");
  EXPECT_EQ(find_item(result, "1 (b)"), nullptr);
  EXPECT_EQ(rows(result.organization), (Rows{{"1 (a)", "2"}, {"2+", "3"}, {"3+", "4"}, {"5", "6"}}));
  EXPECT_EQ(result.organization.sequence, 1);
  EXPECT_THAT(errors(result), IsEmpty());
}

TEST(RemoveItem, LaterItemsMoveUpAndEmptySlotsStay) {
  Meeting meeting = example();
  item_at(meeting, "5").constraints.same_meeting_as = "4";
  item_at(meeting, "3").constraints.same_meeting_as = "2";
  const Meeting result = remove_item(meeting, "2");
  EXPECT_EQ(title(result, "2"), title(meeting, "3"));
  EXPECT_EQ(find_item(result, "2")->constraints.same_meeting_as, "") << "item 2 is gone";
  EXPECT_EQ(find_item(result, "4")->constraints.same_meeting_as, "3") << "old 4 is 3";
  EXPECT_EQ(rows(result.organization), (Rows{{"1 (a)", "1 (b)"}, {"2"}, {"2+", "3"}, {"4", "5"}}));
  EXPECT_THAT(errors(result), IsEmpty());

  // Items 3 and 4 fill the second day's morning; without them it is empty.
  const Meeting emptied = remove_item(remove_item(meeting, "4"), "3");
  EXPECT_EQ(rows(emptied.organization), (Rows{{"1 (a)", "1 (b)", "2"}, {"2+"}, {}, {"3", "4"}}));
  EXPECT_THAT(errors(emptied), IsEmpty());
}

TEST(RemoveItem, LastSubItemHandsThePlaceBackToItsParent) {
  const Meeting meeting = example();
  const Meeting result = remove_item(remove_item(meeting, "1 (b)"), "1(a)");
  EXPECT_TRUE(find_item(result, "1")->subitems.empty());
  EXPECT_EQ(rows(result.organization).front(), (std::vector<std::string>{"1", "2"}));
  EXPECT_THAT(errors(result), IsEmpty());
}

TEST(RemoveItem, RefusesUnknownKeysAndTheLastItem) {
  const Meeting meeting = example();
  EditError error = error_of([&] { remove_item(meeting, "7"); });
  EXPECT_EQ(error.field, "key");
  EXPECT_STREQ(error.what(), "there is no item 7; the agenda has items 1 to 6");
  error = error_of([&] { remove_item(meeting, "1 (c)"); });
  EXPECT_STREQ(error.what(), "there is no item 1 (c); item 1 has sub-items 1 (a) to 1 (b)");
  error = error_of([&] { remove_item(meeting, "2 (a)"); });
  EXPECT_STREQ(error.what(), "there is no item 2 (a); item 2 has no sub-items");
  error = error_of([&] { remove_item(meeting, ""); });
  EXPECT_EQ(error.field, "key");
  error = error_of([&] { remove_item(meeting, "\xFF\xFE 2"); });
  EXPECT_EQ(error.field, "key");
  EXPECT_STREQ(error.what(), "the text is not valid UTF-8: byte 0xFF at line 1, column 1");
  error = error_of([&] { remove_item(meeting, "2\x01"); });
  EXPECT_STREQ(error.what(), "\"2\\x01\" is not an item number: expected e.g. \"2\" or \"1 (a)\"");

  Meeting single = example();
  single.items.resize(1);
  single.organization.slots.clear();
  error = error_of([&] { remove_item(single, "1"); });
  EXPECT_STREQ(error.what(), "item 1 is the only item, and an agenda needs at least one");
}

// ---- move_item

TEST(MoveItem, SubItemsSwapWithinTheirMeeting) {
  Meeting meeting = example();
  meeting.organization.slots[0].items[0].minutes = 15;
  meeting.organization.slots[0].items[1].minutes = 20;
  const Meeting result = move_item(meeting, "1 (b)", 1);
  EXPECT_EQ(title(result, "1 (a)"), "Adoption of the agenda and organization of work");
  EXPECT_EQ(title(result, "1 (b)"), "Opening of the meeting");
  EXPECT_EQ(rows(result.organization), kExampleRows);
  EXPECT_EQ(result.organization.slots[0].items[0].minutes, 20) << "minutes go with their item";
  EXPECT_EQ(result.organization.slots[0].items[1].minutes, 15);
  EXPECT_THAT(errors(result), IsEmpty());
}

TEST(MoveItem, AcrossMeetingsClearsTheSlotsForReplanning) {
  const Meeting meeting = example();
  const Meeting result = move_item(meeting, "4", 2);
  EXPECT_EQ(title(result, "2"), title(meeting, "4"));
  EXPECT_EQ(title(result, "3"), title(meeting, "2"));
  EXPECT_EQ(title(result, "4"), title(meeting, "3"));
  EXPECT_TRUE(result.organization.slots.empty());
  EXPECT_EQ(result.organization.sequence, 1);
  EXPECT_EQ(result.organization.footnote, "hybrid");
  EXPECT_THAT(errors(result), IsEmpty());
}

TEST(MoveItem, DownKeepsOthersInOrder) {
  const Meeting meeting = example();
  const Meeting result = move_item(meeting, "2", 4);
  EXPECT_EQ(title(result, "2"), title(meeting, "3"));
  EXPECT_EQ(title(result, "3"), title(meeting, "4"));
  EXPECT_EQ(title(result, "4"), title(meeting, "2"));
  EXPECT_THAT(errors(result), IsEmpty());
}

TEST(MoveItem, RefusesBadPositionsAndMovingPastTheReport) {
  const Meeting meeting = example();
  EditError error = error_of([&] { move_item(meeting, "3", 6); });
  EXPECT_EQ(error.field, "position");
  EXPECT_STREQ(error.what(), "item 3 cannot go to position 6: the adoption of the report (item 6) must stay the last "
                             "item; choose a position from 1 to 5");
  error = error_of([&] { move_item(meeting, "6", 1); });
  EXPECT_EQ(error.field, "position");
  EXPECT_STREQ(error.what(), "the adoption of the report (item 6) must stay the last item");
  error = error_of([&] { move_item(meeting, "3", 0); });
  EXPECT_STREQ(error.what(), "position 0 is not between 1 and 6; the agenda has items 1 to 6");
  error = error_of([&] { move_item(meeting, "1 (a)", 3); });
  EXPECT_STREQ(error.what(), "position 3 is not between 1 and 2; item 1 has sub-items 1 (a) to 1 (b)");
  error = error_of([&] { move_item(meeting, "8", 1); });
  EXPECT_EQ(error.field, "key");
}

TEST(MoveItem, ToItsOwnPlaceChangesNothing) {
  const Meeting meeting = example();
  const Meeting result = move_item(meeting, "3", 3);
  EXPECT_TRUE(same_elements(meeting.items, result.items));
  EXPECT_EQ(result.organization.sequence, 0);
}

// ---- item fields

TEST(SetItemTitle, StoresScriptTextVerbatim) {
  const Meeting meeting = example();
  const std::string arabic = "الممارسات الجيدة \u200F(2022)\u200F & <تعاون>";
  Meeting result = set_item_title(meeting, "3", "ar", arabic);
  EXPECT_EQ(title(result, "3", "ar"), arabic);
  result = set_item_title(result, "1 (b)", "zh", "通过议程和工作安排（修订）");
  EXPECT_EQ(title(result, "1 (b)", "zh"), "通过议程和工作安排（修订）");
  EXPECT_THAT(errors(result), IsEmpty());
  result = set_item_title(result, "3", "fr", "  ");
  EXPECT_EQ(title(result, "3", "fr"), "<no fr title>");
  EXPECT_THAT(errors(result), IsEmpty()) << "a missing translation is a warning";
}

TEST(SetItemTitle, RefusesBadLanguagesAndText) {
  const Meeting meeting = example();
  EditError error = error_of([&] { set_item_title(meeting, "3", "de", "Thema"); });
  EXPECT_EQ(error.field, "lang");
  EXPECT_STREQ(error.what(), "'de' is not one of the meeting's languages; use ar, zh, en, fr, ru, es");
  error = error_of([&] { set_item_title(meeting, "3", "", "x"); });
  EXPECT_EQ(error.field, "lang");
  error = error_of([&] { set_item_title(meeting, "3", "fr", "\xE2\x82"); });
  EXPECT_EQ(error.field, "items[2].title.fr");
  EXPECT_THAT(error.what(), HasSubstr("not valid UTF-8"));
  error = error_of([&] { set_item_title(meeting, "1 (b)", "fr", std::string("a\0", 2)); });
  EXPECT_EQ(error.field, "items[0].subitems[1].title.fr");
  error = error_of([&] { set_item_title(meeting, "2", "en", std::string(100000, 'x')); });
  EXPECT_EQ(error.field, "items[1].title.en");
  EXPECT_THAT(error.what(), HasSubstr("100000 bytes"));
  error = error_of([&] { set_item_title(meeting, "0", "en", "x"); });
  EXPECT_EQ(error.field, "key");
}

TEST(SetItemKind, KeepsTheAgendaRules) {
  const Meeting meeting = example();
  const Meeting result = set_item_kind(meeting, "3", ItemKind::other_matters);
  EXPECT_EQ(find_item(result, "3")->kind, ItemKind::other_matters);
  EXPECT_THAT(errors(result), IsEmpty());

  EditError error = error_of([&] { set_item_kind(meeting, "2", ItemKind::review_mechanism); });
  EXPECT_EQ(error.field, "items[1].kind");
  EXPECT_THAT(error.what(), HasSubstr("items 2 and 4 would both be review-mechanism items"));
  error = error_of([&] { set_item_kind(meeting, "3", ItemKind::adoption_of_report); });
  EXPECT_EQ(error.field, "items[2].kind");
  EXPECT_THAT(error.what(), HasSubstr("the adoption of the report (item 3) must be the last item"));
  error = error_of([&] { set_item_kind(meeting, "3", static_cast<ItemKind>(-1)); });
  EXPECT_EQ(error.field, "items[2].kind");
}

TEST(SetItemMinutes, SetsAndClearsTheEstimate) {
  Meeting meeting = example();
  Meeting result = set_item_minutes(meeting, "2", 45);
  EXPECT_EQ(find_item(result, "2")->minutes, 45);
  result = set_item_minutes(result, "6", std::nullopt);
  EXPECT_EQ(find_item(result, "6")->minutes, std::nullopt);
  EXPECT_THAT(errors(result), IsEmpty());

  EXPECT_EQ(error_of([&] { set_item_minutes(meeting, "2", 0); }).field, "items[1].minutes");
  EXPECT_EQ(error_of([&] { set_item_minutes(meeting, "2", -30); }).field, "items[1].minutes");
  EXPECT_THAT(error_of([&] { set_item_minutes(meeting, "2", INT_MAX); }).what(),
              HasSubstr("longer than the meeting's 2 days"));
  EditError error = error_of([&] { set_item_minutes(meeting, "1", 30); });
  EXPECT_EQ(error.field, "items[0].minutes");
  EXPECT_STREQ(error.what(), "item 1 has sub-items: set the minutes of its sub-items instead");
  EXPECT_NO_THROW(set_item_minutes(meeting, "1", std::nullopt));
  item_at(meeting, "3").constraints.min_minutes = 60;
  error = error_of([&] { set_item_minutes(meeting, "3", 30); });
  EXPECT_STREQ(error.what(), "item 3 may not take less than 60 minutes (its minimum), found 30");
}

TEST(SetItemConstraints, SetsWhatThePlannerReads) {
  const Meeting meeting = example();
  ItemConstraints rules;
  rules.min_minutes = 45;
  rules.priority = 4;
  rules.weight = 3;
  rules.not_before_date = Date{2022, 6, 28};
  rules.not_before_time = TimeOfDay{900};
  rules.same_meeting_as = "3";
  rules.never_split = true;
  const Meeting result = set_item_constraints(meeting, "2", rules);
  EXPECT_TRUE(same(find_item(result, "2")->constraints, rules));
  EXPECT_THAT(errors(result), IsEmpty());
  ItemConstraints written = rules;
  written.same_meeting_as = "1a";
  EXPECT_EQ(find_item(set_item_constraints(meeting, "2", written), "2")->constraints.same_meeting_as, "1 (a)");
}

TEST(SetItemConstraints, RefusesWhatTheFileWouldRefuse) {
  const Meeting meeting = example();
  auto refused = [&](const std::string& key, auto change) {
    ItemConstraints rules;
    change(rules);
    return error_of([&] { set_item_constraints(meeting, key, rules); });
  };
  EditError error = refused("2", [](ItemConstraints& r) { r.priority = 10; });
  EXPECT_EQ(error.field, "items[1].priority");
  EXPECT_STREQ(error.what(), "expected a priority from 0 to 9, found 10");
  EXPECT_EQ(refused("2", [](ItemConstraints& r) { r.weight = 0; }).field, "items[1].weight");
  error = refused("2", [](ItemConstraints& r) { r.not_before_date = Date{2022, 6, 31}; });
  EXPECT_EQ(error.field, "items[1].not_before");
  EXPECT_THAT(error.what(), HasSubstr("June has 30 days"));
  error = refused("2", [](ItemConstraints& r) { r.not_before_date = Date{2022, 7, 1}; });
  EXPECT_STREQ(error.what(), "2022-07-01 is outside the meeting's dates (2022-06-27 to 2022-06-28)");
  error = refused("2", [](ItemConstraints& r) { r.same_meeting_as = "2"; });
  EXPECT_EQ(error.field, "items[1].same_meeting_as");
  EXPECT_STREQ(error.what(), "item 2 cannot share a meeting with itself");
  EXPECT_EQ(refused("2", [](ItemConstraints& r) { r.same_meeting_as = "9"; }).field, "items[1].same_meeting_as");
  error = refused("5", [](ItemConstraints& r) { r.min_minutes = 40; });  // other matters: 30 minutes
  EXPECT_EQ(error.field, "items[4].min_minutes");
  EXPECT_STREQ(error.what(), "the minimum (40 min) is more than the estimate (30 min)");
}

TEST(SetAnnotation, ParsesLikeTheMeetingFile) {
  const Meeting meeting = example();
  const std::string markdown =
      "The Working Group *may wish* to consider [^compendium] the **report**.\n\n{{decision:topics}}";
  const Meeting result = set_annotation(meeting, "2", "en", markdown);
  std::vector<RichTextProblem> problems;
  const RichText expected = parse_rich_text(markdown, problems);
  ASSERT_TRUE(problems.empty());
  EXPECT_TRUE(same(find_item(result, "2")->annotation.at("en"), expected));
  EXPECT_EQ(find_item(result, "2")->annotation.at("en").size(), 2u);
  EXPECT_THAT(errors(result), IsEmpty());

  const Meeting cleared = set_annotation(result, "2", "en", "\n  \n");
  EXPECT_FALSE(find_item(cleared, "2")->annotation.count("en"));
  EXPECT_THAT(errors(cleared), IsEmpty());

  const std::string russian = "Рабочая группа, возможно, пожелает рассмотреть «вопросы».";
  const Meeting translated = set_annotation(meeting, "5", "ru", russian);
  std::string stored;
  for (const Inline& in : find_item(translated, "5")->annotation.at("ru").at(0).content) stored += in.text;
  EXPECT_EQ(stored, russian);
}

TEST(SetAnnotation, RefusesUnknownMarksAndMarkdownItCannotHold) {
  const Meeting meeting = example();
  EditError error = error_of([&] { set_annotation(meeting, "2", "en", "See [^nope]."); });
  EXPECT_EQ(error.field, "items[1].annotation.en");
  EXPECT_STREQ(
      error.what(),
      "the text calls footnote [^nope], but the meeting has no footnote 'nope': add it first (the meeting's "
      "footnotes are compendium, hybrid)");
  error = error_of([&] { set_annotation(meeting, "1 (b)", "fr", "{{decision:budget}}"); });
  EXPECT_EQ(error.field, "items[0].subitems[1].annotation.fr");
  EXPECT_THAT(error.what(), HasSubstr("decision {{decision:budget}}, but the meeting has no decision 'budget'"));
  error = error_of([&] { set_annotation(meeting, "2", "en", "Fine.\n\n# A heading"); });
  EXPECT_STREQ(error.what(), "line 3: only paragraphs are allowed here, found a heading");
  error = error_of([&] { set_annotation(meeting, "2", "en", "- a\n- b\n\n> quote"); });
  EXPECT_STREQ(error.what(), "line 1: only paragraphs are allowed here, found a list; line 4: only paragraphs are "
                             "allowed here, found a block quote")
      << "every problem, none left as \"and 1 more\"";
  error = error_of([&] { set_annotation(meeting, "2", "en", "{{unknown}}"); });
  EXPECT_THAT(error.what(), HasSubstr("unknown mark"));
  error = error_of([&] { set_annotation(meeting, "2", "en", "bad \xC0\xAF byte"); });
  EXPECT_THAT(error.what(), HasSubstr("not valid UTF-8"));
  error = error_of([&] { set_annotation(meeting, "2", "en", std::string(kMaxAnnotationBytes + 1, 'a')); });
  EXPECT_THAT(error.what(), HasSubstr("at most 262144"));
  error = error_of([&] { set_annotation(meeting, "2", "xx", "Text."); });
  EXPECT_EQ(error.field, "lang");
}

// ---- documents

TEST(AddDocument, DeclaresAndListsANewDocument) {
  const Meeting meeting = example();
  Document note;
  note.symbol = "CTOC/COP/WG.7/2022/CRP.1";
  note.title = {{"en", "Conference room paper"}, {"fr", "Document de séance"}};
  note.description = {{"en", "Note by the Secretariat"}};
  const Meeting result = add_document(meeting, note, "4");
  ASSERT_NE(find_document(result, "CTOC/COP/WG.7/2022/CRP.1"), nullptr);
  EXPECT_EQ(find_document(result, "CTOC/COP/WG.7/2022/CRP.1")->title.at("fr"), "Document de séance");
  EXPECT_EQ(find_item(result, "4")->documents, (std::vector<std::string>{"CTOC/COP/WG.7/2022/CRP.1"}));
  EXPECT_FALSE(find_item(result, "4")->no_documents) << "item 4 said no documents were planned";
  EXPECT_THAT(errors(result), IsEmpty());
}

TEST(AddDocument, StoresTheSymbolAsTheSymbolModuleWritesIt) {
  const Meeting meeting = example();
  Document addendum;
  addendum.symbol = " CTOC/COP/WG.7/2022/2/ADD.1 ";
  const Meeting result = add_document(meeting, addendum, "2");
  EXPECT_NE(find_document(result, "CTOC/COP/WG.7/2022/2/Add.1"), nullptr);
  EXPECT_EQ(find_item(result, "2")->documents.back(), "CTOC/COP/WG.7/2022/2/Add.1");
  EXPECT_THAT(errors(result), IsEmpty());
}

TEST(AddDocument, ListsADeclaredDocumentUnderAnotherItem) {
  const Meeting meeting = example();
  Document existing;
  existing.symbol = "CTOC/COP/WG.7/2022/2";
  const Meeting result = add_document(meeting, existing, "3");
  EXPECT_EQ(result.documents.size(), meeting.documents.size());
  EXPECT_EQ(find_item(result, "3")->documents,
            (std::vector<std::string>{"CTOC/COP/WG.7/2022/3", "CTOC/COP/WG.7/2022/2"}));
  EXPECT_THAT(errors(result), IsEmpty());
  // The same texts as declared are fine too.
  EXPECT_NO_THROW(add_document(meeting, *find_document(meeting, "CTOC/COP/WG.7/2022/3"), "2"));
}

TEST(AddDocument, RefusesBadSymbolsAndDuplicates) {
  const Meeting meeting = example();
  Document document;
  document.symbol = "ctoc/cop/wg.7/2022/4";
  EditError error = error_of([&] { add_document(meeting, document, "2"); });
  EXPECT_EQ(error.field, "document.symbol");
  EXPECT_THAT(error.what(), HasSubstr("'ctoc/cop/wg.7/2022/4' is not a valid UN document symbol: "));
  document.symbol = "";
  EXPECT_EQ(error_of([&] { add_document(meeting, document, "2"); }).field, "document.symbol");
  document.symbol = "CTOC/COP/WG.7/2022/\xFF";
  EXPECT_THAT(error_of([&] { add_document(meeting, document, "2"); }).what(), HasSubstr("not valid UTF-8"));

  document.symbol = "CTOC/COP/WG.7/2022/1";
  EXPECT_STREQ(error_of([&] { add_document(meeting, document, "2"); }).what(),
               "CTOC/COP/WG.7/2022/1 is the agenda's own symbol");

  document.symbol = "CTOC/COP/WG.7/2022/2";
  document.title = {{"en", "Another title"}};
  error = error_of([&] { add_document(meeting, document, "3"); });
  EXPECT_EQ(error.field, "document.symbol");
  EXPECT_THAT(error.what(), HasSubstr("already declared with other texts"));
  document.title.clear();
  error = error_of([&] { add_document(meeting, document, "2"); });
  EXPECT_EQ(error.field, "key");
  EXPECT_STREQ(error.what(), "item 2 already lists document CTOC/COP/WG.7/2022/2");
  error = error_of([&] { add_document(meeting, document, ""); });
  EXPECT_STREQ(error.what(), "document CTOC/COP/WG.7/2022/2 is already declared");

  document.symbol = "CTOC/COP/WG.7/2022/4";
  document.title = {{"de", "Titel"}};
  EXPECT_EQ(error_of([&] { add_document(meeting, document, "2"); }).field, "document.title");
  document.title.clear();
  EXPECT_EQ(error_of([&] { add_document(meeting, document, "12"); }).field, "key");
}

TEST(AddDocument, DeclareOnly) {
  const Meeting meeting = example();
  Document document;
  document.symbol = "CTOC/COP/WG.7/2022/INF/1";
  const Meeting result = add_document(meeting, document, "");
  EXPECT_NE(find_document(result, "CTOC/COP/WG.7/2022/INF/1"), nullptr);
  EXPECT_THAT(errors(result), IsEmpty()) << "an unlisted document is a warning";
}

TEST(RemoveDocument, FromTheDeclarationsAndEveryItem) {
  Meeting meeting = example();
  item_at(meeting, "5").documents.push_back("CTOC/COP/WG.7/2022/3");
  const Meeting result = remove_document(meeting, "CTOC/COP/WG.7/2022/3");
  EXPECT_EQ(find_document(result, "CTOC/COP/WG.7/2022/3"), nullptr);
  EXPECT_TRUE(find_item(result, "3")->documents.empty());
  EXPECT_TRUE(find_item(result, "5")->documents.empty());
  EXPECT_THAT(errors(result), IsEmpty());

  const EditError error = error_of([&] { remove_document(meeting, "CTOC/COP/WG.7/2022/9"); });
  EXPECT_EQ(error.field, "symbol");
  EXPECT_STREQ(error.what(),
               "there is no document CTOC/COP/WG.7/2022/9; the meeting declares "
               "CTOC/COP/WG.7/2022/2, CTOC/COP/WG.7/2022/3");
  const Meeting none = remove_document(remove_document(meeting, "CTOC/COP/WG.7/2022/2"), "CTOC/COP/WG.7/2022/3");
  EXPECT_THAT(error_of([&] { remove_document(none, "CTOC/COP/WG.7/2022/2"); }).what(),
              HasSubstr("the meeting declares no documents"));
}

TEST(SetDocumentTitle, ChangesOneLanguage) {
  const Meeting meeting = example();
  const Meeting result = set_document_title(meeting, "CTOC/COP/WG.7/2022/2", "es", "Buenas prácticas (revisado)");
  EXPECT_EQ(find_document(result, "CTOC/COP/WG.7/2022/2")->title.at("es"), "Buenas prácticas (revisado)");
  EXPECT_EQ(find_document(result, "CTOC/COP/WG.7/2022/2")->title.at("en"),
            find_document(meeting, "CTOC/COP/WG.7/2022/2")->title.at("en"));
  EXPECT_THAT(errors(result), IsEmpty());
  EXPECT_EQ(error_of([&] { set_document_title(meeting, "CTOC/COP/WG.7/2022/3", "fr", "\xC3"); }).field,
            "documents[1].title.fr");
  EXPECT_EQ(error_of([&] { set_document_title(meeting, "CTOC/COP/WG.7/2022/3", "pt", "x"); }).field, "lang");
  EXPECT_EQ(error_of([&] { set_document_title(meeting, "A/77/1", "fr", "x"); }).field, "symbol");
}

// ---- decisions

Decision bureau_decision(const std::string& id) {
  Decision decision;
  decision.id = id;
  decision.by = {{"en", "the extended Bureau"}};
  decision.date = Date{2022, 4, 1};
  decision.procedure = Procedure::meeting;
  decision.approved = {{"en", "the provisional agenda"}};
  return decision;
}

TEST(AddDecision, AddsAUniqueId) {
  const Meeting meeting = example();
  const Meeting result = add_decision(meeting, bureau_decision("agenda-2022"));
  ASSERT_NE(find_decision(result, "agenda-2022"), nullptr);
  EXPECT_EQ(find_decision(result, "agenda-2022")->procedure, Procedure::meeting);
  EXPECT_THAT(errors(result), IsEmpty());
  // Now an annotation may cite it.
  EXPECT_NO_THROW(set_annotation(result, "2", "en", "{{decision:agenda-2022}}"));

  EXPECT_STREQ(error_of([&] { add_decision(meeting, bureau_decision("topics")); }).what(),
               "decision id 'topics' is already used");
  EXPECT_EQ(error_of([&] { add_decision(meeting, bureau_decision("two words")); }).field, "decision.id");
  EXPECT_EQ(error_of([&] { add_decision(meeting, bureau_decision("")); }).field, "decision.id");
  EXPECT_EQ(error_of([&] { add_decision(meeting, bureau_decision(std::string(65, 'a'))); }).field, "decision.id");
  Decision undated = bureau_decision("undated");
  undated.date = Date{2022, 2, 30};
  EXPECT_STREQ(error_of([&] { add_decision(meeting, undated); }).what(),
               "the date of the decision, 2022-02-30, is not a real date: February has 28 days in 2022");
  Decision german = bureau_decision("german");
  german.by["de"] = "das Büro";
  EXPECT_EQ(error_of([&] { add_decision(meeting, german); }).field, "decision.by");
  Decision broken = bureau_decision("broken");
  broken.approved["fr"] = "\x80";
  EXPECT_EQ(error_of([&] { add_decision(meeting, broken); }).field, "decision.approved.fr");
}

TEST(RemoveDecision, RefusesWhileCitedAndSaysWhere) {
  const Meeting meeting = example();
  const EditError error = error_of([&] { remove_decision(meeting, "topics"); });
  EXPECT_EQ(error.field, "id");
  EXPECT_STREQ(error.what(),
               "decision 'topics' is cited in the annotation of item 1 (b) in Arabic, Chinese, English, French, "
               "Russian and Spanish; remove the citation first");
  EXPECT_STREQ(error_of([&] { remove_decision(meeting, "budget"); }).what(),
               "there is no decision 'budget'; the meeting's decisions are calendar-2022, topics");

  const Meeting added = add_decision(meeting, bureau_decision("spare"));
  const Meeting removed = remove_decision(added, "spare");
  EXPECT_EQ(find_decision(removed, "spare"), nullptr);
  EXPECT_EQ(removed.decisions.size(), meeting.decisions.size());
  EXPECT_THAT(errors(removed), IsEmpty());

  Meeting cited_in_note = added;
  for (Footnote& footnote : cited_in_note.footnotes)
    if (footnote.id == "hybrid")
      footnote.text["en"] = {Paragraph{{Inline{InlineKind::decision_ref, "", "spare", {}}}}};
  EXPECT_THAT(error_of([&] { remove_decision(cited_in_note, "spare"); }).what(),
              HasSubstr("cited in footnote 'hybrid' in English"));
}

// ---- the meeting's own data

TEST(MeetingText, TitleCityAndVenue) {
  const Meeting meeting = example();
  Meeting result = set_meeting_title(meeting, "en", "Ninth meeting");
  EXPECT_EQ(result.title.at("en"), "Ninth meeting");
  result = set_meeting_city(result, "ar", "نيويورك");
  EXPECT_EQ(result.city.at("ar"), "نيويورك");
  result = set_meeting_venue(result, "zh", "联合国总部");
  EXPECT_EQ(result.venue.at("zh"), "联合国总部");
  result = set_meeting_venue(result, "fr", "");
  EXPECT_FALSE(result.venue.count("fr"));
  EXPECT_THAT(errors(result), IsEmpty());
  EXPECT_EQ(error_of([&] { set_meeting_city(meeting, "fr", "\xFF"); }).field, "meeting.city.fr");
  EXPECT_EQ(error_of([&] { set_meeting_title(meeting, "FR", "x"); }).field, "lang");
  EXPECT_EQ(error_of([&] { set_meeting_venue(meeting, "en", std::string(5000, 'v')); }).field, "meeting.venue.en");
}

TEST(SetDates, MovesThePlanWithTheMeeting) {
  Meeting meeting = example();
  item_at(meeting, "3").constraints.not_before_date = Date{2022, 6, 28};
  item_at(meeting, "3").constraints.not_before_time = TimeOfDay{600};
  const Meeting result = set_dates(meeting, Date{2022, 7, 4}, Date{2022, 7, 5});
  EXPECT_EQ(result.start, (Date{2022, 7, 4}));
  EXPECT_EQ(result.end, (Date{2022, 7, 5}));
  EXPECT_EQ(rows(result.organization), kExampleRows);
  EXPECT_EQ(to_iso(result.organization.slots[0].date), "2022-07-04");
  EXPECT_EQ(to_iso(result.organization.slots[3].date), "2022-07-05");
  EXPECT_EQ(result.organization.sequence, 1);
  EXPECT_EQ(find_item(result, "3")->constraints.not_before_date, (Date{2022, 7, 5}));
  EXPECT_THAT(errors(result), IsEmpty());
}

TEST(SetDates, AShorterMeetingLosesItsPlan) {
  Meeting meeting = example();
  item_at(meeting, "3").constraints.not_before_date = Date{2022, 6, 28};
  item_at(meeting, "3").constraints.not_before_time = TimeOfDay{600};
  const Meeting result = set_dates(meeting, Date{2022, 6, 27}, Date{2022, 6, 27});
  EXPECT_TRUE(result.organization.slots.empty());
  EXPECT_EQ(result.organization.sequence, 1);
  EXPECT_EQ(find_item(result, "3")->constraints.not_before_date, std::nullopt);
  EXPECT_EQ(find_item(result, "3")->constraints.not_before_time, std::nullopt);
  EXPECT_THAT(errors(result), IsEmpty());

  const Meeting longer = set_dates(meeting, Date{2022, 6, 27}, Date{2022, 6, 30});
  EXPECT_EQ(rows(longer.organization), kExampleRows);
  EXPECT_EQ(longer.organization.sequence, 0) << "the slots did not change";
}

TEST(SetDates, RefusesImpossibleDates) {
  const Meeting meeting = example();
  EditError error = error_of([&] { set_dates(meeting, Date{2022, 6, 28}, Date{2022, 6, 27}); });
  EXPECT_EQ(error.field, "meeting.end");
  EXPECT_STREQ(error.what(), "the meeting ends (2022-06-27) before it starts (2022-06-28)");
  error = error_of([&] { set_dates(meeting, Date{2022, 13, 1}, Date{2022, 6, 27}); });
  EXPECT_EQ(error.field, "meeting.start");
  error = error_of([&] { set_dates(meeting, Date{2022, 6, 27}, Date{}); });
  EXPECT_EQ(error.field, "meeting.end");
  error = error_of([&] { set_dates(meeting, Date{2022, 1, 1}, Date{2023, 1, 3}); });
  EXPECT_STREQ(error.what(), "the meeting would last 368 days; at most 366 are accepted");
}

TEST(SetFormat, OnlyTheFormat) {
  const Meeting meeting = example();
  const Meeting result = set_format(meeting, MeetingFormat::hybrid);
  EXPECT_EQ(result.format, MeetingFormat::hybrid);
  EXPECT_TRUE(same(result.organization.slots, meeting.organization.slots));
  EXPECT_THAT(errors(result), IsEmpty());
  EXPECT_EQ(error_of([&] { set_format(meeting, static_cast<MeetingFormat>(7)); }).field, "meeting.format");
}

TEST(SetOrganization, BumpsTheSequenceOnlyWhenTheSlotsChange) {
  const Meeting meeting = example();
  OrganizationOfWork same_plan = meeting.organization;
  same_plan.sequence = 41;  // ignored
  EXPECT_EQ(set_organization(meeting, same_plan).organization.sequence, 0);

  OrganizationOfWork changed = meeting.organization;
  changed.slots[0].items = {{"1(a)", false, 15}, {"1 b", false, 15}, {"2", false, 150}};
  changed.slots[1].items = {{"3", true, 180}};  // the flag is recomputed
  const Meeting result = set_organization(meeting, changed);
  EXPECT_EQ(rows(result.organization), (Rows{{"1 (a)", "1 (b)", "2"}, {"3"}, {"3+", "4"}, {"5", "6"}}));
  EXPECT_EQ(result.organization.sequence, 1);
  EXPECT_THAT(errors(result), IsEmpty());

  OrganizationOfWork none;
  EXPECT_TRUE(set_organization(meeting, none).organization.slots.empty());
}

TEST(SetOrganization, MustFollowTheAgenda) {
  const Meeting meeting = example();
  OrganizationOfWork reversed = meeting.organization;
  std::swap(reversed.slots[0].items[0], reversed.slots[0].items[1]);
  EditError error = error_of([&] { set_organization(meeting, reversed); });
  EXPECT_EQ(error.field, "organization.slots[0].items[0]");
  EXPECT_THAT(error.what(), HasSubstr("skips item 1 (a) before item 1 (b)"));

  OrganizationOfWork missing = meeting.organization;
  missing.slots[3].items.pop_back();
  EXPECT_THAT(error_of([&] { set_organization(meeting, missing); }).what(), HasSubstr("never takes up item 6"));

  OrganizationOfWork unknown = meeting.organization;
  unknown.slots[0].items[0].item = "item one";
  error = error_of([&] { set_organization(meeting, unknown); });
  EXPECT_EQ(error.field, "organization.slots[0].items[0]");
  EXPECT_THAT(error.what(), HasSubstr("is not an item number"));

  OrganizationOfWork outside = meeting.organization;
  outside.slots[3].date = Date{2022, 6, 29};
  EXPECT_EQ(error_of([&] { set_organization(meeting, outside); }).field, "organization.slots[3].date");

  OrganizationOfWork note = meeting.organization;
  note.footnote = "remote";
  EXPECT_STREQ(error_of([&] { set_organization(meeting, note); }).what(),
               "there is no footnote 'remote'; the meeting's footnotes are compendium, hybrid");
}

// ---- next_meeting

const Date kIssued{2023, 4, 20};  // the day the draft is made: its date of issue

TEST(NextMeeting, DraftsTheTenthMeeting) {
  const Meeting previous = example();
  const Meeting next =
      next_meeting(previous, "CTOC/COP/WG.7/2023/1", Date{2023, 7, 3}, Date{2023, 7, 4}, kIssued);
  EXPECT_EQ(next.ordinal, 10);
  EXPECT_EQ(next.document.symbol, "CTOC/COP/WG.7/2023/1");
  EXPECT_EQ(next.start, (Date{2023, 7, 3}));
  EXPECT_EQ(next.end, (Date{2023, 7, 4}));
  EXPECT_EQ(next.document.issued, kIssued) << "not the previous agenda's 16 March 2022";
  EXPECT_EQ(next.document.distribution, previous.document.distribution);
  EXPECT_EQ(next.document.original_language, previous.document.original_language);
  EXPECT_EQ(next.body.short_name, "CTOC/COP/WG.7");
  EXPECT_EQ(next.city, previous.city);
  EXPECT_EQ(next.languages, previous.languages);
  EXPECT_TRUE(next.documents.empty());
  EXPECT_TRUE(next.decisions.empty());
  EXPECT_TRUE(next.footnotes.empty());
  EXPECT_TRUE(next.organization.slots.empty());
  EXPECT_EQ(next.organization.footnote, "");
  EXPECT_EQ(next.organization.sequence, 0);
  EXPECT_TRUE(same(next.planning, previous.planning));

  ASSERT_EQ(next.items.size(), previous.items.size());
  EXPECT_EQ(title(next, "1 (a)", "fr"), "Ouverture de la réunion");
  EXPECT_EQ(title(next, "2", "zh"), title(previous, "2", "zh"));
  for (const auto& [key, item] : schedulable_items(next)) {
    EXPECT_TRUE(item->documents.empty()) << key;
    EXPECT_TRUE(item->annotation.empty()) << key;
  }
  EXPECT_EQ(find_item(next, "2")->minutes, std::nullopt);
  EXPECT_EQ(find_item(next, "4")->minutes, std::nullopt) << "the review item's topics are new";
  EXPECT_FALSE(find_item(next, "4")->no_documents);
  EXPECT_EQ(find_item(next, "5")->minutes, 30) << "a standard item keeps its estimate";
  EXPECT_EQ(find_item(next, "6")->minutes, 150);
  EXPECT_THAT(errors(next), IsEmpty());
}

TEST(NextMeeting, RefusesABadSymbolOrDates) {
  const Meeting previous = example();
  EditError error = error_of([&] {
    next_meeting(previous, "CTOC/COP/WG.7/2022/1", Date{2023, 7, 3}, Date{2023, 7, 4}, kIssued);
  });
  EXPECT_EQ(error.field, "document.symbol");
  EXPECT_THAT(error.what(), HasSubstr("is the previous meeting's agenda symbol"));
  error =
      error_of([&] { next_meeting(previous, "not a symbol", Date{2023, 7, 3}, Date{2023, 7, 4}, kIssued); });
  EXPECT_EQ(error.field, "document.symbol");
  error = error_of(
      [&] { next_meeting(previous, "CTOC/COP/WG.7/2023/1", Date{2022, 6, 28}, Date{2022, 6, 29}, kIssued); });
  EXPECT_EQ(error.field, "meeting.start");
  EXPECT_STREQ(error.what(), "the next meeting must start after the previous one ends (2022-06-28)");
  error = error_of(
      [&] { next_meeting(previous, "CTOC/COP/WG.7/2023/1", Date{2023, 7, 4}, Date{2023, 7, 3}, kIssued); });
  EXPECT_EQ(error.field, "meeting.end");
  Meeting last = previous;
  last.ordinal = INT_MAX;
  EXPECT_EQ(error_of([&] {
              next_meeting(last, "CTOC/COP/WG.7/2023/1", Date{2023, 7, 3}, Date{2023, 7, 4}, kIssued);
            }).field,
            "meeting.ordinal");
}

TEST(NextMeeting, RefusesAnImpossibleDateOfIssue) {
  const EditError error = error_of(
      [&] { next_meeting(example(), "CTOC/COP/WG.7/2023/1", Date{2023, 7, 3}, Date{2023, 7, 4}, Date{2023, 6, 31}); });
  EXPECT_EQ(error.field, "document.issued");
  EXPECT_STREQ(error.what(), "the date of issue, 2023-06-31, is not a real date: June has 30 days");
}

TEST(NextMeeting, WithoutASymbolTakesTheYearOfTheNextMeeting) {
  const Meeting previous = example();
  EXPECT_EQ(next_agenda_symbol(previous, Date{2023, 7, 3}), "CTOC/COP/WG.7/2023/1");
  EXPECT_EQ(next_agenda_symbol(previous, Date{2025, 1, 6}), "CTOC/COP/WG.7/2025/1");
  EXPECT_EQ(next_agenda_symbol(previous, Date{2022, 11, 7}), "") << "the same year: the number cannot be told";
  const Meeting next = next_meeting(previous, "", Date{2023, 7, 3}, Date{2023, 7, 4}, kIssued);
  EXPECT_EQ(next.document.symbol, "CTOC/COP/WG.7/2023/1");
  const EditError error =
      error_of([&] { next_meeting(previous, " ", Date{2022, 11, 7}, Date{2022, 11, 8}, kIssued); });
  EXPECT_EQ(error.field, "document.symbol");
  EXPECT_THAT(error.what(), HasSubstr("give the agenda symbol of the next meeting"));
}

TEST(NextMeeting, ASessionNumberCountsOn) {
  Meeting previous = example();
  previous.document.symbol = "A/HRC/WG.6/41/1";
  EXPECT_EQ(next_agenda_symbol(previous, Date{2023, 7, 3}), "A/HRC/WG.6/42/1");
  previous.document.symbol = "CTOC/COP/WG.7/2022/L.1/Rev.1";
  EXPECT_EQ(next_agenda_symbol(previous, Date{2023, 7, 3}), "CTOC/COP/WG.7/2023/L.1/Rev.1");
  previous.document.symbol = "S/RES/2669 (2022)";
  EXPECT_EQ(next_agenda_symbol(previous, Date{2023, 7, 3}), "");
}

// ---- the guard

TEST(Guard, AMeetingWithErrorsCanStillBeEdited) {
  Meeting broken = example();
  broken.ordinal = 0;
  ASSERT_THAT(errors(broken), ::testing::Not(IsEmpty()));
  EXPECT_NO_THROW(set_item_title(broken, "2", "en", "Still editable"));
}

TEST(Guard, MessagesNeverQuoteBrokenText) {
  const Meeting meeting = example();
  const EditError error = error_of([&] { set_item_title(meeting, "3", "\xFF\x01", "x"); });
  EXPECT_EQ(error.field, "lang");
  EXPECT_FALSE(find_invalid_utf8(error.what()));
  EXPECT_THAT(error.what(), HasSubstr("'\\xFF\\x01' is not one of"));
  const EditError long_key = error_of([&] { remove_item(meeting, std::string(200, '9') + "x"); });
  EXPECT_THAT(long_key.what(), HasSubstr("…"));
}

}  // namespace
}  // namespace plenary::edit
