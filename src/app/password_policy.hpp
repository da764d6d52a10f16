#pragma once

// Which passwords the organisation accepts, as a port: the use cases ask it, an adapter decides.
// NCSC guidance: a minimum length and a check against common and breached passwords, no rules
// about which kinds of character a password must mix. The length rule lives here; the dictionary
// check needs a library and a word list (src/passwords/ adapts libpwquality), wired in main.

#include <string_view>

#include "core/result.hpp"

namespace redress::app {

class PasswordPolicy {
 public:
  virtual ~PasswordPolicy() = default;
  // Adds a field error under "password" for each reason `password` is refused for the user
  // `username`; adds nothing when it is accepted.
  virtual void Check(std::string_view password, std::string_view username,
                     core::FieldErrors& errors) const = 0;
};

// The length rule alone: kMinPasswordLength to kMaxPasswordLength characters (app/secrets.hpp).
// For tests and the demo, whose passwords are not chosen by people.
class LengthPasswordPolicy final : public PasswordPolicy {
 public:
  void Check(std::string_view password, std::string_view username,
             core::FieldErrors& errors) const override;
};

// Adds the length rule's error for `password`, if any; returns whether it passed. Every policy
// applies it first.
bool CheckPasswordLength(std::string_view password, core::FieldErrors& errors);

}  // namespace redress::app
