#pragma once

// Retention and disposal (issue 20): how long a record is kept after its case ended, the holds
// that stop its disposal, and the verdict for one record on a day. Pure: the record's facts, the
// schedule and "today" are inputs. The disposal run (app/disposal.hpp) asks `JudgeDisposal` for
// every record in its dry run and again for each one when it runs, so a hold placed after the
// approval still keeps a record.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/regime.hpp"
#include "core/result.hpp"

namespace redress::core {

// The retention period when the council has configured none: six years after the case ended
// (the Limitation Act 1980's six years for a claim in contract or tort, which councils' retention
// schedules follow for complaints).
inline constexpr int kDefaultRetentionYears = 6;
inline constexpr int kMinRetentionYears = 1;
inline constexpr int kMaxRetentionYears = 100;
inline constexpr std::size_t kMaxHoldReasonLength = 2000;

// The record types a retention rule is set for. A complaint's service request, notes, letters,
// attachments and events go with it; a service request that never became a complaint (with its
// attachments and events) is a record of its own, ended when it was resolved; a subject access
// request (with its withholdings and events) ends when it is completed or withdrawn.
enum class RetainedRecord { kComplaint, kServiceRequest, kSubjectAccessRequest };
// "complaint", "service_request", "subject_access_request"
std::string_view ToString(RetainedRecord value);
std::optional<RetainedRecord> ParseRetainedRecord(std::string_view name);

// A complaint's period is set per regime; the other records have no regime, so their rule has
// none.
struct RetentionRule {
  RetainedRecord record = RetainedRecord::kComplaint;
  std::optional<Regime> regime = Regime::kCorporate;  // nullopt but for a complaint
  int years_after_closure = kDefaultRetentionYears;
};

// The configured rules; a (record, regime) without one keeps kDefaultRetentionYears.
class RetentionSchedule {
 public:
  RetentionSchedule() = default;
  explicit RetentionSchedule(const std::vector<RetentionRule>& rules);
  // `regime` is ignored for a record type whose rule has none (a service request).
  int YearsFor(RetainedRecord record, std::optional<Regime> regime) const;
  // Every (record, regime) with its years, configured or default, in a fixed order: the
  // complaints' regimes, then service requests, then subject access requests.
  std::vector<RetentionRule> All() const;

 private:
  std::map<std::pair<RetainedRecord, std::optional<Regime>>, int> years_;
};

// Whether a rule for `record` is set per regime (complaints) or once (the others).
bool HasRegime(RetainedRecord record);

// A rule's fields, every offending one at once (kInvalidInput): years_after_closure within
// [kMinRetentionYears, kMaxRetentionYears]; a complaint's rule names its regime (`regime`
// kRequired), another record's names none (`regime` kInvalid).
Status CheckRetentionRule(const RetentionRule& rule);

// What keeps a record. kOpen and kWithinRetention are the schedule's; the others are holds.
enum class KeepReason {
  kOpen,              // the case has not ended
  kWithinRetention,   // its retention period has not passed
  kOmbudsmanCase,     // an Ombudsman case about it has no final decision
  kLegalProceedings,  // a hold for legal proceedings
  kLaterComplaint,    // a later complaint of the same person, or linked to it, is still kept
  kUnfinishedRemedy,  // a remedial action or an Ombudsman remedy is not done
  kManualHold,        // a hold placed by staff with a reason
};
std::string_view ToString(KeepReason value);  // "open", "within_retention", …
std::optional<KeepReason> ParseKeepReason(std::string_view name);

// The holds staff place by hand (the others follow from the records).
enum class HoldKind { kLegalProceedings, kManual };
std::string_view ToString(HoldKind value);  // "legal_proceedings", "manual"
std::optional<HoldKind> ParseHoldKind(std::string_view name);

// A hold's fields (kInvalidInput, every one at once): a reason, not blank, at most
// kMaxHoldReasonLength characters.
Status CheckHold(HoldKind kind, std::string_view reason);

// A complaint received after the one judged and related to it (the same person by
// core/person_search's keys, or linked).
struct LaterComplaint {
  std::string reference;
  Regime regime = Regime::kCorporate;
  std::optional<Date> ended_on;  // nullopt while it is open
};

// A record as the retention rules see it: no personal data, only its keys for finding the same
// person's other complaints (none for a subject access request, which no complaint keeps)
// (core/person_search's keys as stored, each prefixed by its kind so that an e-mail key never
// equals a phone key; blank keys left out).
struct RetentionCase {
  RetainedRecord record = RetainedRecord::kComplaint;
  std::string reference;
  Regime regime = Regime::kCorporate;  // a complaint's; unused for the other records
  Date received_on;
  std::optional<Date> ended_on;  // closed, refused or withdrawn on; nullopt while open
  std::vector<std::string> person_keys;
};

// For each case, the complaints received after it that are related to it: the same person (a
// shared key) or linked to it either way (`links`, pairs of references). Only complaints are
// later complaints: a service request is kept by a later complaint of its requester, never the
// other way round. Cases without any are absent from the map.
std::map<std::string, std::vector<LaterComplaint>> LaterRelatedComplaints(
    const std::vector<RetentionCase>& cases,
    const std::vector<std::pair<std::string, std::string>>& links);

struct PlacedHold {
  HoldKind kind = HoldKind::kManual;
  std::string reason;
};

// What the verdict on one record depends on, read by the store.
struct DisposalFacts {
  RetainedRecord record = RetainedRecord::kComplaint;
  std::string reference;
  Regime regime = Regime::kCorporate;
  // The day the case ended (closed, refused or withdrawn); nullopt while it is open.
  std::optional<Date> ended_on;
  std::vector<std::string> open_ombudsman_cases;  // their references
  int unfinished_actions = 0;                     // remedial actions not done
  int unfinished_ombudsman_remedies = 0;          // Ombudsman orders not complied with
  std::vector<LaterComplaint> later_complaints;
  std::vector<PlacedHold> holds;  // in force (not released)
};

// The day ended_on + the rule's years (29 February → 28 February in a common year).
Date DisposableFrom(Date ended_on, int years);

struct KeptBecause {
  KeepReason reason = KeepReason::kOpen;
  std::string detail;  // in words: "retained until 2031-04-01", "Ombudsman case OMB-…"
};

enum class DisposalVerdict { kDispose, kKeep };
std::string_view ToString(DisposalVerdict value);  // "dispose", "keep"

struct DisposalDecision {
  RetainedRecord record = RetainedRecord::kComplaint;
  std::string reference;
  DisposalVerdict verdict = DisposalVerdict::kKeep;
  std::optional<Date> disposable_from;    // nullopt while open
  std::vector<KeptBecause> kept_because;  // empty when disposed of; every reason otherwise
};

// The verdict on `facts` on `today`: disposed of when the case ended, its retention period has
// passed and no hold applies; otherwise kept, with every reason that applies (so the dry run's
// report says all of them, not the first).
DisposalDecision JudgeDisposal(const DisposalFacts& facts, const RetentionSchedule& schedule,
                               Date today);

// A disposal run's steps: a dry run lists what would go and why the rest is kept; a second person
// approves it; the run disposes of what the dry run listed and is still disposable on the day it
// runs. A dry run may be cancelled instead.
enum class DisposalRunState { kDryRun, kApproved, kCompleted, kCancelled };
std::string_view ToString(
    DisposalRunState value);  // "dry_run", "approved", "completed", "cancelled"
std::optional<DisposalRunState> ParseDisposalRunState(std::string_view name);

// Whether `approver` may approve a dry run made by `created_by` in `state`: kTransitionNotAllowed
// unless it is a dry run; kInvalidInput ("approved_by") when the approver made it
// (kInvalid; four eyes: whoever asked for the dry run does not approve their own disposal).
Status CheckApproval(DisposalRunState state, std::string_view created_by,
                     std::string_view approver);
// Whether a run in `state` may be cancelled (a dry run or an approved run not yet run).
Status CheckCancellation(DisposalRunState state);
// Whether a run in `state` may be run: only an approved one.
Status CheckRunnable(DisposalRunState state);

}  // namespace redress::core
