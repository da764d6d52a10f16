#include "cli/complaint_output.hpp"

#include <optional>
#include <string>
#include <vector>

#include "app/case_use_cases.hpp"
#include "app/organisation.hpp"

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

}  // namespace

core::Status PrintComplaint(app::Store& store, const std::string& reference, std::ostream& out) {
  std::optional<core::Complaint> found;
  auto read = store.Read([&](app::Tx& tx) -> core::Status {
    auto loaded = app::LoadVisibleComplaint(tx, app::CommandLineReader(), reference);
    if (!loaded) return tl::unexpected(loaded.error());
    found = std::move(*loaded);
    return {};
  });
  if (!read) return read;
  const core::Complaint& c = *found;
  out << "reference:\t" << c.reference << "\nregime:\t" << core::ToString(c.regime) << "\nstatus:\t"
      << core::ToString(c.status) << "\nreceived:\t" << c.received_on.ToIso() << "\nsummary:\t"
      << c.summary << "\nreopen count:\t" << c.reopen_count << '\n';
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
    out << "refusal:\t" << c.refusal->decided_on.ToIso() << '\t'
        << core::ToString(c.refusal->reason) << '\t' << c.refusal->explanation << '\n';
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
  return {};
}

}  // namespace redress::cli
