// Signing in with the organisation's identity provider in Chromium (issue 21, docs/sso.md): an
// admin configures a real OpenID Connect provider (oidc-provider on loopback,
// tests/oidc/provider.mjs) on the admin page and tests the connection; Alice signs in through the
// provider's own pages, is given the mapped admin role, and signs out of Redress and of the
// provider (RP-initiated logout); Nora, whose account maps to no role, is told so in plain words.
// axe-core on the sign-in page, the admin page and the refusal.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { CLIENT_ID, CLIENT_SECRET, startOidcProvider } from '../oidc/provider.mjs';
import { assertAccessible, dependentSteps, newPage, signIn, startApp } from './browser.mjs';

const SECRET_ENV = 'REDRESS_BROWSER_OIDC_SECRET';

describe('sign-in with the identity provider', () => {
  let app;
  let page;
  let provider;
  const step = dependentSteps(() => page, 'sso');

  before(async () => {
    process.env[SECRET_ENV] = CLIENT_SECRET; // the server reads the client secret from here
    app = await startApp();
    page = await newPage(app);
    provider = await startOidcProvider({
      redirectUri: `${app.base}/api/v1/oidc/callback`,
      postLogoutRedirectUri: `${app.base}/`,
    });
  });
  after(async () => {
    await provider?.stop();
    await app?.stop();
  });

  step('an admin configures the provider and tests the connection', async () => {
    await signIn(page, 'admin');
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Sign-in with your identity provider' }).click();
    await page.getByRole('heading', { name: 'Sign-in with your identity provider' }).waitFor();
    await page.getByRole('group', { name: /Offer/ }).getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Save sign-in settings' }).click();
    await page.locator('.govuk-error-summary a[href="#issuer"]').waitFor();
    await assertAccessible(page, 'the identity provider page with its errors');

    await page.getByLabel('Provider name').fill('Council account');
    await page.getByLabel('Issuer URL').fill(provider.issuer);
    await page.getByLabel('Client (application) ID').fill(CLIENT_ID);
    await page
      .getByLabel('Where the server reads the client secret from')
      .fill(`env:${SECRET_ENV}`);
    await page.getByLabel('Role mapping').fill('roles:Redress.Admin=admin');
    await page
      .getByRole('group', { name: /Create a Redress account/ })
      .getByLabel('Yes')
      .check();
    await page.getByRole('button', { name: 'Save sign-in settings' }).click();
    await page.getByText('Sign-in settings saved').waitFor();
    await page.getByRole('button', { name: 'Test the connection' }).click();
    const result = page.locator('#connection-result');
    await result.getByText(provider.issuer, { exact: true }).waitFor();
    assert.match(await result.innerText(), /Signing keys\s+\d/);
    await assertAccessible(page, 'the identity provider page, saved and tested');
  });

  step('the sign-in page offers the provider', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in with Council account' }).waitFor();
    await assertAccessible(page, 'the sign-in page with the provider');
  });

  step('Alice signs in through the provider and is given the mapped role', async () => {
    await page.getByRole('link', { name: 'Sign in with Council account' }).click();
    await page.locator('input[name="login"]').fill('alice');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(new URL(page.url()).hash, '', 'the CSRF token is cleared from the address');
    const session = await page.request.get('/api/v1/session');
    const body = await session.json();
    assert.equal(body.username, 'alice');
    assert.equal(body.role, 'admin');
    await page.goto('/admin');
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
  });

  step('signing out ends the provider session too', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    // The provider asks whether to sign out of it as well.
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.getByRole('button', { name: /Yes, sign me out/i }).click();
    await page.getByRole('link', { name: 'Sign in with Council account' }).waitFor();
    assert.equal((await page.request.get('/api/v1/session')).status(), 401);
    // The provider's session is over: signing in asks for the login again.
    await page.getByRole('link', { name: 'Sign in with Council account' }).click();
    await page.locator('input[name="login"]').waitFor();
  });

  step('Nora, with no role at the provider, is told in plain words', async () => {
    await page.locator('input[name="login"]').fill('nora');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Your organisation’s account has no role in Redress').waitFor();
    assert.match(page.url(), /\/sign-in\?refused=no_role$/);
    await assertAccessible(page, 'the sign-in page after a refusal');
  });
});
