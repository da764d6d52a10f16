#pragma once

// The organisation's records around the complaints: accounts, teams, reference data and
// configuration. Plain values, stored by the repository port (ports.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/date.hpp"
#include "core/event.hpp"
#include "core/letter.hpp"
#include "core/reminders.hpp"
#include "core/role.hpp"
#include "core/routing.hpp"

namespace redress::app {

// Whether a user receives the daily digest of their cases due soon and overdue (issue 15).
enum class ReminderDigest { kDaily, kOff };
std::string_view ToString(ReminderDigest digest);  // "daily", "off"
std::optional<ReminderDigest> ParseReminderDigest(std::string_view name);

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  core::Role role = core::Role::kViewer;
  std::string team;           // team code; empty when none
  std::string password_hash;  // argon2id, libsodium's crypto_pwhash_str format
  bool active = true;
  // Where the user's reminders go (issue 15) and issue 18/21 reach them; "" when none. Unique
  // case-insensitively among the users that have one.
  std::string email{};
  ReminderDigest reminder_digest = ReminderDigest::kDaily;
};

struct Team {
  std::string code;
  std::string name;
};

struct ServiceArea {
  std::string code;
  std::string name;
  std::string team;  // the team that owns its complaints
};

struct Category {
  std::string code;
  std::string name;
  bool active = true;
};

struct RootCause {
  std::string code;
  std::string name;
  bool active = true;
};

struct ClosureDay {
  core::Date date;
  std::string reason;
};

// One row: the organisation itself.
struct OrganisationSettings {
  std::string name;
  core::Division division = core::Division::kEnglandAndWales;
  std::string independent_team;  // team code
  std::string children_team;     // team code
};

// An Ombudsman contact block an administrator added (core::CheckOmbudsmanContact), with who
// added it and when: never changed once added (issue 15).
struct AddedOmbudsmanContact {
  core::OmbudsmanContact contact;
  std::string added_by;  // username
  std::string added_at;  // RFC 3339 UTC
};

// The office hours reminder digests go in, as an administrator saved them.
struct SavedOfficeHours {
  core::OfficeHours hours;
  std::string saved_by;  // username
  std::string saved_at;  // RFC 3339 UTC
};

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string token_hash;  // hex BLAKE2b of the token; the token itself is never stored
  std::string label;
  std::string created_at;  // RFC 3339 UTC
  std::optional<std::string> revoked_at;
  // Refused from this day on (the day the clock says, UTC); none = until revoked.
  std::optional<core::Date> expires_on;
};

// A signed-in browser (app/sessions.hpp). Times are Unix seconds, UTC.
struct Session {
  std::int64_t id = 0;
  std::string token_hash;  // hex BLAKE2b of the cookie's token
  std::int64_t user_id = 0;
  std::string csrf_token_hash;  // hex BLAKE2b of the CSRF token
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;  // the sliding idle deadline, capped by the absolute lifetime
};

// The consecutive failed sign-ins of one username (core/sign_in_throttle.hpp).
struct SignInAttempts {
  int consecutive_failures = 0;
  std::int64_t last_failure_at = 0;  // Unix seconds; meaningless when there are no failures
};

// A note on a complaint for staff only, never sent to the complainant. Notes are never edited:
// a correction is another note.
struct CaseNote {
  std::int64_t id = 0;
  std::string author;      // username
  std::string created_at;  // RFC 3339 UTC
  std::string text;
};

// How one complaint relates to another, read from the complaint the link was made from.
enum class LinkRelation {
  kRelated,      // about the same matter, property or household
  kDuplicateOf,  // the same complaint received twice: `from` is the copy
  kRepeatOf,     // a new complaint about what an earlier one raised: `from` is the later one
};
std::string_view ToString(LinkRelation relation);  // "related", "duplicate_of", "repeat_of"
std::optional<LinkRelation> ParseLinkRelation(std::string_view name);

// A link between two complaints. Two complaints are linked at most once, whichever way round.
struct CaseLink {
  std::string from;  // reference of the complaint the link was made from
  std::string to;
  LinkRelation relation = LinkRelation::kRelated;
  std::string created_by;  // username
  std::string created_at;  // RFC 3339 UTC
};

// What an event is about.
enum class EntityType {
  kComplaint,
  kServiceRequest,
  kUser,
  kToken,
  kConfiguration,
  kOmbudsmanCase,
  kFailureOrder,
  kLgscoLetter,  // named by its financial year
  kLearningAction,
  kSelfAssessment,    // named by its financial year
  kAnnualSubmission,  // named by its financial year
  kSubjectAccessRequest,
  kDisposalRun,  // named by its number
};
// "complaint", "service_request", "user", "token", "configuration", "ombudsman_case",
// "failure_order", "lgsco_letter", "learning_action", "self_assessment", "annual_submission",
// "subject_access_request", "disposal_run"
std::string_view ToString(EntityType type);
std::optional<EntityType> ParseEntityType(std::string_view name);

// An event as stored: its place in the hash-chained log.
struct StoredEvent {
  std::int64_t sequence = 0;
  EntityType entity_type = EntityType::kComplaint;
  std::string entity_ref;
  core::CaseEvent event;
  std::string recorded_at;  // RFC 3339 UTC wall-clock time of the commit
  std::string hash;         // hex SHA-256 chained over the previous record's hash
  // Its summary and changes were erased (EventRepository::EraseContent): the event reads with
  // an empty summary and no changes, and is still in the chain.
  bool content_erased = false;
};

}  // namespace redress::app
