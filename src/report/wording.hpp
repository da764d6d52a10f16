#pragma once

// How the annual report words the values of enums for people: the one home of that wording, which
// every renderer asks (the JSON keeps the machine names of core's ToString). Each function covers
// every value of its enum; a value added to an enum without its words fails the table test
// (wording_test.cpp).

#include <string>
#include <string_view>

#include "core/learning.hpp"
#include "core/letter.hpp"
#include "core/ombudsman.hpp"
#include "core/regime.hpp"
#include "report/annual_report.hpp"

namespace redress::report {

// "No maladministration", "Severe maladministration", ...
std::string_view Wording(core::HoFinding value);
// "Upheld: fault and injustice", "Closed after initial enquiries", ...
std::string_view Wording(core::LgscoDecision value);
// "Complies", "Partly complies", "Does not comply".
std::string_view Wording(core::CodeCompliance value);
// "Housing", "Corporate", "Children's social care", "Adult social care".
std::string_view Wording(core::Regime value);
// "Count", "Percentage", "Working days", "Pounds", "Per 1,000 homes".
std::string_view Wording(Unit value);
// "Organisation", "Regime", "Service area".
std::string_view Wording(ScopeKind value);
// "Category", "Service area".
std::string_view Wording(TrendDimension value);

// "Acknowledgement", "Stage response", ... (the post room's print batch list).
std::string_view Wording(core::LetterType value);

// An Ombudsman outcome as OmbudsmanSection records it (the machine name of a Housing Ombudsman
// finding or an LGSCO decision) in words; the code itself when it names neither, so that nothing
// is dropped silently.
std::string OutcomeWording(core::Ombudsman ombudsman, std::string_view outcome);

}  // namespace redress::report
