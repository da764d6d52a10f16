// How long a letter takes to render (template text, then the A4 PDF) and how many rendered
// letters per second the SMTP client hands to a relay (issue 15). Prints Markdown table rows for
// bench/RESULTS.md.
//
//   redress_letters_bench [--letters 10000] [--smtp-url smtp://127.0.0.1:PORT]
//
// Each letter is a stage 1 final response of the shipped default template, Housing Ombudsman
// block included, with a different reference and complainant, in the standard format (14 pt).
// With --smtp-url, every rendered letter is then sent as the outbox worker sends it (plain text,
// HTML and the PDF attached, one SMTP transaction per message) to that relay, one at a time, as
// one worker does; tests/mail/smtp_sink.py is a real relay for this.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "letters/default_templates.hpp"
#include "letters/email_body.hpp"
#include "letters/letter_pdf.hpp"
#include "letters/letter_template.hpp"
#include "mail/smtp_mailer.hpp"

namespace redress::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kDefaultLetters = 10000;
constexpr double kMicrosecondsPerMillisecond = 1000.0;
constexpr double kMedian = 0.50;
constexpr double kTail = 0.99;

const core::Date kReceivedOn = *core::Date::Parse("2026-02-02");
const core::Date kIssuedOn = *core::Date::Parse("2026-02-20");

double Percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
  return values[index];
}

letters::LetterModel ModelFor(int i) {
  letters::LetterModel model;
  model.organisation = "Exampleshire Council";
  model.reference = fmt::format("CMP-2026-{:06d}", i + 1);
  model.complainant_name = fmt::format("Resident {}", i + 1);
  model.stage_name = "Stage 1";
  model.stage = 1;
  model.received_on = kReceivedOn;
  model.issued_on = kIssuedOn;
  model.parts.complaint_definition =
      "The repair to the roof over the back bedroom was not done when promised, and water came "
      "through the ceiling for three weeks.";
  model.parts.outcome_sought = "The roof repaired and the bedroom redecorated.";
  model.parts.decisions = "Upheld: the repair was late. Upheld: we did not keep you informed.";
  model.parts.reasons = "Our repairs policy gives 20 working days for a non-emergency repair.";
  model.parts.remedies =
      "The roof was repaired on 18 February 2026; we will redecorate by 20 "
      "March 2026 and pay you 150 pounds for the time and trouble.";
  model.parts.escalation = "If you are not satisfied, ask us to take your complaint to stage 2.";
  model.parts.ombudsman = true;
  model.ombudsman = core::OmbudsmanContactOn(
      core::OmbudsmanContacts(), core::OmbudsmanFor(core::Regime::kHousing), model.issued_on);
  return model;
}

int Run(int count, const std::string& smtp_url) {
  const std::string_view template_text = letters::DefaultTemplate(core::LetterType::kStageResponse);
  std::vector<double> render_ms;
  render_ms.reserve(static_cast<std::size_t>(count));
  std::vector<app::MailMessage> messages;
  std::int64_t pdf_bytes = 0;
  const auto started = Clock::now();
  for (int i = 0; i < count; ++i) {
    const auto before = Clock::now();
    letters::LetterModel model = ModelFor(i);
    auto text = letters::RenderLetterText(template_text, model);
    if (!text) {
      fmt::print(stderr, "template: {}\n", text.error().message);
      return 1;
    }
    letters::LetterDocument document{
        model.organisation,
        {model.complainant_name, "1 High Street", "Exampleton", "EX1 2MP"},
        model.reference,
        model.issued_on,
        *text,
        core::LetterFormat::kStandard};
    auto pdf = letters::RenderLetterPdf(document);
    if (!pdf) {
      fmt::print(stderr, "pdf: {}\n", pdf.error().message);
      return 1;
    }
    render_ms.push_back(std::chrono::duration<double, std::micro>(Clock::now() - before).count() /
                        kMicrosecondsPerMillisecond);
    pdf_bytes += static_cast<std::int64_t>(pdf->bytes.size());
    if (!smtp_url.empty()) {
      messages.push_back({"<letter-" + model.reference + "-1@redress.invalid>",
                          "resident@example.org", "Your complaint " + model.reference,
                          letters::EmailText(*text), letters::EmailHtml(*text),
                          model.reference + "-letter-1.pdf", std::move(pdf->bytes)});
    }
  }
  const double render_seconds = std::chrono::duration<double>(Clock::now() - started).count();
  double mean = 0;
  for (double ms : render_ms) mean += ms;
  mean /= static_cast<double>(render_ms.size());
  fmt::print(
      "| letters | mean ms/letter | p50 ms | p99 ms | max ms | letters/s | mean PDF KiB |\n");
  fmt::print("|---:|---:|---:|---:|---:|---:|---:|\n");
  fmt::print("| {} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.0f} | {:.1f} |\n", count, mean,
             Percentile(render_ms, kMedian), Percentile(render_ms, kTail),
             *std::max_element(render_ms.begin(), render_ms.end()), count / render_seconds,
             static_cast<double>(pdf_bytes) / count / 1024.0);
  if (smtp_url.empty()) return 0;

  mail::SmtpOptions options;
  options.relay_url = smtp_url;
  options.from = "complaints@council.example.org";
  mail::SmtpMailer mailer(options);
  std::vector<double> send_ms;
  send_ms.reserve(messages.size());
  int failed = 0;
  const auto sending = Clock::now();
  for (const app::MailMessage& message : messages) {
    const auto before = Clock::now();
    if (!mailer.Send(message)) ++failed;
    send_ms.push_back(std::chrono::duration<double, std::micro>(Clock::now() - before).count() /
                      kMicrosecondsPerMillisecond);
  }
  const double send_seconds = std::chrono::duration<double>(Clock::now() - sending).count();
  fmt::print("\n| emails | failed | messages/s | p50 ms | p99 ms |\n|---:|---:|---:|---:|---:|\n");
  fmt::print("| {} | {} | {:.0f} | {:.2f} | {:.2f} |\n", messages.size(), failed,
             static_cast<double>(messages.size()) / send_seconds, Percentile(send_ms, kMedian),
             Percentile(send_ms, kTail));
  return failed == 0 ? 0 : 1;
}

}  // namespace
}  // namespace redress::bench

int main(int argc, char** argv) {
  CLI::App app("Letters rendered and emailed per second");
  int letters = redress::bench::kDefaultLetters;
  std::string smtp_url;
  app.add_option("--letters", letters, "how many letters")->check(CLI::Range(1, 1000000));
  app.add_option("--smtp-url", smtp_url, "a relay to send them to (none: render only)");
  CLI11_PARSE(app, argc, argv);
  return redress::bench::Run(letters, smtp_url);
}
