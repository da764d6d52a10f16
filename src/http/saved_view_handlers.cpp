#include "http/saved_view_handlers.hpp"

#include <charconv>
#include <cstdint>
#include <string>
#include <utility>

#include "app/saved_views.hpp"
#include "http/complaint_query.hpp"
#include "http/json_mapping.hpp"
#include "http/json_reader.hpp"
#include "http/responses.hpp"

namespace redress::http {
namespace {

using nlohmann::json;
using P = core::Permission;

constexpr Access kAuth = Access::kAuthenticated;
constexpr std::string_view kSavedViews = "/api/v1/saved-views";

json ViewToJson(const app::SavedView& view) {
  return {{"id", view.id},
          {"name", view.name},
          {"query", view.query},
          {"shared", view.shared},
          {"owner", view.owner}};
}

// Whether `query` opens the case list: the list's own parser judges it, and a page's place
// (cursor, limit) is no part of a view. Its problems are added to `errors` under "query".
void CheckListQuery(const std::string& query, core::FieldErrors& errors) {
  core::Result<Parameters> parameters = ParseQuery(query);
  if (!parameters) {
    errors.Add("query", "is not a query string of the case list", core::FieldErrorCode::kInvalid);
    return;
  }
  for (const char* place : {"cursor", "limit"}) {
    if (parameters->contains(place)) {
      errors.Add("query", std::string("must not hold ") + place + ": a view is filters and order",
                 core::FieldErrorCode::kInvalid);
      return;
    }
  }
  core::Result<app::ComplaintQuery> parsed = ParseComplaintQuery(*parameters);
  if (!parsed) {
    std::string why = parsed.error().fields.empty() ? parsed.error().message
                                                    : parsed.error().fields.front().field + " " +
                                                          parsed.error().fields.front().message;
    errors.Add("query", "is not a filter of the case list (" + why + ")",
               core::FieldErrorCode::kInvalid);
  }
}

// The body as the use case's input, with every problem of it in one answer: the shape, the
// fields' own rules and the query's.
core::Result<app::SavedViewInput> InputOf(const Request& request) {
  auto body = ParseJsonBody(request);
  if (!body) return tl::unexpected(body.error());
  auto input = ReadBody<app::SavedViewInput>(*body, [](ObjectReader& reader) {
    app::SavedViewInput read;
    read.name = reader.Text("name", Presence::kRequired);
    read.query = reader.Text("query", Presence::kOptional);
    read.shared = reader.Boolean("shared", Presence::kOptional).value_or(false);
    return read;
  });
  if (!input) return input;
  core::FieldErrors errors;
  app::CheckSavedViewInput(*input, errors);
  if (input->query.size() <= app::kMaxSavedViewQuery) CheckListQuery(input->query, errors);
  if (!errors.empty()) return errors.ToError();
  return input;
}

// The view's id from the path; an id that is not a number names no view.
core::Result<std::int64_t> IdOf(const Request& request) {
  const std::string& text = PathParam(request, "id");
  std::int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) {
    return core::Fail(core::ErrorCode::kNotFound, "no saved view " + text);
  }
  return id;
}

}  // namespace

void RegisterSavedViewRoutes(Router& router, app::Store& store, const app::Clock& clock) {
  const std::string views(kSavedViews);
  const std::string one = views + "/{id}";
  router.Add({"GET", views, kAuth, P::kViewCases, [&store](const Request& request) {
                auto listed = app::ListSavedViews(store, *request.actor);
                if (!listed) return Problem(listed.error(), request);
                json items = json::array();
                for (const app::SavedView& view : *listed) items.push_back(ViewToJson(view));
                return JsonAnswer(kOk, {{"items", std::move(items)}});
              }});
  router.Add({"POST", views, kAuth, P::kViewCases, [&store, &clock](const Request& request) {
                auto input = InputOf(request);
                if (!input) return Problem(input.error(), request);
                auto saved = app::CreateSavedView(store, clock, *request.actor, *input);
                if (!saved) return Problem(saved.error(), request);
                return CreatedAt(std::string(kSavedViews) + "/" + std::to_string(saved->id),
                                 ViewToJson(*saved));
              }});
  router.Add({"PUT", one, kAuth, P::kViewCases, [&store, &clock](const Request& request) {
                auto id = IdOf(request);
                if (!id) return Problem(id.error(), request);
                auto input = InputOf(request);
                if (!input) return Problem(input.error(), request);
                auto saved = app::UpdateSavedView(store, clock, *request.actor, *id, *input);
                if (!saved) return Problem(saved.error(), request);
                return JsonAnswer(kOk, ViewToJson(*saved));
              }});
  router.Add({"DELETE", one, kAuth, P::kViewCases, [&store, &clock](const Request& request) {
                auto id = IdOf(request);
                if (!id) return Problem(id.error(), request);
                auto deleted = app::DeleteSavedView(store, clock, *request.actor, *id);
                if (!deleted) return Problem(deleted.error(), request);
                return NoContent();
              }});
}

}  // namespace redress::http
