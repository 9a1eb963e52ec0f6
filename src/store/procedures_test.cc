// Silence procedures in the SQLite store: submission, objection, withdrawal
// and conclusion, against a clock the tests set before or after the deadline.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/sqlite_store.h"
#include "store/test_support.h"

namespace plenary::store {
namespace {

const char kDocument[] = R"({"meeting": {"symbol": "CTOC/COP/WG.7/2022/1"}, "items": []})";
const char kDraft[] = R"({"meeting": {"symbol": "CTOC/COP/WG.7/2022/1", "dates": "2022-06-01/03"}, "items": []})";
const char kDecided[] =
    R"({"meeting": {"symbol": "CTOC/COP/WG.7/2022/1", "dates": "2022-06-01/03", "decided": "silence"}, "items": []})";

const char kSubmittedAt[] = "2022-03-01T12:00:00Z";
const char kDeadline[] = "2022-03-02T12:00:00Z";
const char kBeforeDeadline[] = "2022-03-02T11:59:59Z";
const char kAfterDeadline[] = "2022-03-02T12:00:01Z";

class ProceduresTest : public ::testing::Test {
 protected:
  SilenceProcedure submit(const std::string& deadline = kDeadline) {
    return store_->submit_procedure(meeting_, ProcedureSubject::calendar, "Hold the session on 1-3 June",
                                    kDraft, 1, deadline, "ana");
  }

  TempFolder folder_;
  std::string path_ = folder_.file("plenary.db");
  ManualClock clock_{kSubmittedAt};
  std::unique_ptr<SqliteStore> store_ = SqliteStore::open(path_, clock_.clock());
  int64_t meeting_ =
      store_->create_meeting("CTOC/COP/WG.7", "CTOC/COP/WG.7/2022/1", kDocument, "ana").id;
};

TEST_F(ProceduresTest, SubmitsAndReadsBack) {
  SilenceProcedure submitted = submit();
  EXPECT_GT(submitted.id, 0);
  EXPECT_EQ(submitted.meeting_id, meeting_);
  EXPECT_EQ(submitted.subject, ProcedureSubject::calendar);
  EXPECT_EQ(submitted.description, "Hold the session on 1-3 June");
  EXPECT_EQ(submitted.draft, kDraft);
  EXPECT_EQ(submitted.based_on_version, 1);
  EXPECT_EQ(submitted.deadline, kDeadline);
  EXPECT_EQ(submitted.submitted_by, "ana");
  EXPECT_EQ(submitted.submitted_at, kSubmittedAt);
  EXPECT_EQ(submitted.status, ProcedureStatus::open);
  EXPECT_EQ(submitted.closed_at, "");
  EXPECT_TRUE(submitted.objections.empty());

  std::optional<SilenceProcedure> read = store_->procedure(submitted.id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->draft, kDraft);
  EXPECT_EQ(read->status, ProcedureStatus::open);
  EXPECT_FALSE(store_->procedure(submitted.id + 1));

  // Submitting changes nothing in the meeting.
  EXPECT_EQ(store_->meeting(meeting_)->version, 1);
  EXPECT_EQ(store_->meeting(meeting_)->document, kDocument);

  SilenceProcedure second = store_->submit_procedure(meeting_, ProcedureSubject::organization, "Two rooms",
                                                     "{}", 1, "2022-03-05T12:00:00Z", "ben");
  std::vector<SilenceProcedure> listed = store_->procedures(meeting_);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, second.id);  // newest first
  EXPECT_EQ(listed[0].subject, ProcedureSubject::organization);
  EXPECT_EQ(listed[1].id, submitted.id);

  int64_t other = store_->create_meeting("CTOC/COP/WG.3", "CTOC/COP/WG.3/2022/1", kDocument, "ana").id;
  EXPECT_TRUE(store_->procedures(other).empty());
  try {
    store_->procedures(other + 1);
    FAIL() << "procedures of an unknown meeting";
  } catch (const NotFound& error) {
    EXPECT_EQ(std::string(error.what()), "no meeting has id " + std::to_string(other + 1));
  }
}

TEST_F(ProceduresTest, AnObjectionBeforeTheDeadlineStopsIt) {
  int64_t id = submit().id;
  clock_.set(kBeforeDeadline);
  SilenceProcedure objected = store_->object(id, "bureau-member", "The dates clash with the Commission.");
  EXPECT_EQ(objected.status, ProcedureStatus::objected);
  EXPECT_EQ(objected.closed_at, kBeforeDeadline);
  ASSERT_EQ(objected.objections.size(), 1u);
  EXPECT_GT(objected.objections[0].id, 0);
  EXPECT_EQ(objected.objections[0].who, "bureau-member");
  EXPECT_EQ(objected.objections[0].at, kBeforeDeadline);
  EXPECT_EQ(objected.objections[0].comment, "The dates clash with the Commission.");
  EXPECT_EQ(store_->procedure(id)->objections.size(), 1u);

  // It stays stopped: no second objection, no withdrawal, no conclusion.
  EXPECT_EQ(invalid_input_message([&] { store_->object(id, "other-member", "Me too."); }),
            "procedure 1 closed at 2022-03-02T11:59:59Z: objected");
  EXPECT_EQ(invalid_input_message([&] { store_->withdraw(id, "ana"); }),
            "procedure 1 closed at 2022-03-02T11:59:59Z: objected");
  clock_.set(kAfterDeadline);
  EXPECT_EQ(invalid_input_message([&] { store_->conclude_procedure(id, 1, kDecided, "ana", true, {}); }),
            "procedure 1 closed at 2022-03-02T11:59:59Z: objected");
  EXPECT_TRUE(store_->procedures_due(kAfterDeadline).empty());
  EXPECT_EQ(store_->procedure(id)->objections.size(), 1u);
  EXPECT_EQ(store_->meeting(meeting_)->version, 1);
}

TEST_F(ProceduresTest, AnObjectionAtOrAfterTheDeadlineIsRefused) {
  int64_t id = submit().id;
  clock_.set(kDeadline);
  EXPECT_EQ(invalid_input_message([&] { store_->object(id, "bureau-member", "Too late?"); }),
            "the deadline 2022-03-02T12:00:00Z of procedure 1 has passed; it is now 2022-03-02T12:00:00Z");
  clock_.set("2023-01-01T00:00:00Z");
  EXPECT_THROW(store_->object(id, "bureau-member", "Much too late."), InvalidInput);
  SilenceProcedure still = *store_->procedure(id);
  EXPECT_EQ(still.status, ProcedureStatus::open);
  EXPECT_TRUE(still.objections.empty());
}

TEST_F(ProceduresTest, ConcludingBeforeTheDeadlineIsRefused) {
  int64_t id = submit().id;
  clock_.set(kBeforeDeadline);
  EXPECT_EQ(invalid_input_message([&] { store_->conclude_procedure(id, 1, kDecided, "ana", false, {}); }),
            "procedure 1 runs until 2022-03-02T12:00:00Z; it is now 2022-03-02T11:59:59Z");
  EXPECT_EQ(store_->procedure(id)->status, ProcedureStatus::open);
  EXPECT_EQ(store_->meeting(meeting_)->version, 1);
  EXPECT_EQ(store_->audit(meeting_).size(), 1u);
  // The Bureau may still object.
  EXPECT_EQ(store_->object(id, "bureau-member", "No.").status, ProcedureStatus::objected);
}

TEST_F(ProceduresTest, ConcludingFromAStaleVersionConflictsAndWritesNothing) {
  int64_t id = submit().id;
  clock_.set(kAfterDeadline);
  store_->update_meeting(meeting_, 1, kDocument + std::string(" "), "ben", "edit");
  try {
    store_->conclude_procedure(id, 1, kDecided, "ana", true, {{"2022-03-02", "en", "Dates set."}});
    FAIL() << "a stale version was concluded";
  } catch (const VersionConflict& conflict) {
    EXPECT_EQ(conflict.current().id, meeting_);
    EXPECT_EQ(conflict.current().version, 2);
  }
  SilenceProcedure still = *store_->procedure(id);
  EXPECT_EQ(still.status, ProcedureStatus::open);
  EXPECT_EQ(still.closed_at, "");
  MeetingRecord meeting = *store_->meeting(meeting_);
  EXPECT_EQ(meeting.version, 2);
  EXPECT_FALSE(meeting.published);
  EXPECT_EQ(store_->audit(meeting_).size(), 2u);
  EXPECT_TRUE(store_->updates(meeting_).empty());
  // From the current version it goes through.
  EXPECT_EQ(store_->conclude_procedure(id, 2, kDecided, "ana", false, {}).version, 3);
}

TEST_F(ProceduresTest, ConcludingWithPublicationPublishesInTheSameTransaction) {
  int64_t id = submit().id;
  clock_.set(kAfterDeadline);
  ASSERT_EQ(store_->procedures_due(kAfterDeadline).size(), 1u);
  MeetingRecord concluded = store_->conclude_procedure(
      id, 1, kDecided, "ana", true,
      {{"2022-03-02", "en", "The dates were set by silence procedure."},
       {"2022-03-02", "fr", "Les dates ont été fixées par procédure d'approbation tacite."}});
  EXPECT_EQ(concluded.version, 3);  // the decision, then its publication
  EXPECT_EQ(concluded.document, kDecided);
  EXPECT_TRUE(concluded.published);
  EXPECT_EQ(concluded.published_document, kDecided);
  EXPECT_EQ(concluded.published_at, kAfterDeadline);
  EXPECT_EQ(concluded.calendar_sequence, 1);
  EXPECT_EQ(concluded.updated_at, kAfterDeadline);

  MeetingRecord read = *store_->meeting(meeting_);
  EXPECT_EQ(read.version, 3);
  EXPECT_EQ(read.published_document, kDecided);

  std::vector<UpdateNotice> notices = store_->updates(meeting_);
  ASSERT_EQ(notices.size(), 2u);
  EXPECT_EQ(notices[0].version, 3);
  EXPECT_EQ(notices[0].text, "Les dates ont été fixées par procédure d'approbation tacite.");
  EXPECT_EQ(notices[1].language, "en");

  std::vector<AuditEntry> log = store_->audit(meeting_);
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[1].action, "silence-approved");
  EXPECT_EQ(log[1].who, "ana");
  EXPECT_EQ(log[1].version, 2);
  EXPECT_EQ(log[1].before, kDocument);
  EXPECT_EQ(log[1].after, kDecided);
  EXPECT_EQ(log[2].action, "publish");
  EXPECT_EQ(log[2].version, 3);
  EXPECT_EQ(log[2].before, "");
  EXPECT_EQ(log[2].after, kDecided);

  SilenceProcedure approved = *store_->procedure(id);
  EXPECT_EQ(approved.status, ProcedureStatus::approved);
  EXPECT_EQ(approved.closed_at, kAfterDeadline);
  EXPECT_TRUE(store_->procedures_due(kAfterDeadline).empty());
  // Concluding twice concludes once.
  EXPECT_EQ(invalid_input_message([&] { store_->conclude_procedure(id, 3, kDecided, "ana", true, {}); }),
            "procedure 1 closed at 2022-03-02T12:00:01Z: approved");
  EXPECT_EQ(store_->meeting(meeting_)->calendar_sequence, 1);
}

TEST_F(ProceduresTest, ConcludingWithoutPublicationOnlySaves) {
  store_->publish(meeting_, 1, "ana", {});
  int64_t id = store_->submit_procedure(meeting_, ProcedureSubject::topics, "Add item 4", kDraft, 2,
                                        kDeadline, "ana").id;
  clock_.set(kDeadline);  // due at the deadline itself
  EXPECT_EQ(invalid_input_message([&] {
              store_->conclude_procedure(id, 2, kDecided, "ana", false, {{"2022-03-02", "en", "x"}});
            }),
            "notices come with a publication, and this conclusion does not publish");
  MeetingRecord concluded = store_->conclude_procedure(id, 2, kDecided, "ana", false, {});
  EXPECT_EQ(concluded.version, 3);
  EXPECT_EQ(concluded.document, kDecided);
  EXPECT_EQ(concluded.published_document, kDocument);  // the public still sees the old text
  EXPECT_EQ(concluded.calendar_sequence, 1);
  EXPECT_EQ(store_->audit(meeting_).back().action, "silence-approved");
  EXPECT_TRUE(store_->updates(meeting_).empty());
  EXPECT_EQ(store_->procedure(id)->status, ProcedureStatus::approved);
}

TEST_F(ProceduresTest, BadConclusionsWriteNothing) {
  int64_t id = submit().id;
  clock_.set(kAfterDeadline);
  EXPECT_EQ(invalid_input_message([&] { store_->conclude_procedure(id, 1, "", "ana", true, {}); }),
            "document is empty");
  EXPECT_EQ(invalid_input_message([&] { store_->conclude_procedure(id, 1, kDecided, "", true, {}); }),
            "who is empty");
  EXPECT_EQ(invalid_input_message([&] {
              store_->conclude_procedure(id, 1, kDecided, "ana", true, {{"2022-03-02", "EN", "x"}});
            }),
            "notice language \"EN\" is not a lowercase ISO 639 code like \"en\"");
  EXPECT_EQ(invalid_input_message([&] {
              store_->conclude_procedure(id, 1, std::string(kMaxDocumentBytes + 1, 'x'), "ana", true, {});
            }),
            "document is 8388609 bytes, over the limit of 8388608");
  try {
    store_->conclude_procedure(id + 1, 1, kDecided, "ana", true, {});
    FAIL() << "an unknown procedure was concluded";
  } catch (const NotFound& error) {
    EXPECT_STREQ(error.what(), "no procedure has id 2");
  }
  EXPECT_EQ(store_->procedure(id)->status, ProcedureStatus::open);
  EXPECT_EQ(store_->meeting(meeting_)->version, 1);
}

TEST_F(ProceduresTest, WithdrawalClosesAnOpenProcedure) {
  int64_t id = submit().id;
  clock_.set("2022-03-01T15:00:00Z");
  SilenceProcedure withdrawn = store_->withdraw(id, "ana");
  EXPECT_EQ(withdrawn.status, ProcedureStatus::withdrawn);
  EXPECT_EQ(withdrawn.closed_at, "2022-03-01T15:00:00Z");
  EXPECT_EQ(invalid_input_message([&] { store_->object(id, "bureau-member", "No."); }),
            "procedure 1 closed at 2022-03-01T15:00:00Z: withdrawn");
  EXPECT_THROW(store_->withdraw(id, "ana"), InvalidInput);
  EXPECT_THROW(store_->withdraw(id + 1, "ana"), NotFound);
  EXPECT_THROW(store_->object(id + 1, "bureau-member", "No."), NotFound);
  EXPECT_EQ(invalid_input_message([&] { store_->withdraw(id, " ana"); }), "who \" ana\" has spaces around it");
  // A due procedure may be withdrawn rather than concluded.
  int64_t due = submit("2022-03-01T16:00:00Z").id;
  clock_.set(kAfterDeadline);
  EXPECT_EQ(store_->withdraw(due, "ana").status, ProcedureStatus::withdrawn);
  EXPECT_TRUE(store_->procedures_due(kAfterDeadline).empty());
}

TEST_F(ProceduresTest, DueProceduresAreTheOpenOnesPastTheirDeadline) {
  int64_t late = submit("2022-03-03T12:00:00Z").id;
  int64_t early = submit("2022-03-02T09:00:00Z").id;
  int64_t objected = submit("2022-03-02T10:00:00Z").id;
  int64_t withdrawn = submit("2022-03-02T08:00:00Z").id;
  int64_t later_meeting =
      store_->create_meeting("CTOC/COP/WG.3", "CTOC/COP/WG.3/2022/1", kDocument, "ana").id;
  int64_t elsewhere = store_->submit_procedure(later_meeting, ProcedureSubject::topics, "Topics", "{}", 1,
                                               "2022-03-02T11:00:00Z", "ben").id;
  store_->object(objected, "bureau-member", "No.");
  store_->withdraw(withdrawn, "ana");

  EXPECT_TRUE(store_->procedures_due("2022-03-02T08:59:59Z").empty());
  auto ids = [&](const std::string& now) {
    std::vector<int64_t> due;
    for (const SilenceProcedure& procedure : store_->procedures_due(now)) due.push_back(procedure.id);
    return due;
  };
  EXPECT_EQ(ids("2022-03-02T09:00:00Z"), std::vector<int64_t>{early});  // at the deadline
  EXPECT_EQ(ids("2022-03-02T12:00:00Z"), (std::vector<int64_t>{early, elsewhere}));
  EXPECT_EQ(ids("2030-01-01T00:00:00Z"), (std::vector<int64_t>{early, elsewhere, late}));
  EXPECT_EQ(store_->procedures_due("2030-01-01T00:00:00Z").at(2).draft, kDraft);
  EXPECT_EQ(invalid_input_message([&] { store_->procedures_due("2022-03-02"); }),
            "now \"2022-03-02\" is not a UTC time like 2024-05-01T09:30:00Z");
}

TEST_F(ProceduresTest, RefusesBadSubmissionsWithPreciseMessages) {
  auto submit_with = [&](const std::string& description, const std::string& draft, int64_t version,
                         const std::string& deadline, const std::string& who) {
    return invalid_input_message([&] {
      store_->submit_procedure(meeting_, ProcedureSubject::calendar, description, draft, version, deadline,
                               who);
    });
  };
  EXPECT_EQ(submit_with("", kDraft, 1, kDeadline, "ana"), "description is empty");
  EXPECT_EQ(submit_with(std::string(kMaxNoticeBytes + 1, 'd'), kDraft, 1, kDeadline, "ana"),
            "description is 16385 bytes, over the limit of 16384");
  EXPECT_EQ(submit_with("Dates", "", 1, kDeadline, "ana"), "draft is empty");
  EXPECT_EQ(submit_with("Dates", std::string(20 * 1024 * 1024, 'x'), 1, kDeadline, "ana"),
            "draft is 20971520 bytes, over the limit of 8388608");
  EXPECT_EQ(submit_with("Dates", "{\"\xF5\"}", 1, kDeadline, "ana"), "draft is not valid UTF-8 at offset 2");
  EXPECT_EQ(submit_with(std::string("Dat\0es", 6), kDraft, 1, kDeadline, "ana"),
            "description holds a NUL byte at offset 3");
  EXPECT_EQ(submit_with("Dates", kDraft, 1, "2022-03-02T12:00:00", "ana"),
            "deadline \"2022-03-02T12:00:00\" is not a UTC time like 2024-05-01T09:30:00Z");
  EXPECT_EQ(submit_with("Dates", kDraft, 1, "2022-02-30T12:00:00Z", "ana"),
            "deadline \"2022-02-30T12:00:00Z\" is not a UTC time like 2024-05-01T09:30:00Z");
  EXPECT_EQ(submit_with("Dates", kDraft, 1, "2022-03-02T12:00:00+00:00", "ana"),
            "deadline \"2022-03-02T12:00:00+00:00\" is not a UTC time like 2024-05-01T09:30:00Z");
  EXPECT_EQ(submit_with("Dates", kDraft, 1, "", "ana"),
            "deadline \"\" is not a UTC time like 2024-05-01T09:30:00Z");
  EXPECT_EQ(submit_with("Dates", kDraft, 1, kSubmittedAt, "ana"),
            "the deadline 2022-03-01T12:00:00Z is not after now, 2022-03-01T12:00:00Z");
  EXPECT_EQ(submit_with("Dates", kDraft, 1, "2021-12-31T23:59:59Z", "ana"),
            "the deadline 2021-12-31T23:59:59Z is not after now, 2022-03-01T12:00:00Z");
  EXPECT_EQ(submit_with("Dates", kDraft, 0, kDeadline, "ana"),
            "meeting 1 never had version 0; it is at version 1");
  EXPECT_EQ(submit_with("Dates", kDraft, 2, kDeadline, "ana"),
            "meeting 1 never had version 2; it is at version 1");
  EXPECT_EQ(submit_with("Dates", kDraft, 1, kDeadline, "\xE2\x82"), "who is not valid UTF-8 at offset 0");
  EXPECT_EQ(invalid_input_message([&] {
              store_->submit_procedure(meeting_, static_cast<ProcedureSubject>(5), "Dates", kDraft, 1,
                                       kDeadline, "ana");
            }),
            "procedure subject 5 is not calendar, topics or organization");
  try {
    store_->submit_procedure(meeting_ + 1, ProcedureSubject::calendar, "Dates", kDraft, 1, kDeadline, "ana");
    FAIL() << "a procedure on an unknown meeting";
  } catch (const NotFound& error) {
    EXPECT_STREQ(error.what(), "no meeting has id 2");
  }
  EXPECT_TRUE(store_->procedures(meeting_).empty());
}

TEST_F(ProceduresTest, RefusesBadObjections) {
  int64_t id = submit().id;
  EXPECT_EQ(invalid_input_message([&] { store_->object(id, "bureau-member", ""); }), "comment is empty");
  EXPECT_EQ(invalid_input_message([&] { store_->object(id, "bureau-member", std::string(kMaxNoticeBytes + 1, 'c')); }),
            "comment is 16385 bytes, over the limit of 16384");
  EXPECT_EQ(invalid_input_message([&] { store_->object(id, "bureau-member", "bad \xC3("); }),
            "comment is not valid UTF-8 at offset 4");
  EXPECT_EQ(invalid_input_message([&] { store_->object(id, "", "No."); }), "who is empty");
  EXPECT_EQ(store_->procedure(id)->status, ProcedureStatus::open);
  // A comment at the limit, in any script, is kept whole.
  std::string comment;
  while (comment.size() + 3 <= kMaxNoticeBytes) comment += "否";
  EXPECT_EQ(store_->object(id, "bureau-member", comment).objections.at(0).comment, comment);
}

TEST_F(ProceduresTest, AClockThatReadsNonsenseIsAStoreError) {
  int64_t id = submit().id;
  clock_.set("Tuesday");
  try {
    store_->object(id, "bureau-member", "No.");
    FAIL() << "a nonsense time was compared with the deadline";
  } catch (const InvalidInput&) {
    FAIL() << "the caller's input was fine";
  } catch (const StoreError& error) {
    EXPECT_STREQ(error.what(), "the clock reads \"Tuesday\", not a UTC time like 2024-05-01T09:30:00Z");
  }
  EXPECT_EQ(store_->procedure(id)->status, ProcedureStatus::open);
}

}  // namespace
}  // namespace plenary::store
