// History that stays put (issue 14): a year's annual report, run through the real server, then run
// again after some of that year's cases were reopened and answered again with other outcomes and
// compensation, and a withdrawn and a refused case reopened, all in the next year: the year's
// report is byte-identical (JSON and CSV), while the next year's counts what happened in it. The
// case keeps every answer, and the re-answer's timeline event names the one it superseded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { apiClient, redress, startServe, tempDir, testDatabase } from './helpers.mjs';

// The demo's history ends on 30 June 2022, so 2021/22 is a past year; the server's "today" is the
// real date, later still. What happens to the year's cases happens in July 2022.
const DEMO_TODAY = '2022-06-30';
const YEAR = 2021; // 2021/22
const YEAR_END = '2022-03-31';
const REOPENED_ON = '2022-07-05';
const ANSWERED_AGAIN_ON = '2022-07-12';
const NEW_COMPENSATION_PENCE = 123_45;

let workspace;
let db;
let server;
let call;

before(async () => {
  workspace = tempDir();
  db = testDatabase(workspace.dir, 'council.db');
  const demo = redress(['demo', '--db', db, '--seed', '2', '--today', DEMO_TODAY]);
  assert.equal(demo.status, 0, demo.stderr);
  const token = redress(['token', 'create', '--db', db, '--username', 'admin']);
  assert.equal(token.status, 0, token.stderr);
  server = await startServe(db);
  const client = apiClient(server.base);
  call = (method, path, options = {}) =>
    client(method, path, { token: token.stdout.trim(), ...options });
});

after(async () => {
  if (server) await server.stop();
  workspace?.cleanup();
});

// The year's report in JSON and CSV, as at today (the default) and as at a fixed date.
async function reportsOf(year) {
  const documents = {};
  for (const [name, query] of [
    ['json', ''],
    ['csv', '?format=csv'],
    ['json as at', `?as_at=${DEMO_TODAY}`],
    ['csv as at', `?format=csv&as_at=${DEMO_TODAY}`],
  ]) {
    const answer = await call('GET', `/api/v1/reports/annual/${year}${query}`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    documents[name] = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  }
  return documents;
}

function figure(report, group, key) {
  const scope = report.scopes.find((s) => s.kind === 'organisation');
  return scope.groups.find((g) => g.key === group).figures.find((f) => f.key === key);
}

// Cases of the year with `status` whose deciding date (`dateOf`) lies in the year, at stage 1.
async function casesOfTheYear(status, dateOf, count) {
  const list = await call(
    'GET',
    `/api/v1/complaints?received_from=2021-04-01&received_to=${YEAR_END}&status=${status}&limit=200`,
  );
  assert.equal(list.status, 200, JSON.stringify(list.body));
  const chosen = [];
  for (const row of list.body.items) {
    if (chosen.length === count) break;
    const complaint = await call('GET', `/api/v1/complaints/${row.reference}`);
    const decided = dateOf(complaint.body);
    if (complaint.body.stage === 1 && decided && decided <= YEAR_END) chosen.push(complaint);
  }
  assert.equal(chosen.length, count, `not enough ${status} cases of the year`);
  return chosen;
}

async function reopen(complaint) {
  const path = `/api/v1/complaints/${complaint.body.reference}`;
  const reopened = await call('POST', `${path}/reopen`, {
    body: { on: REOPENED_ON, reason: 'The complainant came back with new evidence' },
    headers: { 'if-match': complaint.headers.get('etag') },
  });
  assert.equal(reopened.status, 200, JSON.stringify(reopened.body));
  return reopened;
}

test("a past year's report stays put when its cases are reopened and answered again", async () => {
  const before = await reportsOf(YEAR);
  const nextYearBefore = JSON.parse((await reportsOf(YEAR + 1)).json);
  const asAt = JSON.parse(before.json).as_at;
  assert.match(asAt, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(JSON.parse(before['json as at']).as_at, DEMO_TODAY);
  assert.ok(before.csv.includes(`report,Organisation,all,`), 'the CSV has its as-at row');
  assert.ok(before['csv as at'].includes(`,as_at,Figures as at,Date,,,,,no,,${DEMO_TODAY}\r\n`));

  // Three answered cases reopened and answered again with another outcome and compensation.
  const answered = await casesOfTheYear('closed', (c) => c.stages[0].response?.responded_on, 3);
  for (const complaint of answered) {
    const first = complaint.body.stages[0].response;
    const reopened = await reopen(complaint);
    const path = `/api/v1/complaints/${complaint.body.reference}`;
    const outcome = first.outcome === 'upheld' ? 'not_upheld' : 'upheld';
    const again = await call('POST', `${path}/respond`, {
      body: {
        on: ANSWERED_AGAIN_ON,
        outcome,
        root_causes: first.root_causes,
        remedies: [
          { type: 'apology' },
          {
            type: 'financial',
            amount_pence: NEW_COMPENSATION_PENCE,
            description: 'Time and trouble',
          },
        ],
        learning: 'Check the evidence before closing',
      },
      headers: { 'if-match': reopened.headers.get('etag') },
    });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    // The case keeps both answers: the first, whole, as an earlier response.
    const stage = again.body.stages[0];
    assert.equal(stage.response.outcome, outcome);
    assert.deepEqual(stage.earlier_responses, [first]);
    assert.deepEqual(stage.reopenings, [REOPENED_ON]);
    const timeline = await call('GET', `${path}/timeline`);
    const last = timeline.body.at(-1);
    assert.equal(last.type, 'responded');
    assert.ok(
      last.summary.includes(`supersedes the response of ${first.responded_on}`),
      last.summary,
    );
    assert.ok(
      last.changes.some((c) => c.field === 'supersedes_response'),
      JSON.stringify(last.changes),
    );
    // The command line shows both answers too.
    const shown = redress([
      'complaint',
      'show',
      '--db',
      db,
      '--reference',
      complaint.body.reference,
    ]);
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(
      shown.stdout,
      new RegExp(
        `stage 1 earlier response 1 \\(superseded\\):\t${first.responded_on}: ${first.outcome}`,
      ),
    );
    assert.match(
      shown.stdout,
      new RegExp(`stage 1 response:\t${ANSWERED_AGAIN_ON}: ${outcome}, £123\\.45 compensation`),
    );
  }

  // A withdrawn and a refused case reopened: the withdrawal and refusal stay on record.
  const [withdrawn] = await casesOfTheYear('withdrawn', (c) => c.withdrawal?.withdrawn_on, 1);
  const reopenedWithdrawal = await reopen(withdrawn);
  assert.equal(reopenedWithdrawal.body.withdrawal, null);
  assert.deepEqual(reopenedWithdrawal.body.earlier_withdrawals, [withdrawn.body.withdrawal]);
  const [refused] = await casesOfTheYear('not_accepted', (c) => c.refusal?.decided_on, 1);
  const reopenedRefusal = await reopen(refused);
  assert.equal(reopenedRefusal.body.refusal, null);
  assert.deepEqual(reopenedRefusal.body.earlier_refusals, [refused.body.refusal]);
  // Never acknowledged before it was refused? Then reopening does not acknowledge it either.
  assert.equal(
    reopenedRefusal.body.stages[0].acknowledged_on,
    refused.body.stages[0].acknowledged_on,
  );

  // The year's report: byte for byte the same, JSON and CSV, as at today and as at a fixed date.
  const afterwards = await reportsOf(YEAR);
  for (const name of Object.keys(before)) assert.equal(afterwards[name], before[name], name);

  // The next year counts what happened in it: five reopenings, three more responses.
  const nextYear = JSON.parse((await reportsOf(YEAR + 1)).json);
  assert.equal(
    figure(nextYear, 'volumes', 'reopened').current,
    figure(nextYearBefore, 'volumes', 'reopened').current + 5,
  );
  assert.equal(
    figure(nextYear, 'outcomes_stage_1', 'responses').current,
    figure(nextYearBefore, 'outcomes_stage_1', 'responses').current + 3,
  );
  assert.equal(
    figure(nextYear, 'remedies', 'compensation_total').current,
    figure(nextYearBefore, 'remedies', 'compensation_total').current +
      (3 * NEW_COMPENSATION_PENCE) / 100,
  );
  // Responses issued and outcomes count the same responses.
  for (const report of [JSON.parse(afterwards.json), nextYear]) {
    assert.equal(
      figure(report, 'timeliness_stage_1', 'responses').current,
      figure(report, 'outcomes_stage_1', 'responses').current,
    );
  }
});

test('a report as at a date in the future is refused, naming as_at', async () => {
  const answer = await call('GET', `/api/v1/reports/annual/${YEAR}?as_at=2999-01-01`);
  assert.equal(answer.status, 422, JSON.stringify(answer.body));
  assert.ok(answer.body.errors.some((e) => e.field === 'as_at'));
  const bad = await call('GET', `/api/v1/reports/annual/${YEAR}?as_at=yesterday&format=doc`);
  assert.equal(bad.status, 422, JSON.stringify(bad.body));
  assert.deepEqual(bad.body.errors.map((e) => e.field).sort(), ['as_at', 'format']);
  const cli = redress([
    'report',
    'annual',
    '--db',
    db,
    '--year',
    String(YEAR),
    '--as-at',
    '2099-01-01',
    '--out',
    '-',
  ]);
  assert.equal(cli.status, 2, cli.stderr);
  assert.match(cli.stderr, /--as-at: must not be in the future/);
});
