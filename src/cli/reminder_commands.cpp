#include "cli/reminder_commands.hpp"

#include <ostream>
#include <string>

#include "app/reminders.hpp"
#include "core/reminders.hpp"

namespace redress::cli {
namespace {

using core::Status;

// "YYYY-MM-DDTHH:MM" as a local time; a field error naming `at` otherwise.
core::Result<core::LocalTime> ParseLocalTime(const std::string& text) {
  constexpr std::size_t kDateLength = 10;  // YYYY-MM-DD
  constexpr std::size_t kLength = 16;      // YYYY-MM-DDTHH:MM
  auto refused = [&] {
    return core::FailField("at", "must be a local time YYYY-MM-DDTHH:MM, got '" + text + "'",
                           core::FieldErrorCode::kInvalidFormat);
  };
  if (text.size() != kLength || text[kDateLength] != 'T') return refused();
  auto date = core::Date::Parse(text.substr(0, kDateLength));
  auto minute = core::ParseMinuteOfDay(std::string_view(text).substr(kDateLength + 1));
  if (!date || !minute) return refused();
  return core::LocalTime{*date, *minute};
}

class ReminderCommands final : public RecordCommands {
 public:
  ReminderCommands(CommandHost& host, CLI::App& app) : host_(host) {
    CLI::App* reminders = app.add_subcommand("reminders", "staff reminder digests");
    reminders->require_subcommand(1);
    CLI::App* send = reminders->add_subcommand(
        "send",
        "queue today's reminder digests in the outbox (only in office hours on a working day; "
        "once per person per day)");
    host_.AddDatabaseOption(send);
    send->add_option("--at", at_, "the local time to run as, YYYY-MM-DDTHH:MM (default now)");
    send->add_option("--office-hours", office_hours_,
                     "local time HH:MM-HH:MM (default 09:00-17:00)");
    send->add_option("--app-url", app_url_,
                     "where the web app is served, before each item's link in the digest "
                     "(default: the links are paths)");
    host_.RunWithStore(send, [this](app::Store& store) -> Status { return Send(store); });
  }

 private:
  Status Send(app::Store& store) {
    core::FieldErrors errors;
    app::ReminderSettings settings;
    if (auto hours = core::ParseOfficeHours(office_hours_)) {
      settings.hours = *hours;
    } else {
      errors.Add("office_hours", "must be HH:MM-HH:MM, the start before the end",
                 core::FieldErrorCode::kInvalidFormat);
    }
    core::LocalTime now = app::LocalTimeOf(host_.clock().NowUnixSeconds());
    if (!at_.empty()) {
      auto parsed = ParseLocalTime(at_);
      if (parsed) {
        now = *parsed;
      } else {
        errors.Add("at", parsed.error().fields.front().message,
                   core::FieldErrorCode::kInvalidFormat);
      }
    }
    settings.app_url = app_url_;
    while (!settings.app_url.empty() && settings.app_url.back() == '/') settings.app_url.pop_back();
    if (!errors.empty()) return errors.ToError();
    auto run = app::QueueReminderDigests(store, host_.clock(), settings, now);
    if (!run) return tl::unexpected(run.error());
    if (!run->in_office_hours) {
      host_.out() << "outside office hours: no digest queued\n";
      return {};
    }
    host_.out() << run->queued << (run->queued == 1 ? " digest" : " digests") << " queued, "
                << run->already_sent << " already sent today\n";
    return {};
  }

  CommandHost& host_;
  std::string at_;
  std::string app_url_;
  std::string office_hours_ = "09:00-17:00";
};

}  // namespace

std::unique_ptr<RecordCommands> RegisterReminderCommands(CommandHost& host, CLI::App& app) {
  return std::make_unique<ReminderCommands>(host, app);
}

}  // namespace redress::cli
