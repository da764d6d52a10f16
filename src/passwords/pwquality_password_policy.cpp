#include "passwords/pwquality_password_policy.hpp"

#include <pwquality.h>

#include <array>
#include <memory>
#include <string>

#include "app/secrets.hpp"

namespace redress::passwords {
namespace {

struct SettingsDeleter {
  void operator()(pwquality_settings_t* settings) const { pwquality_free_settings(settings); }
};
using Settings = std::unique_ptr<pwquality_settings_t, SettingsDeleter>;

// Settings made for each check: libpwquality does not say its settings may be shared between
// threads, and a check happens only when a password is set.
Settings MakeSettings() {
  Settings settings(pwquality_default_settings());
  if (!settings) return settings;
  // Not the system's /etc/security/pwquality.conf: the rules are the organisation's, here.
  const std::array<std::pair<int, int>, 10> values = {{
      {PWQ_SETTING_MIN_LENGTH, static_cast<int>(app::kMinPasswordLength)},
      {PWQ_SETTING_DIG_CREDIT, 0},
      {PWQ_SETTING_UP_CREDIT, 0},
      {PWQ_SETTING_LOW_CREDIT, 0},
      {PWQ_SETTING_OTH_CREDIT, 0},
      {PWQ_SETTING_MIN_CLASS, 0},
      {PWQ_SETTING_MAX_REPEAT, 0},
      {PWQ_SETTING_MAX_CLASS_REPEAT, 0},
      {PWQ_SETTING_DICT_CHECK, 1},
      {PWQ_SETTING_USER_CHECK, 1},
  }};
  for (const auto& [setting, value] : values) {
    pwquality_set_int_value(settings.get(), setting, value);
  }
  return settings;
}

}  // namespace

void PwqualityPasswordPolicy::Check(std::string_view password, std::string_view username,
                                    core::FieldErrors& errors) const {
  if (!app::CheckPasswordLength(password, errors)) return;
  Settings settings = MakeSettings();
  if (!settings) {
    errors.Add("password", "cannot be checked now (the password checker failed to start)");
    return;
  }
  const std::string text(password);
  const std::string user(username);
  void* auxiliary = nullptr;
  const int score = pwquality_check(settings.get(), text.c_str(), nullptr,
                                    user.empty() ? nullptr : user.c_str(), &auxiliary);
  if (score >= 0) return;
  std::array<char, PWQ_MAX_ERROR_MESSAGE_LEN> reason{};
  // pwquality_strerror frees `auxiliary`.
  const char* message = pwquality_strerror(reason.data(), reason.size(), score, auxiliary);
  errors.Add("password",
             "is too easy to guess: " + std::string(message ? message : "refused") +
                 "; a few unrelated words make a long password that is easy to remember");
}

}  // namespace redress::passwords
