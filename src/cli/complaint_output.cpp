#include "cli/complaint_output.hpp"

#include <optional>
#include <string>
#include <vector>

#include "core/regime.hpp"
#include "core/time_limit.hpp"

namespace redress::cli {
namespace {

std::string DateText(const std::optional<core::Date>& date) { return date ? date->ToIso() : "-"; }

std::string Joined(const std::vector<std::string>& texts) {
  std::string joined;
  for (const std::string& text : texts) joined += (joined.empty() ? "" : ", ") + text;
  return joined.empty() ? "-" : joined;
}

// A response's lines, each prefixed with `prefix` ("response" or "earlier response N").
void PrintResponse(const core::Response& response, const std::string& prefix, std::ostream& out) {
  out << prefix << ":\t" << core::DescribeResponse(response) << "\tby " << response.responded_by
      << '\n';
  out << prefix << " root causes:\t" << Joined(response.root_causes) << '\n';
  for (const core::Remedy& remedy : response.remedies) {
    out << prefix << " remedy:\t" << core::ToString(remedy.type);
    if (remedy.amount_pence > 0) out << '\t' << remedy.amount_pence << " pence";
    if (!remedy.description.empty()) out << '\t' << remedy.description;
    out << '\n';
  }
  for (const core::Action& action : response.actions) {
    out << prefix << " action:\t" << action.description << "\tdue " << DateText(action.due_on)
        << '\t' << core::ToString(action.status) << '\n';
  }
  if (!response.learning.empty()) out << prefix << " learning:\t" << response.learning << '\n';
}

// The time limit's evidence as one line: the facts a refusal as too old rests on.
void PrintTimeLimit(std::ostream& out, const core::Complaint& complaint) {
  const std::optional<core::TimeLimitEvidence> evidence = core::TimeLimitEvidenceFor(
      complaint.regime, complaint.matter_arose_on, complaint.received_on);
  if (!evidence) {
    out << "time limit: the date the matter arose is not recorded\n";
    return;
  }
  out << "time limit: matter arose " << evidence->matter_arose_on.ToIso() << "; "
      << evidence->limit_months << "-month limit ends " << evidence->limit_ends_on.ToIso()
      << "; received " << evidence->received_on.ToIso() << ": ";
  if (evidence->outside_limit()) {
    out << evidence->days_beyond_limit << " days beyond the limit\n";
  } else {
    out << "within the limit\n";
  }
}

}  // namespace

void PrintComplaint(const core::Complaint& c, std::ostream& out) {
  const core::CodeVersion& version = core::CodeVersionFor(c.regime, c.received_on);
  out << "reference:\t" << c.reference << "\nregime:\t" << core::ToString(c.regime) << "\nstatus:\t"
      << core::ToString(c.status) << "\nreceived:\t" << c.received_on.ToIso() << "\nsummary:\t"
      << c.summary << "\nreopen count:\t" << c.reopen_count << '\n';
  out << "judged on: " << version.title << " (" << version.id << ", from "
      << version.applies_from.ToIso() << ")\n";
  PrintTimeLimit(out, c);
  // History first, oldest first: what reopenings undid stays on record.
  for (const core::Refusal& refusal : c.earlier_refusals) {
    out << "earlier refusal (undone by reopening):\t" << refusal.decided_on.ToIso() << '\t'
        << core::ToString(refusal.reason) << '\t' << refusal.explanation << '\n';
  }
  for (const core::Withdrawal& withdrawal : c.earlier_withdrawals) {
    out << "earlier withdrawal (undone by reopening):\t" << withdrawal.withdrawn_on.ToIso() << '\t'
        << withdrawal.reason << '\n';
  }
  if (c.refusal) {
    out << "refused on " << c.refusal->decided_on.ToIso() << ": "
        << core::ToString(c.refusal->reason) << " — " << c.refusal->explanation << '\n';
  }
  if (c.withdrawal) {
    out << "withdrawal:\t" << c.withdrawal->withdrawn_on.ToIso() << '\t' << c.withdrawal->reason
        << '\n';
  }
  for (const core::Stage& stage : c.stages) {
    out << "stage " << stage.number << ":\tstarted " << stage.started_on.ToIso() << "\tteam "
        << stage.team << "\tacknowledged " << DateText(stage.acknowledged_on) << "\trespond by "
        << DateText(stage.respond_by) << '\n';
    std::vector<std::string> reopenings;
    for (core::Date on : stage.reopenings) reopenings.push_back(on.ToIso());
    if (!reopenings.empty())
      out << "stage " << stage.number << " reopened:\t" << Joined(reopenings) << '\n';
    int number = 0;
    for (const core::Response& earlier : stage.earlier_responses) {
      PrintResponse(earlier,
                    "stage " + std::to_string(stage.number) + " earlier response " +
                        std::to_string(++number) + " (superseded)",
                    out);
    }
    if (stage.response) {
      PrintResponse(*stage.response, "stage " + std::to_string(stage.number) + " response", out);
    }
  }
}

}  // namespace redress::cli
