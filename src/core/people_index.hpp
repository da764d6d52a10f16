#pragma once

// The people index (issue 20, docs/data-protection.md "The people index"): which records name the
// same person. A person is named by the record it was found from ("CMP-2025-000001.complainant"):
// the index is computed on read from the records' contact details, matched with
// core/person_search.hpp's normalisation only, and staff decisions (confirm, reject, undo) are
// kept per person and record. Pure: no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/complaint.hpp"
#include "core/result.hpp"

namespace redress::core {

enum class PersonRecordType { kComplaint, kServiceRequest };
std::string_view ToString(PersonRecordType type);  // "complaint", "service_request"
std::optional<PersonRecordType> ParsePersonRecordType(std::string_view name);

enum class PersonRole { kComplainant, kRepresentative, kRequester };
std::string_view ToString(PersonRole role);  // "complainant", "representative", "requester"
std::optional<PersonRole> ParsePersonRole(std::string_view name);

// proposed: the rule matches and no one decided; confirmed / rejected: staff said so.
enum class MatchState { kProposed, kConfirmed, kRejected };
std::string_view ToString(MatchState state);  // "proposed", "confirmed", "rejected"
std::optional<MatchState> ParseMatchState(std::string_view name);

// What two records share: the normalised e-mail, phone, name with postcode (PersonKeyOf), or
// address (the postcode with the first address line).
enum class MatchKey { kEmail, kPhone, kNamePostcode, kAddress };
std::string_view ToString(MatchKey key);  // "email", "phone", "name_postcode", "address"

// One person as a record names them.
struct PersonRecord {
  PersonRecordType type = PersonRecordType::kComplaint;
  std::string reference;
  PersonRole role = PersonRole::kComplainant;
  Person person;
  friend bool operator==(const PersonRecord&, const PersonRecord&) = default;
};

// A person's id: the record and role it was found from, "<reference>.<role>". References hold
// no '.', so the id parses back (nullopt for anything else). The record type follows from the
// role: a requester is on a service request, the others on a complaint.
std::string PersonIdOf(std::string_view reference, PersonRole role);
struct PersonId {
  std::string reference;
  PersonRole role = PersonRole::kComplainant;
  PersonRecordType type() const {
    return role == PersonRole::kRequester ? PersonRecordType::kServiceRequest
                                          : PersonRecordType::kComplaint;
  }
};
std::optional<PersonId> ParsePersonId(std::string_view id);

// The keys two people share, in MatchKey order; empty when they are not the same person. A key
// counts only when both know it (an empty e-mail never matches an empty e-mail).
std::vector<MatchKey> SharedKeys(const Person& a, const Person& b);

// The address key: NormalisePostcode + "|" + FirstAddressLine, empty unless both are known.
std::string AddressKeyOf(const Person& person);

struct ProposedMatch {
  std::size_t candidate = 0;  // index into the candidates given
  std::vector<MatchKey> keys;
};
// The candidates that are the person `subject` names, each with the keys it shares, in the
// candidates' order. The record `subject` was found from (same type, reference and role) is left
// out, and so is a candidate listed twice (the first is kept).
std::vector<ProposedMatch> ProposeMatches(const PersonRecord& subject,
                                          const std::vector<PersonRecord>& candidates);

// A decision on one match as staff make it: confirm, reject, or undo the decision made.
enum class MatchAction { kConfirm, kReject, kUndo };
std::string_view ToString(MatchAction action);  // "confirm", "reject", "undo"
std::optional<MatchAction> ParseMatchAction(std::string_view name);
inline constexpr std::size_t kMaxMatchReasonLength = 2000;

// What a decision request holds, as typed (the names are the API's fields).
struct MatchDecisionInput {
  std::string action;
  std::string record_type;
  std::string reference;
  std::string role;
  std::string reason;
};
struct MatchDecision {
  MatchAction action = MatchAction::kConfirm;
  PersonRecordType record_type = PersonRecordType::kComplaint;
  std::string reference;
  PersonRole role = PersonRole::kComplainant;
  std::string reason;
};
// Every offending field at once: action, record_type and role not in their lists, reference and
// reason required (reason at most kMaxMatchReasonLength), role not one a record of that type has
// (a requester only on a service request).
Result<MatchDecision> CheckMatchDecision(const MatchDecisionInput& input);

// The state after `action` from `current`: kTransitionNotAllowed for confirming what is
// confirmed, rejecting what is rejected, or undoing where nothing was decided.
Result<MatchState> DecideMatch(MatchState current, MatchAction action);

}  // namespace redress::core
