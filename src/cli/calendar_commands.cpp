#include "cli/calendar_commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/organisation.hpp"
#include "core/calendar.hpp"

namespace redress::cli {
namespace {

// A bound on --days that keeps every answer inside the calendar's range of years.
constexpr int kMaxWorkingDays = 20000;

using CommandResult = core::Status;

class CalendarCommands final : public RecordCommands {
 public:
  CalendarCommands(CommandHost& host, CLI::App& app) : host_(host) {
    RegisterCalendar(app);
    RegisterClosureDays(app);
  }

 private:
  void RegisterCalendar(CLI::App& app) {
    CLI::App* calendar = app.add_subcommand("calendar", "working-day arithmetic");
    calendar->require_subcommand(1);

    auto add_common = [this](CLI::App* command) {
      command->add_option("--division", division_,
                          "england-and-wales (default), scotland or northern-ireland");
      host_.AddOptionalDatabaseOption(command,
                                      "take the division and closure days from this database");
      command->add_option("--closure-day", closure_days_, "an extra non-working day (repeatable)");
    };

    CLI::App* add =
        calendar->add_subcommand("add-working-days", "the N-th working day strictly after a date");
    add->add_option("--from", from_, "YYYY-MM-DD")->required();
    add->add_option("--days", days_, "N >= 0")->required();
    add_common(add);
    host_.Run(add, [this] { return AddWorkingDays(); });

    CLI::App* between = calendar->add_subcommand(
        "working-days-between", "the number of working days d with FROM < d <= TO");
    between->add_option("--from", from_, "YYYY-MM-DD")->required();
    between->add_option("--to", to_, "YYYY-MM-DD")->required();
    add_common(between);
    host_.Run(between, [this] { return WorkingDaysBetween(); });

    CLI::App* holidays = calendar->add_subcommand("holidays", "the bank holidays of a year");
    holidays->add_option("--year", year_, "calendar year")->required();
    holidays->add_option("--division", division_, "the division (default england-and-wales)");
    host_.Run(holidays, [this] { return Holidays(); });
  }

  // The calendar to count on: the database's division and closure days when --db is given, the
  // --division and --closure-day options otherwise (options override the database's division).
  core::Result<std::shared_ptr<const core::WorkingCalendar>> ChosenCalendar() {
    std::optional<core::Division> division;
    if (!division_.empty()) {
      division = core::ParseDivision(division_);
      if (!division) {
        return core::FailField("division",
                               "must be england-and-wales, scotland or "
                               "northern-ireland, got '" +
                                   division_ + "'");
      }
    }
    std::vector<app::ClosureDay> closures;
    for (const std::string& text : closure_days_) {
      auto date = ParseDateOption("closure-day", text);
      if (!date) return tl::unexpected(date.error());
      closures.push_back({*date, "command line"});
    }
    auto store = host_.OpenNamedStore();
    if (!store) return tl::unexpected(store.error());
    if (*store != nullptr) {
      if (!division) {
        auto settings = app::GetSettings(**store);
        if (!settings) return tl::unexpected(settings.error());
        division = settings->division;
      }
      auto stored = app::ListClosureDays(**store);
      if (!stored) return tl::unexpected(stored.error());
      closures.insert(closures.end(), stored->begin(), stored->end());
    }
    std::sort(closures.begin(), closures.end(),
              [](const app::ClosureDay& a, const app::ClosureDay& b) { return a.date < b.date; });
    return app::CalendarFor(division.value_or(core::Division::kEnglandAndWales), closures);
  }

  CommandResult AddWorkingDays() {
    auto from = ParseDateOption("from", from_);
    if (!from) return tl::unexpected(from.error());
    if (days_ < 0 || days_ > kMaxWorkingDays) {
      return core::FailField("days", fmt::format("must be between 0 and {}", kMaxWorkingDays));
    }
    auto calendar = ChosenCalendar();
    if (!calendar) return tl::unexpected(calendar.error());
    // The answer must stay inside the years the calendar knows.
    core::Date limit = *core::Date::FromYmd(core::kLastCalendarYear, 12, 31);
    if ((*calendar)->WorkingDaysBetween(*from, limit) < days_) {
      return core::FailField("days", fmt::format("the answer would be after {}", limit.ToIso()));
    }
    host_.out() << (*calendar)->AddWorkingDays(*from, days_).ToIso() << '\n';
    return {};
  }

  CommandResult WorkingDaysBetween() {
    core::FieldErrors errors;
    auto from = ParseDateOption("from", from_);
    auto to = ParseDateOption("to", to_);
    if (!from) errors.Add("from", from.error().fields.front().message);
    if (!to) errors.Add("to", to.error().fields.front().message);
    if (!errors.empty()) return errors.ToError();
    auto calendar = ChosenCalendar();
    if (!calendar) return tl::unexpected(calendar.error());
    host_.out() << (*calendar)->WorkingDaysBetween(*from, *to) << '\n';
    return {};
  }

  CommandResult Holidays() {
    auto division = core::ParseDivision(division_.empty() ? "england-and-wales" : division_);
    if (!division) return core::FailField("division", "unknown division '" + division_ + "'");
    if (year_ < core::kFirstCalendarYear || year_ > core::kLastCalendarYear) {
      return core::FailField("year",
                             fmt::format("must be between {} and {}", core::kFirstCalendarYear,
                                         core::kLastCalendarYear));
    }
    for (const core::BankHoliday& holiday : core::BankHolidays(*division, year_)) {
      host_.out() << holiday.date.ToIso() << '\t'
                  << (holiday.source == core::HolidaySource::kOfficial ? "official" : "predicted")
                  << '\t' << holiday.title << '\n';
    }
    return {};
  }

  void RegisterClosureDays(CLI::App& app) {
    CLI::App* closure = app.add_subcommand(
        "closure-day", "the organisation's closure days (non-working, e.g. a Christmas shutdown)");
    closure->require_subcommand(1);
    CLI::App* add = closure->add_subcommand("add", "add a closure day");
    host_.AddDatabaseOption(add);
    add->add_option("--date", date_, "YYYY-MM-DD")->required();
    add->add_option("--reason", reason_, "why the organisation is closed")->required();
    host_.Run(add, [this] { return ChangeClosureDay(ClosureChange::kAdd); });
    CLI::App* remove = closure->add_subcommand("remove", "remove a closure day");
    host_.AddDatabaseOption(remove);
    remove->add_option("--date", date_, "YYYY-MM-DD")->required();
    host_.Run(remove, [this] { return ChangeClosureDay(ClosureChange::kRemove); });
    CLI::App* list = closure->add_subcommand("list", "list the closure days");
    host_.AddDatabaseOption(list);
    host_.Run(list, [this] { return ListClosureDays(); });
  }

  enum class ClosureChange { kAdd, kRemove };

  CommandResult ChangeClosureDay(ClosureChange change) {
    auto date = ParseDateOption("date", date_);
    if (!date) return tl::unexpected(date.error());
    auto store = host_.OpenNamedStore();
    if (!store) return tl::unexpected(store.error());
    const app::Clock& clock = host_.clock();
    return change == ClosureChange::kAdd
               ? app::AddClosureDay(**store, clock, app::SystemActor(), {*date, reason_})
               : app::RemoveClosureDay(**store, clock, app::SystemActor(), *date);
  }

  CommandResult ListClosureDays() {
    auto store = host_.OpenNamedStore();
    if (!store) return tl::unexpected(store.error());
    auto days = app::ListClosureDays(**store);
    if (!days) return tl::unexpected(days.error());
    for (const app::ClosureDay& day : *days)
      host_.out() << day.date.ToIso() << '\t' << day.reason << '\n';
    return {};
  }

  CommandHost& host_;
  std::string division_;
  std::vector<std::string> closure_days_;
  std::string from_;
  std::string to_;
  int days_ = 0;
  int year_ = 0;
  std::string date_;
  std::string reason_;
};

}  // namespace

std::unique_ptr<RecordCommands> RegisterCalendarCommands(CommandHost& host, CLI::App& app) {
  return std::make_unique<CalendarCommands>(host, app);
}

}  // namespace redress::cli
