#pragma once

// Redaction of one item of a complaint on request (issue 20): a field of the complaint, a note or
// an attached file has its content replaced, the events that quoted it have their content erased
// (the audit chain keeps their digest: docs/audit-trail.md), and the redaction is an event saying
// what kind of item, by whom and why — never what it said. Pure: which items exist, how a target
// is named, and what a field becomes.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/complaint.hpp"
#include "core/result.hpp"

namespace redress::core {

// What a redacted text field reads afterwards.
inline constexpr std::string_view kRedactedText = "[redacted]";
inline constexpr std::size_t kMaxRedactionReasonLength = 2000;

enum class RedactionKind { kField, kNote, kAttachment };

// A target as written: "field:description", "field:complainant.email", "note:12",
// "attachment:7".
struct RedactionTarget {
  RedactionKind kind = RedactionKind::kField;
  std::string field;    // kField: one of RedactableFields()
  std::int64_t id = 0;  // kNote, kAttachment
  std::string ToString() const;
};

// The complaint's fields that may be redacted, as targets name them.
const std::vector<std::string_view>& RedactableFields();

// The target and the reason, every offending field at once (kInvalidInput): `target` one of the
// forms above (kInvalidFormat, or kNotInList for an unknown field), `reason` required and at most
// kMaxRedactionReasonLength characters.
Result<RedactionTarget> CheckRedaction(std::string_view target, std::string_view reason);

// The field's current text in `complaint` (nullopt when it has none: no representative, no
// refusal), and the complaint with the field replaced by kRedactedText.
std::optional<std::string> RedactableText(const Complaint& complaint, std::string_view field);
Complaint RedactField(Complaint complaint, std::string_view field);

}  // namespace redress::core
