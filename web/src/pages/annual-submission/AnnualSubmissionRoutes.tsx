// /annual-submission/*: the Housing Ombudsman annual submission by financial year (its first year
// in the URL, e.g. /annual-submission/2023 for 2023/24): the record with its deadline, status and
// steps, the form's details, each step through to "submitted", and the form's exports. Reading
// needs 'view_reports'; the pages offer changes only with 'manage_self_assessment'.
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router-dom';
import { todayIso } from '../../format';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import { NotFound } from '../NotFound';
import { financialYearOf, parseYear } from '../self-assessment/assessment';
import { DetailsPage } from './DetailsPage';
import { StepPage } from './StepPage';
import { parseStep, type Step } from './submission';
import { SubmissionPage } from './SubmissionPage';

function WithYear({ page }: { page: (year: number) => ReactNode }) {
  const year = parseYear(useParams().year);
  return year === null ? <NotFound /> : <>{page(year)}</>;
}

function WithStep({ page }: { page: (year: number, step: Step) => ReactNode }) {
  const params = useParams();
  const year = parseYear(params.year);
  const step = parseStep(params.step);
  return year === null || step === null ? <NotFound /> : <>{page(year, step)}</>;
}

export function AnnualSubmissionRoutes() {
  const { user } = useSession();
  if (!allows(user, 'view_reports')) return <NotFound />;
  // The submission of a year is made after the year ends: the default is the year just ended.
  const lastYear = financialYearOf(todayIso()) - 1;
  return (
    <Routes>
      <Route index element={<Navigate to={`/annual-submission/${lastYear}`} replace />} />
      <Route
        path=":year"
        element={<WithYear page={(year) => <SubmissionPage key={year} year={year} />} />}
      />
      <Route
        path=":year/details"
        element={<WithYear page={(year) => <DetailsPage year={year} />} />}
      />
      <Route
        path=":year/:step"
        element={<WithStep page={(year, step) => <StepPage year={year} step={step} />} />}
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
