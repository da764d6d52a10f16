// Monthly trends of the scope: a small chart per service area or category with the emerging-issue
// months marked, the months listed in words, and each chart's figures in a table whose counts
// open the month's complaints.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { COLOURS, EMERGING_MARK, LegendKey, TrendChart } from './charts';
import { listInWords, monthLabel } from './figures';
import { caseListPath } from './tracing';
import { seriesOfScope } from './trends';
import type { AnnualReport, Scope, TrendSeries } from './types';

function trendDescription(series: TrendSeries): string {
  const counts = series.months
    .map((month) => `${monthLabel(month.month)} ${month.count}`)
    .join(', ');
  const emerging =
    series.emerging_months.length > 0
      ? ` Emerging issue in ${listInWords(series.emerging_months.map((month) => monthLabel(month)))}.`
      : ' No emerging issues.';
  return `Complaints received per month: ${counts}.${emerging}`;
}

// The table is drawn only once opened: a scope has up to a few dozen of them.
function TrendTable({ series, id }: { series: TrendSeries; id: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="govuk-details govuk-!-margin-bottom-2"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Figures for {series.name}</span>
      </summary>
      <div className="govuk-details__text">
        {open && (
          <table className="govuk-table govuk-!-margin-bottom-0" id={`${id}-table`}>
            <caption className="govuk-table__caption govuk-table__caption--s">
              Complaints received per month: {series.name}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Month
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Complaints
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Mean of the 12 months before
                </th>
                <th scope="col" className="govuk-table__header">
                  Emerging issue
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {series.months.map((month) => {
                const to = caseListPath(month.query);
                return (
                  <tr className="govuk-table__row" key={month.month}>
                    <th scope="row" className="govuk-table__header">
                      {monthLabel(month.month)}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      {to ? (
                        <Link className="govuk-link" to={to}>
                          {month.count}
                          <span className="govuk-visually-hidden">
                            : list the complaints, {series.name}, {monthLabel(month.month)}
                          </span>
                        </Link>
                      ) : (
                        month.count
                      )}
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      {month.baseline.toFixed(1)}
                    </td>
                    <td className="govuk-table__cell">{month.emerging ? 'Yes' : 'No'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </details>
  );
}

function TrendCard({ series }: { series: TrendSeries }) {
  const id = `trend-${series.dimension}-${series.code}`;
  return (
    <div className="redress-trend" id={id}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{series.name}</h3>
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        {series.emerging_months.length > 0 ? (
          <>
            Emerging issue in{' '}
            {listInWords(series.emerging_months.map((month) => monthLabel(month)))}
          </>
        ) : (
          'No emerging issues'
        )}
      </p>
      <TrendChart
        id={`${id}-chart`}
        title={`${series.name}: complaints received per month`}
        description={trendDescription(series)}
        points={series.months.map((month) => ({
          label: monthLabel(month.month, true),
          count: month.count,
          baseline: month.baseline,
          emerging: month.emerging,
        }))}
      />
      <TrendTable series={series} id={id} />
    </div>
  );
}

export function TrendSection({ report, scope }: { report: AnnualReport; scope: Scope }) {
  const series = seriesOfScope(report.trends, scope);
  const rule = report.counting_rules.find((r) => r.key === 'trends')?.text;
  return (
    <section aria-labelledby="trends-heading">
      <h2 className="govuk-heading-l" id="trends-heading">
        Monthly trends and emerging issues
      </h2>
      {rule && <p className="govuk-body">{rule}</p>}
      {series.length === 0 ? (
        <p className="govuk-body">No monthly trends for this scope.</p>
      ) : (
        <>
          <LegendKey
            items={[
              { label: 'Complaints received in the month', colour: COLOURS.blue },
              {
                label: `An emerging-issue month (marked ${EMERGING_MARK})`,
                colour: COLOURS.orange,
                mark: EMERGING_MARK,
              },
              { label: 'Mean of the twelve months before', colour: COLOURS.darkGrey, dashed: true },
            ]}
          />
          <div className="redress-trends">
            {series.map((s) => (
              <TrendCard key={`${s.dimension}-${s.code}`} series={s} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
