#pragma once

// How every CSV the project writes escapes a cell: the report's, the submission form's and the
// list downloads' (report/render's table writer).

#include <string>
#include <string_view>

namespace redress::report {

// One field of a CSV row (RFC 4180): quoted when it holds a comma, quote or line end, and prefixed
// with a single quote when a spreadsheet would run it as a formula (it starts with =, +, -, @, tab
// or carriage return and is not a plain decimal number such as -87 or 13.5, which stays numeric).
std::string CsvCell(std::string_view text);

}  // namespace redress::report
