#include "workflow/procedures.h"

#include <gtest/gtest.h>

#include "workflow/test_support.h"

namespace plenary::workflow {
namespace {

using testing::annotation;
using testing::title;
using testing::title_of;
using Procedures = testing::WorkflowTest;

ProcedureRequest request(store::ProcedureSubject subject) {
  ProcedureRequest out;
  out.subject = subject;
  out.description = "for the Bureau";
  out.deadline = "2022-03-10T12:00:00Z";
  for (const std::string& language : testing::example().languages) {
    out.approved[language] = "the topics";
    out.by[language] = "the extended Bureau";
  }
  return out;
}

// How many times an item's annotation cites decision `id`, in `language`.
int citations(const Meeting& meeting, const std::string& id, const std::string& language) {
  int count = 0;
  for (const auto& [key, item] : schedulable_items(meeting)) {
    auto found = item->annotation.find(language);
    if (found == item->annotation.end()) continue;
    for (const Paragraph& paragraph : found->second)
      for (const Inline& part : paragraph.content)
        if (part.kind == InlineKind::decision_ref && part.target == id) ++count;
  }
  return count;
}

TEST_F(Procedures, AnEditToWhatAnOpenProcedureHoldsIsRefusedNamingIt) {
  // Defect 1: the approval of a topics procedure undid this edit.
  const store::MeetingRecord created = stored_example();
  const store::SilenceProcedure topics =
      submit_procedure(*store_, ana(), created, 1, request(store::ProcedureSubject::topics));
  submit_procedure(*store_, ana(), created, 1, request(store::ProcedureSubject::organization));
  try {
    save_change(*store_, ana(), record(created.id), 1, "edit-item", title("4", "en", "Changed"));
    FAIL() << "an edit to the topics went through during their procedure";
  } catch (const HeldByProcedure& held) {
    EXPECT_EQ(held.procedure_id, topics.id);
    EXPECT_EQ(held.field(), "items[3].title.en");
    EXPECT_NE(std::string(held.what()).find("the agenda items and their titles"), std::string::npos);
    EXPECT_NE(std::string(held.what()).find("ana"), std::string::npos);
  }
  EXPECT_EQ(record(created.id).version, 1);
}

TEST_F(Procedures, AnEditToAnythingElseIsKeptThroughTheApproval) {
  const store::MeetingRecord created = stored_example();
  submit_procedure(*store_, ana(), created, 1, request(store::ProcedureSubject::topics));
  submit_procedure(*store_, ana(), created, 1, request(store::ProcedureSubject::organization));
  save_change(*store_, ana(), record(created.id), 1, "edit-item", annotation("4", "en", "Kept through the approval."));
  at("2022-03-10T12:00:01Z");
  EXPECT_EQ(conclude(), 2);
  const Meeting now = meeting(created.id);
  ASSERT_NE(find_item(now, "4"), nullptr);
  auto found = find_item(now, "4")->annotation.find("en");
  ASSERT_NE(found, find_item(now, "4")->annotation.end());
  ASSERT_FALSE(found->second.empty());
  EXPECT_EQ(found->second.front().content.front().text, "Kept through the approval.");
  for (const store::AuditEntry& entry : store_->audit(created.id))
    if (entry.action == "silence-approved") {
      EXPECT_EQ(entry.who, "silence procedure");
    }
}

TEST_F(Procedures, WithdrawingOnRequestLetsTheEditThrough) {
  const store::MeetingRecord created = stored_example();
  const store::SilenceProcedure topics =
      submit_procedure(*store_, ana(), created, 1, request(store::ProcedureSubject::topics));
  SaveOptions options;
  options.withdraw_procedures = true;
  const Saved saved =
      save_change(*store_, ana(), record(created.id), 1, "edit-item", title("4", "en", "Changed"), options);
  EXPECT_EQ(saved.withdrawn, (std::vector<int64_t>{topics.id}));
  EXPECT_EQ(store_->procedure(topics.id)->status, store::ProcedureStatus::withdrawn);
  EXPECT_EQ(title_of(meeting(created.id), "4", "en"), "Changed");
}

TEST_F(Procedures, TwoProceduresFromOneVersionHaveTheirOwnDecisionsEachCitedOnce) {
  // Defect 2: both were named after the version and the sentence showed four times.
  const store::MeetingRecord created = stored_example();
  submit_procedure(*store_, ana(), created, 1, request(store::ProcedureSubject::topics));
  submit_procedure(*store_, ana(), created, 1, request(store::ProcedureSubject::organization));
  at("2022-03-10T12:00:01Z");
  EXPECT_EQ(conclude(), 2);
  const Meeting now = meeting(created.id);
  const Meeting before = testing::example();
  std::vector<std::string> added;
  for (const Decision& decision : now.decisions)
    if (!find_decision(before, decision.id)) added.push_back(decision.id);
  ASSERT_EQ(added.size(), 2u);
  EXPECT_NE(added[0], added[1]);
  for (const std::string& id : added)
    for (const std::string& language : now.languages) EXPECT_EQ(citations(now, id, language), 1) << id << language;
  // The organization was approved, so the meeting was published once, with one notice per language.
  EXPECT_TRUE(record(created.id).published);
  EXPECT_EQ(store_->updates(created.id).size(), now.languages.size());
}

TEST_F(Procedures, AnObjectionStopsTheApproval) {
  const store::MeetingRecord created = stored_example();
  const store::SilenceProcedure procedure =
      submit_procedure(*store_, ana(), created, 1, request(store::ProcedureSubject::topics));
  store_->object(procedure.id, "chair", "not yet");
  at("2022-03-10T12:00:01Z");
  EXPECT_EQ(conclude(), 0);
  EXPECT_EQ(record(created.id).version, 1);
  // The topics are free again.
  save_change(*store_, ana(), record(created.id), 1, "edit-item", title("4", "en", "Changed"));
}

TEST_F(Procedures, CoverageNamesTheFieldsEachSubjectHolds) {
  using store::ProcedureSubject;
  EXPECT_TRUE(procedure_covers(ProcedureSubject::topics, "items"));
  EXPECT_TRUE(procedure_covers(ProcedureSubject::topics, "items[3].title.en"));
  EXPECT_TRUE(procedure_covers(ProcedureSubject::topics, "items[0].subitems[1].title.fr"));
  EXPECT_FALSE(procedure_covers(ProcedureSubject::topics, "items[3].annotation.en"));
  EXPECT_FALSE(procedure_covers(ProcedureSubject::topics, "items[3].documents"));
  EXPECT_TRUE(procedure_covers(ProcedureSubject::organization, "organization.slots[1].items"));
  EXPECT_TRUE(procedure_covers(ProcedureSubject::organization, "meeting.format"));
  EXPECT_FALSE(procedure_covers(ProcedureSubject::organization, "items[3].title.en"));
  EXPECT_TRUE(procedure_covers(ProcedureSubject::calendar, "meeting.start"));
  EXPECT_FALSE(procedure_covers(ProcedureSubject::calendar, "documents[0].title.en"));
}

}  // namespace
}  // namespace plenary::workflow
