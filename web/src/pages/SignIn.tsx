import { useState } from 'react';
import { useLocation } from 'react-router-dom';
import { get } from '../api';
import { Form, useForm } from '../components/Form';
import { TextInput } from '../components/fields';
import { ImportantBanner, usePageTitle } from '../components/ui';
import { useLoad } from '../data';
import { signIn } from '../session';
import type { CurrentUser, SignInOptions } from '../types';

// Why a sign-in through the organisation's identity provider was refused, in words the user can
// act on (the server's log and the audit trail keep the technical reason). The reasons are the
// API's (GET /api/v1/oidc/callback).
const REFUSALS: Record<string, string> = {
  not_configured:
    'Signing in with your organisation’s account is not set up. Ask your administrator.',
  expired: 'Your sign-in took too long or was already used. Please try again.',
  provider_refused: 'Your organisation’s sign-in service did not sign you in. Please try again.',
  unavailable:
    'Your organisation’s sign-in service cannot be reached at the moment. Please try again later.',
  invalid_token:
    'We could not confirm who you are with your organisation’s sign-in service. Please try again, and if it happens again tell your administrator.',
  no_account: 'You do not have an account in Redress. Ask your administrator for one.',
  no_role:
    'Your organisation’s account has no role in Redress, or it was removed. Ask your administrator.',
  groups_overage:
    'Your organisation’s account is in too many groups for Redress to find your role. Ask your administrator to give you a Redress app role.',
  inactive: 'Your Redress account is turned off. Ask your administrator.',
};

function ProviderSignIn({ name }: { name: string }) {
  return (
    <a href="/api/v1/oidc/start" className="govuk-button govuk-button--start" draggable="false">
      Sign in with {name}
      <svg
        className="govuk-button__start-icon"
        xmlns="http://www.w3.org/2000/svg"
        width="17.5"
        height="19"
        viewBox="0 0 33 40"
        aria-hidden="true"
        focusable="false"
      >
        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
      </svg>
    </a>
  );
}

export function SignIn({ onSignedIn }: { onSignedIn: (user: CurrentUser) => void }) {
  usePageTitle('Sign in');
  const form = useForm();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const options = useLoad(() => get<SignInOptions>('/sign-in-options'), 'sign-in-options');
  const refused = new URLSearchParams(useLocation().search).get('refused');
  const provider = options.data?.provider_name ?? null;
  const breakGlassOnly = options.data?.password_sign_in === 'break_glass_only';
  // A failed sign-in names no field on purpose (it must not say which part was wrong), so the
  // message is shown against the username.
  const submit = () =>
    form.submit(async () => onSignedIn(await signIn(username.trim(), password)), 'username');
  const passwordForm = (
    <Form
      form={form}
      onSubmit={submit}
      submitLabel={breakGlassOnly ? 'Sign in with a password' : 'Sign in'}
    >
      {provider ? (
        <h2 className="govuk-heading-m">
          {breakGlassOnly ? 'Emergency administrator sign-in' : 'Sign in with a Redress password'}
        </h2>
      ) : (
        <h1 className="govuk-heading-l">Sign in</h1>
      )}
      {breakGlassOnly && (
        <p className="govuk-body">
          Only for the emergency administrator account, when {provider} is not working.
        </p>
      )}
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
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {refused && (
          <ImportantBanner title="You are not signed in">
            <p className="govuk-body">
              {REFUSALS[refused] ?? 'You could not be signed in. Please try again.'}
            </p>
          </ImportantBanner>
        )}
        {provider && (
          <>
            <h1 className="govuk-heading-l">Sign in</h1>
            <p className="govuk-body">Use your {provider} account.</p>
            <ProviderSignIn name={provider} />
          </>
        )}
        {provider && breakGlassOnly ? (
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Emergency administrator sign-in</span>
            </summary>
            <div className="govuk-details__text">{passwordForm}</div>
          </details>
        ) : (
          passwordForm
        )}
      </div>
    </div>
  );
}
