import { describe, expect, test } from 'vitest';
import { seriesOfScope } from './trends';
import type { Scope, TrendSeries, Trends } from './types';

const series = (dimension: TrendSeries['dimension'], code: string): TrendSeries => ({
  dimension,
  code,
  name: code,
  emerging_months: [],
  months: [],
});
const trends: Trends = {
  months: [],
  emerging_factor: 1.5,
  emerging_minimum_excess: 5,
  series: [
    series('category', 'repairs'),
    series('category', 'parking'),
    series('service_area', 'housing'),
    series('service_area', 'highways'),
  ],
};
const categories = (...codes: string[]) => [
  {
    key: 'categories',
    title: 'Categories',
    figures: codes.map((code) => ({
      key: code,
      label: code,
      unit: 'count' as const,
      current: 1,
      previous: 0,
      change: 1,
      change_percent: null,
      query: { exact: true, description: '', filters: null, current: null, previous: null },
    })),
  },
];

describe('seriesOfScope', () => {
  test.each<[Pick<Scope, 'kind' | 'code' | 'groups'>, string[]]>([
    [
      { kind: 'organisation', code: 'all', groups: categories('repairs') },
      ['service_area:housing', 'service_area:highways'],
    ],
    [{ kind: 'regime', code: 'housing', groups: categories('repairs') }, ['category:repairs']],
    [
      { kind: 'service_area', code: 'housing', groups: categories('repairs', 'parking') },
      ['service_area:housing', 'category:repairs', 'category:parking'],
    ],
    [{ kind: 'regime', code: 'adults', groups: [] }, []],
  ])('%o', (scope, expected) => {
    expect(seriesOfScope(trends, scope).map((s) => `${s.dimension}:${s.code}`)).toEqual(expected);
  });
});
