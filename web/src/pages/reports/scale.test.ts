import { describe, expect, test } from 'vitest';
import { niceAxis, scaled, stack } from './scale';

describe('niceAxis', () => {
  test.each<[number, number, boolean, number[]]>([
    [402, 5, true, [0, 100, 200, 300, 400, 500]],
    [1233, 5, true, [0, 250, 500, 750, 1000, 1250]],
    [7, 5, true, [0, 2, 4, 6, 8]],
    [3, 5, true, [0, 1, 2, 3]],
    [100, 4, false, [0, 25, 50, 75, 100]],
    [0.9, 3, false, [0, 0.5, 1]],
    [0, 5, true, [0, 1]],
  ])('max %d in about %d ticks (whole %s)', (max, count, whole, expected) => {
    const axis = niceAxis(max, count, whole);
    expect(axis.ticks).toEqual(expected);
    expect(axis.max).toBe(expected.at(-1));
    expect(axis.max).toBeGreaterThanOrEqual(max);
  });
});

describe('scaled', () => {
  test.each([
    [50, 100, 200, 100],
    [0, 100, 200, 0],
    [-5, 100, 200, 0],
    [100, 100, 300, 300],
  ])('%d of %d over %d units is %d', (value, max, length, expected) => {
    expect(scaled(value, { max, ticks: [] }, length)).toBe(expected);
  });
});

describe('stack', () => {
  test.each<[number[], number, { start: number; size: number }[]]>([
    [
      [1, 1, 2],
      100,
      [
        { start: 0, size: 25 },
        { start: 25, size: 25 },
        { start: 50, size: 50 },
      ],
    ],
    [
      [0, 0],
      100,
      [
        { start: 0, size: 0 },
        { start: 0, size: 0 },
      ],
    ],
    [
      [3, 0, 1],
      40,
      [
        { start: 0, size: 30 },
        { start: 30, size: 0 },
        { start: 30, size: 10 },
      ],
    ],
  ])('%o over %d', (values, length, expected) => {
    expect(stack(values, length)).toEqual(expected);
  });
});
