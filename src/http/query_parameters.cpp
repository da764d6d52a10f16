#include "http/query_parameters.hpp"

#include <charconv>
#include <string>

#include "report/annual_report.hpp"

namespace redress::http {

using nlohmann::json;

// Query parameters read through the strict reader as a JSON object of strings; an empty value is
// an unset filter, as HTML forms send empty fields.
json QueryObject(const Parameters& query) {
  json object = json::object();
  for (const auto& [name, value] : query) object[name] = value.empty() ? json() : json(value);
  return object;
}

// A financial year written in a query parameter.
std::optional<int> YearParameter(ObjectReader& reader, InputErrors& errors, std::string_view name) {
  const std::string text = reader.Text(name);
  if (text.empty()) return std::nullopt;
  int year = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (error != std::errc() || end != text.data() + text.size() || year < report::kFirstReportYear ||
      year > report::kLastReportYear) {
    errors.Invalid(std::string(name),
                   "must be a financial year from " + std::to_string(report::kFirstReportYear) +
                       " to " + std::to_string(report::kLastReportYear) + ", got '" + text + "'");
    return std::nullopt;
  }
  return year;
}

}  // namespace redress::http
