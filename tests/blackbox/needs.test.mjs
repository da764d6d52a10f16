// The complainant's needs and the triage filters (issue 18), through the API of the real binary on
// a demo council (on SQLite, and on PostgreSQL in ctest blackbox_on_postgres_more):
// vulnerabilities and reasonable adjustments are recorded with the contact preferences, every
// problem in one answer, each change kept in the timeline; the case list flags the rows with needs
// (has_needs) and no others; a restricted case's needs are 404 to a handler of another team, who
// does not see the case in the list either; the list and its counts filter by channel and by no
// handler, and a saved view keeps those filters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiClient,
  assertProblem,
  createComplaint,
  demoDatabase,
  problemFields,
  query,
  startServe,
  tempDir,
  userWithToken,
} from './helpers.mjs';

let workspace;
let db;
let server;
let call;
const tokens = {};
let open; // an unrestricted complaint
let restricted; // a restricted complaint and its team
let restrictedTeam;

const NEEDS = {
  channel: 'email',
  format: 'large_print',
  language: 'en',
  adjustments: 'Phone calls after 2pm only',
  vulnerabilities: ['mental_health', 'bereavement', 'mental_health'],
  vulnerability_note: 'Recently bereaved',
};

function rows(sql) {
  return query(db, sql).trim().split('\n').filter(Boolean);
}

before(async () => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'needs.db', ['--seed', '4', '--today', '2024-03-28']);
  // Cases whose complainant has an email address, so that the preferences may say email.
  open = rows(
    "SELECT reference FROM complaints WHERE NOT restricted AND complainant_email <> '' " +
      'ORDER BY id LIMIT 1',
  )[0];
  [restricted, restrictedTeam] = rows(
    'SELECT c.reference, s.team FROM complaints c JOIN complaint_stages s ON s.complaint_id = c.id ' +
      "WHERE c.restricted AND s.team IS NOT NULL AND c.complainant_email <> '' ORDER BY c.id LIMIT 1",
  )[0].split('|');
  tokens.officer = userWithToken(db, 'needs.officer', 'complaints_officer');
  tokens.insider = userWithToken(db, 'needs.insider', 'case_handler', restrictedTeam);
  const otherTeam =
    restrictedTeam === 'housing-services' ? 'revenues-benefits' : 'housing-services';
  tokens.outsider = userWithToken(db, 'needs.outsider', 'case_handler', otherTeam);
  tokens.viewer = userWithToken(db, 'needs.viewer', 'viewer');
  server = await startServe(db);
  call = apiClient(server.base);
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

const preferencesOf = (reference) => `/api/v1/complaints/${reference}/contact-preferences`;

test('needs are recorded with the contact preferences, each change in the timeline', async () => {
  const before = await call('GET', preferencesOf(open), { token: tokens.officer });
  assert.equal(before.status, 200, JSON.stringify(before.body));
  assert.equal(before.body.has_needs, false);

  const bad = await call('PUT', preferencesOf(open), {
    token: tokens.officer,
    body: {
      channel: 'email',
      vulnerabilities: ['wizardry', 'age'],
      adjustments: 'x'.repeat(2001),
      vulnerability_note: 'y'.repeat(2001),
    },
  });
  // Every problem in one answer.
  assertProblem(assert, bad, 422);
  assert.deepEqual(problemFields(bad), ['adjustments', 'vulnerabilities[0]', 'vulnerability_note']);

  const saved = await call('PUT', preferencesOf(open), { token: tokens.officer, body: NEEDS });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.deepEqual(saved.body.vulnerabilities, ['mental_health', 'bereavement']);
  assert.equal(saved.body.has_needs, true);
  const again = await call('GET', preferencesOf(open), { token: tokens.viewer });
  assert.equal(again.status, 200);
  assert.equal(again.body.adjustments, 'Phone calls after 2pm only');
  assert.equal(again.body.vulnerability_note, 'Recently bereaved');

  // Cleared: a second event, the first kept.
  const cleared = await call('PUT', preferencesOf(open), {
    token: tokens.officer,
    body: { ...NEEDS, vulnerabilities: [], vulnerability_note: '' },
  });
  assert.equal(cleared.status, 200);
  const timeline = await call('GET', `/api/v1/complaints/${open}/timeline`, {
    token: tokens.officer,
  });
  const changes = timeline.body
    .filter((event) => event.type === 'contact_preferences_changed')
    .map((event) => event.changes.find((change) => change.field === 'vulnerabilities'));
  assert.deepEqual(
    changes.map((change) => change && [change.before, change.after]),
    [
      ['', 'mental_health,bereavement'],
      ['mental_health,bereavement', ''],
    ],
  );
  // Put the needs back for the list's flag.
  assert.equal(
    (await call('PUT', preferencesOf(open), { token: tokens.officer, body: NEEDS })).status,
    200,
  );
});

test('the case list flags the rows whose complainant has needs, and no others', async () => {
  const list = await call('GET', `/api/v1/complaints?text=${open}&limit=5`, {
    token: tokens.officer,
  });
  assert.equal(list.status, 200, JSON.stringify(list.body));
  const row = list.body.items.find((item) => item.reference === open);
  assert.equal(row?.has_needs, true);
  const page = await call('GET', '/api/v1/complaints?limit=100', { token: tokens.officer });
  const flagged = page.body.items.filter((item) => item.has_needs).map((item) => item.reference);
  assert.ok(flagged.every((reference) => reference === open || reference === restricted));
  assert.ok(page.body.items.every((item) => typeof item.has_needs === 'boolean'));
});

test("a restricted case's needs are seen only by those who see the case", async () => {
  const saved = await call('PUT', preferencesOf(restricted), {
    token: tokens.insider,
    body: { ...NEEDS, vulnerabilities: ['domestic_abuse'] },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  // A handler of another team: not found, whether reading or writing, and not in the list.
  assertProblem(
    assert,
    await call('GET', preferencesOf(restricted), { token: tokens.outsider }),
    404,
  );
  assertProblem(
    assert,
    await call('PUT', preferencesOf(restricted), { token: tokens.outsider, body: NEEDS }),
    404,
  );
  const search = await call('GET', `/api/v1/complaints?text=${restricted}`, {
    token: tokens.outsider,
  });
  assert.equal(search.status, 200);
  assert.deepEqual(search.body.items, []);
  const timeline = await call('GET', `/api/v1/complaints/${restricted}/timeline`, {
    token: tokens.outsider,
  });
  assertProblem(assert, timeline, 404);
  // The insider still sees them, unchanged by the refused write.
  const seen = await call('GET', preferencesOf(restricted), { token: tokens.insider });
  assert.deepEqual(seen.body.vulnerabilities, ['domestic_abuse']);
  const listed = await call('GET', `/api/v1/complaints?text=${restricted}`, {
    token: tokens.insider,
  });
  assert.equal(listed.body.items[0]?.has_needs, true);
});

test('the list and its counts filter by channel and by no handler; a saved view keeps them', async () => {
  // The demo council has the housing service area and the repairs category createComplaint uses.
  const logged = await createComplaint(call, tokens.officer, {
    received_on: '2024-03-27',
    channel: 'phone',
    summary: 'Nobody has picked this up',
    description: 'A new complaint with no handler yet.',
    desired_outcome: 'A reply',
    complainant: {
      name: 'Una Signed',
      email: 'una@example.org',
      phone: '',
      address: '',
      postcode: '',
    },
  });
  assert.equal(logged.stages[0].handler ?? '', '');

  const unassigned = await call('GET', '/api/v1/complaints?unassigned=true&limit=200', {
    token: tokens.officer,
  });
  assert.equal(unassigned.status, 200);
  assert.ok(unassigned.body.items.some((row) => row.reference === logged.reference));
  assert.ok(unassigned.body.items.every((row) => row.handler === null));
  const counts = await call('GET', '/api/v1/complaints/counts?unassigned=true', {
    token: tokens.officer,
  });
  assert.equal(counts.body.total, unassigned.body.items.length);

  const phone = await call('GET', '/api/v1/complaints?channel=phone&unassigned=true&limit=200', {
    token: tokens.officer,
  });
  assert.ok(phone.body.items.some((row) => row.reference === logged.reference));
  const online = await call('GET', '/api/v1/complaints?channel=online&unassigned=true&limit=200', {
    token: tokens.officer,
  });
  assert.ok(online.body.items.every((row) => row.reference !== logged.reference));

  const bad = await call('GET', '/api/v1/complaints?channel=fax&unassigned=maybe', {
    token: tokens.officer,
  });
  assertProblem(assert, bad, 422);
  assert.deepEqual(problemFields(bad), ['channel', 'unassigned']);

  const view = await call('POST', '/api/v1/saved-views', {
    token: tokens.officer,
    body: { name: 'New online, no handler', query: 'channel=online&unassigned=true' },
  });
  assert.equal(view.status, 201, JSON.stringify(view.body));
  const refused = await call('POST', '/api/v1/saved-views', {
    token: tokens.officer,
    body: { name: 'Broken', query: 'unassigned=perhaps' },
  });
  assertProblem(assert, refused, 422);
});
