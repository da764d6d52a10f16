// Staff reminder digests (issue 15) with a fixed local time (`redress reminders send --at`, the
// same use case the server's schedule runs on the wall clock) and the real SMTP sink: nothing at
// 06:00, on a Saturday or on a bank holiday; one digest for the handler when an acknowledgement is
// due soon and on the day, once a day however often it runs; the team's manager too once it is
// overdue; nobody whose digest is off. The server's outbox delivers them, without attachment.
// Then the other deadlines (the Ombudsman's information, orders and failure orders, learning
// actions) reach whoever holds them, each with a link; managers see who was reminded (the API,
// their team only); and a user outside the children's team learns nothing of a restricted
// complaint, neither through a digest nor through the managers' view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  HOUSING,
  addHousing,
  apiClient,
  checkedCaller,
  createComplaint,
  emptyDatabase,
  query,
  redress,
  sendReminders,
  startServe,
  tempDir,
  tokenFor,
  updateUser,
  userWithToken,
} from './helpers.mjs';
import { received, relayArgs, startMailSink, stopSink, waitFor } from './mail_helpers.mjs';

const TEAM = HOUSING.team;
const CATEGORY = HOUSING.category;
const HANDLER = 'rem.handler';
const MANAGER = 'rem.manager';
const QUIET = 'rem.quiet';

let workspace;
let db;
let smtp; // the SMTP sink this file's mail goes to (startMailSink): { mailDir, port, sink }
const tokens = {};

const remind = (at) => sendReminders(db, at);

function setEmail(username, email, digest = 'daily') {
  updateUser(db, username, { email, 'reminder-digest': digest });
}

before(async () => {
  workspace = tempDir();
  smtp = await startMailSink(workspace.dir);
  db = emptyDatabase(workspace.dir, 'reminders.db');
  tokens.admin = userWithToken(db, 'rem.admin', 'admin');
  const server = await startServe(db);
  const call = apiClient(server.base);
  try {
    await addHousing(checkedCaller(call, tokens.admin));
    userWithToken(db, HANDLER, 'case_handler', TEAM);
    userWithToken(db, MANAGER, 'manager', TEAM);
    userWithToken(db, QUIET, 'case_handler', TEAM);
    // Monday 15 December 2025: the acknowledgement is due five working days later, Monday 22nd.
    for (const handler of [HANDLER, QUIET]) {
      const logged = await createComplaint(call, tokens.admin, {
        received_on: '2025-12-15',
        summary: `The roof leaks (${handler})`,
        description: 'Water comes through the ceiling.',
        complainant: { name: 'Ada Resident', email: 'ada@example.org' },
        handler,
      });
      assert.equal(logged.stages[0].acknowledge_by, '2025-12-22');
      tokens[handler] = logged.reference;
    }
  } finally {
    await server.stop();
  }
  setEmail(HANDLER, 'handler@council.example.org');
  setEmail(MANAGER, 'manager@council.example.org');
  setEmail(QUIET, 'quiet@council.example.org', 'off');
});

after(async () => {
  await stopSink(smtp?.sink);
  workspace?.cleanup();
});

test('digests go only in office hours on working days, once a day, and arrive by email', async () => {
  // Thursday 18th: due in two working days, but not at six in the morning.
  assert.equal(remind('2025-12-18T06:00'), 'outside office hours: no digest queued');
  assert.equal(remind('2025-12-18T09:00'), '1 digest queued, 0 already sent today');
  assert.equal(remind('2025-12-18T16:59'), '0 digests queued, 1 already sent today');
  assert.equal(remind('2025-12-18T17:00'), 'outside office hours: no digest queued');
  // Saturday, then Christmas Day and Boxing Day: never.
  assert.equal(remind('2025-12-20T10:00'), 'outside office hours: no digest queued');
  assert.equal(remind('2025-12-25T10:00'), 'outside office hours: no digest queued');
  assert.equal(remind('2025-12-26T10:00'), 'outside office hours: no digest queued');
  // Monday 22nd, the day it is due; Monday 29th, overdue: the manager is told too.
  assert.equal(remind('2025-12-22T09:30'), '1 digest queued, 0 already sent today');
  assert.equal(remind('2025-12-29T09:00'), '2 digests queued, 0 already sent today');
  assert.equal(remind('2025-12-29T12:00'), '0 digests queued, 2 already sent today');

  const queued = query(
    db,
    "SELECT username || ' ' || sent_on || ' ' || cases FROM reminder_digests ORDER BY id",
  )
    .trim()
    .split('\n');
  assert.deepEqual(queued, [
    `${HANDLER} 2025-12-18 1`,
    `${HANDLER} 2025-12-22 1`,
    `${HANDLER} 2025-12-29 1`,
    `${MANAGER} 2025-12-29 2`,
  ]);
  const trail = query(
    db,
    "SELECT count(*) FROM events WHERE type = 'reminder_digest_queued' AND entity_type = 'user'",
  ).trim();
  assert.equal(trail, '4');

  // The server's outbox sends them through the relay, each once.
  const server = await startServe(db, relayArgs(smtp.port));
  try {
    const ours = () =>
      received(smtp.mailDir).filter((m) => /^<digest-.*-2025-12-/.test(m.message_id));
    const mails = await waitFor('the four digests', () => ours().length >= 4 && ours());
    assert.equal(mails.length, 4);
    const byId = Object.fromEntries(mails.map((m) => [m.message_id, m]));
    const overdue = byId[`<digest-${HANDLER}-2025-12-29@redress.invalid>`];
    assert.deepEqual(overdue.to, ['handler@council.example.org']);
    assert.deepEqual(overdue.attachments, []);
    assert.match(overdue.subject, /1 item, 1 overdue/);
    // Each item with a link to it (a path of the web app when no --app-url is given).
    assert.ok(overdue.text.includes(`/cases/${tokens[HANDLER]}`), overdue.text);
    assert.ok(overdue.text.includes(tokens[HANDLER]), overdue.text);
    assert.ok(overdue.text.includes('Overdue'), overdue.text);
    assert.ok(overdue.text.includes('22 December 2025'), overdue.text);
    assert.ok(!overdue.text.includes(tokens[QUIET]), 'only their own cases');
    const manager = byId[`<digest-${MANAGER}-2025-12-29@redress.invalid>`];
    assert.deepEqual(manager.to, ['manager@council.example.org']);
    assert.ok(manager.text.includes(tokens[HANDLER]) && manager.text.includes(tokens[QUIET]));
    assert.ok(manager.text.includes(`(${HANDLER})`), manager.text);
    const dueSoon = byId[`<digest-${HANDLER}-2025-12-18@redress.invalid>`];
    assert.ok(dueSoon.text.includes('Due soon'), dueSoon.text);
    assert.ok(!mails.some((m) => m.to.includes('quiet@council.example.org')), 'digest off');
  } finally {
    await server.stop();
  }
});

const CHILD_TEAM = 'childrens-complaints';
const CHILD_AREA = 'childrens-social-care';
const CHILD_HANDLER = 'rem.child';
const CHILD_MANAGER = 'rem.childmgr';
const OFFICER = 'rem.officer';
const HOSTILE = 'rem.hostile';
const APP = 'https://complaints.council.example.org';

function digestText(username, day) {
  return query(
    db,
    `SELECT text FROM reminder_digests WHERE username = '${username}' AND sent_on = '${day}'`,
  );
}

test('Ombudsman and learning deadlines reach their holders; managers see who was reminded', async () => {
  const server = await startServe(db);
  const call = apiClient(server.base);
  const refs = {};
  try {
    const admin = checkedCaller(call, tokens.admin);
    await admin('PUT', `/api/v1/teams/${CHILD_TEAM}`, { name: "Children's complaints" });
    await admin('PUT', `/api/v1/service-areas/${CHILD_AREA}`, {
      name: "Children's social care",
      team: CHILD_TEAM,
    });
    const settings = await admin('GET', '/api/v1/settings');
    await admin('PUT', '/api/v1/settings', {
      name: settings.name || 'Reminder Council',
      division: 'england-and-wales',
      children_team: CHILD_TEAM,
    });
    userWithToken(db, CHILD_HANDLER, 'case_handler', CHILD_TEAM);
    tokens[CHILD_MANAGER] = userWithToken(db, CHILD_MANAGER, 'manager', CHILD_TEAM);
    userWithToken(db, OFFICER, 'complaints_officer', TEAM);
    tokens[HOSTILE] = userWithToken(db, HOSTILE, 'case_handler', TEAM);
    tokens.manager = tokenFor(db, MANAGER);

    // Reminded on Monday 12 January 2026. The handler's complaint: information for the
    // Ombudsman due Friday 16th (within 5 working days), an order overdue since Friday 9th, a
    // learning action due on the day; a systemic failure order due Wednesday 14th is nobody's.
    refs.information = (
      await admin('POST', '/api/v1/ombudsman/cases', {
        ombudsman: 'housing_ombudsman',
        complaints: [tokens[HANDLER]],
        summary: 'Roof: the Ombudsman asks for the file',
        enquiry_received_on: '2026-01-05',
        information_due_on: '2026-01-16',
      })
    ).reference;
    refs.order = (
      await admin('POST', '/api/v1/ombudsman/cases', {
        ombudsman: 'housing_ombudsman',
        complaints: [tokens[HANDLER]],
        summary: 'Roof: determined',
        enquiry_received_on: '2025-10-01',
        information_due_on: '2025-10-15',
        information_sent_on: '2025-10-10',
        final_decision_on: '2025-12-01',
        findings: [{ element: 'Repairs', finding: 'maladministration' }],
        remedies: [
          { kind: 'order', type: 'apology', description: 'Apologise', due_on: '2026-01-09' },
        ],
      })
    ).reference;
    refs.chfo = (
      await admin('POST', '/api/v1/ombudsman/failure-orders', {
        type: 'type_3',
        ground: 'breach_of_membership_obligations',
        description: 'Publish the self-assessment',
        issued_on: '2026-01-02',
        due_on: '2026-01-14',
      })
    ).reference;
    refs.learning = (
      await admin('POST', '/api/v1/learning', {
        source: 'complaints',
        complaints: [tokens[HANDLER]],
        lesson: 'Roofs leak in winter',
        action: 'Inspect roofs before winter',
        owner: HANDLER,
        raised_on: '2025-12-20',
        due_on: '2026-01-12',
      })
    ).reference;

    // A restricted complaint (children's statutory), an Ombudsman case about it and a learning
    // action raised from it, owned by someone outside the children's team.
    const child = checkedCaller(call, tokens[CHILD_MANAGER]);
    const restricted = await child('POST', '/api/v1/complaints', {
      regime: 'children',
      received_on: '2026-01-05',
      channel: 'email',
      service_area: CHILD_AREA,
      category: CATEGORY,
      summary: 'Secret care plan',
      description: 'Not for other teams.',
      complainant: { name: 'Cara Child', email: 'cara@example.org' },
      handler: CHILD_HANDLER,
    });
    assert.equal(restricted.restricted, true);
    refs.restricted = restricted.reference;
    refs.restrictedCase = (
      await child('POST', '/api/v1/ombudsman/cases', {
        ombudsman: 'lgsco',
        complaints: [refs.restricted],
        summary: 'Secret enquiry',
        enquiry_received_on: '2026-01-05',
        information_due_on: '2026-01-09',
      })
    ).reference;
    refs.restrictedAction = (
      await child('POST', '/api/v1/learning', {
        source: 'complaints',
        complaints: [refs.restricted],
        lesson: 'Secret lesson',
        action: 'Secret action',
        owner: HOSTILE,
        raised_on: '2026-01-06',
        due_on: '2026-01-12',
      })
    ).reference;
  } finally {
    await server.stop();
  }
  setEmail(CHILD_HANDLER, 'child@council.example.org');
  setEmail(CHILD_MANAGER, 'childmgr@council.example.org');
  setEmail(OFFICER, 'officer@council.example.org');
  setEmail(HOSTILE, 'hostile@council.example.org');

  const at = (time) => sendReminders(db, time, ['--app-url', `${APP}/`]);
  // New Year's Day (a bank holiday), a Saturday, six in the morning: never.
  assert.equal(at('2026-01-01T10:00'), 'outside office hours: no digest queued');
  assert.equal(at('2026-01-10T10:00'), 'outside office hours: no digest queued');
  assert.equal(at('2026-01-12T06:00'), 'outside office hours: no digest queued');
  // Monday at nine: the handler, their manager, the officer, the children's team; once.
  assert.equal(at('2026-01-12T09:00'), '5 digests queued, 0 already sent today');
  assert.equal(at('2026-01-12T11:00'), '0 digests queued, 5 already sent today');

  const handler = digestText(HANDLER, '2026-01-12');
  for (const [ref, words] of [
    [refs.information, 'Information for the Ombudsman due 16 January 2026'],
    [refs.order, 'Ombudsman order or recommendation "Apologise" due 9 January 2026'],
    [refs.learning, 'Learning action due 12 January 2026'],
  ]) {
    assert.ok(handler.includes(`${ref}: `) && handler.includes(words), `${words}\n${handler}`);
  }
  assert.ok(handler.includes(`${APP}/ombudsman/cases/${refs.information}`), handler);
  assert.ok(handler.includes(`${APP}/learning/${refs.learning}`), handler);
  assert.ok(!handler.includes(refs.chfo), 'a systemic order is not a handler’s');
  const html = query(
    db,
    `SELECT html FROM reminder_digests WHERE username = '${HANDLER}' AND sent_on = '2026-01-12'`,
  );
  assert.ok(html.includes(`<a href="${APP}/cases/${tokens[HANDLER]}">`), html);
  // The manager: the team's overdue items only (the order, the complaints), not what is due soon.
  const manager = digestText(MANAGER, '2026-01-12');
  assert.ok(manager.includes(refs.order), manager);
  assert.ok(!manager.includes(refs.information) && !manager.includes(refs.learning), manager);
  // The officer: the failure order nobody holds.
  const officer = digestText(OFFICER, '2026-01-12');
  assert.ok(officer.includes(`${refs.chfo}: Publish the self-assessment`), officer);
  assert.ok(officer.includes(`${APP}/ombudsman/failure-orders/${refs.chfo}`), officer);
  // The children's team is told of its restricted case; nobody else is.
  const childHandler = digestText(CHILD_HANDLER, '2026-01-12');
  assert.ok(childHandler.includes(refs.restrictedCase), childHandler);
  assert.ok(digestText(CHILD_MANAGER, '2026-01-12').includes(refs.restrictedCase));
  assert.equal(digestText(HOSTILE, '2026-01-12').trim(), '', 'the hostile user gets no digest');
  const outsiders = query(
    db,
    'SELECT text || html || subject FROM reminder_digests ' +
      `WHERE username NOT IN ('${CHILD_HANDLER}', '${CHILD_MANAGER}')`,
  );
  for (const secret of [refs.restricted, refs.restrictedCase, refs.restrictedAction, 'Secret']) {
    assert.ok(!outsiders.includes(secret), `an outsider's digest names ${secret}`);
  }

  // Managers see who was reminded: their own team's digests, with where they went and the counts.
  const view = await startServe(db);
  try {
    const api = apiClient(view.base);
    const list = async (token, on) => api('GET', `/api/v1/reminders?on=${on}`, { token });
    const mine = await list(tokens.manager, '2026-01-12');
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    assert.deepEqual(
      mine.body.items.map((d) => [d.username, d.team, d.recipient]),
      [
        [HANDLER, TEAM, 'handler@council.example.org'],
        [MANAGER, TEAM, 'manager@council.example.org'],
        [OFFICER, TEAM, 'officer@council.example.org'],
      ],
    );
    assert.ok(mine.body.items.every((d) => d.items > 0 && d.sent_on === '2026-01-12'));
    const children = await list(tokens[CHILD_MANAGER], '2026-01-12');
    assert.deepEqual(
      children.body.items.map((d) => d.username),
      [CHILD_HANDLER, CHILD_MANAGER],
    );
    const everyone = await list(tokens.admin, '2026-01-12');
    assert.equal(everyone.body.items.length, 5);
    // December's, with the counts of the test above.
    const sent = await list(tokens.manager, '2025-12-29');
    assert.deepEqual(
      sent.body.items.map((d) => [d.username, d.items]),
      [
        [HANDLER, 1],
        [MANAGER, 2],
      ],
    );
    // A case handler may not look, and learns nothing of the children's team from trying.
    const hostile = await list(tokens[HOSTILE], '2026-01-12');
    assert.equal(hostile.status, 403);
    assert.ok(!JSON.stringify(hostile.body).includes(CHILD_HANDLER));
    const bad = await list(tokens.manager, '2026-02-30');
    assert.equal(bad.status, 422);
    assert.ok(JSON.stringify(bad.body).includes('"on"'), JSON.stringify(bad.body));
  } finally {
    await view.stop();
  }
});

test('a malformed time or office hours is refused naming the option', () => {
  const bad = redress(['reminders', 'send', '--db', db, '--at', '2025-12-18 09:00']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /--at/);
  const hours = redress(['reminders', 'send', '--db', db, '--office-hours', '17:00-09:00']);
  assert.notEqual(hours.status, 0);
  assert.match(hours.stderr, /--office-hours/);
});
