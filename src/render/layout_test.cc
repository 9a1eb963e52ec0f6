#include "render/layout.h"

#include <gtest/gtest.h>

#include "render/test_support.h"

namespace plenary {
namespace {

class ExampleLayout : public ::testing::Test {
 protected:
  Meeting meeting_ = testing::load_example();
};

TEST_F(ExampleLayout, FrenchLabelsAndPunctuation) {
  const AgendaLayout fr = lay_out_agenda(meeting_, Catalog::load("fr"));
  ASSERT_EQ(fr.items.size(), 6u);
  EXPECT_EQ(fr.items[0].label, "1.");
  EXPECT_EQ(fr.items[0].list_entry, "Questions d'organisation\u202F:");
  ASSERT_EQ(fr.items[0].subitems.size(), 2u);
  EXPECT_EQ(fr.items[0].subitems[0].label, "a)");
  EXPECT_EQ(fr.items[0].subitems[0].list_entry, "Ouverture de la réunion\u202F;");
  EXPECT_EQ(fr.items[0].subitems[1].list_entry, "Adoption de l'ordre du jour et organisation des travaux.");
  EXPECT_EQ(fr.items[5].list_entry, "Adoption du rapport.");
  EXPECT_TRUE(fr.items[3].no_documents);
  ASSERT_EQ(fr.items[1].documents.size(), 1u);
  EXPECT_EQ(fr.items[1].documents[0].symbol, "CTOC/COP/WG.7/2022/2");
  EXPECT_TRUE(fr.items[1].documents[0].entry().ends_with("(CTOC/COP/WG.7/2022/2)."));
  EXPECT_TRUE(fr.missing.empty());
}

TEST_F(ExampleLayout, EnglishLabels) {
  const AgendaLayout en = lay_out_agenda(meeting_, Catalog::load("en"));
  EXPECT_EQ(en.items[0].subitems[1].label, "(b)");
  EXPECT_EQ(en.items[0].list_entry, "Organizational matters:");
  EXPECT_EQ(en.distribution, "Distr.: General");
  EXPECT_EQ(en.original, "Original: English");
  EXPECT_EQ(en.venue_and_dates, "Vienna, 27 and 28 June 2022");
  EXPECT_EQ(en.days[0].slots[0].rows[0].item, "1 (a)");
  EXPECT_EQ(en.days[0].slots[0].time, "10 a.m.–1 p.m.");
  EXPECT_EQ(en.continued, "(continued)");
}

// Footnote 1 is called in item 1 (a) and again from the annex title, as in
// the reference; footnote 2 from item 2.
TEST_F(ExampleLayout, FootnotesNumberedInOrderOfFirstCall) {
  const AgendaLayout fr = lay_out_agenda(meeting_, Catalog::load("fr"));
  ASSERT_EQ(fr.footnotes.size(), 2u);
  EXPECT_EQ(fr.footnotes[0].number, 1);
  EXPECT_EQ(fr.footnotes[1].number, 2);
  EXPECT_EQ(fr.annex_footnote, 1);
  const auto& opening = fr.items[0].subitems[0].annotation.at(0).content;
  ASSERT_FALSE(opening.empty());
  EXPECT_EQ(opening.back().kind, InlineKind::text);  // the closing "."
  bool called = false;
  for (const Inline& in : opening) called |= in.kind == InlineKind::footnote_ref && in.target == "1";
  EXPECT_TRUE(called);
}

TEST_F(ExampleLayout, AnnexMarksContinuedItems) {
  const AgendaLayout fr = lay_out_agenda(meeting_, Catalog::load("fr"));
  ASSERT_EQ(fr.days.size(), 2u);
  EXPECT_EQ(fr.days[0].heading, "Lundi 27 juin");
  EXPECT_EQ(fr.days[1].heading, "Mardi 28 juin");
  const auto& afternoon = fr.days[0].slots[1];
  EXPECT_EQ(afternoon.time, "15 heures-18 heures");
  EXPECT_TRUE(afternoon.rows[0].continued);
  EXPECT_EQ(afternoon.rows[0].item, "2");
  EXPECT_FALSE(afternoon.rows[1].continued);
  EXPECT_EQ(fr.days[0].slots[0].rows[0].item, "1 a)");
}

TEST_F(ExampleLayout, MissingLanguageIsMarkedAndListed) {
  const AgendaLayout es = [&] {
    // Spanish has no catalog yet: lay out with the English catalog but strip
    // a French text to see a gap in French instead.
    Meeting changed = meeting_;
    changed.items[4].title.erase("fr");
    return lay_out_agenda(changed, Catalog::load("fr"));
  }();
  ASSERT_FALSE(es.missing.empty());
  EXPECT_EQ(es.missing[0], "item 5 title");
  EXPECT_EQ(es.items[4].title, "[item 5 title: no fr text]");
}

}  // namespace
}  // namespace plenary
