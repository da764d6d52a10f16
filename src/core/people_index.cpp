#include "core/people_index.hpp"

#include <algorithm>
#include <cctype>

#include "core/enum_names.hpp"
#include "core/person_search.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<PersonRecordType, 2> kRecordTypeNames{{
    {PersonRecordType::kComplaint, "complaint"},
    {PersonRecordType::kServiceRequest, "service_request"},
}};
constexpr EnumNames<PersonRole, 3> kRoleNames{{
    {PersonRole::kComplainant, "complainant"},
    {PersonRole::kRepresentative, "representative"},
    {PersonRole::kRequester, "requester"},
}};
constexpr EnumNames<MatchState, 3> kStateNames{{
    {MatchState::kProposed, "proposed"},
    {MatchState::kConfirmed, "confirmed"},
    {MatchState::kRejected, "rejected"},
}};
constexpr EnumNames<MatchKey, 4> kKeyNames{{
    {MatchKey::kEmail, "email"},
    {MatchKey::kPhone, "phone"},
    {MatchKey::kNamePostcode, "name_postcode"},
    {MatchKey::kAddress, "address"},
}};
constexpr EnumNames<MatchAction, 3> kActionNames{{
    {MatchAction::kConfirm, "confirm"},
    {MatchAction::kReject, "reject"},
    {MatchAction::kUndo, "undo"},
}};

bool SameKnown(const std::string& a, const std::string& b) { return !a.empty() && a == b; }

bool Blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
}

}  // namespace

std::string_view ToString(PersonRecordType type) { return NameOf(kRecordTypeNames, type); }
std::optional<PersonRecordType> ParsePersonRecordType(std::string_view name) {
  return ParseName(kRecordTypeNames, name);
}
std::string_view ToString(PersonRole role) { return NameOf(kRoleNames, role); }
std::optional<PersonRole> ParsePersonRole(std::string_view name) {
  return ParseName(kRoleNames, name);
}
std::string_view ToString(MatchState state) { return NameOf(kStateNames, state); }
std::optional<MatchState> ParseMatchState(std::string_view name) {
  return ParseName(kStateNames, name);
}
std::string_view ToString(MatchKey key) { return NameOf(kKeyNames, key); }
std::string_view ToString(MatchAction action) { return NameOf(kActionNames, action); }
std::optional<MatchAction> ParseMatchAction(std::string_view name) {
  return ParseName(kActionNames, name);
}

std::string PersonIdOf(std::string_view reference, PersonRole role) {
  std::string id(reference);
  id += '.';
  id += ToString(role);
  return id;
}

std::optional<PersonId> ParsePersonId(std::string_view id) {
  const std::size_t dot = id.find('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  const std::string_view reference = id.substr(0, dot);
  const std::optional<PersonRole> role = ParsePersonRole(id.substr(dot + 1));
  if (!role) return std::nullopt;
  // Service request references begin "SR-"; every other record with a person is a complaint.
  const bool service_request = reference.starts_with("SR-");
  if (service_request != (*role == PersonRole::kRequester)) return std::nullopt;
  return PersonId{std::string(reference), *role};
}

std::string AddressKeyOf(const Person& person) {
  const std::string postcode = NormalisePostcode(person.postcode);
  const std::string line = FirstAddressLine(person.address);
  if (postcode.empty() || line.empty()) return "";
  return postcode + "|" + line;
}

std::vector<MatchKey> SharedKeys(const Person& a, const Person& b) {
  const PersonKey ka = PersonKeyOf(a);
  const PersonKey kb = PersonKeyOf(b);
  std::vector<MatchKey> keys;
  if (SameKnown(ka.email, kb.email)) keys.push_back(MatchKey::kEmail);
  if (SameKnown(ka.phone, kb.phone)) keys.push_back(MatchKey::kPhone);
  if (SameKnown(ka.name_postcode, kb.name_postcode)) keys.push_back(MatchKey::kNamePostcode);
  if (SameKnown(AddressKeyOf(a), AddressKeyOf(b))) keys.push_back(MatchKey::kAddress);
  return keys;
}

std::vector<ProposedMatch> ProposeMatches(const PersonRecord& subject,
                                          const std::vector<PersonRecord>& candidates) {
  std::vector<ProposedMatch> matches;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const PersonRecord& candidate = candidates[i];
    const auto same_record = [&](const PersonRecord& other) {
      return other.type == candidate.type && other.reference == candidate.reference &&
             other.role == candidate.role;
    };
    if (same_record(subject)) continue;
    if (std::any_of(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(i),
                    same_record)) {
      continue;
    }
    std::vector<MatchKey> keys = SharedKeys(subject.person, candidate.person);
    if (!keys.empty()) matches.push_back({i, std::move(keys)});
  }
  return matches;
}

Result<MatchDecision> CheckMatchDecision(const MatchDecisionInput& input) {
  FieldErrors errors;
  MatchDecision decision;
  if (auto action = ParseMatchAction(input.action)) {
    decision.action = *action;
  } else {
    errors.Add("action", "must be confirm, reject or undo", FieldErrorCode::kNotInList);
  }
  const std::optional<PersonRecordType> type = ParsePersonRecordType(input.record_type);
  if (type) {
    decision.record_type = *type;
  } else {
    errors.Add("record_type", "must be complaint or service_request", FieldErrorCode::kNotInList);
  }
  if (Blank(input.reference)) {
    errors.Add("reference", "The record's reference is required.", FieldErrorCode::kRequired);
  } else {
    decision.reference = input.reference;
  }
  if (auto role = ParsePersonRole(input.role)) {
    decision.role = *role;
    if (type && (*type == PersonRecordType::kServiceRequest) != (*role == PersonRole::kRequester)) {
      errors.Add("role",
                 "A service request names its requester; a complaint its complainant or "
                 "representative.",
                 FieldErrorCode::kInvalid);
    }
  } else {
    errors.Add("role", "must be complainant, representative or requester",
               FieldErrorCode::kNotInList);
  }
  if (Blank(input.reason)) {
    errors.Add("reason", "Say why the records are, or are not, the same person.",
               FieldErrorCode::kRequired);
  } else if (input.reason.size() > kMaxMatchReasonLength) {
    errors.Add("reason", "must be at most 2000 characters", FieldErrorCode::kTooLong);
  } else {
    decision.reason = input.reason;
  }
  if (!errors.empty()) return errors.ToError();
  return decision;
}

Result<MatchState> DecideMatch(MatchState current, MatchAction action) {
  switch (action) {
    case MatchAction::kConfirm:
      if (current == MatchState::kConfirmed) {
        return Fail(ErrorCode::kTransitionNotAllowed, "The match is confirmed already.");
      }
      return MatchState::kConfirmed;
    case MatchAction::kReject:
      if (current == MatchState::kRejected) {
        return Fail(ErrorCode::kTransitionNotAllowed, "The match is rejected already.");
      }
      return MatchState::kRejected;
    case MatchAction::kUndo:
      if (current == MatchState::kProposed) {
        return Fail(ErrorCode::kTransitionNotAllowed, "No decision on this match to undo.");
      }
      return MatchState::kProposed;
  }
  return MatchState::kProposed;
}

}  // namespace redress::core
