#include "core/redaction.hpp"

#include <algorithm>
#include <charconv>

namespace redress::core {
namespace {

// The text a field names in `complaint`, or nullptr when it has none.
std::string* FieldText(Complaint& complaint, std::string_view field) {
  if (field == "summary") return &complaint.summary;
  if (field == "description") return &complaint.description;
  if (field == "desired_outcome") return &complaint.desired_outcome;
  auto person = [&](Person& p, std::string_view part) -> std::string* {
    if (part == "name") return &p.name;
    if (part == "email") return &p.email;
    if (part == "phone") return &p.phone;
    if (part == "address") return &p.address;
    if (part == "postcode") return &p.postcode;
    return nullptr;
  };
  constexpr std::string_view kComplainant = "complainant.";
  constexpr std::string_view kRepresentative = "representative.";
  if (field.starts_with(kComplainant)) {
    return person(complaint.complainant, field.substr(kComplainant.size()));
  }
  if (field.starts_with(kRepresentative)) {
    if (!complaint.representative) return nullptr;
    return person(*complaint.representative, field.substr(kRepresentative.size()));
  }
  if (field == "refusal.explanation") {
    return complaint.refusal ? &complaint.refusal->explanation : nullptr;
  }
  if (field == "withdrawal.reason") {
    return complaint.withdrawal ? &complaint.withdrawal->reason : nullptr;
  }
  return nullptr;
}

bool Blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

std::string RedactionTarget::ToString() const {
  switch (kind) {
    case RedactionKind::kField:
      return "field:" + field;
    case RedactionKind::kNote:
      return "note:" + std::to_string(id);
    case RedactionKind::kAttachment:
      return "attachment:" + std::to_string(id);
  }
  return {};
}

const std::vector<std::string_view>& RedactableFields() {
  static const std::vector<std::string_view> fields = {
      "summary",
      "description",
      "desired_outcome",
      "complainant.name",
      "complainant.email",
      "complainant.phone",
      "complainant.address",
      "complainant.postcode",
      "representative.name",
      "representative.email",
      "representative.phone",
      "representative.address",
      "representative.postcode",
      "refusal.explanation",
      "withdrawal.reason",
  };
  return fields;
}

Result<RedactionTarget> CheckRedaction(std::string_view target, std::string_view reason) {
  FieldErrors errors;
  RedactionTarget parsed;
  const std::size_t colon = target.find(':');
  const std::string_view kind = target.substr(0, colon);
  const std::string_view rest = colon == std::string_view::npos ? "" : target.substr(colon + 1);
  if (Blank(target)) {
    errors.Add("target", "is required", FieldErrorCode::kRequired);
  } else if (kind == "field") {
    const auto& fields = RedactableFields();
    if (std::find(fields.begin(), fields.end(), rest) == fields.end()) {
      errors.Add("target", "names no field that can be redacted: '" + std::string(rest) + "'",
                 FieldErrorCode::kNotInList);
    }
    parsed.kind = RedactionKind::kField;
    parsed.field = std::string(rest);
  } else if (kind == "note" || kind == "attachment") {
    parsed.kind = kind == "note" ? RedactionKind::kNote : RedactionKind::kAttachment;
    auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), parsed.id);
    if (rest.empty() || error != std::errc() || end != rest.data() + rest.size() || parsed.id < 1) {
      errors.Add("target", "must be note:ID or attachment:ID with a number",
                 FieldErrorCode::kInvalidFormat);
    }
  } else {
    errors.Add("target",
               "must be field:NAME, note:ID or attachment:ID, got '" + std::string(target) + "'",
               FieldErrorCode::kInvalidFormat);
  }
  if (Blank(reason)) {
    errors.Add("reason", "is required", FieldErrorCode::kRequired);
  } else if (reason.size() > kMaxRedactionReasonLength) {
    errors.Add("reason",
               "must be at most " + std::to_string(kMaxRedactionReasonLength) + " characters",
               FieldErrorCode::kTooLong);
  }
  if (!errors.empty()) return errors.ToError();
  return parsed;
}

std::optional<std::string> RedactableText(const Complaint& complaint, std::string_view field) {
  Complaint copy = complaint;
  const std::string* text = FieldText(copy, field);
  if (text == nullptr) return std::nullopt;
  return *text;
}

Complaint RedactField(Complaint complaint, std::string_view field) {
  if (std::string* text = FieldText(complaint, field); text != nullptr) {
    *text = std::string(kRedactedText);
  }
  return complaint;
}

}  // namespace redress::core
