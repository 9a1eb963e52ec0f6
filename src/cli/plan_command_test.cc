#include "cli/plan_command.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/test_support.h"
#include "format/meeting_file.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

using testing::kExample;

class PlanCommand : public testing::CommandTest {
 protected:
  int run(PlanCommandOptions options) {
    clear_streams();
    return run_plan(options, out_, err_);
  }
};

TEST_F(PlanCommand, JsonHasSlotsItemsAndChanges) {
  ASSERT_EQ(run({kExample, "", "", false, false, true, false}), kExitOk) << err_.str();
  const auto plan = nlohmann::json::parse(out_.str());
  ASSERT_EQ(plan["slots"].size(), 4u);
  EXPECT_EQ(plan["slots"][0]["date"], "2022-06-27");
  EXPECT_EQ(plan["slots"][0]["start"], "10:00");
  EXPECT_EQ(plan["slots"][0]["end"], "13:00");
  EXPECT_EQ(plan["slots"][0]["starts_at"], "2022-06-27T10:00:00+02:00");  // Vienna, summer time
  EXPECT_EQ(plan["slots"][0]["items"][0], (nlohmann::json{{"item", "1 (a)"}, {"continued", false}, {"minutes", 15}}));
  EXPECT_EQ(plan["slots"][1]["items"][0]["continued"], true);
  EXPECT_TRUE(plan["changes"].empty());

  // Re-planned for the hybrid format against that plan.
  const std::string previous = (dir_ / "in-person.json").string();
  std::ofstream(previous) << out_.str();
  ASSERT_EQ(run({kExample, "hybrid", previous, false, true, true, false}), kExitOk) << err_.str();
  const auto hybrid = nlohmann::json::parse(out_.str());
  EXPECT_EQ(hybrid["format"], "hybrid");
  EXPECT_EQ(hybrid["slots"][0]["start"], "12:00");
  ASSERT_FALSE(hybrid["changes"].empty());
  EXPECT_EQ(hybrid["changes"][0]["item"], "2");
  EXPECT_EQ(hybrid["changes"][0]["from"][0], (nlohmann::json{{"date", "2022-06-27"}, {"start", "10:00"}, {"end", "13:00"}}));
  EXPECT_FALSE(hybrid["explanations"].empty());
}

TEST_F(PlanCommand, TableAndExplanation) {
  ASSERT_EQ(run({kExample, "hybrid", "", true, true, false, false}), kExitOk) << err_.str();
  EXPECT_NE(out_.str().find("Organization of work, hybrid format (CTOC/COP/WG.7/2022/1)"), std::string::npos);
  EXPECT_NE(out_.str().find("Changes against the previous plan"), std::string::npos);
  EXPECT_NE(out_.str().find("Item 1 (a) (15 min): opens the first meeting."), std::string::npos);
}

TEST_F(PlanCommand, WriteStoresThePlanAndKeepsTheRest) {
  const fs::path file = dir_ / "meeting.toml";
  fs::copy_file(kExample, file);
  ASSERT_EQ(run({file.string(), "hybrid", "", false, false, false, true}), kExitOk) << err_.str();
  const MeetingFile written = load_meeting_file(file.string());
  ASSERT_TRUE(written.meeting);
  EXPECT_TRUE(written.diagnostics.empty());
  ASSERT_EQ(written.meeting->organization.slots.size(), 4u);
  EXPECT_EQ(to_hhmm(written.meeting->organization.slots[0].start), "12:00");
  EXPECT_EQ(written.meeting->organization.footnote, "hybrid");
  EXPECT_EQ(written.meeting->organization.sequence, 1);  // the plan changed
  // Storing the same plan again keeps the revision.
  ASSERT_EQ(run({file.string(), "hybrid", "", false, false, false, true}), kExitOk) << err_.str();
  EXPECT_EQ(load_meeting_file(file.string()).meeting->organization.sequence, 1);
  EXPECT_EQ(written.meeting->items.size(), 6u);
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("# The ninth meeting of the Working Group"), std::string::npos);  // comments kept
}

TEST_F(PlanCommand, BadInputs) {
  EXPECT_EQ(run({kExample, "remote", "", false, false, false, false}), kExitUnreadable);
  EXPECT_NE(err_.str().find("unknown format 'remote'"), std::string::npos);
  const std::string broken = (dir_ / "broken.json").string();
  std::ofstream(broken) << "{\"slots\": [{\"date\": \"2022-06-27\", \"start\": 10}]}";
  EXPECT_EQ(run({kExample, "", broken, false, false, false, false}), kExitUnreadable);
  EXPECT_NE(err_.str().find("slots[0].start should be a string"), std::string::npos) << err_.str();
  std::ofstream(broken) << "not json";
  EXPECT_EQ(run({kExample, "", broken, false, false, false, false}), kExitUnreadable);
  EXPECT_NE(err_.str().find("not valid JSON"), std::string::npos);
  EXPECT_EQ(run({(dir_ / "absent.toml").string(), "", "", false, false, false, false}), kExitUnreadable);
}

TEST_F(PlanCommand, ImpossibleScheduleExitsOneWithReasons) {
  const fs::path file = dir_ / "meeting.toml";
  std::ifstream in(kExample);
  std::stringstream text;
  text << in.rdbuf();
  std::string changed = text.str();
  changed.replace(changed.find("end = 2022-06-28"), 16, "end = 2022-06-27");
  std::ofstream(file) << changed;
  EXPECT_EQ(run({file.string(), "hybrid", "", false, false, false, false}), kExitErrors);
  EXPECT_NE(err_.str().find("Too little time"), std::string::npos) << err_.str();
}

}  // namespace
}  // namespace plenary
