#include "core/retention.hpp"

#include <array>
#include <set>

#include "core/enum_names.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<RetainedRecord, 3> kRecordNames{{
    {RetainedRecord::kComplaint, "complaint"},
    {RetainedRecord::kServiceRequest, "service_request"},
    {RetainedRecord::kSubjectAccessRequest, "subject_access_request"},
}};

constexpr EnumNames<KeepReason, 7> kKeepReasonNames{{
    {KeepReason::kOpen, "open"},
    {KeepReason::kWithinRetention, "within_retention"},
    {KeepReason::kOmbudsmanCase, "ombudsman_case"},
    {KeepReason::kLegalProceedings, "legal_proceedings"},
    {KeepReason::kLaterComplaint, "later_complaint"},
    {KeepReason::kUnfinishedRemedy, "unfinished_remedy"},
    {KeepReason::kManualHold, "manual_hold"},
}};

constexpr EnumNames<HoldKind, 2> kHoldKindNames{{
    {HoldKind::kLegalProceedings, "legal_proceedings"},
    {HoldKind::kManual, "manual"},
}};

constexpr EnumNames<DisposalVerdict, 2> kVerdictNames{{
    {DisposalVerdict::kDispose, "dispose"},
    {DisposalVerdict::kKeep, "keep"},
}};

constexpr EnumNames<DisposalRunState, 4> kRunStateNames{{
    {DisposalRunState::kDryRun, "dry_run"},
    {DisposalRunState::kApproved, "approved"},
    {DisposalRunState::kCompleted, "completed"},
    {DisposalRunState::kCancelled, "cancelled"},
}};

constexpr std::array kRegimes{Regime::kHousing, Regime::kCorporate, Regime::kChildren,
                              Regime::kAdults};
constexpr int kMonthsInYear = 12;

// Why an open record is kept, in words.
std::string_view NotEnded(RetainedRecord record) {
  switch (record) {
    case RetainedRecord::kComplaint:
      return "the case has not ended";
    case RetainedRecord::kServiceRequest:
      return "the request is not resolved";
    case RetainedRecord::kSubjectAccessRequest:
      return "the request is neither completed nor withdrawn";
  }
  return "it has not ended";
}

bool Blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string Plural(int count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

}  // namespace

std::string_view ToString(RetainedRecord value) { return NameOf(kRecordNames, value); }
std::optional<RetainedRecord> ParseRetainedRecord(std::string_view name) {
  return ParseName(kRecordNames, name);
}
std::string_view ToString(KeepReason value) { return NameOf(kKeepReasonNames, value); }
std::optional<KeepReason> ParseKeepReason(std::string_view name) {
  return ParseName(kKeepReasonNames, name);
}
std::string_view ToString(HoldKind value) { return NameOf(kHoldKindNames, value); }
std::optional<HoldKind> ParseHoldKind(std::string_view name) {
  return ParseName(kHoldKindNames, name);
}
std::string_view ToString(DisposalVerdict value) { return NameOf(kVerdictNames, value); }
std::string_view ToString(DisposalRunState value) { return NameOf(kRunStateNames, value); }
std::optional<DisposalRunState> ParseDisposalRunState(std::string_view name) {
  return ParseName(kRunStateNames, name);
}

bool HasRegime(RetainedRecord record) { return record == RetainedRecord::kComplaint; }

RetentionSchedule::RetentionSchedule(const std::vector<RetentionRule>& rules) {
  for (const RetentionRule& rule : rules) {
    years_[{rule.record, HasRegime(rule.record) ? rule.regime : std::nullopt}] =
        rule.years_after_closure;
  }
}

int RetentionSchedule::YearsFor(RetainedRecord record, std::optional<Regime> regime) const {
  const auto found = years_.find({record, HasRegime(record) ? regime : std::nullopt});
  return found == years_.end() ? kDefaultRetentionYears : found->second;
}

std::vector<RetentionRule> RetentionSchedule::All() const {
  std::vector<RetentionRule> all;
  for (const auto& [record, name] : kRecordNames) {
    if (!HasRegime(record)) {
      all.push_back({record, std::nullopt, YearsFor(record, std::nullopt)});
      continue;
    }
    for (Regime regime : kRegimes) {
      all.push_back({record, regime, YearsFor(record, regime)});
    }
  }
  return all;
}

Status CheckRetentionRule(const RetentionRule& rule) {
  FieldErrors errors;
  if (HasRegime(rule.record) && !rule.regime) {
    errors.Add("regime", "is required for a complaint's retention period",
               FieldErrorCode::kRequired);
  } else if (!HasRegime(rule.record) && rule.regime) {
    errors.Add("regime",
               "must not be given: a " + std::string(ToString(rule.record)) +
                   "'s retention period is the same in every regime",
               FieldErrorCode::kInvalid);
  }
  if (rule.years_after_closure < kMinRetentionYears ||
      rule.years_after_closure > kMaxRetentionYears) {
    errors.Add("years_after_closure",
               "must be from " + std::to_string(kMinRetentionYears) + " to " +
                   std::to_string(kMaxRetentionYears),
               FieldErrorCode::kOutOfRange);
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

Status CheckHold(HoldKind /*kind*/, std::string_view reason) {
  FieldErrors errors;
  if (Blank(reason)) {
    errors.Add("reason", "is required", FieldErrorCode::kRequired);
  } else if (reason.size() > kMaxHoldReasonLength) {
    errors.Add("reason", "must be at most " + std::to_string(kMaxHoldReasonLength) + " characters",
               FieldErrorCode::kTooLong);
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

Date DisposableFrom(Date ended_on, int years) { return ended_on.AddMonths(years * kMonthsInYear); }

DisposalDecision JudgeDisposal(const DisposalFacts& facts, const RetentionSchedule& schedule,
                               Date today) {
  DisposalDecision decision;
  decision.record = facts.record;
  decision.reference = facts.reference;
  std::vector<KeptBecause>& kept = decision.kept_because;
  if (!facts.ended_on) {
    kept.push_back({KeepReason::kOpen, std::string(NotEnded(facts.record))});
  } else {
    const int years = schedule.YearsFor(facts.record, facts.regime);
    decision.disposable_from = DisposableFrom(*facts.ended_on, years);
    if (today < *decision.disposable_from) {
      kept.push_back({KeepReason::kWithinRetention, "kept " + Plural(years, "year", "years") +
                                                        " after it ended on " +
                                                        facts.ended_on->ToIso() + ", until " +
                                                        decision.disposable_from->ToIso()});
    }
  }
  for (const std::string& ombudsman_case : facts.open_ombudsman_cases) {
    kept.push_back({KeepReason::kOmbudsmanCase,
                    "Ombudsman case " + ombudsman_case + " has no final decision"});
  }
  for (const PlacedHold& hold : facts.holds) {
    kept.push_back({hold.kind == HoldKind::kLegalProceedings ? KeepReason::kLegalProceedings
                                                             : KeepReason::kManualHold,
                    hold.reason});
  }
  for (const LaterComplaint& later : facts.later_complaints) {
    if (!later.ended_on) {
      kept.push_back(
          {KeepReason::kLaterComplaint, "later complaint " + later.reference + " is open"});
      continue;
    }
    const Date later_from = DisposableFrom(
        *later.ended_on, schedule.YearsFor(RetainedRecord::kComplaint, later.regime));
    if (today < later_from) {
      kept.push_back({KeepReason::kLaterComplaint, "later complaint " + later.reference +
                                                       " is kept until " + later_from.ToIso()});
    }
  }
  if (facts.unfinished_actions > 0) {
    kept.push_back({KeepReason::kUnfinishedRemedy,
                    Plural(facts.unfinished_actions, "remedial action is", "remedial actions are") +
                        " not done"});
  }
  if (facts.unfinished_ombudsman_remedies > 0) {
    kept.push_back(
        {KeepReason::kUnfinishedRemedy, Plural(facts.unfinished_ombudsman_remedies,
                                               "Ombudsman remedy is", "Ombudsman remedies are") +
                                            " not complied with"});
  }
  decision.verdict = kept.empty() ? DisposalVerdict::kDispose : DisposalVerdict::kKeep;
  return decision;
}

std::map<std::string, std::vector<LaterComplaint>> LaterRelatedComplaints(
    const std::vector<RetentionCase>& cases,
    const std::vector<std::pair<std::string, std::string>>& links) {
  std::map<std::string, const RetentionCase*> by_reference;
  std::map<std::string, std::vector<const RetentionCase*>> by_key;
  for (const RetentionCase& c : cases) {
    by_reference[c.reference] = &c;
    for (const std::string& key : c.person_keys) by_key[key].push_back(&c);
  }
  std::map<std::string, std::set<std::string>> related;
  for (const auto& [key, sharing] : by_key) {
    for (const RetentionCase* a : sharing) {
      for (const RetentionCase* b : sharing) {
        if (a != b) related[a->reference].insert(b->reference);
      }
    }
  }
  for (const auto& [from, to] : links) {
    related[from].insert(to);
    related[to].insert(from);
  }
  std::map<std::string, std::vector<LaterComplaint>> later;
  for (const auto& [reference, others] : related) {
    const auto self = by_reference.find(reference);
    if (self == by_reference.end()) continue;
    for (const std::string& other_reference : others) {
      const auto other = by_reference.find(other_reference);
      if (other == by_reference.end()) continue;
      const RetentionCase& o = *other->second;
      const RetentionCase& c = *self->second;
      if (o.record != RetainedRecord::kComplaint) continue;
      // Later: received after it, or the same day with a higher reference (so that of two
      // complaints received together exactly one is the later).
      if (o.received_on > c.received_on ||
          (o.received_on == c.received_on && o.reference > c.reference)) {
        later[reference].push_back({o.reference, o.regime, o.ended_on});
      }
    }
  }
  return later;
}

Status CheckApproval(DisposalRunState state, std::string_view created_by,
                     std::string_view approver) {
  if (state != DisposalRunState::kDryRun) {
    return Fail(
        ErrorCode::kTransitionNotAllowed,
        "the disposal run is " + std::string(ToString(state)) + ": only a dry run can be approved");
  }
  if (created_by == approver) {
    FieldErrors errors;
    errors.Add(
        "approved_by",
        "must be someone other than who asked for the dry run (" + std::string(created_by) + ")",
        FieldErrorCode::kInvalid);
    return errors.ToError();
  }
  return {};
}

Status CheckCancellation(DisposalRunState state) {
  if (state == DisposalRunState::kDryRun || state == DisposalRunState::kApproved) return {};
  return Fail(ErrorCode::kTransitionNotAllowed,
              "the disposal run is " + std::string(ToString(state)) + ": it cannot be cancelled");
}

Status CheckRunnable(DisposalRunState state) {
  if (state == DisposalRunState::kApproved) return {};
  return Fail(
      ErrorCode::kTransitionNotAllowed,
      "the disposal run is " + std::string(ToString(state)) + ": only an approved run can be run");
}

}  // namespace redress::core
