// Users and roles: the list, adding a user, changing one.
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { get, getItems, request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { Radios, Select, TextInput, type Option } from '../../components/fields';
import {
  BackLink,
  LoadFailed,
  Loading,
  SuccessBanner,
  TableHead,
  Tag,
  usePageTitle,
} from '../../components/ui';
import { forgetReference, nameOf, useLoad, useReference } from '../../data';
import { ROLE_LABELS } from '../../format';
import type { ReminderDigest, Role, User } from '../../types';

const ROLE_OPTIONS: Option[] = Object.entries(ROLE_LABELS).map(([value, label]) => ({
  value,
  label,
}));

function useTeamOptions(): Option[] {
  return (useReference().data?.teams ?? []).map((team) => ({ value: team.code, label: team.name }));
}

export function UserList() {
  usePageTitle('Users and roles');
  const users = useLoad(() => getItems<User>('/users'), 'users');
  const teams = useReference().data?.teams;
  const done = (useLocation().state as { done?: string } | null)?.done;
  return (
    <>
      <BackLink to="/admin">Administration</BackLink>
      {done && (
        <SuccessBanner title={done}>
          <p className="govuk-body">The change is in the audit trail.</p>
        </SuccessBanner>
      )}
      <h1 className="govuk-heading-l">Users and roles</h1>
      <p className="govuk-body">
        <Link className="govuk-button" role="button" draggable="false" to="/admin/users/new">
          Add a user
        </Link>
      </p>
      {users.error && <LoadFailed message={users.error} />}
      {!users.data && !users.error && <Loading />}
      {users.data && (
        <table className="govuk-table" id="users">
          <caption className="govuk-visually-hidden">Users</caption>
          <TableHead headings={['Name', 'Username', 'Email', 'Role', 'Team', 'State']} />
          <tbody className="govuk-table__body">
            {users.data.map((user) => (
              <tr className="govuk-table__row" key={user.username}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/admin/users/${user.username}`}>
                    {user.display_name}
                  </Link>
                </td>
                <td className="govuk-table__cell">{user.username}</td>
                <td className="govuk-table__cell">{user.email ?? 'None'}</td>
                <td className="govuk-table__cell">{ROLE_LABELS[user.role]}</td>
                <td className="govuk-table__cell">{nameOf(teams, user.team) || 'None'}</td>
                <td className="govuk-table__cell">
                  {user.active ? (
                    <Tag colour="green">Active</Tag>
                  ) : (
                    <Tag colour="grey">Deactivated</Tag>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function UserNew() {
  usePageTitle('Add a user');
  const form = useForm();
  const navigate = useNavigate();
  const teams = useTeamOptions();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState('');
  const [team, setTeam] = useState('');
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState('');
  const submit = () =>
    form.submit(async () => {
      await request('POST', '/users', {
        body: {
          username: username.trim(),
          display_name: displayName.trim(),
          role,
          ...(team ? { team } : {}),
          ...(email.trim() ? { email: email.trim() } : {}),
          password,
        },
      });
      forgetReference();
      navigate('/admin/users', { state: { done: `Added ${username.trim()}` } });
    }, 'username');
  return (
    <>
      <BackLink to="/admin/users">Users and roles</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Form form={form} onSubmit={submit} submitLabel="Add user">
            <h1 className="govuk-heading-l">Add a user</h1>
            <TextInput
              name="username"
              label="Username"
              hint="2 to 64 of a-z, 0-9, dot, underscore and hyphen, starting with a letter or digit"
              spellCheck={false}
              widthClass="govuk-input--width-20"
              value={username}
              onChange={setUsername}
            />
            <TextInput
              name="display_name"
              label="Full name"
              value={displayName}
              onChange={setDisplayName}
            />
            <TextInput
              name="email"
              label="Email address (optional)"
              hint="Where their reminders of cases due and overdue go"
              type="email"
              autoComplete="off"
              spellCheck={false}
              value={email}
              onChange={setEmail}
            />
            <Radios
              name="role"
              label="Role"
              value={role}
              onChange={setRole}
              options={ROLE_OPTIONS}
            />
            <Select
              name="team"
              label="Team"
              value={team}
              onChange={setTeam}
              placeholder="No team"
              options={teams}
            />
            <TextInput
              name="password"
              label="Initial password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={setPassword}
            />
          </Form>
        </div>
      </div>
    </>
  );
}

function UserEditForm({ user }: { user: User }) {
  const form = useForm();
  const navigate = useNavigate();
  const teams = useTeamOptions();
  const [displayName, setDisplayName] = useState(user.display_name);
  const [role, setRole] = useState<Role>(user.role);
  const [team, setTeam] = useState(user.team ?? '');
  const [active, setActive] = useState(user.active ? 'true' : 'false');
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState(user.email ?? '');
  const [digest, setDigest] = useState<ReminderDigest>(user.reminder_digest);
  const submit = () =>
    form.submit(async () => {
      await request('PATCH', `/users/${encodeURIComponent(user.username)}`, {
        body: {
          display_name: displayName.trim(),
          role,
          team,
          active: active === 'true',
          email: email.trim(),
          reminder_digest: digest,
          ...(password ? { password } : {}),
        },
      });
      forgetReference();
      navigate('/admin/users', { state: { done: `Changed ${user.username}` } });
    }, 'role');
  return (
    <Form form={form} onSubmit={submit} submitLabel="Save changes">
      <span className="govuk-caption-l">{user.username}</span>
      <h1 className="govuk-heading-l">Change {user.display_name}</h1>
      <TextInput
        name="display_name"
        label="Full name"
        value={displayName}
        onChange={setDisplayName}
      />
      <TextInput
        name="email"
        label="Email address"
        hint="Where their reminders go; leave empty for none"
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={email}
        onChange={setEmail}
      />
      <Radios
        name="reminder_digest"
        label="Daily reminder email"
        hint="Their cases due soon and overdue, once a working day in office hours"
        inline
        value={digest}
        onChange={(value) => setDigest(value as ReminderDigest)}
        options={[
          { value: 'daily', label: 'Yes, daily' },
          { value: 'off', label: 'No' },
        ]}
      />
      <Radios
        name="role"
        label="Role"
        value={role}
        onChange={(value) => setRole(value as Role)}
        options={ROLE_OPTIONS}
      />
      <Select
        name="team"
        label="Team"
        value={team}
        onChange={setTeam}
        placeholder="No team"
        options={teams}
      />
      <Radios
        name="active"
        label="Can they sign in?"
        inline
        value={active}
        onChange={setActive}
        options={[
          { value: 'true', label: 'Yes' },
          { value: 'false', label: 'No, deactivated' },
        ]}
      />
      <TextInput
        name="password"
        label="New password (optional)"
        hint="Leave empty to keep the current one"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
      />
    </Form>
  );
}

export function UserEdit() {
  const { username = '' } = useParams();
  usePageTitle(`Change user ${username}`);
  const user = useLoad(() => get<User>(`/users/${encodeURIComponent(username)}`), username);
  return (
    <>
      <BackLink to="/admin/users">Users and roles</BackLink>
      {user.error && <LoadFailed message={user.error} />}
      {!user.data && !user.error && <Loading />}
      {user.data && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <UserEditForm user={user.data} />
          </div>
        </div>
      )}
    </>
  );
}
