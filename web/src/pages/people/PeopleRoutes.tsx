// /people/*: the people index (issue 20): a search by e-mail, phone, or name with postcode, and
// one person with everything about them and the matches the server proposes, which staff confirm,
// reject or undo with a reason. Only for 'manage_subject_access', as the API.
import { Route, Routes } from 'react-router-dom';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import { NotFound } from '../NotFound';
import { PersonPage } from './PersonPage';
import { SearchPage } from './SearchPage';

export function PeopleRoutes() {
  const { user } = useSession();
  if (!allows(user, 'manage_subject_access')) return <NotFound />;
  return (
    <Routes>
      <Route index element={<SearchPage />} />
      <Route path=":id" element={<PersonPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
