#include "cli/letter_commands.hpp"

#include <ostream>
#include <string>

#include "app/case_use_cases.hpp"
#include "app/print_batches.hpp"
#include "report/render/table_writer.hpp"

namespace redress::cli {
namespace {

using core::Status;

class LetterCommands final : public RecordCommands {
 public:
  LetterCommands(CommandHost& host, CLI::App& app) : host_(host) {
    CLI::App* letters =
        app.add_subcommand("letters", "correspondence: the post room's print batch");
    letters->require_subcommand(1);

    CLI::App* batch = letters->add_subcommand(
        "print-batch",
        "list the letters to post on a date (those by post not yet printed), with a warning where "
        "posting misses a deadline; --pdf and --csv write the batch");
    host_.AddDatabaseOption(batch);
    batch->add_option("date", date_, "the batch's day, YYYY-MM-DD (default today)");
    batch->add_option("--pdf", pdf_,
                      "write every letter, as issued, to this PDF file ('-': stdout)");
    batch->add_option("--csv", csv_, "write the post room's list to this CSV file ('-': stdout)");
    host_.RunWithStore(batch, [this](app::Store& store) -> Status { return PrintBatch(store); });

    CLI::App* printed = letters->add_subcommand(
        "mark-printed", "record that the letters waiting in a date's batch were printed");
    host_.AddDatabaseOption(printed);
    printed->add_option("date", date_, "the batch's day, YYYY-MM-DD (default today)");
    host_.RunWithStore(printed, [this](app::Store& store) -> Status { return MarkPrinted(store); });
  }

 private:
  core::Result<core::Date> Date() const {
    if (date_.empty()) return host_.clock().Today();
    return ParseDateOption("date", date_);
  }

  Status PrintBatch(app::Store& store) {
    auto date = Date();
    if (!date) return tl::unexpected(date.error());
    app::LetterContext context{store, host_.clock(), ""};
    auto batch = app::GetPrintBatch(context, app::SystemActor(), *date);
    if (!batch) return tl::unexpected(batch.error());
    if (!pdf_.empty()) {
      auto pdf = app::GetPrintBatchPdf(context, app::SystemActor(), *date);
      if (!pdf) return tl::unexpected(pdf.error());
      if (Status written = WriteDocument(host_.out(), pdf_, pdf->bytes); !written) return written;
    }
    if (!csv_.empty()) {
      auto writer = report::render::TableWriter::Open(report::render::TableFormat::kCsv,
                                                      "Print batch", *date);
      if (!writer) return tl::unexpected(writer.error());
      app::WritePrintBatchTable(*batch, **writer);
      auto document = (*writer)->Finish();
      if (!document) return tl::unexpected(document.error());
      if (Status written = WriteDocument(host_.out(), csv_, *document); !written) return written;
    }
    if (pdf_ == "-" || csv_ == "-") return {};
    std::ostream& out = host_.out();
    out << "Print batch " << date->ToIso() << ": " << batch->letters.size()
        << (batch->letters.size() == 1 ? " letter, " : " letters, ") << batch->pages
        << (batch->pages == 1 ? " page, " : " pages, ") << batch->waiting << " waiting\n";
    for (const app::PrintBatchEntry& entry : batch->letters) {
      const app::IssuedLetter& letter = entry.letter.letter;
      out << letter.complaint_reference << " letter " << letter.number << "  "
          << core::ToString(letter.type) << "  " << letter.recipient_name << "  "
          << (entry.deadline ? "deadline " + entry.deadline->ToIso() : std::string("no deadline"));
      if (entry.warning) {
        out << "  WARNING: arrives " << entry.warning->expected_delivery.ToIso()
            << ", after its deadline";
      }
      if (entry.letter.printing) out << "  printed";
      out << "\n";
    }
    return {};
  }

  Status MarkPrinted(app::Store& store) {
    auto date = Date();
    if (!date) return tl::unexpected(date.error());
    app::LetterContext context{store, host_.clock(), ""};
    auto printed = app::MarkPrintBatchPrinted(context, app::SystemActor(), *date, std::nullopt);
    if (!printed) return tl::unexpected(printed.error());
    host_.out() << printed->size() << (printed->size() == 1 ? " letter" : " letters")
                << " recorded as printed in the batch of " << date->ToIso() << "\n";
    return {};
  }

  CommandHost& host_;
  std::string date_;
  std::string pdf_;
  std::string csv_;
};

}  // namespace

std::unique_ptr<RecordCommands> RegisterLetterCommands(CommandHost& host, CLI::App& app) {
  return std::make_unique<LetterCommands>(host, app);
}

}  // namespace redress::cli
