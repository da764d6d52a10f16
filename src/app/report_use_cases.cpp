#include "app/report_use_cases.hpp"

#include <optional>
#include <string>
#include <utility>

#include "app/organisation.hpp"
#include "app/store_values.hpp"
#include "app/visibility.hpp"
#include "core/calendar.hpp"

namespace redress::app {
namespace {

template <typename Record>
std::vector<report::NamedCode> Names(const std::vector<Record>& records) {
  std::vector<report::NamedCode> names;
  names.reserve(records.size());
  for (const Record& record : records) names.push_back({record.code, record.name});
  return names;
}

Result<report::ReportContext> ContextIn(Tx& tx, int year, core::Date today) {
  report::ReportContext context;
  context.year = year;
  context.as_at = today;
  auto settings = tx.Organisation().LoadSettings();
  if (!settings) return tl::unexpected(settings.error());
  context.organisation = settings->name;
  auto calendar = LoadCalendar(tx);
  if (!calendar) return tl::unexpected(calendar.error());
  context.calendar = std::move(*calendar);
  auto areas = tx.Organisation().ListServiceAreas();
  if (!areas) return tl::unexpected(areas.error());
  context.service_areas = Names(*areas);
  auto categories = tx.Organisation().ListCategories();
  if (!categories) return tl::unexpected(categories.error());
  context.categories = Names(*categories);
  auto root_causes = tx.Organisation().ListRootCauses();
  if (!root_causes) return tl::unexpected(root_causes.error());
  context.root_causes = Names(*root_causes);
  auto homes = tx.Reports().ListHomesOwned();
  if (!homes) return tl::unexpected(homes.error());
  context.homes_owned = std::move(*homes);
  auto surveys = tx.Reports().ListTenantSatisfaction();
  if (!surveys) return tl::unexpected(surveys.error());
  context.tenant_satisfaction = std::move(*surveys);
  return context;
}

// The sections the builder does not stream: Ombudsman cases, failure orders, the LGSCO letter,
// learning actions and the self-assessment of the year.
Status AddOmbudsmanSections(Tx& tx, int year, core::Date today, report::AnnualReport& report) {
  auto cases = tx.Ombudsman().ListCases("");
  if (!cases) return tl::unexpected(cases.error());
  auto orders = tx.Ombudsman().ListFailureOrders();
  if (!orders) return tl::unexpected(orders.error());
  auto letter = tx.Ombudsman().LoadLgscoLetter(year);
  if (!letter) return tl::unexpected(letter.error());
  auto actions = tx.Learning().ListActions();
  if (!actions) return tl::unexpected(actions.error());
  // The report is published, whoever asks for it: what concerns a restricted complaint is counted
  // but its text is withheld (Visibility, as the public would see it).
  Visibility published(tx, PublicReader());
  std::vector<core::LearningAction> publishable;
  std::vector<core::LearningAction> withheld;
  for (core::LearningAction& action : *actions) {
    auto seen = published.Sees(action);
    if (!seen) return tl::unexpected(seen.error());
    (*seen ? publishable : withheld).push_back(std::move(action));
  }
  auto assessment = tx.Learning().LoadSelfAssessment(year);
  if (!assessment) return tl::unexpected(assessment.error());
  report.ombudsman =
      report::SummariseOmbudsman(year, today, *cases, *orders, *letter, publishable, withheld);
  report.self_assessment = std::move(*assessment);
  return {};
}

}  // namespace

Status CheckReportYear(int year) {
  if (year < report::kFirstReportYear || year > report::kLastReportYear) {
    return core::FailField(
        "year",
        "must be a financial year from " + std::to_string(report::kFirstReportYear) + " to " +
            std::to_string(report::kLastReportYear) + ", got " + std::to_string(year),
        core::FieldErrorCode::kOutOfRange);
  }
  return {};
}

Result<report::AnnualReport> BuildAnnualReport(Store& store, const Clock& clock, int year,
                                               std::optional<core::Date> as_at) {
  core::FieldErrors errors;
  if (Status valid = CheckReportYear(year); !valid) {
    for (const core::FieldError& field : valid.error().fields)
      errors.Add(field.field, field.message, field.code);
  }
  const core::Date figures_as_at = as_at.value_or(clock.Today());
  if (as_at && *as_at > clock.Today()) {
    errors.Add("as_at",
               "must not be in the future (today is " + clock.Today().ToIso() +
                   "): a report counts facts already recorded",
               core::FieldErrorCode::kDateInFuture);
  } else if (as_at && !core::InCalendarRange(*as_at)) {
    errors.Add("as_at",
               "must be within the years " + std::to_string(core::kFirstCalendarYear) + " to " +
                   std::to_string(core::kLastCalendarYear),
               core::FieldErrorCode::kInvalidDate);
  }
  if (!errors.empty()) return errors.ToError();
  return ReadValue<report::AnnualReport>(
      store, [&](Tx& tx) { return BuildAnnualReportIn(tx, year, figures_as_at); });
}

Result<report::AnnualReport> BuildAnnualReportIn(Tx& tx, int year, core::Date as_at) {
  auto context = ContextIn(tx, year, as_at);
  if (!context) return tl::unexpected(context.error());
  report::AnnualReportBuilder builder(std::move(*context));
  if (Status streamed = tx.Reports().ReadRecords(report::WindowFor(year), builder); !streamed) {
    return tl::unexpected(streamed.error());
  }
  report::AnnualReport computed = builder.Finish();
  if (Status added = AddOmbudsmanSections(tx, year, as_at, computed); !added) {
    return tl::unexpected(added.error());
  }
  return computed;
}

Result<StoreSummary> Summarise(Store& store) {
  return ReadValue<StoreSummary>(store, [](Tx& tx) { return tx.Reports().Summarise(); });
}

}  // namespace redress::app
