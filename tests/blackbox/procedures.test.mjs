// The statutory procedures' steps through the real `redress serve`: children's stage 2 (agreed
// written record, Investigating Officer and Independent Person, adjudication), the review panel
// with its three clocks, and the adults' discussion offer, agreed response period and late notice.
// Each bad request is one 422 naming every offending field and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  apiClient,
  assertProblem,
  redress,
  startServe,
  tempDir,
  testDatabase,
  userWithToken,
} from './helpers.mjs';

const TEAM = 'childrens-complaints';
const AREA = 'childrens-social-care';
const ADULTS_TEAM = 'adult-social-care';
const ADULTS_AREA = 'adult-social-care';
const CATEGORY = 'care-planning';
const ROOT_CAUSE = 'communication';

let workspace;
let server;
let call;
const tokens = {};

const person = {
  name: 'Ann Example',
  email: 'ann@example.org',
  phone: '',
  address: '',
  postcode: '',
};

async function as(user, method, path, body) {
  return call(method, path, { token: tokens[user], body });
}

// POSTs an action with the case's current ETag.
async function act(user, reference, action, body) {
  const current = await as(user, 'GET', `/api/v1/complaints/${reference}`);
  assert.equal(current.status, 200, JSON.stringify(current.body));
  return call('POST', `/api/v1/complaints/${reference}/${action}`, {
    token: tokens[user],
    body,
    headers: { 'if-match': current.headers.get('etag') },
  });
}

async function ok(user, reference, action, body) {
  const result = await act(user, reference, action, body);
  assert.equal(result.status, 200, `${action}: ${JSON.stringify(result.body)}`);
  return result.body;
}

function fieldsOf(result) {
  return (result.body.errors ?? []).map((error) => error.field).sort();
}

async function listed(user, reference) {
  const list = await as(user, 'GET', `/api/v1/complaints`);
  assert.equal(list.status, 200);
  return list.body.items.find((row) => row.reference === reference);
}

before(async () => {
  workspace = tempDir();
  const db = testDatabase(workspace.dir, 'procedures.db');
  assert.equal(redress(['init', '--db', db]).status, 0);
  tokens.admin = userWithToken(db, 'proc.admin', 'admin');
  server = await startServe(db);
  call = apiClient(server.base);
  const admin = async (method, path, body) => {
    const r = await as('admin', method, path, body);
    assert.ok(r.status < 300, `${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
  };
  await admin('PUT', `/api/v1/teams/${TEAM}`, { name: "Children's Complaints" });
  await admin('PUT', `/api/v1/teams/${ADULTS_TEAM}`, { name: 'Adult Social Care' });
  await admin('PUT', `/api/v1/service-areas/${AREA}`, {
    name: "Children's social care",
    team: TEAM,
  });
  await admin('PUT', `/api/v1/service-areas/${ADULTS_AREA}`, {
    name: 'Adult social care',
    team: ADULTS_TEAM,
  });
  await admin('PUT', `/api/v1/categories/${CATEGORY}`, { name: 'Care planning' });
  await admin('PUT', `/api/v1/root-causes/${ROOT_CAUSE}`, { name: 'Communication' });
  const settings = await as('admin', 'GET', '/api/v1/settings');
  await admin('PUT', '/api/v1/settings', {
    name: settings.body.name || 'Procedures Council',
    division: 'england-and-wales',
    children_team: TEAM,
  });
  // A later stage is handled by someone who did not handle an earlier one.
  for (const name of ['one', 'two', 'three']) {
    tokens[name] = userWithToken(db, `proc.${name}`, 'complaints_officer', TEAM);
  }
  tokens.adults = userWithToken(db, 'proc.adults', 'complaints_officer', ADULTS_TEAM);
  tokens.viewer = userWithToken(db, 'proc.viewer', 'viewer', TEAM);
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

const answer = (on) => ({ on, outcome: 'not_upheld', root_causes: [ROOT_CAUSE], remedies: [] });

test("children's stage 2 and the review panel, each step on its own clock", async () => {
  const logged = await as('one', 'POST', '/api/v1/complaints', {
    regime: 'children',
    received_on: '2026-06-01',
    channel: 'email',
    service_area: AREA,
    category: CATEGORY,
    summary: 'Contact cancelled',
    description: 'Three times.',
    complainant: person,
  });
  assert.equal(logged.status, 201, JSON.stringify(logged.body));
  const ref = logged.body.reference;
  await ok('one', ref, 'respond', answer('2026-06-10'));

  // Not at stage 1: the investigation belongs to stage 2.
  const early = await act('one', ref, 'investigation', {
    record_agreed_on: '2026-06-05',
    investigating_officer: 'Ian Officer',
    independent_person: 'Ida Independent',
  });
  assertProblem(assert, early, 409);

  await ok('one', ref, 'escalate', { requested_on: '2026-06-15', handler: 'proc.two' });
  await ok('two', ref, 'acknowledge', { on: '2026-06-16' });

  // Every bad field in one answer, and nothing written.
  const before = await as('two', 'GET', `/api/v1/complaints/${ref}`);
  const bad = await act('two', ref, 'investigation', {
    record_agreed_on: '2026-06-01',
    investigating_officer: 'Ian Officer',
    independent_person: ' ian officer',
  });
  assertProblem(assert, bad, 422);
  assert.deepEqual(fieldsOf(bad), ['independent_person', 'record_agreed_on']);
  const missing = await act('two', ref, 'investigation', {});
  assertProblem(assert, missing, 422);
  assert.deepEqual(fieldsOf(missing), [
    'independent_person',
    'investigating_officer',
    'record_agreed_on',
  ]);
  const unchanged = await as('two', 'GET', `/api/v1/complaints/${ref}`);
  assert.equal(unchanged.body.version, before.body.version);

  let c = await ok('two', ref, 'investigation', {
    record_agreed_on: '2026-06-18',
    investigating_officer: 'Ian Officer',
    independent_person: 'Ida Independent',
  });
  let stage = c.stages[1];
  assert.deepEqual(stage.procedure.investigation, {
    record_agreed_on: '2026-06-18',
    investigating_officer: 'Ian Officer',
    independent_person: 'Ida Independent',
  });
  // The 25 working days count from the request (Mon 15 Jun + 25 = Mon 20 Jul).
  assert.equal(stage.respond_by, '2026-07-20');

  const badAdjudication = await act('two', ref, 'adjudication', {
    on: '2026-06-17',
    adjudicating_officer: 'Ida Independent',
  });
  assertProblem(assert, badAdjudication, 422);
  assert.deepEqual(fieldsOf(badAdjudication), ['adjudicating_officer', 'on']);
  c = await ok('two', ref, 'adjudication', {
    on: '2026-07-10',
    adjudicating_officer: 'Sam Senior',
  });
  assert.deepEqual(c.stages[1].procedure.adjudication, {
    adjudicating_officer: 'Sam Senior',
    adjudicated_on: '2026-07-10',
  });
  await ok('two', ref, 'respond', answer('2026-07-13'));

  // The review panel: requested Mon 20 Jul; meet by +30 = Tue 1 Sep (31 Aug is a bank holiday).
  await ok('two', ref, 'escalate', { requested_on: '2026-07-20', handler: 'proc.three' });
  c = await ok('three', ref, 'acknowledge', { on: '2026-07-21' });
  stage = c.stages[2];
  assert.equal(stage.procedure.panel_meet_by, '2026-09-01');
  assert.equal(stage.respond_by, '2026-09-29'); // 30 + 5 + 15 while nothing is recorded
  assert.equal((await listed('three', ref)).due_on, '2026-09-01');

  const badPanel = await act('three', ref, 'review-panel', {
    met_on: '2026-07-17',
    members: ['Pat Panel', 'pat panel', 'Ida Independent'],
  });
  assertProblem(assert, badPanel, 422);
  assert.deepEqual(fieldsOf(badPanel), ['members[1]', 'members[2]', 'met_on']);
  const twoMembers = await act('three', ref, 'review-panel', {
    met_on: '2026-08-05',
    members: ['Pat', 'Quinn'],
  });
  assert.deepEqual(fieldsOf(twoMembers), ['members']);

  // Met early (Wed 5 Aug): the report is due +5 = Wed 12 Aug, and the list waits on it.
  c = await ok('three', ref, 'review-panel', {
    met_on: '2026-08-05',
    members: ['Pat Panel', 'Quinn Panel', 'Rae Panel'],
  });
  stage = c.stages[2];
  assert.equal(stage.procedure.panel_report_by, '2026-08-12');
  assert.deepEqual(stage.procedure.review_panel.members, ['Pat Panel', 'Quinn Panel', 'Rae Panel']);
  assert.equal((await listed('three', ref)).due_on, '2026-08-12');

  // Report received Mon 10 Aug: the response is due +15 = Tue 1 Sep, four weeks before the 50 days.
  c = await ok('three', ref, 'panel-report', { on: '2026-08-10' });
  assert.equal(c.stages[2].respond_by, '2026-09-01');
  assert.equal((await listed('three', ref)).due_on, '2026-09-01');

  // Answered Thu 10 Sep: within the old single deadline, late on its own clock.
  c = await ok('three', ref, 'respond', answer('2026-09-10'));
  assert.deepEqual(c.stages[2].procedure.panel_timing, {
    meeting: 'on_time',
    report: 'on_time',
    response: 'late',
  });

  const timeline = await as('three', 'GET', `/api/v1/complaints/${ref}/timeline`);
  const recorded = timeline.body.filter((e) => e.type === 'procedure_recorded');
  assert.equal(recorded.length, 4, JSON.stringify(timeline.body.map((e) => e.type)));

  // A viewer may read but not record.
  const viewer = await act('viewer', ref, 'panel-report', { on: '2026-08-10' });
  assert.equal(viewer.status, 403);
});

test('adults: the discussion offer, the agreed response period and the late notice', async () => {
  const logged = await as('adults', 'POST', '/api/v1/complaints', {
    regime: 'adults',
    received_on: '2026-01-05',
    channel: 'letter',
    service_area: ADULTS_AREA,
    category: CATEGORY,
    summary: 'Care package reduced',
    description: 'Without assessment.',
    complainant: person,
  });
  assert.equal(logged.status, 201, JSON.stringify(logged.body));
  const ref = logged.body.reference;
  assert.equal(logged.body.respond_by, '2026-07-05'); // six months from receipt by default

  const badOffer = await act('adults', ref, 'discussion-offer', {
    on: '2026-01-01',
    take_up: 'maybe',
  });
  assertProblem(assert, badOffer, 422);
  assert.deepEqual(fieldsOf(badOffer), ['take_up']);
  let c = await ok('adults', ref, 'discussion-offer', {
    on: '2026-01-06',
    take_up: 'taken_up',
    notes: 'Weekly calls',
  });
  assert.deepEqual(c.stages[0].procedure.discussion_offer, {
    offered_on: '2026-01-06',
    take_up: 'taken_up',
    notes: 'Weekly calls',
  });

  const badPeriod = await act('adults', ref, 'response-period', {
    agreed_on: '2026-07-06',
    respond_by: '2026-07-01',
  });
  assertProblem(assert, badPeriod, 422);
  assert.deepEqual(fieldsOf(badPeriod), ['agreed_on', 'respond_by']);
  c = await ok('adults', ref, 'response-period', {
    agreed_on: '2026-02-02',
    respond_by: '2026-08-28',
  });
  assert.equal(c.respond_by, '2026-08-28');

  // Not late yet: a notice must name a later date, or come after the due date.
  const notLate = await act('adults', ref, 'late-notice', { on: '2026-08-20', reason: '' });
  assertProblem(assert, notLate, 422);
  assert.deepEqual(fieldsOf(notLate), ['expected_by', 'reason']);
  c = await ok('adults', ref, 'late-notice', {
    on: '2026-08-20',
    reason: 'Awaiting the provider',
    expected_by: '2026-09-30',
  });
  assert.deepEqual(c.stages[0].procedure.late_notice, {
    notified_on: '2026-08-20',
    reason: 'Awaiting the provider',
    expected_by: '2026-09-30',
  });

  // Children's steps are refused on an adults' case.
  const wrong = await act('adults', ref, 'review-panel', {
    met_on: '2026-02-01',
    members: ['A', 'B', 'C'],
  });
  assertProblem(assert, wrong, 409);
});
