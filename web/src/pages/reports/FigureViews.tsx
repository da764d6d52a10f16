// A report figure on the page: this year, last year and the change in words, each year's value
// a link to the case list with the figure's filters when it has a list query, else the
// description of what it counts shown as hint text.
import { Link } from 'react-router-dom';
import { describeChange, formatValue } from './figures';
import { caseListPath } from './tracing';
import type { AnnualReport, Figure, FigureGroup } from './types';

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// "402", linked to "/cases?…" when the figure's query selects its complaints in that year.
export function FigureValue({
  figure,
  which,
  yearLabel,
}: {
  figure: Figure;
  which: 'current' | 'previous';
  yearLabel: string;
}) {
  const text = formatValue(figure[which], figure.unit);
  const to = figure[which] === null ? null : caseListPath(figure.query[which]);
  if (!to) return <>{text}</>;
  return (
    <Link className="govuk-link" to={to}>
      {text}
      <span className="govuk-visually-hidden">
        : list the complaints counted in {figure.label.toLowerCase()}, {yearLabel}
      </span>
    </Link>
  );
}

// The hint under a figure's name: what it counts, when the case list cannot show it.
function figureHint(figure: Figure): string | null {
  return figure.query.exact ? null : capitalised(figure.query.description);
}

export function figureRowId(groupKey: string, figureKey: string): string {
  return `figure-${groupKey}-${figureKey}`;
}

// One group of figures as a GOV.UK table captioned with the group's title.
export function FigureTable({
  group,
  report,
  caption,
}: {
  group: FigureGroup;
  report: AnnualReport;
  caption?: string;
}) {
  const thisYear = report.period.label;
  const lastYear = report.previous_period.label;
  return (
    <div className="redress-table-scroll">
      <table className="govuk-table redress-figure-table" id={`table-${group.key}`}>
        <caption className="govuk-table__caption govuk-table__caption--m">
          {caption ?? group.title}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Figure
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              {thisYear}
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              {lastYear}
            </th>
            <th scope="col" className="govuk-table__header">
              Change
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {group.figures.map((figure) => {
            const hint = figureHint(figure);
            return (
              <tr
                className="govuk-table__row"
                key={figure.key}
                id={figureRowId(group.key, figure.key)}
              >
                <th scope="row" className="govuk-table__header">
                  {figure.label}
                  {hint && (
                    <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 redress-figure-hint">
                      {hint}
                    </span>
                  )}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric redress-figure-current">
                  <FigureValue figure={figure} which="current" yearLabel={thisYear} />
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric redress-figure-previous">
                  <FigureValue figure={figure} which="previous" yearLabel={lastYear} />
                </td>
                <td className="govuk-table__cell redress-figure-change">
                  {capitalised(describeChange(figure))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// A headline figure as a GOV.UK summary card: its two years and the change.
export function HeadlineCard({ figure, report }: { figure: Figure; report: AnnualReport }) {
  const hint = figureHint(figure);
  return (
    <div className="govuk-summary-card redress-headline-card" id={`headline-${figure.key}`}>
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{figure.label}</h3>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list govuk-!-margin-bottom-0">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{report.period.label}</dt>
            <dd className="govuk-summary-list__value redress-figure-current">
              <FigureValue figure={figure} which="current" yearLabel={report.period.label} />
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{report.previous_period.label}</dt>
            <dd className="govuk-summary-list__value redress-figure-previous">
              <FigureValue
                figure={figure}
                which="previous"
                yearLabel={report.previous_period.label}
              />
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Change</dt>
            <dd className="govuk-summary-list__value redress-figure-change">
              {capitalised(describeChange(figure))}
            </dd>
          </div>
        </dl>
        {hint && (
          <p className="govuk-hint govuk-!-font-size-16 govuk-!-margin-top-2 govuk-!-margin-bottom-0">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
