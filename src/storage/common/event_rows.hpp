#pragma once

// The audit trail's rows (`events`) as every engine writes and reads them: the record of a new
// event before the engine chains it (its sequence and previous hash are the engine's to find, under
// its own lock), and the reading of an entity's events; written once, the reading as a template
// over an engine's row reader. Each engine runs the SQL itself.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/records.hpp"
#include "core/event.hpp"
#include "core/result.hpp"
#include "storage/common/audit_chain.hpp"
#include "storage/common/change_codec.hpp"

namespace redress::storage::common {

// The record of `event` on `entity_ref`, every field but sequence and prev_hash, sealed as chain
// version 2 (a new salt and its content's digest); kInvalidInput when its changes cannot be
// written as JSON.
inline core::Result<ChainRecord> ChainRecordOf(app::EntityType type, std::string_view entity_ref,
                                               const core::CaseEvent& event,
                                               std::string recorded_at) {
  core::Result<std::string> changes = ChangesToJson(event.changes);
  if (!changes) return tl::unexpected<core::Error>(changes.error());
  ChainRecord record;
  record.entity_type = std::string(ToString(type));
  record.entity_ref = std::string(entity_ref);
  record.type = std::string(ToString(event.type));
  record.occurred_on = event.occurred_on.ToIso();
  record.stage = event.stage;
  record.actor = event.actor;
  record.summary = event.summary;
  record.changes = std::move(*changes);
  record.recorded_at = std::move(recorded_at);
  SealContent(record);
  return record;
}

// An entity's events, oldest first; the statement's parameters are the entity type and reference.
inline constexpr std::string_view kEventsOfSelect =
    "SELECT sequence, entity_type, entity_ref, type, occurred_on, stage, actor, summary, "
    "changes, recorded_at, hash, CASE WHEN content_erased_at IS NULL THEN 0 ELSE 1 END FROM events";

// Reads kEventsOfSelect's columns; the changes' JSON goes to `changes_json`, parsed by
// AttachChanges once every row is read.
template <typename Reader>
app::StoredEvent ReadStoredEvent(Reader& r, std::vector<std::string>& changes_json) {
  app::StoredEvent stored;
  stored.sequence = r.Int64();
  stored.entity_type = r.Enumerator(app::ParseEntityType);
  stored.entity_ref = r.Text();
  stored.event.type = r.Enumerator(core::ParseEventType);
  stored.event.occurred_on = r.Date();
  stored.event.stage = r.Int();
  stored.event.actor = r.Text();
  stored.event.summary = r.Text();
  changes_json.push_back(r.Text());
  stored.recorded_at = r.Text();
  stored.hash = r.Text();
  stored.content_erased = r.Int64() != 0;
  return stored;
}

// The UPDATE that erases the content of the events `where` selects, as EraseContent and
// EraseContentOfSequences do, `at` being the parameter of the time: the content blanked, the salt
// forgotten, the digest and hash kept, so that the chain still verifies. An event erased already
// keeps the time of its first erasure.
inline std::string EraseContentSql(std::string_view at, std::string_view where) {
  return "UPDATE events SET summary = '', changes = '[]', content_salt = NULL, "
         "content_erased_at = coalesce(content_erased_at, " +
         std::string(at) + ") WHERE " + std::string(where);
}

// Gives each event its changes, parsed from the JSON ReadStoredEvent kept beside it.
inline core::Result<std::vector<app::StoredEvent>> AttachChanges(
    core::Result<std::vector<app::StoredEvent>> events,
    const std::vector<std::string>& changes_json) {
  if (!events) return events;
  for (std::size_t i = 0; i < events->size(); ++i) {
    core::Result<std::vector<core::Change>> changes = ChangesFromJson(changes_json[i]);
    if (!changes) return tl::unexpected<core::Error>(changes.error());
    (*events)[i].event.changes = std::move(*changes);
  }
  return events;
}

}  // namespace redress::storage::common
