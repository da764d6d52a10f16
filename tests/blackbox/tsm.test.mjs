// Issue 14 on the real binary: TSM TP09 entered per year (API and CLI) and shown beside CH01 and
// CH02 in the annual report; the 12-month time limit (matter_arose_on, a refusal as older than the
// limit accepted only with the evidence, which the case, its timeline and the CLI show); and the
// Code version a complaint is judged on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
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
let server;
let call;
let db;
let admin;
let officer;
let viewer;

before(async () => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'tsm.db', ['--seed', '5', '--today', '2022-06-30']);
  admin = userWithToken(db, 'tsm.admin', 'admin');
  officer = userWithToken(db, 'tsm.officer', 'complaints_officer', 'housing-services');
  viewer = userWithToken(db, 'tsm.viewer', 'viewer');
  server = await startServe(db);
  call = apiClient(server.base);
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

const tsmFigure = (report, key) => report.tsm.figures.find((figure) => figure.key === key);

function fieldsOf(result) {
  return (result.body.errors ?? []).map((error) => error.field).sort();
}

test('TP09 is entered per year by admins, audited, and shown beside CH01 and CH02', async () => {
  const saved = await call('PUT', '/api/v1/tenant-satisfaction/2024', {
    token: admin,
    body: { percent: 71.5, sample_size: 812 },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.deepEqual(saved.body, { year: 2024, percent: 71.5, sample_size: 812 });

  const listed = await call('GET', '/api/v1/tenant-satisfaction', { token: viewer });
  assert.equal(listed.status, 200);
  assert.ok(
    listed.body.items.some(
      (item) => item.year === 2024 && item.percent === 71.5 && item.sample_size === 812,
    ),
  );
  const audit = query(
    db,
    "SELECT changes FROM events WHERE entity_type = 'configuration' " +
      "AND entity_ref = 'tp09/2024' ORDER BY sequence",
  )
    .trim()
    .split('\n');
  assert.ok(audit.at(-1).includes('71.5') && audit.at(-1).includes('812'), audit.join('\n'));

  assert.equal(
    (
      await call('PUT', '/api/v1/tenant-satisfaction/2024', {
        token: officer,
        body: { percent: 50, sample_size: 10 },
      })
    ).status,
    403,
  );

  const report = await call('GET', '/api/v1/reports/annual/2024', { token: viewer });
  assert.equal(report.status, 200);
  assert.equal(tsmFigure(report.body, 'tp09').current, 71.5);
  assert.equal(tsmFigure(report.body, 'tp09_sample_size').current, 812);
  assert.ok(tsmFigure(report.body, 'ch01_stage_1'), 'TP09 sits in the group with CH01');
  // The demo entered 2023/24's survey: it is the year before.
  assert.equal(tsmFigure(report.body, 'tp09').previous, 34.2);
  // No TSM before 2023/24.
  const early = await call('GET', '/api/v1/reports/annual/2022', { token: viewer });
  assert.equal(tsmFigure(early.body, 'tp09').current, null);
  const csv = await call('GET', '/api/v1/reports/annual/2024?format=csv', { token: viewer });
  assert.match(csv.body, /tp09/);
});

test('TP09: every wrong field is named in one 422', async () => {
  const all = await call('PUT', '/api/v1/tenant-satisfaction/2022', {
    token: admin,
    body: { percent: 100.25, sample_size: 0 },
  });
  assertProblem(assert, all, 422);
  assert.deepEqual(fieldsOf(all), ['percent', 'sample_size', 'year']);
  const missing = await call('PUT', '/api/v1/tenant-satisfaction/2024', { token: admin, body: {} });
  assertProblem(assert, missing, 422);
  assert.deepEqual(fieldsOf(missing), ['percent', 'sample_size']);
  for (const percent of [-0.1, 100.1, 72.55]) {
    assertProblem(
      assert,
      await call('PUT', '/api/v1/tenant-satisfaction/2024', {
        token: admin,
        body: { percent, sample_size: 10 },
      }),
      422,
      'percent',
    );
  }
  assertProblem(
    assert,
    await call('PUT', '/api/v1/tenant-satisfaction/2024', {
      token: admin,
      body: { percent: '70', sample_size: 10 },
    }),
    400,
    'percent',
  );
  // Nothing half-written: 2024 keeps the last good value.
  const listed = await call('GET', '/api/v1/tenant-satisfaction', { token: viewer });
  assert.ok(!listed.body.items.some((item) => item.year === 2022));
});

test('TP09 from the command line, and the report file shows it', () => {
  const set = redress([
    'report',
    'tp09',
    '--db',
    db,
    '--year',
    '2025',
    '--percent',
    '40.1',
    '--sample-size',
    '555',
  ]);
  assert.equal(set.status, 0, set.stderr);
  assert.match(set.stdout, /TP09 in 2025\/26: 40\.1% \(sample size 555\)/);
  const bad = redress([
    'report',
    'tp09',
    '--db',
    db,
    '--year',
    '2021',
    '--percent',
    '101',
    '--sample-size',
    '0',
  ]);
  assert.notEqual(bad.status, 0);
  for (const option of ['--year', '--percent', '--sample-size'])
    assert.match(bad.stderr, new RegExp(option));
  const out = join(workspace.dir, 'report-2025.csv');
  const report = redress([
    'report',
    'annual',
    '--db',
    db,
    '--year',
    '2025',
    '--format',
    'csv',
    '--out',
    out,
  ]);
  assert.equal(report.status, 0, report.stderr);
  const json = redress([
    'report',
    'annual',
    '--db',
    db,
    '--year',
    '2025',
    '--format',
    'json',
    '--out',
    '-',
  ]);
  const parsed = JSON.parse(json.stdout);
  assert.equal(tsmFigure(parsed, 'tp09').current, 40.1);
  assert.equal(tsmFigure(parsed, 'tp09_sample_size').current, 555);
});

const housing = (received, extra = {}) => ({
  regime: 'housing',
  received_on: received,
  channel: 'email',
  service_area: 'housing',
  category: 'repairs',
  summary: 'Damp in the kitchen',
  description: 'Mould on the wall behind the cooker.',
  complainant: { name: 'Tom Limit', email: 'tom.limit@example.org' },
  ...extra,
});

async function logged(received, extra) {
  const result = await call('POST', '/api/v1/complaints', {
    token: officer,
    body: housing(received, extra),
  });
  assert.equal(result.status, 201, JSON.stringify(result.body));
  return result.body;
}

// Refuses at the version the case has now (If-Match with its ETag).
async function refuse(reference, body) {
  const current = await call('GET', `/api/v1/complaints/${reference}`, { token: officer });
  return call('POST', `/api/v1/complaints/${reference}/refuse`, {
    token: officer,
    headers: { 'if-match': current.headers.get('etag') },
    body: { on: '2025-02-10', explanation: 'Too old; you may ask the Ombudsman.', ...body },
  });
}

test('matter_arose_on is recorded when logging, never after receipt', async () => {
  const bad = await call('POST', '/api/v1/complaints', {
    token: officer,
    body: housing('2025-02-03', { matter_arose_on: '2025-02-04' }),
  });
  assertProblem(assert, bad, 422, 'matter_arose_on');
  const ok = await logged('2025-02-03', { matter_arose_on: '2024-11-20' });
  assert.equal(ok.matter_arose_on, '2024-11-20');
  assert.deepEqual(ok.time_limit, {
    matter_arose_on: '2024-11-20',
    received_on: '2025-02-03',
    limit_months: 12,
    limit_ends_on: '2025-11-20',
    days_beyond_limit: -290,
    outside_limit: false,
  });
  const none = await logged('2025-02-03');
  assert.equal(none.matter_arose_on, null);
  assert.equal(none.time_limit, null);
});

test('a refusal as older than 12 months needs the date beyond the limit, every field named', async () => {
  const noDate = await logged('2025-02-03');
  const missing = await refuse(noDate.reference, { reason: 'older_than_12_months' });
  assertProblem(assert, missing, 422);
  assert.deepEqual(fieldsOf(missing), ['matter_arose_on']);

  // Exactly 12 months before receipt is within the limit: refused with both fields named.
  const within = await refuse(noDate.reference, {
    reason: 'older_than_12_months',
    matter_arose_on: '2024-02-03',
  });
  assertProblem(assert, within, 422);
  assert.deepEqual(fieldsOf(within), ['matter_arose_on', 'reason']);
  assert.deepEqual(
    within.body.errors.map((error) => error.code),
    ['within_time_limit', 'within_time_limit'],
    'both named for the one reason',
  );

  const everything = await refuse(noDate.reference, {
    reason: 'older_than_12_months',
    explanation: ' ',
    matter_arose_on: '2025-02-05',
  });
  assertProblem(assert, everything, 422);
  assert.deepEqual(fieldsOf(everything), ['explanation', 'matter_arose_on']);

  const unchanged = await call('GET', `/api/v1/complaints/${noDate.reference}`, { token: officer });
  assert.equal(unchanged.body.status, 'awaiting_acknowledgement');
  assert.equal(unchanged.body.matter_arose_on, null);

  // One day beyond: accepted, with the evidence on the case and its timeline.
  const refused = await refuse(noDate.reference, {
    reason: 'older_than_12_months',
    matter_arose_on: '2024-02-02',
  });
  assert.equal(refused.status, 200, JSON.stringify(refused.body));
  assert.equal(refused.body.status, 'not_accepted');
  assert.deepEqual(refused.body.refusal.time_limit, {
    matter_arose_on: '2024-02-02',
    received_on: '2025-02-03',
    limit_months: 12,
    limit_ends_on: '2025-02-02',
    days_beyond_limit: 1,
    outside_limit: true,
  });
  const timeline = await call('GET', `/api/v1/complaints/${noDate.reference}/timeline`, {
    token: officer,
  });
  const event = timeline.body.find((e) => e.type === 'refused');
  assert.match(event.summary, /limit ended on 2025-02-02.*1 days beyond it/);
  const changes = Object.fromEntries(event.changes.map((c) => [c.field, c.after]));
  assert.equal(changes.matter_arose_on, '2024-02-02');
  assert.equal(changes.time_limit_months, '12');
  assert.equal(changes.days_beyond_time_limit, '1');
});

test('a date logged with the complaint is the evidence; other reasons need none', async () => {
  const old = await logged('2025-01-31', { matter_arose_on: '2023-12-31' });
  assert.equal(old.time_limit.outside_limit, true);
  assert.equal(old.status, 'awaiting_acknowledgement', 'outside the limit never refuses by itself');
  const refused = await refuse(old.reference, { reason: 'older_than_12_months' });
  assert.equal(refused.status, 200, JSON.stringify(refused.body));
  assert.equal(refused.body.refusal.time_limit.days_beyond_limit, 31);

  const recent = await logged('2025-01-31', { matter_arose_on: '2025-01-10' });
  const other = await refuse(recent.reference, { reason: 'legal_proceedings' });
  assert.equal(other.status, 200, JSON.stringify(other.body));
  assert.equal(other.body.refusal.time_limit, null);
});

test('the command line refuses with the evidence and shows it', async () => {
  const fresh = await logged('2025-03-03', { matter_arose_on: '2024-12-01' });
  const within = redress([
    'complaint',
    'refuse',
    '--db',
    db,
    '--reference',
    fresh.reference,
    '--reason',
    'older_than_12_months',
    '--explanation',
    'Too old.',
    '--on',
    '2025-03-04',
  ]);
  assert.notEqual(within.status, 0);
  assert.match(within.stderr, /--matter-arose-on/);
  assert.match(within.stderr, /--reason/);
  const refused = redress([
    'complaint',
    'refuse',
    '--db',
    db,
    '--reference',
    fresh.reference,
    '--reason',
    'older_than_12_months',
    '--explanation',
    'Too old.',
    '--on',
    '2025-03-04',
    '--matter-arose-on',
    '2023-12-01',
  ]);
  assert.equal(refused.status, 0, refused.stderr);
  const shown = redress(['complaint', 'show', '--db', db, '--reference', fresh.reference]);
  assert.equal(shown.status, 0, shown.stderr);
  assert.match(
    shown.stdout,
    /matter arose 2023-12-01; 12-month limit ends 2024-12-01; received 2025-03-03: 92 days beyond the limit/,
  );
  assert.match(shown.stdout, /refused on 2025-03-04: older_than_12_months/);
  assert.match(
    shown.stdout,
    /judged on: Housing Ombudsman Complaint Handling Code 2024 \(hoc-2024, from 2024-04-01\)/,
  );
});

test('each complaint says which Code version it is judged on', async () => {
  const before = await logged('2024-03-28');
  assert.equal(before.code_version, 'hoc-2022');
  assert.equal(before.code_version_title, 'Housing Ombudsman Complaint Handling Code 2022');
  const afterStart = await logged('2024-04-02');
  assert.equal(afterStart.code_version, 'hoc-2024');
  const report = await call('GET', '/api/v1/reports/annual/2024', { token: viewer });
  const rule = report.body.counting_rules.find((r) => r.key === 'code_versions');
  assert.ok(rule, JSON.stringify(report.body.counting_rules.map((r) => r.key)));
  assert.match(rule.text, /hoc-2022/);
  assert.match(rule.text, /hoc-2024.*2024-04-01/);
});
