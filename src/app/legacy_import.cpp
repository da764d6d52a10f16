#include "app/legacy_import.hpp"

#include <map>
#include <optional>
#include <utility>

#include "core/permissions.hpp"
#include "legacy/mapping.hpp"

namespace redress::app {
namespace {

// The event that says where a case came from, dated the day of the import (its history before
// it keeps the legacy system's dates).
core::CaseEvent ImportedEvent(const legacy::Mapping& mapping, const legacy::ImportedCase& imported,
                              const std::string& file_name, const Actor& actor, core::Date today) {
  return core::CaseEvent{
      core::EventType::kImported,
      today,
      actor.username,
      imported.complaint.current_stage().number,
      "Imported from " + mapping.system + " (its reference " + imported.legacy_reference + ")",
      {{"legacy_system", "", mapping.system},
       {"legacy_reference", "", imported.legacy_reference},
       {"file", "", file_name}}};
}

}  // namespace

Result<ImportReport> ImportComplaints(Store& store, const Clock& clock, const Actor& actor,
                                      const ImportComplaintsInput& input) {
  if (!core::Allows(actor.role, core::Permission::kManageConfiguration)) {
    return core::Fail(core::ErrorCode::kForbidden,
                      "only an administrator may import complaints from a legacy system");
  }
  auto mapping = legacy::ParseMapping(input.mapping);
  if (!mapping) return tl::unexpected(mapping.error());
  const core::Date today = clock.Today();
  const std::string now = clock.NowRfc3339();

  ImportReport report;
  bool rolled_back = false;  // the run found problems: its transaction undone on purpose
  auto work = [&](Tx& tx) -> Status {
    report = ImportReport{};
    report.dry_run = input.dry_run;
    report.system = mapping->system;
    rolled_back = false;
    auto organisation = LoadOrganisation(tx);
    if (!organisation) return tl::unexpected(organisation.error());
    std::map<std::string, std::string, std::less<>> teams;
    for (const auto& [code, area] : organisation->service_areas) teams.emplace(code, area.team);
    const legacy::ConversionContext context{
        organisation->calendar.get(), today,  actor.username,        &organisation->root_causes,
        &organisation->categories,    &teams, &organisation->routing};
    std::optional<core::Error> failure;
    auto wanted = [&](const std::string& reference) {
      if (failure) return false;
      auto found = tx.LegacyReferences().Find(mapping->system, reference);
      if (!found) {
        failure = found.error();
        return false;
      }
      if (*found) {
        ++report.already_imported;
        return false;
      }
      return true;
    };
    auto save = [&](legacy::ImportedCase&& imported) -> bool {
      ++report.imported;
      // After the first problem nothing more is written (it will all be undone), but every row
      // is still read, so that the report names every problem.
      if (input.dry_run || !report.problems.empty()) return true;
      core::CaseEvent imported_event =
          ImportedEvent(*mapping, imported, input.file_name, actor, today);
      auto inserted = tx.Complaints().Insert(imported.complaint, imported.events.front());
      if (!inserted) {
        failure = inserted.error();
        return false;
      }
      for (std::size_t i = 1; i < imported.events.size(); ++i) {
        if (Status appended =
                tx.Events().Append(EntityType::kComplaint, inserted->reference, imported.events[i]);
            !appended) {
          failure = appended.error();
          return false;
        }
      }
      if (Status appended =
              tx.Events().Append(EntityType::kComplaint, inserted->reference, imported_event);
          !appended) {
        failure = appended.error();
        return false;
      }
      if (Status kept = tx.LegacyReferences().Add(mapping->system, imported.legacy_reference,
                                                  inserted->reference, now);
          !kept) {
        failure = kept.error();
        return false;
      }
      if (report.cases.size() < kReportedCases) {
        report.cases.emplace_back(imported.legacy_reference, inserted->reference);
      }
      return true;
    };
    report.rows = legacy::ConvertFile(input.csv, *mapping, context, wanted, save, report.problems);
    if (failure) return tl::unexpected(*failure);
    if (!report.problems.empty() || input.dry_run) {
      rolled_back = true;
      return core::Fail(core::ErrorCode::kConflict, "nothing is written");
    }
    return {};
  };
  // A dry run reads only: whatever it did could not be kept.
  Status status = input.dry_run ? store.Read(work) : store.Write(work);
  if (!status && !rolled_back) return tl::unexpected(status.error());
  if (!report.problems.empty() && !input.dry_run) {
    report.imported = 0;
    report.cases.clear();
  }
  return report;
}

}  // namespace redress::app
