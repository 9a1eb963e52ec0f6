// Random sequences of what editors and the Bureau do, through the workflows
// on a real store, with the invariants checked after every step:
//   - every accepted edit is in the meeting, exactly as a model that applies
//     the accepted edits one after the other says (nothing lost, nothing
//     landed on the wrong item);
//   - an approval by silence adds its decision and citations and changes
//     nothing else;
//   - the audit log replays to the stored document;
//   - the meeting still passes check_meeting.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <random>

#include "edit/edit.h"
#include "edit/merge.h"
#include "workflow/test_support.h"

namespace plenary::workflow {
namespace {

using Property = testing::WorkflowTest;

std::string json_of(const Meeting& meeting) { return meeting_to_json(meeting); }

bool only_decisions_and_annotations(const std::vector<std::string>& fields) {
  for (const std::string& field : fields) {
    const bool decision = field.rfind("decisions", 0) == 0;
    const bool annotation = field.find(".annotation") != std::string::npos;
    if (!decision && !annotation) return false;
  }
  return true;
}

TEST_F(Property, RandomEditsMovesProceduresAndPublicationsLoseNothing) {
  std::mt19937 random(20221203);
  const int kSequences = 12;
  const int kSteps = 30;
  for (int sequence = 0; sequence < kSequences; ++sequence) {
    Meeting seed = testing::example();
    seed.document.symbol = "CTOC/COP/WG.7/2022/" + std::to_string(100 + sequence);
    store::MeetingRecord record = create_meeting(*store_, ana(), seed);
    Meeting model = working_meeting(record);  // the accepted edits, applied in order
    at("2022-03-01T09:00:00Z");
    int minute = 0;
    for (int step = 0; step < kSteps; ++step) {
      SCOPED_TRACE("sequence " + std::to_string(sequence) + " step " + std::to_string(step));
      record = *store_->meeting(record.id);
      const std::vector<std::pair<std::string, const Item*>> items = schedulable_items(model);
      const std::string key = items[random() % items.size()].first;
      const std::string language = model.languages[random() % model.languages.size()];
      // Edits are based on the current version or one of the last two: the
      // editor read the meeting a little while ago.
      const int64_t based_on = std::max<int64_t>(1, record.version - static_cast<int64_t>(random() % 3));
      const std::string text = "Text " + std::to_string(step);
      const int what = random() % 8;
      ++minute;
      at(fmt::format("2022-03-01T10:{:02}:00Z", minute % 60));
      try {
        if (what <= 2) {
          save_change(*store_, ana(), record, based_on, "edit-item", testing::title(key, language, text));
          model = edit::set_item_title(model, key, language, text);
        } else if (what == 3) {
          save_change(*store_, ben(), record, based_on, "edit-item", testing::annotation(key, language, text + "."));
          model = edit::set_annotation(model, key, language, text + ".");
        } else if (what == 4) {
          // A move, on the version the editor has just read.
          const int position = 2 + random() % 4;
          const std::string moved = std::to_string(2 + random() % 4);
          Saved saved = save_change(*store_, ana(), record, record.version, "move-item", [&](const Meeting& m) {
            return edit::move_item(m, moved, position);
          });
          model = saved.meeting;  // its re-plan is the planner's, checked below by check_meeting
        } else if (what == 5) {
          ProcedureRequest proposal;
          proposal.subject = random() % 2 ? store::ProcedureSubject::topics : store::ProcedureSubject::organization;
          proposal.description = "for the Bureau";
          proposal.deadline = "2022-03-01T11:00:00Z";
          for (const std::string& l : model.languages) proposal.approved[l] = "it", proposal.by[l] = "the Bureau";
          submit_procedure(*store_, ana(), record, record.version, proposal);
        } else if (what == 6) {
          at("2022-03-01T11:00:01Z");
          const Meeting before = working_meeting(*store_->meeting(record.id));
          if (conclude() > 0) {
            const Meeting after = working_meeting(*store_->meeting(record.id));
            EXPECT_TRUE(only_decisions_and_annotations(edit::changed_fields(before, after)));
            model = after;
          }
        } else {
          PublishOptions options;
          options.without_organization = true;
          publish(*store_, ana(), record, record.version, {{"en", "Updated."}}, options);
        }
      } catch (const Refused&) {
        // Refused edits change nothing: the model stays as it is.
      }
      const store::MeetingRecord now = *store_->meeting(record.id);
      const Meeting stored = working_meeting(now);
      ASSERT_EQ(json_of(stored), json_of(model)) << "the stored meeting is not the accepted edits";
      std::string replayed;
      for (const store::AuditEntry& entry : store_->audit(record.id))
        if (entry.action != "publish") replayed = entry.after;
      EXPECT_EQ(replayed, now.document) << "the audit log does not replay to the stored document";
      for (const plenary::Finding& finding : check_meeting(stored, CheckOptions{}))
        EXPECT_NE(finding.severity, Severity::error) << finding.path << ": " << finding.message;
    }
    // Close what is still open, for the next sequence's clock.
    for (const store::SilenceProcedure& open : store_->procedures(record.id))
      if (open.status == store::ProcedureStatus::open) store_->withdraw(open.id, "ana");
  }
}

}  // namespace
}  // namespace plenary::workflow
