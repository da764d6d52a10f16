#include "legacy/mapping.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace redress::legacy {
namespace {

const char* kGood = R"(
system = "meritec"
date_formats = ["DD/MM/YYYY"]
regime = "housing"
default_remedy = "explanation"

[columns]
reference = "Case Ref"
received_on = "Date Received"
service_area = "Service"
summary = "Summary"
complainant_name = "Customer"

[[stages]]
responded_on = "S1 Response"
outcome = "S1 Outcome"

[[stages]]
requested_on = "S2 Requested"
responded_on = "S2 Response"
outcome = "S2 Outcome"

[codes.outcome]
UPH = "upheld"
"Not Upheld" = "not_upheld"
)";

TEST(Mapping, ReadsAGoodFile) {
  auto mapping = ParseMapping(kGood);
  ASSERT_TRUE(mapping.has_value()) << mapping.error().message;
  EXPECT_EQ(mapping->system, "meritec");
  EXPECT_EQ(mapping->regime, core::Regime::kHousing);
  EXPECT_EQ(mapping->reference, "Case Ref");
  ASSERT_EQ(mapping->stages.size(), 2U);
  EXPECT_EQ(mapping->stages[1].requested_on, "S2 Requested");
  EXPECT_EQ(Translate(mapping->outcomes, " not upheld "), "not_upheld");
  EXPECT_EQ(Translate(mapping->outcomes, "uph"), "upheld");
  EXPECT_EQ(Translate(mapping->outcomes, "XX"), std::nullopt);
  EXPECT_EQ(Translate(mapping->service_areas, " repairs "), "repairs");  // no table: as is
}

std::vector<std::string> FieldsOf(const core::Error& error) {
  std::vector<std::string> fields;
  for (const auto& field : error.fields) fields.push_back(field.field);
  return fields;
}

TEST(Mapping, NamesEveryProblemAtOnce) {
  auto mapping = ParseMapping(R"(
regime = "council"
colour = "blue"
[columns]
reference = "Ref"
received = "Date"
[[stages]]
responded_on = "R1"
[[stages]]
outcome = "O2"
[codes.outcome]
Y = "yes"
)");
  ASSERT_FALSE(mapping.has_value());
  EXPECT_EQ(FieldsOf(mapping.error()),
            (std::vector<std::string>{
                "colour", "system", "regime", "columns.received", "columns.received_on",
                "columns.service_area", "columns.summary", "columns.complainant_name",
                "stages[0].outcome", "stages[1].requested_on", "codes.outcome.y"}));
}

TEST(Mapping, TomlSyntaxErrorSaysWhere) {
  auto mapping = ParseMapping("system = \"x\"\n[columns\n");
  ASSERT_FALSE(mapping.has_value());
  ASSERT_EQ(mapping.error().fields.size(), 1U);
  EXPECT_NE(mapping.error().fields[0].message.find("line 2"), std::string::npos);
}

struct DateCase {
  const char* text;
  std::vector<std::string> formats;
  std::optional<std::string> iso;
};

class LegacyDateTest : public testing::TestWithParam<DateCase> {};

TEST_P(LegacyDateTest, Parses) {
  const DateCase& c = GetParam();
  auto date = ParseLegacyDate(c.text, c.formats);
  EXPECT_EQ(date ? std::optional<std::string>(date->ToIso()) : std::nullopt, c.iso) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, LegacyDateTest,
    testing::Values(DateCase{"05/04/2023", {"DD/MM/YYYY"}, "2023-04-05"},
                    DateCase{"5/4/2023", {"DD/MM/YYYY"}, "2023-04-05"},
                    DateCase{"05/04/2023 14:30", {"DD/MM/YYYY"}, "2023-04-05"},
                    DateCase{"2023-04-05", {"DD/MM/YYYY", "YYYY-MM-DD"}, "2023-04-05"},
                    DateCase{"31/02/2023", {"DD/MM/YYYY"}, std::nullopt},
                    DateCase{"05/04/23", {"DD/MM/YYYY"}, std::nullopt},
                    DateCase{"05-04-2023", {"DD/MM/YYYY"}, std::nullopt},
                    DateCase{"05/04/2023x", {"DD/MM/YYYY"}, std::nullopt},
                    DateCase{"04/05/2023", {"MM/DD/YYYY"}, "2023-04-05"},
                    DateCase{"", {"DD/MM/YYYY"}, std::nullopt}));

}  // namespace
}  // namespace redress::legacy
