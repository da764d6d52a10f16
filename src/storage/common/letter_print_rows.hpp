#pragma once
// The post room's rows, the same on both engines: the letters that go by post with their
// printing, if any (issue 15). Engine-neutral like letter_rows.hpp: each engine runs the SQL and
// hands its reader to ReadBatchLetter.

#include <string_view>
#include <utility>

#include "app/letter_printing_repository.hpp"
#include "storage/common/letter_rows.hpp"

namespace redress::storage::common {

// The letters that go by post and their printings: both the batch and a complaint's list read
// through it. LetterSelect's columns without the bodies, then the printing's.
inline constexpr std::string_view kPrintedLetterSelect =
    "SELECT l.id, c.reference, l.number, l.type, l.stage, l.issued_on, l.issued_by, l.issued_at, "
    "l.channel, l.format, l.recipient_name, l.recipient_email, l.recipient_address, "
    "l.template_version, '', '', '', l.pages, l.sha256, l.corrects, "
    "p.batch_date, p.printed_by, p.printed_at "
    "FROM letters l JOIN complaints c ON c.id = l.complaint_id "
    "LEFT JOIN letter_printings p ON p.letter_id = l.id "
    "WHERE l.channel IN ('post', 'both')";

// Reads kPrintedLetterSelect's columns: the letter, then its printing when it has one.
template <typename Reader>
app::BatchLetter ReadBatchLetter(Reader& r) {
  app::BatchLetter row;
  row.letter = ReadLetter(r);
  if (r.NextIsNull()) return row;
  app::LetterPrinting printing;
  printing.complaint_reference = row.letter.complaint_reference;
  printing.letter_number = row.letter.number;
  printing.batch_date = r.Date();
  printing.printed_by = r.Text();
  printing.printed_at = r.Text();
  row.printing = std::move(printing);
  return row;
}

}  // namespace redress::storage::common
