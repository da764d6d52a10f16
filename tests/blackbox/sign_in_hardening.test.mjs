// Sign-in and accounts under attack and after a compromise: a burst of parallel guesses is
// counted before any password is checked, a new password or a deactivation ends sessions and
// revokes tokens for good, tokens expire, what was typed as an unknown username is not kept, and
// common passwords are refused. Each test signs in from its own loopback address (127.0.0.N), so
// the per-address allowance of one test does not spill into another.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { assertProblem, redress, sqlite, startServe, tempDir } from './helpers.mjs';

const PASSWORD = 'a-long-enough-password';
const NEW_PASSWORD = 'another long passphrase';

let workspace;
let db;
let server;
let adminToken;

function addUser(username, role) {
  const added = redress(
    ['user', 'add', '--db', db, '--username', username, '--role', role, '--password-stdin'],
    { input: `${PASSWORD}\n` },
  );
  assert.equal(added.status, 0, added.stderr);
}

function createToken(username, extra = []) {
  const created = redress(['token', 'create', '--db', db, '--username', username, ...extra]);
  assert.equal(created.status, 0, created.stderr);
  return created.stdout.trim();
}

before(async () => {
  workspace = tempDir();
  db = join(workspace.dir, 'council.db');
  assert.equal(redress(['init', '--db', db]).status, 0);
  addUser('root.admin', 'admin');
  adminToken = createToken('root.admin');
  server = await startServe(db);
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

// A request from `from` (a loopback address); resolves with { status, headers, body }.
function call(method, path, { from = '127.0.0.1', body, token, session, csrf = true } = {}) {
  const url = new URL(path, server.base);
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (session) {
    headers.cookie = session.cookie;
    if (csrf) headers['x-csrf-token'] = session.csrf;
  }
  const text = body === undefined ? undefined : JSON.stringify(body);
  if (text !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        headers,
        localAddress: from,
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          data += chunk;
        });
        res.on('end', () => {
          const type = res.headers['content-type'] ?? '';
          resolve({
            status: res.statusCode,
            headers: new Headers(res.headers),
            body: type.includes('json') && data ? JSON.parse(data) : data,
          });
        });
      },
    );
    req.on('error', reject);
    if (text !== undefined) req.write(text);
    req.end();
  });
}

const signIn = (username, password, from) =>
  call('POST', '/api/v1/session', { body: { username, password }, from });

async function session(username, password, from) {
  const signedIn = await signIn(username, password, from);
  assert.equal(signedIn.status, 201, JSON.stringify(signedIn.body));
  const cookie = signedIn.headers.get('set-cookie').split(';')[0];
  return { cookie, csrf: signedIn.body.csrf_token };
}

test('a burst of 20 parallel guesses with the right password among them is throttled', async () => {
  addUser('burst.target', 'viewer');
  const from = '127.0.0.2';
  const wrong = Array.from({ length: 19 }, (_, i) =>
    signIn('burst.target', `wrong guess ${i}`, from),
  );
  // The right one leaves while the wrong ones are still being checked.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const answers = await Promise.all([...wrong, signIn('burst.target', PASSWORD, from)]);
  const statuses = answers.map((answer) => answer.status);
  assert.ok(!statuses.includes(201), `the burst signed in: ${statuses}`);
  const checked = statuses.filter((status) => status === 401).length;
  const throttled = answers.filter((answer) => answer.status === 429);
  assert.ok(checked <= 3, `only the free attempts are checked, got ${checked} 401s: ${statuses}`);
  assert.ok(throttled.length >= 17, `${statuses}`);
  for (const answer of throttled) {
    assertProblem(assert, answer, 429);
    assert.ok(Number(answer.headers.get('retry-after')) >= 1);
  }
  // And the right password straight after is still refused until the delay is over.
  assert.equal((await signIn('burst.target', PASSWORD, from)).status, 429);
});

test('a new password ends the other sessions and revokes the tokens', async () => {
  addUser('changer', 'admin');
  const from = '127.0.0.3';
  const first = await session('changer', PASSWORD, from);
  const second = await session('changer', PASSWORD, from);
  const token = createToken('changer');
  assert.equal((await call('GET', '/api/v1/session', { session: second })).status, 200);
  assert.equal((await call('GET', '/api/v1/session', { token })).status, 200);

  // Changed by the user in the first session: that one stays, the rest end.
  const changed = await call('PATCH', '/api/v1/users/changer', {
    session: first,
    body: { password: NEW_PASSWORD },
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.equal((await call('GET', '/api/v1/session', { session: first })).status, 200);
  assertProblem(assert, await call('GET', '/api/v1/session', { session: second }), 401);
  assertProblem(assert, await call('GET', '/api/v1/session', { token }), 401);

  // Changed by an admin: every session of the user ends.
  const changedByAdmin = await call('PATCH', '/api/v1/users/changer', {
    token: adminToken,
    body: { password: 'a third long passphrase' },
  });
  assert.equal(changedByAdmin.status, 200, JSON.stringify(changedByAdmin.body));
  assertProblem(assert, await call('GET', '/api/v1/session', { session: first }), 401);
  const events = sqlite(
    db,
    "SELECT changes FROM events WHERE entity_ref = 'changer' AND type = 'user_updated';",
  );
  assert.match(events, /tokens_revoked/);
  assert.match(events, /sessions_ended/);
});

test('reactivating a user does not bring their tokens or sessions back', async () => {
  addUser('sleeper', 'viewer');
  const token = createToken('sleeper');
  const signedIn = await session('sleeper', PASSWORD, '127.0.0.4');
  const patch = (active) =>
    call('PATCH', '/api/v1/users/sleeper', { token: adminToken, body: { active } });
  assert.equal((await patch(false)).status, 200);
  assertProblem(assert, await call('GET', '/api/v1/session', { token }), 401);
  assert.equal((await patch(true)).status, 200);
  assertProblem(assert, await call('GET', '/api/v1/session', { token }), 401);
  assertProblem(assert, await call('GET', '/api/v1/session', { session: signedIn }), 401);
  const live = sqlite(
    db,
    'SELECT count(*) FROM api_tokens JOIN users ON users.id = user_id ' +
      "WHERE username = 'sleeper' AND revoked_at IS NULL;",
  );
  assert.equal(live.trim(), '0');
  // A new token works again.
  const fresh = createToken('sleeper');
  assert.equal((await call('GET', '/api/v1/session', { token: fresh })).status, 200);
});

test('tokens expire, and an expired token is refused exactly like an unknown one', async () => {
  addUser('integrator', 'viewer');
  const token = createToken('integrator', ['--expires-in-days', '30']);
  assert.equal((await call('GET', '/api/v1/session', { token })).status, 200);
  const stored = sqlite(
    db,
    "SELECT expires_on > date('now', '+29 days') FROM api_tokens ORDER BY id DESC LIMIT 1;",
  );
  assert.equal(stored.trim(), '1');

  // Time passing, as far as the token is concerned.
  sqlite(
    db,
    "UPDATE api_tokens SET expires_on = date('now') WHERE id = (SELECT max(id) FROM api_tokens);",
  );
  const expired = await call('GET', '/api/v1/session', { token });
  const unknown = await call('GET', '/api/v1/session', { token: `rdt_${'0'.repeat(64)}` });
  assertProblem(assert, expired, 401);
  assert.deepEqual({ ...expired.body, instance: '' }, { ...unknown.body, instance: '' });

  // Through the API: an optional expires_on, after today.
  const own = await call('POST', '/api/v1/tokens', {
    token: createToken('integrator'),
    body: { label: 'nightly export', expires_on: '2099-01-01' },
  });
  assert.equal(own.status, 422, 'more than the longest lifetime away');
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const made = await call('POST', '/api/v1/tokens', {
    token: createToken('integrator'),
    body: { label: 'nightly export', expires_on: tomorrow },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.equal(made.body.expires_on, tomorrow);
  const past = await call('POST', '/api/v1/tokens', {
    token: made.body.token,
    body: { label: 'old', expires_on: '2020-01-01' },
  });
  assertProblem(assert, past, 422, 'expires_on');

  const refused = redress([
    'token',
    'create',
    '--db',
    db,
    '--username',
    'integrator',
    '--expires-on',
    '2020-01-01',
  ]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /--expires-on/);
});

test('a failed sign-in with a username nobody has keeps nothing of what was typed', async () => {
  const typed = 'Hunter2-Typed-In-The-Username-Box';
  const failed = await signIn(typed, 'whatever password', '127.0.0.6');
  assertProblem(assert, failed, 401);
  assert.equal(sqlite(db, 'PRAGMA wal_checkpoint(TRUNCATE);').trim().split('|')[0], '0');
  // Every file beside the database (the folder of attached files, <db>.files, is empty here).
  for (const entry of readdirSync(workspace.dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const { name } = entry;
    const bytes = readFileSync(join(workspace.dir, name));
    assert.equal(bytes.indexOf(typed), -1, `${name} holds what was typed`);
    assert.equal(bytes.indexOf(Buffer.from(typed, 'utf16le')), -1, `${name} holds it as UTF-16`);
  }
  const recorded = sqlite(
    db,
    "SELECT count(*) FROM events WHERE type = 'sign_in_failed' " +
      "AND entity_ref = '(unknown username)';",
  );
  assert.equal(recorded.trim(), '1', 'the attempt itself is in the audit trail');
});

test('common and guessable passwords are refused, naming the field or option', async () => {
  const added = await call('POST', '/api/v1/users', {
    token: adminToken,
    body: { username: 'weak.user', role: 'viewer', password: 'password123456' },
  });
  assertProblem(assert, added, 422, 'password');
  const changed = await call('PATCH', '/api/v1/users/root.admin', {
    token: adminToken,
    body: { password: 'root.admin1234567' },
  });
  assertProblem(assert, changed, 422, 'password');
  const cli = redress(
    ['user', 'add', '--db', db, '--username', 'weak.user', '--role', 'viewer', '--password-stdin'],
    { input: 'password123456\n' },
  );
  assert.equal(cli.status, 2);
  assert.match(cli.stderr, /--password-stdin/);
  const short = redress(
    ['user', 'add', '--db', db, '--username', 'weak.user', '--role', 'viewer', '--password-stdin'],
    { input: 'short\n' },
  );
  assert.equal(short.status, 2);
  // A long passphrase of ordinary words needs no digits or symbols.
  const fine = await call('POST', '/api/v1/users', {
    token: adminToken,
    body: { username: 'good.user', role: 'viewer', password: 'walnut orchard lantern' },
  });
  assert.equal(fine.status, 201, JSON.stringify(fine.body));
});
