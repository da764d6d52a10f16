// The HTTP API against the real `redress serve` on a demo council: a housing complaint from phone
// call to stage 2 answer, optimistic concurrency, strict input, authentication, operations
// endpoints and a graceful stop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import {
  apiClient,
  assertProblem as assertProblemOf,
  bin,
  filesFolderFor,
  redress,
  tempDir,
  testDatabase,
} from './helpers.mjs';

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

let workspace;
let server;
let serverExit;
let base;
const tokens = {};
const logLines = [];

// Starts `redress serve` on any free port and resolves with its base URL once it listens.
function startServer(db) {
  server = spawn(
    bin,
    ['serve', '--db', db, '--port', '0', '--threads', '4', ...filesFolderFor(db)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  serverExit = once(server, 'exit');
  const lines = createInterface({ input: server.stdout });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start')), START_TIMEOUT_MS);
    server.once('exit', (code) => reject(new Error(`the server exited early with ${code}`)));
    lines.on('line', (line) => {
      const entry = JSON.parse(line);
      logLines.push(entry);
      if (entry.message === 'listening') {
        clearTimeout(timer);
        resolve(entry.address);
      }
    });
  });
}

// Resolves with the first log line matching `predicate`; the server writes a request's line
// before answering, but this process may read it a little later.
async function logLine(predicate) {
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const found = logLines.find(predicate);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no such log line');
}

async function waitUntilReady() {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/readyz`);
      if (response.status === 200) return;
    } catch {
      // not accepting yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the server never became ready');
}

// Sends a request as `user` (a key of tokens, or null for none); returns the response and its
// parsed body (JSON when the content type says so, text otherwise).
function call(method, path, { user = 'amira', ...options } = {}) {
  return apiClient(base)(method, path, { token: user ? tokens[user] : undefined, ...options });
}

function assertProblem(result, status, field) {
  assertProblemOf(assert, result, status, field);
}

const complaint = {
  regime: 'housing',
  received_on: '2024-12-20',
  channel: 'phone',
  service_area: 'housing',
  category: 'repairs',
  summary: 'Leaking roof in the back bedroom',
  description: 'Water has come through the ceiling since the storm; reported twice.',
  desired_outcome: 'Repair the roof and redecorate',
  complainant: {
    name: 'Ann Example',
    email: 'ann@example.org',
    phone: '01632 960001',
    address: '1 Example Road',
    postcode: 'EX1 1AA',
  },
  handler: 'emma.hughes',
};

function addWorkingDays(from, days) {
  const result = redress(['calendar', 'add-working-days', '--from', from, '--days', String(days)]);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim();
}

async function countOurComplaints() {
  // The demo's history ends in June 2022; only this test logs complaints received later.
  const list = await call('GET', '/api/v1/complaints?received_from=2024-01-01&limit=200');
  assert.equal(list.status, 200);
  return list.body.items.length;
}

before(async () => {
  workspace = tempDir();
  const db = testDatabase(workspace.dir, 'council.db');
  for (const args of [
    ['init', '--db', db],
    ['demo', '--db', db, '--seed', '2', '--today', '2022-06-30'],
  ]) {
    const result = redress(args);
    assert.equal(result.status, 0, result.stderr);
  }
  for (const [user, username] of [
    ['amira', 'amira.khan'],
    ['emma', 'emma.hughes'],
    ['oliver', 'oliver.grant'],
  ]) {
    const result = redress(['token', 'create', '--db', db, '--username', username]);
    assert.equal(result.status, 0, result.stderr);
    tokens[user] = result.stdout.trim();
  }
  base = await startServer(db);
  await waitUntilReady();
});

after(() => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  workspace?.cleanup();
});

test('a housing complaint from phone call to the stage 2 answer', async () => {
  const logged = await call('POST', '/api/v1/complaints', { body: complaint });
  assert.equal(logged.status, 201, JSON.stringify(logged.body));
  const reference = logged.body.reference;
  assert.match(reference, /^CMP-2024-\d{6}$/);
  assert.equal(logged.headers.get('location'), `/api/v1/complaints/${reference}`);
  assert.equal(logged.headers.get('etag'), '"1"');
  assert.equal(logged.body.stage, 1);
  assert.equal(logged.body.status, 'awaiting_acknowledgement');
  // Received Friday 20 December 2024: five working days later is Tuesday 31 December.
  assert.equal(logged.body.acknowledge_by, '2024-12-31');
  assert.equal(logged.body.acknowledge_by, addWorkingDays('2024-12-20', 5));
  assert.equal(logged.body.stages[0].team, 'housing-services');
  assert.equal(logged.body.complainant.postcode, 'EX1 1AA');
  const path = `/api/v1/complaints/${reference}`;

  const fetched = await call('GET', path);
  assert.equal(fetched.status, 200);
  assert.equal(fetched.headers.get('etag'), '"1"');
  assert.equal(fetched.body.reference, reference);
  assert.equal(fetched.body.timeline.length, 1);
  assert.equal(typeof fetched.body.stages[0].working_days_left, 'number');

  const missing = await call('POST', `${path}/acknowledge`, {
    user: 'emma',
    body: { on: '2024-12-23' },
  });
  assertProblem(missing, 428);

  const acknowledged = await call('POST', `${path}/acknowledge`, {
    user: 'emma',
    body: { on: '2024-12-23' },
    headers: { 'if-match': fetched.headers.get('etag') },
  });
  assert.equal(acknowledged.status, 200, JSON.stringify(acknowledged.body));
  assert.equal(acknowledged.headers.get('etag'), '"2"');
  assert.equal(acknowledged.body.status, 'in_progress');
  assert.equal(acknowledged.body.respond_by, addWorkingDays('2024-12-23', 10));

  const stale = await call('POST', `${path}/acknowledge`, {
    user: 'emma',
    body: { on: '2024-12-23' },
    headers: { 'if-match': '"1"' },
  });
  assertProblem(stale, 412);

  const noRootCause = await call('POST', `${path}/respond`, {
    user: 'emma',
    body: { on: '2025-01-07', outcome: 'upheld', root_causes: [], remedies: [{ type: 'apology' }] },
    headers: { 'if-match': '"2"' },
  });
  assertProblem(noRootCause, 422, 'root_causes');
  const unchanged = await call('GET', path);
  assert.equal(unchanged.headers.get('etag'), '"2"');
  assert.equal(unchanged.body.status, 'in_progress');

  const responded = await call('POST', `${path}/respond`, {
    user: 'emma',
    body: {
      on: '2025-01-07',
      outcome: 'partly_upheld',
      root_causes: ['contractor-performance'],
      remedies: [
        { type: 'apology' },
        { type: 'financial', amount_pence: 7500, description: 'time and trouble' },
      ],
      actions: [{ description: 'Replace the flashing', due_on: '2025-02-14', owner: 'repairs' }],
      learning: 'Check roof repairs after storms within a week',
    },
    headers: { 'if-match': '"2"' },
  });
  assert.equal(responded.status, 200, JSON.stringify(responded.body));
  assert.equal(responded.body.status, 'responded');
  const response = responded.body.stages[0].response;
  assert.equal(response.outcome, 'partly_upheld');
  assert.equal(response.remedies[1].amount_pence, 7500);
  assert.equal(response.responded_by, 'emma.hughes');
  assert.equal('working_days_left' in responded.body.stages[0], false);

  const escalated = await call('POST', `${path}/escalate`, {
    body: { requested_on: '2025-01-20', reason: 'The repair is still not done' },
    headers: { 'if-match': responded.headers.get('etag') },
  });
  assert.equal(escalated.status, 200, JSON.stringify(escalated.body));
  assert.equal(escalated.body.stage, 2);
  assert.equal(escalated.body.status, 'awaiting_acknowledgement');
  assert.equal(escalated.body.acknowledge_by, addWorkingDays('2025-01-20', 5));
  // Housing is designated: stage 2 goes to the independent complaints team.
  assert.equal(escalated.body.stages[1].team, 'independent-complaints');
  const stage2 = {
    on: '2025-02-10',
    outcome: 'upheld',
    root_causes: ['delay'],
    remedies: [{ type: 'works', description: 'Roof repaired' }],
    learning: 'Escalate repeat roof leaks to the surveyor',
  };

  const byStage1Handler = await call('POST', `${path}/respond`, {
    user: 'emma',
    body: stage2,
    headers: { 'if-match': escalated.headers.get('etag') },
  });
  assertProblem(byStage1Handler, 409);

  const closed = await call('POST', `${path}/respond`, {
    user: 'oliver',
    body: stage2,
    headers: { 'if-match': escalated.headers.get('etag') },
  });
  assert.equal(closed.status, 200, JSON.stringify(closed.body));
  assert.equal(closed.body.status, 'closed');
  assert.equal(closed.body.closed_on, '2025-02-10');
  assert.equal(closed.body.stages[1].response.responded_by, 'oliver.grant');

  const timeline = await call('GET', `${path}/timeline`);
  assert.equal(timeline.status, 200);
  assert.deepEqual(
    timeline.body.map((event) => event.type),
    ['logged', 'acknowledged', 'responded', 'escalated', 'responded'],
  );
  const first = timeline.body[0];
  for (const key of [
    'sequence',
    'type',
    'occurred_on',
    'recorded_at',
    'actor',
    'stage',
    'summary',
    'changes',
  ]) {
    assert.ok(key in first, key);
  }
  assert.equal(first.actor, 'amira.khan');
  assert.equal(timeline.body[4].actor, 'oliver.grant');
  assert.equal(timeline.body[4].stage, 2);

  assertProblem(await call('GET', '/api/v1/complaints/CMP-2024-999999'), 404);
  assertProblem(await call('GET', '/api/v1/complaints/CMP-2024-999999/timeline'), 404);
});

test('malformed requests get their 4xx problem and change nothing', async (t) => {
  const before = await countOurComplaints();
  const post = (body, headers = {}) => ({
    method: 'POST',
    path: '/api/v1/complaints',
    body,
    headers,
  });
  const cases = [
    {
      name: 'bad JSON',
      ...post(undefined),
      raw: '{"regime": "housing",',
      type: 'application/json',
      status: 400,
      field: 'body',
    },
    {
      name: 'unknown field',
      ...post({ ...complaint, colour: 'red' }),
      status: 400,
      field: 'colour',
    },
    {
      name: 'unknown nested field',
      ...post({ ...complaint, complainant: { ...complaint.complainant, age: 40 } }),
      status: 400,
      field: 'complainant.age',
    },
    { name: 'wrong type', ...post({ ...complaint, summary: 42 }), status: 400, field: 'summary' },
    {
      name: 'impossible date',
      ...post({ ...complaint, received_on: '2023-02-29' }),
      status: 422,
      field: 'received_on',
    },
    {
      name: 'British date',
      ...post({ ...complaint, received_on: '31/12/2024' }),
      status: 422,
      field: 'received_on',
    },
    {
      name: 'unknown enum',
      ...post({ ...complaint, channel: 'fax' }),
      status: 422,
      field: 'channel',
    },
    {
      name: 'not an email address',
      ...post({
        ...complaint,
        complainant: { ...complaint.complainant, email: 'ann.example.org' },
      }),
      status: 422,
      field: 'complainant.email',
      code: 'invalid_email',
    },
    {
      name: 'unknown service area',
      ...post({ ...complaint, service_area: 'moon' }),
      status: 422,
      field: 'service_area',
    },
    {
      name: 'body over 1 MiB',
      ...post(undefined),
      raw: JSON.stringify({ ...complaint, description: 'x'.repeat(1024 * 1024) }),
      type: 'application/json',
      status: 413,
      field: 'Content-Length',
    },
    {
      name: 'wrong content type',
      ...post(undefined),
      raw: JSON.stringify(complaint),
      type: 'text/plain',
      status: 415,
      field: 'Content-Type',
    },
    { name: 'unknown route', method: 'GET', path: '/api/v1/nothing-here', status: 404 },
    {
      name: 'wrong method',
      method: 'DELETE',
      path: '/api/v1/complaints',
      status: 405,
      field: 'Method',
    },
    {
      name: 'bad list parameter',
      method: 'GET',
      path: '/api/v1/complaints?limit=0',
      status: 422,
      field: 'limit',
    },
    {
      name: 'unknown list parameter',
      method: 'GET',
      path: '/api/v1/complaints?colour=red',
      status: 400,
      field: 'colour',
    },
  ];
  for (const c of cases) {
    const headers = c.type ? { 'content-type': c.type } : {};
    const result = await call(c.method, c.path, { body: c.body, raw: c.raw, headers });
    await t.test(c.name, () => {
      assertProblem(result, c.status, c.field);
      if (c.code) {
        const named = result.body.errors.find((error) => error.field === c.field);
        assert.equal(named.code, c.code);
      }
    });
    if (c.status === 405) assert.equal(result.headers.get('allow'), 'GET, POST');
  }
  assert.equal(await countOurComplaints(), before);
});

test('no token, a bad token: 401 with a Bearer challenge', async () => {
  const none = await call('GET', '/api/v1/complaints', { user: null });
  assertProblem(none, 401);
  assert.equal(none.headers.get('www-authenticate'), 'Bearer');
  const bad = await call('GET', '/api/v1/complaints', {
    user: null,
    headers: { authorization: `Bearer rdt_${'0'.repeat(64)}` },
  });
  assertProblem(bad, 401);
  assert.match(bad.headers.get('www-authenticate'), /^Bearer/);
});

test('a role that does not allow the action: 403, whatever the case', async () => {
  // Case handlers handle stages; recording an escalation is the complaints officer's.
  const forbidden = await call('POST', '/api/v1/complaints/CMP-2021-000001/escalate', {
    user: 'emma',
    body: {},
    headers: { 'if-match': '"1"' },
  });
  assertProblem(forbidden, 403);
  await logLine((line) => line.status === 403 && line.actor === 'emma.hughes');
});

test('service requests: log, read, convert into a complaint, which alone can close it', async () => {
  const logged = await call('POST', '/api/v1/service-requests', {
    body: {
      channel: 'phone',
      received_on: '2025-01-06',
      service_area: 'housing',
      category: 'repairs',
      summary: 'Boiler not working',
      description: 'No heating or hot water since Friday.',
      requester: { name: 'Bob Example', phone: '01632 960002' },
    },
  });
  assert.equal(logged.status, 201, JSON.stringify(logged.body));
  const reference = logged.body.reference;
  assert.match(reference, /^SR-2025-\d{6}$/);
  const read = await call('GET', `/api/v1/service-requests/${reference}`);
  assert.equal(read.status, 200);
  assert.equal(read.body.status, 'open');

  const converted = await call('POST', `/api/v1/service-requests/${reference}/convert`, {
    body: { regime: 'housing', received_on: '2025-01-08' },
  });
  assert.equal(converted.status, 201, JSON.stringify(converted.body));
  assert.equal(converted.body.service_request_reference, reference);
  assert.equal(converted.body.summary, 'Boiler not working');

  // Converted, the request is the complaint's to close: resolving it on its own is refused.
  const resolved = await call('POST', `/api/v1/service-requests/${reference}/resolve`, {
    user: 'emma',
    body: { on: '2025-01-09', resolution: 'Boiler replaced' },
  });
  assertProblem(resolved, 409);
  assert.match(resolved.body.detail, new RegExp(converted.body.reference));
  const after = await call('GET', `/api/v1/service-requests/${reference}`);
  assert.equal(after.body.status, 'open');
  assert.equal(after.body.complaint_reference, converted.body.reference);
});

test('lists filter, page with a cursor and echo the request id', async () => {
  const first = await call('GET', '/api/v1/complaints?regime=housing&limit=3&sort=-received_on', {
    headers: { 'x-request-id': 'bb-list-1' },
  });
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('x-request-id'), 'bb-list-1');
  assert.equal(first.body.items.length, 3);
  assert.ok(first.body.items.every((row) => row.regime === 'housing'));
  assert.ok(first.body.next_cursor);
  const next = await call(
    'GET',
    `/api/v1/complaints?regime=housing&limit=3&sort=-received_on&cursor=${encodeURIComponent(first.body.next_cursor)}`,
  );
  assert.equal(next.status, 200);
  const seen = new Set(first.body.items.map((row) => row.reference));
  assert.ok(next.body.items.every((row) => !seen.has(row.reference)));
  assert.ok(next.body.items[0].received_on <= first.body.items[2].received_on);
  const searched = await call('GET', '/api/v1/complaints?text=leaking+ro&received_from=2024-01-01');
  assert.equal(searched.status, 200);
  assert.deepEqual(
    searched.body.items.map((row) => row.summary),
    ['Leaking roof in the back bedroom'],
  );
  assert.equal(searched.body.next_cursor, null);

  const line = await logLine((entry) => entry.request_id === 'bb-list-1');
  assert.equal(line.route, '/api/v1/complaints');
  assert.equal(line.path, '/api/v1/complaints');
  assert.equal(line.method, 'GET');
  assert.equal(line.actor, 'amira.khan');
  assert.equal(line.status, 200);
  assert.equal(typeof line.duration_ms, 'number');
  assert.match(line.ts, /^\d{4}-\d{2}-\d{2}T/);
});

test('healthz, readyz, metrics and the OpenAPI document are public', async () => {
  const health = await call('GET', '/healthz', { user: null });
  assert.equal(health.status, 200);
  assert.deepEqual(health.body, { status: 'ok' });
  assert.equal((await call('GET', '/readyz', { user: null })).status, 200);
  const metrics = await call('GET', '/metrics', { user: null });
  assert.equal(metrics.status, 200);
  assert.match(metrics.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
  assert.match(
    metrics.body,
    /redress_http_requests_total\{route="\/api\/v1\/complaints",method="POST",status="201"\} \d+/,
  );
  assert.match(
    metrics.body,
    /redress_http_request_duration_seconds_bucket\{route="\/healthz",le="\+Inf"\} \d+/,
  );
  assert.match(metrics.body, /^redress_open_cases \d+$/m);
  assert.match(metrics.body, /^redress_overdue_cases \d+$/m);
  const openapi = await call('GET', '/api/openapi.json', { user: null });
  assert.equal(openapi.status, 200);
  assert.equal(openapi.body.openapi, '3.1.0');
  assert.ok(openapi.body.paths['/api/v1/complaints/{reference}/acknowledge'].post);
});

test('SIGTERM stops the server promptly with exit code 0', async () => {
  // A keep-alive connection left idle by the requests above must not hold the shutdown up.
  assert.equal((await call('GET', '/healthz')).status, 200);
  const started = Date.now();
  server.kill('SIGTERM');
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error('the server did not stop')), STOP_TIMEOUT_MS),
  );
  const [code, signal] = await Promise.race([serverExit, timeout]);
  assert.equal(signal, null);
  assert.equal(code, 0);
  assert.ok(Date.now() - started < STOP_TIMEOUT_MS);
  await logLine((line) => line.message === 'stopped');
});
