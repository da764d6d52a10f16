// /reports/*: the section's pages (being built; see issue 5 and 6).
import { usePageTitle } from '../../components/ui';

export function ReportsRoutes() {
  usePageTitle('Reports');
  return <h1 className="govuk-heading-l">Reports</h1>;
}
