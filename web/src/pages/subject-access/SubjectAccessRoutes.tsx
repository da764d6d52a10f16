// /subject-access/*: subject access requests (UK GDPR Art. 15, issue 20): the list with each
// request's due date on the ICO's clock, a new request, one request with its history, and its
// steps (extend, complete, withdraw). Only for 'manage_subject_access': a request names who asked.
import { Route, Routes } from 'react-router-dom';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import { NotFound } from '../NotFound';
import { ListPage, NewPage } from './ListPage';
import { RequestPage, StepPage } from './RequestPage';

export function SubjectAccessRoutes() {
  const { user } = useSession();
  if (!allows(user, 'manage_subject_access')) return <NotFound />;
  return (
    <Routes>
      <Route index element={<ListPage />} />
      <Route path="new" element={<NewPage />} />
      <Route path=":reference" element={<RequestPage />} />
      <Route path=":reference/:step" element={<StepPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
