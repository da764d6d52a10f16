// allowed_actions against what the server does: for each role and a set of case states, every
// action the complaint lists is one the server does not refuse for the role or the state, and
// every action it does not list is refused (403 for the role, 409 for the state). Each attempt
// carries a date in the future, which the core refuses only after the role and the state, so no
// attempt changes anything. Also: the session's permissions are the ones the server enforces.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  apiClient,
  auditEventCount,
  redress,
  startServe,
  tempDir,
  testDatabase,
  userWithToken,
} from './helpers.mjs';

const ROLES = ['admin', 'complaints_officer', 'case_handler', 'manager', 'viewer'];
const ACTIONS = [
  'acknowledge',
  'extend',
  'respond',
  'escalate',
  'refuse',
  'withdraw',
  'close',
  'reopen',
  'reassign',
  'investigation',
  'adjudication',
  'review-panel',
  'panel-report',
  'discussion-offer',
  'response-period',
  'late-notice',
  'correct-response',
];
const DAY_MS = 24 * 60 * 60 * 1000;
const FUTURE = new Date(Date.now() + 40 * DAY_MS).toISOString().slice(0, 10);

// Bodies that parse, so the request reaches the role check, the state check and then the core's
// date check, which refuses them (422) whenever the first two let them through.
const BODIES = {
  acknowledge: { on: FUTURE },
  extend: { on: FUTURE, working_days: 1, reason: 'more time' },
  respond: { on: FUTURE, outcome: 'upheld', root_causes: ['communication'] },
  escalate: { requested_on: FUTURE },
  refuse: { on: FUTURE, reason: 'other', explanation: 'outside the Code' },
  withdraw: { on: FUTURE },
  close: { on: FUTURE },
  reopen: { on: FUTURE, reason: 'asked again' },
  reassign: {}, // neither a new team nor a handler: 422 once the state allows it
  investigation: {
    record_agreed_on: FUTURE,
    investigating_officer: 'Ann Officer',
    independent_person: 'Ian Independent',
  },
  adjudication: { on: FUTURE, adjudicating_officer: 'Ada Adjudicator' },
  'review-panel': { met_on: FUTURE, members: ['Pat One', 'Pat Two', 'Pat Three'] },
  'panel-report': { on: FUTURE },
  'discussion-offer': { on: FUTURE, take_up: 'taken_up', notes: '' },
  'response-period': { agreed_on: FUTURE, respond_by: FUTURE },
  'late-notice': { on: FUTURE, reason: 'the investigation is taking longer' },
  'correct-response': {
    on: FUTURE,
    outcome: 'upheld',
    root_causes: ['communication'],
    reason: 'the wrong outcome was recorded',
  },
};

// The case states to try: [regime, stage, status].
const STATES = [
  ['housing', 1, 'awaiting_acknowledgement'],
  ['housing', 1, 'in_progress'],
  ['housing', 1, 'responded'],
  ['housing', 1, 'closed'],
  ['housing', 2, 'in_progress'],
  ['housing', 2, 'closed'],
  ['corporate', 1, 'responded'],
  ['corporate', 1, 'withdrawn'],
  ['corporate', 1, 'not_accepted'],
  ['corporate', 2, 'closed'],
  ['adults', 1, 'closed'],
  ['adults', 1, 'in_progress'],
  ['children', 1, 'responded'],
  ['children', 2, 'in_progress'],
  ['children', 2, 'responded'],
  ['children', 3, 'in_progress'],
];

let workspace;
let server;
let call;
let db;
const tokens = {};

before(async () => {
  workspace = tempDir();
  db = testDatabase(workspace.dir, 'allowed.db');
  const demo = redress(['demo', '--db', db, '--seed', '5', '--today', '2022-06-30']);
  assert.equal(demo.status, 0, demo.stderr);
  for (const role of ROLES) {
    tokens[role] = userWithToken(db, `allowed.${role.replace('_', '-')}`, role, 'housing-services');
  }
  server = await startServe(db);
  call = apiClient(server.base);
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

function eventCount() {
  return auditEventCount(db);
}

async function findCase([regime, stage, status]) {
  const query = new URLSearchParams({ regime, stage: String(stage), status, limit: '1' });
  const list = await call('GET', `/api/v1/complaints?${query}`, { token: tokens.admin });
  assert.equal(list.status, 200, JSON.stringify(list.body));
  return list.body.items[0]?.reference;
}

test('allowed_actions are exactly the actions the server accepts, for every role and state', async () => {
  const before = eventCount();
  let states = 0;
  for (const state of STATES) {
    const reference = await findCase(state);
    if (!reference) continue;
    states += 1;
    for (const role of ROLES) {
      const got = await call('GET', `/api/v1/complaints/${reference}`, { token: tokens[role] });
      assert.equal(got.status, 200, JSON.stringify(got.body));
      const allowed = got.body.allowed_actions;
      assert.ok(Array.isArray(allowed), `${reference}: no allowed_actions`);
      assert.deepEqual(
        allowed,
        ACTIONS.filter((action) => allowed.includes(action)),
        'in the documented order, each once',
      );
      for (const action of ACTIONS) {
        const tried = await call('POST', `/api/v1/complaints/${reference}/${action}`, {
          token: tokens[role],
          body: BODIES[action],
          headers: { 'if-match': got.headers.get('etag') },
        });
        const what =
          `${role} ${action} on ${state.join(' ')} ${reference} (allowed ` +
          `${JSON.stringify(allowed)}) → ${tried.status} ${JSON.stringify(tried.body)}`;
        if (allowed.includes(action)) {
          assert.ok(![403, 409].includes(tried.status), `listed but refused: ${what}`);
          assert.equal(tried.status, 422, what);
        } else {
          assert.ok([403, 409, 422].includes(tried.status), `not listed but accepted: ${what}`);
          assert.notEqual(tried.status, 422, `not listed, so refused before its input: ${what}`);
          if (tried.status === 409) {
            assert.equal(tried.body.type, '/problems/transition-not-allowed', what);
          }
        }
      }
    }
  }
  assert.ok(states >= 8, `only ${states} of the states were found in the demo`);
  assert.equal(eventCount(), before, 'no attempt changed anything');
});

test('a listed action succeeds with a valid body, and the answer lists what follows', async () => {
  const reference = await findCase(['housing', 1, 'awaiting_acknowledgement']);
  assert.ok(reference);
  const got = await call('GET', `/api/v1/complaints/${reference}`, { token: tokens.case_handler });
  assert.ok(got.body.allowed_actions.includes('acknowledge'));
  const done = await call('POST', `/api/v1/complaints/${reference}/acknowledge`, {
    token: tokens.case_handler,
    body: {},
    headers: { 'if-match': got.headers.get('etag') },
  });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  assert.equal(done.body.status, 'in_progress');
  assert.deepEqual(done.body.allowed_actions, ['extend', 'respond']);
});

test('the session carries the permissions the server enforces', async () => {
  const expected = {
    viewer: ['view_cases', 'view_reports', 'view_audit'],
    case_handler: [
      'view_cases',
      'log_complaint',
      'acknowledge',
      'respond',
      'extend',
      'add_note',
      'resolve_service_request',
    ],
  };
  for (const role of ROLES) {
    const session = await call('GET', '/api/v1/session', { token: tokens[role] });
    assert.equal(session.status, 200);
    const { permissions } = session.body;
    assert.ok(Array.isArray(permissions) && permissions.includes('view_cases'), role);
    if (expected[role]) assert.deepEqual(permissions, expected[role], role);
    // What the session says of managing users is what GET/POST /users answers.
    const added = await call('POST', '/api/v1/users', { token: tokens[role], body: {} });
    if (permissions.includes('manage_users')) assert.notEqual(added.status, 403, role);
    else assert.equal(added.status, 403, role);
  }
});

test('field errors carry a machine-readable code beside the message', async () => {
  const complaint = {
    regime: 'housing',
    channel: 'email',
    received_on: FUTURE,
    service_area: 'housing',
    category: 'repairs',
    summary: ' ',
    description: 'Mould in the bedroom',
    complainant: { name: 'A Resident', email: 'a@example.org' },
  };
  const logged = await call('POST', '/api/v1/complaints', {
    token: tokens.complaints_officer,
    body: complaint,
  });
  assert.equal(logged.status, 422, JSON.stringify(logged.body));
  const codes = Object.fromEntries(logged.body.errors.map((error) => [error.field, error.code]));
  assert.deepEqual(
    codes,
    { received_on: 'date_in_future', summary: 'required' },
    JSON.stringify(logged.body),
  );
  const unknown = await call('POST', '/api/v1/complaints', {
    token: tokens.complaints_officer,
    body: { ...complaint, summary: 'Damp', received_on: '2022-06-01', service_area: 'moon' },
  });
  assert.equal(unknown.status, 422, JSON.stringify(unknown.body));
  assert.deepEqual(
    unknown.body.errors.map((error) => [error.field, error.code]),
    [['service_area', 'unknown_reference']],
  );
  const badDate = await call('POST', '/api/v1/complaints', {
    token: tokens.complaints_officer,
    body: { ...complaint, received_on: '2022-02-30' },
  });
  assert.equal(badDate.status, 422);
  // Not a date, and the blank summary named in the same answer (issue 18: one round).
  assert.deepEqual(
    badDate.body.errors.map((error) => [error.field, error.code]),
    [
      ['received_on', 'invalid_date'],
      ['summary', 'required'],
    ],
  );
  const malformed = await call('POST', '/api/v1/complaints', {
    token: tokens.complaints_officer,
    body: { colour: 'blue' },
  });
  assert.equal(malformed.status, 400);
  assert.deepEqual(
    malformed.body.errors.map((error) => error.code),
    ['malformed'],
  );
});
