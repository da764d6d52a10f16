#pragma once

// The endpoints of correspondence (issue 15). Each handler parses the request (letter_mapping),
// calls one use case (app/letters.hpp) and renders its answer.
//
//   GET  /api/v1/complaints/{reference}/letters               the case's letters with delivery
//   POST /api/v1/complaints/{reference}/letters               issue a letter → 201
//   POST /api/v1/complaints/{reference}/letters/preview       the letter as it would be issued
//   GET  /api/v1/complaints/{reference}/letters/{number}      one letter, with its text and HTML
//   GET  /api/v1/complaints/{reference}/letters/{number}/pdf  its PDF, exactly as issued
//   GET  /api/v1/complaints/{reference}/contact-preferences   how letters go; the defaults if none
//   PUT  /api/v1/complaints/{reference}/contact-preferences   record them (kAcknowledge)
//   GET  /api/v1/letter-templates                             the templates in use
//   POST /api/v1/letter-templates                             save a new version → 201
//   GET  /api/v1/outbox                                       the email outbox's counts
//
// Reading needs kViewCases (the outbox kViewReports); issuing and previewing kAcknowledge (the
// handling of a stage); templates kManageConfiguration. A letter is seen only by who may see its
// case (app::LoadVisibleComplaint): 404 otherwise, as for a case that does not exist.

#include <string>
#include <string_view>

#include "app/mailer.hpp"
#include "app/ports.hpp"
#include "http/router.hpp"

namespace redress::http {

// The domain of the Message-IDs of letters' emails: the outbox's (app::kMessageIdDomain).
inline constexpr std::string_view kLetterMailDomain = app::kMessageIdDomain;

// Adds the endpoints above to `router`; `store` and `clock` must outlive it. `mail_domain` ends
// the Message-IDs of the letters' emails.
void RegisterLetterRoutes(Router& router, app::Store& store, const app::Clock& clock,
                          const std::string& mail_domain);

}  // namespace redress::http
