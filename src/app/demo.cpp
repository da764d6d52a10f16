#include "app/demo.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <span>
#include <string_view>
#include <utility>

#include "app/accounts.hpp"
#include "app/case_use_cases.hpp"
#include "app/demo_oversight.hpp"
#include "app/organisation.hpp"
#include "core/calendar.hpp"
#include "core/regime.hpp"
#include "core/regime_calendars.hpp"
#include "core/routing.hpp"

namespace redress::app {
namespace {

using core::Date;

// ---------------------------------------------------------------------------------------------
// The council's shape.

constexpr std::string_view kOrganisationName = "Redress Demo Borough Council";
constexpr std::string_view kDemoPassword = "redress-demo-password";
constexpr std::string_view kIndependentTeam = "independent-complaints";
constexpr std::string_view kChildrenTeam = "childrens-complaints";
constexpr std::string_view kCustomerTeam = "customer-services";
constexpr std::string_view kHousingArea = "housing";

// Housing's figures: 2022/23 and 2023/24 are the seed council's (Cabinet, 3 December 2024); the
// other years continue its trend. The seed documents give no stock figure: the homes owned (TSM
// CH01's denominator) are a plausible district council's, slowly falling with Right to Buy.
struct HousingYear {
  int financial_year;
  int stage1;
  int stage2;
  std::int64_t homes_owned;
};
constexpr std::array<HousingYear, 5> kHousingYears{{
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
constexpr std::array<Tp09Year, 3> kTp09Years{{
    {2023, 34.2, 611},
    {2024, 36.5, 598},
    {2025, 37.8, 640},
}};

// Stage 2 escalations per 1,000 responded stage 1 complaints where no exact figure is planned.
constexpr int kHousingEscalationPerMille = 110;

struct TeamSpec {
  std::string_view code;
  std::string_view name;
};
constexpr std::array<TeamSpec, 11> kTeams{{
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

constexpr std::array<AreaSpec, 8> kAreas{{
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

constexpr std::array<NamedCode, 30> kCategories{{
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
constexpr std::string_view kNoFaultFound = "no-fault-found";
constexpr std::array<NamedCode, 10> kRootCauses{{
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
constexpr std::array<UserSpec, 34> kUsers{{
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

constexpr std::array<std::string_view, 32> kFirstNames{
    "Aisha",   "Alan",  "Beatrice",   "Callum",  "Deborah",   "Edward",   "Farah",   "George",
    "Hannah",  "Imran", "Jacqueline", "Kwame",   "Linda",     "Mohammed", "Nadia",   "Owen",
    "Pauline", "Qasim", "Rosa",       "Stephen", "Tanya",     "Usman",    "Valerie", "William",
    "Yasmin",  "Zach",  "Margaret",   "Patrick", "Agnieszka", "Chidi",    "Eleanor", "Francis"};
constexpr std::array<std::string_view, 32> kSurnames{
    "Adams", "Begum",     "Carter",   "Dixon",    "Edwards", "Fletcher", "Gordon",   "Hussain",
    "Iqbal", "Jones",     "Kowalski", "Lambert",  "Mensah",  "Nolan",    "O'Brien",  "Parker",
    "Quinn", "Rahman",    "Smith",    "Thompson", "Uddin",   "Vaughan",  "Williams", "Xavier",
    "Young", "Zielinska", "Brown",    "Davies",   "Evans",   "Okafor",   "Mitchell", "Reid"};
constexpr std::array<std::string_view, 24> kStreets{
    "Station Road",   "Church Lane", "Victoria Street", "Mill Lane",     "Park Avenue",
    "Queens Road",    "Kings Close", "Orchard Way",     "Meadow View",   "Canal Street",
    "Elm Grove",      "High Street", "Brook Drive",     "Chapel Row",    "Willow Court",
    "Cedar House",    "Ash Tower",   "Riverside Walk",  "Market Square", "Albert Terrace",
    "Beech Crescent", "Forge Lane",  "Hillside Road",   "Newton Place"};

constexpr std::array<std::string_view, 8> kLearning{
    "Repair appointments are now confirmed by text the day before.",
    "Officers reminded to call back within one working day when promised.",
    "Contractor performance raised at the monthly contract meeting.",
    "Guidance on damp and mould inspections updated and shared with surveyors.",
    "Letter templates rewritten in plain English.",
    "Training on the Complaint Handling Code delivered to the team.",
    "Escalation route for urgent repairs clarified in the procedure.",
    "Records of visits now kept on the case management system."};

constexpr std::array<std::string_view, 4> kExtensionReasons{
    "Waiting for the contractor's inspection report.",
    "The officer who dealt with the matter is on leave until next week.",
    "Further information requested from a partner agency.",
    "Several services are involved and need to contribute to the response."};

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: the same seed gives the same council on every machine, so only the
// raw 64-bit engine is used (the standard distributions may differ between libraries).

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  // Uniform in [0, bound).
  int Below(int bound) { return static_cast<int>(engine_() % static_cast<std::uint64_t>(bound)); }
  // Uniform in [low, high].
  int Between(int low, int high) { return low + Below(high - low + 1); }
  // True with probability per_mille / 1000.
  bool Chance(int per_mille) { return Below(kPerMille) < per_mille; }
  template <typename Container>
  const auto& Pick(const Container& items) {
    return items[static_cast<std::size_t>(Below(static_cast<int>(std::size(items))))];
  }
  template <std::size_t N>
  std::string_view PickWeighted(const std::array<WeightedCode, N>& items) {
    int total = 0;
    for (const WeightedCode& item : items) total += item.weight;
    int roll = Below(total);
    for (const WeightedCode& item : items) {
      if (roll < item.weight) return item.code;
      roll -= item.weight;
    }
    return items.front().code;
  }
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1], items[static_cast<std::size_t>(Below(static_cast<int>(i)))]);
    }
  }

  static constexpr int kPerMille = 1000;

 private:
  std::mt19937_64 engine_;
};

// ---------------------------------------------------------------------------------------------
// The plan: every step of every case, dated, then replayed in date order.

enum class StepKind {
  kLogServiceRequest,
  kResolveServiceRequest,
  kLogComplaint,
  kConvertServiceRequest,
  kCaseAction
};

struct Step {
  Date on;
  StepKind kind = StepKind::kCaseAction;
  int complaint = -1;        // index into the complaint references, when it concerns one
  int service_request = -1;  // index into the service request references
  std::string actor;
  LogComplaintCommand log;
  core::ServiceRequestInput request;
  std::string resolution;
  ConvertServiceRequestCommand convert;
  CaseAction action = core::CloseInput{};
};

// What the planner knows of a complaint's stage once it is planned.
struct StageOutcome {
  bool answered = false;  // ended in a response (not refused or withdrawn)
  Date responded_on;
  std::string handler;
  bool late = false;  // answered after its due date
};

// The people the statutory procedures name (children's investigators and panels). Independent
// people are not staff, so they are not demo users.
constexpr std::array<std::string_view, 4> kInvestigatingOfficers = {"Grace Okafor", "Tom Lindqvist",
                                                                    "Priya Nair", "Owen Hughes"};
constexpr std::array<std::string_view, 5> kIndependentPersons = {
    "Margaret Ellis", "David Achebe", "Ruth Fairweather", "Sanjay Mehta", "Helen Costa"};
constexpr std::array<std::string_view, 3> kAdjudicatingOfficers = {
    "Dr Fiona Marsh, Assistant Director", "James Whitfield, Head of Service",
    "Angela Boateng, Director of Children's Services"};
constexpr std::array<std::string_view, 6> kPanelMembers = {"Catherine Doyle", "Robert Ashdown",
                                                           "Nadia Rahman",    "Peter Quarmby",
                                                           "Lucy Tremayne",   "Samuel Okonkwo"};

// A name picked by the complaint's index, not by the random stream: the procedure's facts are
// added without drawing random numbers, so every other figure of the demo stays as it was.
std::string Named(std::span<const std::string_view> names, int index, int offset = 0) {
  return std::string(names[static_cast<std::size_t>(index + offset) % names.size()]);
}

struct RecentComplaint {
  core::Person person;
  std::string category;
  Date received_on;
};

class Planner {
 public:
  Planner(const DemoOptions& options, const core::WorkingCalendar& calendar,
          const core::RoutingConfig& routing)
      : rng_(options.seed), today_(options.today), calendar_(calendar), routing_(routing) {
    for (const UserSpec& user : kUsers) {
      if (user.role == core::Role::kCaseHandler || user.role == core::Role::kManager) {
        handlers_by_team_[std::string(user.team)].push_back(std::string(user.username));
      }
      if (user.role == core::Role::kComplaintsOfficer) {
        officers_by_team_[std::string(user.team)].push_back(std::string(user.username));
      }
    }
  }

  std::vector<Step> Plan() {
    int last_year = today_.FinancialYear();
    for (const AreaSpec& area : kAreas) {
      for (int year = kDemoFirstFinancialYear; year <= last_year; ++year) PlanAreaYear(area, year);
    }
    PlanHousingEscalations();
    std::stable_sort(steps_.begin(), steps_.end(),
                     [](const Step& a, const Step& b) { return a.on < b.on; });
    return std::move(steps_);
  }

  int complaint_count() const { return complaint_count_; }
  int service_request_count() const { return service_request_count_; }

 private:
  // A housing complaint whose stage 1 was answered and may be escalated.
  struct EscalationCandidate {
    int complaint;
    Date requested_on;
    Date responded_on;
    std::string stage1_handler;
  };

  void PlanAreaYear(const AreaSpec& area, int year) {
    Date first = core::FinancialYearStart(year);
    Date last = std::min(core::FinancialYearEnd(year), today_);
    if (last < first) return;
    int days = first.DaysUntil(last) + 1;
    int full_year_days = first.DaysUntil(core::FinancialYearEnd(year)) + 1;
    bool housing = area.code == kHousingArea;

    int complaints = housing ? HousingStage1(year) : Vary(area.complaints_per_year);
    if (last < core::FinancialYearEnd(year)) {
      // The current year, to date: the same rate as a full year.
      int per_year = housing ? kHousingYears.back().stage1 : area.complaints_per_year;
      complaints = static_cast<int>(static_cast<std::int64_t>(per_year) * days / full_year_days);
    }
    int requests = static_cast<int>(static_cast<std::int64_t>(area.service_requests_per_year) *
                                    days / full_year_days);

    for (int i = 0; i < requests; ++i) PlanServiceRequest(area, first.AddDays(rng_.Below(days)));
    for (int i = 0; i < complaints; ++i) {
      PlanComplaint(area, first.AddDays(rng_.Below(days)));
    }
  }

  int HousingStage1(int year) const {
    for (const HousingYear& entry : kHousingYears) {
      if (entry.financial_year == year) return entry.stage1;
    }
    return kHousingYears.back().stage1;
  }

  // A yearly volume varied by up to 10% either way.
  int Vary(int volume) {
    constexpr int kVariationPercent = 10;
    constexpr int kPercent = 100;
    return volume + volume * rng_.Between(-kVariationPercent, kVariationPercent) / kPercent;
  }

  core::Person NewPerson() {
    constexpr int kHouseNumbers = 180;
    constexpr int kPostcodeDistricts = 9;
    constexpr int kPhoneSpace = 100000;
    constexpr int kLandlinePerMille = 300;
    std::string first(rng_.Pick(kFirstNames));
    std::string surname(rng_.Pick(kSurnames));
    int serial = ++person_serial_;
    core::Person person;
    person.name = first + " " + surname;
    std::string local = first + "." + surname + std::to_string(serial);
    std::transform(local.begin(), local.end(), local.begin(), [](unsigned char c) {
      return c == '\'' ? '-' : static_cast<char>(std::tolower(c));
    });
    person.email = local + "@example.org";
    char phone[32];
    std::snprintf(phone, sizeof phone,
                  rng_.Chance(kLandlinePerMille) ? "01632 9%05d" : "07700 9%05d",
                  (serial * 7919) % kPhoneSpace);
    person.phone = phone;
    person.address = std::to_string(rng_.Between(1, kHouseNumbers)) + " " +
                     std::string(rng_.Pick(kStreets)) + ", Demoton";
    char postcode[16];
    std::snprintf(postcode, sizeof postcode, "ZZ%d %d%c%c", rng_.Between(1, kPostcodeDistricts),
                  rng_.Between(1, kPostcodeDistricts), 'A' + rng_.Below(26), 'A' + rng_.Below(26));
    person.postcode = postcode;
    // Not everyone gives every contact detail.
    constexpr int kNoEmailPerMille = 150;
    constexpr int kNoPhonePerMille = 250;
    if (rng_.Chance(kNoEmailPerMille)) person.email.clear();
    if (rng_.Chance(kNoPhonePerMille) && !person.email.empty()) person.phone.clear();
    return person;
  }

  core::Channel PickChannel() {
    constexpr std::array<std::pair<core::Channel, int>, 6> kChannels{{
        {core::Channel::kWebForm, 36},
        {core::Channel::kEmail, 26},
        {core::Channel::kPhone, 24},
        {core::Channel::kLetter, 7},
        {core::Channel::kInPerson, 5},
        {core::Channel::kSocialMedia, 2},
    }};
    int roll = rng_.Below(100);
    for (const auto& [channel, weight] : kChannels) {
      if (roll < weight) return channel;
      roll -= weight;
    }
    return core::Channel::kEmail;
  }

  // Phone, letter and in-person contacts arrive on working days: the next one, or the one before
  // when the next falls in another financial year (the yearly volumes are planned exactly).
  Date ReceiptDay(Date day, core::Channel channel) {
    bool any_day = channel == core::Channel::kWebForm || channel == core::Channel::kEmail ||
                   channel == core::Channel::kSocialMedia;
    if (any_day || calendar_.IsWorkingDay(day)) return day;
    Date next = calendar_.AddWorkingDays(day, 1);
    if (next.FinancialYear() == day.FinancialYear()) return next;
    Date previous = day.AddDays(-1);
    while (!calendar_.IsWorkingDay(previous)) previous = previous.AddDays(-1);
    return previous;
  }

  const std::string& Officer(const AreaSpec& area) {
    auto found = officers_by_team_.find(std::string(area.team));
    const auto& officers = found != officers_by_team_.end()
                               ? found->second
                               : officers_by_team_.at(std::string(kCustomerTeam));
    return rng_.Pick(officers);
  }

  // A handler of `team` who has not handled any of `exclude`.
  std::string HandlerFrom(std::string_view team, const std::vector<std::string>& exclude) {
    std::vector<std::string> eligible;
    for (const std::string& handler : handlers_by_team_.at(std::string(team))) {
      if (std::find(exclude.begin(), exclude.end(), handler) == exclude.end()) {
        eligible.push_back(handler);
      }
    }
    return rng_.Pick(eligible);
  }

  void PlanServiceRequest(const AreaSpec& area, Date day) {
    constexpr int kResolvedPerMille = 850;
    core::Channel channel = PickChannel();
    Step step;
    step.on = ReceiptDay(day, channel);
    step.kind = StepKind::kLogServiceRequest;
    step.service_request = service_request_count_++;
    step.actor = Officer(area);
    step.request = core::ServiceRequestInput{channel,
                                             step.on,
                                             std::string(area.code),
                                             std::string(rng_.PickWeighted(area.categories)),
                                             "Request: " + std::string(area.name),
                                             "Resident asked the council to put something right.",
                                             NewPerson(),
                                             ""};
    Date received = step.on;
    int index = step.service_request;
    steps_.push_back(std::move(step));
    if (rng_.Chance(kResolvedPerMille)) {
      Step resolve;
      resolve.on = calendar_.AddWorkingDays(received, rng_.Between(1, 15));
      resolve.kind = StepKind::kResolveServiceRequest;
      resolve.service_request = index;
      resolve.actor = Officer(area);
      resolve.resolution = "Put right and confirmed with the resident.";
      steps_.push_back(std::move(resolve));
    }
  }

  void PlanComplaint(const AreaSpec& area, Date day) {
    constexpr int kRepeatPerMille = 60;
    constexpr int kRepresentativePerMille = 50;
    constexpr int kFromServiceRequestPerMille = 80;
    constexpr int kRepeatLookbackDays = 300;

    int index = complaint_count_++;
    core::Channel channel = PickChannel();
    Date received = ReceiptDay(day, channel);
    std::string category(rng_.PickWeighted(area.categories));
    core::Person person = NewPerson();

    // Some residents complain again about the same thing within the year.
    auto& recent = recent_by_area_[std::string(area.code)];
    if (!recent.empty() && rng_.Chance(kRepeatPerMille)) {
      const RecentComplaint& earlier =
          recent[static_cast<std::size_t>(rng_.Below(static_cast<int>(recent.size())))];
      if (earlier.received_on < received &&
          earlier.received_on.DaysUntil(received) <= kRepeatLookbackDays) {
        person = earlier.person;
        category = earlier.category;
      }
    }
    recent.push_back({person, category, received});

    std::string stage1_team = core::RouteStage(area.regime, 1, std::string(area.code),
                                               std::string(area.team), received, routing_);
    std::string handler = HandlerFrom(stage1_team, {});
    std::string summary = std::string(CategoryName(category)) + " - " + std::string(area.name);

    // One complaint in kMatterAroseEvery records when the matter arose, up to 6 weeks before it was
    // received; derived from the index so that the random sequence, and so the figures, stay.
    constexpr int kMatterAroseEvery = 4;
    constexpr int kMatterAroseSpreadDays = 45;
    std::optional<Date> matter_arose_on;
    if (index % kMatterAroseEvery == 0) {
      matter_arose_on = received.AddDays(-(index % kMatterAroseSpreadDays));
    }
    LogComplaintCommand log{
        .regime = area.regime,
        .channel = channel,
        .received_on = received,
        .matter_arose_on = matter_arose_on,
        .service_area = std::string(area.code),
        .category = category,
        .summary = summary,
        .description = "The resident is unhappy with the council's " +
                       std::string(CategoryName(category)) +
                       " service and describes what happened and its effect on them.",
        .desired_outcome = "An apology and the problem put right.",
        .complainant = person,
        .representative = std::nullopt,
        .handler = handler,
        .service_request_reference = "",
    };
    if (rng_.Chance(kRepresentativePerMille)) {
      log.representative = core::Person{"Cllr " + std::string(rng_.Pick(kSurnames)),
                                        "councillor@example.org", "", "", ""};
    }

    if (rng_.Chance(kFromServiceRequestPerMille) && received.DaysUntil(today_) >= 0) {
      // Raised from a service request the resident was dissatisfied with (Code 1.5).
      Step request;
      request.on = received.AddDays(-rng_.Between(7, 28));
      request.kind = StepKind::kLogServiceRequest;
      request.service_request = service_request_count_++;
      request.actor = Officer(area);
      request.request = core::ServiceRequestInput{
          log.channel,           request.on,      log.service_area, log.category,
          "Request: " + summary, log.description, person,           ""};
      Step convert;
      convert.on = received;
      convert.kind = StepKind::kConvertServiceRequest;
      convert.complaint = index;
      convert.service_request = request.service_request;
      convert.actor = Officer(area);
      convert.convert = ConvertServiceRequestCommand{area.regime, received, summary, ""};
      steps_.push_back(std::move(request));
      steps_.push_back(std::move(convert));
      // A converted complaint gets its handler by reassignment, as an officer would do.
      Step assign;
      assign.on = received;
      assign.complaint = index;
      assign.actor = Officer(area);
      assign.action = core::ReassignInput{"", handler};
      steps_.push_back(std::move(assign));
    } else {
      Step step;
      step.on = received;
      step.kind = StepKind::kLogComplaint;
      step.complaint = index;
      step.actor = Officer(area);
      step.log = std::move(log);
      steps_.push_back(std::move(step));
    }

    StageOutcome stage1 = PlanStage(area, index, 1, received, handler, /*may_refuse=*/true);
    if (!stage1.answered) return;
    PlanProcedure(area, index, 1, received, stage1);

    int stage_count = core::RulesFor(area.regime).stage_count();
    if (stage_count == 1) return;
    Date escalation_day = calendar_.AddWorkingDays(stage1.responded_on, rng_.Between(1, 15));
    if (area.code == kHousingArea) {
      housing_candidates_.push_back({index, escalation_day, stage1.responded_on, stage1.handler});
      return;
    }
    if (rng_.Chance(area.escalation_per_mille)) {
      PlanEscalation(area, index, 2, escalation_day, {stage1.handler});
    } else {
      PlanClose(area, index, stage1.responded_on);
    }
  }

  // Escalates to `stage` and plans that stage; children's stage 2 may go on to the review panel.
  void PlanEscalation(const AreaSpec& area, int index, int stage, Date requested_on,
                      std::vector<std::string> earlier_handlers) {
    constexpr int kReviewPanelPerMille = 200;
    std::string team = core::RouteStage(area.regime, stage, std::string(area.code),
                                        std::string(area.team), requested_on, routing_);
    std::string handler = HandlerFrom(team, earlier_handlers);
    Step step;
    step.on = requested_on;
    step.complaint = index;
    step.actor = Officer(area);
    step.action =
        EscalateCommand{requested_on, "The resident is unhappy with the response.", handler};
    steps_.push_back(std::move(step));

    StageOutcome outcome = PlanStage(area, index, stage, requested_on, handler, false);
    if (!outcome.answered) return;
    PlanProcedure(area, index, stage, requested_on, outcome);
    if (stage < core::RulesFor(area.regime).stage_count()) {
      if (rng_.Chance(kReviewPanelPerMille)) {
        earlier_handlers.push_back(handler);
        PlanEscalation(area, index, stage + 1,
                       calendar_.AddWorkingDays(outcome.responded_on, rng_.Between(2, 15)),
                       std::move(earlier_handlers));
      } else {
        PlanClose(area, index, outcome.responded_on);
      }
    }
  }

  // The statutory procedure's steps of an answered stage, dated between its start and its
  // response and drawing no random numbers: children's stage 2's agreed record, investigators and
  // adjudication; the review panel, its report about 15 working days before the response (a third
  // of panels meet earlier, so their response is late on its own clock); the adults' offer to
  // discuss the handling, and for every fourth complaint answered on time an agreed period of
  // eight months.
  void PlanProcedure(const AreaSpec& area, int index, int stage, Date start,
                     const StageOutcome& outcome) {
    const core::StatutorySteps steps = core::RulesFor(area.regime).stage(stage).steps;
    const core::WorkingCalendar& clock = core::CalendarFor(area.regime, calendar_);
    const Date responded = outcome.responded_on;
    auto push = [&](Date on, CaseAction action) {
      Step step;
      step.on = on;
      step.complaint = index;
      step.actor = outcome.handler;
      step.action = std::move(action);
      steps_.push_back(std::move(step));
    };
    switch (steps) {
      case core::StatutorySteps::kInvestigation: {
        constexpr int kRecordAgreedAfter = 2;
        const Date agreed = clock.AddWorkingDays(start, kRecordAgreedAfter);
        if (agreed < responded) {
          push(agreed, core::InvestigationInput{agreed, Named(kInvestigatingOfficers, index),
                                                Named(kIndependentPersons, index)});
        }
        // Adjudicated on the day of the response, which it is sent with.
        push(responded, core::AdjudicationInput{responded, Named(kAdjudicatingOfficers, index)});
        return;
      }
      case core::StatutorySteps::kReviewPanel: {
        constexpr int kReportAfterMeeting = 3;
        constexpr int kResponseAfterReport = 15;
        constexpr int kEarlyBy = 8;
        const int span = clock.WorkingDaysBetween(start, responded);
        if (span < kReportAfterMeeting + 2) return;
        int meet = std::max(1, span - kResponseAfterReport - kReportAfterMeeting);
        if (index % 3 == 0) meet = std::max(1, meet - kEarlyBy);
        meet = std::min(meet, span - kReportAfterMeeting - 1);
        const Date met = clock.AddWorkingDays(start, meet);
        const Date report = clock.AddWorkingDays(met, kReportAfterMeeting);
        std::vector<std::string> members;
        for (int i = 0; i < static_cast<int>(core::kReviewPanelSize); ++i) {
          members.push_back(Named(kPanelMembers, index, i * 2));
        }
        push(met, core::ReviewPanelInput{met, std::move(members)});
        push(report, core::PanelReportInput{report});
        return;
      }
      case core::StatutorySteps::kAgreedHandling: {
        constexpr int kAgreedEveryNth = 4;
        constexpr int kAgreedMonths = 8;
        constexpr std::array<core::DiscussionTakeUp, 3> kTakeUps = {
            core::DiscussionTakeUp::kTakenUp, core::DiscussionTakeUp::kDeclined,
            core::DiscussionTakeUp::kNoReply};
        const Date offered = clock.AddWorkingDays(start, 1);
        if (offered >= responded) return;
        const core::DiscussionTakeUp take_up =
            kTakeUps[static_cast<std::size_t>(index) % kTakeUps.size()];
        push(offered, core::DiscussionOfferInput{
                          offered, take_up,
                          take_up == core::DiscussionTakeUp::kTakenUp
                              ? "Agreed by phone: fortnightly updates, a visit to the home."
                              : ""});
        if (!outcome.late && index % kAgreedEveryNth == 0) {
          push(offered, core::ResponsePeriodInput{offered, start.AddMonths(kAgreedMonths)});
        }
        return;
      }
      case core::StatutorySteps::kNone:
        return;
    }
  }

  void PlanClose(const AreaSpec& area, int index, Date responded_on) {
    constexpr int kEscalationWindowWorkingDays = 20;
    Step step;
    step.on = calendar_.AddWorkingDays(responded_on, kEscalationWindowWorkingDays);
    step.complaint = index;
    step.actor = Officer(area);
    step.action = core::CloseInput{step.on};
    steps_.push_back(std::move(step));
  }

  // Housing escalations are chosen per financial year so that the counts match the plan exactly.
  void PlanHousingEscalations() {
    const AreaSpec& housing = kAreas.front();
    std::map<int, std::vector<EscalationCandidate>> by_year;
    for (const EscalationCandidate& candidate : housing_candidates_) {
      by_year[candidate.requested_on.FinancialYear()].push_back(candidate);
    }
    for (auto& [year, candidates] : by_year) {
      rng_.Shuffle(candidates);
      std::size_t wanted = candidates.size() * kHousingEscalationPerMille / Rng::kPerMille;
      for (const HousingYear& entry : kHousingYears) {
        if (entry.financial_year == year) wanted = static_cast<std::size_t>(entry.stage2);
      }
      wanted = std::min(wanted, candidates.size());
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        const EscalationCandidate& candidate = candidates[i];
        if (i < wanted) {
          PlanEscalation(housing, candidate.complaint, 2, candidate.requested_on,
                         {candidate.stage1_handler});
        } else {
          // Not escalated: closed when the escalation window lapses, as for everyone else.
          PlanClose(housing, candidate.complaint, candidate.responded_on);
        }
      }
    }
  }

  // Plans one stage from its start: acknowledgement, perhaps refusal or withdrawal (stage 1),
  // perhaps an extension, and the response, on time or late.
  StageOutcome PlanStage(const AreaSpec& area, int index, int stage, Date start,
                         const std::string& handler, bool may_refuse) {
    constexpr int kLateAcknowledgementPerMille = 110;
    constexpr int kRefusedPerMille = 30;
    constexpr int kWithdrawnPerMille = 20;
    constexpr int kImplicitAcknowledgementPerMille = 30;
    constexpr int kExtendedPerMille = 140;
    constexpr int kBeyondCodePerMille = 150;
    constexpr int kLatePerMille = 140;
    constexpr int kReopenedPerMille = 12;
    constexpr int kMaxLateAcknowledgementDays = 4;
    constexpr int kMaxLateResponseDays = 12;

    const core::StageRule& rule = core::RulesFor(area.regime).stage(stage);
    StageOutcome outcome;
    outcome.handler = handler;

    int ack_days =
        rng_.Chance(kLateAcknowledgementPerMille)
            ? rule.acknowledge_working_days + rng_.Between(1, kMaxLateAcknowledgementDays)
            : rng_.Between(1, rule.acknowledge_working_days);
    Date acknowledged = calendar_.AddWorkingDays(start, ack_days);

    if (may_refuse && rng_.Chance(kRefusedPerMille)) {
      constexpr std::array<std::pair<core::RefusalReason, std::string_view>, 4> kReasons{{
          {core::RefusalReason::kOlderThan12Months,
           "The matter happened more than 12 months before the complaint."},
          {core::RefusalReason::kLegalProceedings,
           "Legal proceedings about this matter have started."},
          {core::RefusalReason::kPreviouslyConsidered,
           "This matter was considered under the complaints procedure before."},
          {core::RefusalReason::kOther, "The matter is for the tribunal that decides appeals."},
      }};
      const auto& [reason, explanation] = rng_.Pick(kReasons);
      Step step;
      step.on = acknowledged;
      step.complaint = index;
      step.actor = Officer(area);
      // A refusal as too old carries its evidence: the matter arose more than 12 months before
      // the complaint (from the index, so the random sequence and the figures stay).
      constexpr int kDaysBeyondSpread = 120;
      std::optional<Date> matter_arose_on;
      if (reason == core::RefusalReason::kOlderThan12Months) {
        matter_arose_on =
            start.AddMonths(-core::RulesFor(area.regime, start).complaint_time_limit_months)
                .AddDays(-(1 + index % kDaysBeyondSpread));
      }
      step.action = core::RefuseInput{
          acknowledged, reason,
          std::string(explanation) + " You may ask the Ombudsman to review this decision.",
          matter_arose_on};
      steps_.push_back(std::move(step));
      return outcome;
    }

    bool implicit = stage == 1 && rng_.Chance(kImplicitAcknowledgementPerMille);
    if (!implicit) {
      Step step;
      step.on = acknowledged;
      step.complaint = index;
      step.actor = handler;
      step.action = core::AcknowledgeInput{acknowledged};
      steps_.push_back(std::move(step));
    }
    if (may_refuse && !implicit && rng_.Chance(kWithdrawnPerMille)) {
      Step step;
      step.on = calendar_.AddWorkingDays(acknowledged, rng_.Between(1, 5));
      step.complaint = index;
      step.actor = Officer(area);
      step.action = core::WithdrawInput{step.on, "The resident says the matter is now resolved."};
      steps_.push_back(std::move(step));
      return outcome;
    }

    Date responded;
    if (implicit) {
      // Resolved at first contact: answered without a separate acknowledgement.
      responded = acknowledged;
    } else {
      // The regime's own clock (the statutory regimes' ignores the shutdown), so an extension is
      // decided within the timescale the use case will judge it by.
      const core::WorkingCalendar& clock = core::CalendarFor(area.regime, calendar_);
      Date base = rule.respond_clock == core::ClockStart::kAcknowledgement ? acknowledged : start;
      Date due = rule.respond.unit == core::PeriodUnit::kWorkingDays
                     ? clock.AddWorkingDays(base, rule.respond.amount)
                     : base.AddMonths(rule.respond.amount);
      Date earliest = calendar_.AddWorkingDays(acknowledged, 1);
      if (rng_.Chance(kExtendedPerMille)) {
        constexpr int kDefaultExtension = 10;
        int limit = rule.extension_limit_working_days.value_or(kDefaultExtension);
        bool beyond = limit == 0 || rng_.Chance(kBeyondCodePerMille);
        int days = beyond ? limit + rng_.Between(3, 10) : rng_.Between(std::min(5, limit), limit);
        Date decided = std::max(earliest, clock.AddWorkingDays(due, -rng_.Between(1, 3)));
        if (decided > due) decided = due;
        Step step;
        step.on = decided;
        step.complaint = index;
        step.actor = handler;
        step.action = core::ExtendInput{
            decided, days, std::string(rng_.Pick(kExtensionReasons)),
            beyond ? "Independent expert evidence is needed before a fair answer can be given."
                   : ""};
        steps_.push_back(std::move(step));
        earliest = std::max(earliest, decided);
        due = clock.AddWorkingDays(due, days);
      }
      if (rng_.Chance(kLatePerMille)) {
        responded = calendar_.AddWorkingDays(due, rng_.Between(1, kMaxLateResponseDays));
        outcome.late = true;
        // The adults' regulations require a notice that the response will be late, with the
        // reasons, given the day after the due date.
        if (rule.steps == core::StatutorySteps::kAgreedHandling && due.AddDays(1) < responded) {
          Step notice;
          notice.on = due.AddDays(1);
          notice.complaint = index;
          notice.actor = handler;
          notice.action = core::LateNoticeInput{
              notice.on, "We are still waiting for the care provider's records.", responded};
          steps_.push_back(std::move(notice));
        }
      } else {
        int span = std::max(0, calendar_.WorkingDaysBetween(earliest, due));
        responded = calendar_.AddWorkingDays(earliest, rng_.Between(0, span));
      }
    }

    PushResponse(area, index, responded, handler);
    outcome.answered = true;
    outcome.responded_on = responded;

    bool final_stage = stage == core::RulesFor(area.regime).stage_count();
    if (!final_stage && rng_.Chance(kReopenedPerMille)) {
      // Reopened when the response missed part of the complaint, then answered again.
      Step reopen;
      reopen.on = calendar_.AddWorkingDays(responded, rng_.Between(2, 8));
      reopen.complaint = index;
      reopen.actor = "sarita.riley";
      reopen.action = core::ReopenInput{reopen.on, "The response did not address every point."};
      Date again = calendar_.AddWorkingDays(reopen.on, rng_.Between(3, 8));
      steps_.push_back(std::move(reopen));
      PushResponse(area, index, again, handler);
      outcome.responded_on = again;
    }
    return outcome;
  }

  void PushResponse(const AreaSpec& area, int index, Date on, const std::string& handler) {
    constexpr int kUpheldPerMille = 300;
    constexpr int kPartlyPerMille = 250;
    constexpr int kFinancialPerMille = 350;
    constexpr int kWorksPerMille = 500;
    constexpr int kSecondCausePerMille = 300;
    constexpr int kLearningPerMille = 650;
    constexpr int kActionPerMille = 500;
    constexpr int kPoundsStep = 25;
    constexpr int kPenceInPound = 100;
    constexpr int kActionDueDays = 28;

    core::RespondInput input;
    input.on = on;
    int roll = rng_.Below(Rng::kPerMille);
    input.outcome = roll < kUpheldPerMille                     ? core::Outcome::kUpheld
                    : roll < kUpheldPerMille + kPartlyPerMille ? core::Outcome::kPartlyUpheld
                                                               : core::Outcome::kNotUpheld;
    if (*input.outcome == core::Outcome::kNotUpheld) {
      input.root_causes.push_back(std::string(kNoFaultFound));
      if (rng_.Chance(Rng::kPerMille / 2)) {
        input.remedies.push_back({core::RemedyType::kExplanation, 0,
                                  "Explained the council's decision and the policy behind it."});
      }
    } else {
      std::string first = FaultCause();
      input.root_causes.push_back(first);
      if (rng_.Chance(kSecondCausePerMille)) {
        std::string second = FaultCause();
        if (second != first) input.root_causes.push_back(second);
      }
      input.remedies.push_back({core::RemedyType::kApology, 0, "Apologised for the failings."});
      if (rng_.Chance(kFinancialPerMille)) {
        input.remedies.push_back(
            {core::RemedyType::kFinancial,
             static_cast<std::int64_t>(rng_.Between(1, 30)) * kPoundsStep * kPenceInPound,
             "Compensation for time, trouble and distress."});
      }
      if (area.code == kHousingArea && rng_.Chance(kWorksPerMille)) {
        input.remedies.push_back({core::RemedyType::kWorks, 0, "Repair works ordered."});
      }
      if (rng_.Chance(kActionPerMille)) {
        input.actions.push_back(core::Action{
            "Complete the outstanding work and confirm in writing.", on.AddDays(kActionDueDays),
            handler, core::ActionStatus::kOpen, std::nullopt});
      }
      if (rng_.Chance(kLearningPerMille)) input.learning = std::string(rng_.Pick(kLearning));
    }
    Step step;
    step.on = on;
    step.complaint = index;
    step.actor = handler;
    step.action = std::move(input);
    steps_.push_back(std::move(step));
  }

  std::string FaultCause() {
    // Every cause but "no fault found", which the taxonomy lists last.
    const NamedCode& cause =
        kRootCauses[static_cast<std::size_t>(rng_.Below(static_cast<int>(kRootCauses.size()) - 1))];
    return std::string(cause.code);
  }

  static std::string_view CategoryName(std::string_view code) {
    for (const NamedCode& category : kCategories) {
      if (category.code == code) return category.name;
    }
    return code;
  }

  Rng rng_;
  Date today_;
  const core::WorkingCalendar& calendar_;
  const core::RoutingConfig& routing_;
  std::map<std::string, std::vector<std::string>> handlers_by_team_;
  std::map<std::string, std::vector<std::string>> officers_by_team_;
  std::map<std::string, std::vector<RecentComplaint>> recent_by_area_;
  std::vector<EscalationCandidate> housing_candidates_;
  std::vector<Step> steps_;
  int complaint_count_ = 0;
  int service_request_count_ = 0;
  int person_serial_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Set-up and replay.

// The Christmas shutdown: the working days between Boxing Day and New Year's Day.
std::vector<ClosureDay> ChristmasClosures(int last_year) {
  constexpr int kDecember = 12;
  constexpr int kFirstShutdownDay = 27;
  constexpr int kLastShutdownDay = 31;
  std::vector<ClosureDay> days;
  core::WorkingCalendar calendar(core::Division::kEnglandAndWales);
  for (int year = kDemoFirstFinancialYear; year <= last_year; ++year) {
    for (int day = kFirstShutdownDay; day <= kLastShutdownDay; ++day) {
      Date date = *Date::FromYmd(year, kDecember, day);
      if (calendar.IsWorkingDay(date)) days.push_back({date, "Christmas shutdown"});
    }
  }
  return days;
}

std::vector<core::Designation> Designations() {
  // Housing designated from April 2024 for 2024-26 and re-confirmed by Cabinet (17/09/2024).
  constexpr int kApril = 4;
  constexpr int kMarch = 3;
  constexpr int kLastDayOfMarch = 31;
  return {
      {std::string(kHousingArea), *Date::FromYmd(2024, kApril, 1),
       Date::FromYmd(2026, kMarch, kLastDayOfMarch)},
      {std::string(kHousingArea), *Date::FromYmd(2026, kApril, 1), std::nullopt},
  };
}

Status SetUp(Tx& tx, const Actor& actor, Date day, Date today) {
  OrganisationSettings settings{std::string(kOrganisationName), core::Division::kEnglandAndWales,
                                std::string(kIndependentTeam), std::string(kChildrenTeam)};
  // Teams first: the settings name the independent and children's teams.
  for (const TeamSpec& team : kTeams) {
    if (auto saved = SaveTeam(tx, actor, day, {std::string(team.code), std::string(team.name)});
        !saved) {
      return saved;
    }
  }
  if (auto saved = SaveSettings(tx, actor, day, settings); !saved) return saved;
  for (const AreaSpec& area : kAreas) {
    ServiceArea record{std::string(area.code), std::string(area.name), std::string(area.team)};
    if (auto saved = SaveServiceArea(tx, actor, day, record); !saved) return saved;
  }
  for (const NamedCode& category : kCategories) {
    if (auto saved = SaveCategory(tx, actor, day,
                                  {std::string(category.code), std::string(category.name), true});
        !saved) {
      return saved;
    }
  }
  for (const NamedCode& cause : kRootCauses) {
    if (auto saved =
            SaveRootCause(tx, actor, day, {std::string(cause.code), std::string(cause.name), true});
        !saved) {
      return saved;
    }
  }
  for (const ClosureDay& closure : ChristmasClosures(today.year())) {
    if (auto added = AddClosureDay(tx, actor, day, closure); !added) return added;
  }
  for (const core::Designation& designation : Designations()) {
    if (auto added = AddDesignation(tx, actor, day, designation); !added) return added;
  }
  for (const HousingYear& year : kHousingYears) {
    if (auto saved = SaveHomesOwned(tx, actor, day, year.financial_year, year.homes_owned);
        !saved) {
      return saved;
    }
  }
  for (const Tp09Year& year : kTp09Years) {
    if (auto saved = SaveTenantSatisfaction(tx, actor, day, year.financial_year,
                                            {year.percent, year.sample_size});
        !saved) {
      return saved;
    }
  }
  for (const UserSpec& user : kUsers) {
    auto added = AddUserIn(tx, actor, day,
                           NewUser{std::string(user.username), std::string(user.display_name),
                                   user.role, std::string(user.team), std::string(kDemoPassword)},
                           LengthPasswordPolicy());
    if (!added) return tl::unexpected(added.error());
  }
  return {};
}

// Replays the plan through the use cases, with the clock set to each step's day.
class Replayer {
 public:
  Replayer(Tx& tx, const Organisation& organisation, ManualClock& clock,
           const std::map<std::string, Actor, std::less<>>& actors, int complaints, int requests)
      : tx_(tx),
        organisation_(organisation),
        clock_(clock),
        actors_(actors),
        complaint_references_(static_cast<std::size_t>(complaints)),
        request_references_(static_cast<std::size_t>(requests)) {}

  Status Run(const std::vector<Step>& steps, Date today) {
    constexpr int kWorkdayStartSeconds = 9 * 3600;
    constexpr int kSecondsBetweenSteps = 3;
    Date current;
    int step_of_day = 0;
    for (const Step& step : steps) {
      if (step.on > today) continue;
      step_of_day = step.on == current ? step_of_day + 1 : 0;
      current = step.on;
      clock_.Set(step.on, kWorkdayStartSeconds + step_of_day * kSecondsBetweenSteps);
      if (auto done = Apply(step); !done) {
        done.error().message =
            "demo step on " + step.on.ToIso() + " failed: " + done.error().message;
        return done;
      }
    }
    return {};
  }

 private:
  Status Apply(const Step& step) {
    const Actor& actor = actors_.at(step.actor);
    switch (step.kind) {
      case StepKind::kLogServiceRequest: {
        auto logged = LogServiceRequestIn(tx_, organisation_, actor, step.on, step.request);
        if (!logged) return tl::unexpected(logged.error());
        request_references_[static_cast<std::size_t>(step.service_request)] = logged->reference;
        return {};
      }
      case StepKind::kResolveServiceRequest: {
        const std::string& reference =
            request_references_[static_cast<std::size_t>(step.service_request)];
        auto resolved =
            ResolveServiceRequestIn(tx_, actor, step.on, reference, step.on, step.resolution);
        if (!resolved) return tl::unexpected(resolved.error());
        return {};
      }
      case StepKind::kLogComplaint: {
        auto logged = LogComplaintIn(tx_, organisation_, actor, step.on, step.log);
        if (!logged) return tl::unexpected(logged.error());
        complaint_references_[static_cast<std::size_t>(step.complaint)] = logged->reference;
        return {};
      }
      case StepKind::kConvertServiceRequest: {
        const std::string& reference =
            request_references_[static_cast<std::size_t>(step.service_request)];
        auto converted =
            ConvertServiceRequestIn(tx_, organisation_, actor, step.on, reference, step.convert);
        if (!converted) return tl::unexpected(converted.error());
        complaint_references_[static_cast<std::size_t>(step.complaint)] = converted->reference;
        return {};
      }
      case StepKind::kCaseAction: {
        const std::string& reference =
            complaint_references_[static_cast<std::size_t>(step.complaint)];
        auto applied = ApplyCaseActionIn(tx_, organisation_, actor, step.on, reference,
                                         std::nullopt, step.action);
        if (!applied) {
          return core::Fail(applied.error().code, reference + ": " + applied.error().message);
        }
        return {};
      }
    }
    return {};
  }

  Tx& tx_;
  const Organisation& organisation_;
  ManualClock& clock_;
  const std::map<std::string, Actor, std::less<>>& actors_;
  std::vector<std::string> complaint_references_;
  std::vector<std::string> request_references_;
};

}  // namespace

int DemoHousingStage1(int year) {
  for (const HousingYear& entry : kHousingYears) {
    if (entry.financial_year == year) return entry.stage1;
  }
  return 0;
}

int DemoHousingStage2(int year) {
  for (const HousingYear& entry : kHousingYears) {
    if (entry.financial_year == year) return entry.stage2;
  }
  return 0;
}

Result<DemoResult> BuildDemo(Store& store, ManualClock& clock, const DemoOptions& options) {
  if (options.today < core::FinancialYearStart(kDemoFirstFinancialYear + 1)) {
    return core::FailField("today",
                           "the demo needs a date after " +
                               core::FinancialYearStart(kDemoFirstFinancialYear + 1).ToIso());
  }
  if (!core::InCalendarRange(options.today)) {
    return core::FailField("today", "is outside the calendar's range");
  }
  Actor system = SystemActor();
  // The council was set up the day before its first financial year of records.
  Date setup_day = core::FinancialYearStart(kDemoFirstFinancialYear).AddDays(-1);
  constexpr int kSetupSeconds = 8 * 3600;
  clock.Set(setup_day, kSetupSeconds);

  auto set_up = store.Write([&](Tx& tx) -> Status {
    auto summary = tx.Summarise();
    if (!summary) return tl::unexpected(summary.error());
    if (summary->complaints > 0 || summary->users > 0) {
      return core::Fail(core::ErrorCode::kConflict,
                        "the database already holds data; the demo needs a new database");
    }
    return SetUp(tx, system, setup_day, options.today);
  });
  if (!set_up) return tl::unexpected(set_up.error());

  std::map<std::string, Actor, std::less<>> actors;
  for (const UserSpec& user : kUsers) {
    actors.emplace(std::string(user.username),
                   Actor{std::string(user.username), user.role, std::string(user.team)});
  }

  DemoResult result;
  auto replayed = store.Write([&](Tx& tx) -> Status {
    auto organisation = LoadOrganisation(tx);
    if (!organisation) return tl::unexpected(organisation.error());
    Planner planner(options, *organisation->calendar, organisation->routing);
    std::vector<Step> steps = planner.Plan();
    Replayer replayer(tx, *organisation, clock, actors, planner.complaint_count(),
                      planner.service_request_count());
    if (auto ran = replayer.Run(steps, options.today); !ran) return ran;
    auto summary = tx.Summarise();
    if (!summary) return tl::unexpected(summary.error());
    result.organisation = summary->organisation;
    result.complaints = summary->complaints;
    result.service_requests = summary->service_requests;
    return {};
  });
  if (!replayed) return tl::unexpected(replayed.error());
  if (Status oversight = SeedDemoOversight(store, clock, options.today); !oversight) {
    return tl::unexpected(oversight.error());
  }

  for (const UserSpec& user : kUsers) {
    result.sign_ins.push_back({std::string(user.username), std::string(core::ToString(user.role)),
                               std::string(user.team), std::string(kDemoPassword)});
  }
  return result;
}

}  // namespace redress::app
