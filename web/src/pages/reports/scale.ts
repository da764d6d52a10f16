// Axis arithmetic for the report's SVG charts: "nice" round ticks from zero and a linear map
// from a value to a length in the drawing.

const NICE_STEPS = [1, 2, 2.5, 5, 10];
const DEFAULT_TICK_COUNT = 5;

export interface Axis {
  // The axis's top value: the last tick, at least the largest value.
  max: number;
  ticks: number[];
}

// Ticks from 0 to at least `max`, about `count` of them, at steps of 1, 2, 2.5 or 5 times a
// power of ten; whole steps only when the values are counts.
export function niceAxis(max: number, count = DEFAULT_TICK_COUNT, wholeSteps = true): Axis {
  if (!(max > 0)) return { max: 1, ticks: [0, 1] };
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  let step = magnitude * (NICE_STEPS.find((n) => n * magnitude >= rough) ?? 10);
  if (wholeSteps) step = Math.max(1, Math.ceil(step));
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  // Rounded so that 0.1 + 0.2 does not print as 0.30000000000000004.
  for (let i = 0; i * step <= top + step / 2; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { max: top, ticks };
}

// A value's length on an axis of `length` units from 0 to `axis.max`.
export function scaled(value: number, axis: Axis, length: number): number {
  return (Math.max(0, value) / axis.max) * length;
}

// The shares of a whole as lengths that add up to `length` exactly (for a stacked bar).
export function stack(values: number[], length: number): { start: number; size: number }[] {
  const total = values.reduce((sum, value) => sum + Math.max(0, value), 0);
  let start = 0;
  return values.map((value) => {
    const size = total > 0 ? (Math.max(0, value) / total) * length : 0;
    const segment = { start, size };
    start += size;
    return segment;
  });
}
