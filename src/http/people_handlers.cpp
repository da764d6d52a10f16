#include "http/people_handlers.hpp"

#include <string>

#include "app/people.hpp"
#include "http/handlers.hpp"
#include "http/json_reader.hpp"
#include "http/query_parameters.hpp"
#include "http/responses.hpp"

namespace redress::http {
namespace {

using nlohmann::json;
using P = core::Permission;

constexpr Access kAuth = Access::kAuthenticated;
constexpr std::string_view kPeople = "/api/v1/people";

json PersonJson(const core::Person& person) {
  return {{"name", person.name},
          {"email", person.email},
          {"phone", person.phone},
          {"address", person.address},
          {"postcode", person.postcode}};
}

json RecordJson(const app::PersonRecordView& view) {
  return {{"person_id", view.person_id},
          {"record_type", core::ToString(view.record.type)},
          {"reference", view.record.reference},
          {"role", core::ToString(view.record.role)},
          {"person", PersonJson(view.record.person)},
          {"received_on", view.received_on.ToIso()},
          {"summary", view.summary}};
}

json AttachmentJson(const app::Attachment& a) {
  return {{"id", a.id},
          {"attached_to", core::ToString(a.attached_to)},
          {"reference", a.reference},
          {"name", a.name},
          {"media_type", a.media_type},
          {"size", a.size},
          {"added_at", a.added_at},
          {"removed", a.removal.has_value()}};
}

json PersonViewJson(const app::PersonView& view) {
  json matches = json::array();
  for (const app::PersonMatchView& match : view.matches) {
    json keys = json::array();
    for (core::MatchKey key : match.keys) keys.push_back(core::ToString(key));
    matches.push_back({{"record", RecordJson(match.record)},
                       {"keys", std::move(keys)},
                       {"state", core::ToString(match.state)},
                       {"reason", match.reason},
                       {"decided_by", match.decided_by},
                       {"decided_at", match.decided_at}});
  }
  json complaints = json::array();
  for (const app::PersonComplaint& held : view.complaints) {
    const core::Complaint& c = held.complaint;
    json notes = json::array();
    for (const app::CaseNote& note : held.notes) {
      notes.push_back({{"id", note.id},
                       {"author", note.author},
                       {"created_at", note.created_at},
                       {"text", note.text}});
    }
    json letters = json::array();
    for (const app::IssuedLetter& letter : held.letters) {
      letters.push_back({{"number", letter.number},
                         {"type", core::ToString(letter.type)},
                         {"issued_on", letter.issued_on.ToIso()},
                         {"recipient_name", letter.recipient_name}});
    }
    json attachments = json::array();
    for (const app::Attachment& a : held.attachments) attachments.push_back(AttachmentJson(a));
    complaints.push_back({{"reference", c.reference},
                          {"received_on", c.received_on.ToIso()},
                          {"status", core::ToString(c.status)},
                          {"summary", c.summary},
                          {"complainant", PersonJson(c.complainant)},
                          {"notes", std::move(notes)},
                          {"letters", std::move(letters)},
                          {"attachments", std::move(attachments)}});
  }
  json requests = json::array();
  for (const core::ServiceRequest& r : view.service_requests) {
    json attachments = json::array();
    for (const app::Attachment& a : view.service_request_attachments) {
      if (a.reference == r.reference) attachments.push_back(AttachmentJson(a));
    }
    requests.push_back({{"reference", r.reference},
                        {"received_on", r.received_on.ToIso()},
                        {"status", core::ToString(r.status)},
                        {"summary", r.summary},
                        {"requester", PersonJson(r.requester)},
                        {"attachments", std::move(attachments)}});
  }
  return {{"id", view.id},
          {"found_from", RecordJson(view.found_from)},
          {"matches", std::move(matches)},
          {"complaints", std::move(complaints)},
          {"service_requests", std::move(requests)}};
}

core::Result<app::PersonQuery> ParsePersonQuery(const Parameters& query) {
  return ReadBody<app::PersonQuery>(QueryObject(query), [](ObjectReader& reader) {
    app::PersonQuery q;
    q.q = reader.Text("q", Presence::kOptional);
    q.email = reader.Text("email", Presence::kOptional);
    q.phone = reader.Text("phone", Presence::kOptional);
    q.name = reader.Text("name", Presence::kOptional);
    q.postcode = reader.Text("postcode", Presence::kOptional);
    return q;
  });
}

core::Result<core::MatchDecisionInput> ParseDecision(const json& body) {
  return ReadBody<core::MatchDecisionInput>(body, [](ObjectReader& reader) {
    core::MatchDecisionInput input;
    input.action = reader.Text("action", Presence::kOptional);
    input.record_type = reader.Text("record_type", Presence::kOptional);
    input.reference = reader.Text("reference", Presence::kOptional);
    input.role = reader.Text("role", Presence::kOptional);
    input.reason = reader.Text("reason", Presence::kOptional);
    return input;
  });
}

}  // namespace

void RegisterPeopleRoutes(Router& router, app::Store& store, const app::Clock& clock) {
  const std::string people(kPeople);
  router.Add({"GET", people, kAuth, P::kManageSubjectAccess, [&store](const Request& request) {
                auto query = ParsePersonQuery(request.query);
                if (!query) return Problem(query.error(), request);
                auto found = app::FindPeople(store, *request.actor, *query);
                if (!found) return Problem(found.error(), request);
                json items = json::array();
                for (const app::PersonRecordView& view : *found) items.push_back(RecordJson(view));
                return JsonAnswer(kOk, {{"items", std::move(items)}});
              }});
  router.Add(
      {"GET", people + "/{id}", kAuth, P::kManageSubjectAccess, [&store](const Request& request) {
         auto person = app::ReadPerson(store, *request.actor, PathParam(request, "id"));
         if (!person) return Problem(person.error(), request);
         return JsonAnswer(kOk, PersonViewJson(*person));
       }});
  router.Add({"POST", people + "/{id}/matches", kAuth, P::kManageSubjectAccess,
              [&store, &clock](const Request& request) {
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                auto input = ParseDecision(*body);
                if (!input) return Problem(input.error(), request);
                auto person = app::DecidePersonMatch(store, clock, *request.actor,
                                                     PathParam(request, "id"), *input);
                if (!person) return Problem(person.error(), request);
                return JsonAnswer(kOk, PersonViewJson(*person));
              }});
}

}  // namespace redress::http
