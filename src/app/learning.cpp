#include "app/learning.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

#include "app/case_use_cases.hpp"
#include "app/report_use_cases.hpp"
#include "app/store_values.hpp"
#include "app/versioned_records.hpp"

namespace redress::app {
namespace {

const VersionedKind<core::LearningAction> kActionKind{
    EntityType::kLearningAction,
    core::EventType::kLearningActionRaised,
    core::EventType::kLearningActionUpdated,
    "Learning action",
    "learning action",
    [](Tx& tx, core::LearningAction record, int year) {
      return tx.Learning().InsertAction(std::move(record), year);
    },
    [](Tx& tx, core::LearningAction record, std::int64_t expected_version) {
      return tx.Learning().UpdateAction(std::move(record), expected_version);
    },
    [](Tx& tx, std::string_view reference) { return tx.Learning().LoadAction(reference); }};

Result<core::LearningAction> SaveAction(Store& store, const Clock& clock, const Actor& actor,
                                        core::LearningAction action,
                                        std::optional<std::int64_t> expected_version) {
  if (Status valid = core::ValidateLearningAction(action, clock.Today()); !valid) {
    return tl::unexpected(valid.error());
  }
  return SaveVersioned(
      store, clock, actor, kActionKind, std::move(action), expected_version,
      [&](Tx& tx, const std::optional<core::LearningAction>& before,
          const core::LearningAction& after) -> Status {
        if (before) {
          if (Status visible = RequireVisible(tx, actor, kActionKind, *before); !visible) {
            return visible;
          }
        }
        if (Status named = CheckComplaints(tx, actor, after.complaints); !named) return named;
        return CheckNamedRecord(tx, actor, "ombudsman_case", "Ombudsman case",
                                after.ombudsman_case);
      },
      [](Tx&, const std::optional<core::LearningAction>&, const core::LearningAction&) -> Status {
        return {};
      });
}

Result<core::SelfAssessment> LoadAssessment(LearningRepository& learning, int year) {
  auto assessment = learning.LoadSelfAssessment(year);
  if (!assessment) return tl::unexpected(assessment.error());
  if (!*assessment) {
    return core::Fail(core::ErrorCode::kNotFound,
                      "the self-assessment of " + std::to_string(year) + " was not started");
  }
  return **assessment;
}

// Loads the year's assessment, lets `change` alter it and describe the changes (or refuse with an
// error, which leaves it unchanged), saves it at the version loaded and appends the event.
template <typename Change>
Result<core::SelfAssessment> ChangeAssessment(Store& store, const Clock& clock, const Actor& actor,
                                              int year,
                                              std::optional<std::int64_t> expected_version,
                                              core::EventType type, const std::string& summary,
                                              Change&& change) {
  if (Status valid_year = CheckReportYear(year); !valid_year) {
    return tl::unexpected(valid_year.error());
  }
  return WriteValue<core::SelfAssessment>(store, [&](Tx& tx) -> Result<core::SelfAssessment> {
    auto assessment = LoadAssessment(tx.Learning(), year);
    if (!assessment) return assessment;
    const std::int64_t version = assessment->version;
    if (expected_version && *expected_version != version) {
      return core::Fail(core::ErrorCode::kStaleVersion,
                        "the self-assessment of " + std::to_string(year) + " is at version " +
                            std::to_string(version) + ", not " + std::to_string(*expected_version) +
                            ": someone changed it meanwhile");
    }
    Result<std::vector<core::Change>> changes = change(*assessment);
    if (!changes) return tl::unexpected(changes.error());
    auto saved = tx.Learning().SaveSelfAssessment(std::move(*assessment), version);
    if (!saved) return saved;
    core::CaseEvent event{type, clock.Today(), actor.username, 0, summary, std::move(*changes)};
    if (Status appended =
            tx.Events().Append(EntityType::kSelfAssessment, std::to_string(year), event);
        !appended) {
      return tl::unexpected(appended.error());
    }
    return saved;
  });
}

}  // namespace

Result<core::LearningAction> RaiseLearningAction(Store& store, const Clock& clock,
                                                 const Actor& actor, core::LearningAction action) {
  return SaveAction(store, clock, actor, std::move(action), std::nullopt);
}

Result<core::LearningAction> UpdateLearningAction(Store& store, const Clock& clock,
                                                  const Actor& actor, core::LearningAction action,
                                                  std::int64_t expected_version) {
  return SaveAction(store, clock, actor, std::move(action), expected_version);
}

Result<core::LearningAction> GetLearningAction(Store& store, const Actor& actor,
                                               std::string_view reference) {
  return GetVisible(store, actor, kActionKind, reference);
}

Result<std::vector<core::LearningAction>> ListLearningActions(Store& store, const Actor& actor,
                                                              const LearningFilter& filter,
                                                              core::Date today) {
  using Actions = std::vector<core::LearningAction>;
  auto actions = ReadValue<Actions>(store, [&](Tx& tx) -> Result<Actions> {
    auto all = tx.Learning().ListActions();
    if (!all) return all;
    Visibility visibility(tx, actor);
    return visibility.Filter(std::move(*all));
  });
  if (!actions) return actions;
  std::erase_if(*actions, [&](const core::LearningAction& a) {
    const bool from_complaint =
        filter.complaint.empty() ||
        std::find(a.complaints.begin(), a.complaints.end(), filter.complaint) != a.complaints.end();
    const bool keep =
        (!filter.status || a.status == *filter.status) &&
        (!filter.source || a.source == *filter.source) &&
        (!filter.overdue_only || core::IsOverdue(a, today)) &&
        (filter.owner.empty() || a.owner == filter.owner) && from_complaint &&
        (filter.ombudsman_case.empty() || a.ombudsman_case == filter.ombudsman_case) &&
        (!filter.due_in || a.due_on.FinancialYear() == *filter.due_in);
    return !keep;
  });
  std::stable_sort(actions->begin(), actions->end(),
                   [](const core::LearningAction& a, const core::LearningAction& b) {
                     return std::tie(a.due_on, a.reference) < std::tie(b.due_on, b.reference);
                   });
  return actions;
}

Result<core::SelfAssessment> StartSelfAssessment(Store& store, const Clock& clock,
                                                 const Actor& actor, int year) {
  if (Status valid_year = CheckReportYear(year); !valid_year) {
    return tl::unexpected(valid_year.error());
  }
  return WriteValue<core::SelfAssessment>(store, [&](Tx& tx) -> Result<core::SelfAssessment> {
    auto existing = tx.Learning().LoadSelfAssessment(year);
    if (!existing) return tl::unexpected(existing.error());
    if (*existing) {
      return core::Fail(core::ErrorCode::kConflict,
                        "the self-assessment of " + std::to_string(year) + " was started already");
    }
    core::SelfAssessment assessment{year, core::SeedProvisions(), std::nullopt, 0};
    auto saved = tx.Learning().SaveSelfAssessment(std::move(assessment), std::nullopt);
    if (!saved) return saved;
    core::CaseEvent event{core::EventType::kSelfAssessmentStarted,
                          clock.Today(),
                          actor.username,
                          0,
                          "Self-assessment of " + std::to_string(year) + " started with " +
                              std::to_string(saved->provisions.size()) + " provisions",
                          {{"provisions", "", std::to_string(saved->provisions.size())}}};
    if (Status appended =
            tx.Events().Append(EntityType::kSelfAssessment, std::to_string(year), event);
        !appended) {
      return tl::unexpected(appended.error());
    }
    return saved;
  });
}

Result<core::SelfAssessment> GetSelfAssessment(Store& store, int year) {
  return ReadValue<core::SelfAssessment>(
      store, [&](Tx& tx) { return LoadAssessment(tx.Learning(), year); });
}

Result<core::SelfAssessment> SaveProvision(Store& store, const Clock& clock, const Actor& actor,
                                           int year, const core::ProvisionAssessment& provision,
                                           std::optional<std::int64_t> expected_version) {
  if (Status valid = core::ValidateProvision(provision); !valid) {
    return tl::unexpected(valid.error());
  }
  return ChangeAssessment(
      store, clock, actor, year, expected_version, core::EventType::kSelfAssessmentUpdated,
      "Self-assessment of " + std::to_string(year) + ": provision " + provision.provision +
          " assessed by " + actor.username,
      [&](core::SelfAssessment& assessment) -> Result<std::vector<core::Change>> {
        auto found = std::find_if(
            assessment.provisions.begin(), assessment.provisions.end(),
            [&](const core::ProvisionAssessment& p) { return p.provision == provision.provision; });
        core::FieldValues before;
        if (found == assessment.provisions.end()) {
          assessment.provisions.push_back(provision);
        } else {
          before = core::FieldsOf(*found);
          *found = provision;
        }
        return core::Diff(before, core::FieldsOf(provision));
      });
}

Result<core::SelfAssessment> RemoveProvision(Store& store, const Clock& clock, const Actor& actor,
                                             int year, std::string_view provision,
                                             std::optional<std::int64_t> expected_version) {
  const std::string name(provision);
  return ChangeAssessment(
      store, clock, actor, year, expected_version, core::EventType::kSelfAssessmentUpdated,
      "Self-assessment of " + std::to_string(year) + ": provision " + name + " removed by " +
          actor.username,
      [&](core::SelfAssessment& assessment) -> Result<std::vector<core::Change>> {
        auto found =
            std::find_if(assessment.provisions.begin(), assessment.provisions.end(),
                         [&](const core::ProvisionAssessment& p) { return p.provision == name; });
        if (found == assessment.provisions.end()) {
          return core::Fail(
              core::ErrorCode::kNotFound,
              "the self-assessment of " + std::to_string(year) + " has no provision " + name);
        }
        const core::FieldValues before = core::FieldsOf(*found);
        assessment.provisions.erase(found);
        return core::Diff(before, {});
      });
}

Result<core::SelfAssessment> RecordApproval(Store& store, const Clock& clock, const Actor& actor,
                                            int year, const core::GoverningBodyApproval& approval,
                                            std::optional<std::int64_t> expected_version) {
  if (Status valid = core::ValidateApproval(approval, clock.Today()); !valid) {
    return tl::unexpected(valid.error());
  }
  return ChangeAssessment(
      store, clock, actor, year, expected_version, core::EventType::kSelfAssessmentApproved,
      "Self-assessment of " + std::to_string(year) + " approved by " + approval.meeting + " on " +
          approval.approved_on.ToIso(),
      [&](core::SelfAssessment& assessment) -> Result<std::vector<core::Change>> {
        core::FieldValues before =
            assessment.approval ? core::FieldsOf(*assessment.approval) : core::FieldValues{};
        assessment.approval = approval;
        return core::Diff(before, core::FieldsOf(approval));
      });
}

}  // namespace redress::app
