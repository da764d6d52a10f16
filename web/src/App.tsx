// The app: who is signed in decides between the sign-in page and the service's pages.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, csrfToken, get, setUnauthorisedHandler } from './api';
import { Layout } from './components/Layout';
import { Loading } from './components/ui';
import { AdminRoutes } from './pages/admin/AdminRoutes';
import { CasePage } from './pages/case/CasePage';
import { CaseActionPage } from './pages/case/CaseActionPage';
import { CaseList } from './pages/CaseList';
import { Dashboard } from './pages/Dashboard';
import { LearningRoutes } from './pages/learning/LearningRoutes';
import { LogComplaint } from './pages/LogComplaint';
import { NotFound } from './pages/NotFound';
import { OmbudsmanRoutes } from './pages/ombudsman/OmbudsmanRoutes';
import { PostRoom } from './pages/PostRoom';
import { Reminders } from './pages/Reminders';
import { ReportsRoutes } from './pages/reports/ReportsRoutes';
import { SelfAssessmentRoutes } from './pages/self-assessment/SelfAssessmentRoutes';
import { AnnualSubmissionRoutes } from './pages/annual-submission/AnnualSubmissionRoutes';
import { ServiceRequestPage } from './pages/ServiceRequestPage';
import { PeopleRoutes } from './pages/people/PeopleRoutes';
import { SubjectAccessRoutes } from './pages/subject-access/SubjectAccessRoutes';
import { SignIn } from './pages/SignIn';
import { SessionContext, signOutRequest, type SessionState } from './session';
import type { CurrentUser } from './types';

const HTTP_UNAUTHORISED = 401;

type SignedIn = { state: 'checking' } | { state: 'out' } | { state: 'in'; user: CurrentUser };

export function App() {
  // A reload keeps the session only if this tab still holds its CSRF token: without it no change
  // could be made, so the user signs in again instead.
  const [session, setSession] = useState<SignedIn>(() =>
    csrfToken() ? { state: 'checking' } : { state: 'out' },
  );
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    setUnauthorisedHandler(() => setSession({ state: 'out' }));
    if (!csrfToken()) return;
    get<CurrentUser>('/session').then(
      (user) => setSession({ state: 'in', user }),
      (error: unknown) => {
        if (!(error instanceof ApiError) || error.status === HTTP_UNAUTHORISED)
          setSession({ state: 'out' });
      },
    );
  }, []);

  const signOut = useCallback(async () => {
    const providerLogout = await signOutRequest().catch(() => null);
    setSession({ state: 'out' });
    if (providerLogout) window.location.assign(providerLogout);
    else navigate('/sign-in');
  }, [navigate]);

  const context = useMemo<SessionState | null>(
    () => (session.state === 'in' ? { user: session.user, signOut } : null),
    [session, signOut],
  );

  if (session.state === 'checking')
    return (
      <Layout user={null}>
        <Loading />
      </Layout>
    );
  if (session.state === 'out') {
    const returnTo = location.pathname === '/sign-in' ? '/' : location.pathname + location.search;
    return (
      <Layout user={null}>
        <SignIn
          onSignedIn={(user) => {
            setSession({ state: 'in', user });
            navigate(returnTo, { replace: true });
          }}
        />
      </Layout>
    );
  }
  return (
    <SessionContext.Provider value={context}>
      <Layout user={session.user}>
        <Routes>
          <Route path="/" element={<Dashboard />} />
          <Route path="/sign-in" element={<Navigate to="/" replace />} />
          <Route path="/cases" element={<CaseList />} />
          <Route path="/cases/new" element={<LogComplaint />} />
          <Route path="/cases/:reference" element={<CasePage />} />
          <Route path="/cases/:reference/:action" element={<CaseActionPage />} />
          <Route path="/service-requests/:reference" element={<ServiceRequestPage />} />
          <Route path="/reports/*" element={<ReportsRoutes />} />
          <Route path="/ombudsman/*" element={<OmbudsmanRoutes />} />
          <Route path="/learning/*" element={<LearningRoutes />} />
          <Route path="/self-assessment/*" element={<SelfAssessmentRoutes />} />
          <Route path="/annual-submission/*" element={<AnnualSubmissionRoutes />} />
          <Route path="/admin/*" element={<AdminRoutes />} />
          <Route path="/subject-access/*" element={<SubjectAccessRoutes />} />
          <Route path="/people/*" element={<PeopleRoutes />} />
          <Route path="/post-room" element={<PostRoom />} />
          <Route path="/reminders" element={<Reminders />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Layout>
    </SessionContext.Provider>
  );
}
