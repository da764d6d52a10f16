// Letters and the email outbox end to end through a real SQLite file (issue 15): issuing is one
// transaction with the acknowledgement it records and the email it queues, a refused letter
// leaves nothing behind, and the outbox worker retries, gives up, and never lets two workers hold
// one message.
#include "app/letters.hpp"

#include <gtest/gtest.h>

#include <deque>

#include "app/case_use_cases.hpp"
#include "app/manual_clock.hpp"
#include "app/organisation.hpp"
#include "app/outbox_worker.hpp"
#include "test_store.hpp"

namespace redress::app {
namespace {

using testing::D;

// A relay whose answers the test scripts: each Send takes the next one (success when none left).
class ScriptedMailer final : public Mailer {
 public:
  core::Status Send(const MailMessage& message) override {
    sent.push_back(message);
    if (answers.empty()) return {};
    core::Status answer = answers.front();
    answers.pop_front();
    return answer;
  }
  std::deque<core::Status> answers;
  std::vector<MailMessage> sent;
};

core::Status RelayDown() { return core::Fail(core::ErrorCode::kUnavailable, "relay down"); }
core::Status Refused() { return core::Fail(core::ErrorCode::kInvalidInput, "550 no such user"); }

class LettersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clock_.Set(D("2026-03-02"), kNineAm);
    store_ = database_.Open(clock_);
    ASSERT_NE(store_, nullptr);
    letters_ =
        std::make_unique<LetterContext>(LetterContext{*store_, clock_, "council.example.org"});
    Actor admin = SystemActor();
    auto set_up = store_->Write([&](Tx& tx) -> Status {
      core::Date day = D("2026-01-05");
      for (const auto& [code, name] : {std::pair{"housing-services", "Housing Services"},
                                       std::pair{"childrens-complaints", "Children's"}}) {
        if (auto saved = SaveTeamIn(tx, admin, day, {code, name}); !saved) return saved;
      }
      OrganisationSettings settings{"Test Council", core::Division::kEnglandAndWales, "",
                                    "childrens-complaints"};
      if (auto saved = SaveSettingsIn(tx, admin, day, settings); !saved) return saved;
      if (auto saved =
              SaveServiceAreaIn(tx, admin, day, {"housing", "Housing", "housing-services"});
          !saved) {
        return saved;
      }
      if (auto saved = SaveServiceAreaIn(
              tx, admin, day, {"children", "Children's social care", "childrens-complaints"});
          !saved) {
        return saved;
      }
      if (auto saved = SaveCategoryIn(tx, admin, day, {"repairs", "Repairs", true}); !saved) {
        return saved;
      }
      return SaveRootCauseIn(tx, admin, day, {"delay", "Delay", true});
    });
    ASSERT_TRUE(set_up) << set_up.error().message;
  }

  std::string Log(core::Regime regime, const std::string& area, const std::string& email) {
    LogComplaintCommand command;
    command.regime = regime;
    command.channel = core::Channel::kEmail;
    command.received_on = D("2026-02-26");
    command.service_area = area;
    command.category = "repairs";
    command.summary = "Roof leaks";
    command.description = "Water in the bedroom.";
    command.desired_outcome = "The roof repaired";
    command.complainant = {"Ada Resident", email, "", "1 High Street", "EX1 2MP"};
    OrganisationCache organisations;
    const CaseContext cases{*store_, clock_, organisations};
    auto logged = LogComplaint(cases, officer_, command);
    EXPECT_TRUE(logged) << logged.error().message;
    return logged ? logged->reference : std::string();
  }

  LetterRequest Acknowledgement() {
    LetterRequest request;
    request.type = core::LetterType::kAcknowledgement;
    request.record_event = RecordEvent::kYes;
    request.parts.complaint_definition = "The roof leaks over the bedroom.";
    return request;
  }

  OutboxCounts Counts() {
    auto counts = CountOutbox(*letters_);
    EXPECT_TRUE(counts) << counts.error().message;
    return counts.value_or(OutboxCounts{});
  }

  static constexpr int kNineAm = 9 * 3600;
  testing::TempDatabase database_;
  ManualClock clock_{D("2026-03-02")};
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<LetterContext> letters_;
  Actor officer_{"officer", core::Role::kComplaintsOfficer, "housing-services"};
  Actor outsider_{"outsider", core::Role::kComplaintsOfficer, "housing-services"};
};

TEST_F(LettersTest, IssuingAnAcknowledgementRecordsItAndQueuesTheEmailInOneTransaction) {
  const std::string reference = Log(core::Regime::kHousing, "housing", "ada@example.org");
  auto issued = IssueLetter(*letters_, officer_, reference, Acknowledgement());
  ASSERT_TRUE(issued) << issued.error().message;
  EXPECT_EQ(issued->number, 1);
  EXPECT_EQ(issued->channel, core::PreferredChannel::kEmail);
  EXPECT_EQ(issued->sha256.size(), 64u);
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  auto complaint = GetComplaint(cases, reference);
  ASSERT_TRUE(complaint);
  EXPECT_EQ(complaint->status, core::CaseStatus::kInProgress);
  EXPECT_EQ(complaint->stages[0].acknowledged_on, D("2026-03-02"));
  EXPECT_NE(issued->text.find("The roof repaired"), std::string::npos);  // from the case
  auto outbox = OutboxOfComplaint(*letters_, officer_, reference);
  ASSERT_TRUE(outbox);
  ASSERT_EQ(outbox->size(), 1u);
  EXPECT_EQ(outbox->front().message_id, "<letter-" + reference + "-1@council.example.org>");
}

TEST_F(LettersTest, ARefusedLetterLeavesNothingBehind) {
  const std::string reference = Log(core::Regime::kHousing, "housing", "ada@example.org");
  LetterRequest incomplete = Acknowledgement();
  incomplete.parts.complaint_definition = "";
  auto refused = IssueLetter(*letters_, officer_, reference, incomplete);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "parts.complaint_definition");
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  EXPECT_EQ(GetComplaint(cases, reference)->status, core::CaseStatus::kAwaitingAcknowledgement);
  EXPECT_TRUE(ListLetters(*letters_, officer_, reference)->empty());
  EXPECT_EQ(Counts().queued, 0);
}

TEST_F(LettersTest, ARestrictedCasesLettersAreHiddenLikeTheCase) {
  const std::string reference = Log(core::Regime::kChildren, "children", "ada@example.org");
  Actor childrens{"childrens", core::Role::kComplaintsOfficer, "childrens-complaints"};
  LetterRequest letter;
  letter.type = core::LetterType::kFreeLetter;
  letter.parts.body = "Hello";
  ASSERT_TRUE(IssueLetter(*letters_, childrens, reference, letter));
  EXPECT_EQ(ListLetters(*letters_, outsider_, reference).error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(GetLetter(*letters_, outsider_, reference, 1).error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(IssueLetter(*letters_, outsider_, reference, letter).error().code,
            core::ErrorCode::kNotFound);
  EXPECT_EQ(ListLetters(*letters_, childrens, reference)->size(), 1u);
}

TEST_F(LettersTest, TheWorkerRetriesWithBackOffThenSends) {
  const std::string reference = Log(core::Regime::kHousing, "housing", "ada@example.org");
  ASSERT_TRUE(IssueLetter(*letters_, officer_, reference, Acknowledgement()));
  ScriptedMailer mailer;
  mailer.answers = {RelayDown()};
  OutboxWorker worker(*store_, clock_, mailer, {"worker-a", 10, 120, {30, 3600, 86400}});
  auto first = worker.RunOnce();
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->retried, 1);
  // Not due again before its back-off.
  clock_.Set(D("2026-03-02"), kNineAm + 10);
  EXPECT_EQ(worker.RunOnce()->sent + worker.RunOnce()->retried, 0);
  clock_.Set(D("2026-03-02"), kNineAm + 31);
  auto second = worker.RunOnce();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->sent, 1);
  ASSERT_EQ(mailer.sent.size(), 2u);
  EXPECT_EQ(mailer.sent[0].message_id, mailer.sent[1].message_id);
  EXPECT_EQ(mailer.sent[1].attachment.rfind("%PDF-", 0), 0u);
  auto outbox = OutboxOfComplaint(*letters_, officer_, reference);
  EXPECT_EQ(outbox->front().state, OutboxState::kSent);
  EXPECT_EQ(outbox->front().attempts, 2);
}

TEST_F(LettersTest, APermanentRefusalOrTheTimeLimitFailsTheMessage) {
  const std::string one = Log(core::Regime::kHousing, "housing", "ada@example.org");
  const std::string two = Log(core::Regime::kHousing, "housing", "bob@example.org");
  ASSERT_TRUE(IssueLetter(*letters_, officer_, one, Acknowledgement()));
  ScriptedMailer mailer;
  mailer.answers = {Refused()};
  OutboxWorker worker(*store_, clock_, mailer, {"worker-a", 10, 120, {30, 3600, 3600}});
  EXPECT_EQ(worker.RunOnce()->failed, 1);
  ASSERT_TRUE(IssueLetter(*letters_, officer_, two, Acknowledgement()));
  mailer.answers = {RelayDown()};
  EXPECT_EQ(worker.RunOnce()->retried, 1);
  // An hour later the relay is still down: given up.
  clock_.Set(D("2026-03-02"), kNineAm + 3600);
  mailer.answers = {RelayDown()};
  EXPECT_EQ(worker.RunOnce()->failed, 1);
  EXPECT_EQ(Counts().failed, 2);
}

TEST_F(LettersTest, AClaimedMessageIsNobodyElsesUntilItsLeaseExpires) {
  const std::string reference = Log(core::Regime::kHousing, "housing", "ada@example.org");
  ASSERT_TRUE(IssueLetter(*letters_, officer_, reference, Acknowledgement()));
  // Worker A claims and dies before recording anything (as after SIGKILL mid-send).
  std::int64_t now = clock_.NowUnixSeconds();
  ASSERT_TRUE(store_->Write([&](Tx& tx) -> Status {
    auto claimed = tx.Outbox().Claim("worker-a", now, now + 120, 10);
    if (!claimed) return tl::unexpected(claimed.error());
    EXPECT_EQ(claimed->size(), 1u);
    return {};
  }));
  ScriptedMailer mailer;
  OutboxWorker b(*store_, clock_, mailer, {"worker-b", 10, 120, {}});
  EXPECT_EQ(b.RunOnce()->sent, 0);
  EXPECT_TRUE(mailer.sent.empty());
  clock_.Set(D("2026-03-02"), kNineAm + 121);
  EXPECT_EQ(b.RunOnce()->sent, 1);
  // A, back, cannot overwrite what B recorded.
  Status late = store_->Write([&](Tx& tx) { return tx.Outbox().MarkFailed(1, "worker-a", "x"); });
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, core::ErrorCode::kConflict);
  auto outbox = OutboxOfComplaint(*letters_, officer_, reference);
  EXPECT_EQ(outbox->front().state, OutboxState::kSent);
  EXPECT_EQ(outbox->front().attempts, 2);
}

}  // namespace
}  // namespace redress::app
