#pragma once

// The post room's daily print batch (issue 15): every letter that goes by post (channel post or
// both) and is not yet printed, as one PDF of the letters exactly as issued and a list with each
// letter's reference, recipient, type, the deadline it answers and a warning where posting it now
// would miss that deadline (core::CheckPostingDeadline: the one home of the postal timing).
// Marking the batch printed records each letter's printing once (LetterPrintingRepository) with
// a letter_printed event on its complaint, in one transaction. The batch shows only the letters of
// the complaints the actor may see (LoadVisibleComplaint): a restricted case's letters are
// printed by the teams that see it.

#include <optional>
#include <string>
#include <vector>

#include "app/letters.hpp"
#include "app/ports.hpp"
#include "core/postal.hpp"
#include "report/table.hpp"

namespace redress::app {

struct PrintBatchEntry {
  BatchLetter letter;                  // the letter (without bodies) and its printing, if any
  std::optional<core::Date> deadline;  // what the letter answers (core::LetterDeadline)
  core::Date expected_delivery;        // if posted from this batch
  std::optional<core::PostingWarning> warning;  // posting from this batch misses the deadline
};

struct PrintBatch {
  core::Date date;
  std::vector<PrintBatchEntry> letters;  // by issue date, complaint reference and number
  int pages = 0;                         // of every letter listed
  int waiting = 0;                       // letters not yet printed
};

// A letter of a batch named by the post room: its complaint and number.
struct LetterKey {
  std::string complaint_reference;
  int number = 0;
};

// The batch of `date` as `actor` may see it.
Result<PrintBatch> GetPrintBatch(const LetterContext& context, const Actor& actor, core::Date date);

struct PrintBatchPdf {
  std::string bytes;
  int pages = 0;
};
// Every letter of the batch, exactly as issued, joined into one PDF. kNotFound when the batch has
// no letter.
Result<PrintBatchPdf> GetPrintBatchPdf(const LetterContext& context, const Actor& actor,
                                       core::Date date);

// The batch as the post room's list, one row per letter: reference, letter number, type, recipient,
// address, issue date, pages, deadline, expected delivery, the warning in words, the batch it was
// printed in. Each column once, here; the formats are the sink's.
void WritePrintBatchTable(const PrintBatch& batch, report::TableSink& sink);

// Records the printing of the batch's letters not yet printed (only `letters` when given: the
// post room names what it printed, so that a letter issued after it took the PDF is not marked)
// and appends a letter_printed event to each complaint. kInvalidInput for a date in the future
// (`date`) or a letter named that is not waiting in the batch (`letters[i]`, every one named);
// returns the printings recorded.
Result<std::vector<LetterPrinting>> MarkPrintBatchPrinted(
    const LetterContext& context, const Actor& actor, core::Date date,
    const std::optional<std::vector<LetterKey>>& letters);

// The printings of the complaint's letters. kNotFound as LoadVisibleComplaint.
Result<std::vector<LetterPrinting>> PrintingsOfComplaint(const LetterContext& context,
                                                         const Actor& actor,
                                                         std::string_view reference);

}  // namespace redress::app
