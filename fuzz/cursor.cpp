// Fuzzes the list cursor (the "cursor" parameter of GET /api/v1/complaints, read by
// ParseComplaintQuery in src/http/json_mapping.cpp). The first byte picks the list's order, the
// rest is the cursor as decoded from the query string. A cursor that is accepted must be one that
// NextCursor could have written for that order.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "app/ports.hpp"
#include "fuzz/fuzz_support.hpp"
#include "http/json_mapping.hpp"

namespace redress::fuzz {
namespace {

constexpr std::string_view kSorts[] = {
    "reference", "-reference", "received_on", "-received_on", "due_on", "-due_on", ""};

}  // namespace
}  // namespace redress::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace redress;
  if (size == 0) return 0;
  const std::string_view sort = fuzz::kSorts[data[0] % std::size(fuzz::kSorts)];
  const std::string cursor(fuzz::AsText(data + 1, size - 1));
  const http::Parameters parameters = {{"sort", std::string(sort)}, {"cursor", cursor}};
  auto query = http::ParseComplaintQuery(parameters);
  fuzz::CheckResult(query);
  if (!query || !query->after) return 0;
  // The row the cursor stands after, written back as the next page's cursor.
  app::ComplaintRow last{};
  last.reference = query->after->reference;
  if (!query->after->sort_key.empty()) {
    std::optional<core::Date> key = core::Date::Parse(query->after->sort_key);
    fuzz::Check(key.has_value(), "an accepted cursor's key is a date");
    last.received_on = *key;
    last.due_on = *key;
  }
  fuzz::Check(http::NextCursor(last, *query) == cursor,
              "an accepted cursor is one NextCursor writes");
  return 0;
}
