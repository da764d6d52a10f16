#pragma once

// Redaction of one item of a complaint on request (issue 20; core/redaction.hpp): a field, a note
// or an attached file. In one transaction the item's content is replaced ("[redacted]"; a file is
// marked removed and renamed), the content of every event of the complaint that quoted it is
// erased (EventRepository::EraseContentOfSequences: the audit chain keeps their digests), and a
// `redacted` event records which item, by whom and why — not what it said. Then the engine's
// traces are purged (Store::PurgeErasedTraces) and the file removed from the file store unless
// another attachment shares it. Administrators (`manage_configuration`).

#include <cstdint>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "app/file_store.hpp"
#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/redaction.hpp"

namespace redress::app {

struct Redaction {
  core::RedactionTarget target;
  std::string reason;
  std::string redacted_by;
  std::string redacted_at;
  std::int64_t events_erased = 0;  // the events whose content quoted the item
};

// `files` and `content_mutex` as app::DisposalPorts (nullptr: the file is left for the sweep).
Result<Redaction> RedactComplaintItem(Store& store, const Clock& clock, const Actor& actor,
                                      std::string_view reference, std::string_view target,
                                      const std::string& reason, FileStore* files,
                                      std::shared_mutex* content_mutex);

}  // namespace redress::app
