// The charts of one scope: complaints received and closed early by stage this year beside last
// year, and how quickly each stage was answered. Trends are in TrendSection.
import { COLOURS, GroupedBarChart, StackedBarChart, type BarGroup, type StackRow } from './charts';
import { figureOf, formatValue } from './figures';
import type { AnnualReport, Figure, FigureGroup, Scope } from './types';

function groupOf(scope: Scope, key: string): FigureGroup | undefined {
  return scope.groups.find((group) => group.key === key);
}

// The stages the report has figures for, 1, 2, ... as far as it goes: the regimes' stage counts
// are the server's (src/core/regime.cpp), never written here.
function stagesOf(scope: Scope): number[] {
  const volumes = groupOf(scope, 'volumes')?.figures;
  const stages: number[] = [];
  for (
    let stage = 1;
    figureOf(volumes, `stage_${stage}_received`) || groupOf(scope, `timeliness_stage_${stage}`);
    stage += 1
  ) {
    stages.push(stage);
  }
  return stages;
}

function count(figure: Figure | undefined, which: 'current' | 'previous'): number {
  return figure?.[which] ?? 0;
}

function volumeBars(scope: Scope) {
  return [
    ...stagesOf(scope).map((stage) => ({
      key: `stage_${stage}_received`,
      label: `Stage ${stage}`,
    })),
    { key: 'not_accepted', label: 'Not accepted' },
    { key: 'withdrawn', label: 'Withdrawn' },
  ];
}

export function VolumesChart({ report, scope }: { report: AnnualReport; scope: Scope }) {
  const volumes = groupOf(scope, 'volumes')?.figures;
  const bars = volumeBars(scope).flatMap((bar) => {
    const figure = figureOf(volumes, bar.key);
    return figure ? [{ label: bar.label, figure }] : [];
  });
  const groups: BarGroup[] = bars.map((bar) => ({
    label: bar.label,
    values: [count(bar.figure, 'current'), count(bar.figure, 'previous')],
  }));
  const description =
    `${scope.name}. ` +
    bars
      .map(
        (bar) =>
          `${bar.label}: ${count(bar.figure, 'current')} in ${report.period.label}, ${count(bar.figure, 'previous')} in ${report.previous_period.label}`,
      )
      .join('; ') +
    '.';
  return (
    <figure className="redress-chart-figure">
      <GroupedBarChart
        id="chart-volumes"
        title={`Complaints received by stage, not accepted and withdrawn: ${report.period.label} beside ${report.previous_period.label}`}
        description={description}
        groups={groups}
        series={[
          { label: report.period.label, colour: COLOURS.blue },
          { label: report.previous_period.label, colour: COLOURS.midGrey },
        ]}
      />
      <figcaption className="govuk-body-s">
        Complaints received at each stage, not accepted and withdrawn, {report.period.label} beside{' '}
        {report.previous_period.label}. The figures are in the table below.
      </figcaption>
    </figure>
  );
}

const TIMELINESS_SEGMENTS = [
  { key: 'within_timescale', label: 'Within timescale', colour: COLOURS.green },
  { key: 'within_code_extension', label: 'Within a Code extension', colour: COLOURS.turquoise },
  { key: 'extension_beyond_code', label: 'Extended beyond the Code', colour: COLOURS.orange },
  { key: 'late', label: 'Late', colour: COLOURS.red },
];

function responses(total: number): string {
  return `${total} ${total === 1 ? 'response' : 'responses'}`;
}

export function TimelinessChart({ report, scope }: { report: AnnualReport; scope: Scope }) {
  const rows: StackRow[] = [];
  const sentences: string[] = [];
  for (const stage of stagesOf(scope)) {
    const group = groupOf(scope, `timeliness_stage_${stage}`);
    if (!group) continue;
    for (const [which, label] of [
      ['current', report.period.label],
      ['previous', report.previous_period.label],
    ] as const) {
      const values = TIMELINESS_SEGMENTS.map((segment) =>
        count(figureOf(group.figures, segment.key), which),
      );
      rows.push({ label: `Stage ${stage}, ${label}`, values });
      const parts = TIMELINESS_SEGMENTS.map(
        (segment, i) => `${segment.label.toLowerCase()} ${values[i]}`,
      );
      const onTime = figureOf(group.figures, 'on_time_percent');
      sentences.push(
        `Stage ${stage} in ${label}: ${parts.join(', ')}` +
          (onTime?.[which] != null
            ? `; ${formatValue(onTime[which], 'percent')} within the Code's timescales`
            : ''),
      );
    }
  }
  if (rows.length === 0) return null;
  return (
    <figure className="redress-chart-figure">
      <StackedBarChart
        id="chart-timeliness"
        title={`How quickly complaints were answered, by stage: ${report.period.label} beside ${report.previous_period.label}`}
        description={`${scope.name}. ${sentences.join('. ')}.`}
        rows={rows}
        segments={TIMELINESS_SEGMENTS}
        totalLabel={responses}
      />
      <figcaption className="govuk-body-s">
        First responses at each stage by timeliness, as shares of the stage’s responses in the year.
        The figures are in the timeliness tables below.
      </figcaption>
    </figure>
  );
}
