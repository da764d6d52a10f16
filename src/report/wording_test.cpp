#include "report/wording.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

namespace redress::report {
namespace {

// Words for people: a capital first, no machine name (snake_case) and never empty.
void ExpectWords(std::string_view words) {
  SCOPED_TRACE(std::string(words));
  ASSERT_FALSE(words.empty());
  EXPECT_TRUE(words.front() >= 'A' && words.front() <= 'Z');
  EXPECT_FALSE(std::regex_search(std::string(words), std::regex("[a-z]+_[a-z_]+")));
}

template <typename Enum>
std::vector<std::string> Words(int count) {
  std::vector<std::string> words;
  for (int i = 0; i < count; ++i) words.emplace_back(Wording(static_cast<Enum>(i)));
  return words;
}

// Every value of each enum has its own words: two values worded alike could not be told apart.
template <typename Enum>
void ExpectAllWordedAndDistinct(int count) {
  const std::vector<std::string> words = Words<Enum>(count);
  for (std::size_t i = 0; i < words.size(); ++i) {
    ExpectWords(words[i]);
    for (std::size_t j = i + 1; j < words.size(); ++j) EXPECT_NE(words[i], words[j]);
  }
}

TEST(Wording, EveryEnumValueHasDistinctWords) {
  ExpectAllWordedAndDistinct<core::HoFinding>(8);
  ExpectAllWordedAndDistinct<core::LgscoDecision>(8);
  ExpectAllWordedAndDistinct<core::CodeCompliance>(3);
  ExpectAllWordedAndDistinct<core::Regime>(4);
  ExpectAllWordedAndDistinct<core::LetterType>(8);
  ExpectAllWordedAndDistinct<Unit>(5);
  ExpectAllWordedAndDistinct<ScopeKind>(3);
  ExpectAllWordedAndDistinct<TrendDimension>(2);
}

TEST(Wording, OutcomesAreWordedFromTheirMachineNames) {
  struct Row {
    core::Ombudsman ombudsman;
    std::string_view code;
    std::string_view words;
  };
  const Row rows[] = {
      {core::Ombudsman::kHousingOmbudsman, "no_maladministration", "No maladministration"},
      {core::Ombudsman::kHousingOmbudsman, "severe_maladministration", "Severe maladministration"},
      {core::Ombudsman::kHousingOmbudsman, "reasonable_redress", "Reasonable redress offered"},
      {core::Ombudsman::kLgsco, "upheld_fault_and_injustice", "Upheld: fault and injustice"},
      {core::Ombudsman::kLgsco, "closed_after_initial_enquiries", "Closed after initial enquiries"},
      {core::Ombudsman::kLgsco, "not_upheld", "Not upheld"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(OutcomeWording(row.ombudsman, row.code), row.words) << row.code;
  }
}

}  // namespace
}  // namespace redress::report
