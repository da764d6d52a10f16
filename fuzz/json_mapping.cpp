// Fuzzes the mapping of case requests (src/http/json_mapping.cpp): the bytes are the body of each
// request kind in turn, read as its handler reads it (ParseJsonBody, then the request's parser):
// logging a complaint, each action on a complaint, service requests, sign-in and tokens.

#include "http/json_mapping.hpp"

#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace redress;
  std::optional<nlohmann::json> body = fuzz::ParseBody(fuzz::AsText(data, size));
  if (!body) return 0;
  fuzz::CheckResult(http::ParseLogComplaint(*body));
  for (http::CaseActionKind kind : http::kAllCaseActions) {
    fuzz::CheckResult(http::ParseCaseAction(kind, *body, fuzz::Today()));
  }
  fuzz::CheckResult(http::ParseServiceRequest(*body));
  fuzz::CheckResult(http::ParseResolveServiceRequest(*body, fuzz::Today()));
  fuzz::CheckResult(http::ParseConvertServiceRequest(*body));
  fuzz::CheckResult(http::ParseCredentials(*body));
  fuzz::CheckResult(http::ParseTokenRequest(*body));
  return 0;
}
