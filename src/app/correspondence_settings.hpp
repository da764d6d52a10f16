#pragma once

// The correspondence configuration the admin pages edit (issue 15): the Ombudsman contact blocks
// as dated organisation configuration (the compiled-in blocks of core/letter.cpp, then those
// administrators added: a block is never changed, a new one takes over from its date), the office
// hours the reminder digests go in (saved here they win over `serve --office-hours`, which is the
// value until an administrator saves one), and a test email through the real mailer. Each change
// is a configuration event.

#include <optional>
#include <string>
#include <vector>

#include "app/letters.hpp"
#include "app/mailer.hpp"
#include "app/ports.hpp"
#include "core/letter.hpp"
#include "core/reminders.hpp"

namespace redress::app {

// The organisation's configured list (core::ConfiguredOmbudsmanContacts), read in `tx`: what
// core::OmbudsmanContactOn chooses from when a letter is rendered.
Result<std::vector<core::OmbudsmanContact>> OmbudsmanContactsIn(Tx& tx);

// Every block, the compiled-in ones first (added_by and added_at empty), then those added in the
// order added.
Result<std::vector<AddedOmbudsmanContact>> ListOmbudsmanContacts(const LetterContext& context);
// Adds a block after core::CheckOmbudsmanContact (kInvalidInput naming each field), with a
// `configured` event on configuration/ombudsman_contacts/<ombudsman>.
Result<AddedOmbudsmanContact> AddOmbudsmanContact(const LetterContext& context, const Actor& actor,
                                                  core::OmbudsmanContact contact);

// The office hours in force: those saved, else `configured` (the serve flag's).
Result<core::OfficeHours> OfficeHoursIn(Tx& tx, const core::OfficeHours& configured);
Result<std::optional<SavedOfficeHours>> LoadOfficeHours(const LetterContext& context);
// Refuses hours not inside one day with the start before the end (`start`, `end`); records a
// `configured` event on configuration/office_hours with the hours before and after.
Result<SavedOfficeHours> SaveOfficeHours(const LetterContext& context, const Actor& actor,
                                         const core::OfficeHours& hours);

// "HH:MM" of minutes after midnight.
std::string MinuteOfDay(int minutes);

// Sends one message straight through `mailer` (not the outbox: the administrator wants to see
// the relay answer now) to the actor's email address, and records a test_email_sent event on
// the actor's user whether it went or not, with the relay's answer. kInvalidInput (`email`) when
// the actor has no email address; kTransitionNotAllowed without a relay; the relay's error when
// it refused (kUnavailable when it may work later).
Status SendTestEmail(const LetterContext& context, Mailer* mailer, const Actor& actor,
                     std::string_view sender);

}  // namespace redress::app
