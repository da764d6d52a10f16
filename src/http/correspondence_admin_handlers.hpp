#pragma once

// The admin pages' correspondence API (issue 15): previewing an unsaved letter template and a
// template's versions; the Ombudsman contact blocks; the office hours of the reminder digests;
// the mail sender and relay (read-only) with a test email. Administrators only.

#include <memory>
#include <string>

#include "app/letters.hpp"
#include "app/mailer.hpp"
#include "core/reminders.hpp"
#include "http/router.hpp"

namespace redress::http {

// POST /api/v1/letter-templates/preview, GET /api/v1/letter-templates/versions,
// GET and POST /api/v1/ombudsman-contacts.
void RegisterTemplateAdminRoutes(Router& router, std::shared_ptr<app::LetterContext> context);

// How serve sends mail, as the admin page shows it: never a password.
struct MailSettings {
  std::string sender;     // --mail-from
  std::string relay_url;  // --smtp-url; its user and password are removed before showing it
  std::string tls;        // none, starttls, implicit
  core::OfficeHours office_hours;  // --office-hours: in force until an administrator saves some
};

// The relay's URL without its user information ("smtp://user:secret@relay:587" →
// "smtp://relay:587").
std::string RelayWithoutSecret(std::string_view url);

// GET /api/v1/mail-settings, POST /api/v1/mail-settings/test-email, GET and PUT
// /api/v1/office-hours. `mailer` may be null (no relay configured): the test email is then 503.
void RegisterMailAdminRoutes(Router& router, app::Store& store, const app::Clock& clock,
                             app::Mailer* mailer, MailSettings settings);

}  // namespace redress::http
