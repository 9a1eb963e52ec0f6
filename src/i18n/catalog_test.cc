#include "i18n/catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

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


// The reference meeting in each language: issued 16 March 2022, held on 27 and
// 28 June 2022, opening Monday 27 June at 10 a.m., meetings 10-13 and 15-18.
// Which forms were seen in UN documents and which are believed is said in
// data/catalog/LANG.toml.

TEST(Catalog, EmbedsAllSixLanguagesInUnOrder) {
  EXPECT_EQ(Catalog::languages(), (std::vector<std::string>{"ar", "zh", "en", "fr", "ru", "es"}));
}

TEST(Catalog, OnlyArabicIsRightToLeft) {
  for (const std::string& lang : Catalog::languages()) {
    const Catalog catalog = Catalog::load(lang);
    EXPECT_EQ(catalog.text("direction"), lang == "ar" ? "rtl" : "ltr") << lang;
    EXPECT_EQ(catalog.right_to_left(), lang == "ar") << lang;
  }
}

TEST(Catalog, HeadDateFallsBackToTheIssueDate) {
  // English and French write the head in their own language.
  EXPECT_EQ(Catalog::load("fr").head_date({2022, 3, 16}), "16 mars 2022");
  EXPECT_EQ(Catalog::load("en").head_date({2022, 3, 16}), "16 March 2022");
}

TEST(Catalog, SubitemLettersAreLatinUnlessTheCatalogHasItsOwn) {
  const Catalog en = Catalog::load("en");
  EXPECT_EQ(en.subitem_letter(1), "a");
  EXPECT_EQ(en.subitem_letter(26), "z");
  EXPECT_EQ(en.subitem_letter(27), "aa");
  const Catalog custom = Catalog::parse("language = \"xx\"\n[agenda]\nletters = \"x  y z\"\n", "xx.toml");
  EXPECT_EQ(custom.subitem_letter(1), "x");
  EXPECT_EQ(custom.subitem_letter(3), "z");
  EXPECT_EQ(custom.subitem_letter(4), "xx");
  EXPECT_EQ(custom.subitem_letter(0), "");
  EXPECT_THROW(Catalog::parse("language = \"xx\"\n[agenda]\nletters = \" \"\n", "xx.toml").subitem_letter(1),
               CatalogError);
}

TEST(Catalog, NamesOverrideIcuOutsideQuotedText) {
  // A month name with a quote, and an 'MMMM' inside quoted text left alone.
  const Catalog xx = Catalog::parse(
      "language = \"xx\"\nicu_locale = \"en_GB\"\n[months]\n6 = \"Ju'ne\"\n"
      "[dates]\nfull = \"d MMMM 'MMMM' y\"\nfirst_of_month = \"1\"\ncapitalize_table_day = \"no\"\n",
      "xx.toml");
  EXPECT_EQ(xx.date({2022, 6, 27}, "dates.full"), "27 Ju'ne MMMM 2022");
}

TEST(SpanishStyle, DatesAndTimes) {
  const Catalog es = Catalog::load("es");
  EXPECT_EQ(es.date({2022, 3, 16}, "dates.issue"), "16 de marzo de 2022");
  EXPECT_EQ(es.head_date({2022, 3, 16}), "16 de marzo de 2022");
  EXPECT_EQ(es.date({2022, 6, 27}, "dates.full"), "lunes 27 de junio de 2022");
  EXPECT_EQ(es.date({2022, 6, 27}, "dates.table_day"), "Lunes 27 de junio");
  EXPECT_EQ(es.date({2022, 6, 28}, "dates.table_day"), "Martes 28 de junio");
  EXPECT_EQ(es.date_range({2022, 6, 27}, {2022, 6, 28}), "27 y 28 de junio de 2022");
  EXPECT_EQ(es.date_range({2011, 4, 11}, {2011, 4, 15}), "11 a 15 de abril de 2011");
  EXPECT_EQ(es.date_range({2022, 6, 30}, {2022, 7, 1}), "30 de junio a 1 de julio de 2022");
  EXPECT_EQ(es.date_range({2022, 12, 30}, {2023, 1, 2}), "30 de diciembre de 2022 a 2 de enero de 2023");
  EXPECT_EQ(es.date({2022, 7, 1}, "dates.full"), "viernes 1 de julio de 2022");
  EXPECT_EQ(es.time({10 * 60}), "10.00 horas");
  EXPECT_EQ(es.time({10 * 60 + 30}), "10.30 horas");
  EXPECT_EQ(es.time_range({10 * 60}, {13 * 60}), "10.00 a 13.00 horas");
  EXPECT_EQ(es.time_range({15 * 60}, {18 * 60}), "15.00 a 18.00 horas");
  EXPECT_EQ(es.format("phrases.opening", {{"date", es.date({2022, 6, 27}, "dates.full")}, {"time", es.time({600})}}),
            "lunes 27 de junio de 2022, a las 10.00 horas");
}

TEST(SpanishStyle, HeadingsAndLabels) {
  const Catalog es = Catalog::load("es");
  EXPECT_EQ(es.text("heading.provisional_agenda"), "Programa provisional");
  EXPECT_EQ(es.text("heading.distribution.general"), "Distr. general");
  EXPECT_EQ(es.format("heading.original", {{"language", es.text("language_names.en")}}), "Original: inglés");
  EXPECT_EQ(es.format("agenda.subitem_label", {{"letter", es.subitem_letter(2)}}), "b)");
  EXPECT_EQ(es.format("agenda.item_key", {{"number", "1"}, {"letter", es.subitem_letter(1)}}), "1 a)");
  EXPECT_EQ(es.format("heading.venue_and_dates", {{"city", "Viena"}, {"dates", es.date_range({2022, 6, 27}, {2022, 6, 28})}}),
            "Viena, 27 y 28 de junio de 2022");
}

TEST(RussianStyle, DatesAndTimes) {
  const Catalog ru = Catalog::load("ru");
  EXPECT_EQ(ru.date({2022, 3, 16}, "dates.issue"), "16 марта 2022 года");
  EXPECT_EQ(ru.head_date({2022, 3, 16}), "16 March 2022");  // the head is in English
  EXPECT_EQ(ru.date({2022, 6, 27}, "dates.full"), "понедельник, 27 июня 2022 года");
  EXPECT_EQ(ru.date({2022, 6, 29}, "dates.full"), "среду, 29 июня 2022 года");  // "в среду"
  EXPECT_EQ(ru.date({2022, 6, 27}, "dates.table_day"), "Понедельник, 27 июня");
  EXPECT_EQ(ru.date({2022, 6, 29}, "dates.table_day"), "Среда, 29 июня");  // the table says it plainly
  EXPECT_EQ(ru.date_range({2022, 6, 27}, {2022, 6, 28}), "27 и 28 июня 2022 года");
  EXPECT_EQ(ru.date_range({2011, 4, 11}, {2011, 4, 15}), "11\u221215 апреля 2011 года");
  EXPECT_EQ(ru.date_range({2014, 3, 31}, {2014, 4, 11}), "31 марта \u2212 11 апреля 2014 года");  // as CMW/C/20/1
  EXPECT_EQ(ru.date_range({2022, 6, 30}, {2022, 7, 1}), "30 июня \u2212 1 июля 2022 года");
  EXPECT_EQ(ru.date_range({2022, 12, 30}, {2023, 1, 2}), "30 декабря 2022 года \u2212 2 января 2023 года");
  EXPECT_EQ(ru.date({2022, 7, 1}, "dates.issue"), "1 июля 2022 года");
  EXPECT_EQ(ru.time({10 * 60}), "10 ч. 00 м.");
  EXPECT_EQ(ru.time_range({10 * 60}, {13 * 60}), "10 ч. 00 м. \u2212 13 ч. 00 м.");
  EXPECT_EQ(ru.time_range({15 * 60}, {18 * 60}), "15 ч. 00 м. \u2212 18 ч. 00 м.");
  EXPECT_EQ(ru.format("phrases.opening", {{"date", ru.date({2022, 6, 27}, "dates.full")}, {"time", ru.time({600})}}),
            "понедельник, 27 июня 2022 года, в 10 ч. 00 м.");
}

TEST(RussianStyle, HeadingsAndLabels) {
  const Catalog ru = Catalog::load("ru");
  EXPECT_EQ(ru.text("heading.provisional_agenda"), "Предварительная повестка дня");
  EXPECT_EQ(ru.text("heading.distribution.general"), "Distr.: General");
  EXPECT_EQ(ru.text("own_name"), "Russian");
  EXPECT_EQ(ru.format("heading.original", {{"language", ru.text("language_names.en")}}), "Original: English");
  EXPECT_EQ(ru.format("agenda.subitem_label", {{"letter", ru.subitem_letter(1)}}), "a)");
  EXPECT_EQ(ru.format("agenda.item_key", {{"number", "1"}, {"letter", ru.subitem_letter(2)}}), "1 b)");
}

TEST(ChineseStyle, DatesAndTimes) {
  const Catalog zh = Catalog::load("zh");
  EXPECT_EQ(zh.date({2022, 3, 16}, "dates.issue"), "2022年3月16日");
  EXPECT_EQ(zh.head_date({2022, 3, 16}), "16 March 2022");  // the head is in English
  EXPECT_EQ(zh.date({2022, 6, 27}, "dates.full"), "2022年6月27日星期一");
  EXPECT_EQ(zh.date({2022, 6, 27}, "dates.table_day"), "6月27日星期一");
  EXPECT_EQ(zh.date_range({2022, 6, 27}, {2022, 6, 28}), "2022年6月27日和28日");
  EXPECT_EQ(zh.date_range({2008, 10, 8}, {2008, 10, 17}), "2008年10月8日至17日");  // as CTOC/COP/2008/INF/1
  EXPECT_EQ(zh.date_range({2022, 6, 30}, {2022, 7, 1}), "2022年6月30日至7月1日");
  EXPECT_EQ(zh.date_range({2022, 12, 30}, {2023, 1, 2}), "2022年12月30日至2023年1月2日");
  EXPECT_EQ(zh.date({2022, 7, 1}, "dates.full"), "2022年7月1日星期五");
  EXPECT_EQ(zh.time({10 * 60}), "上午10时");
  EXPECT_EQ(zh.time({9 * 60 + 45}), "上午9时45分");
  EXPECT_EQ(zh.time({12 * 60}), "中午12时");
  EXPECT_EQ(zh.time_range({10 * 60}, {13 * 60}), "上午10时至下午1时");
  EXPECT_EQ(zh.time_range({15 * 60}, {18 * 60}), "下午3时至6时");
  EXPECT_EQ(zh.time_range({10 * 60}, {12 * 60}), "上午10时至中午12时");
  EXPECT_EQ(zh.format("phrases.opening", {{"date", zh.date({2022, 6, 27}, "dates.full")}, {"time", zh.time({600})}}),
            "2022年6月27日星期一上午10时");
}

TEST(ChineseStyle, HeadingsAndLabels) {
  const Catalog zh = Catalog::load("zh");
  EXPECT_EQ(zh.text("heading.provisional_agenda"), "临时议程");
  EXPECT_EQ(zh.text("heading.distribution.general"), "Distr.: General");
  EXPECT_EQ(zh.format("heading.original", {{"language", zh.text("language_names.en")}}), "Original: English");
  EXPECT_EQ(zh.format("agenda.subitem_label", {{"letter", zh.subitem_letter(1)}}), "(a)");
  EXPECT_EQ(zh.format("heading.venue_and_dates", {{"city", "维也纳"}, {"dates", zh.date_range({2022, 6, 27}, {2022, 6, 28})}}),
            "2022年6月27日和28日，维也纳");
}

TEST(ArabicStyle, DatesAndTimes) {
  const Catalog ar = Catalog::load("ar");
  // Western digits and the UN's paired month names, not CLDR's "يونيو".
  EXPECT_EQ(ar.date({2022, 3, 16}, "dates.issue"), "16 آذار/مارس 2022");
  EXPECT_EQ(ar.head_date({2022, 3, 16}), "16 March 2022");  // the head is in English, months untouched
  EXPECT_EQ(ar.date({2022, 6, 27}, "dates.full"), "الاثنين 27 حزيران/يونيه 2022");
  EXPECT_EQ(ar.date({2022, 6, 27}, "dates.table_day"), "الاثنين 27 حزيران/يونيه");
  EXPECT_EQ(ar.date_range({2022, 6, 27}, {2022, 6, 28}), "27 و 28 حزيران/يونيه 2022");
  EXPECT_EQ(ar.date_range({2011, 4, 11}, {2011, 4, 15}), "11-15 نيسان/أبريل 2011");
  EXPECT_EQ(ar.date_range({2022, 6, 30}, {2022, 7, 1}), "30 حزيران/يونيه - 1 تموز/يوليه 2022");
  EXPECT_EQ(ar.date_range({2022, 12, 30}, {2023, 1, 2}), "30 كانون الأول/ديسمبر 2022 - 2 كانون الثاني/يناير 2023");
  EXPECT_EQ(ar.date({2022, 7, 1}, "dates.issue"), "1 تموز/يوليه 2022");
  EXPECT_EQ(ar.time({10 * 60}), "الساعة 00/10");
  EXPECT_EQ(ar.time({10 * 60 + 5}), "الساعة 05/10");
  EXPECT_EQ(ar.time_range({10 * 60}, {13 * 60}), "من الساعة 00/10 إلى الساعة 00/13");
  EXPECT_EQ(ar.time_range({15 * 60}, {18 * 60}), "من الساعة 00/15 إلى الساعة 00/18");
  EXPECT_EQ(ar.format("phrases.opening", {{"date", ar.date({2022, 6, 27}, "dates.full")}, {"time", ar.time({600})}}),
            "الاثنين 27 حزيران/يونيه 2022، الساعة 00/10");
  for (int month = 1; month <= 12; ++month) {
    const std::string text = ar.date({2022, month, 27}, "dates.issue");
    EXPECT_EQ(text.find("\xD9\xA2"), std::string::npos) << text;  // no Arabic-Indic two (U+0662)
    EXPECT_NE(text.find('/'), std::string::npos) << text;         // a paired name
  }
}

TEST(ArabicStyle, HeadingsAndLabels) {
  const Catalog ar = Catalog::load("ar");
  EXPECT_TRUE(ar.right_to_left());
  EXPECT_EQ(ar.text("heading.provisional_agenda"), "جدول الأعمال المؤقت");
  EXPECT_EQ(ar.text("heading.distribution.general"), "Distr.: General");
  EXPECT_EQ(ar.subitem_letter(1), "أ");
  EXPECT_EQ(ar.subitem_letter(2), "ب");
  EXPECT_EQ(ar.subitem_letter(5), "هـ");
  EXPECT_EQ(ar.format("agenda.subitem_label", {{"letter", ar.subitem_letter(1)}}), "(أ)");
  EXPECT_EQ(ar.format("agenda.item_key", {{"number", "1"}, {"letter", ar.subitem_letter(2)}}), "1 (ب)");
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
