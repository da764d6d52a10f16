#include "app/ombudsman.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "app/case_use_cases.hpp"
#include "app/report_use_cases.hpp"
#include "app/store_values.hpp"
#include "app/subject_access.hpp"
#include "app/versioned_records.hpp"

namespace redress::app {
namespace {

// The letter prints percentages to one decimal place: a recorded 66.67 against the letter's 66.7
// is the same figure, not a difference.
constexpr double kLetterPrecision = 0.05;

const VersionedKind<core::OmbudsmanCase> kCaseKind{
    EntityType::kOmbudsmanCase,
    core::EventType::kOmbudsmanCaseRecorded,
    core::EventType::kOmbudsmanCaseUpdated,
    "Ombudsman case",
    "Ombudsman case",
    [](Tx& tx, core::OmbudsmanCase record, int year) {
      return tx.Ombudsman().InsertCase(std::move(record), year);
    },
    [](Tx& tx, core::OmbudsmanCase record, std::int64_t expected_version) {
      return tx.Ombudsman().UpdateCase(std::move(record), expected_version);
    },
    [](Tx& tx, std::string_view reference) { return tx.Ombudsman().LoadCase(reference); }};

const VersionedKind<core::FailureOrder> kFailureOrderKind{
    EntityType::kFailureOrder,
    core::EventType::kFailureOrderRecorded,
    core::EventType::kFailureOrderUpdated,
    "Complaint Handling Failure Order",
    "failure order",
    [](Tx& tx, core::FailureOrder record, int year) {
      return tx.Ombudsman().InsertFailureOrder(std::move(record), year);
    },
    [](Tx& tx, core::FailureOrder record, std::int64_t expected_version) {
      return tx.Ombudsman().UpdateFailureOrder(std::move(record), expected_version);
    },
    [](Tx& tx, std::string_view reference) { return tx.Ombudsman().LoadFailureOrder(reference); }};

bool Names(const std::vector<std::string>& references, const std::string& reference) {
  return std::find(references.begin(), references.end(), reference) != references.end();
}

// Appends `type` to the timeline of complaint `reference`, describing the case.
Status AppendLinkEvent(Tx& tx, const Actor& actor, core::Date today, core::EventType type,
                       const std::string& reference, const core::OmbudsmanCase& saved) {
  auto complaint = tx.Complaints().Load(reference);
  if (!complaint) return tl::unexpected(complaint.error());
  const bool linked = type == core::EventType::kOmbudsmanCaseLinked;
  const std::string description =
      std::string(core::ToString(saved.ombudsman)) + " case " + saved.reference +
      (saved.ombudsman_reference.empty() ? "" : " (" + saved.ombudsman_reference + ")");
  core::CaseEvent event{
      type,
      today,
      actor.username,
      complaint->current_stage().number,
      (linked ? "Ombudsman: " : "Ombudsman: no longer concerns this complaint: ") + description,
      {{"ombudsman_case", linked ? "" : saved.reference, linked ? saved.reference : ""}}};
  return tx.Events().Append(EntityType::kComplaint, reference, event);
}

// Appends to the timeline of each complaint the case concerns now and did not before, and of each
// it no longer concerns, so that a complaint's history says when an Ombudsman case came and went.
Status RecordLinks(Tx& tx, const Actor& actor, core::Date today,
                   const std::optional<core::OmbudsmanCase>& before,
                   const core::OmbudsmanCase& saved) {
  for (const std::string& reference : saved.complaints) {
    if (before && Names(before->complaints, reference)) continue;
    if (Status appended = AppendLinkEvent(tx, actor, today, core::EventType::kOmbudsmanCaseLinked,
                                          reference, saved);
        !appended) {
      return appended;
    }
  }
  if (!before) return {};
  for (const std::string& reference : before->complaints) {
    if (Names(saved.complaints, reference)) continue;
    if (Status appended = AppendLinkEvent(tx, actor, today, core::EventType::kOmbudsmanCaseUnlinked,
                                          reference, saved);
        !appended) {
      return appended;
    }
  }
  return {};
}

Result<core::OmbudsmanCase> SaveCase(Store& store, const Clock& clock, const Actor& actor,
                                     core::OmbudsmanCase record,
                                     std::optional<std::int64_t> expected_version) {
  const core::Date today = clock.Today();
  if (Status valid = core::ValidateOmbudsmanCase(record, today); !valid) {
    return tl::unexpected(valid.error());
  }
  return SaveVersioned(
      store, clock, actor, kCaseKind, std::move(record), expected_version,
      [&](Tx& tx, const std::optional<core::OmbudsmanCase>& before,
          const core::OmbudsmanCase& after) -> Status {
        if (before) {
          if (Status visible = RequireVisible(tx, actor, kCaseKind, *before); !visible) {
            return visible;
          }
        }
        return CheckComplaints(tx, actor, after.complaints);
      },
      [&](Tx& tx, const std::optional<core::OmbudsmanCase>& before,
          const core::OmbudsmanCase& saved) {
        return RecordLinks(tx, actor, today, before, saved);
      });
}

Result<core::FailureOrder> SaveFailureOrder(Store& store, const Clock& clock, const Actor& actor,
                                            core::FailureOrder order,
                                            std::optional<std::int64_t> expected_version) {
  if (Status valid = core::ValidateFailureOrder(order, clock.Today()); !valid) {
    return tl::unexpected(valid.error());
  }
  const auto check = [&](Tx& tx, const std::optional<core::FailureOrder>& before,
                         const core::FailureOrder& after) -> Status {
    if (before) {
      if (Status visible = RequireVisible(tx, actor, kFailureOrderKind, *before); !visible) {
        return visible;
      }
    }
    return CheckNamedRecord(tx, actor, "ombudsman_case", "Ombudsman case", after.ombudsman_case);
  };
  const auto nothing_more = [](Tx&, const std::optional<core::FailureOrder>&,
                               const core::FailureOrder&) -> Status { return {}; };
  return SaveVersioned(store, clock, actor, kFailureOrderKind, std::move(order), expected_version,
                       check, nothing_more);
}

// The cases the actor may see, in the store's order.
Result<std::vector<core::OmbudsmanCase>> VisibleCases(Tx& tx, const Actor& actor,
                                                      std::string_view complaint) {
  auto cases = tx.Ombudsman().ListCases(complaint);
  if (!cases) return cases;
  Visibility visibility(tx, actor);
  return visibility.Filter(std::move(*cases));
}

Result<core::LgscoLetter> LoadLetter(OmbudsmanRepository& ombudsman, int year) {
  auto letter = ombudsman.LoadLgscoLetter(year);
  if (!letter) return tl::unexpected(letter.error());
  if (!*letter) {
    return core::Fail(core::ErrorCode::kNotFound,
                      "no LGSCO annual letter entered for " + std::to_string(year));
  }
  return **letter;
}

}  // namespace

Status CheckNamedRecord(Tx& tx, const Actor& actor, std::string_view field, std::string_view what,
                        const std::string& reference) {
  if (reference.empty()) return {};
  Visibility visibility(tx, actor);
  auto found = visibility.Finds(reference);
  if (!found) return tl::unexpected(found.error());
  if (*found) return {};
  return core::FailField(std::string(field),
                         "unknown " + std::string(what) + " '" + reference + "'",
                         core::FieldErrorCode::kUnknownReference);
}

Status CheckComplaints(Tx& tx, const Actor& actor, const std::vector<std::string>& complaints) {
  core::FieldErrors errors;
  for (std::size_t i = 0; i < complaints.size(); ++i) {
    const std::string field = "complaints[" + std::to_string(i) + "]";
    if (std::find(complaints.begin(), complaints.begin() + static_cast<std::ptrdiff_t>(i),
                  complaints[i]) != complaints.begin() + static_cast<std::ptrdiff_t>(i)) {
      errors.Add(field, "names " + complaints[i] + " twice", core::FieldErrorCode::kDuplicate);
      continue;
    }
    auto complaint = LoadVisibleComplaint(tx, actor, complaints[i]);
    if (complaint) continue;
    if (complaint.error().code != core::ErrorCode::kNotFound) {
      return tl::unexpected(complaint.error());
    }
    errors.Add(field, "no complaint " + complaints[i], core::FieldErrorCode::kUnknownReference);
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

Result<core::OmbudsmanCase> RecordOmbudsmanCase(Store& store, const Clock& clock,
                                                const Actor& actor, core::OmbudsmanCase record) {
  return SaveCase(store, clock, actor, std::move(record), std::nullopt);
}

Result<core::OmbudsmanCase> UpdateOmbudsmanCase(Store& store, const Clock& clock,
                                                const Actor& actor, core::OmbudsmanCase record,
                                                std::int64_t expected_version) {
  return SaveCase(store, clock, actor, std::move(record), expected_version);
}

Result<core::OmbudsmanCase> GetOmbudsmanCase(Store& store, const Actor& actor,
                                             std::string_view reference) {
  return GetVisible(store, actor, kCaseKind, reference);
}

Result<std::vector<core::OmbudsmanCase>> ListOmbudsmanCases(Store& store, const Actor& actor,
                                                            const OmbudsmanCaseFilter& filter) {
  using Cases = std::vector<core::OmbudsmanCase>;
  auto cases = ReadValue<Cases>(store, [&](Tx& tx) -> Result<Cases> {
    if (!filter.complaint.empty()) {
      if (auto visible = LoadVisibleComplaint(tx, actor, filter.complaint); !visible) {
        if (visible.error().code != core::ErrorCode::kNotFound) {
          return tl::unexpected(visible.error());
        }
        return Cases{};
      }
    }
    return VisibleCases(tx, actor, filter.complaint);
  });
  if (!cases) return cases;
  std::erase_if(*cases, [&](const core::OmbudsmanCase& c) {
    if (filter.ombudsman && c.ombudsman != *filter.ombudsman) return true;
    return filter.decided_in &&
           !(c.final_decision_on && c.final_decision_on->FinancialYear() == *filter.decided_in);
  });
  return cases;
}

Result<OmbudsmanHistory> OmbudsmanHistoryOf(Store& store, const Actor& actor,
                                            std::string_view complaint) {
  return ReadValue<OmbudsmanHistory>(store, [&](Tx& tx) -> Result<OmbudsmanHistory> {
    if (auto visible = LoadVisibleComplaint(tx, actor, complaint); !visible) {
      return tl::unexpected(visible.error());
    }
    OmbudsmanHistory history;
    auto cases = VisibleCases(tx, actor, complaint);
    if (!cases) return tl::unexpected(cases.error());
    history.cases = std::move(*cases);
    auto orders = tx.Ombudsman().ListFailureOrders();
    if (!orders) return tl::unexpected(orders.error());
    for (core::FailureOrder& order : *orders) {
      const bool concerns = std::any_of(
          history.cases.begin(), history.cases.end(),
          [&](const core::OmbudsmanCase& c) { return c.reference == order.ombudsman_case; });
      if (concerns) history.failure_orders.push_back(std::move(order));
    }
    return history;
  });
}

Result<core::FailureOrder> RecordFailureOrder(Store& store, const Clock& clock, const Actor& actor,
                                              core::FailureOrder order) {
  return SaveFailureOrder(store, clock, actor, std::move(order), std::nullopt);
}

Result<core::FailureOrder> UpdateFailureOrder(Store& store, const Clock& clock, const Actor& actor,
                                              core::FailureOrder order,
                                              std::int64_t expected_version) {
  return SaveFailureOrder(store, clock, actor, std::move(order), expected_version);
}

Result<core::FailureOrder> GetFailureOrder(Store& store, const Actor& actor,
                                           std::string_view reference) {
  return GetVisible(store, actor, kFailureOrderKind, reference);
}

Result<std::vector<core::FailureOrder>> ListFailureOrders(Store& store, const Actor& actor) {
  using Orders = std::vector<core::FailureOrder>;
  return ReadValue<Orders>(store, [&](Tx& tx) -> Result<Orders> {
    auto orders = tx.Ombudsman().ListFailureOrders();
    if (!orders) return orders;
    Visibility visibility(tx, actor);
    return visibility.Filter(std::move(*orders));
  });
}

std::string LetterTag(const core::LgscoLetter& letter) {
  return core::ContentTag(core::FieldsOf(letter));
}

Result<core::LgscoLetter> SaveLgscoLetter(Store& store, const Clock& clock, const Actor& actor,
                                          const core::LgscoLetter& letter,
                                          const LetterPrecondition& precondition) {
  if (Status year = CheckReportYear(letter.year); !year) return tl::unexpected(year.error());
  if (Status valid = core::ValidateLgscoLetter(letter); !valid) {
    return tl::unexpected(valid.error());
  }
  return WriteValue<core::LgscoLetter>(store, [&](Tx& tx) -> Result<core::LgscoLetter> {
    auto before = tx.Ombudsman().LoadLgscoLetter(letter.year);
    if (!before) return tl::unexpected(before.error());
    const std::string year_text = std::to_string(letter.year);
    if (precondition.expected_none && *before) {
      return core::Fail(core::ErrorCode::kStaleVersion,
                        "the LGSCO letter for " + year_text + " was entered meanwhile");
    }
    if (precondition.read_tag && (!*before || LetterTag(**before) != *precondition.read_tag)) {
      return core::Fail(core::ErrorCode::kStaleVersion,
                        "the LGSCO letter for " + year_text + " changed since it was read");
    }
    if (Status saved = tx.Ombudsman().SaveLgscoLetter(letter); !saved)
      return tl::unexpected(saved.error());
    core::CaseEvent event{core::EventType::kAnnualLetterRecorded,
                          clock.Today(),
                          actor.username,
                          0,
                          "LGSCO annual letter for " + year_text +
                              (*before ? " corrected by " : " entered by ") + actor.username,
                          core::Diff(*before ? core::FieldsOf(**before) : core::FieldValues{},
                                     core::FieldsOf(letter))};
    if (Status appended = tx.Events().Append(EntityType::kLgscoLetter, year_text, event);
        !appended) {
      return tl::unexpected(appended.error());
    }
    return letter;
  });
}

Result<core::LgscoLetter> GetLgscoLetter(Store& store, int year) {
  return ReadValue<core::LgscoLetter>(store,
                                      [&](Tx& tx) { return LoadLetter(tx.Ombudsman(), year); });
}

Result<LetterReconciliation> ReconcileLgscoLetter(Store& store, int year) {
  return ReadValue<LetterReconciliation>(store, [&](Tx& tx) -> Result<LetterReconciliation> {
    auto letter = LoadLetter(tx.Ombudsman(), year);
    if (!letter) return tl::unexpected(letter.error());
    auto cases = tx.Ombudsman().ListCases("");
    if (!cases) return tl::unexpected(cases.error());
    LetterReconciliation reconciliation{*letter, core::ReconcileLetter(*letter, *cases), 0};
    for (const core::ReconciliationLine& line : reconciliation.lines) {
      if (line.difference && std::abs(*line.difference) >= kLetterPrecision) {
        ++reconciliation.differences;
      }
    }
    return reconciliation;
  });
}

Result<OverdueDashboard> Overdue(Store& store, const Actor& actor, core::Date today) {
  return ReadValue<OverdueDashboard>(store, [&](Tx& tx) -> Result<OverdueDashboard> {
    auto cases = VisibleCases(tx, actor, "");
    if (!cases) return tl::unexpected(cases.error());
    Visibility visibility(tx, actor);
    auto orders = tx.Ombudsman().ListFailureOrders();
    if (!orders) return tl::unexpected(orders.error());
    auto visible_orders = visibility.Filter(std::move(*orders));
    if (!visible_orders) return tl::unexpected(visible_orders.error());
    auto actions = tx.Learning().ListActions();
    if (!actions) return tl::unexpected(actions.error());
    std::erase_if(*actions, [&](const core::LearningAction& action) {
      return !core::IsOverdue(action, today);
    });
    auto visible_actions = visibility.Filter(std::move(*actions));
    if (!visible_actions) return tl::unexpected(visible_actions.error());
    OverdueDashboard dashboard{today, core::OverdueOmbudsmanItems(*cases, *visible_orders, today),
                               std::move(*visible_actions)};
    // Subject access requests share the panel (kind subject_access), for those who manage them.
    auto requests = OverdueSubjectAccessItems(tx, actor, today);
    if (!requests) return tl::unexpected(requests.error());
    if (!requests->empty()) {
      dashboard.ombudsman.insert(dashboard.ombudsman.end(), requests->begin(), requests->end());
      core::SortOverdueItems(dashboard.ombudsman);
    }
    std::stable_sort(dashboard.learning_actions.begin(), dashboard.learning_actions.end(),
                     [](const core::LearningAction& a, const core::LearningAction& b) {
                       return a.due_on < b.due_on;
                     });
    return dashboard;
  });
}

}  // namespace redress::app
