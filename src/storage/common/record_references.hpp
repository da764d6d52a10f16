#pragma once

// The references a record holds to other records (a complaint's service area, an Ombudsman
// case's complaints, a learning action's owner, ...), with the field that holds each: what an
// engine checks to name the unknown one ("unknown category 'parking'" on the field "category")
// rather than answer with a bare foreign-key failure. The same for every engine: the tables and
// key columns are the schema's, which both engines share.

#include <string>
#include <string_view>
#include <vector>

#include "core/complaint.hpp"
#include "core/learning.hpp"
#include "core/ombudsman.hpp"

namespace redress::storage::common {

struct Reference {
  std::string field;      // e.g. "stages[1].team"
  std::string_view what;  // e.g. "team"
  std::string_view table;
  std::string_view key;
  std::string value;  // "" when the record holds none
};

std::vector<Reference> ComplaintReferences(const core::Complaint& c);
std::vector<Reference> OmbudsmanCaseReferences(const core::OmbudsmanCase& c);
std::vector<Reference> FailureOrderReferences(const core::FailureOrder& o);
std::vector<Reference> LearningActionReferences(const core::LearningAction& a);

}  // namespace redress::storage::common
