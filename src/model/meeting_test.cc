#include "model/meeting.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace plenary {
namespace {

using ::testing::ElementsAre;

Item item(int number, std::vector<Item> subitems = {}) {
  Item result;
  result.number = number;
  result.title = {{"en", "Item " + std::to_string(number)}};
  result.subitems = std::move(subitems);
  return result;
}

// Items 1 (a), 1 (b), 2 and 3.
Meeting agenda() {
  Meeting meeting;
  meeting.items = {item(1, {item(1), item(2)}), item(2), item(3)};
  meeting.documents = {{"CTOC/COP/WG.7/2022/2", {}, {}}};
  meeting.decisions = {{"calendar", {}, Date{2021, 7, 30}, Procedure::silence, {}}};
  meeting.footnotes = {{"hybrid", {}}};
  return meeting;
}

TEST(OfficialLanguages, TheSixInUnOrder) {
  EXPECT_THAT(std::vector<std::string>(std::begin(kOfficialLanguages), std::end(kOfficialLanguages)),
              ElementsAre("ar", "zh", "en", "fr", "ru", "es"));
  for (const char* code : kOfficialLanguages) EXPECT_TRUE(is_official_language(code)) << code;
  for (const char* code : {"", "de", "EN", "fr-CA", "zh-Hans", "e"}) EXPECT_FALSE(is_official_language(code)) << code;
}

TEST(TextIn, FindsTheLanguage) {
  const LangText text{{"fr", "Vienne"}, {"en", "Vienna"}};
  ASSERT_NE(text_in(text, "fr"), nullptr);
  EXPECT_EQ(*text_in(text, "fr"), "Vienne");
  EXPECT_EQ(text_in(text, "es"), nullptr);
}

TEST(SubitemLetter, Letters) {
  EXPECT_EQ(subitem_letter(1), "a");
  EXPECT_EQ(subitem_letter(2), "b");
  EXPECT_EQ(subitem_letter(26), "z");
  EXPECT_EQ(subitem_letter(27), "aa");
  EXPECT_EQ(subitem_letter(28), "ab");
  EXPECT_EQ(subitem_letter(52), "az");
  EXPECT_EQ(subitem_letter(53), "ba");
  EXPECT_EQ(subitem_letter(702), "zz");
  EXPECT_EQ(subitem_letter(703), "aaa");
  EXPECT_EQ(subitem_letter(0), "");
}

TEST(ItemKey, ItemsAndSubitems) {
  EXPECT_EQ(item_key(2), "2");
  EXPECT_EQ(item_key(2, 0), "2");
  EXPECT_EQ(item_key(1, 1), "1 (a)");
  EXPECT_EQ(item_key(1, 2), "1 (b)");
  EXPECT_EQ(item_key(12, 27), "12 (aa)");
}

TEST(FindItem, ByKey) {
  const Meeting meeting = agenda();
  EXPECT_EQ(find_item(meeting, "1"), &meeting.items[0]);
  EXPECT_EQ(find_item(meeting, "1 (a)"), &meeting.items[0].subitems[0]);
  EXPECT_EQ(find_item(meeting, "1 (b)"), &meeting.items[0].subitems[1]);
  EXPECT_EQ(find_item(meeting, "3"), &meeting.items[2]);
  EXPECT_EQ(find_item(meeting, "1 (c)"), nullptr);
  EXPECT_EQ(find_item(meeting, "2 (a)"), nullptr);
  EXPECT_EQ(find_item(meeting, "4"), nullptr);
  EXPECT_EQ(find_item(meeting, "1(a)"), nullptr);  // keys are normalized by the file layer
  EXPECT_EQ(find_item(meeting, ""), nullptr);
}

TEST(FindDeclared, DocumentsDecisionsFootnotes) {
  const Meeting meeting = agenda();
  EXPECT_EQ(find_document(meeting, "CTOC/COP/WG.7/2022/2"), &meeting.documents[0]);
  EXPECT_EQ(find_document(meeting, "CTOC/COP/WG.7/2022/3"), nullptr);
  EXPECT_EQ(find_decision(meeting, "calendar"), &meeting.decisions[0]);
  EXPECT_EQ(find_decision(meeting, "topics"), nullptr);
  EXPECT_EQ(find_footnote(meeting, "hybrid"), &meeting.footnotes[0]);
  EXPECT_EQ(find_footnote(meeting, "Hybrid"), nullptr);
}

TEST(SchedulableItems, SubitemsReplaceTheirItem) {
  const Meeting meeting = agenda();
  const auto items = schedulable_items(meeting);
  std::vector<std::string> keys;
  for (const auto& [key, entry] : items) keys.push_back(key);
  EXPECT_THAT(keys, ElementsAre("1 (a)", "1 (b)", "2", "3"));
  EXPECT_EQ(items[0].second, &meeting.items[0].subitems[0]);
  EXPECT_EQ(items[2].second, &meeting.items[1]);
  EXPECT_TRUE(schedulable_items(Meeting{}).empty());
}

TEST(EnumNames, RoundTrip) {
  for (MeetingFormat v : {MeetingFormat::in_person, MeetingFormat::hybrid, MeetingFormat::online})
    EXPECT_EQ(meeting_format_from(to_string(v)), v);
  for (Distribution v : {Distribution::general, Distribution::limited, Distribution::restricted})
    EXPECT_EQ(distribution_from(to_string(v)), v);
  for (ItemKind v : {ItemKind::organizational, ItemKind::opening, ItemKind::adoption_of_agenda, ItemKind::substantive,
                     ItemKind::review_mechanism, ItemKind::other_matters, ItemKind::adoption_of_report})
    EXPECT_EQ(item_kind_from(to_string(v)), v);
  for (Procedure v : {Procedure::meeting, Procedure::silence}) EXPECT_EQ(procedure_from(to_string(v)), v);
}

TEST(EnumNames, AsWrittenInMeetingFiles) {
  EXPECT_STREQ(to_string(MeetingFormat::in_person), "in-person");
  EXPECT_STREQ(to_string(ItemKind::adoption_of_agenda), "adoption-of-agenda");
  EXPECT_STREQ(to_string(ItemKind::review_mechanism), "review-mechanism");
  EXPECT_STREQ(to_string(Distribution::limited), "limited");
  EXPECT_STREQ(to_string(Procedure::silence), "silence");
}

TEST(EnumNames, UnknownNames) {
  EXPECT_EQ(meeting_format_from("in_person"), std::nullopt);
  EXPECT_EQ(meeting_format_from("Hybrid"), std::nullopt);
  EXPECT_EQ(distribution_from(""), std::nullopt);
  EXPECT_EQ(item_kind_from("review"), std::nullopt);
  EXPECT_EQ(item_kind_from("adoption_of_report"), std::nullopt);
  EXPECT_EQ(procedure_from("silence-procedure"), std::nullopt);
}

}  // namespace
}  // namespace plenary
