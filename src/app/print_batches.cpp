#include "app/print_batches.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "app/case_use_cases.hpp"
#include "letters/print_batch_pdf.hpp"
#include "report/wording.hpp"

namespace redress::app {
namespace {

const core::Stage* StageNumbered(const core::Complaint& complaint, int number) {
  for (const core::Stage& stage : complaint.stages) {
    if (stage.number == number) return &stage;
  }
  return nullptr;
}

// The batch of `date` as the actor sees it, each letter with the deadline it answers and what
// posting it from this batch means for it.
Result<PrintBatch> BuildBatch(Tx& tx, const Organisation& organisation, const Actor& actor,
                              core::Date date) {
  auto rows = tx.LetterPrintings().Batch(date);
  if (!rows) return tl::unexpected(rows.error());
  PrintBatch batch;
  batch.date = date;
  // Letters of one complaint share its load; nullopt for a complaint the actor may not see.
  std::map<std::string, std::optional<core::Complaint>, std::less<>> complaints;
  // Posting from the batch of `date` is posting a letter printed that day: the postal rule's
  // issue day is the day it is printed (core/postal.hpp), whatever day it was issued.
  core::Date expected = core::ExpectedPostalDelivery(*organisation.calendar, date);
  for (BatchLetter& row : *rows) {
    const std::string& reference = row.letter.complaint_reference;
    auto found = complaints.find(reference);
    if (found == complaints.end()) {
      auto complaint = LoadVisibleComplaint(tx, actor, reference);
      if (!complaint && complaint.error().code != core::ErrorCode::kNotFound) {
        return tl::unexpected(complaint.error());
      }
      std::optional<core::Complaint> seen;
      if (complaint) seen = std::move(*complaint);
      found = complaints.emplace(reference, std::move(seen)).first;
    }
    if (!found->second) continue;
    PrintBatchEntry entry;
    if (const core::Stage* stage = StageNumbered(*found->second, row.letter.stage)) {
      entry.deadline = core::LetterDeadline(row.letter.type, *stage);
    }
    entry.expected_delivery = expected;
    entry.warning = core::CheckPostingDeadline(*organisation.calendar, date, entry.deadline);
    batch.pages += row.letter.pages;
    if (!row.printing) ++batch.waiting;
    entry.letter = std::move(row);
    batch.letters.push_back(std::move(entry));
  }
  return batch;
}

std::string LetterName(const LetterKey& key) {
  return "letter " + std::to_string(key.number) + " of " + key.complaint_reference;
}

}  // namespace

Result<PrintBatch> GetPrintBatch(const LetterContext& context, const Actor& actor,
                                 core::Date date) {
  std::optional<PrintBatch> result;
  Status status = context.store.Read([&](Tx& tx) -> Status {
    auto organisation = LoadOrganisation(tx);
    if (!organisation) return tl::unexpected(organisation.error());
    auto batch = BuildBatch(tx, *organisation, actor, date);
    if (!batch) return tl::unexpected(batch.error());
    result = std::move(*batch);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<PrintBatchPdf> GetPrintBatchPdf(const LetterContext& context, const Actor& actor,
                                       core::Date date) {
  std::optional<PrintBatchPdf> result;
  Status status = context.store.Read([&](Tx& tx) -> Status {
    auto organisation = LoadOrganisation(tx);
    if (!organisation) return tl::unexpected(organisation.error());
    auto batch = BuildBatch(tx, *organisation, actor, date);
    if (!batch) return tl::unexpected(batch.error());
    if (batch->letters.empty()) {
      return core::Fail(core::ErrorCode::kNotFound,
                        "the print batch of " + date.ToIso() + " has no letters");
    }
    // The stored PDFs, whose hashes the audit trail holds: never drawn again.
    std::vector<std::string> pdfs;
    pdfs.reserve(batch->letters.size());
    for (const PrintBatchEntry& entry : batch->letters) {
      auto letter =
          tx.Letters().Load(entry.letter.letter.complaint_reference, entry.letter.letter.number);
      if (!letter) return tl::unexpected(letter.error());
      pdfs.push_back(std::move(letter->pdf));
    }
    std::vector<std::string_view> views(pdfs.begin(), pdfs.end());
    auto joined = letters::JoinPdfs(views, "Print batch " + date.ToIso());
    if (!joined) return tl::unexpected(joined.error());
    result = PrintBatchPdf{std::move(joined->bytes), joined->pages};
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

void WritePrintBatchTable(const PrintBatch& batch, report::TableSink& sink) {
  using report::TableCell;
  sink.Headings({"Reference", "Letter", "Letter type", "Recipient", "Address", "Issued on", "Pages",
                 "Deadline", "Expected delivery", "Warning", "Printed in batch"});
  for (const PrintBatchEntry& entry : batch.letters) {
    const IssuedLetter& letter = entry.letter.letter;
    // One line in a spreadsheet's cell: the address's lines joined by commas.
    std::string address;
    for (char c : letter.recipient_address)
      address += c == '\n' ? std::string(", ") : std::string(1, c);
    std::string warning;
    if (entry.warning) {
      warning = "Posted from this batch it arrives on " + entry.warning->expected_delivery.ToIso() +
                ", after its deadline of " + entry.warning->deadline.ToIso();
    }
    sink.Row({TableCell::Text(letter.complaint_reference), TableCell::Number(letter.number),
              TableCell::Text(std::string(report::Wording(letter.type))),
              TableCell::Text(letter.recipient_name), TableCell::Text(address),
              TableCell::Day(letter.issued_on), TableCell::Number(letter.pages),
              TableCell::Day(entry.deadline), TableCell::Day(entry.expected_delivery),
              TableCell::Text(warning),
              TableCell::Day(entry.letter.printing
                                 ? std::optional<core::Date>(entry.letter.printing->batch_date)
                                 : std::nullopt)});
  }
}

Result<std::vector<LetterPrinting>> MarkPrintBatchPrinted(
    const LetterContext& context, const Actor& actor, core::Date date,
    const std::optional<std::vector<LetterKey>>& letters) {
  core::Date today = context.clock.Today();
  if (date > today) {
    return core::FailField("date", "a batch cannot be printed before its day",
                           core::FieldErrorCode::kDateInFuture);
  }
  std::string now = context.clock.NowRfc3339();
  std::vector<LetterPrinting> recorded;
  Status status = context.store.Write([&](Tx& tx) -> Status {
    recorded.clear();
    auto organisation = LoadOrganisation(tx);
    if (!organisation) return tl::unexpected(organisation.error());
    auto batch = BuildBatch(tx, *organisation, actor, date);
    if (!batch) return tl::unexpected(batch.error());
    std::vector<const IssuedLetter*> chosen;
    for (const PrintBatchEntry& entry : batch->letters) {
      if (!entry.letter.printing) chosen.push_back(&entry.letter.letter);
    }
    if (letters) {
      core::FieldErrors errors;
      std::vector<const IssuedLetter*> named;
      for (std::size_t i = 0; i < letters->size(); ++i) {
        const LetterKey& key = (*letters)[i];
        auto waiting = std::find_if(chosen.begin(), chosen.end(), [&](const IssuedLetter* l) {
          return l->complaint_reference == key.complaint_reference && l->number == key.number;
        });
        bool twice = std::find(named.begin(), named.end(),
                               waiting == chosen.end() ? nullptr : *waiting) != named.end();
        if (waiting == chosen.end() || twice) {
          errors.Add("letters[" + std::to_string(i) + "]",
                     LetterName(key) + " is not waiting in the print batch of " + date.ToIso(),
                     core::FieldErrorCode::kUnknownReference);
        } else {
          named.push_back(*waiting);
        }
      }
      if (!errors.empty()) return errors.ToError();
      chosen = std::move(named);
    }
    for (const IssuedLetter* letter : chosen) {
      LetterPrinting printing{letter->complaint_reference, letter->number, date, actor.username,
                              now};
      if (Status saved = tx.LetterPrintings().Record(printing); !saved) return saved;
      core::CaseEvent event;
      event.type = core::EventType::kLetterPrinted;
      event.occurred_on = date;
      event.actor = actor.username;
      event.stage = letter->stage;
      event.summary = "Letter " + std::to_string(letter->number) +
                      " printed for the post in the print batch of " + date.ToIso();
      event.changes = {{"letter", "", std::to_string(letter->number)},
                       {"print_batch", "", date.ToIso()},
                       {"sha256", "", letter->sha256}};
      if (Status appended =
              tx.Events().Append(EntityType::kComplaint, letter->complaint_reference, event);
          !appended) {
        return appended;
      }
      recorded.push_back(std::move(printing));
    }
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return recorded;
}

Result<std::vector<LetterPrinting>> PrintingsOfComplaint(const LetterContext& context,
                                                         const Actor& actor,
                                                         std::string_view reference) {
  std::optional<std::vector<LetterPrinting>> result;
  Status status = context.store.Read([&](Tx& tx) -> Status {
    auto complaint = LoadVisibleComplaint(tx, actor, reference);
    if (!complaint) return tl::unexpected(complaint.error());
    auto printings = tx.LetterPrintings().OfComplaint(reference);
    if (!printings) return tl::unexpected(printings.error());
    result = std::move(*printings);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

}  // namespace redress::app
