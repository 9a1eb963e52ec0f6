// The edits of the meeting's own data, the agenda's heading and the planning
// settings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "edit/edit.h"
#include "edit/equal.h"
#include "edit/test_support.h"

namespace plenary::edit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using namespace plenary::edit::testing;

// ---- the agenda's heading

TEST(Heading, SymbolIsValidatedAndNormalized) {
  const Meeting meeting = example();
  EXPECT_EQ(set_agenda_symbol(meeting, " CTOC/COP/WG.7/2022/1/REV.1 ").document.symbol, "CTOC/COP/WG.7/2022/1/Rev.1");
  EditError error = error_of([&] { set_agenda_symbol(meeting, "ctoc/cop/wg.7/2022/1"); });
  EXPECT_EQ(error.field, "document.symbol");
  EXPECT_THAT(error.what(), HasSubstr("is not a valid UN document symbol"));
  error = error_of([&] { set_agenda_symbol(meeting, "CTOC/COP/WG.7/2022/2"); });
  EXPECT_STREQ(error.what(),
               "CTOC/COP/WG.7/2022/2 is one of the meeting's documents; the agenda needs a symbol of its own");
}

TEST(Heading, DateOfIssueDistributionAndOriginalLanguage) {
  const Meeting meeting = example();
  Meeting changed = set_issued(meeting, Date{2022, 4, 1});
  changed = set_distribution(changed, Distribution::limited);
  changed = set_original_language(changed, "fr");
  EXPECT_EQ(changed.document.issued, (Date{2022, 4, 1}));
  EXPECT_EQ(changed.document.distribution, Distribution::limited);
  EXPECT_EQ(changed.document.original_language, "fr");
  EXPECT_THAT(errors(changed), IsEmpty());

  EditError error = error_of([&] { set_issued(meeting, Date{2022, 6, 31}); });
  EXPECT_EQ(error.field, "document.issued");
  EXPECT_STREQ(error.what(), "the date of issue, 2022-06-31, is not a real date: June has 30 days");
  EXPECT_EQ(error_of([&] { set_distribution(meeting, static_cast<Distribution>(9)); }).field,
            "document.distribution");
  Meeting bilingual = set_languages(meeting, {"en", "fr"});
  error = error_of([&] { set_original_language(bilingual, "ru"); });
  EXPECT_EQ(error.field, "document.original_language");
  EXPECT_THAT(error.what(), HasSubstr("'ru' is not one of the meeting's languages; use en, fr"));
}

TEST(Heading, AnAgendaIssuedAfterTheOpeningIsOnlyAWarning) {
  EXPECT_NO_THROW(set_issued(example(), Date{2022, 7, 1}));
}

// ---- the meeting's own data

TEST(MeetingData, LanguagesAreOfficialOnceEachAndKeepTheOriginal) {
  const Meeting meeting = example();
  const Meeting fewer = set_languages(meeting, {"fr", "en"});
  EXPECT_EQ(fewer.languages, (std::vector<std::string>{"fr", "en"}));
  EXPECT_EQ(find_item(fewer, "2")->title.count("ru"), 1u) << "texts in a language dropped are kept";
  EXPECT_THAT(errors(fewer), IsEmpty());

  EditError error = error_of([&] { set_languages(meeting, {"en", "de"}); });
  EXPECT_EQ(error.field, "meeting.languages[1]");
  EXPECT_STREQ(error.what(), "'de' is not an official language: expected one of ar, zh, en, fr, ru, es");
  error = error_of([&] { set_languages(meeting, {"en", "fr", "en"}); });
  EXPECT_STREQ(error.what(), "English is listed twice");
  error = error_of([&] { set_languages(meeting, {}); });
  EXPECT_EQ(error.field, "meeting.languages");
  error = error_of([&] { set_languages(meeting, {"fr", "es"}); });
  EXPECT_STREQ(error.what(), "the agenda's original language, English, must stay among its languages; change the "
                             "original language first");
}

TEST(MeetingData, OrdinalAndTimeZone) {
  const Meeting meeting = example();
  EXPECT_EQ(set_ordinal(meeting, 10).ordinal, 10);
  EXPECT_EQ(error_of([&] { set_ordinal(meeting, 0); }).field, "meeting.ordinal");
  EXPECT_EQ(error_of([&] { set_ordinal(meeting, 1000); }).field, "meeting.ordinal");
  EXPECT_EQ(set_time_zone(meeting, "America/New_York").time_zone, "America/New_York");
  const EditError error = error_of([&] { set_time_zone(meeting, "Europe/Vienne"); });
  EXPECT_EQ(error.field, "meeting.time_zone");
  EXPECT_THAT(error.what(), HasSubstr("'Europe/Vienne' is not a known time zone"));
}

TEST(MeetingData, BodyNameParentAndMandate) {
  const Meeting meeting = example();
  Meeting changed = set_body_name(meeting, "fr", "Groupe de travail");
  changed = set_body_parent(changed, "en", "The Conference");
  changed = set_mandate(changed, {"7/1", " ", "11/3"});
  EXPECT_EQ(changed.body.name.at("fr"), "Groupe de travail");
  EXPECT_EQ(changed.body.parent.at("en"), "The Conference");
  EXPECT_EQ(changed.body.mandate, (std::vector<std::string>{"7/1", "11/3"}));
  EXPECT_EQ(error_of([&] { set_body_name(meeting, "fr", "\xC3"); }).field, "body.name.fr");
  EXPECT_EQ(error_of([&] { set_mandate(meeting, {"\xFF"}); }).field, "body.mandate[0]");
}

// ---- planning settings

TEST(Planning, SettingsAreReplacedWhole) {
  const Meeting meeting = example();
  PlanningSettings planning = meeting.planning;
  planning.hybrid = {{TimeOfDay{600}, TimeOfDay{720}}, {TimeOfDay{840}, TimeOfDay{960}}};
  planning.first_day_start = TimeOfDay{660};
  planning.unavailable = {{Date{2022, 6, 28}, TimeOfDay{900}}};
  planning.skip_weekends = false;
  planning.min_continuation = 20;
  planning.default_minutes["other-matters"] = 45;
  const Meeting changed = set_planning(meeting, planning);
  EXPECT_TRUE(same(changed.planning, planning));
  EXPECT_TRUE(same(changed.organization.slots, meeting.organization.slots)) << "planning again is the caller's job";
  EXPECT_THAT(errors(changed), IsEmpty());
}

TEST(Planning, RefusesSettingsThePlannerCannotUse) {
  const Meeting meeting = example();
  auto refused = [&](auto change) {
    PlanningSettings planning = meeting.planning;
    change(planning);
    return error_of([&] { set_planning(meeting, planning); });
  };
  EditError error = refused([](PlanningSettings& p) { p.in_person = {{TimeOfDay{780}, TimeOfDay{600}}}; });
  EXPECT_EQ(error.field, "planning.in_person[0]");
  EXPECT_STREQ(error.what(), "the meeting from 13:00 to 10:00 ends before it starts");
  error = refused([](PlanningSettings& p) {
    p.online = {{TimeOfDay{600}, TimeOfDay{780}}, {TimeOfDay{720}, TimeOfDay{900}}};
  });
  EXPECT_EQ(error.field, "planning.online[1]");
  EXPECT_THAT(error.what(), HasSubstr("starts before the one from 10:00 to 13:00 ends"));
  error = refused([](PlanningSettings& p) { p.last_day_end = TimeOfDay{1500}; });
  EXPECT_EQ(error.field, "planning.last_day_end");
  error = refused([](PlanningSettings& p) { p.unavailable = {{Date{2022, 7, 1}, TimeOfDay{600}}}; });
  EXPECT_EQ(error.field, "planning.unavailable[0].date");
  EXPECT_STREQ(error.what(), "2022-07-01 is outside the meeting's dates (2022-06-27 to 2022-06-28)");
  error = refused([](PlanningSettings& p) { p.unavailable = {{Date{2022, 6, 31}, TimeOfDay{600}}}; });
  EXPECT_THAT(error.what(), HasSubstr("June has 30 days"));
  error = refused([](PlanningSettings& p) { p.min_continuation = 0; });
  EXPECT_EQ(error.field, "planning.min_continuation");
  error = refused([](PlanningSettings& p) { p.min_substantive_minutes = 2000; });
  EXPECT_EQ(error.field, "planning.min_substantive_minutes");
  error = refused([](PlanningSettings& p) { p.default_minutes["coffee"] = 15; });
  EXPECT_EQ(error.field, "planning.default_minutes.coffee");
  error = refused([](PlanningSettings& p) { p.default_minutes["opening"] = 0; });
  EXPECT_EQ(error.field, "planning.default_minutes.opening");
}

TEST(Planning, UnavailableSlotsMoveWithTheDates) {
  Meeting meeting = example();
  meeting.planning.unavailable = {{Date{2022, 6, 27}, TimeOfDay{900}}, {Date{2022, 6, 28}, TimeOfDay{600}}};
  const Meeting moved = set_dates(meeting, Date{2022, 7, 4}, Date{2022, 7, 5});
  ASSERT_EQ(moved.planning.unavailable.size(), 2u);
  EXPECT_EQ(moved.planning.unavailable[0].date, (Date{2022, 7, 4}));
  EXPECT_EQ(moved.planning.unavailable[1].date, (Date{2022, 7, 5}));
  const Meeting shorter = set_dates(meeting, Date{2022, 6, 27}, Date{2022, 6, 27});
  ASSERT_EQ(shorter.planning.unavailable.size(), 1u) << "the one on a day no longer in the meeting goes";
}

}  // namespace
}  // namespace plenary::edit
