#pragma once

// What a subject access bundle (issue 20, docs/data-protection.md) is made of, as rules: the names
// of the items Redress holds about a person, which staff may withhold one by one with a reason
// (third-party information, UK GDPR Art. 15(4) and DPA 2018 Sch. 2 para. 16), and the Article 15
// information every bundle carries. Pure: the use case (app/subject_access_bundle.hpp) gathers the
// items and writes the files.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace redress::core {

// What an item is: a complaint (its record, and with it everything under it), one of its notes,
// one of its letters as sent, or an attachment.
enum class HeldItemKind { kComplaint, kNote, kLetter, kAttachment };
std::string_view ToString(HeldItemKind kind);  // "complaint", "note", "letter", "attachment"
std::optional<HeldItemKind> ParseHeldItemKind(std::string_view name);

// An item's name, as a withholding mark and the manifest give it: "complaint:CMP-2024-000001",
// "note:CMP-2024-000001/7" (the note's id), "letter:CMP-2024-000001/2" (the letter's number),
// "attachment:12" (the attachment's id).
struct HeldItem {
  HeldItemKind kind = HeldItemKind::kComplaint;
  std::string complaint_reference;  // blank for an attachment
  std::int64_t number = 0;          // the note's id, the letter's number, the attachment's id
  friend bool operator==(const HeldItem&, const HeldItem&) = default;
};
std::string ItemName(const HeldItem& item);
// kInvalidInput naming "item" (kInvalidFormat) when `name` is not an item's name.
Result<HeldItem> ParseItemName(std::string_view name);

inline constexpr std::size_t kMaxWithholdingReasonLength = 2000;

// A withholding mark's fields, every offending one at once (kInvalidInput): "item" an item's name,
// "reason" required and at most kMaxWithholdingReasonLength characters.
Status CheckWithholding(std::string_view item, std::string_view reason);

// The Article 15(1)-(3) information: why the data is processed, who receives it, how long it is
// kept, and the person's rights (rectification, erasure, restriction, objection, complaint to the
// ICO), worded for `organisation`. Plain text, paragraphs separated by blank lines, "# " starting
// a heading: what the bundle's PDF prints and its article-15.txt holds.
std::string Article15Information(std::string_view organisation);

}  // namespace redress::core
