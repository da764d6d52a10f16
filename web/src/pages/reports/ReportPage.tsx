// The annual report of one financial year and scope: chooser, downloads, headline figures,
// charts, every figure group with this year, last year and the change, trends, the Tenant
// Satisfaction Measures, and the Ombudsman and self-assessment sections.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { get } from '../../api';
import { DateText, LoadFailed, Loading, usePageTitle } from '../../components/ui';
import { useLoad } from '../../data';
import { todayIso } from '../../format';
import { figureOf } from './figures';
import { FigureTable, HeadlineCard } from './FigureViews';
import { OmbudsmanSummary, SelfAssessmentSummary } from './OversightSections';
import { TimelinessChart, VolumesChart } from './ReportCharts';
import {
  DOWNLOAD_FORMATS,
  downloadPath,
  financialYearLabel,
  findScope,
  reportPath,
  scopeParam,
  WHOLE_COUNCIL,
  yearOptions,
} from './tracing';
import { TrendSection } from './TrendSection';
import { TsmSection } from './TsmSection';
import type { AnnualReport, Figure, FigureGroup, Scope, ScopeKind } from './types';
import { SummarySection } from './SummarySection';

// The few figures that lead the page, by group and key; a scope without one leaves it out.
const HEADLINES: [string, string][] = [
  ['volumes', 'stage_1_received'],
  ['volumes', 'stage_2_received'],
  ['volumes', 'escalation_rate_1_to_2'],
  ['timeliness_stage_1', 'on_time_percent'],
  ['outcomes_stage_1', 'upheld_percent'],
  ['remedies', 'compensation_total'],
];

// The page's sections of figure tables, by the start of the groups' keys.
const SECTIONS: { id: string; title: string; prefixes: string[] }[] = [
  {
    id: 'volumes',
    title: 'Complaints received, escalated and not accepted',
    prefixes: ['volumes'],
  },
  { id: 'timeliness', title: 'Timeliness', prefixes: ['timeliness_'] },
  {
    id: 'outcomes',
    title: 'Outcomes, remedies and compensation',
    prefixes: ['outcomes_', 'remedies'],
  },
  { id: 'causes', title: 'Categories and root causes', prefixes: ['categories', 'root_causes'] },
  { id: 'learning', title: 'Repeats, learning and service improvement', prefixes: ['learning'] },
];

const SCOPE_GROUPS: { kind: ScopeKind; label: string }[] = [
  { kind: 'regime', label: 'Regimes' },
  { kind: 'service_area', label: 'Service areas' },
];

function Chooser({
  report,
  year,
  scope,
}: {
  report: AnnualReport | undefined;
  year: number;
  scope: string;
}) {
  const navigate = useNavigate();
  const [chosenYear, setChosenYear] = useState(String(year));
  const [chosenScope, setChosenScope] = useState(scope);
  const show = (event: FormEvent) => {
    event.preventDefault();
    navigate(reportPath(Number(chosenYear), chosenScope));
  };
  return (
    <form
      noValidate
      onSubmit={show}
      className="redress-report-chooser"
      aria-label="Choose the report"
    >
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="report-year">
          Financial year
        </label>
        <select
          className="govuk-select"
          id="report-year"
          name="year"
          value={chosenYear}
          onChange={(event) => setChosenYear(event.target.value)}
        >
          {yearOptions(todayIso(), year).map((option) => (
            <option key={option.year} value={option.year}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="report-scope">
          Show figures for
        </label>
        <select
          className="govuk-select"
          id="report-scope"
          name="scope"
          value={chosenScope}
          onChange={(event) => setChosenScope(event.target.value)}
        >
          <option value={WHOLE_COUNCIL}>The whole council</option>
          {report &&
            SCOPE_GROUPS.map((group) => (
              <optgroup label={group.label} key={group.kind}>
                {report.scopes
                  .filter((s) => s.kind === group.kind)
                  .map((s) => (
                    <option key={scopeParam(s)} value={scopeParam(s)}>
                      {s.name}
                    </option>
                  ))}
              </optgroup>
            ))}
        </select>
      </div>
      <div className="govuk-form-group">
        <button
          type="submit"
          className="govuk-button govuk-!-margin-bottom-0"
          data-module="govuk-button"
        >
          Show report
        </button>
      </div>
    </form>
  );
}

function Downloads({ year }: { year: number }) {
  const label = financialYearLabel(year);
  return (
    <section aria-labelledby="downloads-heading">
      <h2 className="govuk-heading-m" id="downloads-heading">
        Download the {label} report
      </h2>
      <p className="govuk-body">The whole report, every scope, as one document.</p>
      <ul className="govuk-list" id="report-downloads">
        {DOWNLOAD_FORMATS.map((entry) => (
          <li key={entry.format}>
            <a className="govuk-link" href={downloadPath(year, entry.format)} download>
              Annual complaints report {label} ({entry.label})
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Headlines({ report, scope }: { report: AnnualReport; scope: Scope }) {
  const figures = HEADLINES.flatMap(([groupKey, key]) => {
    const figure = figureOf(scope.groups.find((group) => group.key === groupKey)?.figures, key);
    return figure ? [figure] : [];
  });
  return (
    <section aria-labelledby="headline-heading">
      <h2 className="govuk-heading-l" id="headline-heading">
        Headline figures
      </h2>
      <div className="redress-headlines">
        {figures.map((figure: Figure) => (
          <HeadlineCard key={figure.key} figure={figure} report={report} />
        ))}
      </div>
    </section>
  );
}

function groupsOf(scope: Scope, prefixes: string[]): FigureGroup[] {
  return scope.groups.filter((group) => prefixes.some((prefix) => group.key.startsWith(prefix)));
}

function FigureSections({ report, scope }: { report: AnnualReport; scope: Scope }) {
  const known = SECTIONS.flatMap((section) => section.prefixes);
  const others = scope.groups.filter(
    (group) => !known.some((prefix) => group.key.startsWith(prefix)),
  );
  return (
    <>
      {SECTIONS.map((section) => {
        const groups = groupsOf(scope, section.prefixes);
        if (groups.length === 0) return null;
        return (
          <section aria-labelledby={`${section.id}-heading`} key={section.id}>
            <h2 className="govuk-heading-l" id={`${section.id}-heading`}>
              {section.title}
            </h2>
            {section.id === 'volumes' && <VolumesChart report={report} scope={scope} />}
            {section.id === 'timeliness' && <TimelinessChart report={report} scope={scope} />}
            {groups.map((group) => (
              <FigureTable key={group.key} group={group} report={report} />
            ))}
          </section>
        );
      })}
      {others.map((group) => (
        <FigureTable key={group.key} group={group} report={report} />
      ))}
    </>
  );
}

const CONTENTS = [
  { id: 'summary-heading', label: 'Summary' },
  { id: 'headline-heading', label: 'Headline figures' },
  ...SECTIONS.map((section) => ({ id: `${section.id}-heading`, label: section.title })),
  { id: 'trends-heading', label: 'Monthly trends and emerging issues' },
  { id: 'tsm-heading', label: 'Tenant Satisfaction Measures' },
  { id: 'ombudsman-heading', label: 'Ombudsman cases and service improvements' },
  { id: 'self-assessment-heading', label: 'Self-assessment' },
  { id: 'rules-heading', label: 'How the figures are counted' },
];

function Report({
  report,
  scope,
  reload,
}: {
  report: AnnualReport;
  scope: Scope;
  reload: () => void;
}) {
  return (
    <>
      <p className="govuk-body-l" id="report-period">
        <DateText iso={report.period.from} /> to <DateText iso={report.period.to} />, beside{' '}
        {report.previous_period.label}. Figures for{' '}
        <strong id="report-scope-name">{scope.name}</strong>, as at <DateText iso={report.as_at} />.
      </p>
      <nav aria-labelledby="contents-heading" className="govuk-!-margin-bottom-6">
        <h2 className="govuk-heading-s govuk-!-margin-bottom-1" id="contents-heading">
          Contents
        </h2>
        <ul className="govuk-list govuk-list--bullet">
          {CONTENTS.map((entry) => (
            <li key={entry.id}>
              <a className="govuk-link" href={`#${entry.id}`}>
                {entry.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="govuk-inset-text">
        Each figure that the case list can show links to its complaints: follow a number to list
        them with the same filters. Figures the list’s filters cannot select say what they count
        instead. The case list shows only the complaints you may see, so restricted complaints can
        be counted here but missing from it.
      </div>
      <SummarySection report={report} />
      <Headlines report={report} scope={scope} />
      <FigureSections report={report} scope={scope} />
      <TrendSection report={report} scope={scope} />
      <TsmSection report={report} onHomesSaved={reload} />
      <OmbudsmanSummary report={report} />
      <SelfAssessmentSummary report={report} />
      <section aria-labelledby="rules-heading">
        <h2 className="govuk-heading-l" id="rules-heading">
          How the figures are counted
        </h2>
        <ul className="govuk-list govuk-list--bullet" id="counting-rules">
          {report.counting_rules.map((rule) => (
            <li key={rule.key}>{rule.text}</li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function ReportPage({
  year,
  scopeParamValue,
}: {
  year: number;
  scopeParamValue: string | null;
}) {
  const label = financialYearLabel(year);
  // Every scope comes in one answer, so changing scope needs no new request.
  const report = useLoad(() => get<AnnualReport>(`/reports/annual/${year}`), String(year));
  const scope = report.data ? findScope(report.data.scopes, scopeParamValue) : undefined;
  usePageTitle(
    scope && scope.kind !== 'organisation'
      ? `Annual complaints report ${label}: ${scope.name}`
      : `Annual complaints report ${label}`,
  );
  const chosenScope = scope ? scopeParam(scope) : (scopeParamValue ?? WHOLE_COUNCIL);
  return (
    <>
      <span className="govuk-caption-l">{report.data?.organisation ?? 'Reports'}</span>
      <h1 className="govuk-heading-xl">Annual complaints report {label}</h1>
      {/* Keyed by the URL alone: a choice made while the report loads is kept when it arrives. */}
      <Chooser
        key={`${year}|${scopeParamValue ?? ''}`}
        report={report.data}
        year={year}
        scope={chosenScope}
      />
      <Downloads year={year} />
      {report.error && <LoadFailed message={report.error} />}
      {!report.data && !report.error && <Loading />}
      {report.data && scope && <Report report={report.data} scope={scope} reload={report.reload} />}
    </>
  );
}
