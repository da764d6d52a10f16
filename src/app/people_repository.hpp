#pragma once

// The people index's stored part (issue 20, core/people_index.hpp): staff decisions on the
// matches the rule proposes, one row per person and record, the latest decision (each decision is
// also an event on the record, so the history stays in the audit trail). The people themselves are
// computed on read from the records' contact details. Part of the ports (app/ports.hpp).

#include <string>
#include <string_view>
#include <vector>

#include "core/people_index.hpp"
#include "core/result.hpp"
#include "core/service_request.hpp"

namespace redress::app {

// The latest decision on whether a record names the person `person_id` (core::PersonIdOf).
struct PersonMatchRecord {
  std::string person_id;
  core::PersonRecordType record_type = core::PersonRecordType::kComplaint;
  std::string reference;
  core::PersonRole role = core::PersonRole::kComplainant;
  core::MatchState state = core::MatchState::kProposed;  // kProposed once a decision is undone
  std::string reason;
  std::string decided_by;
  std::string decided_at;  // RFC 3339, UTC
  friend bool operator==(const PersonMatchRecord&, const PersonMatchRecord&) = default;
};

class PeopleRepository {
 public:
  virtual ~PeopleRepository() = default;
  // The decisions on `person_id`'s matches, by record type, reference and role.
  virtual core::Result<std::vector<PersonMatchRecord>> DecisionsOf(std::string_view person_id) = 0;
  // Stores `record` as the decision on its person and record, replacing an earlier one.
  virtual core::Status SaveDecision(const PersonMatchRecord& record) = 0;
  // Every service request, most recent first (received_on, then reference, descending): their
  // requesters are matched in the application with the core's rule, as their contact details
  // carry no normalised keys of their own.
  virtual core::Result<std::vector<core::ServiceRequest>> ServiceRequests() = 0;
};

}  // namespace redress::app
