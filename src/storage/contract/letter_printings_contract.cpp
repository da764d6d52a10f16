// The post room's printings of posted letters (issue 15): a day's print batch is the posted
// letters printed in it and those issued by then still waiting; a letter is printed once.
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

app::IssuedLetter Letter(const std::string& complaint, const std::string& issued_on,
                         core::PreferredChannel channel) {
  app::IssuedLetter letter;
  letter.complaint_reference = complaint;
  letter.type = core::LetterType::kAcknowledgement;
  letter.issued_on = D(issued_on);
  letter.issued_by = "officer";
  letter.issued_at = issued_on + "T09:00:00Z";
  letter.channel = channel;
  letter.recipient_name = "A Resident";
  if (channel != core::PreferredChannel::kPost) letter.recipient_email = "resident@example.org";
  if (channel != core::PreferredChannel::kEmail) letter.recipient_address = "1 High Street\nTown";
  letter.text = "Dear A Resident";
  letter.pdf = "%PDF-1.7 letter";
  letter.pages = 2;
  letter.sha256 = std::string(64, 'b');
  return letter;
}

std::vector<std::string> Names(const std::vector<app::BatchLetter>& rows) {
  std::vector<std::string> names;
  for (const app::BatchLetter& row : rows) {
    names.push_back(row.letter.complaint_reference + "/" + std::to_string(row.letter.number) +
                    (row.printing ? " printed " + row.printing->batch_date.ToIso() : ""));
  }
  return names;
}

TEST_P(StoreContract, PrintBatchesHoldThePostedLettersWaitingAndThosePrintedThatDay) {
  const core::Complaint first = Insert(BasicComplaint(D("2024-05-01")));
  const core::Complaint second = Insert(BasicComplaint(D("2024-05-01")));
  for (const app::IssuedLetter& letter :
       {Letter(second.reference, "2024-05-02", core::PreferredChannel::kPost),
        Letter(first.reference, "2024-05-02", core::PreferredChannel::kBoth),
        Letter(first.reference, "2024-05-02", core::PreferredChannel::kEmail),
        Letter(first.reference, "2024-05-03", core::PreferredChannel::kPost)}) {
    ASSERT_TRUE(
        InWrite<app::IssuedLetter>([&](app::Tx& tx) { return tx.Letters().Insert(letter); }));
  }
  auto batch = [&](const std::string& date) {
    auto rows = InRead<std::vector<app::BatchLetter>>(
        [&](app::Tx& tx) { return tx.LetterPrintings().Batch(D(date)); });
    EXPECT_TRUE(rows) << rows.error().message;
    return rows ? Names(*rows) : std::vector<std::string>();
  };
  // By issue date, then reference and number; the email-only letter is never in a batch.
  EXPECT_EQ(batch("2024-05-02"),
            (std::vector<std::string>{first.reference + "/1", second.reference + "/1"}));
  EXPECT_EQ(batch("2024-05-03"),
            (std::vector<std::string>{first.reference + "/1", second.reference + "/1",
                                      first.reference + "/3"}));
  EXPECT_TRUE(batch("2024-05-01").empty());

  app::LetterPrinting printing{first.reference, 1, D("2024-05-02"), "postroom",
                               "2024-05-02T16:00:00Z"};
  ASSERT_TRUE(WriteStatus([&](app::Tx& tx) { return tx.LetterPrintings().Record(printing); }));
  // Printed once: a second printing is a conflict and writes nothing.
  app::LetterPrinting again = printing;
  again.batch_date = D("2024-05-03");
  Status twice = WriteStatus([&](app::Tx& tx) { return tx.LetterPrintings().Record(again); });
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  // An email-only letter and a letter that does not exist are not printed.
  for (int number : {2, 9}) {
    app::LetterPrinting none{first.reference, number, D("2024-05-03"), "postroom", "t"};
    Status refused = WriteStatus([&](app::Tx& tx) { return tx.LetterPrintings().Record(none); });
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(refused.error().fields.at(0).field, "letters");
  }

  // The printed letter stays in its own day's batch and leaves the later ones.
  EXPECT_EQ(batch("2024-05-02"),
            (std::vector<std::string>{first.reference + "/1 printed 2024-05-02",
                                      second.reference + "/1"}));
  EXPECT_EQ(batch("2024-05-03"),
            (std::vector<std::string>{second.reference + "/1", first.reference + "/3"}));

  auto printings = InRead<std::vector<app::LetterPrinting>>(
      [&](app::Tx& tx) { return tx.LetterPrintings().OfComplaint(first.reference); });
  ASSERT_TRUE(printings) << printings.error().message;
  ASSERT_EQ(printings->size(), 1u);
  EXPECT_EQ(printings->front(), printing);
}

}  // namespace
}  // namespace redress::storage::contract
