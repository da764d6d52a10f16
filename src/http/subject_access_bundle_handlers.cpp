#include "http/subject_access_bundle_handlers.hpp"

#include <shared_mutex>
#include <string>

#include "app/subject_access_bundle.hpp"
#include "http/handlers.hpp"
#include "http/json_reader.hpp"
#include "http/responses.hpp"

namespace redress::http {
namespace {

using nlohmann::json;
using P = core::Permission;

constexpr Access kAuth = Access::kAuthenticated;
constexpr std::string_view kOne = "/api/v1/subject-access-requests/{reference}";

json WithholdingJson(const app::Withholding& w) {
  return {{"item", w.item},
          {"reason", w.reason},
          {"withheld_by", w.withheld_by},
          {"withheld_at", w.withheld_at}};
}

// One held item as the page lists it: its name, what it is and a line that says which.
json ItemJson(core::HeldItem item, std::string label, const std::vector<app::Withholding>& marks) {
  const std::string name = core::ItemName(item);
  json withheld = nullptr;
  for (const app::Withholding& mark : marks) {
    if (mark.item == name) withheld = WithholdingJson(mark);
  }
  return {{"item", name},
          {"kind", core::ToString(item.kind)},
          {"complaint_reference", item.complaint_reference},
          {"label", std::move(label)},
          {"withheld", std::move(withheld)}};
}

json HoldingsJson(const app::SubjectAccessHoldings& holdings) {
  json items = json::array();
  for (const app::HeldComplaint& held : holdings.complaints) {
    const core::Complaint& c = held.complaint;
    items.push_back(ItemJson({core::HeldItemKind::kComplaint, c.reference, 0},
                             "Complaint received " + c.received_on.ToIso() + ": " + c.summary,
                             holdings.withheld));
    for (const app::CaseNote& note : held.notes) {
      items.push_back(ItemJson({core::HeldItemKind::kNote, c.reference, note.id},
                               "Note by " + note.author + ": " + note.text, holdings.withheld));
    }
    for (const app::IssuedLetter& letter : held.letters) {
      items.push_back(ItemJson({core::HeldItemKind::kLetter, c.reference, letter.number},
                               "Letter " + std::to_string(letter.number) + " (" +
                                   std::string(core::ToString(letter.type)) + ") to " +
                                   letter.recipient_name + ", " + letter.issued_on.ToIso(),
                               holdings.withheld));
    }
    for (const app::Attachment& attachment : held.attachments) {
      items.push_back(ItemJson({core::HeldItemKind::kAttachment, c.reference, attachment.id},
                               "Attachment " + attachment.name, holdings.withheld));
    }
  }
  json withheld = json::array();
  for (const app::Withholding& mark : holdings.withheld) withheld.push_back(WithholdingJson(mark));
  return {{"reference", holdings.request.reference},
          {"person",
           {{"name", holdings.person.name},
            {"email", holdings.person.email},
            {"phone", holdings.person.phone},
            {"postcode", holdings.person.postcode}}},
          {"items", std::move(items)},
          {"withheld", std::move(withheld)}};
}

struct Mark {
  std::string item;
  std::string reason;
};

core::Result<Mark> ParseMark(const json& body) {
  return ReadBody<Mark>(body, [](ObjectReader& reader) {
    Mark mark;
    mark.item = reader.Text("item", Presence::kRequired);
    mark.reason = reader.Text("reason", Presence::kRequired);
    return mark;
  });
}

}  // namespace

void RegisterSubjectAccessBundleRoutes(Router& router, const app::AttachmentContext& context,
                                       app::ArchiveWriter& archive) {
  const std::string one(kOne);
  router.Add({"GET", one + "/holdings", kAuth, P::kManageSubjectAccess,
              [&context](const Request& request) {
                auto holdings =
                    app::ReadSubjectAccessHoldings(context.store, PathParam(request, "reference"));
                if (!holdings) return Problem(holdings.error(), request);
                return JsonAnswer(kOk, HoldingsJson(*holdings));
              }});
  router.Add({"POST", one + "/withholdings", kAuth, P::kManageSubjectAccess,
              [&context](const Request& request) {
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                auto mark = ParseMark(*body);
                if (!mark) return Problem(mark.error(), request);
                auto withheld = app::WithholdSubjectAccessItem(
                    context.store, context.clock, *request.actor, PathParam(request, "reference"),
                    mark->item, mark->reason);
                if (!withheld) return Problem(withheld.error(), request);
                return JsonAnswer(kCreated, WithholdingJson(*withheld));
              }});
  router.Add({"GET", one + "/bundle", kAuth, P::kManageSubjectAccess,
              [&context, &archive](const Request& request) {
                // Content is not removed while it is read (app::AttachmentContext).
                std::shared_lock lock(context.content_mutex);
                auto bundle = app::ExportSubjectAccessBundle(
                    context.store, context.files, context.clock, *request.actor,
                    PathParam(request, "reference"), archive);
                if (!bundle) return Problem(bundle.error(), request);
                Response response{kOk, "application/zip", std::move(bundle->bytes), {}};
                response.headers.emplace_back("Content-Disposition",
                                              "attachment; filename=\"" + bundle->file_name + "\"");
                response.headers.emplace_back("X-Content-SHA256", bundle->sha256);
                return response;
              }});
}

}  // namespace redress::http
