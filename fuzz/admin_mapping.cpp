// Fuzzes the mapping of administration requests (src/http/admin_mapping.cpp): the bytes are the
// body of each request kind in turn, read as its handler reads it (ParseJsonBody, then the
// request's parser), and what a parser accepts is rendered as the answer would render it.

#include "http/admin_mapping.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_support.hpp"

namespace redress::fuzz {
namespace {

// The code a coded record's path names.
const std::string kCode = "housing";

// Checks the result and renders what was accepted.
template <typename T, typename Write>
void ParseAndRender(const core::Result<T>& result, Write write) {
  CheckResult(result);
  if (result) Render(write(*result));
}

}  // namespace
}  // namespace redress::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace redress;
  std::optional<nlohmann::json> body = fuzz::ParseBody(fuzz::AsText(data, size));
  if (!body) return 0;
  fuzz::CheckResult(http::ParseNewUser(*body));
  fuzz::CheckResult(http::ParseUserChanges(*body));
  fuzz::ParseAndRender(http::ParseTeam(fuzz::kCode, *body), http::TeamToJson);
  fuzz::ParseAndRender(http::ParseServiceArea(fuzz::kCode, *body), http::ServiceAreaToJson);
  fuzz::ParseAndRender(http::ParseCategory(fuzz::kCode, *body), http::CategoryToJson);
  fuzz::ParseAndRender(http::ParseRootCause(fuzz::kCode, *body), http::RootCauseToJson);
  fuzz::ParseAndRender(http::ParseClosureDay(*body), http::ClosureDayToJson);
  fuzz::ParseAndRender(http::ParseDesignation(*body), http::DesignationToJson);
  fuzz::ParseAndRender(http::ParseSettings(*body), http::SettingsToJson);
  fuzz::CheckResult(http::ParseNoteText(*body));
  fuzz::CheckResult(http::ParseLink(*body));
  return 0;
}
