#include "legacy/conversion.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/test_support.hpp"

namespace redress::legacy {

// Problems printed readably when a test fails (found by argument-dependent lookup).
void PrintTo(const Problem& problem, std::ostream* out) {
  *out << "row " << problem.row << " [" << problem.column << "] " << problem.message;
}

namespace {

using core::test_support::D;

const char* kMapping = R"(
system = "meritec"
date_formats = ["DD/MM/YYYY"]
regime = "housing"
default_remedy = "explanation"
default_category = "repairs_delay"
[columns]
reference = "Ref"
received_on = "Received"
service_area = "Service"
category = "Type"
summary = "Summary"
complainant_name = "Name"
complainant_email = "Email"
status = "Status"
[[stages]]
acknowledged_on = "Ack1"
responded_on = "Resp1"
outcome = "Out1"
root_cause = "Cause"
compensation = "Paid"
[[stages]]
requested_on = "Req2"
responded_on = "Resp2"
outcome = "Out2"
root_cause = "Cause"
[codes.service_area]
HSG = "repairs"
[codes.outcome]
U = "upheld"
P = "partly_upheld"
N = "not_upheld"
[codes.root_cause]
COMMS = "communication"
[codes.status]
Open = "open"
Closed = "closed"
)";

const char* kHeader =
    "Ref,Received,Service,Type,Summary,Name,Status,Ack1,Resp1,Out1,Cause,Paid,"
    "Req2,Resp2,Out2,Email\n";

struct Fixture {
  core::WorkingCalendar calendar{core::Division::kEnglandAndWales};
  std::set<std::string, std::less<>> root_causes{"communication"};
  std::set<std::string, std::less<>> categories{"repairs_delay"};
  std::map<std::string, std::string, std::less<>> teams{{"repairs", "housing"}};
  core::RoutingConfig routing;
  ConversionContext context{&calendar,   D(2025, 6, 1), "importer", &root_causes,
                            &categories, &teams,        &routing};
  Mapping mapping = *ParseMapping(kMapping);

  std::vector<ImportedCase> cases;
  std::vector<Problem> problems;
  std::size_t rows = 0;

  void Convert(
      const std::string& body,
      std::function<bool(const std::string&)> wanted = [](const std::string&) { return true; }) {
    rows = ConvertFile(
        std::string(kHeader) + body, mapping, context, wanted,
        [this](ImportedCase&& c) {
          cases.push_back(std::move(c));
          return true;
        },
        problems);
  }
};

std::vector<std::string> TypesOf(const ImportedCase& c) {
  std::vector<std::string> types;
  for (const auto& event : c.events) {
    types.push_back(std::string(core::ToString(event.type)) + "@" + event.occurred_on.ToIso());
  }
  return types;
}

TEST(Conversion, ClosedTwoStageCaseKeepsItsDates) {
  Fixture f;
  f.Convert(
      "M-1,02/05/2023,HSG,repairs_delay,Leak,Ann Smith,Closed,04/05/2023,20/05/2023,P,COMMS,"
      "£50.00,01/06/2023,10/07/2023,N,a@example.org\n");
  ASSERT_EQ(f.problems, std::vector<Problem>{});
  ASSERT_EQ(f.cases.size(), 1U);
  const ImportedCase& c = f.cases[0];
  EXPECT_EQ(c.legacy_reference, "M-1");
  EXPECT_EQ(c.complaint.status, core::CaseStatus::kClosed);
  EXPECT_EQ(c.complaint.received_on, D(2023, 5, 2));
  EXPECT_EQ(c.complaint.closed_on, D(2023, 7, 10));
  ASSERT_EQ(c.complaint.stages.size(), 2U);
  const auto& response = *c.complaint.stages[0].response;
  EXPECT_EQ(response.outcome, core::Outcome::kPartlyUpheld);
  ASSERT_EQ(response.remedies.size(), 1U);  // the money; no default needed
  EXPECT_EQ(response.remedies[0].amount_pence, 5000);
  EXPECT_EQ(TypesOf(c), (std::vector<std::string>{"logged@2023-05-02", "acknowledged@2023-05-04",
                                                  "responded@2023-05-20", "escalated@2023-06-01",
                                                  "responded@2023-07-10"}));
}

TEST(Conversion, OpenAndClosedAfterStageOne) {
  Fixture f;
  f.Convert(
      "M-2,02/05/2023,HSG,,Leak,Ann,Open,,,,,,,,,a@example.org\n"
      "M-3,02/05/2023,hsg,,Leak,Bob,Closed,,12/05/2023,U,COMMS,,,,,a@example.org\n");
  ASSERT_EQ(f.problems, std::vector<Problem>{});
  ASSERT_EQ(f.cases.size(), 2U);
  EXPECT_EQ(f.cases[0].complaint.status, core::CaseStatus::kAwaitingAcknowledgement);
  EXPECT_EQ(f.cases[1].complaint.status, core::CaseStatus::kClosed);
  EXPECT_EQ(f.cases[1].complaint.closed_on, D(2023, 5, 12));
  // Upheld with no remedy in the file: the mapping's default.
  EXPECT_EQ(f.cases[1].complaint.stages[0].response->remedies.at(0).type,
            core::RemedyType::kExplanation);
  EXPECT_EQ(TypesOf(f.cases[1]).back(), "closed@2023-05-12");
}

TEST(Conversion, ReportsEveryProblemByRowAndColumn) {
  Fixture f;
  f.Convert(
      "M-4,31/02/2023,XXX,nope,,Ann,Closed,,,,,,,,,a@example.org\n"                   // row 2
      "M-5,02/05/2023,HSG,,Leak,Bob,Closed,,12/05/2023,Q,BAD,ten,,,,a@example.org\n"  // row 3
      "M-4,02/05/2023,HSG,,Leak,Cy,Open,,,,,,,,,a@example.org\n"  // row 4: a duplicate
      "M-6,02/05/2023,HSG,,Leak,Di,Open,,01/05/2023,N,COMMS,,,,,a@example.org\n"  // row 5: before
                                                                                  // receipt
      "M-7,02/05/2027,HSG,,Leak,Ed,Open,,,,,,,,,a@example.org\n"       // row 6: in the future
      "M-8,02/05/2023,HSG,,Leak,Fay,Closed,,,,,,,,,a@example.org\n");  // row 7: closed, no response
  EXPECT_EQ(f.cases.size(), 0U);
  EXPECT_EQ(f.rows, 6U);
  std::vector<std::pair<std::size_t, std::string>> where;
  for (const auto& p : f.problems) where.emplace_back(p.row, p.column);
  EXPECT_EQ(where, (std::vector<std::pair<std::size_t, std::string>>{
                       {2, "Received"},
                       {2, "Service"},
                       {2, "Type"},
                       {2, "Summary"},
                       {3, "Out1"},
                       {3, "Cause"},
                       {3, "Paid"},
                       {4, "Ref"},
                       {5, "Resp1"},
                       {6, "Received"},
                       {7, "Status"},
                   }));
}

TEST(Conversion, MissingColumnsAreReportedOnTheHeader) {
  Fixture f;
  std::vector<Problem> problems;
  auto rows = ConvertFile(
      "Ref,Received\nM-1,02/05/2023\n", f.mapping, f.context,
      [](const std::string&) { return true; }, [](ImportedCase&&) { return true; }, problems);
  EXPECT_EQ(rows, 0U);
  ASSERT_FALSE(problems.empty());
  for (const auto& p : problems) EXPECT_EQ(p.row, 1U) << p.column;
  EXPECT_EQ(problems[0].column, "Service");
}

TEST(Conversion, SkipsWhatIsNotWanted) {
  Fixture f;
  f.Convert("M-2,02/05/2023,HSG,,Leak,Ann,Open,,,,,,,,\n",
            [](const std::string& reference) { return reference != "M-2"; });
  EXPECT_EQ(f.rows, 1U);
  EXPECT_TRUE(f.cases.empty());
  EXPECT_TRUE(f.problems.empty());
}

}  // namespace
}  // namespace redress::legacy
