// Every field error of a request comes in one round (issue 18, "Forms and messages"): an empty
// JSON body sent to each write operation of the served OpenAPI document is answered 422 with a
// problem naming every property the operation's request schema requires, all at once, each with
// a machine `code` (core::FieldErrorCode) the web app words for people. The operations are read
// from the document, so a new write operation is covered without editing this test; one that
// cannot be exercised so fails the test, naming itself, unless NOT_CHECKED says why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { redress, startServe, tempDir, testDatabase, userWithToken } from './helpers.mjs';
import {
  HOUSING_AREA,
  HOUSING_CATEGORY,
  INSIDER,
  ROOT_CAUSE,
  YEAR,
  council,
} from './visibility_council.mjs';
import { openApiWalker, PATH_KINDS } from './visibility_openapi.mjs';

// Path parameters that name no record of the council: what to put there.
const PATH_VALUES = {
  year: YEAR,
  username: INSIDER,
  provision: '6.3',
  id: '1',
  number: '1',
  code: 'new-code',
  date: `${YEAR}-12-24`,
  type: 'acknowledgement',
  regime: 'housing',
  // A subject access request's steps read their body before the request: none need exist.
  reference: 'SAR-2000-000001',
};
// Write operations whose empty body is not a field question, with the reason.
const NOT_CHECKED = {
  signIn: 'a sign-in answers 401 for any wrong credentials, naming no field (no enumeration)',
  testOidcConnection: 'tries the saved configuration; its body is optional',
};

let workspace;
let server;
let spec;
const tokens = {};
const visible = {};
// Complaints in the states the case actions need (awaiting acknowledgement, in progress,
// responded): each action is tried on one whose allowed_actions list it, as the state is checked
// before the input (allowed_actions.test.mjs).
const complaints = [];

async function request(method, path, { token = tokens.admin, body, headers = {} } = {}) {
  const init = { method, headers: { ...headers, authorization: `Bearer ${token}` } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${server.base}${path}`, init);
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

before(async () => {
  workspace = tempDir();
  const db = testDatabase(workspace.dir, 'one-round.db');
  const init = redress(['init', '--db', db]);
  assert.equal(init.status, 0, init.stderr);
  tokens.admin = userWithToken(db, 'round.admin', 'admin');
  server = await startServe(db);
  spec = (await request('GET', '/api/openapi.json')).json;
  const { configure, makeVisibleRecords } = council({
    request,
    tokens,
    visible,
    restricted: {},
  });
  await configure();
  tokens.insider = userWithToken(db, INSIDER, 'complaints_officer', 'childrens-complaints');
  await makeVisibleRecords();
  complaints.push(visible.complaint[0]);
  for (const steps of [['acknowledge'], ['acknowledge', 'respond']]) {
    const logged = await request('POST', '/api/v1/complaints', {
      body: {
        regime: 'housing',
        received_on: `${YEAR}-06-02`,
        channel: 'phone',
        service_area: HOUSING_AREA,
        category: HOUSING_CATEGORY,
        summary: 'Broken boiler',
        description: 'No heating',
        complainant: { name: 'Cai Example', phone: '01632 960000' },
      },
    });
    assert.equal(logged.status, 201, logged.text);
    let etag = logged.headers.get('etag');
    for (const action of steps) {
      const body =
        action === 'respond'
          ? { on: `${YEAR}-06-10`, outcome: 'not_upheld', root_causes: [ROOT_CAUSE] }
          : { on: `${YEAR}-06-03` };
      const done = await request('POST', `/api/v1/complaints/${logged.json.reference}/${action}`, {
        body,
        headers: { 'if-match': etag },
      });
      assert.equal(done.status, 200, done.text);
      etag = done.headers.get('etag');
    }
    complaints.push(logged.json.reference);
  }
});

// A complaint whose state allows `action` now, or undefined.
async function complaintAllowing(action) {
  for (const reference of complaints) {
    const got = await request('GET', `/api/v1/complaints/${reference}`);
    if (got.json.allowed_actions.includes(action)) return reference;
  }
  return undefined;
}

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

test('an empty body is answered with every required field of the operation at once', async () => {
  const { operations, pathParams, fill, resolve } = openApiWalker({
    spec,
    pathKinds: PATH_KINDS,
    values: {},
    also: {},
    year: YEAR,
  });
  const failures = [];
  const notes = [];
  let checked = 0;
  for (const op of operations()) {
    if (!['POST', 'PUT', 'PATCH'].includes(op.method) || !op.bodySchema) continue;
    const required = resolve(op.bodySchema).required ?? [];
    if (required.length === 0 || NOT_CHECKED[op.id]) continue;
    const values = { ...PATH_VALUES };
    for (const { name, kind } of pathParams(op)) {
      if (kind) values[name] = visible[kind]?.[0];
      if (values[name] === undefined) failures.push(`${op.id}: no value for {${name}}`);
    }
    const action = /^\/api\/v1\/complaints\/\{reference\}\/([a-z-]+)$/.exec(op.path)?.[1];
    if (action && op.parameters.some((p) => p.in === 'header' && /^if-match$/i.test(p.name))) {
      values.reference = await complaintAllowing(action);
      if (!values.reference) {
        notes.push(`${op.id}: no complaint here whose state allows it (the statutory steps)`);
        continue;
      }
    }
    const path = fill(op.path, values);
    // A versioned record's update carries the version it is based on: the record's own ETag.
    const headers = {};
    const recordParam = pathParams(op)
      .filter((p) => p.kind)
      .at(-1);
    if (recordParam && op.parameters.some((p) => p.in === 'header' && /^if-match$/i.test(p.name))) {
      const end = op.path.indexOf(`{${recordParam.name}}`) + recordParam.name.length + 2;
      const etag = (await request('GET', fill(op.path.slice(0, end), values))).headers.get('etag');
      if (etag) headers['if-match'] = etag;
    }
    const answer = await request(op.method, path, { body: {}, headers });
    checked += 1;
    if (answer.status !== 422) {
      failures.push(`${op.id} ${op.method} ${path}: ${answer.status} ${answer.text.slice(0, 200)}`);
      continue;
    }
    const errors = answer.json?.errors ?? [];
    const named = new Set(errors.map((error) => error.field));
    const missing = required.filter((field) => !named.has(field));
    if (missing.length) {
      failures.push(
        `${op.id}: did not name ${missing.join(', ')} (named ${[...named].join(', ')})`,
      );
    }
    const uncoded = errors.filter((error) => typeof error.code !== 'string');
    if (uncoded.length)
      failures.push(`${op.id}: errors without a code: ${JSON.stringify(uncoded)}`);
  }
  assert.ok(checked >= 30, `only ${checked} write operations were checked: ${notes.join('; ')}`);
  assert.deepEqual(failures, []);
});
