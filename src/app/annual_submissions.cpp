#include "app/annual_submissions.hpp"

#include <string>
#include <utility>
#include <vector>

#include "app/report_use_cases.hpp"
#include "app/store_values.hpp"
#include "core/ombudsman.hpp"  // core::Diff, core::FieldValues

namespace redress::app {
namespace {

std::string Named(int year) { return "the annual submission of " + std::to_string(year); }

Result<core::AnnualSubmission> LoadIn(Tx& tx, int year) {
  auto found = tx.AnnualSubmissions().Load(year);
  if (!found) return tl::unexpected(found.error());
  if (!*found) return core::Fail(core::ErrorCode::kNotFound, "there is no " + Named(year));
  return std::move(**found);
}

// Every field of the record as the audit trail names it, for the changes of its events.
core::FieldValues FieldsOf(const core::AnnualSubmission& s) {
  const core::SubmissionDetails& d = s.details;
  const auto date = [](const std::optional<core::Date>& on) { return on ? on->ToIso() : ""; };
  core::FieldValues fields = {
      {"homes", std::to_string(s.homes)},
      {"status", std::string(core::ToString(s.status))},
      {"landlord_code", d.landlord_code},
      {"policy_address", d.policy_address},
      {"self_assessment_address", d.self_assessment_address},
      {"report_address", d.report_address},
      {"response_address", d.response_address},
      {"approved_on", date(s.approved_on)},
      {"governing_body", s.governing_body},
      {"minute", s.approval_minute},
      {"response", s.response},
      {"published_on", date(s.published_on)},
      {"web_address", s.web_address},
      {"submitted_on", date(s.submitted_on)},
  };
  for (const auto& [who, contact] : {std::pair{"complaints_officer", &d.complaints_officer},
                                     std::pair{"member_responsible", &d.member_responsible}}) {
    const std::string prefix = std::string(who) + ".";
    fields.emplace_back(prefix + "name", contact->name);
    fields.emplace_back(prefix + "job_title", contact->job_title);
    fields.emplace_back(prefix + "email", contact->email);
    fields.emplace_back(prefix + "phone", contact->phone);
  }
  return fields;
}

// Every field that differs (core::Diff); every non-blank one for a new record.
std::vector<core::Change> Changes(const std::optional<core::AnnualSubmission>& before,
                                  const core::AnnualSubmission& after) {
  return core::Diff(before ? FieldsOf(*before) : core::FieldValues(), FieldsOf(after));
}

Status AppendEventIn(Tx& tx, const Clock& clock, const Actor& actor, core::EventType type,
                     const std::string& summary,
                     const std::optional<core::AnnualSubmission>& before,
                     const core::AnnualSubmission& after) {
  core::CaseEvent event{type, clock.Today(), actor.username, 0, summary, Changes(before, after)};
  return tx.Events().Append(EntityType::kAnnualSubmission, std::to_string(after.year), event);
}

// Loads the year's record, checks the version, lets `step` produce the next record (or refuse),
// records who took the step and when when the status moved, saves and appends the event; `then`
// runs after the save, in the same transaction.
template <typename Step, typename Then>
Result<core::AnnualSubmission> Change(Store& store, const Clock& clock, const Actor& actor,
                                      int year, std::optional<std::int64_t> expected_version,
                                      core::EventType type, const std::string& summary, Step&& step,
                                      Then&& then) {
  return WriteValue<core::AnnualSubmission>(store, [&](Tx& tx) -> Result<core::AnnualSubmission> {
    auto before = LoadIn(tx, year);
    if (!before) return before;
    if (expected_version && *expected_version != before->version) {
      return core::Fail(core::ErrorCode::kStaleVersion,
                        Named(year) + " is at version " + std::to_string(before->version) +
                            ", not " + std::to_string(*expected_version) +
                            ": someone changed it meanwhile");
    }
    Result<core::AnnualSubmission> next = step(*before);
    if (!next) return next;
    if (next->status != before->status) {
      next->steps.push_back({next->status, actor.username, clock.NowRfc3339()});
    }
    auto saved = tx.AnnualSubmissions().Save(std::move(*next), before->version);
    if (!saved) return saved;
    if (Status appended = AppendEventIn(tx, clock, actor, type, summary, *before, *saved);
        !appended) {
      return tl::unexpected(appended.error());
    }
    if (Status done = then(tx, *saved); !done) return tl::unexpected(done.error());
    return saved;
  });
}

Status Nothing(Tx&, const core::AnnualSubmission&) { return {}; }

}  // namespace

Result<core::AnnualSubmission> CreateAnnualSubmission(Store& store, const Clock& clock,
                                                      const Actor& actor,
                                                      const NewSubmission& input) {
  core::FieldErrors errors;
  if (Status year = CheckReportYear(input.year); !year) {
    for (const core::FieldError& field : year.error().fields) {
      errors.Add(field.field, field.message, field.code);
    }
  }
  if (input.homes && *input.homes < 0) {
    errors.Add("homes", "must not be negative", core::FieldErrorCode::kOutOfRange);
  }
  if (Status details = core::CheckSubmissionDetails(input.details); !details) {
    for (const core::FieldError& field : details.error().fields) {
      errors.Add(field.field, field.message, field.code);
    }
  }
  if (!errors.empty()) return errors.ToError();
  return WriteValue<core::AnnualSubmission>(store, [&](Tx& tx) -> Result<core::AnnualSubmission> {
    auto existing = tx.AnnualSubmissions().Load(input.year);
    if (!existing) return tl::unexpected(existing.error());
    if (*existing) {
      return core::Fail(core::ErrorCode::kConflict, Named(input.year) + " exists already");
    }
    core::AnnualSubmission submission;
    submission.year = input.year;
    submission.details = input.details;
    if (input.homes) {
      submission.homes = *input.homes;
    } else {
      auto homes = tx.Reports().ListHomesOwned();
      if (!homes) return tl::unexpected(homes.error());
      const auto found = homes->find(input.year);
      if (found == homes->end()) {
        return core::FailField(
            "homes", "is required: no homes owned are recorded for " + std::to_string(input.year),
            core::FieldErrorCode::kRequired);
      }
      submission.homes = found->second;
    }
    submission.steps.push_back(
        {core::SubmissionStatus::kDraft, actor.username, clock.NowRfc3339()});
    auto saved = tx.AnnualSubmissions().Save(std::move(submission), std::nullopt);
    if (!saved) return saved;
    if (Status appended =
            AppendEventIn(tx, clock, actor, core::EventType::kAnnualSubmissionCreated,
                          "Annual submission of " + std::to_string(input.year) + " started",
                          std::nullopt, *saved);
        !appended) {
      return tl::unexpected(appended.error());
    }
    return saved;
  });
}

Result<core::AnnualSubmission> GetAnnualSubmission(Store& store, int year) {
  return ReadValue<core::AnnualSubmission>(store, [&](Tx& tx) { return LoadIn(tx, year); });
}

Result<std::vector<core::AnnualSubmission>> ListAnnualSubmissions(Store& store) {
  return ReadValue<std::vector<core::AnnualSubmission>>(
      store, [](Tx& tx) { return tx.AnnualSubmissions().List(); });
}

Result<core::AnnualSubmission> UpdateSubmissionDetails(
    Store& store, const Clock& clock, const Actor& actor, int year,
    const core::SubmissionDetails& details, std::optional<std::int64_t> expected_version) {
  return Change(
      store, clock, actor, year, expected_version, core::EventType::kAnnualSubmissionUpdated,
      "Annual submission details changed",
      [&](const core::AnnualSubmission& s) { return core::ChangeDetails(s, details); }, Nothing);
}

Result<core::AnnualSubmission> ApproveAnnualSubmission(
    Store& store, const Clock& clock, const Actor& actor, int year, const core::Approval& approval,
    std::optional<std::int64_t> expected_version) {
  return Change(
      store, clock, actor, year, expected_version, core::EventType::kAnnualSubmissionApproved,
      "Annual submission approved by " + approval.governing_body,
      [&](const core::AnnualSubmission& s) { return core::Approve(s, approval, clock.Today()); },
      Nothing);
}

Result<core::AnnualSubmission> PublishAnnualSubmission(
    Store& store, const Clock& clock, const Actor& actor, int year,
    const core::Publication& publication, std::optional<std::int64_t> expected_version) {
  return Change(
      store, clock, actor, year, expected_version, core::EventType::kAnnualSubmissionPublished,
      "Annual submission published at " + publication.web_address,
      [&](const core::AnnualSubmission& s) { return core::Publish(s, publication, clock.Today()); },
      Nothing);
}

Result<core::AnnualSubmission> SubmitAnnualSubmission(
    Store& store, const Clock& clock, const Actor& actor, int year, core::Date submitted_on,
    const ReportSnapshot& snapshot, std::optional<std::int64_t> expected_version) {
  return Change(
      store, clock, actor, year, expected_version, core::EventType::kAnnualSubmissionSubmitted,
      "Annual submission submitted to the Housing Ombudsman",
      [&](const core::AnnualSubmission& s) { return core::Submit(s, submitted_on, clock.Today()); },
      [&](Tx& tx, const core::AnnualSubmission& submitted) -> Status {
        auto report = BuildAnnualReportIn(tx, year, *submitted.submitted_on);
        if (!report) return tl::unexpected(report.error());
        auto bytes = snapshot(*report);
        if (!bytes) return tl::unexpected(bytes.error());
        return tx.AnnualSubmissions().SaveSubmittedReport(year, *bytes);
      });
}

Result<report::SubmissionForm> GetSubmissionForm(Store& store, int year) {
  return ReadValue<report::SubmissionForm>(store, [&](Tx& tx) -> Result<report::SubmissionForm> {
    auto submission = LoadIn(tx, year);
    if (!submission) return tl::unexpected(submission.error());
    auto settings = tx.Organisation().LoadSettings();
    if (!settings) return tl::unexpected(settings.error());
    auto assessment = tx.Learning().LoadSelfAssessment(year);
    if (!assessment) return tl::unexpected(assessment.error());
    return report::SubmissionFormOf({std::move(*submission), settings->name, *assessment});
  });
}

Result<std::string> GetSubmittedReport(Store& store, int year) {
  return ReadValue<std::string>(store, [&](Tx& tx) -> Result<std::string> {
    if (auto submission = LoadIn(tx, year); !submission) {
      return tl::unexpected(submission.error());
    }
    auto kept = tx.AnnualSubmissions().LoadSubmittedReport(year);
    if (!kept) return tl::unexpected(kept.error());
    if (!*kept) {
      return core::Fail(core::ErrorCode::kNotFound,
                        Named(year) + " was not submitted: no report is kept for it yet");
    }
    return std::move(**kept);
  });
}

}  // namespace redress::app
