// /admin/*: the organisation's users and configuration, for administrators.
import { Link, Route, Routes } from 'react-router-dom';
import { usePageTitle } from '../../components/ui';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import { NotFound } from '../NotFound';
import { ClosureDays } from './ClosureDays';
import { CodedEntries, CODED_KINDS } from './CodedEntries';
import { Designations } from './Designations';
import { ImportPage } from './ImportPage';
import { LetterTemplateEdit, LetterTemplateList } from './LetterTemplates';
import { MailSettings } from './MailSettings';
import { OmbudsmanContacts } from './OmbudsmanContacts';
import { DisposalRunPage } from './retention/DisposalRunPage';
import { RetentionPage } from './retention/RetentionPage';
import { SettingsPage } from './SettingsPage';
import { SignInProvider } from './SignInProvider';
import { UserEdit, UserList, UserNew } from './Users';

const SECTIONS = [
  { to: 'users', label: 'Users and roles' },
  ...CODED_KINDS.map((kind) => ({ to: kind.path, label: kind.title })),
  { to: 'closure-days', label: 'Closure days' },
  { to: 'designations', label: 'Designated service area' },
  { to: 'settings', label: 'Organisation settings' },
  { to: 'letter-templates', label: 'Letter templates' },
  { to: 'ombudsman-contacts', label: 'Ombudsman contact details' },
  { to: 'email', label: 'Email and office hours' },
  { to: 'sign-in', label: 'Sign-in with your identity provider' },
  { to: 'import', label: 'Import complaints from a legacy system' },
  { to: 'retention', label: 'Retention and disposal' },
];

function AdminIndex() {
  usePageTitle('Administration');
  return (
    <>
      <h1 className="govuk-heading-l">Administration</h1>
      <ul className="govuk-list">
        {SECTIONS.map((section) => (
          <li key={section.to}>
            <Link className="govuk-link" to={`/admin/${section.to}`}>
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export function AdminRoutes() {
  const { user } = useSession();
  if (!allows(user, 'manage_users') && !allows(user, 'manage_configuration')) return <NotFound />;
  return (
    <Routes>
      <Route index element={<AdminIndex />} />
      <Route path="users" element={<UserList />} />
      <Route path="users/new" element={<UserNew />} />
      <Route path="users/:username" element={<UserEdit />} />
      {CODED_KINDS.map((kind) => (
        <Route key={kind.path} path={kind.path} element={<CodedEntries kind={kind} />} />
      ))}
      <Route path="closure-days" element={<ClosureDays />} />
      <Route path="designations" element={<Designations />} />
      <Route path="settings" element={<SettingsPage />} />
      <Route path="letter-templates" element={<LetterTemplateList />} />
      <Route path="letter-templates/:type/:regime" element={<LetterTemplateEdit />} />
      <Route path="ombudsman-contacts" element={<OmbudsmanContacts />} />
      <Route path="email" element={<MailSettings />} />
      <Route path="sign-in" element={<SignInProvider />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="retention" element={<RetentionPage />} />
      <Route path="retention/runs/:id" element={<DisposalRunPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
