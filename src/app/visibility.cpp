#include "app/visibility.hpp"

#include <algorithm>
#include <utility>

#include "core/permissions.hpp"
#include "core/references.hpp"

namespace redress::app {
namespace {

void AddNamedIn(std::string_view text, std::vector<std::string>& references) {
  for (std::string& reference : core::ReferencesNamedIn(text)) {
    if (std::find(references.begin(), references.end(), reference) == references.end()) {
      references.push_back(std::move(reference));
    }
  }
}

// The record's references when it loaded, nullopt when it does not exist, an error otherwise.
template <typename Record>
Result<std::optional<std::vector<std::string>>> ConcernsOf(Result<Record> loaded) {
  if (!loaded) {
    if (loaded.error().code == core::ErrorCode::kNotFound) {
      return std::optional<std::vector<std::string>>();
    }
    return tl::unexpected(loaded.error());
  }
  return std::optional<std::vector<std::string>>(ConcernedReferences(*loaded));
}

}  // namespace

Actor PublicReader() { return Actor{"", core::Role::kViewer, "", Reach::kOwnTeam}; }

std::vector<std::string> ConcernedReferences(const core::Complaint& complaint) {
  return {complaint.reference};
}

std::vector<std::string> ConcernedReferences(const core::ServiceRequest& request) {
  if (request.complaint_reference.empty()) return {};
  return {request.complaint_reference};
}

std::vector<std::string> ConcernedReferences(const core::OmbudsmanCase& ombudsman_case) {
  return ombudsman_case.complaints;
}

std::vector<std::string> ConcernedReferences(const core::FailureOrder& order) {
  if (order.ombudsman_case.empty()) return {};
  return {order.ombudsman_case};
}

std::vector<std::string> ConcernedReferences(const core::LearningAction& action) {
  std::vector<std::string> references = action.complaints;
  if (!action.ombudsman_case.empty()) references.push_back(action.ombudsman_case);
  return references;
}

std::vector<std::string> ConcernedReferences(const CaseLink& link) { return {link.from, link.to}; }

std::vector<std::string> ConcernedReferences(const StoredEvent& event) {
  std::vector<std::string> references;
  AddNamedIn(event.entity_ref, references);
  AddNamedIn(event.event.summary, references);
  for (const core::Change& change : event.event.changes) {
    AddNamedIn(change.before, references);
    AddNamedIn(change.after, references);
  }
  return references;
}

Result<std::optional<std::vector<std::string>>> Visibility::Load(std::string_view reference) {
  auto kind = core::KindOfReference(reference);
  if (!kind) return std::optional<std::vector<std::string>>();
  switch (*kind) {
    case core::ReferenceKind::kComplaint:
      return ConcernsOf(tx_.Complaints().Load(reference));
    case core::ReferenceKind::kServiceRequest:
      return ConcernsOf(tx_.ServiceRequests().Load(reference));
    case core::ReferenceKind::kOmbudsmanCase:
      return ConcernsOf(tx_.Ombudsman().LoadCase(reference));
    case core::ReferenceKind::kFailureOrder:
      return ConcernsOf(tx_.Ombudsman().LoadFailureOrder(reference));
    case core::ReferenceKind::kLearningAction:
      return ConcernsOf(tx_.Learning().LoadAction(reference));
  }
  return std::optional<std::vector<std::string>>();
}

Result<bool> Visibility::SeesReference(std::string_view reference) {
  if (actor_.reach == Reach::kEverything) return true;
  if (auto known = seen_.find(reference); known != seen_.end()) return known->second;
  if (std::find(deciding_.begin(), deciding_.end(), reference) != deciding_.end()) return true;

  bool seen = true;
  if (core::KindOfReference(reference) == core::ReferenceKind::kComplaint) {
    // The rule itself: a complaint is seen by its teams, or by all when it is not restricted.
    auto complaint = tx_.Complaints().Load(reference);
    if (complaint) {
      seen = core::CanSee(actor_.team, *complaint);
    } else if (complaint.error().code != core::ErrorCode::kNotFound) {
      return tl::unexpected(complaint.error());
    }
  } else {
    auto concerns = Load(reference);
    if (!concerns) return tl::unexpected(concerns.error());
    if (*concerns) {
      deciding_.emplace_back(reference);
      for (const std::string& concerned : **concerns) {
        auto concerned_seen = SeesReference(concerned);
        if (!concerned_seen) {
          deciding_.pop_back();
          return concerned_seen;
        }
        if (!*concerned_seen) {
          seen = false;
          break;
        }
      }
      deciding_.pop_back();
    }
  }
  seen_.emplace(std::string(reference), seen);
  return seen;
}

void Visibility::Know(const core::Complaint& complaint) {
  // The rule of SeesReference, on the complaint in hand.
  seen_.emplace(complaint.reference, core::CanSee(actor_.team, complaint));
}

Result<bool> Visibility::Finds(std::string_view reference) {
  auto concerns = Load(reference);
  if (!concerns) return tl::unexpected(concerns.error());
  if (!*concerns) return false;
  return SeesReference(reference);
}

}  // namespace redress::app
