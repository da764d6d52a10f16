// Staff sign-in with the organisation's OpenID Connect provider (issue 21, docs/sso.md), against
// the real `redress serve`: the happy path and RP-initiated logout through a real provider
// (oidc-provider, tests/oidc/provider.mjs), and every refusal through a provider that misbehaves
// on demand (tests/oidc/rogue_provider.mjs): wrong issuer, wrong audience, expired, bad signature,
// unknown key, alg none, an HMAC keyed with the public key, replayed code, mismatched state or
// nonce, a role removed, a groups overage. The break-glass admin signs in with the provider down.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  apiClient,
  query,
  redress,
  startServe,
  tempDir,
  testDatabase,
  userWithToken,
} from './helpers.mjs';
import {
  ROGUE_CLIENT_ID,
  ROGUE_CLIENT_SECRET,
  startRogueProvider,
} from '../oidc/rogue_provider.mjs';
import { CLIENT_ID, CLIENT_SECRET, startOidcProvider } from '../oidc/provider.mjs';

const BREAK_GLASS_PASSWORD = 'break-glass-password-of-length';
const LOCAL_PASSWORD = 'a-long-enough-password';
const SECRET_ENV = 'REDRESS_TEST_OIDC_SECRET';

let workspace;
let db;
let server;
let call;
let adminToken;
let rogue;
let real;
let secretFile;

before(async () => {
  workspace = tempDir();
  db = testDatabase(workspace.dir, 'sso.db');
  assert.equal(redress(['init', '--db', db]).status, 0);
  const root = redress(
    ['user', 'add', '--db', db, '--username', 'root', '--role', 'admin', '--password-stdin'],
    { input: `${BREAK_GLASS_PASSWORD}\n` },
  );
  assert.equal(root.status, 0, root.stderr);
  adminToken = userWithToken(db, 'setup.admin', 'admin');
  userWithToken(db, 'sam', 'viewer'); // a local account a provider's account must never take
  secretFile = join(workspace.dir, 'client-secret');
  writeFileSync(secretFile, `${ROGUE_CLIENT_SECRET}\n`);
  process.env[SECRET_ENV] = CLIENT_SECRET; // the server reads the real provider's secret here
  server = await startServe(db);
  call = apiClient(server.base);
  const team = await call('PUT', '/api/v1/teams/housing', {
    token: adminToken,
    body: { name: 'Housing' },
  });
  assert.equal(team.status, 200, JSON.stringify(team.body));
  rogue = await startRogueProvider();
  real = await startOidcProvider({
    redirectUri: `${server.base}/api/v1/oidc/callback`,
    postLogoutRedirectUri: `${server.base}/`,
  });
});

after(async () => {
  await server?.stop();
  await rogue?.stop();
  await real?.stop();
  workspace?.cleanup();
});

const MAPPINGS = [
  { claim: 'roles', value: 'Redress.Admin', role: 'admin' },
  { claim: 'groups', value: 'g-housing-handlers', role: 'case_handler', team: 'housing' },
];

function configure(overrides = {}) {
  return call('PUT', '/api/v1/admin/oidc', {
    token: adminToken,
    body: {
      enabled: true,
      display_name: 'Council Sign-In',
      issuer: rogue.issuer,
      client_id: ROGUE_CLIENT_ID,
      client_secret_source: `file:${secretFile}`,
      redirect_url: `${server.base}/api/v1/oidc/callback`,
      create_users: true,
      password_sign_in: 'everyone',
      break_glass_username: '',
      role_mappings: MAPPINGS,
      ...overrides,
    },
  });
}

function setScenario(scenario) {
  for (const key of Object.keys(rogue.scenario)) delete rogue.scenario[key];
  Object.assign(rogue.scenario, scenario);
}

// Signs in through the rogue provider (which asks nothing); resolves with where Redress sends
// the browser, its session cookie and the callback address used.
async function rogueSignIn() {
  const start = await fetch(`${server.base}/api/v1/oidc/start`, { redirect: 'manual' });
  assert.equal(start.status, 302);
  const authorize = new URL(start.headers.get('location'));
  assert.equal(`${authorize.origin}${authorize.pathname}`, `${rogue.issuer}/authorize`);
  for (const name of ['state', 'nonce', 'code_challenge']) {
    assert.ok(authorize.searchParams.get(name)?.length >= 43, `${name} is long and random`);
  }
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  const back = await fetch(authorize, { redirect: 'manual' });
  const callback = back.headers.get('location');
  return { ...(await finish(callback)), callback };
}

async function finish(callback) {
  const done = await fetch(callback, { redirect: 'manual' });
  assert.equal(done.status, 302);
  const cookie = (done.headers.get('set-cookie') ?? '').split(';')[0];
  return { location: done.headers.get('location'), cookie };
}

function assertSignedIn(outcome) {
  assert.match(outcome.location, /^\/sign-in\/complete#csrf_token=rdc_[0-9a-f]{64}$/);
  assert.match(outcome.cookie, /^redress_session=rds_/);
}

async function sessionOf(cookie) {
  return call('GET', '/api/v1/session', { headers: { cookie } });
}

// The technical reason of the latest refusal in the audit trail.
function latestRefusal() {
  return query(
    db,
    "SELECT changes FROM events WHERE type = 'sign_in_refused' ORDER BY sequence DESC LIMIT 1",
  );
}

test('before it is configured, the sign-in page offers a password only', async () => {
  const options = await call('GET', '/api/v1/sign-in-options');
  assert.deepEqual(options.body, { password_sign_in: 'everyone', provider_name: null });
  const start = await fetch(`${server.base}/api/v1/oidc/start`, { redirect: 'manual' });
  assert.equal(start.headers.get('location'), '/sign-in?refused=not_configured');
});

test('the configuration names every offending field, and never holds a secret', async () => {
  const refused = await call('PUT', '/api/v1/admin/oidc', {
    token: adminToken,
    body: {
      enabled: true,
      client_secret_source: 'hunter2-in-clear',
      password_sign_in: 'break_glass_only',
      break_glass_username: 'nobody',
      role_mappings: [{ claim: 'groups', value: 'g', role: 'viewer', team: 'no-such-team' }],
    },
  });
  assert.equal(refused.status, 422);
  const fields = refused.body.errors.map((error) => error.field).sort();
  assert.deepEqual(fields, [
    'break_glass_username',
    'client_id',
    'client_secret_source',
    'display_name',
    'issuer',
    'redirect_url',
    'role_mappings[0].team',
  ]);
  const saved = await configure();
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal(saved.body.client_secret_source, `file:${secretFile}`);
  assert.doesNotMatch(query(db, 'SELECT * FROM oidc_settings'), new RegExp(ROGUE_CLIENT_SECRET));
  const options = await call('GET', '/api/v1/sign-in-options');
  assert.deepEqual(options.body, {
    password_sign_in: 'everyone',
    provider_name: 'Council Sign-In',
  });
  const audit = query(db, "SELECT summary FROM events WHERE entity_ref = 'oidc'");
  assert.match(audit, /identity provider configured/);
});

test('the connection test fetches the discovery document and the keys', async () => {
  await configure();
  const tested = await call('POST', '/api/v1/admin/oidc/test', { token: adminToken });
  assert.equal(tested.status, 200, JSON.stringify(tested.body));
  assert.equal(tested.body.issuer, rogue.issuer);
  assert.equal(tested.body.signing_keys, 2);
  assert.equal(tested.body.end_session_endpoint, `${rogue.issuer}/logout`);
  const shown = redress(['oidc', 'show', '--db', db]);
  assert.equal(shown.status, 0, shown.stderr);
  assert.match(shown.stdout, /map roles:Redress.Admin=admin/);
  assert.match(shown.stdout, /map groups:g-housing-handlers=case_handler@housing/);
  const bad = redress(['oidc', 'configure', '--db', db, '--map', 'roles:X=emperor']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /map/);
});

test('a first sign-in creates the user with the mapped role and links it on the subject', async () => {
  await configure();
  setScenario({ subject: 'rita-subject' });
  const outcome = await rogueSignIn();
  assertSignedIn(outcome);
  const session = await sessionOf(outcome.cookie);
  assert.equal(session.status, 200);
  assert.equal(session.body.username, 'rita');
  assert.equal(session.body.role, 'admin');
  assert.equal(session.body.display_name, 'Rita Rogue');
  const link = query(
    db,
    "SELECT subject, email FROM identity_links WHERE subject = 'rita-subject'",
  );
  assert.equal(link.trim(), 'rita-subject|rita@council.example');
  const events = query(db, "SELECT type FROM events WHERE entity_ref = 'rita' ORDER BY sequence");
  assert.deepEqual(events.trim().split('\n'), ['user_created', 'identity_linked', 'signed_in']);
  // The secret went to the token endpoint from its file, with the PKCE verifier.
  const sent = rogue.tokenRequests.at(-1);
  assert.equal(sent.client_secret, ROGUE_CLIENT_SECRET);
  assert.ok(sent.code_verifier.length >= 43);
});

test('an ES256 token is accepted too', async () => {
  await configure();
  setScenario({ subject: 'rita-subject', sign: 'es256' });
  assertSignedIn(await rogueSignIn());
});

test('the same account signs in to the same user; a role change at the provider applies', async () => {
  await configure();
  setScenario({
    subject: 'rita-subject',
    claims: { roles: [], groups: ['g-housing-handlers'], preferred_username: 'someone-else' },
  });
  const outcome = await rogueSignIn();
  assertSignedIn(outcome);
  const session = await sessionOf(outcome.cookie);
  assert.equal(session.body.username, 'rita');
  assert.equal(session.body.role, 'case_handler');
  assert.equal(session.body.team, 'housing');
  assert.match(
    query(db, "SELECT changes FROM events WHERE entity_ref = 'rita' AND type = 'user_updated'"),
    /"after":"case_handler","before":"admin","field":"role"/,
  );
});

test("the provider's email becomes the account's, unless another account has it", async () => {
  await configure();
  const emailOf = (username) =>
    query(db, `SELECT email FROM users WHERE username = '${username}'`).trim();
  assert.equal(emailOf('rita'), 'rita@council.example'); // taken at the first sign-in
  setScenario({ subject: 'rita-subject', claims: { email: 'Rita.Rogue@Council.Example' } });
  assertSignedIn(await rogueSignIn());
  assert.equal(emailOf('rita'), 'Rita.Rogue@Council.Example');
  assert.match(
    query(db, "SELECT changes FROM events WHERE entity_ref = 'rita' AND type = 'user_updated'"),
    /"after":"Rita.Rogue@Council.Example","before":"rita@council.example","field":"email"/,
  );
  // Another account holds the provider's new address (in another case): the sign-in succeeds
  // and keeps the address the account had.
  const sam = await call('PATCH', '/api/v1/users/sam', {
    token: adminToken,
    body: { email: 'shared@council.example' },
  });
  assert.equal(sam.status, 200, JSON.stringify(sam.body));
  setScenario({ subject: 'rita-subject', claims: { email: 'SHARED@council.example' } });
  assertSignedIn(await rogueSignIn());
  assert.equal(emailOf('rita'), 'Rita.Rogue@Council.Example');
});

test('a local account with the same name is never taken over', async () => {
  await configure();
  setScenario({ subject: 'another-sam', claims: { preferred_username: 'sam', email: 'sam@x' } });
  const outcome = await rogueSignIn();
  assertSignedIn(outcome);
  assert.equal((await sessionOf(outcome.cookie)).body.username, 'sam-2');
});

const REFUSALS = [
  ['wrong issuer', { claims: { iss: 'https://evil.example/' } }, /wrong_issuer/],
  ['wrong audience', { claims: { aud: 'someone-else' } }, /wrong_audience/],
  [
    'expired token',
    {
      claims: {
        exp: Math.floor(Date.now() / 1000) - 3600,
        iat: Math.floor(Date.now() / 1000) - 7200,
      },
    },
    /expired/,
  ],
  ['not yet valid', { claims: { nbf: Math.floor(Date.now() / 1000) + 3600 } }, /not_yet_valid/],
  ['bad signature', { sign: 'wrong_key' }, /signature does not verify/],
  ['unknown key', { sign: 'unknown_kid' }, /not in the provider's key set/],
  ['alg none', { sign: 'none' }, /not a signed JWT|alg none is not accepted/],
  ['HMAC keyed with the public key', { sign: 'hs256_public_key' }, /alg HS256 is not accepted/],
  ['mismatched nonce', { claims: { nonce: 'another-nonce' } }, /nonce_mismatch/],
];

for (const [name, scenario, detail] of REFUSALS) {
  test(`refused: ${name}`, async () => {
    await configure();
    setScenario({ subject: 'rita-subject', ...scenario });
    const outcome = await rogueSignIn();
    assert.equal(outcome.location, '/sign-in?refused=invalid_token');
    assert.equal(outcome.cookie, '');
    assert.match(latestRefusal(), detail);
  });
}

test('refused: a replayed code, and a mismatched state', async () => {
  await configure();
  setScenario({ subject: 'rita-subject' });
  const first = await rogueSignIn();
  assertSignedIn(first);
  const replayed = await finish(first.callback);
  assert.equal(replayed.location, '/sign-in?refused=expired');
  assert.equal(replayed.cookie, '');

  const start = await fetch(`${server.base}/api/v1/oidc/start`, { redirect: 'manual' });
  const back = await fetch(start.headers.get('location'), { redirect: 'manual' });
  const forged = new URL(back.headers.get('location'));
  forged.searchParams.set('state', 'f'.repeat(64));
  const mismatched = await finish(forged.toString());
  assert.equal(mismatched.location, '/sign-in?refused=expired');
});

test("refused: the provider's own error, told in its reason", async () => {
  await configure();
  const start = await fetch(`${server.base}/api/v1/oidc/start`, { redirect: 'manual' });
  const state = new URL(start.headers.get('location')).searchParams.get('state');
  const outcome = await finish(
    `${server.base}/api/v1/oidc/callback?error=access_denied&error_description=cancelled&state=${state}`,
  );
  assert.equal(outcome.location, '/sign-in?refused=provider_refused');
  assert.match(latestRefusal(), /access_denied/);
});

test('refused: a user whose mapped role was removed, who loses their sessions', async () => {
  await configure();
  setScenario({ subject: 'rita-subject' });
  const before = await rogueSignIn();
  assertSignedIn(before);
  assert.equal((await sessionOf(before.cookie)).status, 200);
  setScenario({ subject: 'rita-subject', claims: { roles: [], groups: [] } });
  const outcome = await rogueSignIn();
  assert.equal(outcome.location, '/sign-in?refused=no_role');
  assert.equal((await sessionOf(before.cookie)).status, 401);
});

test('refused: a groups overage when no app role maps; an app role still maps', async () => {
  await configure();
  const overage = {
    groups: undefined,
    _claim_names: { groups: 'src1' },
    _claim_sources: { src1: { endpoint: 'https://graph.example/getMemberObjects' } },
  };
  setScenario({ subject: 'rita-subject', claims: { roles: [], ...overage } });
  assert.equal((await rogueSignIn()).location, '/sign-in?refused=groups_overage');
  setScenario({ subject: 'rita-subject', claims: { roles: ['Redress.Admin'], ...overage } });
  assertSignedIn(await rogueSignIn());
});

test('refused: an unlinked account when just-in-time creation is off', async () => {
  await configure({ create_users: false });
  setScenario({ subject: 'a-stranger' });
  assert.equal((await rogueSignIn()).location, '/sign-in?refused=no_account');
  assert.match(latestRefusal(), /just-in-time creation is off/);
});

// Drives the real provider's development login form as `login`; resolves like rogueSignIn.
async function realSignIn(login) {
  const jar = new Map();
  const go = async (url, init = {}) => {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      headers: { ...init.headers, cookie },
      redirect: 'manual',
    });
    for (const set of response.headers.getSetCookie()) {
      const pair = set.split(';')[0];
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  let url = new URL('/api/v1/oidc/start', server.base);
  for (let step = 0; step < 20; step += 1) {
    if (url.origin === server.base && url.pathname.startsWith('/sign-in')) {
      return {
        location: `${url.pathname}${url.search}${url.hash}`,
        cookie: jar.has('redress_session') ? `redress_session=${jar.get('redress_session')}` : '',
      };
    }
    let response = await go(url);
    if (response.status === 200) {
      const html = await response.text();
      const action = /action="([^"]+)"/.exec(html)[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)[1];
      const fields = prompt === 'login' ? { prompt, login, password: 'anything' } : { prompt };
      response = await go(new URL(action, url), {
        method: 'POST',
        body: new URLSearchParams(fields),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    }
    assert.ok([302, 303].includes(response.status), `step ${step}: ${response.status} at ${url}`);
    url = new URL(response.headers.get('location'), url);
  }
  throw new Error('the sign-in did not come back');
}

test('through a real provider: roles and groups map, sign-out ends its session too', async () => {
  const saved = await configure({
    issuer: real.issuer,
    client_id: CLIENT_ID,
    client_secret_source: `env:${SECRET_ENV}`,
  });
  assert.equal(saved.status, 200);
  const alice = await realSignIn('alice');
  assertSignedIn(alice);
  const session = await sessionOf(alice.cookie);
  assert.equal(session.body.username, 'alice');
  assert.equal(session.body.role, 'admin');

  const logout = await call('GET', '/api/v1/oidc/logout', { headers: { cookie: alice.cookie } });
  const end = new URL(logout.body.end_session_url);
  assert.equal(`${end.origin}${end.pathname}`, `${real.issuer}/session/end`);
  assert.equal(end.searchParams.get('client_id'), CLIENT_ID);
  assert.equal(end.searchParams.get('post_logout_redirect_uri'), `${server.base}/`);
  const csrf = alice.location.split('csrf_token=')[1];
  const out = await call('DELETE', '/api/v1/session', {
    headers: { cookie: alice.cookie, 'x-csrf-token': csrf },
  });
  assert.equal(out.status, 204);
  assert.equal((await sessionOf(alice.cookie)).status, 401);

  const harry = await realSignIn('harry');
  assertSignedIn(harry);
  const handler = await sessionOf(harry.cookie);
  assert.equal(handler.body.role, 'case_handler');
  assert.equal(handler.body.team, 'housing');

  // The provider takes Alice's app role away: her next sign-in is refused.
  real.users.alice.roles = [];
  assert.equal((await realSignIn('alice')).location, '/sign-in?refused=no_role');
});

test('password sign-in off for all but the break-glass admin, who signs in with the provider down', async () => {
  const saved = await configure({
    issuer: real.issuer,
    client_id: CLIENT_ID,
    client_secret_source: `env:${SECRET_ENV}`,
    password_sign_in: 'break_glass_only',
    break_glass_username: 'root',
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const options = await call('GET', '/api/v1/sign-in-options');
  assert.equal(options.body.password_sign_in, 'break_glass_only');
  const local = await call('POST', '/api/v1/session', {
    body: { username: 'sam', password: LOCAL_PASSWORD },
  });
  assert.equal(local.status, 403);
  assert.match(local.body.detail, /Sign in with Council Sign-In/);

  await real.stop();
  real = undefined;
  const start = await fetch(`${server.base}/api/v1/oidc/start`, { redirect: 'manual' });
  // Discovery may still be cached; either way no one reaches a provider that is down.
  const location = start.headers.get('location');
  if (location.startsWith('/')) assert.equal(location, '/sign-in?refused=unavailable');
  const root = await call('POST', '/api/v1/session', {
    body: { username: 'root', password: BREAK_GLASS_PASSWORD },
  });
  assert.equal(root.status, 201, JSON.stringify(root.body));
  assert.equal(root.body.role, 'admin');
});
