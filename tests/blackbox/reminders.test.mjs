// Staff reminder digests (issue 15) with a fixed local time (`redress reminders send --at`, the
// same use case the server's schedule runs on the wall clock) and the real SMTP sink: nothing at
// 06:00, on a Saturday or on a bank holiday; one digest for the handler when an acknowledgement is
// due soon and on the day, once a day however often it runs; the team's manager too once it is
// overdue; nobody whose digest is off. The server's outbox delivers them, without attachment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
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
import { freePort, received, startSink, stopSink, waitFor } from './mail_helpers.mjs';

const TEAM = 'housing-services';
const AREA = 'housing';
const CATEGORY = 'repairs';
const HANDLER = 'rem.handler';
const MANAGER = 'rem.manager';
const QUIET = 'rem.quiet';

let workspace;
let db;
let mailDir;
let sink;
let smtpPort;
const tokens = {};

function remind(at) {
  const run = redress(['reminders', 'send', '--db', db, '--at', at]);
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim();
}

function setEmail(username, email, digest = 'daily') {
  const run = redress([
    'user',
    'update',
    '--db',
    db,
    '--username',
    username,
    '--email',
    email,
    '--reminder-digest',
    digest,
  ]);
  assert.equal(run.status, 0, run.stderr);
}

before(async () => {
  workspace = tempDir();
  mailDir = join(workspace.dir, 'mail');
  spawnSync('mkdir', ['-p', mailDir]);
  smtpPort = await freePort();
  sink = await startSink(smtpPort, mailDir);
  db = testDatabase(workspace.dir, 'reminders.db');
  assert.equal(redress(['init', '--db', db]).status, 0);
  tokens.admin = userWithToken(db, 'rem.admin', 'admin');
  const server = await startServe(db);
  const call = apiClient(server.base);
  try {
    const admin = async (method, path, body) => {
      const r = await call(method, path, { token: tokens.admin, body });
      assert.ok(r.status < 300, `${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
    };
    await admin('PUT', `/api/v1/teams/${TEAM}`, { name: 'Housing Services' });
    await admin('PUT', `/api/v1/service-areas/${AREA}`, { name: 'Housing', team: TEAM });
    await admin('PUT', `/api/v1/categories/${CATEGORY}`, { name: 'Repairs' });
    userWithToken(db, HANDLER, 'case_handler', TEAM);
    userWithToken(db, MANAGER, 'manager', TEAM);
    userWithToken(db, QUIET, 'case_handler', TEAM);
    // Monday 15 December 2025: the acknowledgement is due five working days later, Monday 22nd.
    for (const handler of [HANDLER, QUIET]) {
      const logged = await call('POST', '/api/v1/complaints', {
        token: tokens.admin,
        body: {
          regime: 'housing',
          received_on: '2025-12-15',
          channel: 'email',
          service_area: AREA,
          category: CATEGORY,
          summary: `The roof leaks (${handler})`,
          description: 'Water comes through the ceiling.',
          desired_outcome: 'The roof repaired',
          complainant: { name: 'Ada Resident', email: 'ada@example.org' },
          handler,
        },
      });
      assert.equal(logged.status, 201, JSON.stringify(logged.body));
      assert.equal(logged.body.stages[0].acknowledge_by, '2025-12-22');
      tokens[handler] = logged.body.reference;
    }
  } finally {
    await server.stop();
  }
  setEmail(HANDLER, 'handler@council.example.org');
  setEmail(MANAGER, 'manager@council.example.org');
  setEmail(QUIET, 'quiet@council.example.org', 'off');
});

after(async () => {
  await stopSink(sink);
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
  const server = await startServe(db, [
    '--smtp-url',
    `smtp://127.0.0.1:${smtpPort}`,
    '--mail-from',
    'complaints@council.example.org',
    '--outbox-poll-ms',
    '100',
  ]);
  try {
    const ours = () => received(mailDir).filter((m) => /^<digest-.*-2025-12-/.test(m.message_id));
    const mails = await waitFor('the four digests', () => ours().length >= 4 && ours());
    assert.equal(mails.length, 4);
    const byId = Object.fromEntries(mails.map((m) => [m.message_id, m]));
    const overdue = byId[`<digest-${HANDLER}-2025-12-29@redress.invalid>`];
    assert.deepEqual(overdue.to, ['handler@council.example.org']);
    assert.deepEqual(overdue.attachments, []);
    assert.match(overdue.subject, /1 case, 1 overdue/);
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

test('a malformed time or office hours is refused naming the option', () => {
  const bad = redress(['reminders', 'send', '--db', db, '--at', '2025-12-18 09:00']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /--at/);
  const hours = redress(['reminders', 'send', '--db', db, '--office-hours', '17:00-09:00']);
  assert.notEqual(hours.status, 0);
  assert.match(hours.stderr, /--office-hours/);
});
