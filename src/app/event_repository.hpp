#pragma once

// The event log: every change, as an event of the entity it changed, hash-chained so that
// tampering is detectable (storage/common/audit_chain.hpp gives the chain's canonical form;
// Store::VerifyAudit checks it). Part of the ports (app/ports.hpp).

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "app/records.hpp"
#include "core/event.hpp"
#include "core/result.hpp"

namespace redress::app {

// The event log of one transaction (Tx::Events).
class EventRepository {
 public:
  virtual ~EventRepository() = default;

  // Appends `event` to the log of the entity, chained to the log's current head, in this
  // transaction: it is kept exactly when the change it records is. Events of complaints and
  // service requests are appended by their repositories' Insert/Update; every other use case
  // appends its own, after its save.
  virtual core::Status Append(EntityType type, std::string_view entity_ref,
                              const core::CaseEvent& event) = 0;
  // The entity's events, oldest first.
  virtual core::Result<std::vector<StoredEvent>> EventsOf(EntityType type,
                                                          std::string_view entity_ref) = 0;

  // Erases the content (summary and changes) of every event of the entity, as of `erased_at`
  // (RFC 3339), for the disposal of its personal data: the events stay, with who did what and
  // when, and read with an empty summary and no changes (StoredEvent::content_erased). The audit
  // chain still verifies (docs/audit-trail.md, "Erasable content"). Erasing again changes nothing.
  virtual core::Status EraseContent(EntityType type, std::string_view entity_ref,
                                    std::string_view erased_at) = 0;
  // The same for the events of these sequence numbers, for the redaction of single events; a
  // number no event has is ignored.
  virtual core::Status EraseContentOfSequences(std::span<const std::int64_t> sequences,
                                               std::string_view erased_at) = 0;
};

}  // namespace redress::app
