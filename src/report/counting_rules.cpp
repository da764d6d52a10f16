// How the annual report's figures are counted, in words: the rules a reader (and the JSON's
// counting_rules) is given, some of them generated from the core's tables (the Code versions).

#include <string>
#include <vector>

#include "core/regime.hpp"
#include "report/report_figures.hpp"
#include "report/wording.hpp"

namespace redress::report::internal {
namespace {

// Which Code version judges a complaint's timeliness, from the regime table's versions.
std::string CodeVersionsRule() {
  std::string text =
      "Timescales are those of the Code or regulations in force when the complaint was received:";
  const char* separator = " ";
  for (core::Regime regime : core::kAllRegimes) {
    for (const core::CodeVersion& version : core::CodeVersionsOf(regime)) {
      text += separator + std::string(version.title) + " (" + std::string(version.id) + ") for " +
              std::string(Wording(regime)) + " complaints received from " +
              version.applies_from.ToIso();
      if (!version.note.empty()) text += ", " + std::string(version.note);
      separator = "; ";
    }
  }
  return text + ". Each case says which version it is judged on.";
}

}  // namespace

std::vector<CountingRule> CountingRules() {
  return {
      {"received", "When a complaint counts",
       "A complaint counts at a stage in the financial year that stage started: stage 1 when the "
       "complaint was received, later stages when the escalation was requested, whatever happened "
       "to it afterwards (refused, withdrawn or reopened complaints included)."},
      {"escalation_rate", "Escalation rate",
       "Escalation rate: complaints received at a stage in the year as a share of those received "
       "at the stage before in the same year under a regime that has the later stage, so each "
       "regime's stages are divided only by its own: adults' single-stage complaints are not in "
       "the stage 1 to 2 rate, and the stage 2 to 3 rate is children's complaints alone."},
      {"not_accepted_and_withdrawn", "Complaints not accepted and withdrawn",
       "Not accepted and withdrawn complaints count in the year of the refusal or withdrawal, "
       "each decision once, even when a reopening undid it later: the decision was made and "
       "recorded in that year."},
      {"reopened", "Reopened complaints",
       "Reopenings count in the year each happened: a stage reopened twice counts twice, each in "
       "its own year, even when it is reopened again later."},
      {"acknowledgement", "Acknowledgement within timescale",
       "Acknowledged within timescale: stages started in the year acknowledged within the "
       "regime's acknowledgement period (working days after the stage started), as a share of "
       "those acknowledged plus those still awaiting acknowledgement past the deadline on the "
       "judging date (the as-at date, or the end of the year when that is earlier); stages "
       "refused or withdrawn before acknowledgement are left out, even when reopened later."},
      {"timeliness", "Response timeliness",
       "Response timeliness counts every response in the financial year it was given: a stage's "
       "first response, and each answer after a reopening. Each is judged against the clock that "
       "was running when it was given: the stage's own timescale for a first response, the clock "
       "restarted at the latest reopening before it for a later one. Due dates are recomputed "
       "from the stage's recorded facts on the working-day calendar of the complaint's regime: "
       "for the Codes' regimes the organisation's (the bank holidays of its division and its "
       "closure days); for children's and adults' statutory complaints the regulations' own "
       "working day (England and Wales bank holidays only, whatever the organisation's closure "
       "days), counting only extensions decided by the response and since the clock restarted. "
       "Within timescale: on or before the due date without extension. Within a Code-compliant "
       "extension: later, but on or before the extended due date with every extension within the "
       "Code's limit and decided by the original due date. Extension beyond the Code: within the "
       "extended date, but an extension went beyond the Code. Late: after the extended due date. "
       "Working days to respond count from the stage's start (receipt or escalation request), or "
       "from the reopening for an answer after one, to the response, not from the "
       "acknowledgement: the time the resident waited, whatever the regime's clock starts from."},
      {"statutory_procedures", "Statutory procedures",
       "Children's review panel (stage 3): the council's response is due 15 working days after "
       "the panel's report is received, the report 5 working days after the panel met, and the "
       "meeting 30 working days after the request, each counted from the actual date of the step "
       "before (50 working days from the request only while no step is recorded), so a response "
       "after an early panel can be late within 50 days. Adults: the response is due by the "
       "period agreed with the complainant, or six months after receipt when none was agreed. "
       "Steps recorded after a response belong to a reopening and do not move its clock."},
      {"outcomes", "Outcomes, remedies and learning",
       "Outcomes, remedies, compensation, root causes, learning and actions count every response "
       "in the financial year it was given, whether it still stands or a reopening superseded it "
       "later: a report for a past year counts what was decided in it. Compensation is counted in "
       "the year each response offered it; a later response that replaces it is counted in its "
       "own year, in full (so 100 pounds offered in one year and replaced by 300 the next counts "
       "100 "
       "in the first year and 300 in the second). Actions count as done when completed by the "
       "judging date (the as-at date, or the end of the year when that is earlier). A response "
       "corrected because it was recorded in error counts as corrected: its outcome, remedies, "
       "compensation, root causes, learning and actions are the correction's, in the financial "
       "year the response was given (a correction keeps the response's date); what was recorded "
       "in error stays in the audit trail and the case's timeline and is counted nowhere."},
      {"as_at", "Figures as at a date",
       "Figures as at: only facts dated on or before the as-at date are counted, and figures "
       "about what was still outstanding (awaiting acknowledgement, actions open, complaints "
       "awaiting a root cause) are judged on the as-at date or the end of the year, whichever is "
       "earlier. Nothing a case records is ever erased (a reopening keeps the answer, refusal or "
       "withdrawal it undoes), so a report for a past year gives the same figures whenever it is "
       "run, but for a correction of a response recorded in error, which puts the record right. "
       "A report submitted to the Housing Ombudsman is kept as submitted."},
      {"tsm_ch01", "TSM CH01: complaints per 1,000 homes",
       "CH01: housing-regime (Housing Ombudsman Code) stage 1 and stage 2 complaints received in "
       "the year, counted as above, divided by the homes owned configured for that year, times "
       "1,000. Complaints later not accepted or withdrawn are included: each was a complaint "
       "received, which is what the measure counts. There is no CH01 or CH02 before 2023/24, the "
       "measures' first year."},
      {"tsm_ch02", "TSM CH02: complaints responded to within the Code's timescales",
       "CH02: housing-regime stage 1 and stage 2 complaints whose first response in the year came "
       "within the Code's timescale (10 working days from acknowledgement at stage 1, 20 at stage "
       "2), counting a response within a Code-compliant extension (up to 10 and 20 working days) "
       "as within it (the Code allows the extension, so the response is within its timescales), "
       "divided by the housing stage 1 and stage 2 complaints responded to in the year, times "
       "100. An extension beyond the Code's limit, or decided after the original due date, does "
       "not count as within."},
      {"tsm_tp09", "TSM TP09: satisfaction with complaint handling",
       "TP09: the share of tenants satisfied with the landlord's approach to handling complaints, "
       "from the year's tenant perception survey, entered with the survey's sample size; it is "
       "not computed from the complaints recorded here."},
      {"code_versions", "Code versions", CodeVersionsRule()},
      {"trends", "Trends and emerging issues",
       "Trends: complaints received (stage 1) per month. A month is flagged as an emerging issue "
       "when its count is at least 1.5 times the mean monthly count of the twelve months before "
       "it and at least 5 above that mean."},
      {"repeats", "Possible repeat complaints",
       "Possible repeat complaints: complaints received in the year that were linked when logged "
       "to an earlier complaint by the same complainant or about the same property, in the same "
       "category, within the 12 months before."},
      {"service_requests", "Service requests",
       "Service requests count in the year received; those converted are the ones received in "
       "the year and later raised as complaints."},
      {"personal_data", "Personal data",
       "The report holds counts and reference data only: no names, contact details, addresses, "
       "descriptions or case references."},
  };
}

}  // namespace redress::report::internal
