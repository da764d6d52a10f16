// Fuzzes the query-string parser (ParseQuery in src/http/router.cpp) and the list filters that
// read its parameters: the complaint list's (ParseComplaintQuery), the learning actions' and the
// Ombudsman cases'. The bytes are the
// query as it follows the '?' of a request target.

#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.hpp"
#include "http/json_mapping.hpp"
#include "http/learning_mapping.hpp"
#include "http/ombudsman_mapping.hpp"
#include "http/router.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace redress;
  core::Result<http::Parameters> parameters = http::ParseQuery(fuzz::AsText(data, size));
  fuzz::CheckResult(parameters);
  if (!parameters) return 0;
  auto query = http::ParseComplaintQuery(*parameters);
  fuzz::CheckResult(query);
  if (query) {
    fuzz::Check(query->limit >= 1 && query->limit <= http::kMaxPageSize,
                "the page size is bounded");
  }
  fuzz::CheckResult(http::ParseLearningFilter(*parameters));
  fuzz::CheckResult(http::ParseOmbudsmanCaseFilter(*parameters));
  return 0;
}
