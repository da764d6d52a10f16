// Bulk actions on cases selected in the case list (issue 18), through the API of the real binary
// on a demo council: each case is its own use-case call with its own version check and its own
// event, and the answer says per case what happened (done, or refused with the problem its single
// action would have answered: a stale version, a status that does not allow it, a case the user
// cannot see answered as not found); the list's own problems come before any case is touched.
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

const TEAM = 'housing-services';

let workspace;
let db;
let server;
let call;
let officer;

before(async () => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'bulk.db', ['--seed', '6', '--today', '2024-03-28']);
  officer = userWithToken(db, 'bulk.officer', 'complaints_officer', TEAM);
  server = await startServe(db);
  call = apiClient(server.base);
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

const rows = async (filters) => {
  const list = await call('GET', `/api/v1/complaints?${filters}&limit=200`, { token: officer });
  assert.equal(list.status, 200);
  return list.body.items;
};
const eventCount = (type) =>
  Number(query(db, `SELECT count(*) FROM events WHERE type = '${type}'`).trim());

test('a bulk reassignment reports each case: done, stale, not found', async () => {
  const open = (await rows('status=in_progress&stage=1')).slice(0, 3);
  assert.equal(open.length, 3, 'the demo has three open stage 1 cases');
  const eligible = await call('GET', `/api/v1/complaints/${open[0].reference}/eligible-handlers`, {
    token: officer,
  });
  assert.equal(eligible.status, 200);
  const handler = eligible.body.items.find((user) =>
    open.every((row) => row.handler !== user.username),
  );
  assert.ok(handler, 'someone eligible who handles none of them');
  const before = eventCount('reassigned');
  const answer = await call('POST', '/api/v1/complaints/bulk/reassign', {
    token: officer,
    body: {
      cases: [
        { reference: open[0].reference, version: open[0].version },
        { reference: open[1].reference, version: open[1].version + 1 },
        { reference: 'CMP-1999-999999', version: 1 },
      ],
      action: { team: open[0].team, handler: handler.username },
    },
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const outcomes = answer.body.results.map((r) => [r.reference, r.outcome, r.problem?.status]);
  assert.deepEqual(outcomes, [
    [open[0].reference, 'done', undefined],
    [open[1].reference, 'refused', 412],
    ['CMP-1999-999999', 'refused', 404],
  ]);
  assert.equal(answer.body.results[0].version, open[0].version + 1);
  assert.equal(eventCount('reassigned'), before + 1, 'one event, for the case done');
  const stale = await call('GET', `/api/v1/complaints/${open[1].reference}`, { token: officer });
  assert.equal(stale.body.version, open[1].version, 'the refused case is untouched');
});

test('a bulk acknowledgement acknowledges what awaits it and refuses the rest', async () => {
  const waiting = (await rows('status=awaiting_acknowledgement')).slice(0, 2);
  assert.ok(waiting.length >= 1, 'the demo has a case awaiting acknowledgement');
  const [acknowledged] = await rows('status=in_progress');
  const answer = await call('POST', '/api/v1/complaints/bulk/acknowledge', {
    token: officer,
    body: {
      cases: [...waiting, acknowledged].map((row) => ({
        reference: row.reference,
        version: row.version,
      })),
      action: {},
    },
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const outcomes = answer.body.results.map((r) => [r.outcome, r.status ?? r.problem?.status]);
  assert.deepEqual(outcomes, [...waiting.map(() => ['done', 'in_progress']), ['refused', 409]]);
});

// A hostile user naming a restricted case of another team: the bulk answer is the one an unknown
// reference gets (not found), and the case is not touched, whatever the action.
test('a restricted case the user may not see is refused as not found and left as it was', async () => {
  const hidden = query(
    db,
    `SELECT c.reference, c.version FROM complaints c WHERE CAST(c.restricted AS INTEGER) = 1 AND NOT EXISTS (
       SELECT 1 FROM complaint_stages s WHERE s.complaint_id = c.id AND s.team = '${TEAM}') LIMIT 1`,
  )
    .trim()
    .split('|');
  assert.equal(hidden.length, 2, 'the demo has a restricted case outside the team');
  const [reference, version] = [hidden[0], Number(hidden[1])];
  const seen = await call('GET', `/api/v1/complaints/${reference}`, { token: officer });
  assert.equal(seen.status, 404, 'the officer cannot see it');
  const eventsBefore = query(db, `SELECT count(*) FROM events`).trim();
  for (const [action, body] of [
    ['reassign', { team: TEAM, handler: 'bulk.officer' }],
    ['acknowledge', {}],
  ]) {
    const answer = await call('POST', `/api/v1/complaints/bulk/${action}`, {
      token: officer,
      body: { cases: [{ reference, version }], action: body },
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const [result] = answer.body.results;
    assert.deepEqual(
      [result.reference, result.outcome, result.problem?.status],
      [reference, 'refused', 404],
    );
    assert.ok(!JSON.stringify(answer.body).includes('children'), 'nothing of the case is told');
  }
  assert.equal(query(db, `SELECT count(*) FROM events`).trim(), eventsBefore, 'no event written');
});

test('the list’s own problems come before any case is touched', async () => {
  const before = eventCount('reassigned');
  assertProblem(
    assert,
    await call('POST', '/api/v1/complaints/bulk/reassign', {
      token: officer,
      body: { cases: [], action: { handler: 'nobody' } },
    }),
    422,
    'cases',
  );
  const [row] = await rows('status=in_progress');
  const twice = { reference: row.reference, version: row.version };
  assertProblem(
    assert,
    await call('POST', '/api/v1/complaints/bulk/reassign', {
      token: officer,
      body: { cases: [twice, twice], action: { team: row.team } },
    }),
    422,
    'cases[1].reference',
  );
  assertProblem(
    assert,
    await call('POST', '/api/v1/complaints/bulk/acknowledge', {
      token: officer,
      body: { cases: [twice], action: { on: 'soon' } },
    }),
    422,
    'action.on',
  );
  assert.equal(eventCount('reassigned'), before);
  const verified = redress(['audit', 'verify', '--db', db]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
});
