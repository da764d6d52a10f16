#pragma once

// The complaint list's query parameters (GET /api/v1/complaints and its counts) and its paging
// cursors: parsed strictly, as json_mapping.hpp reads bodies. What a filter means is the use
// case's (app::ComplaintQuery); here they are only read.

#include <cstddef>
#include <string>
#include <string_view>

#include "app/ports.hpp"
#include "core/result.hpp"
#include "http/http_types.hpp"

namespace redress::http {

// The list's page size: 50 unless "limit" says otherwise, within [1, 200].
inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 200;

// A search's text is bounded: each word is a lookup in the index and its dictionary, so thousands
// of them would hold a handler thread, and the CPU, for as long as the client liked. A person
// searching types a few words.
inline constexpr std::size_t kMaxSearchWords = 32;
inline constexpr std::size_t kMaxSearchTextBytes = 512;
// kInvalidInput naming "text" when `text` has more than kMaxSearchWords words (runs of letters
// and digits) or more than kMaxSearchTextBytes bytes.
core::Status CheckSearchText(std::string_view text);

// GET /api/v1/complaints parameters: status, stage, regime, service_area, team, handler,
// category, received_from, received_to, overdue (true|false), due_within (N working days), both
// read into the query as asked, their meaning the use case's (app::ComplaintQuery), text (words
// searched in summary and description; see CheckSearchText), sort (reference, received_on or
// due_on; a leading '-' for descending), limit, cursor (the next_cursor of the previous page, valid
// only with the same sort). An empty value leaves its filter unset. An unknown parameter is
// a malformed request (400, RequestRefusal); a bad value kInvalidInput; each names the parameter.
inline constexpr int kMaxDueWithinWorkingDays = 100;
core::Result<app::ComplaintQuery> ParseComplaintQuery(const Parameters& parameters);

// The next_cursor of a page whose last row is `last`, under the query's sort and direction: an
// opaque string to the client ("<sort>.<asc|desc>.<sort key>.<reference>").
std::string NextCursor(const app::ComplaintRow& last, const app::ComplaintQuery& query);

}  // namespace redress::http
