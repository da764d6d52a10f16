#pragma once

// Reference numbering, the same for every engine: "<prefix>-<year>-<sequence>", the sequence
// zero-padded to six digits and counted per prefix and year from 1, without gaps. How an engine
// hands out the next number (a counter row per prefix and year, consumed inside the transaction
// that inserts the record) is its own; the format and the prefixes are here.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace redress::storage::common {

inline constexpr std::string_view kComplaintPrefix = "CMP";
inline constexpr std::string_view kServiceRequestPrefix = "SR";
inline constexpr std::string_view kOmbudsmanCasePrefix = "OMB";
inline constexpr std::string_view kFailureOrderPrefix = "CHFO";
inline constexpr std::string_view kLearningActionPrefix = "LRN";
// The sequence's width; a longer number is written whole.
inline constexpr std::size_t kReferenceDigits = 6;
// The first number of each prefix and year.
inline constexpr std::int64_t kFirstReferenceNumber = 1;

// "<prefix>-<year>-<number, zero-padded to kReferenceDigits>", e.g. "CMP-2024-000042".
std::string FormatReference(std::string_view prefix, int year, std::int64_t number);

// "<prefix>-<year>-": every reference of the series and year begins with it, and it sorts before
// each of them and after every reference of an earlier four-digit year.
std::string ReferencesOfYear(std::string_view prefix, int year);

}  // namespace redress::storage::common
