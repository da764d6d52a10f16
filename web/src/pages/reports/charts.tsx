// The report's charts as inline SVG: no chart library, drawn from the figures on the page. Each
// chart is one image to assistive technology (role="img"), named by its <title> and described by
// its <desc>, which says every value the bars show; the tables beside the charts hold the same
// figures with their links to the case list.
import type { ReactNode } from 'react';
import { niceAxis, scaled, stack, type Axis } from './scale';

// GOV.UK colours, chosen to be told apart by people with common colour-vision deficiencies;
// where colour carries meaning a label or mark says the same.
export const COLOURS = {
  blue: '#1d70b8',
  darkGrey: '#505a5f',
  midGrey: '#b1b4b6',
  green: '#00703c',
  turquoise: '#28a197',
  orange: '#f47738',
  red: '#d4351c',
  text: '#0b0c0c',
} as const;

const FONT_SIZE = 14;
const SMALL_FONT_SIZE = 12;
const LEGEND_SWATCH = 14;
const LEGEND_GAP = 8;
const LEGEND_ITEM_WIDTH = 150;
const AXIS_LABEL_GAP = 6;
const TICK_COUNT = 5;

interface ChartFrameProps {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  children: ReactNode;
  small?: boolean;
}

// The <svg> with its accessible name and description; the drawing scales to its container.
function ChartFrame({ id, title, description, width, height, children, small }: ChartFrameProps) {
  return (
    <svg
      className={`redress-chart${small ? ' redress-chart--small' : ''}`}
      id={id}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="xMinYMin meet"
      fontSize={FONT_SIZE}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

export interface LegendItem {
  label: string;
  colour: string;
}

function Legend({
  items,
  x,
  y,
  itemWidth = LEGEND_ITEM_WIDTH,
}: {
  items: LegendItem[];
  x: number;
  y: number;
  itemWidth?: number;
}) {
  return (
    <g>
      {items.map((item, index) => (
        <g key={item.label} transform={`translate(${x + index * itemWidth}, ${y})`}>
          <rect width={LEGEND_SWATCH} height={LEGEND_SWATCH} fill={item.colour} />
          <text x={LEGEND_SWATCH + LEGEND_GAP} y={LEGEND_SWATCH - 2} fill={COLOURS.text}>
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}

// Horizontal grid lines with their values on the left.
function ValueAxis({
  axis,
  left,
  right,
  top,
  height,
  format,
}: {
  axis: Axis;
  left: number;
  right: number;
  top: number;
  height: number;
  format: (value: number) => string;
}) {
  return (
    <g>
      {axis.ticks.map((tick) => {
        const y = top + height - scaled(tick, axis, height);
        return (
          <g key={tick}>
            <line
              x1={left}
              x2={right}
              y1={y}
              y2={y}
              stroke={tick === 0 ? COLOURS.darkGrey : COLOURS.midGrey}
              strokeWidth={1}
            />
            <text
              x={left - AXIS_LABEL_GAP}
              y={y + FONT_SIZE / 3}
              textAnchor="end"
              fill={COLOURS.text}
            >
              {format(tick)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

export interface BarGroup {
  label: string;
  values: number[];
}

const BAR_CHART = {
  width: 640,
  height: 320,
  left: 56,
  right: 16,
  top: 40,
  bottom: 40,
  bandFill: 0.7,
};

// Bars side by side per group, one per series (this year beside last year).
export function GroupedBarChart({
  id,
  title,
  description,
  groups,
  series,
  format = String,
}: {
  id: string;
  title: string;
  description: string;
  groups: BarGroup[];
  series: LegendItem[];
  format?: (value: number) => string;
}) {
  const { width, height, left, right, top, bottom, bandFill } = BAR_CHART;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const axis = niceAxis(Math.max(0, ...groups.flatMap((group) => group.values)), TICK_COUNT);
  const band = plotWidth / Math.max(1, groups.length);
  const barWidth = (band * bandFill) / Math.max(1, series.length);
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height}>
      <Legend items={series} x={left} y={0} />
      <ValueAxis
        axis={axis}
        left={left}
        right={width - right}
        top={top}
        height={plotHeight}
        format={format}
      />
      {groups.map((group, g) => {
        const bandStart = left + g * band + (band * (1 - bandFill)) / 2;
        return (
          <g key={group.label}>
            {group.values.map((value, s) => {
              const barHeight = scaled(value, axis, plotHeight);
              const x = bandStart + s * barWidth;
              return (
                <g key={s}>
                  <rect
                    x={x}
                    y={top + plotHeight - barHeight}
                    width={barWidth}
                    height={barHeight}
                    fill={series[s]?.colour ?? COLOURS.darkGrey}
                  />
                  <text
                    x={x + barWidth / 2}
                    y={top + plotHeight - barHeight - AXIS_LABEL_GAP}
                    textAnchor="middle"
                    fill={COLOURS.text}
                    fontSize={SMALL_FONT_SIZE}
                  >
                    {format(value)}
                  </text>
                </g>
              );
            })}
            <text
              x={left + g * band + band / 2}
              y={height - bottom + FONT_SIZE + AXIS_LABEL_GAP}
              textAnchor="middle"
              fill={COLOURS.text}
            >
              {group.label}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

export interface StackRow {
  label: string;
  values: number[];
}

const STACKED_CHART = {
  width: 640,
  left: 150,
  right: 130,
  top: 64,
  rowHeight: 34,
  barHeight: 22,
  legendRow: 24,
  legendPerRow: 2,
  legendItemWidth: 260,
};

// One bar per row split into the shares of its total (e.g. responses within timescale, within
// an extension, late), with the total written after it.
export function StackedBarChart({
  id,
  title,
  description,
  rows,
  segments,
  totalLabel,
}: {
  id: string;
  title: string;
  description: string;
  rows: StackRow[];
  segments: LegendItem[];
  totalLabel: (total: number) => string;
}) {
  const {
    width,
    left,
    right,
    top,
    rowHeight,
    barHeight,
    legendRow,
    legendPerRow,
    legendItemWidth,
  } = STACKED_CHART;
  const plotWidth = width - left - right;
  const height = top + rows.length * rowHeight;
  const legendLines: LegendItem[][] = [];
  for (let i = 0; i < segments.length; i += legendPerRow)
    legendLines.push(segments.slice(i, i + legendPerRow));
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height}>
      {legendLines.map((line, index) => (
        <Legend
          key={index}
          items={line}
          x={left}
          y={index * legendRow}
          itemWidth={legendItemWidth}
        />
      ))}
      {rows.map((row, r) => {
        const y = top + r * rowHeight;
        const total = row.values.reduce((sum, value) => sum + value, 0);
        return (
          <g key={row.label}>
            <text
              x={left - AXIS_LABEL_GAP}
              y={y + barHeight / 2 + FONT_SIZE / 3}
              textAnchor="end"
              fill={COLOURS.text}
            >
              {row.label}
            </text>
            <rect
              x={left}
              y={y}
              width={plotWidth}
              height={barHeight}
              fill="none"
              stroke={COLOURS.midGrey}
            />
            {stack(row.values, plotWidth).map((segment, s) => (
              <rect
                key={s}
                x={left + segment.start}
                y={y}
                width={segment.size}
                height={barHeight}
                fill={segments[s]?.colour ?? COLOURS.darkGrey}
              />
            ))}
            <text
              x={width - right + AXIS_LABEL_GAP}
              y={y + barHeight / 2 + FONT_SIZE / 3}
              fill={COLOURS.text}
            >
              {totalLabel(total)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

export interface TrendPoint {
  label: string;
  count: number;
  baseline: number;
  emerging: boolean;
}

const TREND_CHART = {
  width: 360,
  height: 180,
  left: 36,
  right: 8,
  top: 18,
  bottom: 24,
  bandFill: 0.7,
};
// Drawn above an emerging-issue month's bar, so the flag is not told by colour alone.
export const EMERGING_MARK = '!';

// Complaints per month as bars, the months flagged as emerging issues in orange with a mark
// above, and the mean of the twelve months before each month as a dashed line.
export function TrendChart({
  id,
  title,
  description,
  points,
}: {
  id: string;
  title: string;
  description: string;
  points: TrendPoint[];
}) {
  const { width, height, left, right, top, bottom, bandFill } = TREND_CHART;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const axis = niceAxis(
    Math.max(0, ...points.flatMap((point) => [point.count, point.baseline])),
    4,
  );
  const band = plotWidth / Math.max(1, points.length);
  const y = (value: number) => top + plotHeight - scaled(value, axis, plotHeight);
  const baseline = points
    .map((point, i) => `${left + i * band + band / 2},${y(point.baseline)}`)
    .join(' ');
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height} small>
      <ValueAxis
        axis={axis}
        left={left}
        right={width - right}
        top={top}
        height={plotHeight}
        format={String}
      />
      {points.map((point, i) => {
        const x = left + i * band + (band * (1 - bandFill)) / 2;
        const barWidth = band * bandFill;
        return (
          <g key={point.label}>
            <rect
              x={x}
              y={y(point.count)}
              width={barWidth}
              height={scaled(point.count, axis, plotHeight)}
              fill={point.emerging ? COLOURS.orange : COLOURS.blue}
            />
            {point.emerging && (
              <text
                x={x + barWidth / 2}
                y={y(point.count) - 3}
                textAnchor="middle"
                fontWeight="bold"
                fill={COLOURS.text}
              >
                {EMERGING_MARK}
              </text>
            )}
            <text
              x={x + barWidth / 2}
              y={height - bottom + SMALL_FONT_SIZE + 4}
              textAnchor="middle"
              fontSize={SMALL_FONT_SIZE}
              fill={COLOURS.text}
            >
              {point.label.charAt(0)}
            </text>
          </g>
        );
      })}
      <polyline
        points={baseline}
        fill="none"
        stroke={COLOURS.darkGrey}
        strokeWidth={2}
        strokeDasharray="4 3"
      />
    </ChartFrame>
  );
}

// A legend outside the charts, for a set of small charts that share one.
export function LegendKey({
  items,
}: {
  items: (LegendItem & { mark?: string; dashed?: boolean })[];
}) {
  return (
    <ul className="govuk-list redress-chart-key">
      {items.map((item) => (
        <li key={item.label}>
          <svg
            width={LEGEND_SWATCH * 2}
            height={LEGEND_SWATCH}
            aria-hidden="true"
            focusable="false"
            className="redress-chart-key__swatch"
          >
            {item.dashed ? (
              <line
                x1={0}
                x2={LEGEND_SWATCH * 2}
                y1={LEGEND_SWATCH / 2}
                y2={LEGEND_SWATCH / 2}
                stroke={item.colour}
                strokeWidth={2}
                strokeDasharray="4 3"
              />
            ) : (
              <rect width={LEGEND_SWATCH} height={LEGEND_SWATCH} fill={item.colour} />
            )}
            {item.mark && (
              <text
                x={LEGEND_SWATCH + 4}
                y={LEGEND_SWATCH - 2}
                fontWeight="bold"
                fontSize={FONT_SIZE}
              >
                {item.mark}
              </text>
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
