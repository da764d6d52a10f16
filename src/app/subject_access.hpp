#pragma once

// Subject access requests as records (issue 20, docs/data-protection.md): recorded, extended,
// completed or withdrawn by core/subject_access_request.hpp's rules, each change an event on
// entity subject_access_request. What a request is read as carries its due date and whether it is
// overdue, computed by the core's clock on the organisation's calendar as at today, never stored.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/ombudsman.hpp"
#include "core/subject_access_request.hpp"

namespace redress::app {

struct SubjectAccessView {
  core::SubjectAccessRequest request;
  core::Date clock_starts_on;
  core::Date due_on;
  bool overdue = false;
  // The request's events, oldest first: filled by GetSubjectAccessRequest only.
  std::vector<StoredEvent> history;
};

// Records a new request (status received). kInvalidInput naming every offending field
// (core::CheckNewSubjectAccessRequest).
Result<SubjectAccessView> CreateSubjectAccessRequest(Store& store, const Clock& clock,
                                                     const Actor& actor,
                                                     core::SubjectAccessRequest request);
// kNotFound for an unknown reference.
Result<SubjectAccessView> GetSubjectAccessRequest(Store& store, const Clock& clock,
                                                  std::string_view reference);
// Newest first; only those not completed nor withdrawn when `open_only`.
Result<std::vector<SubjectAccessView>> ListSubjectAccessRequests(Store& store, const Clock& clock,
                                                                 bool open_only = false);

// The steps take the version the caller read when it knows it (the API's If-Match):
// kStaleVersion when the request moved on since. kNotFound for an unknown reference.
Result<SubjectAccessView> ExtendSubjectAccessRequest(
    Store& store, const Clock& clock, const Actor& actor, std::string_view reference,
    const core::SubjectAccessExtension& extension,
    std::optional<std::int64_t> expected_version = {});
Result<SubjectAccessView> CompleteSubjectAccessRequest(
    Store& store, const Clock& clock, const Actor& actor, std::string_view reference,
    core::Date completed_on, std::optional<std::int64_t> expected_version = {});
Result<SubjectAccessView> WithdrawSubjectAccessRequest(
    Store& store, const Clock& clock, const Actor& actor, std::string_view reference,
    core::Date withdrawn_on, const std::string& reason,
    std::optional<std::int64_t> expected_version = {});

// The overdue requests as the dashboard's items (kind subject_access), for an actor who may
// manage them; none for anyone else. On `tx`'s snapshot.
Result<std::vector<core::OverdueItem>> OverdueSubjectAccessItems(Tx& tx, const Actor& actor,
                                                                 core::Date today);

}  // namespace redress::app
