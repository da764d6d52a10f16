#pragma once

// The resident's use cases (issue 17), behind the public service in src/portal: make a complaint
// online, follow it with a one-time code sent to an email address recorded on it, add
// information, ask for the next stage. Each is one transaction and appends its audit event; the
// acting user is the service itself (PortalActor), so the audit trail tells what came in online.
//
// A resident proves who they are by the pair (reference, email): it must be the complainant's or
// the representative's email as recorded. Every refusal of a pair is the same kNotFound, whether
// the reference does not exist or the email is not the case's, so that nothing tells a guesser
// which half was wrong; the portal shows only the one case the pair opens.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/attachment_repository.hpp"
#include "app/letter_repository.hpp"
#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/complaint.hpp"

namespace redress::app {

// The actor of everything a resident does through the public service: it sees every case (the
// resident's own is chosen by the proven pair, never by its team) and may log and escalate.
Actor PortalActor();

// How the public service logs what it receives: the regime (configuration: a council's corporate
// complaints, a landlord's housing) and the channel, always online.
struct OnlineComplaintSettings {
  core::Regime regime = core::Regime::kCorporate;
  // The category an online complaint is logged under until an officer triages it (residents are
  // not asked the staff's taxonomy); empty = the first active category by code.
  std::string category;
  std::string mail_domain = "redress.invalid";  // right-hand side of the letters' Message-IDs
};

// What a resident answered, verbatim.
struct OnlineComplaint {
  core::Person complainant;
  std::optional<core::Person> representative;  // someone complaining on the complainant's behalf
  std::string adjustments;                     // reasonable adjustments asked for; may be empty
  std::string contact_by;                      // how they want to hear from us, in words
  std::string service_area;                    // code
  std::string what_happened;
  std::string put_right;
};

struct OnlineReceipt {
  std::string reference;
  core::Date received_on;
  core::Date acknowledge_by;  // stage 1's acknowledgement date on the organisation's calendar
  int receipt_letter = 0;     // the number of the confirmation letter (its PDF is the receipt)
};

// What the public pages show of the organisation: its name and the service areas a resident
// chooses from, by name.
struct PublicFacts {
  std::string organisation;
  std::vector<ServiceArea> service_areas;
};
Result<PublicFacts> PublicFactsOf(Store& store);

// Logs the complaint (LogComplaintIn, channel online, received today: the statutory clock runs
// from the submission) and issues its confirmation letter, emailed through the outbox when an
// email address was given, in one transaction. Field errors are LogComplaintIn's.
Result<OnlineReceipt> SubmitOnlineComplaint(Store& store, const Clock& clock,
                                            const OnlineComplaintSettings& settings,
                                            const OnlineComplaint& complaint);

// What the resident sees of their case.
struct ResidentCase {
  core::Complaint complaint;
  std::vector<IssuedLetter> letters;  // without their bodies (LetterRepository::ListOf)
  std::vector<std::string> open_actions;
  bool may_escalate = false;  // whether asking for the next stage is possible now
  // The names of the files sent through the public service (IsSentOnline), oldest first: never a
  // file staff attached.
  std::vector<std::string> files_sent;
};

// Whether the file was sent by a resident through the public service: supplied by the resident
// and added by the service's actor (PortalActor).
bool IsSentOnline(const Attachment& attachment);

// Whether `email` is the complainant's or the representative's as recorded (case-insensitive,
// surrounding spaces ignored). Blank never matches.
bool IsEmailOfCase(const core::Complaint& complaint, std::string_view email);

// The case the pair opens; kNotFound, worded alike, for an unknown reference or an email that is
// not the case's.
Result<ResidentCase> ResidentCaseOf(Store& store, std::string_view reference,
                                    std::string_view email);

// One of the case's letters whole (its PDF to download); kNotFound as ResidentCaseOf, or when the
// case has no letter of that number.
Result<IssuedLetter> ResidentLetter(Store& store, std::string_view reference,
                                    std::string_view email, int number);

// Records on the case that the resident did something the Code counts (asked for a code, opened
// the case), as an event on the complaint, so every resident action is in the audit trail.
enum class ResidentAccess { kCodeSent, kCaseOpened };
Status RecordResidentAccess(Store& store, const Clock& clock, std::string_view reference,
                            ResidentAccess access);

// The resident's information, added to the case as a note by the service with an event.
// kInvalidInput (field "information") when blank or longer than kMaxResidentText.
inline constexpr std::size_t kMaxResidentText = 10'000;
Result<CaseNote> AddResidentInformation(Store& store, const Clock& clock,
                                        std::string_view reference, std::string_view email,
                                        std::string_view information);

// Asks for the next stage on the resident's behalf, today, with their reason if they gave one (the
// Code forbids requiring one). Refusals are the escalation's (a case not yet answered, the final
// stage) and kNotFound as ResidentCaseOf.
Result<core::Complaint> AskForNextStage(Store& store, const Clock& clock,
                                        std::string_view reference, std::string_view email,
                                        std::string_view reason);

}  // namespace redress::app
