#pragma once

// The references of Redress's records ("CMP-2024-000123", "OMB-2025-000001", ...): what kind of
// record a reference names, and which references a text names. The visibility rule uses these to
// decide whether an event, which may name other records in its summary and changes, may be shown
// (app/visibility.hpp). Pure: no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace redress::core {

// Every kind of record that has a "<PREFIX>-<year>-<6-digit sequence>" reference.
enum class ReferenceKind {
  kComplaint,       // CMP
  kServiceRequest,  // SR
  kOmbudsmanCase,   // OMB
  kFailureOrder,    // CHFO
  kLearningAction,  // LRN
};

// The prefix of a kind, e.g. "CMP".
std::string_view PrefixOf(ReferenceKind kind);

// The kind of a well-formed reference ("CMP-2024-000123"), nullopt for anything else (a partial
// or longer token, a lower-case prefix, a year or sequence of the wrong length).
std::optional<ReferenceKind> KindOfReference(std::string_view reference);

// Every well-formed reference that occurs in `text` as a whole token (not inside a longer run of
// letters, digits or hyphens), in order of first occurrence, each once. Linear in the text.
std::vector<std::string> ReferencesNamedIn(std::string_view text);

}  // namespace redress::core
