#pragma once

// The one visibility rule for everything that concerns a complaint. A restricted complaint
// (core::CanSee: a children's statutory complaint, seen only by the teams that handled one of its
// stages) hides, from everyone else, every record that concerns it: the service request it was
// converted from, the Ombudsman cases about it, the failure orders about those cases, the learning
// actions raised from any of them, its notes and links, and every event that names one of them.
// Hidden means exactly what a reference that does not exist gets: kNotFound with the same words,
// absence from lists, counts, timelines and exports, and the same field error when named in an
// input. Published documents (the annual report) read as PublicReader(), which sees no restricted
// complaint, so they carry counts about restricted complaints but none of their text.
//
// A new record type joins the rule by declaring the references it concerns
// (ConcernedReferences); Visibility::Sees(record) does not compile for a type that has none.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/learning.hpp"
#include "core/ombudsman.hpp"
#include "core/service_request.hpp"

namespace redress::app {

// The reader of published documents: sees every unrestricted complaint and no restricted one.
Actor PublicReader();

// The references of the records each kind of record concerns. Visibility follows them
// transitively: a failure order concerns its Ombudsman case, which concerns its complaints.
std::vector<std::string> ConcernedReferences(const core::Complaint& complaint);
std::vector<std::string> ConcernedReferences(const core::ServiceRequest& request);
std::vector<std::string> ConcernedReferences(const core::OmbudsmanCase& ombudsman_case);
std::vector<std::string> ConcernedReferences(const core::FailureOrder& order);
std::vector<std::string> ConcernedReferences(const core::LearningAction& action);
std::vector<std::string> ConcernedReferences(const CaseLink& link);
// Every record an event names: its own entity (when it has a reference) and every reference in
// its summary and changes (core::ReferencesNamedIn).
std::vector<std::string> ConcernedReferences(const StoredEvent& event);

// What one actor sees, within one transaction. Remembers each record's answer, so a list or a
// timeline that names the same complaint many times loads it once. Not thread-safe; lives no
// longer than the transaction it was given.
class Visibility {
 public:
  Visibility(Tx& tx, const Actor& actor) : tx_(tx), actor_(actor) {}

  // Whether the actor sees the record `reference` names (any kind of reference). A reference
  // that names no record, or is not a reference, hides nothing: true.
  Result<bool> SeesReference(std::string_view reference);

  // Whether the actor sees every record `record` concerns.
  template <typename Record>
  Result<bool> Sees(const Record& record) {
    for (const std::string& reference : ConcernedReferences(record)) {
      auto seen = SeesReference(reference);
      if (!seen || !*seen) return seen;
    }
    return true;
  }

  // Learns what the actor sees of `complaint`, loaded already in this transaction, so that the
  // records naming it (its timeline's events) do not load it again.
  void Know(const core::Complaint& complaint);

  // Whether `reference` names an existing record of its kind that the actor sees: what an input
  // naming a record is checked with, so a hidden record and a missing one answer alike.
  Result<bool> Finds(std::string_view reference);

  // `records` without those the actor may not see, in their order.
  template <typename Record>
  Result<std::vector<Record>> Filter(std::vector<Record> records) {
    std::vector<Record> kept;
    kept.reserve(records.size());
    for (Record& record : records) {
      auto seen = Sees(record);
      if (!seen) return tl::unexpected(seen.error());
      if (*seen) kept.push_back(std::move(record));
    }
    return kept;
  }

  // kNotFound worded `not_found` (as for a record that does not exist) unless the actor sees
  // every record `record` concerns.
  template <typename Record>
  Status Require(const Record& record, const std::string& not_found) {
    auto seen = Sees(record);
    if (!seen) return tl::unexpected(seen.error());
    if (!*seen) return core::Fail(core::ErrorCode::kNotFound, not_found);
    return {};
  }

 private:
  // Whether the record exists and what it concerns; nullopt when it does not exist.
  Result<std::optional<std::vector<std::string>>> Load(std::string_view reference);

  Tx& tx_;
  const Actor& actor_;
  std::map<std::string, bool, std::less<>> seen_;
  // References being decided, so a cycle of records naming each other cannot recurse forever.
  std::vector<std::string> deciding_;
};

}  // namespace redress::app
