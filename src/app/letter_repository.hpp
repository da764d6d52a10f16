#pragma once

// The letters of complaints, kept exactly as issued (issue 15): once inserted a letter is never
// changed; a correction is a new letter that names the one it corrects.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/letter.hpp"
#include "core/result.hpp"

namespace redress::app {

using core::Result;
using core::Status;

// How a letter goes: what the complainant asked (core::PreferredChannel) decided per letter.
struct IssuedLetter {
  std::int64_t id = 0;  // assigned by the store
  std::string complaint_reference;
  int number = 0;  // assigned by the store: 1, 2, ... within the complaint
  core::LetterType type = core::LetterType::kFreeLetter;
  int stage = 1;
  core::Date issued_on;
  std::string issued_by;  // username
  std::string issued_at;  // RFC 3339 UTC, the wall clock
  core::PreferredChannel channel = core::PreferredChannel::kPost;
  core::LetterFormat format = core::LetterFormat::kStandard;
  std::string recipient_name;
  std::string recipient_email;        // "" when the letter goes by post only
  std::string recipient_address;      // lines separated by '\n'; "" when by email only
  std::int64_t template_version = 0;  // 0 = the shipped default
  std::string text;                   // the plain text of the email and the letter
  std::string html;                   // the email's HTML alternative
  std::string pdf;                    // the PDF's bytes
  int pages = 0;
  std::string sha256;           // hex SHA-256 of the PDF bytes, also in the audit event
  std::optional<int> corrects;  // the number of the letter this one corrects
  friend bool operator==(const IssuedLetter&, const IssuedLetter&) = default;
};

class LetterRepository {
 public:
  virtual ~LetterRepository() = default;
  // Stores the letter, assigning id and the next number of its complaint; returns it as stored.
  // kInvalidInput (field `reference`) for an unknown complaint; kInvalidInput (field `corrects`)
  // when the letter it corrects does not exist.
  virtual Result<IssuedLetter> Insert(IssuedLetter letter) = 0;
  // The complaint's letters in number order, without their text, HTML and PDF (pdf, text and html
  // empty) so that a list stays small.
  virtual Result<std::vector<IssuedLetter>> ListOf(std::string_view complaint_reference) = 0;
  // One letter whole; kNotFound when the complaint has no letter of that number.
  virtual Result<IssuedLetter> Load(std::string_view complaint_reference, int number) = 0;
};

}  // namespace redress::app
