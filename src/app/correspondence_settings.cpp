#include "app/correspondence_settings.hpp"

#include <string>
#include <utility>

#include "core/ombudsman.hpp"

namespace redress::app {

Result<std::vector<core::OmbudsmanContact>> OmbudsmanContactsIn(Tx& tx) {
  auto added = tx.Organisation().ListOmbudsmanContacts();
  if (!added) return tl::unexpected(added.error());
  std::vector<core::OmbudsmanContact> blocks;
  blocks.reserve(added->size());
  for (AddedOmbudsmanContact& entry : *added) blocks.push_back(std::move(entry.contact));
  return core::ConfiguredOmbudsmanContacts(blocks);
}

Result<std::vector<AddedOmbudsmanContact>> ListOmbudsmanContacts(const LetterContext& context) {
  std::optional<std::vector<AddedOmbudsmanContact>> result;
  Status status = context.store.Read([&](Tx& tx) -> Status {
    auto added = tx.Organisation().ListOmbudsmanContacts();
    if (!added) return tl::unexpected(added.error());
    std::vector<AddedOmbudsmanContact> all;
    for (const core::OmbudsmanContact& compiled : core::OmbudsmanContacts()) {
      all.push_back({compiled, "", ""});
    }
    for (AddedOmbudsmanContact& entry : *added) all.push_back(std::move(entry));
    result = std::move(all);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<AddedOmbudsmanContact> AddOmbudsmanContact(const LetterContext& context, const Actor& actor,
                                                  core::OmbudsmanContact contact) {
  core::Date today = context.clock.Today();
  if (Status checked = core::CheckOmbudsmanContact(contact, today); !checked) {
    return tl::unexpected(checked.error());
  }
  AddedOmbudsmanContact entry{std::move(contact), actor.username, context.clock.NowRfc3339()};
  Status status = context.store.Write([&](Tx& tx) -> Status {
    if (Status added = tx.Organisation().AddOmbudsmanContact(entry); !added) return added;
    const core::OmbudsmanContact& c = entry.contact;
    std::string ombudsman(core::ToString(c.ombudsman));
    core::CaseEvent event{
        core::EventType::kConfigured,
        today,
        actor.username,
        0,
        "Ombudsman contact block of " + c.name + " in force from " + c.valid_from.ToIso(),
        {{"valid_from", "", c.valid_from.ToIso()},
         {"name", "", c.name},
         {"web_form", "", c.web_form},
         {"phone", "", c.phone},
         {"postal_address", "", c.postal_address},
         {"email", "", c.email},
         {"time_limit", "", c.time_limit}}};
    return tx.Events().Append(EntityType::kConfiguration, "ombudsman_contacts/" + ombudsman, event);
  });
  if (!status) return tl::unexpected(status.error());
  return entry;
}

std::string MinuteOfDay(int minutes) {
  auto two_digits = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  return two_digits(minutes / 60) + ":" + two_digits(minutes % 60);
}

Result<core::OfficeHours> OfficeHoursIn(Tx& tx, const core::OfficeHours& configured) {
  auto saved = tx.Organisation().LoadOfficeHours();
  if (!saved) return tl::unexpected(saved.error());
  return *saved ? (*saved)->hours : configured;
}

Result<std::optional<SavedOfficeHours>> LoadOfficeHours(const LetterContext& context) {
  std::optional<std::optional<SavedOfficeHours>> result;
  Status status = context.store.Read([&](Tx& tx) -> Status {
    auto saved = tx.Organisation().LoadOfficeHours();
    if (!saved) return tl::unexpected(saved.error());
    result = std::move(*saved);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<SavedOfficeHours> SaveOfficeHours(const LetterContext& context, const Actor& actor,
                                         const core::OfficeHours& hours) {
  constexpr int kMinutesPerDay = 24 * 60;
  core::FieldErrors errors;
  if (hours.start_minute < 0 || hours.start_minute >= kMinutesPerDay) {
    errors.Add("start", "must be a time of day, HH:MM", core::FieldErrorCode::kInvalid);
  }
  if (hours.end_minute <= 0 || hours.end_minute > kMinutesPerDay) {
    errors.Add("end", "must be a time of day, HH:MM", core::FieldErrorCode::kInvalid);
  } else if (errors.empty() && hours.end_minute <= hours.start_minute) {
    errors.Add("end", "must be after the start: office hours fall inside one day",
               core::FieldErrorCode::kInvalid);
  }
  if (!errors.empty()) return errors.ToError();
  core::Date today = context.clock.Today();
  SavedOfficeHours saved{hours, actor.username, context.clock.NowRfc3339()};
  Status status = context.store.Write([&](Tx& tx) -> Status {
    auto before = tx.Organisation().LoadOfficeHours();
    if (!before) return tl::unexpected(before.error());
    std::string was = *before ? MinuteOfDay((*before)->hours.start_minute) + "-" +
                                    MinuteOfDay((*before)->hours.end_minute)
                              : std::string();
    std::string now = MinuteOfDay(hours.start_minute) + "-" + MinuteOfDay(hours.end_minute);
    if (Status written = tx.Organisation().SaveOfficeHours(saved); !written) return written;
    core::CaseEvent event{core::EventType::kConfigured,
                          today,
                          actor.username,
                          0,
                          "Office hours for reminders: " + now,
                          {{"office_hours", was, now}}};
    return tx.Events().Append(EntityType::kConfiguration, "office_hours", event);
  });
  if (!status) return tl::unexpected(status.error());
  return saved;
}

Status SendTestEmail(const LetterContext& context, Mailer* mailer, const Actor& actor,
                     std::string_view sender) {
  std::optional<User> user;
  Status found = context.store.Read([&](Tx& tx) -> Status {
    auto loaded = tx.Accounts().FindUser(actor.username);
    if (!loaded) return tl::unexpected(loaded.error());
    user = std::move(*loaded);
    return {};
  });
  if (!found) return found;
  if (user->email.empty()) {
    return core::FailField("email", "your account has no email address to send the test to",
                           core::FieldErrorCode::kRequired);
  }
  if (mailer == nullptr) {
    // The server's configuration, not a passing outage: the administrator must restart it.
    return core::Fail(core::ErrorCode::kTransitionNotAllowed,
                      "no relay is configured: start the server with --smtp-url");
  }
  std::int64_t now = context.clock.NowUnixSeconds();
  MailMessage message;
  message.message_id =
      "<test-" + actor.username + "-" + std::to_string(now) + "@" + context.mail_domain + ">";
  message.to = user->email;
  message.subject = "Redress test email";
  message.text = "This is a test email from Redress, sent by " + actor.username + " from " +
                 std::string(sender) + " through the configured relay.\n";
  message.html = "<p>This is a test email from Redress, sent through the configured relay.</p>";
  Status sent = mailer->Send(message);
  std::string answer = sent ? "accepted" : sent.error().message;
  Status recorded = context.store.Write([&](Tx& tx) -> Status {
    core::CaseEvent event{core::EventType::kTestEmailSent,
                          context.clock.Today(),
                          actor.username,
                          0,
                          "Test email to " + user->email + ": " + answer,
                          {{"recipient", "", user->email},
                           {"message_id", "", message.message_id},
                           {"relay_answer", "", answer}}};
    return tx.Events().Append(EntityType::kUser, actor.username, event);
  });
  if (!sent) return sent;
  return recorded;
}

}  // namespace redress::app
