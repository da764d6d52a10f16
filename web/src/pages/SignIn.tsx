import { useState } from 'react';
import { Form, useForm } from '../components/Form';
import { TextInput } from '../components/fields';
import { usePageTitle } from '../components/ui';
import { signIn } from '../session';
import type { CurrentUser } from '../types';

export function SignIn({ onSignedIn }: { onSignedIn: (user: CurrentUser) => void }) {
  usePageTitle('Sign in');
  const form = useForm();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // A failed sign-in names no field on purpose (it must not say which part was wrong), so the
  // message is shown against the username.
  const submit = () =>
    form.submit(async () => onSignedIn(await signIn(username.trim(), password)), 'username');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Form form={form} onSubmit={submit} submitLabel="Sign in">
          <h1 className="govuk-heading-l">Sign in</h1>
          <TextInput
            name="username"
            label="Username"
            value={username}
            onChange={setUsername}
            autoComplete="username"
            spellCheck={false}
            widthClass="govuk-!-width-two-thirds"
          />
          <TextInput
            name="password"
            label="Password"
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            widthClass="govuk-!-width-two-thirds"
          />
        </Form>
      </div>
    </div>
  );
}
