#include "app/password_policy.hpp"

#include <string>

#include "app/secrets.hpp"

namespace redress::app {

bool CheckPasswordLength(std::string_view password, core::FieldErrors& errors) {
  if (password.size() >= kMinPasswordLength && password.size() <= kMaxPasswordLength) return true;
  errors.Add("password", "must be " + std::to_string(kMinPasswordLength) + " to " +
                             std::to_string(kMaxPasswordLength) + " characters");
  return false;
}

void LengthPasswordPolicy::Check(std::string_view password, std::string_view,
                                 core::FieldErrors& errors) const {
  CheckPasswordLength(password, errors);
}

}  // namespace redress::app
