// /self-assessment/*: the section's pages (being built; see issue 5 and 6).
import { usePageTitle } from '../../components/ui';

export function SelfAssessmentRoutes() {
  usePageTitle('Self-assessment');
  return <h1 className="govuk-heading-l">Self-assessment</h1>;
}
