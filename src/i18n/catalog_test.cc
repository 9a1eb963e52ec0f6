#include "i18n/catalog.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace plenary {
namespace {

TEST(Fill, ReplacesNamedPlaceholders) {
  EXPECT_EQ(fill("{city}, {dates}", {{"city", "Vienne"}, {"dates", "27 et 28 juin 2022"}}), "Vienne, 27 et 28 juin 2022");
  EXPECT_EQ(fill("no placeholders", {}), "no placeholders");
}

TEST(Fill, RejectsUnknownAndUnclosedPlaceholders) {
  EXPECT_THROW(fill("{nope}", {}), CatalogError);
  EXPECT_THROW(fill("{open", {{"open", "x"}}), CatalogError);
}

TEST(Catalog, EmbedsFrenchAndEnglish) {
  const auto languages = Catalog::languages();
  EXPECT_NE(std::find(languages.begin(), languages.end(), "fr"), languages.end());
  EXPECT_NE(std::find(languages.begin(), languages.end(), "en"), languages.end());
  EXPECT_THROW(Catalog::load("de"), CatalogError);
}

TEST(Catalog, EveryLanguageHasEveryEnglishKey) {
  for (const std::string& lang : Catalog::languages()) EXPECT_NO_THROW(Catalog::load(lang)) << lang;
}

TEST(Catalog, ParseReportsPositionOfBadEntries) {
  try {
    Catalog::parse("language = \"xx\"\n[heading]\nannex = 3\n", "xx.toml");
    FAIL() << "expected CatalogError";
  } catch (const CatalogError& e) {
    EXPECT_STREQ(e.what(), "xx.toml:3:9: 'heading.annex' should be a string");
  }
  EXPECT_THROW(Catalog::parse("language = ", "bad.toml"), CatalogError);
}

TEST(Catalog, MissingKeyNamesIt) {
  const Catalog fr = Catalog::load("fr");
  try {
    fr.text("heading.nothing");
    FAIL();
  } catch (const CatalogError& e) {
    EXPECT_STREQ(e.what(), "catalog 'fr' has no 'heading.nothing'");
  }
}

// The French forms below are seen in the reference agenda CTOC/COP/WG.7/2022/1.
TEST(FrenchStyle, DatesAsInTheReference) {
  const Catalog fr = Catalog::load("fr");
  EXPECT_EQ(fr.date({2022, 3, 16}, "dates.issue"), "16 mars 2022");
  EXPECT_EQ(fr.date({2022, 6, 27}, "dates.full"), "lundi 27 juin 2022");
  EXPECT_EQ(fr.date({2022, 6, 27}, "dates.table_day"), "Lundi 27 juin");
  EXPECT_EQ(fr.date({2022, 6, 28}, "dates.table_day"), "Mardi 28 juin");
  EXPECT_EQ(fr.date_range({2022, 6, 27}, {2022, 6, 28}), "27 et 28 juin 2022");
  EXPECT_EQ(fr.date_range({2011, 4, 11}, {2011, 4, 15}), "11-15 avril 2011");
  EXPECT_EQ(fr.date_range({2022, 6, 30}, {2022, 7, 1}), "30 juin-1er juillet 2022");
  EXPECT_EQ(fr.date({2022, 7, 1}, "dates.full"), "vendredi 1er juillet 2022");
  EXPECT_EQ(fr.date_range({2022, 12, 30}, {2023, 1, 2}), "30 décembre 2022-2 janvier 2023");
}

TEST(FrenchStyle, TimesAsInTheReference) {
  const Catalog fr = Catalog::load("fr");
  EXPECT_EQ(fr.time({10 * 60}), "10 heures");
  EXPECT_EQ(fr.time_range({10 * 60}, {13 * 60}), "10 heures-13 heures");
  EXPECT_EQ(fr.time_range({15 * 60}, {18 * 60}), "15 heures-18 heures");
  EXPECT_EQ(fr.time({10 * 60 + 30}), "10 h 30");
  EXPECT_EQ(fr.format("heading.original", {{"language", fr.text("language_names.en")}}), "Original\u202F: anglais");
}

TEST(EnglishStyle, DatesAndTimes) {
  const Catalog en = Catalog::load("en");
  EXPECT_EQ(en.date({2022, 3, 16}, "dates.issue"), "16 March 2022");
  EXPECT_EQ(en.date({2022, 6, 27}, "dates.full"), "Monday, 27 June 2022");
  EXPECT_EQ(en.date({2022, 6, 27}, "dates.table_day"), "Monday, 27 June");
  EXPECT_EQ(en.date_range({2022, 6, 27}, {2022, 6, 28}), "27 and 28 June 2022");
  EXPECT_EQ(en.date_range({2011, 4, 11}, {2011, 4, 15}), "11–15 April 2011");
  EXPECT_EQ(en.date_range({2022, 6, 30}, {2022, 7, 1}), "30 June–1 July 2022");
  EXPECT_EQ(en.time({10 * 60}), "10 a.m.");
  EXPECT_EQ(en.time({15 * 60 + 30}), "3.30 p.m.");
  EXPECT_EQ(en.time({12 * 60}), "noon");
  EXPECT_EQ(en.time_range({10 * 60}, {13 * 60}), "10 a.m.–1 p.m.");
  EXPECT_EQ(en.time_range({15 * 60}, {18 * 60}), "3–6 p.m.");
  EXPECT_EQ(en.time_range({10 * 60}, {12 * 60}), "10 a.m.–noon");
}

}  // namespace
}  // namespace plenary

#include "i18n/time_zone.h"

namespace plenary {
namespace {

TEST(TimeZone, KnowsIanaNamesAndSummerTime) {
  EXPECT_TRUE(is_known_time_zone("Europe/Vienna"));
  EXPECT_FALSE(is_known_time_zone("Europe/Atlantis"));
  EXPECT_FALSE(is_known_time_zone(""));
  EXPECT_EQ(utc_offset_minutes("Europe/Vienna", {2022, 6, 27}, {600}), 120);  // CEST
  EXPECT_EQ(utc_offset_minutes("Europe/Vienna", {2022, 1, 10}, {600}), 60);   // CET
  EXPECT_EQ(utc_offset_minutes("America/New_York", {2022, 6, 27}, {600}), -240);
  EXPECT_EQ(local_iso_with_offset("Europe/Vienna", {2022, 6, 27}, {600}), "2022-06-27T10:00:00+02:00");
  EXPECT_EQ(local_iso_with_offset("Nowhere/Else", {2022, 6, 27}, {600}), "");
}

}  // namespace
}  // namespace plenary
