#include "cli/user_commands.hpp"

#include <optional>
#include <ostream>
#include <string>

#include "app/accounts.hpp"

namespace redress::cli {
namespace {

using core::Status;

class UserCommands final : public RecordCommands {
 public:
  UserCommands(CommandHost& host, CLI::App& user, const app::PasswordPolicy& policy)
      : host_(host), policy_(policy) {
    CLI::App* update = user.add_subcommand(
        "update", "change a user's display name, email address or reminder digest");
    host_.AddDatabaseOption(update);
    update->add_option("--username", username_, "the user to change")->required();
    update->add_option("--display-name", display_name_, "full name");
    update->add_option("--email", email_, "their email address; \"\" for none");
    update->add_option("--reminder-digest", reminder_digest_, "daily or off");
    host_.RunWithStore(update, [this](app::Store& store) -> Status { return Update(store); });
  }

 private:
  Status Update(app::Store& store) {
    app::UserChanges changes;
    changes.display_name = display_name_;
    changes.email = email_;
    if (reminder_digest_) {
      changes.reminder_digest = app::ParseReminderDigest(*reminder_digest_);
      if (!changes.reminder_digest) {
        return core::FailField("reminder_digest",
                               "must be daily or off, got '" + *reminder_digest_ + "'",
                               core::FieldErrorCode::kNotInList);
      }
    }
    auto updated =
        app::UpdateUser(store, host_.clock(), app::SystemActor(), username_, changes, policy_);
    if (!updated) return tl::unexpected(updated.error());
    host_.out() << "user " << updated->username << " updated: email "
                << (updated->email.empty() ? "none" : updated->email) << ", reminder digest "
                << app::ToString(updated->reminder_digest) << '\n';
    return {};
  }

  CommandHost& host_;
  const app::PasswordPolicy& policy_;
  std::string username_;
  std::optional<std::string> display_name_;
  std::optional<std::string> email_;
  std::optional<std::string> reminder_digest_;
};

}  // namespace

std::unique_ptr<RecordCommands> RegisterUserCommands(CommandHost& host, CLI::App& user,
                                                     const app::PasswordPolicy& policy) {
  return std::make_unique<UserCommands>(host, user, policy);
}

}  // namespace redress::cli
