#pragma once

// The post room's record of printed letters (issue 15): a letter that goes by post (channel post
// or both) is printed once, in the print batch of a day, and that printing is written once and
// never changed. Part of the ports (app/ports.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/letter_repository.hpp"
#include "core/date.hpp"
#include "core/result.hpp"

namespace redress::app {

struct LetterPrinting {
  std::string complaint_reference;
  int letter_number = 0;
  core::Date batch_date;   // the day's print batch it was printed in
  std::string printed_by;  // username
  std::string printed_at;  // RFC 3339 UTC, the wall clock
  friend bool operator==(const LetterPrinting&, const LetterPrinting&) = default;
};

// A letter of a print batch: the letter without its text, HTML and PDF, and its printing when it
// has been printed.
struct BatchLetter {
  IssuedLetter letter;
  std::optional<LetterPrinting> printing;
  friend bool operator==(const BatchLetter&, const BatchLetter&) = default;
};

class LetterPrintingRepository {
 public:
  virtual ~LetterPrintingRepository() = default;
  // The print batch of `date`: the letters that go by post printed in that batch, and those issued
  // on or before `date` not yet printed (still waiting for the post room), by issue date,
  // complaint reference and number; without their bodies (as LetterRepository::ListOf).
  virtual Result<std::vector<BatchLetter>> Batch(core::Date date) = 0;
  // Records the printing. kInvalidInput (field `letters`, kUnknownReference) for a letter that
  // does not exist or does not go by post; kConflict when it was printed already (nothing is
  // written).
  virtual Status Record(const LetterPrinting& printing) = 0;
  // The printings of the complaint's letters, by letter number.
  virtual Result<std::vector<LetterPrinting>> OfComplaint(std::string_view complaint_reference) = 0;
};

}  // namespace redress::app
