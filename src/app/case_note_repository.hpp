#pragma once

// Internal notes on complaints and links between complaints. Neither changes the complaint, so
// neither needs its version. Part of the ports (app/ports.hpp).

#include <string_view>
#include <vector>

#include "app/records.hpp"
#include "core/result.hpp"

namespace redress::app {

// The notes and links of one transaction (Tx::CaseNotes). The use cases append their events.
// kNotFound for an unknown complaint reference.
class CaseNoteRepository {
 public:
  virtual ~CaseNoteRepository() = default;

  // Stores `note` on the complaint `reference` and returns it with its id.
  virtual core::Result<CaseNote> InsertNote(std::string_view reference, CaseNote note) = 0;
  // The complaint's notes, oldest first.
  virtual core::Result<std::vector<CaseNote>> NotesOf(std::string_view reference) = 0;
  // kConflict when the two are already linked, whichever way round.
  virtual core::Status InsertLink(const CaseLink& link) = 0;
  // Removes the link between `a` and `b`, whichever way it was made, and returns it; kNotFound
  // when they are not linked.
  virtual core::Result<CaseLink> DeleteLink(std::string_view a, std::string_view b) = 0;
  // The links made from or to the complaint, oldest first.
  virtual core::Result<std::vector<CaseLink>> LinksOf(std::string_view reference) = 0;
};

}  // namespace redress::app
