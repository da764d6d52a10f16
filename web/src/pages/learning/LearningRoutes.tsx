// /learning/*: the section's pages (being built; see issue 5 and 6).
import { usePageTitle } from '../../components/ui';

export function LearningRoutes() {
  usePageTitle('Learning actions');
  return <h1 className="govuk-heading-l">Learning actions</h1>;
}
