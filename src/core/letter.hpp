#pragma once

// Letters the Codes require (rules file section 11): each letter type, the case event it reports,
// the parts it must contain as structured fields, the check that refuses a letter with a part
// missing, which Ombudsman a letter names and its contact block as dated configuration, and the
// complainant's contact preferences with the font size they imply. Pure: the issue date is a
// parameter.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/complaint.hpp"
#include "core/date.hpp"
#include "core/regime.hpp"
#include "core/result.hpp"

namespace redress::core {

// What a letter reports. A stage response at the regime's final stage is the final response
// (with the Ombudsman block); the children's review panel response is the stage response at
// stage 3.
enum class LetterType {
  kAcknowledgement,     // each stage: logged, the complaint definition, the response date
  kExtensionNotice,     // the reason and the new date, within the original timescale
  kStageResponse,       // stage 1, stage 2 or final, children's stage 3
  kNotAccepted,         // a refusal under the Code's exclusions
  kEscalationDeclined,  // a request to escalate turned down
  kActionsUpdate,       // progress on the outstanding actions a response promised
  kPhoneResolution,     // written confirmation of a complaint resolved by phone
  kFreeLetter,          // anything else; no required parts but its body
};
inline constexpr LetterType kAllLetterTypes[] = {
    LetterType::kAcknowledgement, LetterType::kExtensionNotice,    LetterType::kStageResponse,
    LetterType::kNotAccepted,     LetterType::kEscalationDeclined, LetterType::kActionsUpdate,
    LetterType::kPhoneResolution, LetterType::kFreeLetter};
std::string_view ToString(LetterType type);  // "acknowledgement", "extension_notice",
                                             // "stage_response", "not_accepted",
                                             // "escalation_declined", "actions_update",
                                             // "phone_resolution", "free_letter"
std::optional<LetterType> ParseLetterType(std::string_view name);

// The parts a letter may carry, each a structured field named in the API by its ToString
// (`parts.<name>`) and in templates by the same placeholder ((name)).
enum class LetterPart {
  kComplaintDefinition,  // the organisation's understanding of the issues (HO 5.6/6.2)
  kOutcomeSought,        // what the complainant wants (from the case)
  kNotResponsibleFor,    // aspects the organisation is not responsible for (LGSCO 6.7)
  kResponseDate,         // when the response is due (from the case)
  kExtensionReason,      // why more time is needed
  kNewDate,              // the new response date (from the case)
  kDecisions,            // the decision on each element of the complaint
  kReasons,              // the reasons, citing policy, law and good practice (Code 5.6)
  kRemedies,             // what will put things right, what and by when
  kOutstandingActions,   // actions still to do, each with a date (Code 5.5, 6.6)
  kEscalation,           // how to take the complaint to the next stage (no reason needed, 6.12)
  kOmbudsman,            // the right Ombudsman, its contact details and time limit
  kRefusalExplanation,   // why the matter is not suitable for the complaints process (2.4)
  kProgress,             // what was done since the response (actions update)
  kResolution,           // what was agreed on the phone
  kBody,                 // the text of a free letter
};
inline constexpr LetterPart kAllLetterParts[] = {LetterPart::kComplaintDefinition,
                                                 LetterPart::kOutcomeSought,
                                                 LetterPart::kNotResponsibleFor,
                                                 LetterPart::kResponseDate,
                                                 LetterPart::kExtensionReason,
                                                 LetterPart::kNewDate,
                                                 LetterPart::kDecisions,
                                                 LetterPart::kReasons,
                                                 LetterPart::kRemedies,
                                                 LetterPart::kOutstandingActions,
                                                 LetterPart::kEscalation,
                                                 LetterPart::kOmbudsman,
                                                 LetterPart::kRefusalExplanation,
                                                 LetterPart::kProgress,
                                                 LetterPart::kResolution,
                                                 LetterPart::kBody};
std::string_view ToString(LetterPart part);  // snake_case: "complaint_definition", ...
std::optional<LetterPart> ParseLetterPart(std::string_view name);

// Where a part's content comes from: the case or configuration (the handler cannot type it), or
// the handler (pre-filled from the case where it knows something, such as the desired outcome).
enum class PartSource { kCase, kHandler };
PartSource SourceOf(LetterPart part);

// The case a letter is about, as far as its rules depend on it.
struct LetterContext {
  LetterType type;
  Regime regime;
  int stage = 1;  // the stage the letter concerns
};

// Whether a stage response is the final response (the regime's last stage: no escalation, and the
// Ombudsman block instead).
bool IsFinalResponse(const LetterContext& context);

// The parts a letter of this type must contain, in the order a letter presents them (rules file
// section 11; regime where it differs: the LGSCO Code asks an acknowledgement to say what the
// organisation is not responsible for, 6.7).
std::vector<LetterPart> RequiredParts(const LetterContext& context);
// Whether a template or letter of this type may carry the part at all (required or optional).
bool AllowsPart(const LetterContext& context, LetterPart part);

// One outstanding action as a letter states it.
struct LetterAction {
  std::string description;
  std::optional<Date> due_on;
  friend bool operator==(const LetterAction&, const LetterAction&) = default;
};

// The structured content of a letter: each part's text (empty = missing) and the actions list.
// Text is the handler's or resident's words: templates insert it escaped, never interpreted.
struct LetterParts {
  std::string complaint_definition;
  std::string outcome_sought;
  std::string not_responsible_for;
  std::optional<Date> response_date;
  std::string extension_reason;
  std::optional<Date> new_date;
  std::string decisions;
  std::string reasons;
  std::string remedies;
  std::vector<LetterAction> outstanding_actions;
  std::string escalation;
  std::string refusal_explanation;
  std::string progress;
  std::string resolution;
  std::string body;
  // Set from configuration (OmbudsmanContactOn) when the type allows it; never typed.
  bool ombudsman = false;
  friend bool operator==(const LetterParts&, const LetterParts&) = default;
};

// Whether `parts` has the part (a non-blank text, a date, at least one action, the Ombudsman
// block).
bool HasPart(const LetterParts& parts, LetterPart part);

// Clears what a letter at this stage cannot say although its type's template may name it: the
// escalation to a next stage in a final response.
void DropInapplicableParts(const LetterContext& context, LetterParts& parts);

// Refuses a letter with a required part missing, naming each one (`parts.<name>`, kRequired),
// and an outstanding action without a date (`parts.outstanding_actions[i].due_on`, kRequired) or
// description, all in one error.
Status CheckLetter(const LetterContext& context, const LetterParts& parts);

// The Ombudsman's contact block, in force for letters issued from `valid_from` until the next
// block of the same Ombudsman takes over. Dated organisation configuration: the compiled-in blocks
// start the list, and administrators add blocks from a date (never changing one: history is kept).
struct OmbudsmanContact {
  Ombudsman ombudsman = Ombudsman::kHousingOmbudsman;
  Date valid_from;  // letters issued on or after
  std::string name;
  std::string web_form;
  std::string phone;
  std::string postal_address;
  std::string email;       // "" when it takes no complaints by email
  std::string time_limit;  // how long the complainant has, as a letter says it
  std::string source;      // where the details come from
  friend bool operator==(const OmbudsmanContact&, const OmbudsmanContact&) = default;
};

// The compiled-in blocks (rules file section 11), oldest first per Ombudsman: the start of every
// organisation's list, so that an organisation that added none letters as before.
std::span<const OmbudsmanContact> OmbudsmanContacts();
// The organisation's list: the compiled-in blocks, then those it added in the order added.
std::vector<OmbudsmanContact> ConfiguredOmbudsmanContacts(std::span<const OmbudsmanContact> added);
// The Ombudsman a complaint of this regime goes to: the Housing Ombudsman for housing, the LGSCO
// for everything else (the regime table's `ombudsman`).
Ombudsman OmbudsmanFor(Regime regime);
// The block of `contacts` (a configured list) in force on `issued_on`: the Ombudsman's block with
// the latest `valid_from` on or before it, the later in the list on a tie (a block added later
// for the same date supersedes); before the first, the first. The Housing Ombudsman's has no
// email from 13 January 2026. Precondition: `contacts` has a block of `ombudsman` (the
// compiled-in ones always do).
const OmbudsmanContact& OmbudsmanContactOn(std::span<const OmbudsmanContact> contacts,
                                           Ombudsman ombudsman, Date issued_on);
// The first day the Housing Ombudsman takes no new cases by email.
Date HousingOmbudsmanNoEmailFrom();
// Refuses a block an administrator adds, naming each field in one error: a date before `today`
// (`valid_from`, kDateTooEarly: a block in force is never changed, a new one takes over), a blank
// name, time limit or means of contact (`name`, `time_limit`, `phone`), and a Housing Ombudsman
// block in force on or after 13 January 2026 that offers an email address (`email`: it takes no
// new cases by email).
Status CheckOmbudsmanContact(const OmbudsmanContact& contact, Date today);

// The complainant's contact preferences and reasonable adjustments (LGSCO 5.6; HO 3.1).
enum class PreferredChannel { kEmail, kPost, kBoth };
std::string_view ToString(PreferredChannel channel);  // "email", "post", "both"
std::optional<PreferredChannel> ParsePreferredChannel(std::string_view name);

enum class LetterFormat { kStandard, kLargePrint, kEasyRead };
std::string_view ToString(LetterFormat format);  // "standard", "large_print", "easy_read"
std::optional<LetterFormat> ParseLetterFormat(std::string_view name);

// The kinds of vulnerability a council records so that staff adapt how they handle a complaint
// (issue 18): a small closed list, the detail in a free-text note. Special-category data: only
// those who see the case see it.
enum class Vulnerability {
  kDisability,
  kMentalHealth,
  kAge,
  kLanguage,  // language or communication
  kDomesticAbuse,
  kBereavement,
  kOther,
};
inline constexpr Vulnerability kAllVulnerabilities[] = {
    Vulnerability::kDisability, Vulnerability::kMentalHealth,  Vulnerability::kAge,
    Vulnerability::kLanguage,   Vulnerability::kDomesticAbuse, Vulnerability::kBereavement,
    Vulnerability::kOther};
std::string_view ToString(Vulnerability vulnerability);  // "disability", "mental_health", "age",
                                                         // "language", "domestic_abuse",
                                                         // "bereavement", "other"
std::optional<Vulnerability> ParseVulnerability(std::string_view name);

// The longest adjustments text and vulnerability note (characters as bytes).
inline constexpr std::size_t kMaxNeedsTextLength = 2'000;

struct ContactPreferences {
  PreferredChannel channel = PreferredChannel::kPost;
  LetterFormat format = LetterFormat::kStandard;
  std::string language = "en";  // BCP 47 tag of the language letters are wanted in
  // Whether letters go to the complainant's representative too (when the case has one).
  enum class CopyRepresentative { kNo, kYes } copy_representative = CopyRepresentative::kNo;
  // Reasonable adjustments beyond the letters' format, in the complainant's or staff's words
  // ("calls after 2pm only", "needs a BSL interpreter at meetings").
  std::string adjustments;
  // Vulnerabilities, each category once, in kAllVulnerabilities' order, and a note of detail.
  std::vector<Vulnerability> vulnerabilities;
  std::string vulnerability_note;
  friend bool operator==(const ContactPreferences&, const ContactPreferences&) = default;
};

// Whether the complaint carries needs staff must see before acting (the flag at the top of the
// case page and in lists): a letter format other than standard, an adjustment, a vulnerability
// or its note.
bool HasNeeds(const ContactPreferences& preferences);

// The vulnerabilities as stored: their names joined by commas ("" for none), and back (unknown
// names are dropped, duplicates kept once, kAllVulnerabilities' order).
std::string JoinVulnerabilities(std::span<const Vulnerability> vulnerabilities);
std::vector<Vulnerability> SplitVulnerabilities(std::string_view joined);

// The defaults for a complaint that recorded none: by email when the complainant gave an email
// address, by post otherwise; standard print in English.
ContactPreferences DefaultContactPreferences(const Person& complainant);

// Refuses preferences a letter could not follow: email asked for without an email address, post
// without a postal address (`contact_preferences.channel`), a blank language, adjustments or a
// vulnerability note longer than kMaxNeedsTextLength (`contact_preferences.adjustments`,
// `contact_preferences.vulnerability_note`).
Status CheckContactPreferences(const ContactPreferences& preferences, const Person& complainant);

// Text size in points: the LGSCO's guide asks at least 14 pt for complaint letters (the standard
// default); large print at least 16 pt; easy read as large print.
inline constexpr double kStandardLetterPoints = 14.0;
inline constexpr double kLargePrintLetterPoints = 16.0;
double FontSizePoints(LetterFormat format);

// The letter a case is due now for its current step, if any: an acknowledgement while awaiting
// acknowledgement, the stage response while in progress, the refusal letter once not accepted.
std::optional<LetterType> DueLetter(const Complaint& complaint);

}  // namespace redress::core
