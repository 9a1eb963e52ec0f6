#include "edit/merge.h"

#include <gtest/gtest.h>

#include "edit/test_support.h"

namespace plenary::edit {
namespace {

using testing::example;

TEST(Merge, EditsToDifferentItemsBothLand) {
  const Meeting base = example();
  const Meeting mine = set_item_title(base, "2", "en", "Mine");
  const Meeting theirs = set_item_title(base, "3", "en", "Theirs");
  const MergeResult result = merge_meetings(base, mine, theirs);
  ASSERT_TRUE(result.conflicts.empty());
  EXPECT_EQ(*text_in(find_item(result.merged, "2")->title, "en"), "Mine");
  EXPECT_EQ(*text_in(find_item(result.merged, "3")->title, "en"), "Theirs");
}

TEST(Merge, EditsToDifferentLanguagesOfOneFieldBothLand) {
  const Meeting base = example();
  const Meeting mine = set_item_title(base, "2", "fr", "Le mien");
  const Meeting theirs = set_item_title(base, "2", "en", "Theirs");
  const MergeResult result = merge_meetings(base, mine, theirs);
  ASSERT_TRUE(result.conflicts.empty());
  EXPECT_EQ(*text_in(find_item(result.merged, "2")->title, "fr"), "Le mien");
  EXPECT_EQ(*text_in(find_item(result.merged, "2")->title, "en"), "Theirs");
}

TEST(Merge, TheSameFieldChangedDifferentlyIsAConflictWithAllThreeTexts) {
  const Meeting base = example();
  const std::string before = *text_in(find_item(base, "4")->title, "en");
  const Meeting mine = set_item_title(base, "4", "en", "Mine");
  const Meeting theirs = set_item_title(base, "4", "en", "Theirs");
  const MergeResult result = merge_meetings(base, mine, theirs);
  ASSERT_EQ(result.conflicts.size(), 1u);
  EXPECT_EQ(result.conflicts[0].field, "items[3].title.en");
  EXPECT_EQ(result.conflicts[0].base, before);
  EXPECT_EQ(result.conflicts[0].yours, "Mine");
  EXPECT_EQ(result.conflicts[0].theirs, "Theirs");
  EXPECT_EQ(*text_in(find_item(result.merged, "4")->title, "en"), "Theirs");
}

TEST(Merge, TheSameChangeOnBothSidesIsNoConflict) {
  const Meeting base = example();
  const Meeting both = set_item_title(base, "4", "en", "Same");
  EXPECT_TRUE(merge_meetings(base, both, both).conflicts.empty());
}

TEST(Merge, DocumentsMergeBySymbolWhenOneSideAddsOne) {
  const Meeting base = example();
  Document added;
  added.symbol = "CTOC/COP/WG.7/2022/9";
  added.title["en"] = "A new document";
  const Meeting mine = add_document(base, added, "");
  const Meeting theirs = set_item_title(base, "2", "en", "Theirs");
  const MergeResult result = merge_meetings(base, mine, theirs);
  ASSERT_TRUE(result.conflicts.empty());
  EXPECT_NE(find_document(result.merged, "CTOC/COP/WG.7/2022/9"), nullptr);
  EXPECT_EQ(*text_in(find_item(result.merged, "2")->title, "en"), "Theirs");
}

TEST(Merge, AnItemAddedWhileAnotherIsEditedIsAConflictNotAMismatch) {
  // Renumbering changes the numbers by which items are told apart, so the
  // merge refuses rather than pair an edit with the wrong item.
  const Meeting base = example();
  Item item;
  item.kind = ItemKind::substantive;
  for (const std::string& language : base.languages) item.title[language] = "New";
  const Meeting mine = add_item(base, item, "", 2);
  const Meeting theirs = set_item_minutes(base, "3", 45);
  const MergeResult result = merge_meetings(base, mine, theirs);
  EXPECT_FALSE(result.conflicts.empty());
}

TEST(Merge, AfterAMoveItemsDoNotMergeByNumber) {
  // A move keeps the numbers 1..n, so number 6 is another item afterwards:
  // an estimate set on item 3 must not land on the item now numbered 3.
  const Meeting base = example();
  const Meeting mine = set_item_minutes(base, "3", 20);
  const Meeting theirs = move_item(base, "4", 2);
  MergeOptions moved;
  moved.items_kept_their_places = false;
  EXPECT_FALSE(merge_meetings(base, mine, theirs, moved).conflicts.empty());
}

TEST(ChangedFields, NamesTheFieldThatChanged) {
  const Meeting base = example();
  EXPECT_EQ(changed_fields(base, set_item_title(base, "2", "en", "X")),
            (std::vector<std::string>{"items[1].title.en"}));
  EXPECT_TRUE(changed_fields(base, base).empty());
}

}  // namespace
}  // namespace plenary::edit
