#include "http/print_batch_handlers.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/print_batches.hpp"
#include "http/json_mapping.hpp"
#include "http/json_reader.hpp"
#include "http/responses.hpp"
#include "report/render/table_writer.hpp"

namespace redress::http {
namespace {

using nlohmann::json;
using P = core::Permission;

constexpr Access kAuth = Access::kAuthenticated;
constexpr std::string_view kBatch = "/api/v1/print-batches/{date}";

// The batch's day from the path: a real date, else a problem naming `date`.
core::Result<core::Date> BatchDate(const Request& request) {
  const std::string& text = PathParam(request, "date");
  std::string message;
  std::optional<core::Date> date = ParseClientDate(text, message);
  if (!date) return core::FailField("date", message, core::FieldErrorCode::kInvalidDate);
  return *date;
}

json DateOrNull(const std::optional<core::Date>& date) {
  return date ? json(date->ToIso()) : json(nullptr);
}

json PrintingToJson(const app::LetterPrinting& printing) {
  return {{"reference", printing.complaint_reference},
          {"number", printing.letter_number},
          {"print_batch", printing.batch_date.ToIso()},
          {"printed_by", printing.printed_by},
          {"printed_at", printing.printed_at}};
}

json BatchToJson(const app::PrintBatch& batch) {
  const std::string self = "/api/v1/print-batches/" + batch.date.ToIso();
  json letters = json::array();
  for (const app::PrintBatchEntry& entry : batch.letters) {
    const app::IssuedLetter& letter = entry.letter.letter;
    json warning = nullptr;
    if (entry.warning) {
      warning = {{"expected_delivery", entry.warning->expected_delivery.ToIso()},
                 {"deadline", entry.warning->deadline.ToIso()}};
    }
    letters.push_back(
        {{"reference", letter.complaint_reference},
         {"number", letter.number},
         {"type", std::string(core::ToString(letter.type))},
         {"stage", letter.stage},
         {"issued_on", letter.issued_on.ToIso()},
         {"channel", std::string(core::ToString(letter.channel))},
         {"recipient", {{"name", letter.recipient_name}, {"address", letter.recipient_address}}},
         {"pages", letter.pages},
         {"deadline", DateOrNull(entry.deadline)},
         {"expected_delivery", entry.expected_delivery.ToIso()},
         {"posting_warning", std::move(warning)},
         {"printed",
          entry.letter.printing ? PrintingToJson(*entry.letter.printing) : json(nullptr)},
         {"pdf", "/api/v1/complaints/" + letter.complaint_reference + "/letters/" +
                     std::to_string(letter.number) + "/pdf"}});
  }
  return {{"date", batch.date.ToIso()},
          {"letters", std::move(letters)},
          {"pages", batch.pages},
          {"waiting", batch.waiting},
          {"assumption", std::string(core::PostalAssumptionOn(batch.date).basis)},
          {"pdf", self + "/pdf"},
          {"csv", self + "/csv"}};
}

// {letters?: [{reference, number}]}: absent = every letter waiting in the batch.
core::Result<std::optional<std::vector<app::LetterKey>>> ParseMarkPrinted(const json& body) {
  const bool named = body.contains("letters");
  return ReadBody<std::optional<std::vector<app::LetterKey>>>(body, [&](ObjectReader& reader) {
    std::vector<app::LetterKey> keys;
    reader.EachObject("letters", [&](ObjectReader& item) {
      app::LetterKey key;
      key.complaint_reference = item.Text("reference", Presence::kRequired);
      key.number =
          static_cast<int>(item.Integer("number", Presence::kRequired, 1, 1000000).value_or(0));
      keys.push_back(std::move(key));
    });
    return named ? std::optional(std::move(keys)) : std::nullopt;
  });
}

}  // namespace

void RegisterPrintBatchRoutes(Router& router, std::shared_ptr<app::LetterContext> context) {
  const std::string batch(kBatch);
  router.Add({"GET", batch, kAuth, P::kViewCases, [context](const Request& request) {
                auto date = BatchDate(request);
                if (!date) return Problem(date.error(), request);
                auto found = app::GetPrintBatch(*context, *request.actor, *date);
                if (!found) return Problem(found.error(), request);
                return JsonAnswer(kOk, BatchToJson(*found));
              }});
  router.Add({"GET", batch + "/pdf", kAuth, P::kViewCases, [context](const Request& request) {
                auto date = BatchDate(request);
                if (!date) return Problem(date.error(), request);
                auto pdf = app::GetPrintBatchPdf(*context, *request.actor, *date);
                if (!pdf) return Problem(pdf.error(), request);
                Response response{kOk, "application/pdf", std::move(pdf->bytes), {}};
                response.headers.emplace_back(
                    "Content-Disposition",
                    "inline; filename=\"print-batch-" + date->ToIso() + ".pdf\"");
                return response;
              }});
  router.Add({"GET", batch + "/csv", kAuth, P::kViewCases, [context](const Request& request) {
                auto date = BatchDate(request);
                if (!date) return Problem(date.error(), request);
                auto found = app::GetPrintBatch(*context, *request.actor, *date);
                if (!found) return Problem(found.error(), request);
                using report::render::TableFormat;
                auto writer =
                    report::render::TableWriter::Open(TableFormat::kCsv, "Print batch", *date);
                if (!writer) return Problem(writer.error(), request);
                app::WritePrintBatchTable(*found, **writer);
                auto document = (*writer)->Finish();
                if (!document) return Problem(document.error(), request);
                Response response{kOk,
                                  std::string(report::render::MediaTypeOf(TableFormat::kCsv)),
                                  std::move(*document),
                                  {}};
                response.headers.emplace_back(
                    "Content-Disposition",
                    "attachment; filename=\"print-batch-" + date->ToIso() + ".csv\"");
                return response;
              }});
  router.Add(
      {"POST", batch + "/printed", kAuth, P::kAcknowledge, [context](const Request& request) {
         auto date = BatchDate(request);
         if (!date) return Problem(date.error(), request);
         auto body = ParseJsonBody(request);
         if (!body) return Problem(body.error(), request);
         auto named = ParseMarkPrinted(*body);
         if (!named) return Problem(named.error(), request);
         auto printed = app::MarkPrintBatchPrinted(*context, *request.actor, *date, *named);
         if (!printed) return Problem(printed.error(), request);
         json items = json::array();
         for (const app::LetterPrinting& printing : *printed) {
           items.push_back(PrintingToJson(printing));
         }
         return JsonAnswer(kOk, {{"date", date->ToIso()}, {"printed", std::move(items)}});
       }});
}

}  // namespace redress::http
