#include "core/repeats.hpp"

#include <string_view>

#include "core/person_search.hpp"

namespace redress::core {
namespace {

// Both must be known for a key to match: an empty key says nothing about identity.
bool SameKnown(const std::string& a, const std::string& b) { return !a.empty() && a == b; }

}  // namespace

RepeatKey KeyOf(const Person& complainant, const std::string& category, Date received_on) {
  RepeatKey key;
  key.email = NormaliseEmail(complainant.email);
  key.phone = NormalisePhone(complainant.phone);
  std::string postcode = NormalisePostcode(complainant.postcode);
  std::string first_line = FirstAddressLine(complainant.address);
  if (!postcode.empty() || !first_line.empty()) key.property = postcode + "|" + first_line;
  key.category = category;
  key.received_on = received_on;
  return key;
}

std::vector<std::string> FindPossibleRepeats(const RepeatKey& incoming,
                                             const std::vector<RepeatCandidate>& candidates) {
  const Date window_start = incoming.received_on.AddMonths(-kRepeatWindowMonths);
  std::vector<std::string> references;
  for (const RepeatCandidate& candidate : candidates) {
    const RepeatKey& key = candidate.key;
    if (key.category != incoming.category) continue;
    if (key.received_on < window_start || key.received_on > incoming.received_on) continue;
    if (SameKnown(key.email, incoming.email) || SameKnown(key.phone, incoming.phone) ||
        SameKnown(key.property, incoming.property)) {
      references.push_back(candidate.reference);
    }
  }
  return references;
}

}  // namespace redress::core
