// The report's Ombudsman and self-assessment sections, summarised: each says where its figures
// come from, and says so too when the year has none.
import { DateText, SummaryList, TableHead } from '../../components/ui';
import { withoutNullRemarks } from './figures';
import type { AnnualReport, Compliance } from './types';

const OMBUDSMAN_NAMES: Record<string, string> = {
  housing_ombudsman: 'Housing Ombudsman',
  lgsco: 'Local Government and Social Care Ombudsman',
};

// "partly_upheld" → "Partly upheld": the codes of outcomes and sources as words.
function words(code: string): string {
  const text = code.replace(/[_-]+/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function complianceText(counts: Compliance): string {
  return (
    `${counts.due} due: ${counts.complied_on_time} complied with on time, ${counts.complied_late} late, ` +
    `${counts.overdue} overdue, ${counts.pending} not yet due`
  );
}

function numberOrDash(value: number | null): string {
  return value === null ? 'Not given' : String(value);
}

export function OmbudsmanSummary({ report }: { report: AnnualReport }) {
  const section = report.ombudsman;
  return (
    <section aria-labelledby="ombudsman-heading">
      <h2 className="govuk-heading-l" id="ombudsman-heading">
        Ombudsman cases and service improvements
      </h2>
      <p className="govuk-body">{withoutNullRemarks(report.ombudsman_explanation)}</p>
      {!section && (
        <p className="govuk-body" id="ombudsman-none">
          The Ombudsman section is not available for {report.financial_year}.
        </p>
      )}
      {section && (
        <>
          <SummaryList
            id="ombudsman-summary"
            rows={[
              {
                key: 'Housing Ombudsman cases received',
                value: section.cases_received.housing_ombudsman,
              },
              { key: 'LGSCO cases received', value: section.cases_received.lgsco },
              { key: 'Orders', value: complianceText(section.orders) },
              { key: 'Recommendations', value: complianceText(section.recommendations) },
              {
                key: 'Complaint Handling Failure Orders',
                value:
                  `${section.failure_orders.issued} issued: ${section.failure_orders.complied} complied with, ` +
                  `${section.failure_orders.not_complied} not complied with, ${section.failure_orders.pending} pending`,
              },
            ]}
          />
          {section.outcomes.length > 0 && (
            <table className="govuk-table" id="ombudsman-outcomes">
              <caption className="govuk-table__caption govuk-table__caption--m">
                Outcomes of the Ombudsman’s final decisions
              </caption>
              <TableHead headings={['Ombudsman', 'Outcome', 'Cases']} />
              <tbody className="govuk-table__body">
                {section.outcomes.map((outcome) => (
                  <tr className="govuk-table__row" key={`${outcome.ombudsman}-${outcome.outcome}`}>
                    <td className="govuk-table__cell">
                      {OMBUDSMAN_NAMES[outcome.ombudsman] ?? words(outcome.ombudsman)}
                    </td>
                    <td className="govuk-table__cell">{words(outcome.outcome)}</td>
                    <td className="govuk-table__cell">{outcome.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {section.lgsco_annual_letter && (
            <table className="govuk-table" id="lgsco-letter">
              <caption className="govuk-table__caption govuk-table__caption--m">
                LGSCO annual letter beside the cases recorded (comparison group:{' '}
                {section.lgsco_annual_letter.comparison_group || 'not given'})
              </caption>
              <TableHead headings={['Figure', 'Letter', 'Recorded', 'Difference']} />
              <tbody className="govuk-table__body">
                {section.lgsco_annual_letter.lines.map((line) => (
                  <tr className="govuk-table__row" key={line.key}>
                    <th scope="row" className="govuk-table__header">
                      {line.label}
                    </th>
                    <td className="govuk-table__cell">{numberOrDash(line.letter)}</td>
                    <td className="govuk-table__cell">{numberOrDash(line.recorded)}</td>
                    <td className="govuk-table__cell">{numberOrDash(line.difference)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {section.service_improvements.length === 0 ? (
            <p className="govuk-body">No learning actions were completed in the year.</p>
          ) : (
            <table className="govuk-table" id="service-improvements">
              <caption className="govuk-table__caption govuk-table__caption--m">
                Service improvements: learning actions completed in the year
              </caption>
              <TableHead headings={['Reference', 'From', 'Lesson', 'Action', 'Completed']} />
              <tbody className="govuk-table__body">
                {section.service_improvements.map((action) => (
                  <tr className="govuk-table__row" key={action.reference}>
                    <th scope="row" className="govuk-table__header">
                      {action.reference}
                    </th>
                    <td className="govuk-table__cell">{words(action.source)}</td>
                    <td className="govuk-table__cell">{action.lesson}</td>
                    <td className="govuk-table__cell">{action.action}</td>
                    <td className="govuk-table__cell">
                      <DateText iso={action.completed_on} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

export function SelfAssessmentSummary({ report }: { report: AnnualReport }) {
  const assessment = report.self_assessment;
  return (
    <section aria-labelledby="self-assessment-heading">
      <h2 className="govuk-heading-l" id="self-assessment-heading">
        Self-assessment against the Complaint Handling Code
      </h2>
      <p className="govuk-body">{withoutNullRemarks(report.self_assessment_explanation)}</p>
      {!assessment && (
        <p className="govuk-body" id="self-assessment-none">
          The self-assessment for {report.financial_year} has not been started.
        </p>
      )}
      {assessment && (
        <>
          <SummaryList
            id="self-assessment-summary"
            rows={[
              { key: 'Provisions', value: assessment.provisions },
              { key: 'Complies', value: assessment.complies },
              { key: 'Partly complies', value: assessment.partly },
              { key: 'Does not comply', value: assessment.does_not_comply },
              { key: 'Not assessed', value: assessment.not_assessed },
              {
                key: 'Governing body',
                value: assessment.governing_body ? (
                  <>
                    Approved on <DateText iso={assessment.governing_body.approved_on} /> (
                    {assessment.governing_body.meeting}, minute{' '}
                    {assessment.governing_body.minute_reference}).{' '}
                    {assessment.governing_body.response}
                  </>
                ) : (
                  'Not yet approved'
                ),
              },
            ]}
          />
          {assessment.non_compliance.length > 0 && (
            <table className="govuk-table" id="self-assessment-shortfalls">
              <caption className="govuk-table__caption govuk-table__caption--m">
                Provisions not fully met, and the actions planned
              </caption>
              <TableHead headings={['Provision', 'Compliance', 'Commentary', 'Action', 'Due']} />
              <tbody className="govuk-table__body">
                {assessment.non_compliance.map((shortfall) => (
                  <tr className="govuk-table__row" key={shortfall.provision}>
                    <th scope="row" className="govuk-table__header">
                      {shortfall.provision}
                    </th>
                    <td className="govuk-table__cell">{words(shortfall.compliance)}</td>
                    <td className="govuk-table__cell">{shortfall.commentary}</td>
                    <td className="govuk-table__cell">{shortfall.action}</td>
                    <td className="govuk-table__cell">
                      <DateText iso={shortfall.action_due_on} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
