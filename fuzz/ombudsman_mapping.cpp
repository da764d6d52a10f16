// Fuzzes the mapping of Ombudsman, learning and self-assessment requests
// (src/http/ombudsman_mapping.cpp): the bytes are the body of each request kind in turn, read as
// its handler reads it (ParseJsonBody, then the request's parser), and what a parser accepts is
// rendered as the answer would render it, with the overdue flags and compliance as at today.

#include "http/ombudsman_mapping.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/learning.hpp"
#include "fuzz/fuzz_support.hpp"

namespace redress::fuzz {
namespace {

constexpr int kLetterYear = 2024;

// A provision of the Code that the self-assessment's path names.
const std::string kProvision = "1.1";

}  // namespace
}  // namespace redress::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace redress;
  std::optional<nlohmann::json> body = fuzz::ParseBody(fuzz::AsText(data, size));
  if (!body) return 0;
  const core::Date today = fuzz::Today();

  auto ombudsman_case = http::ParseOmbudsmanCase(*body);
  fuzz::CheckResult(ombudsman_case);
  if (ombudsman_case) fuzz::Render(http::OmbudsmanCaseToJson(*ombudsman_case, today));

  auto order = http::ParseFailureOrder(*body);
  fuzz::CheckResult(order);
  if (order) fuzz::Render(http::FailureOrderToJson(*order, today));

  auto letter = http::ParseLgscoLetter(fuzz::kLetterYear, *body);
  fuzz::CheckResult(letter);
  if (letter) fuzz::Render(http::LgscoLetterToJson(*letter));

  // A new action (raised_on defaults to today) and a replacement (raised_on required).
  for (std::optional<core::Date> new_on :
       {std::optional<core::Date>(today), std::optional<core::Date>()}) {
    auto action = http::ParseLearningAction(*body, new_on);
    fuzz::CheckResult(action);
    if (action) fuzz::Render(http::LearningActionToJson(*action, today));
  }

  // The self-assessment renders the provisions and the approval together.
  core::SelfAssessment assessment;
  assessment.year = fuzz::kLetterYear;
  auto provision = http::ParseProvision(fuzz::kProvision, *body);
  fuzz::CheckResult(provision);
  if (provision) assessment.provisions.push_back(*provision);
  auto approval = http::ParseApproval(*body);
  fuzz::CheckResult(approval);
  if (approval) assessment.approval = *approval;
  fuzz::Render(http::SelfAssessmentToJson(assessment));
  return 0;
}
