#pragma once

// Internal notes on a complaint and links between complaints. Neither changes the case itself,
// so neither needs the case's version (If-Match): two officers adding notes at once both succeed.
// Each is recorded in the timeline of every complaint it concerns. A restricted case the actor may
// not see is kNotFound, as everywhere (LoadVisibleComplaint).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "app/records.hpp"

namespace redress::app {

inline constexpr std::size_t kMaxNoteLength = 20000;  // characters (bytes of UTF-8)
// The most links one complaint may have: the list is read whole with the case, and links are
// made from other complaints, so without a bound it would grow with unrelated activity.
inline constexpr std::size_t kMaxLinksPerComplaint = 100;

// Adds a note of 1 to kMaxNoteLength characters (not only spaces) to the complaint.
Result<CaseNote> AddNote(Store& store, const Clock& clock, const Actor& actor,
                         std::string_view reference, const std::string& text);
Result<std::vector<CaseNote>> NotesOf(Store& store, const Actor& actor, std::string_view reference);

// Links complaint `from` to complaint `to`. A complaint cannot be linked to itself (kInvalidInput,
// field "reference"); an unknown or invisible `to` is kInvalidInput naming "reference" too, so
// the answer says which of the two was wrong; two complaints already linked are kConflict.
Result<CaseLink> Link(Store& store, const Clock& clock, const Actor& actor, std::string_view from,
                      std::string_view to, LinkRelation relation);
// Removes the link between the two, whichever way it was made; kNotFound when there is none.
Status Unlink(Store& store, const Clock& clock, const Actor& actor, std::string_view reference,
              std::string_view other);
// The complaint's links that lead to complaints the actor may see, oldest first.
Result<std::vector<CaseLink>> LinksOf(Store& store, const Actor& actor, std::string_view reference);

}  // namespace redress::app
