// Subject access requests (issue 20), through the real server and command line on a demo council:
// recorded as their own case type, "SAR-<year>-<6 digits>", with the ICO's clock computed on the
// organisation's calendar (31 January → the last day of February, moved on to the next working
// day); every offending field named in one answer and nothing written; an extension once, within
// the first month, with a reason; completed or withdrawn only while open; a stale change refused;
// each step an event in the audit trail, which still verifies; overdue requests on the dashboard
// for those who manage them and for nobody else; the command line's `sar` group.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiClient,
  assertProblem,
  auditEventCount,
  demoDatabase,
  redress,
  startServe,
  tempDir,
  userWithToken,
} from './helpers.mjs';

const PATH = '/api/v1/subject-access-requests';
const REQUESTER = {
  requester_name: 'Ada Lovelace',
  requester_email: 'ada@example.org',
  requester_postcode: 'EX1 1AA',
  details: 'Everything you hold about my complaint about repairs',
};

let workspace;
let db;
let server;
let call;
const tokens = {};

before(async () => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'council.db', ['--seed', '2', '--today', '2026-11-22']);
  tokens.officer = userWithToken(db, 'sar.officer', 'complaints_officer');
  tokens.handler = userWithToken(db, 'sar.handler', 'case_handler', 'housing-services');
  tokens.viewer = userWithToken(db, 'sar.viewer', 'viewer');
  server = await startServe(db);
  const client = apiClient(server.base);
  call = (method, path, { as = 'officer', ...options } = {}) =>
    client(method, path, { token: tokens[as], ...options });
});

after(async () => {
  if (server) await server.stop();
  workspace?.cleanup();
});

function fieldsOf(result) {
  return (result.body.errors ?? []).map((error) => `${error.field}:${error.code}`).sort();
}

test('a request is refused with every offending field at once, and only to those who manage them', async () => {
  const events = auditEventCount(db);
  const empty = await call('POST', PATH, { body: {} });
  assert.deepEqual(fieldsOf(empty), [
    'details:required',
    'received_on:required',
    'requester_name:required',
  ]);
  const bad = await call('POST', PATH, {
    body: {
      requester_name: ' ',
      requester_email: 'not-an-address',
      details: 'x',
      received_on: '2030-01-01',
      identity_confirmed_on: '2026-01-01',
    },
  });
  assertProblem(assert, bad, 422);
  assert.deepEqual(fieldsOf(bad), [
    'identity_confirmed_on:date_too_early',
    'received_on:date_in_future',
    'requester_email:invalid_email',
    'requester_name:required',
  ]);
  assert.equal(auditEventCount(db), events, 'nothing written');
  for (const as of ['viewer', 'handler']) {
    assertProblem(assert, await call('GET', PATH, { as }), 403);
    assertProblem(
      assert,
      await call('POST', PATH, { as, body: { ...REQUESTER, received_on: '2026-01-31' } }),
      403,
    );
  }
});

test('the clock, one extension within the first month, and the steps to completed', async () => {
  const created = await call('POST', PATH, { body: { ...REQUESTER, received_on: '2026-01-31' } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const reference = created.body.reference;
  assert.match(reference, /^SAR-2026-\d{6}$/);
  assert.equal(created.headers.get('location'), `${PATH}/${reference}`);
  assert.equal(created.body.status, 'received');
  // 31 January 2026: no 31 February; 28 February is a Saturday, so Monday 2 March.
  assert.equal(created.body.due_on, '2026-03-02');
  assert.equal(created.body.overdue, true);

  // Told after the first month: refused; three months without a reason: every field at once.
  const late = await call('POST', `${PATH}/${reference}/extend`, {
    body: { months: 1, reason: 'Complex', told_on: '2026-03-03' },
  });
  assert.deepEqual(fieldsOf(late), ['told_on:date_too_late']);
  const wrong = await call('POST', `${PATH}/${reference}/extend`, {
    body: { months: 3, reason: ' ', told_on: '2026-03-03' },
  });
  assert.deepEqual(fieldsOf(wrong), [
    'months:out_of_range',
    'reason:required',
    'told_on:date_too_late',
  ]);

  // Overdue on the dashboard, for an officer; not for a handler.
  const officerPanel = await call('GET', '/api/v1/ombudsman/overdue');
  assert.equal(officerPanel.status, 200);
  const item = officerPanel.body.ombudsman.find((row) => row.reference === reference);
  assert.ok(item, JSON.stringify(officerPanel.body.ombudsman));
  assert.equal(item.kind, 'subject_access');
  assert.equal(item.due_on, '2026-03-02');
  const handlerPanel = await call('GET', '/api/v1/ombudsman/overdue', { as: 'handler' });
  assert.equal(handlerPanel.status, 200);
  assert.ok(!handlerPanel.body.ombudsman.some((row) => row.kind === 'subject_access'));

  // A second request whose clock starts when the identity was confirmed; extended by two months.
  const second = await call('POST', PATH, {
    body: { ...REQUESTER, received_on: '2026-11-20', identity_confirmed_on: '2026-11-23' },
  });
  assert.equal(second.status, 201, JSON.stringify(second.body));
  assert.equal(second.body.clock_starts_on, '2026-11-23');
  assert.equal(second.body.due_on, '2026-12-23');
  const other = second.body.reference;
  const extended = await call('POST', `${PATH}/${other}/extend`, {
    body: { months: 2, reason: 'Ten years of repairs records', told_on: '2026-11-30' },
  });
  assert.equal(extended.status, 200, JSON.stringify(extended.body));
  assert.equal(extended.body.status, 'extended');
  assert.equal(extended.body.due_on, '2027-02-23');
  assert.deepEqual(extended.body.extension, {
    months: 2,
    reason: 'Ten years of repairs records',
    told_on: '2026-11-30',
  });
  assertProblem(
    assert,
    await call('POST', `${PATH}/${other}/extend`, {
      body: { months: 1, reason: 'Again', told_on: '2026-11-30' },
    }),
    409,
  );
  // A stale version is refused; the current one is taken.
  assertProblem(
    assert,
    await call('POST', `${PATH}/${other}/complete`, {
      body: { completed_on: '2026-12-01' },
      headers: { 'if-match': '"1"' },
    }),
    412,
  );
  const completed = await call('POST', `${PATH}/${other}/complete`, {
    body: { completed_on: '2026-12-01' },
    headers: { 'if-match': `"${extended.body.version}"` },
  });
  assert.equal(completed.status, 200, JSON.stringify(completed.body));
  assert.equal(completed.body.status, 'completed');
  assert.equal(completed.body.overdue, false);
  assertProblem(
    assert,
    await call('POST', `${PATH}/${other}/withdraw`, {
      body: { withdrawn_on: '2026-12-01', reason: 'Too late' },
    }),
    409,
  );

  // The first is withdrawn: off the dashboard.
  const withdrawn = await call('POST', `${PATH}/${reference}/withdraw`, {
    body: { withdrawn_on: '2026-03-10', reason: 'The requester no longer wants it' },
  });
  assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
  assert.equal(withdrawn.body.overdue, false);
  const after = await call('GET', '/api/v1/ombudsman/overdue');
  assert.ok(!after.body.ombudsman.some((row) => row.reference === reference));

  // One request with its history; the list, newest first, and only the open ones.
  const one = await call('GET', `${PATH}/${other}`);
  assert.equal(one.status, 200);
  assert.deepEqual(
    one.body.history.map((event) => event.type),
    ['subject_access_received', 'subject_access_extended', 'subject_access_completed'],
  );
  assert.equal(one.body.history[0].actor, 'sar.officer');
  const listed = await call('GET', PATH);
  assert.deepEqual(
    listed.body.items.map((row) => row.reference),
    [other, reference],
  );
  assert.equal(listed.body.items[0].history, undefined);
  assert.deepEqual((await call('GET', `${PATH}?status=open`)).body.items, []);
  assertProblem(assert, await call('GET', `${PATH}?status=late`), 422, 'status');
  assertProblem(assert, await call('GET', `${PATH}/SAR-2026-999999`), 404);
});

test('the command line records, lists, shows, extends and completes requests', () => {
  const created = redress([
    'sar',
    'create',
    '--db',
    db,
    '--requester-name',
    'Grace Hopper',
    '--details',
    'My tenancy file',
    '--received-on',
    '2026-11-16',
  ]);
  assert.equal(created.status, 0, created.stderr);
  const reference = /SAR-\d{4}-\d{6}/.exec(created.stdout)[0];
  assert.match(created.stdout, /due on 2026-12-16/);
  const refused = redress([
    'sar',
    'extend',
    '--db',
    db,
    reference,
    '--months',
    '3',
    '--reason',
    'x',
    '--told-on',
    '2026-11-20',
  ]);
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /months/);
  const extended = redress([
    'sar',
    'extend',
    '--db',
    db,
    reference,
    '--months',
    '1',
    '--reason',
    'One of several requests',
    '--told-on',
    '2026-11-20',
  ]);
  assert.equal(extended.status, 0, extended.stderr);
  assert.match(extended.stdout, /due on 2027-01-18/);
  const listed = redress(['sar', 'list', '--db', db, '--open']);
  assert.equal(listed.status, 0, listed.stderr);
  assert.match(listed.stdout, new RegExp(`${reference}\\s+extended`));
  const completed = redress([
    'sar',
    'complete',
    '--db',
    db,
    reference,
    '--completed-on',
    '2026-12-01',
  ]);
  assert.equal(completed.status, 0, completed.stderr);
  const shown = redress(['sar', 'show', '--db', db, reference]);
  assert.equal(shown.status, 0, shown.stderr);
  assert.match(shown.stdout, /completed on 2026-12-01/);
  assert.match(shown.stdout, /subject_access_completed/);
  const verified = redress(['audit', 'verify', '--db', db]);
  assert.equal(verified.status, 0, verified.stderr + verified.stdout);
});
