#pragma once

// The organisation's password policy on libpwquality: the length rule of app/password_policy.hpp,
// then libpwquality's check against cracklib's dictionary of common and breached passwords (with
// its variants: reversed, with digits added, the username inside it). Following the NCSC, no
// rule on which kinds of character a password mixes: every composition credit is off.

#include <string_view>

#include "app/password_policy.hpp"

namespace redress::passwords {

class PwqualityPasswordPolicy final : public app::PasswordPolicy {
 public:
  void Check(std::string_view password, std::string_view username,
             core::FieldErrors& errors) const override;
};

}  // namespace redress::passwords
