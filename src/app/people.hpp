#pragma once

// The people index (issue 20, docs/data-protection.md "The people index"): finding a person by
// their contact details, everything Redress holds about them, and staff decisions on the matches
// core/people_index.hpp proposes. A person is the one a record names (core::PersonIdOf), computed
// on read: complaints are found by their indexed person keys (ComplaintRepository::ListByPerson),
// service requests by their requesters through the core's rule. Everything is read through
// app::Visibility: a record the actor may not see is left out, and a person found from one is not
// found at all.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/attachment_repository.hpp"
#include "app/letter_repository.hpp"
#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/people_index.hpp"

namespace redress::app {

// How many records a search or a person's matches gather at most: far more than one person has.
inline constexpr std::size_t kMaxPersonRecords = 200;

// One record naming a person, with what identifies the record.
struct PersonRecordView {
  std::string person_id;  // the person as this record names them (core::PersonIdOf)
  core::PersonRecord record;
  core::Date received_on;
  std::string summary;
};

// What a search is given; a key needs an e-mail, a phone, or a name with a postcode.
struct PersonQuery {
  std::string q;  // an e-mail address or a phone number as typed
  std::string email;
  std::string phone;
  std::string name;
  std::string postcode;
};
// The records whose person has the query's key (core::SamePerson on core::PersonKeyOf), most
// recent first. kInvalidInput naming q, email, phone, name and postcode when they make no key
// (a name needs a postcode); "postcode" alone when a name is given without one.
Result<std::vector<PersonRecordView>> FindPeople(Store& store, const Actor& actor,
                                                 const PersonQuery& query);

// A record the rule proposes or staff decided on, with the keys it shares with the person.
struct PersonMatchView {
  PersonRecordView record;
  std::vector<core::MatchKey> keys;  // empty when only a decision ties it
  core::MatchState state = core::MatchState::kProposed;
  std::string reason;
  std::string decided_by;
  std::string decided_at;
};

struct PersonComplaint {
  core::Complaint complaint;
  std::vector<CaseNote> notes;
  std::vector<IssuedLetter> letters;  // without bodies
  std::vector<Attachment> attachments;
};

struct PersonView {
  std::string id;
  PersonRecordView found_from;           // the record the person is named by
  std::vector<PersonMatchView> matches;  // proposed, confirmed and rejected
  // Everything about them: the record they are named by and the confirmed matches.
  std::vector<PersonComplaint> complaints;
  std::vector<core::ServiceRequest> service_requests;
  std::vector<Attachment> service_request_attachments;
};

// kNotFound for an id that names no record the actor sees.
Result<PersonView> ReadPerson(Store& store, const Actor& actor, std::string_view id);

// Confirms, rejects or undoes whether a record names the person `id`: the decision stored and an
// event person_match_confirmed/_rejected/_undone on that record. kInvalidInput naming every
// offending field (core::CheckMatchDecision; "reference" kUnknownReference for a record the actor
// does not find, kSameRecord for the person's own record); kTransitionNotAllowed as
// core::DecideMatch; kNotFound as ReadPerson. Answers the person as after the decision.
Result<PersonView> DecidePersonMatch(Store& store, const Clock& clock, const Actor& actor,
                                     std::string_view id, const core::MatchDecisionInput& input);

}  // namespace redress::app
