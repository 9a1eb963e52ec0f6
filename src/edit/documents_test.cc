// The edits of documents: a document added can be completed and published,
// and everything a document has can be changed once it is added.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "edit/edit.h"
#include "edit/equal.h"
#include "edit/test_support.h"

namespace plenary::edit {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using namespace plenary::edit::testing;

const std::string kPaper = "CTOC/COP/WG.7/2022/CRP.1";

// The example with a conference room paper added as the editor's form adds
// it: a symbol, an English title, no description yet, listed under item 4.
Meeting with_paper() {
  Document paper;
  paper.symbol = kPaper;
  paper.title = {{"en", "Conference room paper"}};
  return add_document(example(), paper, "4");
}

TEST(DocumentDescription, ADocumentAddedWithoutOneIsNamedAndCanBeCompleted) {
  Meeting meeting = with_paper();
  const std::vector<std::string> blocking = final_errors(meeting);
  EXPECT_THAT(blocking, ::testing::Contains("documents[2].description: the description of document "
                                            "CTOC/COP/WG.7/2022/CRP.1 has no French text"));
  EXPECT_THAT(blocking, ::testing::Contains("documents[2].title: the title of document CTOC/COP/WG.7/2022/CRP.1 has "
                                            "no Arabic text"));
  for (const auto& [lang, text] : in_every_language("Note by the Secretariat")) {
    meeting = set_document_description(meeting, kPaper, lang, text);
    meeting = set_document_title(meeting, kPaper, lang, "Conference room paper (" + lang + ")");
  }
  EXPECT_THAT(final_errors(meeting), IsEmpty()) << "it can be published now";
  EXPECT_EQ(find_document(meeting, kPaper)->description.at("ru"), "Note by the Secretariat (ru)");
}

TEST(DocumentDescription, BlankRemovesALanguageAndBadInputIsRefused) {
  const Meeting meeting = example();
  const Meeting result = set_document_description(meeting, "CTOC/COP/WG.7/2022/2", "fr", "  ");
  EXPECT_FALSE(find_document(result, "CTOC/COP/WG.7/2022/2")->description.count("fr"));
  EXPECT_EQ(error_of([&] { set_document_description(meeting, "CTOC/COP/WG.7/2022/9", "fr", "x"); }).field, "symbol");
  EXPECT_EQ(error_of([&] { set_document_description(meeting, "CTOC/COP/WG.7/2022/2", "de", "x"); }).field, "lang");
  EXPECT_EQ(error_of([&] { set_document_description(meeting, "CTOC/COP/WG.7/2022/2", "fr", "\xFF"); }).field,
            "documents[0].description.fr");
}

TEST(DocumentSymbol, FollowsIntoEveryItemThatListsIt) {
  Meeting meeting = add_document(example(), Document{"CTOC/COP/WG.7/2022/2", {}, {}}, "3");
  ASSERT_EQ(error_of([&] { set_document_symbol(meeting, "CTOC/COP/WG.7/2022/2", "ctoc/x"); }).field, "new_symbol");
  const Meeting renamed = set_document_symbol(meeting, "CTOC/COP/WG.7/2022/2", "CTOC/COP/WG.7/2022/2/ADD.1");
  EXPECT_EQ(find_document(renamed, "CTOC/COP/WG.7/2022/2"), nullptr);
  ASSERT_NE(find_document(renamed, "CTOC/COP/WG.7/2022/2/Add.1"), nullptr);
  EXPECT_EQ(find_item(renamed, "2")->documents, (std::vector<std::string>{"CTOC/COP/WG.7/2022/2/Add.1"}));
  EXPECT_EQ(find_item(renamed, "3")->documents,
            (std::vector<std::string>{"CTOC/COP/WG.7/2022/3", "CTOC/COP/WG.7/2022/2/Add.1"}));
  EXPECT_THAT(errors(renamed), IsEmpty());
}

TEST(DocumentSymbol, RefusesTheAgendasOwnAndOneDeclaredAlready) {
  const Meeting meeting = example();
  EditError error = error_of([&] { set_document_symbol(meeting, "CTOC/COP/WG.7/2022/2", "CTOC/COP/WG.7/2022/1"); });
  EXPECT_EQ(error.field, "new_symbol");
  EXPECT_STREQ(error.what(), "CTOC/COP/WG.7/2022/1 is the agenda's own symbol");
  error = error_of([&] { set_document_symbol(meeting, "CTOC/COP/WG.7/2022/2", "CTOC/COP/WG.7/2022/3"); });
  EXPECT_STREQ(error.what(), "document CTOC/COP/WG.7/2022/3 is already declared");
  EXPECT_TRUE(same_elements(set_document_symbol(meeting, "CTOC/COP/WG.7/2022/2", "CTOC/COP/WG.7/2022/2").documents,
                            meeting.documents));
}

TEST(DocumentItems, ListsUnderExactlyTheItemsGiven) {
  const Meeting meeting = with_paper();
  const Meeting result = set_document_items(meeting, kPaper, {"2", "3"});
  EXPECT_EQ(find_item(result, "2")->documents, (std::vector<std::string>{"CTOC/COP/WG.7/2022/2", kPaper}));
  EXPECT_EQ(find_item(result, "3")->documents, (std::vector<std::string>{"CTOC/COP/WG.7/2022/3", kPaper}));
  EXPECT_THAT(find_item(result, "4")->documents, IsEmpty());
  EXPECT_THAT(errors(result), IsEmpty());

  const Meeting unlisted = set_document_items(meeting, kPaper, {});
  EXPECT_NE(find_document(unlisted, kPaper), nullptr) << "still declared";
  EXPECT_THAT(find_item(unlisted, "4")->documents, IsEmpty());

  Meeting said_none = example();
  ASSERT_TRUE(find_item(said_none, "4")->no_documents);
  said_none = set_document_items(said_none, "CTOC/COP/WG.7/2022/2", {"2", "4"});
  EXPECT_FALSE(find_item(said_none, "4")->no_documents);
  EXPECT_THAT(errors(said_none), IsEmpty());
}

TEST(DocumentItems, RefusesUnknownRepeatedAndParentItems) {
  const Meeting meeting = with_paper();
  EditError error = error_of([&] { set_document_items(meeting, kPaper, {"2", "9"}); });
  EXPECT_EQ(error.field, "keys[1]");
  EXPECT_STREQ(error.what(), "there is no item 9; the agenda has items 1 to 6");
  error = error_of([&] { set_document_items(meeting, kPaper, {"2", "2"}); });
  EXPECT_STREQ(error.what(), "item 2 is named twice");
  error = error_of([&] { set_document_items(meeting, kPaper, {"1"}); });
  EXPECT_STREQ(error.what(), "item 1 has sub-items: list the document under one of them");
  EXPECT_EQ(find_item(set_document_items(meeting, kPaper, {"1a"}), "1 (a)")->documents,
            (std::vector<std::string>{kPaper}));
}

TEST(ItemDocuments, SetsTheListInItsOrder) {
  const Meeting meeting = with_paper();
  const Meeting result = set_item_documents(meeting, "2", {kPaper, "CTOC/COP/WG.7/2022/2"});
  EXPECT_EQ(find_item(result, "2")->documents, (std::vector<std::string>{kPaper, "CTOC/COP/WG.7/2022/2"}));
  EXPECT_EQ(error_of([&] { set_item_documents(meeting, "2", {kPaper, kPaper}); }).field, "symbols[1]");
  EXPECT_STREQ(error_of([&] { set_item_documents(meeting, "2", {"CTOC/COP/WG.7/2022/7"}); }).what(),
               "there is no document CTOC/COP/WG.7/2022/7; the meeting declares CTOC/COP/WG.7/2022/2, "
               "CTOC/COP/WG.7/2022/3, CTOC/COP/WG.7/2022/CRP.1");
  EXPECT_THAT(find_item(set_item_documents(meeting, "2", {}), "2")->documents, IsEmpty());
}

TEST(ItemDocuments, NoDocumentsPlannedOnlyWhenNoneIsListed) {
  const Meeting meeting = example();
  const Meeting result = set_item_no_documents(set_item_documents(meeting, "2", {}), "2", true);
  EXPECT_TRUE(find_item(result, "2")->no_documents);
  const EditError error = error_of([&] { set_item_no_documents(meeting, "2", true); });
  EXPECT_EQ(error.field, "items[1].no_documents");
  EXPECT_STREQ(error.what(), "item 2 lists 1 document; remove it first");
  EXPECT_FALSE(find_item(set_item_no_documents(meeting, "4", false), "4")->no_documents);
}

}  // namespace
}  // namespace plenary::edit
