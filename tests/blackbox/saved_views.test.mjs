// Saved views of the case list (issue 18), through the API of the real binary on a demo council:
// a member of staff saves the list's filters and order under a name, theirs alone or shared with
// their team; the team sees a shared view but only its owner changes or deletes it; every field
// problem comes in one answer; a query the list would refuse is refused; each change is an event
// saved_view_changed on the owner, and the audit trail still verifies.
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
const token = {};

before(async () => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'views.db', ['--seed', '5', '--today', '2024-03-28']);
  token.alice = userWithToken(db, 'view.alice', 'case_handler', TEAM);
  token.bob = userWithToken(db, 'view.bob', 'manager', TEAM);
  token.carol = userWithToken(db, 'view.carol', 'case_handler', 'childrens-services');
  server = await startServe(db);
  call = apiClient(server.base);
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

const names = (result) => result.body.items.map((view) => `${view.owner}:${view.name}`);

test('a view is saved, shared with the team only, changed and deleted by its owner alone', async () => {
  const mine = await call('POST', '/api/v1/saved-views', {
    token: token.alice,
    body: { name: 'My overdue', query: 'overdue=true&sort=due_on' },
  });
  assert.equal(mine.status, 201, JSON.stringify(mine.body));
  assert.equal(mine.headers.get('location'), `/api/v1/saved-views/${mine.body.id}`);
  assert.deepEqual(
    { name: mine.body.name, query: mine.body.query, shared: mine.body.shared },
    { name: 'My overdue', query: 'overdue=true&sort=due_on', shared: false },
  );
  const shared = await call('POST', '/api/v1/saved-views', {
    token: token.alice,
    body: { name: 'Stage 2, newest', query: 'stage=2&sort=-received_on', shared: true },
  });
  assert.equal(shared.status, 201);

  // The view's query opens the list as it is.
  const list = await call('GET', `/api/v1/complaints?${mine.body.query}`, { token: token.alice });
  assert.equal(list.status, 200);

  assert.deepEqual(names(await call('GET', '/api/v1/saved-views', { token: token.alice })), [
    'view.alice:My overdue',
    'view.alice:Stage 2, newest',
  ]);
  assert.deepEqual(names(await call('GET', '/api/v1/saved-views', { token: token.bob })), [
    'view.alice:Stage 2, newest',
  ]);
  assert.deepEqual(names(await call('GET', '/api/v1/saved-views', { token: token.carol })), []);

  // Bob sees the shared view but may not change it; Carol may not even see it.
  const path = `/api/v1/saved-views/${shared.body.id}`;
  const body = { name: 'Taken over', query: '', shared: false };
  assertProblem(assert, await call('PUT', path, { token: token.bob, body }), 403);
  assertProblem(assert, await call('DELETE', path, { token: token.bob }), 403);
  assertProblem(assert, await call('PUT', path, { token: token.carol, body }), 404);
  assertProblem(
    assert,
    await call('DELETE', `/api/v1/saved-views/${mine.body.id}`, { token: token.bob }),
    404,
  );

  const renamed = await call('PUT', path, {
    token: token.alice,
    body: { name: 'Stage 2', query: 'stage=2', shared: false },
  });
  assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
  assert.equal(renamed.body.name, 'Stage 2');
  assert.deepEqual(names(await call('GET', '/api/v1/saved-views', { token: token.bob })), []);
  assert.equal((await call('DELETE', path, { token: token.alice })).status, 204);
  assertProblem(assert, await call('DELETE', path, { token: token.alice }), 404);

  // Each change an event on the owner, with what changed.
  const events = query(
    db,
    "SELECT actor || '|' || summary FROM events WHERE type = 'saved_view_changed' ORDER BY sequence",
  )
    .trim()
    .split('\n');
  assert.deepEqual(events, [
    "view.alice|Saved the view of the case list 'My overdue'",
    "view.alice|Saved the view of the case list 'Stage 2, newest'",
    "view.alice|Renamed the view of the case list 'Stage 2, newest' to 'Stage 2'",
    "view.alice|Deleted the view of the case list 'Stage 2'",
  ]);
  const verified = redress(['audit', 'verify', '--db', db]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
});

test('every problem of a view comes in one answer, and a query the list refuses is refused', async () => {
  const taken = await call('POST', '/api/v1/saved-views', {
    token: token.alice,
    body: { name: 'My overdue', query: 'overdue=true' },
  });
  assertProblem(assert, taken, 422, 'name');
  assert.equal(taken.body.errors[0].code, 'duplicate');

  const both = await call('POST', '/api/v1/saved-views', {
    token: token.alice,
    body: { name: '  ', query: 'sort=colour' },
  });
  assertProblem(assert, both, 422);
  assert.deepEqual(both.body.errors.map((error) => error.field).sort(), ['name', 'query']);
  for (const bad of ['regime=nonsense', 'favourite=yes', 'cursor=abc', 'due_within=-1']) {
    const refused = await call('POST', '/api/v1/saved-views', {
      token: token.alice,
      body: { name: `Bad ${bad}`, query: bad },
    });
    assertProblem(assert, refused, 422, 'query');
  }
  const tooLong = await call('POST', '/api/v1/saved-views', {
    token: token.alice,
    body: { name: 'x'.repeat(81), query: '' },
  });
  assertProblem(assert, tooLong, 422, 'name');
  assertProblem(
    assert,
    await call('POST', '/api/v1/saved-views', {
      token: token.alice,
      body: { name: 'A', colour: 1 },
    }),
    400,
    'colour',
  );
});
