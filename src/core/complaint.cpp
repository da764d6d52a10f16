#include "core/complaint.hpp"

#include "core/enum_names.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<Channel, 7> kChannelNames{{
    {Channel::kPhone, "phone"},
    {Channel::kEmail, "email"},
    {Channel::kLetter, "letter"},
    {Channel::kInPerson, "in_person"},
    {Channel::kWebForm, "web_form"},
    {Channel::kSocialMedia, "social_media"},
    {Channel::kOnline, "online"},
}};

constexpr EnumNames<CaseStatus, 6> kCaseStatusNames{{
    {CaseStatus::kAwaitingAcknowledgement, "awaiting_acknowledgement"},
    {CaseStatus::kInProgress, "in_progress"},
    {CaseStatus::kResponded, "responded"},
    {CaseStatus::kClosed, "closed"},
    {CaseStatus::kNotAccepted, "not_accepted"},
    {CaseStatus::kWithdrawn, "withdrawn"},
}};

constexpr EnumNames<Outcome, 3> kOutcomeNames{{
    {Outcome::kUpheld, "upheld"},
    {Outcome::kPartlyUpheld, "partly_upheld"},
    {Outcome::kNotUpheld, "not_upheld"},
}};

constexpr EnumNames<RemedyType, 9> kRemedyTypeNames{{
    {RemedyType::kApology, "apology"},
    {RemedyType::kAcknowledgeFault, "acknowledge_fault"},
    {RemedyType::kExplanation, "explanation"},
    {RemedyType::kActionOnDelay, "action_on_delay"},
    {RemedyType::kChangeOfDecision, "change_of_decision"},
    {RemedyType::kAmendRecord, "amend_record"},
    {RemedyType::kFinancial, "financial"},
    {RemedyType::kWorks, "works"},
    {RemedyType::kChangeOfPolicy, "change_of_policy"},
}};

constexpr EnumNames<RefusalReason, 4> kRefusalReasonNames{{
    {RefusalReason::kOlderThan12Months, "older_than_12_months"},
    {RefusalReason::kLegalProceedings, "legal_proceedings"},
    {RefusalReason::kPreviouslyConsidered, "previously_considered"},
    {RefusalReason::kOther, "other"},
}};

constexpr EnumNames<ActionStatus, 2> kActionStatusNames{{
    {ActionStatus::kOpen, "open"},
    {ActionStatus::kDone, "done"},
}};

}  // namespace

std::string_view ToString(Channel value) { return NameOf(kChannelNames, value); }
std::optional<Channel> ParseChannel(std::string_view name) {
  return ParseName(kChannelNames, name);
}

std::string_view ToString(CaseStatus value) { return NameOf(kCaseStatusNames, value); }
std::optional<CaseStatus> ParseCaseStatus(std::string_view name) {
  return ParseName(kCaseStatusNames, name);
}

bool IsOpen(CaseStatus status) {
  return status == CaseStatus::kAwaitingAcknowledgement || status == CaseStatus::kInProgress;
}

std::string_view ToString(Outcome value) { return NameOf(kOutcomeNames, value); }
std::optional<Outcome> ParseOutcome(std::string_view name) {
  return ParseName(kOutcomeNames, name);
}

std::string_view ToString(RemedyType value) { return NameOf(kRemedyTypeNames, value); }
std::optional<RemedyType> ParseRemedyType(std::string_view name) {
  return ParseName(kRemedyTypeNames, name);
}

std::string_view ToString(RefusalReason value) { return NameOf(kRefusalReasonNames, value); }
std::optional<RefusalReason> ParseRefusalReason(std::string_view name) {
  return ParseName(kRefusalReasonNames, name);
}

std::string_view ToString(ActionStatus value) { return NameOf(kActionStatusNames, value); }
std::optional<ActionStatus> ParseActionStatus(std::string_view name) {
  return ParseName(kActionStatusNames, name);
}

std::int64_t CompensationPence(const Response& response) {
  std::int64_t total = 0;
  for (const Remedy& remedy : response.remedies) {
    if (remedy.type == RemedyType::kFinancial) total += remedy.amount_pence;
  }
  return total;
}

std::string DescribeResponse(const Response& response) {
  constexpr std::int64_t kPenceInPound = 100;
  constexpr std::int64_t kTwoDigits = 10;
  std::string text = response.responded_on.ToIso() + ": " + std::string(ToString(response.outcome));
  const std::int64_t pence = CompensationPence(response);
  if (pence > 0) {
    const std::int64_t cents = pence % kPenceInPound;
    text += ", \u00a3" + std::to_string(pence / kPenceInPound) + "." +
            (cents < kTwoDigits ? "0" : "") + std::to_string(cents) + " compensation";
  }
  return text;
}

}  // namespace redress::core
