#include "planning/planner.h"

#include <gtest/gtest.h>

#include "format/meeting_file.h"
#include "planning/slots.h"

namespace plenary::planning {
namespace {

Meeting example() {
  MeetingFile file = load_meeting_file(PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml");
  EXPECT_TRUE(file.meeting && file.diagnostics.empty());
  return file.meeting.value_or(Meeting{});
}

// Slot by slot, the item keys with "+" for continued: {"1 (a)", "2+"}.
std::vector<std::vector<std::string>> rows(const OrganizationOfWork& organization) {
  std::vector<std::vector<std::string>> out;
  for (const Slot& slot : organization.slots) {
    out.emplace_back();
    for (const SlotItem& entry : slot.items) out.back().push_back(entry.item + (entry.continued ? "+" : ""));
  }
  return out;
}

Item substantive(int number, int minutes) {
  Item item;
  item.number = number;
  item.kind = ItemKind::substantive;
  item.minutes = minutes;
  return item;
}

TEST(Planner, InPersonPlanIsTheReferenceAnnex) {
  const Meeting meeting = example();
  const Plan plan = plan_meeting(meeting, PlanOptions{});
  ASSERT_TRUE(plan.ok);
  // Monday: 1 (a), 1 (b), 2 / 2 (continued), 3; Tuesday: 3 (continued), 4 / 5, 6.
  EXPECT_EQ(rows(plan.organization), (std::vector<std::vector<std::string>>{
                                         {"1 (a)", "1 (b)", "2"}, {"2+", "3"}, {"3+", "4"}, {"5", "6"}}));
  // And it equals the organization written in the example file.
  EXPECT_EQ(rows(plan.organization), rows(meeting.organization));
  EXPECT_EQ(to_hhmm(plan.organization.slots[1].start), "15:00");
}

TEST(Planner, HybridPlanFitsTwoHourMeetingsWithFewestChanges) {
  const Meeting meeting = example();
  const Plan in_person = plan_meeting(meeting, PlanOptions{});
  const Plan hybrid = plan_meeting(meeting, PlanOptions{MeetingFormat::hybrid, &in_person.organization});
  ASSERT_TRUE(hybrid.ok) << (hybrid.problems.empty() ? "" : hybrid.problems[0]);
  ASSERT_EQ(hybrid.organization.slots.size(), 4u);
  for (const Slot& slot : hybrid.organization.slots) {
    EXPECT_EQ(slot.end.minutes - slot.start.minutes, 120);
    int used = 0;
    for (const SlotItem& entry : slot.items) used += entry.minutes.value_or(0);
    EXPECT_LE(used, 120);
  }
  EXPECT_EQ(to_hhmm(hybrid.organization.slots[0].start), "12:00");
  ASSERT_FALSE(hybrid.changes.empty());
  EXPECT_EQ(hybrid.changes[0].text,
            "Item 2 moves from Monday 27 June 10:00-13:00 and Monday 27 June 15:00-18:00 to Monday 27 June 12:00-14:00.");
  // Re-planning against itself changes nothing.
  const Plan again = plan_meeting(meeting, PlanOptions{MeetingFormat::hybrid, &hybrid.organization});
  EXPECT_TRUE(again.changes.empty());
  EXPECT_EQ(again.cost.changes, 0);
}

TEST(Planner, RemovedSlotMovesOnlyWhatItMust) {
  Meeting meeting = example();
  const Plan before = plan_meeting(meeting, PlanOptions{});
  // Tuesday afternoon is lost; the items shrink (2 and 3 share what is left).
  meeting.planning.unavailable.push_back({Date{2022, 6, 28}, TimeOfDay{15 * 60}});
  meeting.items[5].minutes = 60;
  const Plan after = plan_meeting(meeting, PlanOptions{MeetingFormat::in_person, &before.organization});
  ASSERT_TRUE(after.ok) << (after.problems.empty() ? "" : after.problems[0]);
  EXPECT_EQ(after.organization.slots.size(), 3u);
  // Items 2 and 3 share what is left, less what keeps every continuation at
  // 30 minutes or more.
  ASSERT_FALSE(after.shrunk.empty());
  EXPECT_NE(after.shrunk.back().find("left unused"), std::string::npos) << after.shrunk.back();
  for (const PlanChange& change : after.changes) EXPECT_FALSE(change.text.empty());
}

TEST(Planner, SlotsFollowTemplateLateFirstDayEarlyLastDayAndWeekends) {
  Meeting meeting = example();
  meeting.end = Date{2022, 7, 4};  // Monday to the next Monday, over a weekend
  meeting.planning.first_day_start = TimeOfDay{15 * 60};
  meeting.planning.last_day_end = TimeOfDay{13 * 60};
  std::vector<std::string> problems;
  const std::vector<Slot> slots = make_slots(meeting, MeetingFormat::in_person, problems);
  EXPECT_TRUE(problems.empty());
  // Mon pm; Tue-Fri two each; Mon am.
  ASSERT_EQ(slots.size(), 1u + 8u + 1u);
  EXPECT_EQ(describe_slot(slots.front()), "Monday 27 June 15:00-18:00");
  EXPECT_EQ(describe_slot(slots.back()), "Monday 4 July 10:00-13:00");
}

TEST(Planner, BadTemplatesAreExplained) {
  Meeting meeting = example();
  meeting.planning.hybrid = {{TimeOfDay{720}, TimeOfDay{720}}, {TimeOfDay{900}, TimeOfDay{1020}}, {TimeOfDay{960}, TimeOfDay{1000}}};
  std::vector<std::string> problems;
  const auto slots = make_slots(meeting, MeetingFormat::hybrid, problems);
  EXPECT_EQ(slots.size(), 2u);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], "the hybrid template's meeting 12:00-12:00 has no length");
  EXPECT_EQ(problems[1], "the hybrid template's meetings 15:00-17:00 and 16:00-16:40 overlap or are out of order");
}

TEST(Planner, NoSlotsIsExplained) {
  Meeting meeting = example();
  meeting.start = meeting.end = Date{2022, 6, 25};  // a Saturday
  const Plan plan = plan_meeting(meeting, PlanOptions{});
  EXPECT_FALSE(plan.ok);
  ASSERT_FALSE(plan.problems.empty());
  EXPECT_EQ(plan.problems.back(),
            "the meeting has no plenary meetings in the in-person format between 2022-06-25 and 2022-06-25");
}

TEST(Planner, TooLittleTimeSaysWhoNeedsWhat) {
  Meeting meeting = example();
  meeting.items[1].constraints.min_minutes = 270;
  meeting.items[2].constraints.min_minutes = 270;
  const Plan plan = plan_meeting(meeting, PlanOptions{MeetingFormat::hybrid, nullptr});
  ASSERT_FALSE(plan.ok);
  ASSERT_EQ(plan.problems.size(), 1u);
  EXPECT_EQ(plan.problems[0],
            "Too little time: the items need at least 13 h in all (items 2 (4 h 30 min), 3 (4 h 30 min) and 6 (2 h 30 min) "
            "the most); the meetings give 8 h in the hybrid format.");
}

TEST(Planner, ShrinksLowestPriorityFirstAndReportsIt) {
  Meeting meeting = example();
  meeting.items = {meeting.items[0], substantive(2, 240), substantive(3, 240), meeting.items[5]};
  meeting.items[3].number = 4;
  meeting.items[2].constraints.priority = 2;  // item 3 matters more than item 2
  meeting.organization.slots.clear();
  const Plan plan = plan_meeting(meeting, PlanOptions{MeetingFormat::hybrid, nullptr});
  ASSERT_TRUE(plan.ok) << plan.problems[0];
  // 480 min: 30 opening + 150 report leave 300 for 2 and 3 (480 asked).
  ASSERT_EQ(plan.shrunk.size(), 1u);
  EXPECT_EQ(plan.shrunk[0], "Item 2 loses 3 h (4 h -> 1 h).");
}

TEST(Planner, RulesHold) {
  Meeting meeting = example();
  meeting.items[3].constraints.not_before_date = Date{2022, 6, 28};
  meeting.items[3].constraints.not_before_time = TimeOfDay{15 * 60};
  meeting.items[3].minutes = 30;
  meeting.items[3].constraints.never_split = true;
  meeting.items[5].minutes = 120;  // so that 4, 5 and 6 fit in the last meeting
  meeting.items[1].minutes = 180;  // leaves Tuesday morning partly free
  meeting.items[2].minutes = 180;
  const Plan plan = plan_meeting(meeting, PlanOptions{});
  ASSERT_TRUE(plan.ok) << plan.problems[0];
  EXPECT_EQ(rows(plan.organization).back().front(), "4");  // not before Tuesday 15:00
  const std::string& why = plan.explanations[4];
  EXPECT_NE(why.find("Item 4 (30 min): starts in Tuesday 28 June 15:00-18:00, not right after item 3: it may not be taken up "
                     "before then"), std::string::npos) << why;
}

TEST(Planner, ConflictingRulesAreNamed) {
  Meeting meeting = example();
  meeting.items[1].minutes = 300;
  meeting.items[1].constraints.never_split = true;  // 5 h cannot fit in a 3 h meeting
  const Plan plan = plan_meeting(meeting, PlanOptions{});
  ASSERT_FALSE(plan.ok);
  ASSERT_FALSE(plan.problems.empty());
  EXPECT_EQ(plan.problems[0], "No plan fits while item 2 may not be split; without that rule one does.");
}

}  // namespace
}  // namespace plenary::planning
