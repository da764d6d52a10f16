#pragma once

// Repeat complaints: the same complainant or the same property, about the same category, within
// 12 months before the new complaint, is linked as a possible repeat.

#include <cstddef>
#include <string>
#include <vector>

#include "core/complaint.hpp"

namespace redress::core {

inline constexpr int kRepeatWindowMonths = 12;
// A new complaint names at most this many possible repeats, the most recent: a complainant with
// hundreds of earlier complaints (an MP's caseworker, an advocacy service) must not make logging
// slower or the case larger. Staff see the rest in the complainant's history.
inline constexpr std::size_t kMaxPossibleRepeats = 5;

// The identity of a complaint for repeat matching: normalised so that "J.Smith@X.org " matches
// "j.smith@x.org" and "SW1A 1AA" matches "sw1a1aa".
struct RepeatKey {
  std::string email;     // lower-cased, trimmed
  std::string phone;     // digits only, a leading 44 turned into 0
  std::string property;  // postcode without spaces, lower-cased, + first line of the address
  std::string category;
  Date received_on;
};

RepeatKey KeyOf(const Person& complainant, const std::string& category, Date received_on);

struct RepeatCandidate {
  std::string reference;
  RepeatKey key;
  bool restricted = false;  // the candidate is a restricted complaint (Complaint::restricted)
};

// References of the candidates that the new complaint possibly repeats, in the order given.
std::vector<std::string> FindPossibleRepeats(const RepeatKey& incoming,
                                             const std::vector<RepeatCandidate>& candidates);

}  // namespace redress::core
