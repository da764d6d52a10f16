// Signing in to the web app, CSRF, signing out, the throttling of failed sign-ins, API tokens and
// restricted (children's) cases, against the real `redress serve` on a demo council.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { demoDatabase, query, redress, startServe, tempDir } from './helpers.mjs';

const PASSWORD = 'redress-demo-password';
const PROBLEM = 'application/problem+json';

let workspace;
let db;
let server;

before(async () => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'council.db', ['--seed', '2', '--today', '2022-06-30']);
  server = await startServe(db);
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

// Sends a request; `session` ({ cookie, csrf }) signs it with the cookie and, when `csrf` is
// true, the CSRF token; `token` signs it with a bearer token instead.
async function call(method, path, { session, csrf = true, token, body, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (session) {
    init.headers.cookie = session.cookie;
    if (csrf) init.headers['x-csrf-token'] = session.csrf;
  }
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${server.base}${path}`, init);
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    body: type.includes('json') && text ? JSON.parse(text) : text,
  };
}

async function signIn(username, password = PASSWORD) {
  return call('POST', '/api/v1/session', { body: { username, password } });
}

// Signs in and returns the session to send back: the cookie's name=value and the CSRF token.
async function session(username) {
  const signedIn = await signIn(username);
  assert.equal(signedIn.status, 201, JSON.stringify(signedIn.body));
  const cookie = signedIn.headers.get('set-cookie').split(';')[0];
  return { cookie, csrf: signedIn.body.csrf_token };
}

function assertProblem(result, status, field) {
  assert.equal(result.status, status, JSON.stringify(result.body));
  assert.equal(result.headers.get('content-type'), PROBLEM);
  if (field) {
    const fields = (result.body.errors ?? []).map((error) => error.field);
    assert.ok(fields.includes(field), `expected ${field} in ${JSON.stringify(result.body)}`);
  }
}

const complaint = {
  regime: 'housing',
  received_on: '2025-02-03',
  channel: 'email',
  service_area: 'housing',
  category: 'repairs',
  summary: 'Broken boiler',
  description: 'No heating for a week.',
  complainant: { name: 'Bea Example', email: 'bea@example.org' },
};

function complaintsAfter2025() {
  return Number(query(db, "SELECT count(*) FROM complaints WHERE received_on >= '2025-01-01'"));
}

test('signing in sets an HttpOnly, SameSite=Strict session cookie and tells who it is', async () => {
  const signedIn = await signIn('amira.khan');
  assert.equal(signedIn.status, 201, JSON.stringify(signedIn.body));
  assert.equal(signedIn.body.username, 'amira.khan');
  assert.equal(signedIn.body.display_name, 'Amira Khan');
  assert.equal(signedIn.body.role, 'complaints_officer');
  assert.equal(signedIn.body.team, 'housing-services');
  assert.match(signedIn.body.csrf_token, /^rdc_[0-9a-f]{64}$/);
  const setCookie = signedIn.headers.get('set-cookie');
  assert.match(setCookie, /^redress_session=rds_[0-9a-f]{64};/);
  const attributes = setCookie.split(';').map((part) => part.trim());
  assert.ok(attributes.includes('HttpOnly'), setCookie);
  assert.ok(attributes.includes('SameSite=Strict'), setCookie);
  assert.ok(attributes.includes('Path=/'), setCookie);
  assert.ok(!attributes.includes('Secure'), 'plain http by default');

  const cookie = setCookie.split(';')[0];
  const who = await call('GET', '/api/v1/session', { session: { cookie }, csrf: false });
  assert.equal(who.status, 200, JSON.stringify(who.body));
  assert.equal(who.body.username, 'amira.khan');
  assert.equal(who.body.csrf_token, undefined);

  // Only hashes are stored.
  const stored = query(db, 'SELECT token_hash, csrf_token_hash FROM sessions');
  assert.ok(!stored.includes(cookie.split('=')[1]));
  assert.ok(!stored.includes(signedIn.body.csrf_token));

  assertProblem(await call('GET', '/api/v1/session'), 401);
});

test('redress serve --secure-cookies marks the cookie Secure', async () => {
  const secure = await startServe(db, ['--secure-cookies']);
  try {
    const response = await fetch(`${secure.base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'amira.khan', password: PASSWORD }),
    });
    assert.equal(response.status, 201);
    const attributes = response.headers
      .get('set-cookie')
      .split(';')
      .map((part) => part.trim());
    assert.ok(attributes.includes('Secure'));
    assert.ok(attributes.includes('HttpOnly'));
  } finally {
    await secure.stop();
  }
});

test('a cookie request that changes state needs X-CSRF-Token', async () => {
  const amira = await session('amira.khan');
  const before = complaintsAfter2025();

  const without = await call('POST', '/api/v1/complaints', {
    session: amira,
    csrf: false,
    body: complaint,
  });
  assertProblem(without, 403, 'X-CSRF-Token');
  const wrong = await call('POST', '/api/v1/complaints', {
    session: { ...amira, csrf: 'rdc_' + '0'.repeat(64) },
    body: complaint,
  });
  assertProblem(wrong, 403, 'X-CSRF-Token');
  assert.equal(complaintsAfter2025(), before, 'nothing was logged');

  // Reading needs no CSRF token.
  const list = await call('GET', '/api/v1/complaints?limit=1', { session: amira, csrf: false });
  assert.equal(list.status, 200);

  const logged = await call('POST', '/api/v1/complaints', { session: amira, body: complaint });
  assert.equal(logged.status, 201, JSON.stringify(logged.body));
  assert.equal(complaintsAfter2025(), before + 1);
});

test('signing out ends the session', async () => {
  const emma = await session('emma.hughes');
  assert.equal((await call('GET', '/api/v1/session', { session: emma })).status, 200);
  assertProblem(
    await call('DELETE', '/api/v1/session', { session: emma, csrf: false }),
    403,
    'X-CSRF-Token',
  );
  const out = await call('DELETE', '/api/v1/session', { session: emma });
  assert.equal(out.status, 204);
  assert.match(out.headers.get('set-cookie'), /^redress_session=;.*Max-Age=0/);
  assertProblem(await call('GET', '/api/v1/session', { session: emma }), 401);
  assertProblem(await call('GET', '/api/v1/complaints', { session: emma }), 401);
  const types = query(db, "SELECT type FROM events WHERE entity_ref = 'emma.hughes'");
  assert.match(types, /signed_in/);
  assert.match(types, /signed_out/);
});

test('repeated failed sign-ins are slowed, then refused even with the right password', async () => {
  const wrong = await signIn('tom.baker', 'not-the-password');
  assertProblem(wrong, 401);
  // An unknown user gets exactly the same answer.
  const unknown = await signIn('nobody.here', 'not-the-password');
  assertProblem(unknown, 401);
  assert.equal(unknown.body.detail, wrong.body.detail);
  assert.equal(unknown.body.title, wrong.body.title);

  assertProblem(await signIn('tom.baker', 'not-the-password'), 401);
  assertProblem(await signIn('tom.baker', 'not-the-password'), 401);
  // Three failures: the next attempt is refused for a while, whatever the password.
  const refused = await signIn('tom.baker');
  assertProblem(refused, 429);
  const retryAfter = Number(refused.headers.get('retry-after'));
  assert.ok(retryAfter >= 1, `Retry-After ${refused.headers.get('retry-after')}`);
  assert.equal(refused.headers.get('set-cookie'), null);

  // The count is in the database, so a restart does not reset it.
  assert.equal(
    query(
      db,
      "SELECT consecutive_failures FROM sign_in_attempts WHERE username = 'tom.baker'",
    ).trim(),
    '3',
  );
  const failures = query(
    db,
    "SELECT count(*) FROM events WHERE type = 'sign_in_failed' AND entity_ref = 'tom.baker'",
  );
  assert.equal(failures.trim(), '3');

  // After the delay the right password works again and resets the count.
  await new Promise((resolve) => setTimeout(resolve, (retryAfter + 1) * 1000));
  const signedIn = await signIn('tom.baker');
  assert.equal(signedIn.status, 201, JSON.stringify(signedIn.body));
  assert.equal(
    query(
      db,
      "SELECT consecutive_failures FROM sign_in_attempts WHERE username = 'tom.baker'",
    ).trim(),
    '0',
  );
});

test('ten failures lock the username, and the lock survives a restart', async () => {
  // Ten consecutive failures as if made earlier (waiting out every delay would take minutes).
  const now = Math.floor(Date.now() / 1000);
  query(
    db,
    'INSERT INTO sign_in_attempts (username, consecutive_failures, last_failure_at) ' +
      `VALUES ('liam.walsh', 10, ${now})`,
  );
  await server.stop();
  server = await startServe(db);
  const locked = await signIn('liam.walsh');
  assertProblem(locked, 429);
  const retryAfter = Number(locked.headers.get('retry-after'));
  assert.ok(retryAfter > 14 * 60 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
});

test('an API token made in the web app works until it is revoked', async () => {
  const emma = await session('emma.hughes');
  const created = await call('POST', '/api/v1/tokens', {
    session: emma,
    body: { label: 'CRM integration' },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.match(created.body.token, /^rdt_[0-9a-f]{64}$/);
  assert.equal(created.body.label, 'CRM integration');
  const { token, id } = created.body;

  const ok = await call('GET', '/api/v1/complaints?limit=1', { token });
  assert.equal(ok.status, 200);
  // A bearer request needs no CSRF token.
  const listed = await call('GET', '/api/v1/tokens', { token });
  assert.equal(listed.status, 200);
  const mine = listed.body.items.find((item) => item.id === id);
  assert.deepEqual(Object.keys(mine).sort(), [
    'created_at',
    'expires_on',
    'id',
    'label',
    'revoked_at',
  ]);
  assert.equal(mine.revoked_at, null);
  assert.equal(mine.expires_on, null);

  // Another user (not an admin) cannot see or revoke it.
  const amira = await session('amira.khan');
  assertProblem(await call('DELETE', `/api/v1/tokens/${id}`, { session: amira }), 404);

  const revoked = await call('DELETE', `/api/v1/tokens/${id}`, { session: emma });
  assert.equal(revoked.status, 204);
  assertProblem(await call('GET', '/api/v1/complaints?limit=1', { token }), 401);
  const after = await call('GET', '/api/v1/tokens', { session: emma });
  assert.notEqual(after.body.items.find((item) => item.id === id).revoked_at, null);
  assert.match(
    query(db, `SELECT type FROM events WHERE entity_type = 'token' AND entity_ref = 'emma.hughes'`),
    /token_revoked/,
  );
});

test('redress token revoke stops a token', async () => {
  const created = redress(['token', 'create', '--db', db, '--username', 'oliver.grant']);
  assert.equal(created.status, 0, created.stderr);
  const token = created.stdout.trim();
  assert.equal((await call('GET', '/api/v1/complaints?limit=1', { token })).status, 200);
  const id = query(db, 'SELECT max(id) FROM api_tokens').trim();
  const revoked = redress(['token', 'revoke', '--db', db, '--id', id]);
  assert.equal(revoked.status, 0, revoked.stderr);
  assertProblem(await call('GET', '/api/v1/complaints?limit=1', { token }), 401);
});

test("a restricted children's complaint is invisible outside its teams", async () => {
  const reference = query(
    db,
    'SELECT c.reference FROM complaints c WHERE c.restricted AND EXISTS (SELECT 1 FROM ' +
      "complaint_stages s WHERE s.complaint_id = c.id AND s.team = 'childrens-services') " +
      'ORDER BY c.reference LIMIT 1',
  ).trim();
  assert.match(reference, /^CMP-/, 'the demo has a restricted case');
  const received = query(
    db,
    `SELECT received_on FROM complaints WHERE reference = '${reference}'`,
  ).trim();
  const listPath =
    `/api/v1/complaints?regime=children&received_from=${received}` +
    `&received_to=${received}&limit=200`;

  const housing = await session('emma.hughes');
  const hidden = await call('GET', `/api/v1/complaints/${reference}`, { session: housing });
  assertProblem(hidden, 404);
  const missing = await call('GET', '/api/v1/complaints/CMP-1999-999999', { session: housing });
  assert.equal(
    hidden.body.detail.replace(reference, 'X'),
    missing.body.detail.replace('CMP-1999-999999', 'X'),
  );
  assertProblem(
    await call('GET', `/api/v1/complaints/${reference}/timeline`, { session: housing }),
    404,
  );
  assertProblem(
    await call('POST', `/api/v1/complaints/${reference}/extend`, {
      session: housing,
      body: { working_days: 5, reason: 'waiting for a report' },
      headers: { 'if-match': '"1"' },
    }),
    404,
  );
  const housingList = await call('GET', listPath, { session: housing });
  assert.equal(housingList.status, 200);
  assert.ok(!housingList.body.items.some((item) => item.reference === reference));

  const childrens = await session('chloe.wright');
  const seen = await call('GET', `/api/v1/complaints/${reference}`, { session: childrens });
  assert.equal(seen.status, 200, JSON.stringify(seen.body));
  assert.equal(seen.body.restricted, true);
  const childrensList = await call('GET', listPath, { session: childrens });
  assert.ok(childrensList.body.items.some((item) => item.reference === reference));
});
