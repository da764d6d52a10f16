// /ombudsman/*: the section's pages (being built; see issue 5 and 6).
import { usePageTitle } from '../../components/ui';

export function OmbudsmanRoutes() {
  usePageTitle('Ombudsman cases');
  return <h1 className="govuk-heading-l">Ombudsman cases</h1>;
}
