#include "core/letter.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "core/enum_names.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<LetterType, 8> kLetterTypeNames{{
    {LetterType::kAcknowledgement, "acknowledgement"},
    {LetterType::kExtensionNotice, "extension_notice"},
    {LetterType::kStageResponse, "stage_response"},
    {LetterType::kNotAccepted, "not_accepted"},
    {LetterType::kEscalationDeclined, "escalation_declined"},
    {LetterType::kActionsUpdate, "actions_update"},
    {LetterType::kPhoneResolution, "phone_resolution"},
    {LetterType::kFreeLetter, "free_letter"},
}};

constexpr EnumNames<LetterPart, 16> kLetterPartNames{{
    {LetterPart::kComplaintDefinition, "complaint_definition"},
    {LetterPart::kOutcomeSought, "outcome_sought"},
    {LetterPart::kNotResponsibleFor, "not_responsible_for"},
    {LetterPart::kResponseDate, "response_date"},
    {LetterPart::kExtensionReason, "extension_reason"},
    {LetterPart::kNewDate, "new_date"},
    {LetterPart::kDecisions, "decisions"},
    {LetterPart::kReasons, "reasons"},
    {LetterPart::kRemedies, "remedies"},
    {LetterPart::kOutstandingActions, "outstanding_actions"},
    {LetterPart::kEscalation, "escalation"},
    {LetterPart::kOmbudsman, "ombudsman"},
    {LetterPart::kRefusalExplanation, "refusal_explanation"},
    {LetterPart::kProgress, "progress"},
    {LetterPart::kResolution, "resolution"},
    {LetterPart::kBody, "body"},
}};

constexpr EnumNames<PreferredChannel, 3> kPreferredChannelNames{{
    {PreferredChannel::kEmail, "email"},
    {PreferredChannel::kPost, "post"},
    {PreferredChannel::kBoth, "both"},
}};

constexpr EnumNames<Vulnerability, 7> kVulnerabilityNames{{
    {Vulnerability::kDisability, "disability"},
    {Vulnerability::kMentalHealth, "mental_health"},
    {Vulnerability::kAge, "age"},
    {Vulnerability::kLanguage, "language"},
    {Vulnerability::kDomesticAbuse, "domestic_abuse"},
    {Vulnerability::kBereavement, "bereavement"},
    {Vulnerability::kOther, "other"},
}};

constexpr EnumNames<LetterFormat, 3> kLetterFormatNames{{
    {LetterFormat::kStandard, "standard"},
    {LetterFormat::kLargePrint, "large_print"},
    {LetterFormat::kEasyRead, "easy_read"},
}};

// The Ombudsmen's contact blocks (rules file section 11, [V] from their websites). The Housing
// Ombudsman's banner: from 13 January 2026 it no longer accepts new case enquiries by email, so
// its block splits on that date. Time limits: HO 12 months after the final response; the LGSCO
// normally 12 months from when the complainant knew of the matter.
constexpr Date kHousingOmbudsmanNoEmail = Date::FromDaysSinceEpoch(20466);  // 2026-01-13
constexpr Date kTableStart = Date::FromDaysSinceEpoch(19723);               // 2024-01-01

const std::vector<OmbudsmanContact>& CompiledContacts() {
  static const std::vector<OmbudsmanContact> contacts{
      {Ombudsman::kHousingOmbudsman, kTableStart, "Housing Ombudsman Service",
       "https://www.housing-ombudsman.org.uk/residents/make-a-complaint/", "0300 111 3000",
       "PO Box 1484, Unit D, Preston PR2 0ET", "info@housing-ombudsman.org.uk",
       "You can refer your complaint to the Housing Ombudsman within 12 months of our final "
       "response.",
       "housing-ombudsman.org.uk, contact page"},
      {Ombudsman::kHousingOmbudsman, kHousingOmbudsmanNoEmail, "Housing Ombudsman Service",
       "https://www.housing-ombudsman.org.uk/residents/make-a-complaint/", "0300 111 3000",
       "PO Box 1484, Unit D, Preston PR2 0ET", "",
       "You can refer your complaint to the Housing Ombudsman within 12 months of our final "
       "response.",
       "housing-ombudsman.org.uk banner: no new case enquiries by email from 13 January 2026"},
      {Ombudsman::kLgsco, kTableStart, "Local Government and Social Care Ombudsman",
       "https://www.lgo.org.uk/make-a-complaint", "0300 061 0614", "PO Box 4771, Coventry", "",
       "You should normally contact the Ombudsman within 12 months of when you first knew of the "
       "matter.",
       "lgo.org.uk, contact page"},
  };
  return contacts;
}

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isspace(c) != 0; });
}

// Parts a type may carry beyond its required ones.
std::vector<LetterPart> OptionalParts(const LetterContext& context) {
  switch (context.type) {
    case LetterType::kAcknowledgement:
      return {LetterPart::kNotResponsibleFor};
    case LetterType::kStageResponse:
      // One template serves every stage: the escalation and the Ombudsman block are each
      // required at some stage, so either may appear (and renders empty where not required).
      return {LetterPart::kRemedies, LetterPart::kOutstandingActions, LetterPart::kEscalation,
              LetterPart::kOmbudsman};
    case LetterType::kPhoneResolution:
      return {LetterPart::kRemedies, LetterPart::kOutstandingActions};
    case LetterType::kActionsUpdate:
      return {LetterPart::kOutstandingActions};
    case LetterType::kExtensionNotice:
    case LetterType::kNotAccepted:
    case LetterType::kEscalationDeclined:
    case LetterType::kFreeLetter:
      break;
  }
  return {};
}

}  // namespace

std::string_view ToString(LetterType type) { return NameOf(kLetterTypeNames, type); }
std::optional<LetterType> ParseLetterType(std::string_view name) {
  return ParseName(kLetterTypeNames, name);
}
std::string_view ToString(LetterPart part) { return NameOf(kLetterPartNames, part); }
std::optional<LetterPart> ParseLetterPart(std::string_view name) {
  return ParseName(kLetterPartNames, name);
}
std::string_view ToString(PreferredChannel channel) {
  return NameOf(kPreferredChannelNames, channel);
}
std::optional<PreferredChannel> ParsePreferredChannel(std::string_view name) {
  return ParseName(kPreferredChannelNames, name);
}
std::string_view ToString(Vulnerability vulnerability) {
  return NameOf(kVulnerabilityNames, vulnerability);
}
std::optional<Vulnerability> ParseVulnerability(std::string_view name) {
  return ParseName(kVulnerabilityNames, name);
}

bool HasNeeds(const ContactPreferences& preferences) {
  return preferences.format != LetterFormat::kStandard || !IsBlank(preferences.adjustments) ||
         !preferences.vulnerabilities.empty() || !IsBlank(preferences.vulnerability_note);
}

std::string JoinVulnerabilities(std::span<const Vulnerability> vulnerabilities) {
  std::string joined;
  for (Vulnerability vulnerability : vulnerabilities) {
    if (!joined.empty()) joined += ',';
    joined += ToString(vulnerability);
  }
  return joined;
}

std::vector<Vulnerability> SplitVulnerabilities(std::string_view joined) {
  std::vector<Vulnerability> found;
  for (Vulnerability vulnerability : kAllVulnerabilities) {
    std::string_view rest = joined;
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      if (rest.substr(0, comma) == ToString(vulnerability)) {
        found.push_back(vulnerability);
        break;
      }
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  return found;
}

std::string_view ToString(LetterFormat format) { return NameOf(kLetterFormatNames, format); }
std::optional<LetterFormat> ParseLetterFormat(std::string_view name) {
  return ParseName(kLetterFormatNames, name);
}

PartSource SourceOf(LetterPart part) {
  switch (part) {
    case LetterPart::kResponseDate:
    case LetterPart::kNewDate:
    case LetterPart::kOmbudsman:
      return PartSource::kCase;
    default:
      return PartSource::kHandler;
  }
}

bool IsFinalResponse(const LetterContext& context) {
  return context.type == LetterType::kStageResponse && IsFinalStage(context.regime, context.stage);
}

std::vector<LetterPart> RequiredParts(const LetterContext& context) {
  switch (context.type) {
    case LetterType::kAcknowledgement: {
      std::vector<LetterPart> parts{LetterPart::kComplaintDefinition, LetterPart::kOutcomeSought};
      // LGSCO Code 6.7 [V]: say which aspects the organisation is and is not responsible for.
      if (context.regime == Regime::kCorporate) parts.push_back(LetterPart::kNotResponsibleFor);
      parts.push_back(LetterPart::kResponseDate);
      return parts;
    }
    case LetterType::kExtensionNotice:
      // HO 6.5 "must", LGSCO 6.5 "should": the Ombudsman's details with every extension.
      return {LetterPart::kExtensionReason, LetterPart::kNewDate, LetterPart::kOmbudsman};
    case LetterType::kStageResponse:
      if (IsFinalResponse(context)) {
        return {LetterPart::kComplaintDefinition, LetterPart::kDecisions, LetterPart::kReasons,
                LetterPart::kOmbudsman};
      }
      return {LetterPart::kComplaintDefinition, LetterPart::kDecisions, LetterPart::kReasons,
              LetterPart::kEscalation};
    case LetterType::kNotAccepted:
      return {LetterPart::kRefusalExplanation, LetterPart::kOmbudsman};
    case LetterType::kEscalationDeclined:
      return {LetterPart::kReasons, LetterPart::kOmbudsman};
    case LetterType::kActionsUpdate:
      return {LetterPart::kProgress};
    case LetterType::kPhoneResolution:
      return {LetterPart::kResolution, LetterPart::kEscalation};
    case LetterType::kFreeLetter:
      return {LetterPart::kBody};
  }
  return {};
}

bool AllowsPart(const LetterContext& context, LetterPart part) {
  auto required = RequiredParts(context);
  auto optional = OptionalParts(context);
  return std::find(required.begin(), required.end(), part) != required.end() ||
         std::find(optional.begin(), optional.end(), part) != optional.end();
}

bool HasPart(const LetterParts& parts, LetterPart part) {
  switch (part) {
    case LetterPart::kComplaintDefinition:
      return !IsBlank(parts.complaint_definition);
    case LetterPart::kOutcomeSought:
      return !IsBlank(parts.outcome_sought);
    case LetterPart::kNotResponsibleFor:
      return !IsBlank(parts.not_responsible_for);
    case LetterPart::kResponseDate:
      return parts.response_date.has_value();
    case LetterPart::kExtensionReason:
      return !IsBlank(parts.extension_reason);
    case LetterPart::kNewDate:
      return parts.new_date.has_value();
    case LetterPart::kDecisions:
      return !IsBlank(parts.decisions);
    case LetterPart::kReasons:
      return !IsBlank(parts.reasons);
    case LetterPart::kRemedies:
      return !IsBlank(parts.remedies);
    case LetterPart::kOutstandingActions:
      return !parts.outstanding_actions.empty();
    case LetterPart::kEscalation:
      return !IsBlank(parts.escalation);
    case LetterPart::kOmbudsman:
      return parts.ombudsman;
    case LetterPart::kRefusalExplanation:
      return !IsBlank(parts.refusal_explanation);
    case LetterPart::kProgress:
      return !IsBlank(parts.progress);
    case LetterPart::kResolution:
      return !IsBlank(parts.resolution);
    case LetterPart::kBody:
      return !IsBlank(parts.body);
  }
  return false;
}

void DropInapplicableParts(const LetterContext& context, LetterParts& parts) {
  if (IsFinalResponse(context)) parts.escalation.clear();
}

Status CheckLetter(const LetterContext& context, const LetterParts& parts) {
  FieldErrors errors;
  for (LetterPart part : RequiredParts(context)) {
    if (!HasPart(parts, part)) {
      errors.Add("parts." + std::string(ToString(part)),
                 "the " + std::string(ToString(context.type)) + " letter must contain this part",
                 FieldErrorCode::kRequired);
    }
  }
  for (std::size_t i = 0; i < parts.outstanding_actions.size(); ++i) {
    const LetterAction& action = parts.outstanding_actions[i];
    std::string prefix = "parts.outstanding_actions[" + std::to_string(i) + "].";
    if (IsBlank(action.description)) {
      errors.Add(prefix + "description", "an outstanding action says what will be done",
                 FieldErrorCode::kRequired);
    }
    if (!action.due_on) {
      errors.Add(prefix + "due_on", "an outstanding action has the date it will be done by",
                 FieldErrorCode::kRequired);
    }
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

std::span<const OmbudsmanContact> OmbudsmanContacts() { return CompiledContacts(); }

std::vector<OmbudsmanContact> ConfiguredOmbudsmanContacts(std::span<const OmbudsmanContact> added) {
  std::vector<OmbudsmanContact> contacts(CompiledContacts());
  contacts.insert(contacts.end(), added.begin(), added.end());
  return contacts;
}

Ombudsman OmbudsmanFor(Regime regime) { return RulesFor(regime).ombudsman; }

const OmbudsmanContact& OmbudsmanContactOn(std::span<const OmbudsmanContact> contacts,
                                           Ombudsman ombudsman, Date issued_on) {
  const OmbudsmanContact* in_force = nullptr;
  const OmbudsmanContact* earliest = nullptr;
  for (const OmbudsmanContact& contact : contacts) {
    if (contact.ombudsman != ombudsman) continue;
    if (earliest == nullptr || contact.valid_from < earliest->valid_from) earliest = &contact;
    if (contact.valid_from <= issued_on &&
        (in_force == nullptr || contact.valid_from >= in_force->valid_from)) {
      in_force = &contact;
    }
  }
  // The earliest block also covers dates before the list starts.
  if (in_force == nullptr) in_force = earliest;
  if (in_force == nullptr) return CompiledContacts().front();  // precondition broken: never here
  return *in_force;
}

Date HousingOmbudsmanNoEmailFrom() { return kHousingOmbudsmanNoEmail; }

Status CheckOmbudsmanContact(const OmbudsmanContact& contact, Date today) {
  FieldErrors errors;
  if (contact.valid_from < today) {
    errors.Add("valid_from",
               "must be today or later: a block in force is never changed, add one that takes "
               "over from a date",
               FieldErrorCode::kDateTooEarly);
  }
  if (IsBlank(contact.name)) errors.Add("name", "is required", FieldErrorCode::kRequired);
  if (IsBlank(contact.phone) && IsBlank(contact.web_form) && IsBlank(contact.postal_address)) {
    errors.Add("phone", "give at least a phone number, a web form or a postal address",
               FieldErrorCode::kRequired);
  }
  if (IsBlank(contact.time_limit)) {
    errors.Add("time_limit", "is required", FieldErrorCode::kRequired);
  }
  if (contact.ombudsman == Ombudsman::kHousingOmbudsman &&
      contact.valid_from >= kHousingOmbudsmanNoEmail && !IsBlank(contact.email)) {
    errors.Add("email",
               "must be empty: the Housing Ombudsman takes no new cases by email from 13 January "
               "2026",
               FieldErrorCode::kInvalid);
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

ContactPreferences DefaultContactPreferences(const Person& complainant) {
  ContactPreferences preferences;
  preferences.channel =
      IsBlank(complainant.email) ? PreferredChannel::kPost : PreferredChannel::kEmail;
  return preferences;
}

Status CheckContactPreferences(const ContactPreferences& preferences, const Person& complainant) {
  FieldErrors errors;
  bool wants_email = preferences.channel != PreferredChannel::kPost;
  bool wants_post = preferences.channel != PreferredChannel::kEmail;
  if (wants_email && IsBlank(complainant.email)) {
    errors.Add("contact_preferences.channel", "email needs the complainant's email address",
               FieldErrorCode::kInvalid);
  } else if (wants_post && IsBlank(complainant.address)) {
    errors.Add("contact_preferences.channel", "post needs the complainant's postal address",
               FieldErrorCode::kInvalid);
  }
  if (IsBlank(preferences.language)) {
    errors.Add("contact_preferences.language", "a language is required", FieldErrorCode::kRequired);
  }
  if (preferences.adjustments.size() > kMaxNeedsTextLength) {
    errors.Add("contact_preferences.adjustments",
               "must be at most " + std::to_string(kMaxNeedsTextLength) + " characters",
               FieldErrorCode::kTooLong);
  }
  if (preferences.vulnerability_note.size() > kMaxNeedsTextLength) {
    errors.Add("contact_preferences.vulnerability_note",
               "must be at most " + std::to_string(kMaxNeedsTextLength) + " characters",
               FieldErrorCode::kTooLong);
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

double FontSizePoints(LetterFormat format) {
  switch (format) {
    case LetterFormat::kStandard:
      return kStandardLetterPoints;
    case LetterFormat::kLargePrint:
    case LetterFormat::kEasyRead:
      return kLargePrintLetterPoints;
  }
  return kStandardLetterPoints;
}

std::optional<LetterType> DueLetter(const Complaint& complaint) {
  switch (complaint.status) {
    case CaseStatus::kAwaitingAcknowledgement:
      return LetterType::kAcknowledgement;
    case CaseStatus::kInProgress:
      return LetterType::kStageResponse;
    case CaseStatus::kNotAccepted:
      return LetterType::kNotAccepted;
    case CaseStatus::kResponded:
    case CaseStatus::kClosed:
    case CaseStatus::kWithdrawn:
      break;
  }
  return std::nullopt;
}

}  // namespace redress::core
