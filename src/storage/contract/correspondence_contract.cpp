// Letters kept exactly as issued, letter templates by version, the email outbox (its claims and
// leases) and contact preferences.
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

// Bytes a PDF may hold that text would not: NUL, high bytes, a line end.
const std::string kPdfBytes = std::string("%PDF-1.7\0\x01\xff\xfe\n%%EOF", 18);

app::IssuedLetter Letter(const std::string& complaint) {
  app::IssuedLetter letter;
  letter.complaint_reference = complaint;
  letter.type = core::LetterType::kAcknowledgement;
  letter.issued_on = D("2024-05-02");
  letter.issued_by = "officer";
  letter.issued_at = "2024-05-02T09:00:00Z";
  letter.channel = core::PreferredChannel::kBoth;
  letter.recipient_name = "A Resident";
  letter.recipient_email = "resident@example.org";
  letter.recipient_address = "1 High Street\nTown";
  letter.text = "Dear A Resident";
  letter.html = "<p>Dear A Resident</p>";
  letter.pdf = kPdfBytes;
  letter.pages = 1;
  letter.sha256 = std::string(64, 'a');
  return letter;
}

constexpr std::int64_t kLeaseSeconds = 60;

// A letter, a message and a claim, each in a Write of its own (as the use cases and the worker
// do).
app::IssuedLetter Issue(app::Store& store, const app::IssuedLetter& letter) {
  app::IssuedLetter issued;
  Status written = store.Write([&](app::Tx& tx) -> Status {
    Result<app::IssuedLetter> inserted = tx.Letters().Insert(letter);
    if (!inserted) return Failed(inserted.error());
    issued = std::move(*inserted);
    return {};
  });
  EXPECT_TRUE(written) << written.error().message;
  return issued;
}

app::OutboxMessage Queue(app::Store& store, const app::IssuedLetter& letter, std::int64_t due) {
  app::OutboxMessage message;
  message.letter_id = letter.id;
  message.message_id = "<letter-" + letter.complaint_reference + "-" +
                       std::to_string(letter.number) + "@example.org>";
  message.recipient = letter.recipient_email;
  message.created_at = due;
  message.next_attempt_at = due;
  Status written = store.Write([&](app::Tx& tx) -> Status {
    Result<app::OutboxMessage> queued = tx.Outbox().Enqueue(message);
    if (!queued) return Failed(queued.error());
    message = std::move(*queued);
    return {};
  });
  EXPECT_TRUE(written) << written.error().message;
  return message;
}

std::vector<app::OutboxMessage> Claim(app::Store& store, const std::string& token, std::int64_t now,
                                      int limit) {
  std::vector<app::OutboxMessage> claimed;
  Status written = store.Write([&](app::Tx& tx) -> Status {
    Result<std::vector<app::OutboxMessage>> rows =
        tx.Outbox().Claim(token, now, now + kLeaseSeconds, limit);
    if (!rows) return Failed(rows.error());
    claimed = std::move(*rows);
    return {};
  });
  EXPECT_TRUE(written) << written.error().message;
  return claimed;
}

TEST_P(StoreContract, LettersAreKeptAsIssuedAndNumberedPerComplaint) {
  const core::Complaint complaint = Insert(BasicComplaint(D("2024-05-01")));
  Result<app::IssuedLetter> first = InWrite<app::IssuedLetter>(
      [&](app::Tx& tx) { return tx.Letters().Insert(Letter(complaint.reference)); });
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->number, 1);
  app::IssuedLetter correction = Letter(complaint.reference);
  correction.corrects = 1;
  Result<app::IssuedLetter> second =
      InWrite<app::IssuedLetter>([&](app::Tx& tx) { return tx.Letters().Insert(correction); });
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->number, 2);

  Result<app::IssuedLetter> loaded = InRead<app::IssuedLetter>(
      [&](app::Tx& tx) { return tx.Letters().Load(complaint.reference, 1); });
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(*loaded, *first);
  EXPECT_EQ(loaded->pdf, kPdfBytes);

  Result<std::vector<app::IssuedLetter>> listed = InRead<std::vector<app::IssuedLetter>>(
      [&](app::Tx& tx) { return tx.Letters().ListOf(complaint.reference); });
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[1].corrects, 1);
  EXPECT_TRUE((*listed)[0].pdf.empty());  // a list leaves the bodies out
  EXPECT_EQ((*listed)[0].sha256, first->sha256);

  EXPECT_EQ(InRead<app::IssuedLetter>(
                [&](app::Tx& tx) { return tx.Letters().Load(complaint.reference, 3); })
                .error()
                .code,
            ErrorCode::kNotFound);
  Result<app::IssuedLetter> unknown = InWrite<app::IssuedLetter>(
      [&](app::Tx& tx) { return tx.Letters().Insert(Letter("CMP-1999-000001")); });
  ASSERT_FALSE(unknown);
  ASSERT_EQ(unknown.error().fields.size(), 1u);
  EXPECT_EQ(unknown.error().fields[0].field, "reference");
  app::IssuedLetter wrong = Letter(complaint.reference);
  wrong.corrects = 7;
  Result<app::IssuedLetter> no_such =
      InWrite<app::IssuedLetter>([&](app::Tx& tx) { return tx.Letters().Insert(wrong); });
  ASSERT_FALSE(no_such);
  ASSERT_EQ(no_such.error().fields.size(), 1u);
  EXPECT_EQ(no_such.error().fields[0].field, "corrects");
}

TEST_P(StoreContract, TemplatesAreVersionedPerTypeAndRegime) {
  const auto save = [&](core::LetterType type, std::optional<core::Regime> regime,
                        std::string text) {
    app::LetterTemplate letter_template{
        type, regime, 0, std::move(text), "admin", "2024-05-01T09:00:00Z"};
    Result<app::LetterTemplate> saved = InWrite<app::LetterTemplate>(
        [&](app::Tx& tx) { return tx.LetterTemplates().Insert(letter_template); });
    EXPECT_TRUE(saved) << saved.error().message;
    return saved.value_or(app::LetterTemplate{});
  };
  EXPECT_EQ(save(core::LetterType::kAcknowledgement, std::nullopt, "one").version, 1);
  EXPECT_EQ(save(core::LetterType::kAcknowledgement, std::nullopt, "two").version, 2);
  EXPECT_EQ(save(core::LetterType::kAcknowledgement, core::Regime::kHousing, "housing").version, 1);

  Result<std::optional<app::LetterTemplate>> latest =
      InRead<std::optional<app::LetterTemplate>>([](app::Tx& tx) {
        return tx.LetterTemplates().Latest(core::LetterType::kAcknowledgement, std::nullopt);
      });
  ASSERT_TRUE(latest && *latest);
  EXPECT_EQ((*latest)->text, "two");
  Result<std::optional<app::LetterTemplate>> none =
      InRead<std::optional<app::LetterTemplate>>([](app::Tx& tx) {
        return tx.LetterTemplates().Latest(core::LetterType::kFreeLetter, std::nullopt);
      });
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
  Result<std::vector<app::LetterTemplate>> all = InRead<std::vector<app::LetterTemplate>>(
      [](app::Tx& tx) { return tx.LetterTemplates().ListLatest(); });
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].regime, std::nullopt);
  EXPECT_EQ((*all)[0].version, 2);
  EXPECT_EQ((*all)[1].regime, core::Regime::kHousing);
}

TEST_P(StoreContract, TheOutboxHandsEachDueMessageToOneWorkerAndCountsItsAttempts) {
  const core::Complaint complaint = Insert(BasicComplaint(D("2024-05-01")));
  const app::OutboxMessage early = Queue(*store_, Issue(*store_, Letter(complaint.reference)), 100);
  const app::OutboxMessage later = Queue(*store_, Issue(*store_, Letter(complaint.reference)), 200);
  EXPECT_EQ(early.state, app::OutboxState::kQueued);

  // Only what is due, oldest first; a claimed row is not claimed again while its lease holds.
  std::vector<app::OutboxMessage> first = Claim(*store_, "worker-a", 150, 10);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].id, early.id);
  EXPECT_EQ(first[0].state, app::OutboxState::kSending);
  EXPECT_EQ(first[0].attempts, 1);
  EXPECT_EQ(first[0].claim_token, "worker-a");
  EXPECT_EQ(first[0].complaint_reference, complaint.reference);
  EXPECT_EQ(first[0].letter_number, 1);
  std::vector<app::OutboxMessage> second = Claim(*store_, "worker-b", 200, 10);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].id, later.id);

  // Only the holder records the outcome.
  EXPECT_EQ(
      WriteStatus([&](app::Tx& tx) { return tx.Outbox().MarkSent(early.id, "worker-b", 160); })
          .error()
          .code,
      ErrorCode::kConflict);
  WriteOk([&](app::Tx& tx) { return tx.Outbox().MarkSent(early.id, "worker-a", 160); });
  WriteOk([&](app::Tx& tx) { return tx.Outbox().MarkRetry(later.id, "worker-b", 300, "busy"); });

  // A lease that ran out lets another worker take the row over.
  EXPECT_TRUE(Claim(*store_, "worker-c", 250, 10).empty());
  std::vector<app::OutboxMessage> retried = Claim(*store_, "worker-c", 300, 10);
  ASSERT_EQ(retried.size(), 1u);
  EXPECT_EQ(retried[0].attempts, 2);
  EXPECT_EQ(retried[0].last_error, "busy");
  std::vector<app::OutboxMessage> taken_over = Claim(*store_, "worker-d", 300 + kLeaseSeconds, 10);
  ASSERT_EQ(taken_over.size(), 1u);
  EXPECT_EQ(taken_over[0].attempts, 3);
  EXPECT_EQ(
      WriteStatus([&](app::Tx& tx) { return tx.Outbox().MarkFailed(later.id, "worker-c", "gone"); })
          .error()
          .code,
      ErrorCode::kConflict);
  WriteOk([&](app::Tx& tx) { return tx.Outbox().MarkFailed(later.id, "worker-d", "gone"); });

  Result<app::OutboxCounts> counts =
      InRead<app::OutboxCounts>([](app::Tx& tx) { return tx.Outbox().Counts(); });
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->queued, 0);
  EXPECT_EQ(counts->sending, 0);
  EXPECT_EQ(counts->sent, 1);
  EXPECT_EQ(counts->failed, 1);
  Result<std::vector<app::OutboxMessage>> of_complaint = InRead<std::vector<app::OutboxMessage>>(
      [&](app::Tx& tx) { return tx.Outbox().OfComplaint(complaint.reference); });
  ASSERT_TRUE(of_complaint);
  ASSERT_EQ(of_complaint->size(), 2u);
  EXPECT_EQ((*of_complaint)[0].state, app::OutboxState::kSent);
  EXPECT_EQ((*of_complaint)[0].sent_at, 160);
  EXPECT_EQ((*of_complaint)[1].state, app::OutboxState::kFailed);
  EXPECT_EQ((*of_complaint)[1].last_error, "gone");
}

// A letter's own email, a copy to the representative and each resend are messages of the one
// letter, each with its own Message-ID; a Message-ID is still never queued twice.
TEST_P(StoreContract, ALetterMayHaveSeveralMessagesEachWithItsOwnMessageId) {
  const core::Complaint complaint = Insert(BasicComplaint(D("2024-05-01")));
  const app::IssuedLetter letter = Issue(*store_, Letter(complaint.reference));
  const app::OutboxMessage first = Queue(*store_, letter, 100);
  app::OutboxMessage again = first;
  again.message_id = "<letter-" + letter.complaint_reference + "-1.2@example.org>";
  again.recipient = "representative@example.org";
  WriteOk([&](app::Tx& tx) -> Status {
    Result<app::OutboxMessage> queued = tx.Outbox().Enqueue(again);
    if (!queued) return Failed(queued.error());
    return {};
  });
  Status duplicate = WriteStatus([&](app::Tx& tx) -> Status {
    Result<app::OutboxMessage> queued = tx.Outbox().Enqueue(first);
    if (!queued) return Failed(queued.error());
    return {};
  });
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  Result<std::vector<app::OutboxMessage>> messages = InRead<std::vector<app::OutboxMessage>>(
      [&](app::Tx& tx) { return tx.Outbox().OfComplaint(complaint.reference); });
  ASSERT_TRUE(messages);
  ASSERT_EQ(messages->size(), 2u);
  EXPECT_EQ((*messages)[0].message_id, first.message_id);
  EXPECT_EQ((*messages)[1].recipient, "representative@example.org");
  EXPECT_EQ((*messages)[1].letter_number, letter.number);
}

TEST_P(StoreContract, WorkersClaimingAtOnceNeverShareAMessage) {
  const core::Complaint complaint = Insert(BasicComplaint(D("2024-05-01")));
  constexpr int kMessages = 12;
  for (int i = 0; i < kMessages; ++i)
    Queue(*store_, Issue(*store_, Letter(complaint.reference)), 100);
  constexpr int kWorkers = 4;
  std::vector<std::vector<app::OutboxMessage>> claims(kWorkers);
  std::vector<std::thread> workers;
  for (int w = 0; w < kWorkers; ++w) {
    workers.emplace_back([&, w] {
      for (int round = 0; round < kMessages; ++round) {
        std::vector<app::OutboxMessage> claimed =
            Claim(*store_, "worker-" + std::to_string(w), 100, 2);
        claims[w].insert(claims[w].end(), claimed.begin(), claimed.end());
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  std::set<std::int64_t> ids;
  std::size_t total = 0;
  for (const auto& claimed : claims) {
    total += claimed.size();
    for (const app::OutboxMessage& message : claimed) ids.insert(message.id);
  }
  EXPECT_EQ(total, static_cast<std::size_t>(kMessages));
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kMessages));
}

TEST_P(StoreContract, ContactPreferencesAreKeptPerComplaint) {
  const core::Complaint complaint = Insert(BasicComplaint(D("2024-05-01")));
  Result<std::optional<core::ContactPreferences>> none =
      InRead<std::optional<core::ContactPreferences>>(
          [&](app::Tx& tx) { return tx.ContactPreferences().Load(complaint.reference); });
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
  core::ContactPreferences preferences;
  preferences.channel = core::PreferredChannel::kEmail;
  preferences.format = core::LetterFormat::kLargePrint;
  preferences.language = "cy";
  preferences.copy_representative = core::ContactPreferences::CopyRepresentative::kYes;
  WriteOk(
      [&](app::Tx& tx) { return tx.ContactPreferences().Save(complaint.reference, preferences); });
  preferences.language = "en";
  WriteOk(
      [&](app::Tx& tx) { return tx.ContactPreferences().Save(complaint.reference, preferences); });
  Result<std::optional<core::ContactPreferences>> loaded =
      InRead<std::optional<core::ContactPreferences>>(
          [&](app::Tx& tx) { return tx.ContactPreferences().Load(complaint.reference); });
  ASSERT_TRUE(loaded && *loaded);
  EXPECT_EQ((*loaded)->channel, core::PreferredChannel::kEmail);
  EXPECT_EQ((*loaded)->format, core::LetterFormat::kLargePrint);
  EXPECT_EQ((*loaded)->language, "en");
  EXPECT_EQ((*loaded)->copy_representative, core::ContactPreferences::CopyRepresentative::kYes);
  Status unknown = WriteStatus(
      [&](app::Tx& tx) { return tx.ContactPreferences().Save("CMP-1999-000001", preferences); });
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidInput);
}

// The complainant's needs (issue 18) travel with the preferences, and a page of a list reads
// those of its complaints in one call: only the complaints that recorded any come back.
TEST_P(StoreContract, NeedsAreKeptWithThePreferencesAndReadForAPage) {
  const core::Complaint first = Insert(BasicComplaint(D("2024-05-01")));
  const core::Complaint second = Insert(BasicComplaint(D("2024-05-02")));
  const core::Complaint third = Insert(BasicComplaint(D("2024-05-03")));
  core::ContactPreferences needs;
  needs.adjustments = "Phone calls after 2pm; an interpreter (Polish) at meetings";
  needs.vulnerabilities = {core::Vulnerability::kMentalHealth, core::Vulnerability::kBereavement};
  needs.vulnerability_note = "Recently widowed";
  WriteOk([&](app::Tx& tx) { return tx.ContactPreferences().Save(first.reference, needs); });
  WriteOk([&](app::Tx& tx) {
    return tx.ContactPreferences().Save(second.reference, core::ContactPreferences{});
  });
  Result<std::optional<core::ContactPreferences>> loaded =
      InRead<std::optional<core::ContactPreferences>>(
          [&](app::Tx& tx) { return tx.ContactPreferences().Load(first.reference); });
  ASSERT_TRUE(loaded && *loaded);
  EXPECT_EQ(**loaded, needs);
  EXPECT_TRUE(core::HasNeeds(**loaded));

  using Page = std::vector<std::pair<std::string, core::ContactPreferences>>;
  const std::vector<std::string> references = {first.reference, second.reference, third.reference,
                                               "CMP-1999-000001"};
  Result<Page> page =
      InRead<Page>([&](app::Tx& tx) { return tx.ContactPreferences().LoadMany(references); });
  ASSERT_TRUE(page) << page.error().message;
  std::map<std::string, core::ContactPreferences> by_reference(page->begin(), page->end());
  ASSERT_EQ(by_reference.size(), 2U);
  EXPECT_EQ(by_reference.at(first.reference), needs);
  EXPECT_FALSE(core::HasNeeds(by_reference.at(second.reference)));
  Result<Page> none =
      InRead<Page>([&](app::Tx& tx) { return tx.ContactPreferences().LoadMany({}); });
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace redress::storage::contract
