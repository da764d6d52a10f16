// Fuzzes the core's date parsing (core::Date::Parse in src/core/date.cpp) and the API's reading of
// a client's date (ParseClientDate in src/http/json_reader.hpp), with what is then done to a date
// a client sent: its calendar arithmetic and its writing back. A date that is accepted must be
// written back exactly as it was read.

#include "core/date.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/calendar.hpp"
#include "fuzz/fuzz_support.hpp"
#include "http/json_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace redress;
  static const core::WorkingCalendar calendar(core::Division::kEnglandAndWales);
  const std::string_view text = fuzz::AsText(data, size);

  const std::optional<core::Date> date = core::Date::Parse(text);
  if (date) {
    fuzz::Check(date->ToIso() == text, "a parsed date writes back as read");
    const std::optional<core::Date> again =
        core::Date::FromYmd(date->year(), date->month(), date->day());
    fuzz::Check(again && *again == *date, "a parsed date's parts make the same date");
    date->AddMonths(1);
    date->FinancialYear();
    date->weekday();
  }

  std::string message;
  const std::optional<core::Date> client_date = http::ParseClientDate(text, message);
  fuzz::Check(client_date.has_value() == message.empty(), "a refused date says why");
  if (client_date) {
    fuzz::Check(date && *date == *client_date, "a client's date is a date");
    fuzz::Check(core::InCalendarRange(*client_date), "a client's date is in the calendar's range");
    calendar.IsWorkingDay(*client_date);
    calendar.WorkingDaysBetween(*client_date, fuzz::Today());
  }
  return 0;
}
