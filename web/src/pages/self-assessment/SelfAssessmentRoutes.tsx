// /self-assessment/*: the Code self-assessment by financial year (its first year in the URL, e.g.
// /self-assessment/2022 for 2022/23), its provisions (each removable after a confirmation step)
// and the governing body's approval. Reading needs 'view_reports'; the pages offer changes only
// with 'manage_self_assessment'.
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router-dom';
import { todayIso } from '../../format';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import { NotFound } from '../NotFound';
import { ApprovalPage } from './ApprovalPage';
import { financialYearOf, parseYear } from './assessment';
import { ProvisionPage } from './ProvisionPage';
import { RemoveProvisionPage } from './RemoveProvisionPage';
import { YearPage } from './YearPage';

// The page for the year in the URL, or "not found" when it is not a year the API knows.
function WithYear({ page }: { page: (year: number) => ReactNode }) {
  const year = parseYear(useParams().year);
  return year === null ? <NotFound /> : <>{page(year)}</>;
}

export function SelfAssessmentRoutes() {
  const { user } = useSession();
  if (!allows(user, 'view_reports')) return <NotFound />;
  return (
    <Routes>
      <Route
        index
        element={<Navigate to={`/self-assessment/${financialYearOf(todayIso())}`} replace />}
      />
      <Route
        path=":year"
        element={<WithYear page={(year) => <YearPage key={year} year={year} />} />}
      />
      <Route
        path=":year/approval"
        element={<WithYear page={(year) => <ApprovalPage year={year} />} />}
      />
      <Route
        path=":year/provisions/new"
        element={<WithYear page={(year) => <ProvisionPage year={year} adding />} />}
      />
      <Route
        path=":year/provision"
        element={<WithYear page={(year) => <ProvisionPage key={year} year={year} />} />}
      />
      <Route
        path=":year/provision/remove"
        element={<WithYear page={(year) => <RemoveProvisionPage year={year} />} />}
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
