// Which monthly trends belong to a scope: the whole council's are the service areas'; a regime's
// the categories it received complaints in; a service area's its own and its categories'.
import type { Scope, TrendSeries, Trends } from './types';

export function seriesOfScope(
  trends: Trends,
  scope: Pick<Scope, 'kind' | 'code' | 'groups'>,
): TrendSeries[] {
  if (scope.kind === 'organisation')
    return trends.series.filter((series) => series.dimension === 'service_area');
  const categories = new Set(
    scope.groups.find((group) => group.key === 'categories')?.figures.map((figure) => figure.key) ??
      [],
  );
  const own =
    scope.kind === 'service_area'
      ? trends.series.filter(
          (series) => series.dimension === 'service_area' && series.code === scope.code,
        )
      : [];
  return [
    ...own,
    ...trends.series.filter(
      (series) => series.dimension === 'category' && categories.has(series.code),
    ),
  ];
}
