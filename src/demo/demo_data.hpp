#pragma once

// The demo council's data: its shape (teams, service areas, categories, root causes, users), its
// planned housing figures, and the names, streets and text fragments the planner draws from.
// Nothing here is random or runs a use case; the engine (demo_plan.cpp, demo.cpp) reads these
// tables. Internal to the demo.

#include <array>
#include <string_view>
#include <vector>

#include "app/organisation.hpp"
#include "core/calendar.hpp"
#include "core/routing.hpp"
#include "demo/demo.hpp"

namespace redress::demo {

// ---------------------------------------------------------------------------------------------
// The council's shape.

inline constexpr std::string_view kOrganisationName = "Redress Demo Borough Council";
inline constexpr std::string_view kDemoPassword = "redress-demo-password";
inline constexpr std::string_view kIndependentTeam = "independent-complaints";
inline constexpr std::string_view kChildrenTeam = "childrens-complaints";
inline constexpr std::string_view kCustomerTeam = "customer-services";
inline constexpr std::string_view kHousingArea = "housing";

// Housing's figures: 2022/23 and 2023/24 are the seed council's (Cabinet, 3 December 2024); the
// other years continue its trend. The seed documents give no stock figure: the homes owned (TSM
// CH01's denominator) are a plausible district council's, slowly falling with Right to Buy.
struct HousingYear {
  int financial_year;
  int stage1;
  int stage2;
  std::int64_t homes_owned;
};
inline constexpr std::array<HousingYear, 5> kHousingYears{{
    {2021, 402, 17, 5262},
    {2022, 371, 21, 5241},
    {2023, 284, 39, 5218},
    {2024, 301, 36, 5203},
    {2025, 276, 31, 5187},
}};
// TSM TP09 from the tenant perception survey of each TSM year (from 2023/24): percentages typical
// of a district council's published results, with the survey's sample size.
struct Tp09Year {
  int financial_year;
  double percent;
  std::int64_t sample_size;
};
inline constexpr std::array<Tp09Year, 3> kTp09Years{{
    {2023, 34.2, 611},
    {2024, 36.5, 598},
    {2025, 37.8, 640},
}};

// Stage 2 escalations per 1,000 responded stage 1 complaints where no exact figure is planned.
inline constexpr int kHousingEscalationPerMille = 110;

struct TeamSpec {
  std::string_view code;
  std::string_view name;
};
inline constexpr std::array<TeamSpec, 11> kTeams{{
    {"housing-services", "Housing Services"},
    {"childrens-services", "Children's Services"},
    {"adult-social-care", "Adult Social Care"},
    {"environment", "Environment and Waste"},
    {"revenues-benefits", "Council Tax and Benefits"},
    {"planning", "Planning and Building Control"},
    {"highways", "Highways and Transport"},
    {"customer-services", "Customer Services"},
    {"independent-complaints", "Independent Complaints Team (Enabling Services)"},
    {"childrens-complaints", "Children's Complaints Manager's Team"},
    {"corporate-governance", "Corporate Governance"},
}};

struct WeightedCode {
  std::string_view code;
  int weight;
};

struct AreaSpec {
  std::string_view code;
  std::string_view name;
  std::string_view team;
  core::Regime regime;
  int complaints_per_year;  // ignored for housing, which follows kHousingYears
  int escalation_per_mille;
  int service_requests_per_year;
  std::array<WeightedCode, 8> categories;  // weight 0 = unused slot
};

inline constexpr std::array<AreaSpec, 8> kAreas{{
    {"housing",
     "Housing",
     "housing-services",
     core::Regime::kHousing,
     0,
     0,
     420,
     {{{"repairs", 30},
       {"damp-mould", 15},
       {"asb-noise", 10},
       {"complaint-handling", 8},
       {"communication", 8},
       {"staff-conduct", 6},
       {"rent-charges", 6},
       {"allocations", 6}}}},
    {"childrens",
     "Children's Services",
     "childrens-services",
     core::Regime::kChildren,
     56,
     110,
     40,
     {{{"childrens-social-care", 50},
       {"communication", 20},
       {"staff-conduct", 15},
       {"care-leavers", 15}}}},
    {"adults",
     "Adult Social Care",
     "adult-social-care",
     core::Regime::kAdults,
     72,
     0,
     60,
     {{{"care-assessment", 35}, {"care-charges", 30}, {"home-care", 25}, {"communication", 10}}}},
    {"environment",
     "Environment and Waste",
     "environment",
     core::Regime::kCorporate,
     238,
     60,
     900,
     {{{"missed-collection", 50},
       {"street-cleansing", 20},
       {"fly-tipping", 15},
       {"parks-open-spaces", 10},
       {"staff-conduct", 5}}}},
    {"revenues",
     "Council Tax and Benefits",
     "revenues-benefits",
     core::Regime::kCorporate,
     174,
     80,
     300,
     {{{"council-tax-billing", 45},
       {"benefits-assessment", 30},
       {"recovery-action", 20},
       {"communication", 5}}}},
    {"planning",
     "Planning and Building Control",
     "planning",
     core::Regime::kCorporate,
     83,
     120,
     40,
     {{{"planning-application", 55}, {"planning-enforcement", 35}, {"building-control", 10}}}},
    {"highways",
     "Highways and Transport",
     "highways",
     core::Regime::kCorporate,
     141,
     70,
     500,
     {{{"roads-potholes", 45}, {"parking", 35}, {"street-lighting", 20}}}},
    {"customer",
     "Customer Services",
     "customer-services",
     core::Regime::kCorporate,
     47,
     50,
     30,
     {{{"communication", 45}, {"staff-conduct", 30}, {"complaint-handling", 25}}}},
}};

struct NamedCode {
  std::string_view code;
  std::string_view name;
};

inline constexpr std::array<NamedCode, 30> kCategories{{
    {"repairs", "Repairs and maintenance"},
    {"damp-mould", "Damp and mould"},
    {"asb-noise", "Anti-social behaviour and noise"},
    {"tenancy-management", "Tenancy management"},
    {"rent-charges", "Rent and service charges"},
    {"allocations", "Allocations and lettings"},
    {"estate-communal", "Estate and communal areas"},
    {"leasehold", "Leasehold"},
    {"contractor", "Contractor"},
    {"staff-conduct", "Staff conduct"},
    {"communication", "Communication"},
    {"complaint-handling", "Complaint handling"},
    {"childrens-social-care", "Children's social care"},
    {"care-leavers", "Care leavers"},
    {"care-assessment", "Care needs assessment"},
    {"care-charges", "Care charges"},
    {"home-care", "Home care"},
    {"missed-collection", "Missed bin collection"},
    {"street-cleansing", "Street cleansing"},
    {"fly-tipping", "Fly-tipping"},
    {"parks-open-spaces", "Parks and open spaces"},
    {"council-tax-billing", "Council Tax billing"},
    {"benefits-assessment", "Benefits assessment"},
    {"recovery-action", "Recovery action"},
    {"planning-application", "Planning application"},
    {"planning-enforcement", "Planning enforcement"},
    {"building-control", "Building control"},
    {"roads-potholes", "Roads and potholes"},
    {"parking", "Parking"},
    {"street-lighting", "Street lighting"},
}};

// The rules file's suggested root-cause taxonomy (section 6).
inline constexpr std::string_view kNoFaultFound = "no-fault-found";
inline constexpr std::array<NamedCode, 10> kRootCauses{{
    {"process-not-followed", "Process not followed"},
    {"policy-gap", "Gap in policy"},
    {"delay", "Delay"},
    {"poor-communication", "Poor communication"},
    {"staff-conduct", "Staff conduct"},
    {"contractor-performance", "Contractor performance"},
    {"incorrect-information", "Incorrect information given"},
    {"resource-capacity", "Resource or capacity"},
    {"system-error", "System error"},
    {"no-fault-found", "No fault found"},
}};

struct UserSpec {
  std::string_view username;
  std::string_view display_name;
  core::Role role;
  std::string_view team;
};

// Three housing officers log housing complaints (as in the seed council's minutes); customer
// services log the rest.
inline constexpr std::array<UserSpec, 34> kUsers{{
    {"admin", "System Administrator", core::Role::kAdmin, "corporate-governance"},
    {"sarita.riley", "Sarita Riley", core::Role::kManager, "corporate-governance"},
    {"member.complaints", "Cllr Member Responsible for Complaints", core::Role::kViewer, ""},
    {"auditor", "Internal Audit", core::Role::kViewer, "corporate-governance"},
    {"amira.khan", "Amira Khan", core::Role::kComplaintsOfficer, "housing-services"},
    {"joseph.osei", "Joseph Osei", core::Role::kComplaintsOfficer, "housing-services"},
    {"rachel.patel", "Rachel Patel", core::Role::kComplaintsOfficer, "housing-services"},
    {"gareth.evans", "Gareth Evans", core::Role::kComplaintsOfficer, "customer-services"},
    {"niamh.murphy", "Niamh Murphy", core::Role::kComplaintsOfficer, "customer-services"},
    {"david.clarke", "David Clarke", core::Role::kManager, "housing-services"},
    {"emma.hughes", "Emma Hughes", core::Role::kCaseHandler, "housing-services"},
    {"tom.baker", "Tom Baker", core::Role::kCaseHandler, "housing-services"},
    {"priya.shah", "Priya Shah", core::Role::kCaseHandler, "housing-services"},
    {"liam.walsh", "Liam Walsh", core::Role::kCaseHandler, "housing-services"},
    {"helen.moore", "Helen Moore", core::Role::kManager, "independent-complaints"},
    {"oliver.grant", "Oliver Grant", core::Role::kCaseHandler, "independent-complaints"},
    {"fatima.ali", "Fatima Ali", core::Role::kCaseHandler, "independent-complaints"},
    {"grace.lewis", "Grace Lewis", core::Role::kManager, "childrens-complaints"},
    {"samuel.adeyemi", "Samuel Adeyemi", core::Role::kCaseHandler, "childrens-complaints"},
    {"ruth.campbell", "Ruth Campbell", core::Role::kCaseHandler, "childrens-complaints"},
    {"chloe.wright", "Chloe Wright", core::Role::kCaseHandler, "childrens-services"},
    {"mark.robinson", "Mark Robinson", core::Role::kCaseHandler, "childrens-services"},
    {"susan.taylor", "Susan Taylor", core::Role::kCaseHandler, "adult-social-care"},
    {"ian.morgan", "Ian Morgan", core::Role::kCaseHandler, "adult-social-care"},
    {"kevin.hall", "Kevin Hall", core::Role::kCaseHandler, "environment"},
    {"laura.green", "Laura Green", core::Role::kCaseHandler, "environment"},
    {"paul.young", "Paul Young", core::Role::kCaseHandler, "revenues-benefits"},
    {"sophie.king", "Sophie King", core::Role::kCaseHandler, "revenues-benefits"},
    {"martin.scott", "Martin Scott", core::Role::kCaseHandler, "planning"},
    {"anna.price", "Anna Price", core::Role::kCaseHandler, "planning"},
    {"dan.cooper", "Dan Cooper", core::Role::kCaseHandler, "highways"},
    {"zoe.ward", "Zoe Ward", core::Role::kCaseHandler, "highways"},
    {"ben.harris", "Ben Harris", core::Role::kCaseHandler, "customer-services"},
    {"lucy.bell", "Lucy Bell", core::Role::kCaseHandler, "customer-services"},
}};

inline constexpr std::array<std::string_view, 32> kFirstNames{
    "Aisha",   "Alan",  "Beatrice",   "Callum",  "Deborah",   "Edward",   "Farah",   "George",
    "Hannah",  "Imran", "Jacqueline", "Kwame",   "Linda",     "Mohammed", "Nadia",   "Owen",
    "Pauline", "Qasim", "Rosa",       "Stephen", "Tanya",     "Usman",    "Valerie", "William",
    "Yasmin",  "Zach",  "Margaret",   "Patrick", "Agnieszka", "Chidi",    "Eleanor", "Francis"};
inline constexpr std::array<std::string_view, 32> kSurnames{
    "Adams", "Begum",     "Carter",   "Dixon",    "Edwards", "Fletcher", "Gordon",   "Hussain",
    "Iqbal", "Jones",     "Kowalski", "Lambert",  "Mensah",  "Nolan",    "O'Brien",  "Parker",
    "Quinn", "Rahman",    "Smith",    "Thompson", "Uddin",   "Vaughan",  "Williams", "Xavier",
    "Young", "Zielinska", "Brown",    "Davies",   "Evans",   "Okafor",   "Mitchell", "Reid"};
inline constexpr std::array<std::string_view, 24> kStreets{
    "Station Road",   "Church Lane", "Victoria Street", "Mill Lane",     "Park Avenue",
    "Queens Road",    "Kings Close", "Orchard Way",     "Meadow View",   "Canal Street",
    "Elm Grove",      "High Street", "Brook Drive",     "Chapel Row",    "Willow Court",
    "Cedar House",    "Ash Tower",   "Riverside Walk",  "Market Square", "Albert Terrace",
    "Beech Crescent", "Forge Lane",  "Hillside Road",   "Newton Place"};

inline constexpr std::array<std::string_view, 8> kLearning{
    "Repair appointments are now confirmed by text the day before.",
    "Officers reminded to call back within one working day when promised.",
    "Contractor performance raised at the monthly contract meeting.",
    "Guidance on damp and mould inspections updated and shared with surveyors.",
    "Letter templates rewritten in plain English.",
    "Training on the Complaint Handling Code delivered to the team.",
    "Escalation route for urgent repairs clarified in the procedure.",
    "Records of visits now kept on the case management system."};

inline constexpr std::array<std::string_view, 4> kExtensionReasons{
    "Waiting for the contractor's inspection report.",
    "The officer who dealt with the matter is on leave until next week.",
    "Further information requested from a partner agency.",
    "Several services are involved and need to contribute to the response."};

// The people the statutory procedures name (children's investigators and panels). Independent
// people are not staff, so they are not demo users.
inline constexpr std::array<std::string_view, 4> kInvestigatingOfficers = {
    "Grace Okafor", "Tom Lindqvist", "Priya Nair", "Owen Hughes"};
inline constexpr std::array<std::string_view, 5> kIndependentPersons = {
    "Margaret Ellis", "David Achebe", "Ruth Fairweather", "Sanjay Mehta", "Helen Costa"};
inline constexpr std::array<std::string_view, 3> kAdjudicatingOfficers = {
    "Dr Fiona Marsh, Assistant Director", "James Whitfield, Head of Service",
    "Angela Boateng, Director of Children's Services"};
inline constexpr std::array<std::string_view, 6> kPanelMembers = {
    "Catherine Doyle", "Robert Ashdown", "Nadia Rahman",
    "Peter Quarmby",   "Lucy Tremayne",  "Samuel Okonkwo"};

// The Christmas shutdown: the working days between Boxing Day and New Year's Day, from the demo's
// first financial year to `last_year`.
std::vector<app::ClosureDay> ChristmasClosures(int last_year);

// The designations of the independent complaints team.
std::vector<core::Designation> Designations();

}  // namespace redress::demo
