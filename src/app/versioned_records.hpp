#pragma once

// The shape shared by the use cases that record and update the versioned records around the
// complaints (Ombudsman cases, failure orders, learning actions): validate, save in one
// transaction with the expected version, and append one audit event with every changed field
// before and after. Internal to redress::app.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "app/store_values.hpp"
#include "app/visibility.hpp"
#include "core/ombudsman.hpp"

namespace redress::app {

// Each complaint named exists, is visible to the actor (LoadVisibleComplaint) and is named once;
// else kInvalidInput naming "complaints[i]" for each that is not.
Status CheckComplaints(Tx& tx, const Actor& actor, const std::vector<std::string>& complaints);

// How one kind of record is stored and recorded in the audit trail.
template <typename Record>
struct VersionedKind {
  EntityType entity;
  core::EventType recorded;
  core::EventType updated;
  std::string_view what;  // "Ombudsman case", as the audit trail names it
  // As a missing one is named ("no <noun> <reference>"), so that a hidden record is answered in
  // exactly the words of one that does not exist.
  std::string_view noun;
  // The record's repository operations on a transaction (captureless lambdas that ask the
  // record's repository, e.g. tx.Ombudsman().InsertCase).
  Result<Record> (*insert)(Tx&, Record, int);
  Result<Record> (*update)(Tx&, Record, std::int64_t);
  Result<Record> (*load)(Tx&, std::string_view);
};

// kNotFound (as if it did not exist) unless the actor may see every record `record` concerns
// (Visibility).
template <typename Record>
Status RequireVisible(Tx& tx, const Actor& actor, const VersionedKind<Record>& kind,
                      const Record& record) {
  Visibility visibility(tx, actor);
  return visibility.Require(record, "no " + std::string(kind.noun) + " " + record.reference);
}

// A record named by `field` of an input (an Ombudsman case named by a learning action or a
// failure order) must exist and be visible to the actor; a hidden one gets exactly the field
// error of a missing one, so an input cannot test for a record's existence.
Status CheckNamedRecord(Tx& tx, const Actor& actor, std::string_view field, std::string_view what,
                        const std::string& reference);

// The record `reference` on a read snapshot, when the actor may see it (RequireVisible).
template <typename Record>
Result<Record> GetVisible(Store& store, const Actor& actor, const VersionedKind<Record>& kind,
                          std::string_view reference) {
  return ReadValue<Record>(store, [&](Tx& tx) -> Result<Record> {
    auto record = kind.load(tx, reference);
    if (!record) return record;
    if (Status visible = RequireVisible(tx, actor, kind, *record); !visible) {
      return tl::unexpected(visible.error());
    }
    return record;
  });
}

// Saves `record`: a new one when expected_version is nullopt (numbered in today's year), else the
// replacement of record.reference at that version. Before saving, check(tx, before, record) may
// refuse it (before is the stored record, nullopt for a new one); after saving, after(tx, before,
// saved) may append further events. The record's own event carries the changed fields.
template <typename Record, typename Check, typename After>
Result<Record> SaveVersioned(Store& store, const Clock& clock, const Actor& actor,
                             const VersionedKind<Record>& kind, Record record,
                             std::optional<std::int64_t> expected_version, Check&& check,
                             After&& after) {
  const core::Date today = clock.Today();
  return WriteValue<Record>(store, [&](Tx& tx) -> Result<Record> {
    std::optional<Record> before;
    if (expected_version) {
      auto stored = kind.load(tx, record.reference);
      if (!stored) return stored;
      before = std::move(*stored);
    }
    if (Status checked = check(tx, before, record); !checked) {
      return tl::unexpected(checked.error());
    }
    auto saved = expected_version ? kind.update(tx, record, *expected_version)
                                  : kind.insert(tx, record, today.year());
    if (!saved) return saved;
    const core::FieldValues old_fields = before ? core::FieldsOf(*before) : core::FieldValues{};
    core::CaseEvent event{before ? kind.updated : kind.recorded,
                          today,
                          actor.username,
                          0,
                          std::string(kind.what) + " " + saved->reference +
                              (before ? " updated by " : " recorded by ") + actor.username,
                          core::Diff(old_fields, core::FieldsOf(*saved))};
    if (Status appended = tx.Events().Append(kind.entity, saved->reference, event); !appended) {
      return tl::unexpected(appended.error());
    }
    if (Status done = after(tx, before, *saved); !done) return tl::unexpected(done.error());
    return saved;
  });
}

}  // namespace redress::app
