// Signing staff in with the organisation's OpenID Connect provider (Microsoft Entra ID or
// another; docs/sso.md): the provider, the client, where the secret is read from, the role
// mapping, who may still use a password, and the connection test.
import { useState } from 'react';
import { ApiError, get, request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import { Radios, Textarea, TextInput } from '../../components/fields';
import { SuccessBanner, SummaryList, usePageTitle } from '../../components/ui';
import { useLoad } from '../../data';
import { AdminFormPage } from './AdminFormPage';
import type { OidcConnectionTest, OidcRoleMapping, OidcSettings } from '../../types';

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const PASSWORD_POLICIES = [
  { value: 'everyone', label: 'Everyone with a Redress password' },
  {
    value: 'break_glass_only',
    label: 'Only the emergency administrator',
    hint: 'Everyone else signs in with the provider',
  },
];
const ROLES = ['admin', 'complaints_officer', 'case_handler', 'manager', 'viewer'];
const MAPPING_LINE = /^(roles|groups):(.+)=([a-z_]+)(?:@(.+))?$/;

// One mapping a line: CLAIM:VALUE=ROLE[@TEAM], the command line's form (`redress oidc configure
// --map`).
function mappingsText(mappings: OidcRoleMapping[]): string {
  return mappings
    .map((m) => `${m.claim}:${m.value}=${m.role}${m.team ? `@${m.team}` : ''}`)
    .join('\n');
}

function parseMappings(text: string): OidcRoleMapping[] {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.map((line) => {
    const [, claim, value, role, team] = MAPPING_LINE.exec(line) ?? [];
    if (!claim || !value || !role || !ROLES.includes(role)) {
      throw new ClientErrors([
        {
          field: 'role_mappings',
          message: `Write each mapping as roles:VALUE=ROLE or groups:VALUE=ROLE@TEAM; “${line}” is not one`,
        },
      ]);
    }
    return {
      claim: claim as OidcRoleMapping['claim'],
      value,
      role: role as OidcRoleMapping['role'],
      team: team ?? '',
    };
  });
}

// The API names a mapping's field role_mappings[i].team; the page has one box for them all.
function onMappingsBox(error: unknown): never {
  if (error instanceof ApiError && error.problem.errors) {
    const errors = error.problem.errors.map((e) =>
      e.field.startsWith('role_mappings') ? { ...e, field: 'role_mappings' } : e,
    );
    throw new ClientErrors(errors);
  }
  throw error;
}

function ProviderForm({ settings }: { settings: OidcSettings }) {
  const form = useForm();
  const [enabled, setEnabled] = useState(settings.enabled ? 'yes' : 'no');
  const [displayName, setDisplayName] = useState(settings.display_name ?? '');
  const [issuer, setIssuer] = useState(settings.issuer ?? '');
  const [clientId, setClientId] = useState(settings.client_id ?? '');
  const [secretSource, setSecretSource] = useState(settings.client_secret_source ?? '');
  const [redirectUrl, setRedirectUrl] = useState(
    settings.redirect_url || `${window.location.origin}/api/v1/oidc/callback`,
  );
  const [createUsers, setCreateUsers] = useState(settings.create_users ? 'yes' : 'no');
  const [passwordSignIn, setPasswordSignIn] = useState<string>(
    settings.password_sign_in ?? 'everyone',
  );
  const [breakGlass, setBreakGlass] = useState(settings.break_glass_username ?? '');
  const [mappings, setMappings] = useState(mappingsText(settings.role_mappings ?? []));
  const [saved, setSaved] = useState(false);
  const [tested, setTested] = useState<OidcConnectionTest | null>(null);
  const test = useForm();

  const submit = () =>
    form.submit(async () => {
      setSaved(false);
      const body: OidcSettings = {
        enabled: enabled === 'yes',
        display_name: displayName.trim(),
        issuer: issuer.trim(),
        client_id: clientId.trim(),
        client_secret_source: secretSource.trim(),
        redirect_url: redirectUrl.trim(),
        create_users: createUsers === 'yes',
        password_sign_in: passwordSignIn as OidcSettings['password_sign_in'],
        break_glass_username: breakGlass.trim(),
        role_mappings: parseMappings(mappings),
      };
      await request('PUT', '/admin/oidc', { body }).catch(onMappingsBox);
      setSaved(true);
    }, 'issuer');
  const runTest = () =>
    test.submit(async () => {
      setTested(null);
      setTested((await request<OidcConnectionTest>('POST', '/admin/oidc/test')).body);
    }, 'connection');

  return (
    <>
      {saved && (
        <SuccessBanner title="Sign-in settings saved">
          <p className="govuk-body">They apply from the next sign-in.</p>
        </SuccessBanner>
      )}
      <Form form={form} onSubmit={submit} submitLabel="Save sign-in settings">
        <h1 className="govuk-heading-l">Sign-in with your identity provider</h1>
        <Radios
          name="enabled"
          label="Offer “Sign in with …” on the sign-in page?"
          value={enabled}
          onChange={setEnabled}
          options={YES_NO}
          inline
        />
        <TextInput
          name="display_name"
          label="Provider name"
          hint="Shown as “Sign in with <name>”, for example Council account"
          value={displayName}
          onChange={setDisplayName}
        />
        <TextInput
          name="issuer"
          label="Issuer URL"
          hint="For Microsoft Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0"
          value={issuer}
          onChange={setIssuer}
          spellCheck={false}
        />
        <TextInput
          name="client_id"
          label="Client (application) ID"
          value={clientId}
          onChange={setClientId}
          spellCheck={false}
        />
        <TextInput
          name="client_secret_source"
          label="Where the server reads the client secret from"
          hint="env:NAME for an environment variable, or file:/path for a file. The secret itself is never stored in Redress."
          value={secretSource}
          onChange={setSecretSource}
          spellCheck={false}
        />
        <TextInput
          name="redirect_url"
          label="Redirect URL"
          hint="Register this address with the provider"
          value={redirectUrl}
          onChange={setRedirectUrl}
          spellCheck={false}
        />
        <Textarea
          name="role_mappings"
          label="Role mapping"
          hint="One a line, the first that matches wins: roles:Redress.Admin=admin, or groups:<group id>=case_handler@<team code>"
          value={mappings}
          onChange={setMappings}
        />
        <Radios
          name="create_users"
          label="Create a Redress account at someone’s first sign-in?"
          value={createUsers}
          onChange={setCreateUsers}
          options={YES_NO}
          inline
        />
        <Radios
          name="password_sign_in"
          label="Who may sign in with a password?"
          value={passwordSignIn}
          onChange={setPasswordSignIn}
          options={PASSWORD_POLICIES}
        />
        <TextInput
          name="break_glass_username"
          label="Emergency administrator’s username"
          hint="A local admin who can always sign in with a password, for when the provider is down"
          value={breakGlass}
          onChange={setBreakGlass}
          spellCheck={false}
        />
      </Form>
      <h2 className="govuk-heading-m">Test the connection</h2>
      <Form form={test} onSubmit={runTest} submitLabel="Test the connection">
        <p className="govuk-body" id="connection">
          Fetches the saved provider’s discovery document and signing keys.
        </p>
      </Form>
      {tested && (
        <SummaryList
          id="connection-result"
          rows={[
            { key: 'Issuer', value: tested.issuer },
            { key: 'Sign-in page', value: tested.authorization_endpoint },
            { key: 'Signing keys', value: String(tested.signing_keys) },
            { key: 'Sign-out page', value: tested.end_session_endpoint ?? 'None offered' },
          ]}
        />
      )}
    </>
  );
}

export function SignInProvider() {
  usePageTitle('Sign-in with your identity provider');
  const settings = useLoad(() => get<OidcSettings>('/admin/oidc'), 'oidc-settings');
  return (
    <AdminFormPage loaded={settings}>{(data) => <ProviderForm settings={data} />}</AdminFormPage>
  );
}
