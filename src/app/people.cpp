#include "app/people.hpp"

#include <algorithm>
#include <utility>

#include "app/store_values.hpp"
#include "app/visibility.hpp"
#include "core/person_search.hpp"

namespace redress::app {
namespace {

std::optional<std::string> VisibleToTeam(const Actor& actor) {
  return actor.reach == Reach::kEverything ? std::nullopt : std::optional<std::string>(actor.team);
}

PersonRecordView ViewOf(const core::Complaint& complaint, core::PersonRole role) {
  const core::Person person = role == core::PersonRole::kRepresentative && complaint.representative
                                  ? *complaint.representative
                                  : complaint.complainant;
  return {core::PersonIdOf(complaint.reference, role),
          {core::PersonRecordType::kComplaint, complaint.reference, role, person},
          complaint.received_on,
          complaint.summary};
}

PersonRecordView ViewOf(const core::ServiceRequest& request) {
  return {core::PersonIdOf(request.reference, core::PersonRole::kRequester),
          {core::PersonRecordType::kServiceRequest, request.reference, core::PersonRole::kRequester,
           request.requester},
          request.received_on,
          request.summary};
}

// The record `reference` names with the person in `role`, as `actor` sees it: nullopt for a
// record that does not exist, is hidden, or has no such person (a complaint without a
// representative).
Result<std::optional<PersonRecordView>> VisibleRecord(Tx& tx, Visibility& visibility,
                                                      core::PersonRecordType type,
                                                      const std::string& reference,
                                                      core::PersonRole role) {
  if (type == core::PersonRecordType::kComplaint) {
    auto complaint = tx.Complaints().Load(reference);
    if (!complaint) {
      if (complaint.error().code == core::ErrorCode::kNotFound) return std::nullopt;
      return tl::unexpected(complaint.error());
    }
    auto seen = visibility.Sees(*complaint);
    if (!seen) return tl::unexpected(seen.error());
    if (!*seen) return std::nullopt;
    if (role == core::PersonRole::kRequester) return std::nullopt;
    if (role == core::PersonRole::kRepresentative && !complaint->representative) {
      return std::nullopt;
    }
    return ViewOf(*complaint, role);
  }
  auto request = tx.ServiceRequests().Load(reference);
  if (!request) {
    if (request.error().code == core::ErrorCode::kNotFound) return std::nullopt;
    return tl::unexpected(request.error());
  }
  auto seen = visibility.Sees(*request);
  if (!seen) return tl::unexpected(seen.error());
  if (!*seen || role != core::PersonRole::kRequester) return std::nullopt;
  return ViewOf(*request);
}

// Every record naming the person `key` names, as the actor sees them, most recent first: the
// complaints by their complainant's indexed keys, the service requests by their requester's.
Result<std::vector<PersonRecordView>> RecordsByKey(Tx& tx, Visibility& visibility,
                                                   const Actor& actor, const core::PersonKey& key) {
  std::vector<PersonRecordView> found;
  if (key.empty()) return found;
  auto rows = tx.Complaints().ListByPerson(key, VisibleToTeam(actor), kMaxPersonRecords);
  if (!rows) return tl::unexpected(rows.error());
  for (const ComplaintRow& row : *rows) {
    auto record = VisibleRecord(tx, visibility, core::PersonRecordType::kComplaint, row.reference,
                                core::PersonRole::kComplainant);
    if (!record) return tl::unexpected(record.error());
    if (*record) found.push_back(std::move(**record));
  }
  auto requests = tx.People().ServiceRequests();
  if (!requests) return tl::unexpected(requests.error());
  for (const core::ServiceRequest& request : *requests) {
    if (found.size() >= kMaxPersonRecords) break;
    if (!core::SamePerson(key, core::PersonKeyOf(request.requester))) continue;
    auto seen = visibility.Sees(request);
    if (!seen) return tl::unexpected(seen.error());
    if (*seen) found.push_back(ViewOf(request));
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.received_on > b.received_on; });
  return found;
}

template <typename T>
Status Into(Result<T> result, T& into) {
  if (!result) return tl::unexpected(result.error());
  into = std::move(*result);
  return {};
}

Status AddEverythingAbout(Tx& tx, const PersonRecordView& view, PersonView& person) {
  const std::string& reference = view.record.reference;
  if (view.record.type == core::PersonRecordType::kComplaint) {
    for (const PersonComplaint& held : person.complaints) {
      if (held.complaint.reference == reference) return {};
    }
    PersonComplaint held;
    for (const Status& read :
         {Into(tx.Complaints().Load(reference), held.complaint),
          Into(tx.CaseNotes().NotesOf(reference), held.notes),
          Into(tx.Letters().ListOf(reference), held.letters),
          Into(tx.Attachments().ListOf(core::AttachedTo::kComplaint, reference),
               held.attachments)}) {
      if (!read) return read;
    }
    person.complaints.push_back(std::move(held));
    return {};
  }
  for (const core::ServiceRequest& request : person.service_requests) {
    if (request.reference == reference) return {};
  }
  core::ServiceRequest request;
  std::vector<Attachment> attachments;
  for (const Status& read :
       {Into(tx.ServiceRequests().Load(reference), request),
        Into(tx.Attachments().ListOf(core::AttachedTo::kServiceRequest, reference), attachments)}) {
    if (!read) return read;
  }
  person.service_requests.push_back(std::move(request));
  person.service_request_attachments.insert(person.service_request_attachments.end(),
                                            attachments.begin(), attachments.end());
  return {};
}

Result<PersonView> PersonIn(Tx& tx, const Actor& actor, std::string_view id) {
  const std::optional<core::PersonId> parsed = core::ParsePersonId(id);
  const auto not_found = [&] {
    return core::Fail(core::ErrorCode::kNotFound, "No person " + std::string(id));
  };
  if (!parsed) return not_found();
  Visibility visibility(tx, actor);
  auto anchor = VisibleRecord(tx, visibility, parsed->type(), parsed->reference, parsed->role);
  if (!anchor) return tl::unexpected(anchor.error());
  if (!*anchor) return not_found();

  PersonView person;
  person.id = std::string(id);
  person.found_from = **anchor;

  auto candidates =
      RecordsByKey(tx, visibility, actor, core::PersonKeyOf(person.found_from.record.person));
  if (!candidates) return tl::unexpected(candidates.error());
  std::vector<core::PersonRecord> records;
  for (const PersonRecordView& candidate : *candidates) records.push_back(candidate.record);
  for (const core::ProposedMatch& match : core::ProposeMatches(person.found_from.record, records)) {
    person.matches.push_back({(*candidates)[match.candidate], match.keys});
  }
  auto decisions = tx.People().DecisionsOf(id);
  if (!decisions) return tl::unexpected(decisions.error());
  for (const PersonMatchRecord& decision : *decisions) {
    auto it = std::find_if(person.matches.begin(), person.matches.end(), [&](const auto& m) {
      return m.record.record.type == decision.record_type &&
             m.record.record.reference == decision.reference &&
             m.record.record.role == decision.role;
    });
    if (it == person.matches.end()) {
      // Decided on, but no longer proposed by the rule (its details changed, or staff tied it).
      auto record =
          VisibleRecord(tx, visibility, decision.record_type, decision.reference, decision.role);
      if (!record) return tl::unexpected(record.error());
      if (!*record) continue;
      if (decision.state == core::MatchState::kProposed) continue;  // undone, and not proposed
      person.matches.push_back({std::move(**record), {}});
      it = person.matches.end() - 1;
      it->keys = core::SharedKeys(person.found_from.record.person, it->record.record.person);
    }
    it->state = decision.state;
    it->reason = decision.reason;
    it->decided_by = decision.decided_by;
    it->decided_at = decision.decided_at;
  }

  if (Status s = AddEverythingAbout(tx, person.found_from, person); !s) {
    return tl::unexpected(s.error());
  }
  for (const PersonMatchView& match : person.matches) {
    if (match.state != core::MatchState::kConfirmed) continue;
    if (Status s = AddEverythingAbout(tx, match.record, person); !s) {
      return tl::unexpected(s.error());
    }
  }
  return person;
}

core::EventType EventOf(core::MatchAction action) {
  switch (action) {
    case core::MatchAction::kConfirm:
      return core::EventType::kPersonMatchConfirmed;
    case core::MatchAction::kReject:
      return core::EventType::kPersonMatchRejected;
    case core::MatchAction::kUndo:
      return core::EventType::kPersonMatchUndone;
  }
  return core::EventType::kPersonMatchUndone;
}

std::string SummaryOf(core::MatchAction action, std::string_view id, const std::string& reason) {
  const std::string person(id);
  switch (action) {
    case core::MatchAction::kConfirm:
      return "Confirmed as the same person as " + person + ": " + reason;
    case core::MatchAction::kReject:
      return "Not the same person as " + person + ": " + reason;
    case core::MatchAction::kUndo:
      return "Decision on whether this is the same person as " + person + " undone: " + reason;
  }
  return reason;
}

}  // namespace

Result<std::vector<PersonRecordView>> FindPeople(Store& store, const Actor& actor,
                                                 const PersonQuery& query) {
  core::Person person;
  person.name = query.name;
  person.postcode = query.postcode;
  person.email = query.email.empty() ? query.q : query.email;
  person.phone = query.phone.empty() ? query.q : query.phone;
  const core::PersonKey key = core::PersonKeyOf(person);
  if (!query.name.empty() && key.name_postcode.empty() && key.email.empty() && key.phone.empty()) {
    return core::FailField("postcode", "A name is searched for with a postcode.",
                           core::FieldErrorCode::kRequired);
  }
  if (key.empty() || (key.email.find('@') == std::string::npos &&
                      key.phone.size() < static_cast<std::size_t>(core::kMinPhoneDigits) &&
                      key.name_postcode.empty())) {
    core::FieldErrors errors;
    for (const char* field : {"q", "email", "phone", "name", "postcode"}) {
      errors.Add(field, "Give an e-mail address, a phone number, or a name with a postcode.",
                 core::FieldErrorCode::kRequired);
    }
    return errors.ToError();
  }
  return ReadValue<std::vector<PersonRecordView>>(
      store, [&](Tx& tx) -> Result<std::vector<PersonRecordView>> {
        Visibility visibility(tx, actor);
        return RecordsByKey(tx, visibility, actor, key);
      });
}

Result<PersonView> ReadPerson(Store& store, const Actor& actor, std::string_view id) {
  return ReadValue<PersonView>(
      store, [&](Tx& tx) -> Result<PersonView> { return PersonIn(tx, actor, id); });
}

Result<PersonView> DecidePersonMatch(Store& store, const Clock& clock, const Actor& actor,
                                     std::string_view id, const core::MatchDecisionInput& input) {
  auto decision = core::CheckMatchDecision(input);
  if (!decision) return tl::unexpected(decision.error());
  return WriteValue<PersonView>(store, [&](Tx& tx) -> Result<PersonView> {
    auto person = PersonIn(tx, actor, id);
    if (!person) return person;
    const core::PersonRecord& own = person->found_from.record;
    if (own.type == decision->record_type && own.reference == decision->reference &&
        own.role == decision->role) {
      return core::FailField("reference", "is the person's own record",
                             core::FieldErrorCode::kSameRecord);
    }
    Visibility visibility(tx, actor);
    auto record =
        VisibleRecord(tx, visibility, decision->record_type, decision->reference, decision->role);
    if (!record) return tl::unexpected(record.error());
    if (!*record) {
      return core::FailField("reference",
                             "No " + std::string(core::ToString(decision->record_type)) + " " +
                                 decision->reference + " with a " +
                                 std::string(core::ToString(decision->role)),
                             core::FieldErrorCode::kUnknownReference);
    }
    core::MatchState current = core::MatchState::kProposed;
    for (const PersonMatchView& match : person->matches) {
      if (match.record.record.type == decision->record_type &&
          match.record.record.reference == decision->reference &&
          match.record.record.role == decision->role) {
        current = match.state;
      }
    }
    auto next = core::DecideMatch(current, decision->action);
    if (!next) return tl::unexpected(next.error());
    PersonMatchRecord stored{
        std::string(id), decision->record_type, decision->reference, decision->role,
        *next,           decision->reason,      actor.username,      clock.NowRfc3339()};
    if (Status saved = tx.People().SaveDecision(stored); !saved) {
      return tl::unexpected(saved.error());
    }
    core::CaseEvent event{
        EventOf(decision->action),
        clock.Today(),
        actor.username,
        0,
        SummaryOf(decision->action, id, decision->reason),
        {{"person", "", std::string(id)},
         {"match", std::string(core::ToString(current)), std::string(core::ToString(*next))},
         {"reason", "", decision->reason}}};
    const EntityType entity = decision->record_type == core::PersonRecordType::kComplaint
                                  ? EntityType::kComplaint
                                  : EntityType::kServiceRequest;
    if (Status appended = tx.Events().Append(entity, decision->reference, event); !appended) {
      return tl::unexpected(appended.error());
    }
    return PersonIn(tx, actor, id);
  });
}

}  // namespace redress::app
