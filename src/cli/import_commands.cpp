#include "cli/import_commands.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>
#include <string>

#include "app/legacy_import.hpp"
#include "app/organisation.hpp"

namespace redress::cli {
namespace {

using core::Status;

// The whole of the file `path`, or a field error naming `option` when it cannot be read.
core::Result<std::string> ReadWholeFile(const std::string& option, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return core::FailField(option, "cannot read " + path, core::FieldErrorCode::kInvalid);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class ImportCommands final : public RecordCommands {
 public:
  ImportCommands(CommandHost& host, CLI::App& app) : host_(host) {
    CLI::App* group =
        app.add_subcommand("import", "import records from a legacy system (docs/legacy-import.md)");
    group->require_subcommand(1);
    CLI::App* complaints =
        group->add_subcommand("complaints",
                              "import a legacy system's complaints (CSV or XLSX) with their "
                              "history, as its mapping (TOML) says; "
                              "a reference imported before is skipped");
    host_.AddDatabaseOption(complaints);
    complaints->add_option("--mapping", mapping_, "the mapping file (TOML)")->required();
    complaints
        ->add_option("--file", file_,
                     "the legacy system's export (CSV, or XLSX: its first worksheet)")
        ->required();
    complaints->add_flag("--dry-run", dry_run_,
                         "report every problem and what would be imported; write nothing");
    host_.RunWithStore(complaints, [this](app::Store& store) -> Status { return Import(store); });
  }

 private:
  Status Import(app::Store& store) {
    auto mapping = ReadWholeFile("mapping", mapping_);
    if (!mapping) return tl::unexpected(mapping.error());
    auto csv = ReadWholeFile("file", file_);
    if (!csv) return tl::unexpected(csv.error());
    app::ImportComplaintsInput input{std::move(*mapping), std::move(*csv),
                                     std::filesystem::path(file_).filename().string(), dry_run_};
    auto report = app::ImportComplaints(store, host_.clock(), app::SystemActor(), input);
    if (!report) return tl::unexpected(report.error());
    std::ostream& out = host_.out();
    out << (report->dry_run ? "Dry run of " : "Import of ") << input.file_name << " from "
        << report->system << ": " << report->rows << " rows; " << report->imported
        << (report->dry_run ? " would be imported, " : " imported, ") << report->already_imported
        << " imported before (skipped), " << report->problems.size() << " problems\n";
    for (const auto& problem : report->problems) {
      out << "  row " << problem.row;
      if (!problem.column.empty()) out << ", column \"" << problem.column << "\"";
      out << ": " << problem.message << "\n";
    }
    if (!report->problems.empty()) {
      return core::Fail(
          core::ErrorCode::kInvalidInput,
          std::to_string(report->problems.size()) + " problems in the file; nothing was imported");
    }
    for (const auto& [legacy, reference] : report->cases) {
      out << "  " << legacy << " -> " << reference << "\n";
    }
    if (report->imported > report->cases.size()) {
      out << "  (and " << report->imported - report->cases.size() << " more)\n";
    }
    return {};
  }

  CommandHost& host_;
  std::string mapping_;
  std::string file_;
  bool dry_run_ = false;
};

}  // namespace

std::unique_ptr<RecordCommands> RegisterImportCommands(CommandHost& host, CLI::App& app) {
  return std::make_unique<ImportCommands>(host, app);
}

}  // namespace redress::cli
