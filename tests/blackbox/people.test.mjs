// The people index (issue 20), through the API and the command line of the real binary on a demo
// council (on SQLite, and on PostgreSQL in ctest blackbox_on_postgres_more): a person is found by
// e-mail, phone, or name with postcode, written any way the core normalises; their complaints and
// service requests are proposed as matches with the keys they share; staff confirm, reject and
// undo a match, each with a reason and an event on the record, and a bad decision names every
// offending field; a confirmed record joins everything about the person; a restricted complaint
// is neither found nor shown to a manager of another team.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiClient,
  assertProblem,
  demoDatabase,
  query,
  redress,
  startServe,
  tempDir,
  userWithToken,
} from './helpers.mjs';

let workspace;
let db;
let server;
let call;
const tokens = {};
const logged = {};
let restricted; // a restricted complaint, its complainant's e-mail and its team
let restrictedEmail;
let restrictedTeam;

const person = {
  name: 'Ottoline Pemberton-Vale',
  email: 'O.Pemberton@Example.org',
  phone: '+44 7700 900777',
  address: '9 Quarry Row, Exeter',
  postcode: 'EX5 7QQ',
};

const complaint = (complainant) => ({
  regime: 'housing',
  received_on: '2024-03-20',
  channel: 'phone',
  service_area: 'housing',
  category: 'repairs',
  summary: 'Broken boiler',
  description: 'No heating for a week.',
  desired_outcome: 'Repair it',
  complainant,
});

function rows(sql) {
  return query(db, sql).trim().split('\n').filter(Boolean);
}

before(async () => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'people.db', ['--seed', '4', '--today', '2024-03-28']);
  [restricted, restrictedEmail, restrictedTeam] = rows(
    'SELECT c.reference, c.complainant_email, s.team FROM complaints c JOIN complaint_stages s ' +
      "ON s.complaint_id = c.id WHERE c.restricted AND s.team IS NOT NULL AND c.complainant_email <> '' " +
      'ORDER BY c.id LIMIT 1',
  )[0].split('|');
  tokens.officer = userWithToken(db, 'people.officer', 'complaints_officer');
  tokens.handler = userWithToken(db, 'people.handler', 'case_handler', 'housing-services');
  const otherTeam =
    restrictedTeam === 'housing-services' ? 'revenues-benefits' : 'housing-services';
  tokens.outsider = userWithToken(db, 'people.outsider', 'manager', otherTeam);
  server = await startServe(db);
  const client = apiClient(server.base);
  call = (method, path, token, body) => client(method, path, { token, body });
  for (const [key, body] of [
    ['first', complaint(person)],
    ['byEmail', complaint({ ...person, name: 'O P', phone: '', email: 'o.pemberton@EXAMPLE.org' })],
    [
      'stranger',
      complaint({ ...person, name: 'Someone Else', email: 'else@example.org', phone: '' }),
    ],
  ]) {
    const answer = await call('POST', '/api/v1/complaints', tokens.officer, body);
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    logged[key] = answer.body.reference;
  }
  const request = await call('POST', '/api/v1/service-requests', tokens.officer, {
    channel: 'phone',
    received_on: '2024-03-21',
    service_area: 'housing',
    category: 'repairs',
    summary: 'Boiler service',
    requester: { name: 'Mrs Vale', email: '', phone: '07700 900 777', address: '', postcode: '' },
  });
  assert.equal(request.status, 201, JSON.stringify(request.body));
  logged.request = request.body.reference;
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

const personPath = (id) => `/api/v1/people/${encodeURIComponent(id)}`;

test('a person is found by e-mail, phone, or name with postcode, however written', async () => {
  for (const search of [
    'q=O.PEMBERTON%40example.org',
    'phone=07700%20900777',
    'q=%2B44%20(0)7700%20900%20777',
    'name=ottoline%20pemberton-vale&postcode=ex57qq',
  ]) {
    const found = await call('GET', `/api/v1/people?${search}`, tokens.officer);
    assert.equal(found.status, 200, JSON.stringify(found.body));
    const references = found.body.items.map((item) => item.reference);
    assert.ok(references.includes(logged.first), `${search}: ${references}`);
    assert.ok(!references.includes(logged.stranger), search);
  }
  const byPhone = await call('GET', '/api/v1/people?phone=07700900777', tokens.officer);
  const request = byPhone.body.items.find((item) => item.reference === logged.request);
  assert.ok(request, 'service requests are found by their requester');
  assert.equal(request.person_id, `${logged.request}.requester`);
  assert.equal(request.record_type, 'service_request');
});

test('a search that makes no key names every field; a name needs a postcode', async () => {
  const none = await call('GET', '/api/v1/people?q=hello', tokens.officer);
  assertProblem(assert, none, 422, 'q');
  for (const field of ['email', 'phone', 'name', 'postcode']) {
    assert.ok(
      none.body.errors.some((error) => error.field === field),
      field,
    );
  }
  assertProblem(
    assert,
    await call('GET', '/api/v1/people?name=Ottoline', tokens.officer),
    422,
    'postcode',
  );
  assertProblem(
    assert,
    await call('GET', '/api/v1/people?colour=red', tokens.officer),
    400,
    'colour',
  );
});

test('a case handler may not use the index', async () => {
  const answer = await call('GET', '/api/v1/people?q=o.pemberton%40example.org', tokens.handler);
  assert.equal(answer.status, 403);
});

test('matches are proposed with their keys; confirm, reject and undo, each an event', async () => {
  const id = `${logged.first}.complainant`;
  const shown = await call('GET', personPath(id), tokens.officer);
  assert.equal(shown.status, 200, JSON.stringify(shown.body));
  assert.equal(shown.body.found_from.reference, logged.first);
  const match = (body, reference) => body.matches.find((m) => m.record.reference === reference);
  assert.deepEqual(match(shown.body, logged.byEmail).keys, ['email', 'address']);
  assert.equal(match(shown.body, logged.byEmail).state, 'proposed');
  assert.deepEqual(match(shown.body, logged.request).keys, ['phone']);
  assert.equal(match(shown.body, logged.stranger), undefined);
  assert.deepEqual(
    shown.body.complaints.map((c) => c.reference),
    [logged.first],
    'only the person’s own record is about them until a match is confirmed',
  );

  const bad = await call('POST', `${personPath(id)}/matches`, tokens.officer, {
    action: 'merge',
    record_type: 'service_request',
    reference: ' ',
    role: 'complainant',
    reason: '',
  });
  assertProblem(assert, bad, 422);
  assert.deepEqual(bad.body.errors.map((e) => e.field).sort(), [
    'action',
    'reason',
    'reference',
    'role',
  ]);

  const decide = (action, record_type, reference, role, reason = 'Checked by phone') =>
    call('POST', `${personPath(id)}/matches`, tokens.officer, {
      action,
      record_type,
      reference,
      role,
      reason,
    });
  const confirmed = await decide('confirm', 'complaint', logged.byEmail, 'complainant');
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  assert.equal(match(confirmed.body, logged.byEmail).state, 'confirmed');
  assert.equal(match(confirmed.body, logged.byEmail).decided_by, 'people.officer');
  assert.deepEqual(
    confirmed.body.complaints.map((c) => c.reference).sort(),
    [logged.first, logged.byEmail].sort(),
  );
  assertProblem(assert, await decide('confirm', 'complaint', logged.byEmail, 'complainant'), 409);
  assertProblem(
    assert,
    await decide('confirm', 'complaint', logged.first, 'complainant'),
    422,
    'reference',
  );
  assertProblem(
    assert,
    await decide('confirm', 'complaint', 'CMP-1999-000001', 'complainant'),
    422,
    'reference',
  );

  const rejected = await decide(
    'reject',
    'service_request',
    logged.request,
    'requester',
    'Her mother',
  );
  assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
  assert.equal(match(rejected.body, logged.request).state, 'rejected');
  assert.equal(rejected.body.service_requests.length, 0);

  const undone = await decide('undo', 'complaint', logged.byEmail, 'complainant', 'Not sure yet');
  assert.equal(undone.status, 200, JSON.stringify(undone.body));
  assert.equal(match(undone.body, logged.byEmail).state, 'proposed');
  assert.deepEqual(
    undone.body.complaints.map((c) => c.reference),
    [logged.first],
  );

  const history = await call(
    'GET',
    `/api/v1/complaints/${logged.byEmail}/timeline`,
    tokens.officer,
  );
  assert.equal(history.status, 200, JSON.stringify(history.body));
  const types = (history.body.items ?? history.body).map((e) => e.type);
  assert.ok(types.includes('person_match_confirmed'), types.join());
  assert.ok(types.includes('person_match_undone'), types.join());
});

test('an unknown or malformed person is 404', async () => {
  for (const id of ['nobody', 'CMP-1999-000001.complainant', `${logged.request}.complainant`]) {
    assertProblem(assert, await call('GET', personPath(id), tokens.officer), 404);
  }
});

test('a restricted complaint is neither found nor shown to a manager of another team', async () => {
  const id = `${restricted}.complainant`;
  assertProblem(assert, await call('GET', personPath(id), tokens.outsider), 404);
  const found = await call(
    'GET',
    `/api/v1/people?email=${encodeURIComponent(restrictedEmail)}`,
    tokens.outsider,
  );
  assert.equal(found.status, 200, JSON.stringify(found.body));
  assert.ok(!found.body.items.some((item) => item.reference === restricted));
  const insider = userWithToken(db, 'people.insider', 'manager', restrictedTeam);
  const seen = await call('GET', personPath(id), insider);
  assert.equal(seen.status, 200, JSON.stringify(seen.body));
});

test('the command line finds and shows a person', () => {
  const found = redress(['person', 'find', '--db', db, '--email', 'o.pemberton@example.org']);
  assert.equal(found.status, 0, found.stderr);
  assert.match(found.stdout, new RegExp(`${logged.first}\\.complainant`));
  const shown = redress(['person', 'show', '--db', db, `${logged.first}.complainant`]);
  assert.equal(shown.status, 0, shown.stderr);
  assert.match(
    shown.stdout,
    new RegExp(`match complaint ${logged.byEmail} \\(complainant\\) on email`),
  );
  const none = redress(['person', 'find', '--db', db, '--name', 'Ottoline']);
  assert.notEqual(none.status, 0);
  assert.match(none.stderr, /postcode/);
});
