#include "core/subject_access_bundle.hpp"

#include <charconv>
#include <string>

#include "core/enum_names.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<HeldItemKind, 4> kHeldItemKindNames{{
    {HeldItemKind::kComplaint, "complaint"},
    {HeldItemKind::kNote, "note"},
    {HeldItemKind::kLetter, "letter"},
    {HeldItemKind::kAttachment, "attachment"},
}};

std::optional<std::int64_t> PositiveNumber(std::string_view text) {
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size() || number <= 0) return std::nullopt;
  return number;
}

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

std::string_view ToString(HeldItemKind kind) { return NameOf(kHeldItemKindNames, kind); }

std::optional<HeldItemKind> ParseHeldItemKind(std::string_view name) {
  return ParseName(kHeldItemKindNames, name);
}

std::string ItemName(const HeldItem& item) {
  std::string name(ToString(item.kind));
  name += ':';
  switch (item.kind) {
    case HeldItemKind::kComplaint:
      return name + item.complaint_reference;
    case HeldItemKind::kNote:
    case HeldItemKind::kLetter:
      return name + item.complaint_reference + "/" + std::to_string(item.number);
    case HeldItemKind::kAttachment:
      return name + std::to_string(item.number);
  }
  return name;
}

Result<HeldItem> ParseItemName(std::string_view name) {
  const auto refuse = [name] {
    return FailField("item",
                     "'" + std::string(name) +
                         "' is not an item: complaint:REF, note:REF/ID, letter:REF/NUMBER or "
                         "attachment:ID",
                     FieldErrorCode::kInvalidFormat);
  };
  const std::size_t colon = name.find(':');
  if (colon == std::string_view::npos) return refuse();
  const std::optional<HeldItemKind> kind = ParseHeldItemKind(name.substr(0, colon));
  if (!kind) return refuse();
  const std::string_view rest = name.substr(colon + 1);
  HeldItem item{*kind, "", 0};
  if (*kind == HeldItemKind::kAttachment) {
    const std::optional<std::int64_t> id = PositiveNumber(rest);
    if (!id) return refuse();
    item.number = *id;
    return item;
  }
  const std::size_t slash = rest.find('/');
  if (*kind == HeldItemKind::kComplaint) {
    if (rest.empty() || slash != std::string_view::npos) return refuse();
    item.complaint_reference = std::string(rest);
    return item;
  }
  if (slash == std::string_view::npos || slash == 0) return refuse();
  const std::optional<std::int64_t> number = PositiveNumber(rest.substr(slash + 1));
  if (!number) return refuse();
  item.complaint_reference = std::string(rest.substr(0, slash));
  item.number = *number;
  return item;
}

Status CheckWithholding(std::string_view item, std::string_view reason) {
  FieldErrors errors;
  if (auto parsed = ParseItemName(item); !parsed) {
    for (const FieldError& field : parsed.error().fields) {
      errors.Add(field.field, field.message, field.code);
    }
  }
  if (IsBlank(reason)) {
    errors.Add("reason", "say why the item is withheld", FieldErrorCode::kRequired);
  } else if (reason.size() > kMaxWithholdingReasonLength) {
    errors.Add("reason", "at most " + std::to_string(kMaxWithholdingReasonLength) + " characters",
               FieldErrorCode::kTooLong);
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

std::string Article15Information(std::string_view organisation) {
  const std::string who(organisation.empty() ? "The council" : organisation);
  return "# Your rights and how we use your information (UK GDPR Article 15)\n"
         "\n"
         "# Why we hold it\n" +
         who +
         " holds the information in this bundle to handle your complaints and service requests: "
         "to investigate and answer them, to put things right, to learn from them, and to report "
         "on complaints to the Housing Ombudsman, the Local Government and Social Care Ombudsman "
         "and the public as the law and their codes require. The lawful basis is the performance "
         "of a task in the public interest and our legal obligations (UK GDPR Article 6(1)(e) and "
         "(c)); information about health, disability or children is processed for reasons of "
         "substantial public interest (Data Protection Act 2018, Schedule 1).\n"
         "\n"
         "# Who receives it\n"
         "The staff who handle your case and their managers; the service that the complaint is "
         "about; an Ombudsman when your complaint is referred to one; our mail and printing "
         "providers for the letters we send. Statistics we publish do not name you.\n"
         "\n"
         "# How long we keep it\n"
         "Complaint records are kept for six years after the case is closed, longer where the law "
         "requires it (records about children), and while an Ombudsman case, legal proceedings or "
         "a related complaint is open. Then the personal information is disposed of and only "
         "figures without names are kept.\n"
         "\n"
         "# Where it came from\n"
         "From you, from the people who represent you, and from the staff who handled your case.\n"
         "\n"
         "# Your rights\n"
         "You have the right to ask us to correct information that is wrong (rectification), to "
         "erase it, to restrict how we use it, and to object to our use of it. No decision about "
         "you is made by automated means alone. If you are unhappy with how we handled your "
         "information, you can complain to the Information Commissioner's Office (ico.org.uk, "
         "0303 123 1113).\n"
         "\n"
         "# What was withheld\n"
         "Information about other people is withheld where disclosing it would reveal them and it "
         "is not reasonable to disclose it without their consent (Data Protection Act 2018, "
         "Schedule 2, paragraph 16). The manifest of this bundle lists every item withheld and "
         "why.\n";
}

}  // namespace redress::core
