#include "http/letter_handlers.hpp"

#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "app/letters.hpp"
#include "app/print_batches.hpp"
#include "http/correspondence_admin_handlers.hpp"
#include "http/letter_mapping.hpp"
#include "http/print_batch_handlers.hpp"
#include "http/responses.hpp"

namespace redress::http {
namespace {

using nlohmann::json;
using P = core::Permission;

constexpr Access kAuth = Access::kAuthenticated;
constexpr std::string_view kComplaint = "/api/v1/complaints/{reference}";
constexpr std::string_view kTemplates = "/api/v1/letter-templates";
constexpr std::string_view kPdfContentType = "application/pdf";

// The letter number of the path; kNotFound for anything but a positive integer, as for a letter
// that does not exist.
core::Result<int> LetterNumber(const Request& request) {
  const std::string& text = PathParam(request, "number");
  int number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size() || number < 1) {
    return core::Fail(core::ErrorCode::kNotFound, "no letter " + text);
  }
  return number;
}

// Each letter's messages, by letter number, in the order queued (OutboxRepository::OfComplaint
// gives them by letter number then id).
using MessagesByLetter = std::map<int, std::vector<app::OutboxMessage>>;

MessagesByLetter ByLetter(std::vector<app::OutboxMessage> messages) {
  MessagesByLetter by_letter;
  for (app::OutboxMessage& message : messages) {
    by_letter[message.letter_number].push_back(std::move(message));
  }
  return by_letter;
}

std::vector<app::OutboxMessage> MessagesOf(const MessagesByLetter& by_letter, int number) {
  auto found = by_letter.find(number);
  if (found == by_letter.end()) return {};
  return found->second;
}

// Each printed letter's printing, by letter number.
using PrintingsByLetter = std::map<int, app::LetterPrinting>;

core::Result<PrintingsByLetter> Printings(const app::LetterContext& context,
                                          const app::Actor& actor, const std::string& reference) {
  auto printings = app::PrintingsOfComplaint(context, actor, reference);
  if (!printings) return tl::unexpected(printings.error());
  PrintingsByLetter by_letter;
  for (app::LetterPrinting& printing : *printings) {
    int number = printing.letter_number;
    by_letter.emplace(number, std::move(printing));
  }
  return by_letter;
}

std::optional<app::LetterPrinting> PrintingOf(const PrintingsByLetter& by_letter, int number) {
  auto found = by_letter.find(number);
  if (found == by_letter.end()) return std::nullopt;
  return found->second;
}

// The letter `number` of the complaint with its messages, as the caller may see it.
core::Result<nlohmann::json> LetterWithMessages(const app::LetterContext& context,
                                                const app::Actor& actor,
                                                const std::string& reference, int number) {
  auto letter = app::GetLetter(context, actor, reference, number);
  if (!letter) return tl::unexpected(letter.error());
  auto deliveries = app::OutboxOfComplaint(context, actor, reference);
  if (!deliveries) return tl::unexpected(deliveries.error());
  auto printings = Printings(context, actor, reference);
  if (!printings) return tl::unexpected(printings.error());
  return LetterToJson(*letter, MessagesOf(ByLetter(std::move(*deliveries)), number),
                      PrintingOf(*printings, number));
}

}  // namespace

void RegisterLetterRoutes(Router& router, app::Store& store, const app::Clock& clock,
                          const std::string& mail_domain) {
  // Shared by the handlers, which the router keeps as long as it lives.
  auto context =
      std::make_shared<app::LetterContext>(app::LetterContext{store, clock, mail_domain});
  const std::string letters = std::string(kComplaint) + "/letters";
  const std::string templates(kTemplates);

  router.Add({"GET", letters, kAuth, P::kViewCases, [context](const Request& request) {
                const std::string& reference = PathParam(request, "reference");
                auto found = app::ListLetters(*context, *request.actor, reference);
                if (!found) return Problem(found.error(), request);
                auto deliveries = app::OutboxOfComplaint(*context, *request.actor, reference);
                if (!deliveries) return Problem(deliveries.error(), request);
                auto by_letter = ByLetter(std::move(*deliveries));
                auto printings = Printings(*context, *request.actor, reference);
                if (!printings) return Problem(printings.error(), request);
                json items = json::array();
                for (const app::IssuedLetter& letter : *found) {
                  items.push_back(LetterToJson(letter, MessagesOf(by_letter, letter.number),
                                               PrintingOf(*printings, letter.number)));
                }
                return JsonAnswer(kOk, items);
              }});
  router.Add({"POST", letters, kAuth, P::kAcknowledge, [context](const Request& request) {
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                auto parsed = ParseLetterRequest(*body);
                if (!parsed) return Problem(parsed.error(), request);
                auto issued = app::IssueLetter(*context, *request.actor,
                                               PathParam(request, "reference"), *parsed);
                if (!issued) return Problem(issued.error(), request);
                std::string location = "/api/v1/complaints/" + issued->complaint_reference +
                                       "/letters/" + std::to_string(issued->number);
                auto deliveries =
                    app::OutboxOfComplaint(*context, *request.actor, issued->complaint_reference);
                std::vector<app::OutboxMessage> messages;
                if (deliveries)
                  messages = MessagesOf(ByLetter(std::move(*deliveries)), issued->number);
                return CreatedAt(location, LetterToJson(*issued, messages));
              }});
  router.Add(
      {"POST", letters + "/preview", kAuth, P::kAcknowledge, [context](const Request& request) {
         auto body = ParseJsonBody(request);
         if (!body) return Problem(body.error(), request);
         auto parsed = ParseLetterRequest(*body);
         if (!parsed) return Problem(parsed.error(), request);
         auto draft =
             app::PreviewLetter(*context, *request.actor, PathParam(request, "reference"), *parsed);
         if (!draft) return Problem(draft.error(), request);
         return JsonAnswer(kOk, DraftToJson(*draft));
       }});
  router.Add(
      {"GET", letters + "/{number}", kAuth, P::kViewCases, [context](const Request& request) {
         auto number = LetterNumber(request);
         if (!number) return Problem(number.error(), request);
         const std::string& reference = PathParam(request, "reference");
         auto letter = app::GetLetter(*context, *request.actor, reference, *number);
         if (!letter) return Problem(letter.error(), request);
         auto deliveries = app::OutboxOfComplaint(*context, *request.actor, reference);
         if (!deliveries) return Problem(deliveries.error(), request);
         auto printings = Printings(*context, *request.actor, reference);
         if (!printings) return Problem(printings.error(), request);
         return JsonAnswer(
             kOk, FullLetterToJson(*letter, MessagesOf(ByLetter(std::move(*deliveries)), *number),
                                   PrintingOf(*printings, *number)));
       }});
  router.Add(
      {"GET", letters + "/{number}/pdf", kAuth, P::kViewCases, [context](const Request& request) {
         auto number = LetterNumber(request);
         if (!number) return Problem(number.error(), request);
         auto letter =
             app::GetLetter(*context, *request.actor, PathParam(request, "reference"), *number);
         if (!letter) return Problem(letter.error(), request);
         Response response{kOk, std::string(kPdfContentType), std::move(letter->pdf), {}};
         response.headers.emplace_back("Content-Disposition",
                                       "inline; filename=\"" + letter->complaint_reference +
                                           "-letter-" + std::to_string(letter->number) + ".pdf\"");
         response.headers.emplace_back("Digest", "sha-256=" + letter->sha256);
         return response;
       }});
  router.Add({"POST", letters + "/{number}/resend", kAuth, P::kAcknowledge,
              [context](const Request& request) {
                auto number = LetterNumber(request);
                if (!number) return Problem(number.error(), request);
                const std::string& reference = PathParam(request, "reference");
                auto resent = app::ResendLetter(*context, *request.actor, reference, *number);
                if (!resent) return Problem(resent.error(), request);
                auto letter = LetterWithMessages(*context, *request.actor, reference, *number);
                if (!letter) return Problem(letter.error(), request);
                return JsonAnswer(kOk, *letter);
              }});
  const std::string preferences = std::string(kComplaint) + "/contact-preferences";
  router.Add({"GET", preferences, kAuth, P::kViewCases, [context](const Request& request) {
                auto found = app::ContactPreferencesOf(*context, *request.actor,
                                                       PathParam(request, "reference"));
                if (!found) return Problem(found.error(), request);
                return JsonAnswer(kOk, ContactPreferencesToJson(*found));
              }});
  router.Add({"PUT", preferences, kAuth, P::kAcknowledge, [context](const Request& request) {
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                auto parsed = ParseContactPreferences(*body);
                if (!parsed) return Problem(parsed.error(), request);
                auto saved = app::SaveContactPreferences(*context, *request.actor,
                                                         PathParam(request, "reference"), *parsed);
                if (!saved) return Problem(saved.error(), request);
                return JsonAnswer(kOk, ContactPreferencesToJson(*saved));
              }});
  router.Add({"GET", templates, kAuth, P::kViewCases, [context](const Request& request) {
                auto found = app::ListLetterTemplates(*context);
                if (!found) return Problem(found.error(), request);
                json items = json::array();
                for (const app::LetterTemplate& t : *found)
                  items.push_back(LetterTemplateToJson(t));
                return JsonAnswer(kOk, items);
              }});
  router.Add({"POST", templates, kAuth, P::kManageConfiguration, [context](const Request& request) {
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                auto parsed = ParseLetterTemplate(*body);
                if (!parsed) return Problem(parsed.error(), request);
                auto saved = app::SaveLetterTemplate(*context, *request.actor, std::move(*parsed));
                if (!saved) return Problem(saved.error(), request);
                return CreatedAt(std::string(kTemplates), LetterTemplateToJson(*saved));
              }});
  router.Add({"GET", "/api/v1/outbox", kAuth, P::kViewReports, [context](const Request& request) {
                auto counts = app::CountOutbox(*context);
                if (!counts) return Problem(counts.error(), request);
                return JsonAnswer(kOk, OutboxCountsToJson(*counts));
              }});
  RegisterPrintBatchRoutes(router, context);
  RegisterTemplateAdminRoutes(router, context);
}

}  // namespace redress::http
