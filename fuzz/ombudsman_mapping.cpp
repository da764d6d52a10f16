// Fuzzes the mapping of Ombudsman, learning and self-assessment requests
// (src/http/ombudsman_mapping.cpp): the bytes are the body of each request kind in turn, read as
// its handler reads it (ParseJsonBody, then the request's parser), and what a parser accepts is
// rendered as the answer would render it, with the overdue flags and compliance as at today, and
// sent back (fuzz_support.hpp's CheckRoundTrip).

#include "http/ombudsman_mapping.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/learning.hpp"
#include "fuzz/fuzz_support.hpp"
#include "http/learning_mapping.hpp"
#include "http/self_assessment_mapping.hpp"

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
  if (ombudsman_case) {
    fuzz::CheckRoundTrip(
        *ombudsman_case, http::ParseOmbudsmanCase,
        [&](const core::OmbudsmanCase& c) { return http::OmbudsmanCaseToJson(c, today); },
        [](nlohmann::json& sent) {
          fuzz::Strip(sent,
                      {"reference", "version", "decided", "information_overdue", "remedy_overdue"});
          for (nlohmann::json& remedy : sent.at("remedies")) remedy.erase("compliance");
        });
  }

  auto order = http::ParseFailureOrder(*body);
  fuzz::CheckResult(order);
  if (order) {
    fuzz::CheckRoundTrip(
        *order, http::ParseFailureOrder,
        [&](const core::FailureOrder& o) { return http::FailureOrderToJson(o, today); },
        [](nlohmann::json& sent) {
          fuzz::Strip(sent, {"reference", "version", "overdue"});
        });
  }

  const auto parse_letter = [](const nlohmann::json& sent) {
    return http::ParseLgscoLetter(fuzz::kLetterYear, sent);
  };
  auto letter = parse_letter(*body);
  fuzz::CheckResult(letter);
  if (letter) {
    fuzz::CheckRoundTrip(*letter, parse_letter, http::LgscoLetterToJson,
                         [](nlohmann::json& sent) { sent.erase("year"); });
  }

  // A new action (raised_on defaults to today) and a replacement (raised_on required).
  for (std::optional<core::Date> new_on :
       {std::optional<core::Date>(today), std::optional<core::Date>()}) {
    const auto parse_action = [&](const nlohmann::json& sent) {
      return http::ParseLearningAction(sent, new_on);
    };
    auto action = parse_action(*body);
    fuzz::CheckResult(action);
    if (action) {
      fuzz::CheckRoundTrip(
          *action, parse_action,
          [&](const core::LearningAction& a) { return http::LearningActionToJson(a, today); },
          [](nlohmann::json& sent) {
            fuzz::Strip(sent, {"reference", "version", "overdue"});
          });
    }
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
