// The edits of footnotes and decisions, the marks annotations call.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "edit/edit.h"
#include "edit/equal.h"
#include "edit/test_support.h"
#include "format/rich_text.h"

namespace plenary::edit {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using namespace plenary::edit::testing;

// A draft of the tenth meeting: like a new meeting, it has no footnotes.
Meeting tenth_meeting() {
  return next_meeting(example(), "CTOC/COP/WG.7/2023/1", Date{2023, 7, 3}, Date{2023, 7, 4}, Date{2023, 4, 20});
}

std::string markdown(const Meeting& meeting, const std::string& footnote, const std::string& lang) {
  return write_rich_text(find_footnote(meeting, footnote)->text.at(lang));
}

// ---- footnotes

TEST(Footnotes, AFootnoteWrittenCanBeCalled) {
  const Meeting draft = tenth_meeting();
  ASSERT_THAT(draft.footnotes, IsEmpty());
  const EditError refused =
      error_of([&] { set_annotation(draft, "1 (a)", "en", "The meeting will be opened.[^hybrid]"); });
  EXPECT_EQ(refused.field, "items[0].subitems[0].annotation.en");
  EXPECT_STREQ(refused.what(), "the text calls footnote [^hybrid], but the meeting has no footnote 'hybrid': add it "
                               "first (the meeting has no footnotes)");

  const Meeting noted = add_footnote(draft, "hybrid", {{"en", "Updates will be posted on the *web page*."},
                                                       {"fr", "Les actualisations seront publiées."},
                                                       {"es", "  "}});
  ASSERT_NE(find_footnote(noted, "hybrid"), nullptr);
  EXPECT_EQ(markdown(noted, "hybrid", "en"), "Updates will be posted on the *web page*.");
  EXPECT_FALSE(find_footnote(noted, "hybrid")->text.count("es")) << "a blank language is left out";
  const Meeting called = set_annotation(noted, "1 (a)", "en", "The meeting will be opened.[^hybrid]");
  EXPECT_EQ(find_item(called, "1 (a)")->annotation.at("en").at(0).content.back().kind, InlineKind::footnote_ref);
  EXPECT_THAT(errors(called), IsEmpty());
}

TEST(Footnotes, IdsFollowTheMeetingFileRules) {
  const Meeting meeting = example();
  EditError error = error_of([&] { add_footnote(meeting, "hybrid", {}); });
  EXPECT_EQ(error.field, "footnote.id");
  EXPECT_STREQ(error.what(), "footnote id 'hybrid' is already used");
  error = error_of([&] { add_footnote(meeting, "two words", {}); });
  EXPECT_STREQ(error.what(),
               "a footnote id is made of letters, digits, '-' or '_', at most 64 characters; found 'two words'");
  EXPECT_EQ(error_of([&] { add_footnote(meeting, std::string(65, 'a'), {}); }).field, "footnote.id");
  EXPECT_EQ(error_of([&] { add_footnote(meeting, "", {}); }).field, "footnote.id");
  EXPECT_NO_THROW(add_footnote(meeting, "web-page_2", {}));
}

TEST(Footnotes, TheirTextIsParsedLikeAnAnnotation) {
  const Meeting meeting = example();
  EditError error = error_of([&] { add_footnote(meeting, "note", {{"en", "# Heading"}}); });
  EXPECT_EQ(error.field, "footnote.text.en");
  EXPECT_THAT(error.what(), HasSubstr("found a heading"));
  error = error_of([&] { add_footnote(meeting, "note", {{"de", "Text"}}); });
  EXPECT_EQ(error.field, "footnote.text");
  error = error_of([&] { add_footnote(meeting, "note", {{"en", "See [^note]."}}); });
  EXPECT_THAT(error.what(), HasSubstr("no footnote 'note'")) << "a footnote cannot call itself";
  error = error_of([&] { set_footnote_text(meeting, "hybrid", "fr", "Voir {{decision:nope}}."); });
  EXPECT_EQ(error.field, "footnotes.hybrid.fr");
  EXPECT_EQ(error_of([&] { set_footnote_text(meeting, "remote", "fr", "x"); }).field, "id");
}

TEST(Footnotes, TextChangesPerLanguage) {
  const Meeting meeting = example();
  const Meeting changed = set_footnote_text(meeting, "hybrid", "fr", "Des **actualisations** seront publiées.");
  EXPECT_EQ(markdown(changed, "hybrid", "fr"), "Des **actualisations** seront publiées.");
  EXPECT_TRUE(same(find_footnote(changed, "hybrid")->text.at("en"), find_footnote(meeting, "hybrid")->text.at("en")));
  const Meeting removed = set_footnote_text(meeting, "hybrid", "fr", "");
  EXPECT_FALSE(find_footnote(removed, "hybrid")->text.count("fr"));
}

TEST(Footnotes, OneThatIsCalledIsNotRemovedAndTheMessageSaysWhere) {
  const Meeting meeting = example();
  EditError error = error_of([&] { remove_footnote(meeting, "compendium"); });
  EXPECT_EQ(error.field, "id");
  EXPECT_STREQ(error.what(), "footnote 'compendium' is called in the annotation of item 2 in Arabic, Chinese, "
                             "English, French, Russian and Spanish; remove the call first");
  error = error_of([&] { remove_footnote(meeting, "hybrid"); });
  EXPECT_THAT(error.what(), HasSubstr("the annotation of item 1 (a) in Arabic"));
  EXPECT_THAT(error.what(), HasSubstr("; the title of the organization of work; remove the calls first"));
  EXPECT_STREQ(error_of([&] { remove_footnote(meeting, "remote"); }).what(),
               "there is no footnote 'remote'; the meeting's footnotes are compendium, hybrid");

  const Meeting unused = add_footnote(meeting, "spare", {{"en", "Spare."}});
  EXPECT_EQ(remove_footnote(unused, "spare").footnotes.size(), meeting.footnotes.size());
}

TEST(Footnotes, RenamingRewritesEveryCall) {
  const Meeting meeting = example();
  const Meeting renamed = rename_footnote(meeting, "hybrid", "format");
  EXPECT_EQ(find_footnote(renamed, "hybrid"), nullptr);
  ASSERT_NE(find_footnote(renamed, "format"), nullptr);
  EXPECT_EQ(renamed.organization.footnote, "format");
  EXPECT_THAT(write_rich_text(find_item(renamed, "1 (a)")->annotation.at("en")), HasSubstr("[^format]"));
  EXPECT_THAT(errors(renamed), IsEmpty());
  EXPECT_EQ(error_of([&] { rename_footnote(meeting, "hybrid", "compendium"); }).field, "new_id");
  EXPECT_EQ(error_of([&] { rename_footnote(meeting, "hybrid", "a b"); }).field, "new_id");
}

// ---- decisions

TEST(Decisions, EachPartCanBeChanged) {
  const Meeting meeting = example();
  Meeting changed = set_decision_by(meeting, "topics", "fr", "le Bureau");
  changed = set_decision_approved(changed, "topics", "en", "the topics of the meeting");
  changed = set_decision_date(changed, "topics", Date{2021, 12, 1});
  changed = set_decision_procedure(changed, "topics", Procedure::meeting);
  const Decision* decision = find_decision(changed, "topics");
  ASSERT_NE(decision, nullptr);
  EXPECT_EQ(decision->by.at("fr"), "le Bureau");
  EXPECT_EQ(decision->approved.at("en"), "the topics of the meeting");
  EXPECT_EQ(decision->date, (Date{2021, 12, 1}));
  EXPECT_EQ(decision->procedure, Procedure::meeting);
  EXPECT_THAT(errors(changed), IsEmpty());
}

TEST(Decisions, RefusesWhatTheFileWouldRefuse) {
  const Meeting meeting = example();
  EditError error = error_of([&] { set_decision_date(meeting, "topics", Date{2021, 6, 31}); });
  EXPECT_EQ(error.field, "decisions[1].date");
  EXPECT_STREQ(error.what(), "the date of the decision, 2021-06-31, is not a real date: June has 30 days");
  error = error_of([&] { set_decision_procedure(meeting, "topics", static_cast<Procedure>(7)); });
  EXPECT_EQ(error.field, "decisions[1].procedure");
  error = error_of([&] { set_decision_by(meeting, "topics", "de", "x"); });
  EXPECT_EQ(error.field, "lang");
  error = error_of([&] { set_decision_approved(meeting, "budget", "en", "x"); });
  EXPECT_EQ(error.field, "id");
  EXPECT_STREQ(error.what(), "there is no decision 'budget'; the meeting's decisions are calendar-2022, topics");
}

TEST(Decisions, RenamingRewritesEveryCitation) {
  const Meeting meeting = example();
  const Meeting renamed = rename_decision(meeting, "topics", "topics-2022");
  EXPECT_EQ(find_decision(renamed, "topics"), nullptr);
  EXPECT_NE(find_decision(renamed, "topics-2022"), nullptr);
  EXPECT_THAT(write_rich_text(find_item(renamed, "1 (b)")->annotation.at("fr")),
              HasSubstr("{{decision:topics-2022}}"));
  EXPECT_THAT(errors(renamed), IsEmpty());
  EXPECT_STREQ(error_of([&] { rename_decision(meeting, "topics", "calendar-2022"); }).what(),
               "decision id 'calendar-2022' is already used");
}

}  // namespace
}  // namespace plenary::edit
