#pragma once

// Query parameters read through the strict JSON reader (json_reader.hpp), for the list filters of
// Ombudsman cases and learning actions. Internal to redress::http.

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "http/http_types.hpp"
#include "http/json_reader.hpp"

namespace redress::http {

// Query parameters read through the strict reader as a JSON object of strings; an empty value is
// an unset filter, as HTML forms send empty fields.
nlohmann::json QueryObject(const Parameters& query);

// A financial year written in a query parameter; nullopt when absent or invalid (then noted in
// `errors`).
std::optional<int> YearParameter(ObjectReader& reader, InputErrors& errors, std::string_view name);

}  // namespace redress::http
