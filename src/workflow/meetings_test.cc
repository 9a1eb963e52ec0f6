#include "workflow/meetings.h"

#include <gtest/gtest.h>

#include "edit/edit.h"
#include "workflow/test_support.h"

namespace plenary::workflow {
namespace {

using testing::annotation;
using testing::title;
using testing::title_of;
using Meetings = testing::WorkflowTest;

TEST_F(Meetings, TwoEditorsFromOneVersionEditingDifferentItemsBothLand) {
  const store::MeetingRecord created = stored_example();
  const Saved first = save_change(*store_, ana(), created, 1, "edit-item", title("2", "en", "Ana's title"));
  EXPECT_FALSE(first.merged);
  // Ben read version 1 too.
  const Saved second = save_change(*store_, ben(), record(created.id), 1, "edit-item", title("3", "fr", "Le titre de Ben"));
  EXPECT_TRUE(second.merged);
  EXPECT_EQ(second.record.version, 3);
  const Meeting now = meeting(created.id);
  EXPECT_EQ(title_of(now, "2", "en"), "Ana's title");
  EXPECT_EQ(title_of(now, "3", "fr"), "Le titre de Ben");
}

TEST_F(Meetings, TheSameFieldFromAnOldVersionIsRefusedWithBothTexts) {
  const store::MeetingRecord created = stored_example();
  const std::string original = title_of(meeting(created.id), "4", "en");
  save_change(*store_, ana(), created, 1, "edit-item", title("4", "en", "Ana's"));
  try {
    save_change(*store_, ben(), record(created.id), 1, "edit-item", title("4", "en", "Ben's"));
    FAIL() << "no conflict";
  } catch (const Stale& stale) {
    ASSERT_EQ(stale.conflicts.size(), 1u);
    EXPECT_EQ(stale.conflicts[0].field, "items[3].title.en");
    EXPECT_EQ(stale.conflicts[0].base, original);
    EXPECT_EQ(stale.conflicts[0].yours, "Ben's");
    EXPECT_EQ(stale.conflicts[0].theirs, "Ana's");
    EXPECT_EQ(stale.current_version, 2);
  }
  EXPECT_EQ(title_of(meeting(created.id), "4", "en"), "Ana's");
  EXPECT_EQ(record(created.id).version, 2);
}

TEST_F(Meetings, AVersionTheMeetingNeverHadIsStale) {
  const store::MeetingRecord created = stored_example();
  EXPECT_THROW(save_change(*store_, ana(), created, 7, "edit-item", title("2", "en", "X")), Stale);
}

TEST_F(Meetings, MovingAnItemNeverClearsTheOrganizationOfWork) {
  // Defect 3: a move the slots could not follow came back with the slots
  // emptied, was saved so, and published with no annex.
  const store::MeetingRecord created = stored_example();
  const Saved moved = save_change(*store_, ana(), created, 1, "move-item", [](const Meeting& meeting) {
    return edit::move_item(meeting, "4", 2);
  });
  EXPECT_FALSE(moved.replanned.empty()) << "the move should have needed a new plan";
  bool taken_up = false;
  for (const Slot& slot : moved.meeting.organization.slots) taken_up = taken_up || !slot.items.empty();
  EXPECT_TRUE(taken_up);
  for (const Slot& slot : meeting(created.id).organization.slots) EXPECT_FALSE(slot.items.empty());
}

TEST_F(Meetings, PublishingWithNoOrganizationOfWorkNeedsToBeAskedFor) {
  Meeting plain = testing::example();
  plain.organization = OrganizationOfWork{};
  const store::MeetingRecord created = create_meeting(*store_, ana(), plain);
  try {
    publish(*store_, ana(), created, 1, {});
    FAIL() << "published without an organization of work";
  } catch (const Refused& refused) {
    EXPECT_EQ(refused.field(), "without_organization");
  }
  PublishOptions options;
  options.without_organization = true;
  EXPECT_TRUE(publish(*store_, ana(), created, 1, {}, options).published);
}

TEST_F(Meetings, AnEmptyNoticeIsNoNotice) {
  const store::MeetingRecord created = stored_example();
  publish(*store_, ana(), created, 1, {{"en", "Moved."}, {"fr", "  "}});
  const std::vector<store::UpdateNotice> notices = store_->updates(created.id);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].language, "en");
}

TEST_F(Meetings, AnotherMeetingsSymbolIsRefusedAndTheRecordFollowsTheDocument) {
  // Defect 14: a meeting could take another's agenda symbol through an edit.
  const store::MeetingRecord first = stored_example();
  Meeting second_meeting = testing::example();
  second_meeting.document.symbol = "CTOC/COP/WG.7/2023/1";
  const store::MeetingRecord second = create_meeting(*store_, ana(), second_meeting);
  auto set_symbol = [](const std::string& symbol) {
    return [symbol](const Meeting& meeting) {
      Meeting out = meeting;
      out.document.symbol = symbol;
      return out;
    };
  };
  try {
    save_change(*store_, ana(), second, 1, "edit", set_symbol(first.symbol));
    FAIL() << "took another meeting's symbol";
  } catch (const Refused& refused) {
    EXPECT_EQ(refused.why(), Refusal::conflict);
  }
  const Saved renamed = save_change(*store_, ana(), second, 1, "edit", set_symbol("CTOC/COP/WG.7/2023/2"));
  EXPECT_EQ(renamed.record.symbol, "CTOC/COP/WG.7/2023/2");
  EXPECT_EQ(record(second.id).symbol, "CTOC/COP/WG.7/2023/2");
}

TEST_F(Meetings, ADryRunSavesNothing) {
  const store::MeetingRecord created = stored_example();
  SaveOptions options;
  options.dry_run = true;
  const Saved preview = save_change(*store_, ana(), created, 1, "edit-item", title("2", "en", "Preview"), options);
  EXPECT_EQ(title_of(preview.meeting, "2", "en"), "Preview");
  EXPECT_EQ(record(created.id).version, 1);
}

TEST_F(Meetings, OnlyEditorsOfTheBodySave) {
  const store::MeetingRecord created = stored_example();
  const Actor chair{bureau_, "2022-03-01T09:00:00Z"};
  try {
    save_change(*store_, chair, created, 1, "edit-item", title("2", "en", "X"));
    FAIL();
  } catch (const Refused& refused) {
    EXPECT_EQ(refused.why(), Refusal::not_allowed);
  }
}

TEST_F(Meetings, AChangeWithErrorsIsRefusedWithItsFindings) {
  const store::MeetingRecord created = stored_example();
  try {
    save_change(*store_, ana(), created, 1, "edit", [](const Meeting& meeting) {
      Meeting out = meeting;
      out.end = out.start;
      out.start = add_days(out.end, 3);
      return out;
    });
    FAIL();
  } catch (const Refused& refused) {
    EXPECT_EQ(refused.why(), Refusal::unprocessable);
    EXPECT_FALSE(refused.findings().empty());
  }
  EXPECT_EQ(record(created.id).version, 1);
}

}  // namespace
}  // namespace plenary::workflow
