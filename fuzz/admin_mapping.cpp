// Fuzzes the mapping of administration requests (src/http/admin_mapping.cpp): the bytes are the
// body of each request kind in turn, read as its handler reads it (ParseJsonBody, then the
// request's parser), and what a parser accepts is rendered as the answer would render it and sent
// back (fuzz_support.hpp's CheckRoundTrip).

#include "http/admin_mapping.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_support.hpp"

namespace redress::fuzz {
namespace {

// The code a coded record's path names.
const std::string kCode = "housing";

// Checks the result and sends back what was accepted, as CheckRoundTrip describes; the code is the
// path's, so not in a body.
template <typename T, typename Write>
void ParseAndRoundTrip(core::Result<T> (*parse)(const std::string&, const nlohmann::json&),
                       Write write, const nlohmann::json& body) {
  const core::Result<T> result = parse(kCode, body);
  CheckResult(result);
  if (!result) return;
  CheckRoundTrip(
      *result, [&](const nlohmann::json& sent) { return parse(kCode, sent); }, write,
      [](nlohmann::json& sent) { sent.erase("code"); });
}

template <typename T, typename Write>
void ParseAndRoundTrip(core::Result<T> (*parse)(const nlohmann::json&), Write write,
                       const nlohmann::json& body) {
  const core::Result<T> result = parse(body);
  CheckResult(result);
  if (!result) return;
  CheckRoundTrip(*result, parse, write, [](nlohmann::json&) {});
}

}  // namespace
}  // namespace redress::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace redress;
  std::optional<nlohmann::json> body = fuzz::ParseBody(fuzz::AsText(data, size));
  if (!body) return 0;
  fuzz::CheckResult(http::ParseNewUser(*body));
  fuzz::CheckResult(http::ParseUserChanges(*body));
  fuzz::ParseAndRoundTrip(http::ParseTeam, http::TeamToJson, *body);
  fuzz::ParseAndRoundTrip(http::ParseServiceArea, http::ServiceAreaToJson, *body);
  fuzz::ParseAndRoundTrip(http::ParseCategory, http::CategoryToJson, *body);
  fuzz::ParseAndRoundTrip(http::ParseRootCause, http::RootCauseToJson, *body);
  fuzz::ParseAndRoundTrip(http::ParseClosureDay, http::ClosureDayToJson, *body);
  fuzz::ParseAndRoundTrip(http::ParseDesignation, http::DesignationToJson, *body);
  fuzz::ParseAndRoundTrip(http::ParseSettings, http::SettingsToJson, *body);
  fuzz::CheckResult(http::ParseNoteText(*body));
  fuzz::CheckResult(http::ParseLink(*body));
  return 0;
}
