#include "core/ombudsman.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/test_support.hpp"

namespace redress::core {
namespace {

using test_support::CaseName;
using test_support::D;
using test_support::ExpectFieldErrors;
using test_support::FieldNames;

const Date kToday = D(2025, 6, 30);

OmbudsmanCase HousingCase() {
  OmbudsmanCase c;
  c.reference = "OMB-2025-000001";
  c.ombudsman = Ombudsman::kHousingOmbudsman;
  c.ombudsman_reference = "202412345";
  c.referred_on = D(2025, 1, 6);
  c.enquiry_received_on = D(2025, 1, 20);
  c.information_due_on = D(2025, 2, 3);
  c.information_sent_on = D(2025, 1, 31);
  return c;
}

OmbudsmanCase LgscoCase() {
  OmbudsmanCase c = HousingCase();
  c.ombudsman = Ombudsman::kLgsco;
  return c;
}

OmbudsmanRemedy Order(Date due, std::optional<Date> completed = std::nullopt) {
  return {RemedyKind::kOrder, OmbudsmanRemedyType::kFinancialCompensation,
          "Pay £250",         due,
          completed,          completed ? "Payment run 12" : ""};
}

struct CaseRule {
  std::string_view name;
  std::function<void(OmbudsmanCase&)> change;
  std::vector<std::string> fields;  // empty = valid
  // The code of each offending field (none: the test checks only the names).
  std::vector<FieldErrorCode> codes = {};
};

class OmbudsmanCaseRulesTest : public testing::TestWithParam<CaseRule> {};

TEST_P(OmbudsmanCaseRulesTest, NamesTheOffendingFields) {
  OmbudsmanCase c = HousingCase();
  GetParam().change(c);
  ExpectFieldErrors(ValidateOmbudsmanCase(c, kToday), GetParam().fields, GetParam().codes);
}

const CaseRule kCaseRules[] = {
    {"AnOpenEnquiryIsValid", [](OmbudsmanCase&) {}, {}},
    {"NoDatesAtAllIsValid",
     [](OmbudsmanCase& c) {
       c.referred_on.reset();
       c.enquiry_received_on.reset();
       c.information_due_on.reset();
       c.information_sent_on.reset();
     },
     {}},
    {"EnquiryBeforeReferral",
     [](OmbudsmanCase& c) { c.enquiry_received_on = D(2025, 1, 1); },
     {"enquiry_received_on"},
     {FieldErrorCode::kDateTooEarly}},
    {"InformationSentBeforeEnquiry",
     [](OmbudsmanCase& c) { c.information_sent_on = D(2025, 1, 10); },
     {"information_sent_on"}},
    {"DraftAfterFinal",
     [](OmbudsmanCase& c) {
       c.draft_decision_on = D(2025, 5, 1);
       c.final_decision_on = D(2025, 4, 1);
       c.findings = {{"Repairs", HoFinding::kMaladministration}};
     },
     {"final_decision_on"}},
    {"SentInTheFuture",
     [](OmbudsmanCase& c) { c.information_sent_on = D(2025, 7, 1); },
     {"information_sent_on"},
     {FieldErrorCode::kDateInFuture}},
    {"DeadlineInTheFutureIsFine",
     [](OmbudsmanCase& c) {
       c.information_due_on = D(2025, 8, 1);
       c.information_sent_on.reset();
     },
     {}},
    {"FinalDecisionNeedsFindings",
     [](OmbudsmanCase& c) { c.final_decision_on = D(2025, 5, 1); },
     {"findings"},
     {FieldErrorCode::kRequired}},
    {"FindingsNeedFinalDecision",
     [](OmbudsmanCase& c) {
       c.findings = {{"Repairs", HoFinding::kServiceFailure}};
     },
     {"final_decision_on"}},
    {"HousingOmbudsmanMakesNoLgscoDecision",
     [](OmbudsmanCase& c) {
       c.final_decision_on = D(2025, 5, 1);
       c.lgsco_decision = LgscoDecision::kNotUpheld;
     },
     {"lgsco_decision"},
     {FieldErrorCode::kNotAllowedInState}},
    {"LgscoMakesNoFindings",
     [](OmbudsmanCase& c) {
       c.ombudsman = Ombudsman::kLgsco;
       c.final_decision_on = D(2025, 5, 1);
       c.lgsco_decision = LgscoDecision::kNotUpheld;
       c.findings = {{"Repairs", HoFinding::kServiceFailure}};
     },
     {"findings"}},
    {"LgscoFinalDecisionNeedsDecision",
     [](OmbudsmanCase& c) {
       c.ombudsman = Ombudsman::kLgsco;
       c.final_decision_on = D(2025, 5, 1);
     },
     {"lgsco_decision"}},
    {"BlankElement",
     [](OmbudsmanCase& c) {
       c.final_decision_on = D(2025, 5, 1);
       c.findings = {{" ", HoFinding::kServiceFailure}};
     },
     {"findings[0].element"}},
    {"RemediesNeedAFinalDecision",
     [](OmbudsmanCase& c) { c.remedies = {Order(D(2025, 6, 1))}; },
     {"remedies"}},
    {"CompletedRemedyNeedsEvidence",
     [](OmbudsmanCase& c) {
       c.final_decision_on = D(2025, 5, 1);
       c.findings = {{"Repairs", HoFinding::kMaladministration}};
       OmbudsmanRemedy remedy = Order(D(2025, 6, 1), D(2025, 5, 20));
       remedy.evidence.clear();
       c.remedies = {remedy};
     },
     {"remedies[0].evidence"}},
    {"RemedyDueBeforeDecision",
     [](OmbudsmanCase& c) {
       c.final_decision_on = D(2025, 5, 1);
       c.findings = {{"Repairs", HoFinding::kMaladministration}};
       c.remedies = {Order(D(2025, 4, 1))};
     },
     {"remedies[0].due_on"}},
    {"DecidedWithOrdersIsValid",
     [](OmbudsmanCase& c) {
       c.draft_decision_on = D(2025, 4, 1);
       c.final_decision_on = D(2025, 5, 1);
       c.findings = {{"Repairs", HoFinding::kMaladministration},
                     {"Complaint handling", HoFinding::kServiceFailure}};
       c.remedies = {Order(D(2025, 6, 1), D(2025, 5, 20)), Order(D(2025, 7, 1))};
     },
     {}},
};
INSTANTIATE_TEST_SUITE_P(Rules, OmbudsmanCaseRulesTest, testing::ValuesIn(kCaseRules), CaseName());

TEST(OmbudsmanTest, SatisfactoryRemedyIsAnLgscoMatter) {
  OmbudsmanCase c = HousingCase();
  c.satisfactory_remedy_by_council = true;
  Status status = ValidateOmbudsmanCase(c, kToday);
  ASSERT_FALSE(status);
  EXPECT_EQ(FieldNames(status.error()), std::vector<std::string>{"satisfactory_remedy_by_council"});
  c = LgscoCase();
  c.final_decision_on = D(2025, 5, 1);
  c.lgsco_decision = LgscoDecision::kUpheldFaultAndInjustice;
  c.satisfactory_remedy_by_council = true;
  EXPECT_TRUE(ValidateOmbudsmanCase(c, kToday));
}

TEST(OmbudsmanTest, ComplianceOfARemedyAsAtADate) {
  struct Row {
    std::optional<Date> completed;
    Date today;
    Compliance expected;
  };
  const Date due = D(2025, 6, 1);
  const Row rows[] = {
      {std::nullopt, D(2025, 6, 1), Compliance::kPending},
      {std::nullopt, D(2025, 6, 2), Compliance::kOverdue},
      {D(2025, 6, 1), D(2025, 7, 1), Compliance::kCompliedOnTime},
      {D(2025, 6, 2), D(2025, 7, 1), Compliance::kCompliedLate},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(ComplianceOf(Order(due, row.completed), row.today), row.expected)
        << row.today.ToIso();
  }
}

TEST(OmbudsmanTest, OverdueOrdersInformationAndFailureOrdersAreFlagged) {
  OmbudsmanCase late_information = HousingCase();
  late_information.information_sent_on.reset();  // due 2025-02-03
  OmbudsmanCase decided = HousingCase();
  decided.reference = "OMB-2025-000002";
  decided.final_decision_on = D(2025, 5, 1);
  decided.findings = {{"Repairs", HoFinding::kMaladministration}};
  decided.remedies = {Order(D(2025, 6, 1)), Order(D(2025, 6, 1), D(2025, 5, 30)),
                      Order(D(2025, 7, 1))};
  FailureOrder pending;
  pending.reference = "CHFO-2025-000001";
  pending.issued_on = D(2025, 5, 1);
  pending.due_on = D(2025, 6, 29);
  FailureOrder complied = pending;
  complied.reference = "CHFO-2025-000002";
  complied.outcome = ChfoOutcome::kComplied;

  std::vector<OverdueItem> items =
      OverdueOmbudsmanItems({late_information, decided}, {pending, complied}, kToday);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].kind, OverdueKind::kInformation);
  EXPECT_EQ(items[0].days_overdue, D(2025, 2, 3).DaysUntil(kToday));
  // People read it on the dashboard: the Ombudsman's name, not its code.
  EXPECT_EQ(items[0].description.rfind("Information for the Housing Ombudsman", 0), 0u)
      << items[0].description;
  EXPECT_EQ(items[1].kind, OverdueKind::kRemedy);
  EXPECT_EQ(items[1].reference, "OMB-2025-000002");
  EXPECT_EQ(items[1].index, 0);
  EXPECT_EQ(items[2].kind, OverdueKind::kFailureOrder);
  EXPECT_EQ(items[2].days_overdue, 1);
}

TEST(OmbudsmanTest, FailureOrderRules) {
  FailureOrder order;
  order.description = "Respond to the stage 2 complaint";
  order.issued_on = D(2025, 5, 1);
  order.due_on = D(2025, 5, 29);
  EXPECT_TRUE(ValidateFailureOrder(order, kToday));
  order.outcome = ChfoOutcome::kComplied;
  Status missing = ValidateFailureOrder(order, kToday);
  ASSERT_FALSE(missing);
  EXPECT_EQ(FieldNames(missing.error()), std::vector<std::string>{"complied_on"});
  order.complied_on = D(2025, 4, 1);
  order.due_on = D(2025, 4, 1);
  Status early = ValidateFailureOrder(order, kToday);
  ASSERT_FALSE(early);
  EXPECT_EQ(FieldNames(early.error()), (std::vector<std::string>{"due_on", "complied_on"}));
}

TEST(OmbudsmanTest, LetterRules) {
  LgscoLetter letter;
  letter.year = 2024;
  letter.decisions_made = 10;
  letter.investigated = 4;
  letter.upheld = 5;
  letter.compliance_percent = 101;
  Status status = ValidateLgscoLetter(letter);
  ASSERT_FALSE(status);
  EXPECT_EQ(FieldNames(status.error()), (std::vector<std::string>{"upheld", "compliance_percent"}));
}

TEST(OmbudsmanTest, ReconciliationPutsTheLetterBesideTheCasesAndShowsDifferences) {
  const auto decided = [](LgscoDecision decision, Date on) {
    OmbudsmanCase c = LgscoCase();
    c.enquiry_received_on = D(2024, 5, 1);
    c.referred_on = D(2024, 4, 20);
    c.information_due_on.reset();
    c.information_sent_on.reset();
    c.final_decision_on = on;
    c.lgsco_decision = decision;
    return c;
  };
  OmbudsmanCase upheld = decided(LgscoDecision::kUpheldFaultAndInjustice, D(2024, 9, 1));
  upheld.satisfactory_remedy_by_council = true;
  upheld.remedies = {Order(D(2024, 10, 1), D(2024, 9, 20)), Order(D(2024, 11, 1))};
  std::vector<OmbudsmanCase> cases = {
      upheld,
      decided(LgscoDecision::kNotUpheld, D(2024, 10, 1)),
      decided(LgscoDecision::kNotForUsPremature, D(2024, 6, 1)),
      decided(LgscoDecision::kClosedAfterInitialEnquiries, D(2025, 4, 2)),  // next year
      HousingCase(),  // the other Ombudsman: ignored
  };
  LgscoLetter letter;
  letter.year = 2024;
  letter.complaints_and_enquiries_received = 4;
  letter.decisions_made = 3;
  letter.not_for_us = 1;
  letter.investigated = 2;
  letter.upheld = 2;  // planted: we recorded 1
  letter.uphold_rate_percent = 100;
  letter.compliance_percent = 50;
  letter.satisfactory_remedy_by_council = 1;

  std::vector<ReconciliationLine> lines = ReconcileLetter(letter, cases);
  std::map<std::string, ReconciliationLine> by_key;
  for (const ReconciliationLine& line : lines) by_key[line.key] = line;
  EXPECT_EQ(by_key["complaints_and_enquiries_received"].recorded, 4);
  EXPECT_EQ(by_key["decisions_made"].difference, 0);
  EXPECT_EQ(by_key["not_for_us"].difference, 0);
  EXPECT_EQ(by_key["assessed_and_closed"].recorded, 0);
  EXPECT_EQ(by_key["investigated"].difference, 0);
  EXPECT_EQ(by_key["upheld"].recorded, 1);
  EXPECT_EQ(by_key["upheld"].difference, 1);
  EXPECT_EQ(by_key["uphold_rate_percent"].recorded, 50);
  EXPECT_EQ(by_key["uphold_rate_percent"].difference, 50);
  EXPECT_EQ(by_key["compliance_percent"].recorded, 50);
  EXPECT_EQ(by_key["satisfactory_remedy_by_council"].difference, 0);
}

TEST(OmbudsmanTest, DiffNamesChangedAddedAndRemovedFields) {
  const FieldValues before = {{"a", "1"}, {"b", "2"}, {"gone", "x"}};
  const FieldValues after = {{"a", "1"}, {"b", "3"}, {"new", "y"}};
  EXPECT_EQ(Diff(before, after),
            (std::vector<Change>{{"b", "2", "3"}, {"new", "", "y"}, {"gone", "x", ""}}));
}

TEST(OmbudsmanTest, EveryNameRoundTrips) {
  for (std::string_view name : {"housing_ombudsman", "lgsco"}) {
    ASSERT_TRUE(ParseOmbudsman(name));
    EXPECT_EQ(ToString(*ParseOmbudsman(name)), name);
  }
  for (std::string_view name :
       {"no_maladministration", "service_failure", "maladministration", "severe_maladministration",
        "mediation", "reasonable_redress", "outside_jurisdiction", "withdrawn"}) {
    ASSERT_TRUE(ParseHoFinding(name)) << name;
    EXPECT_EQ(ToString(*ParseHoFinding(name)), name);
  }
  EXPECT_FALSE(ParseLgscoDecision("maladministration"));
  EXPECT_EQ(LetterColumnOf(LgscoDecision::kUpheldFaultNoInjustice),
            LetterColumn::kInvestigatedUpheld);
}

TEST(ContentTagTest, NamesTheContentAndChangesWithAnyOfIt) {
  const FieldValues letter = {{"upheld", "2"}, {"comparison_group", "Unitary"}};
  const std::string tag = ContentTag(letter);
  EXPECT_EQ(tag.size(), 16U);
  EXPECT_EQ(tag.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(ContentTag(letter), tag);  // the same content, the same tag
  const std::vector<FieldValues> others = {
      {{"upheld", "3"}, {"comparison_group", "Unitary"}},
      {{"upheld", "2"}, {"comparison_group", "County"}},
      {{"upheld", "2"}},
      {{"upheld", "2U"}, {"comparison_group", "nitary"}},  // the boundary between fields counts
  };
  for (const FieldValues& other : others) EXPECT_NE(ContentTag(other), tag);
}

}  // namespace
}  // namespace redress::core
