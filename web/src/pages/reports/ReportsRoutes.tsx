// /reports/*: the annual complaints report for those who may read it (view_reports); anyone else
// is told plainly that they have no access rather than shown an empty page.
import { Link, Navigate, Route, Routes, useParams, useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../components/ui';
import { todayIso } from '../../format';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import { NotFound } from '../NotFound';
import { ReportPage } from './ReportPage';
import { latestCompleteYear, parseYear, reportPath } from './tracing';

function NoAccess() {
  usePageTitle('You do not have access');
  return (
    <>
      <h1 className="govuk-heading-l">You do not have access</h1>
      <p className="govuk-body" id="no-access">
        Reports are for managers, complaints officers, administrators and viewers. Ask your
        administrator if you need to see them.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          Go to the home page
        </Link>
      </p>
    </>
  );
}

// /reports and /reports?year=2021: the year in the URL, else the latest complete financial year.
function DefaultYear() {
  const [search] = useSearchParams();
  const year = parseYear(search.get('year')) ?? latestCompleteYear(todayIso());
  return <Navigate to={reportPath(year, search.get('scope'))} replace />;
}

function YearPage() {
  const { year: yearText } = useParams();
  const [search] = useSearchParams();
  const year = parseYear(yearText);
  if (year === null) return <NotFound />;
  return <ReportPage year={year} scopeParamValue={search.get('scope')} />;
}

export function ReportsRoutes() {
  const { user } = useSession();
  if (!allows(user, 'view_reports')) return <NoAccess />;
  return (
    <Routes>
      <Route index element={<DefaultYear />} />
      <Route path=":year" element={<YearPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
