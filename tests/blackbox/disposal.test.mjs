// Retention and disposal (issue 20), through the real server and command line on a demo council
// whose cases ended years ago: the retention periods and holds with every offending field in one
// answer; a dry run that changes nothing but its own record and says why each kept complaint is
// kept; approval by a second administrator only (four eyes); the server's scheduled job running
// the approved run, a hold placed after the approval keeping its complaint; then no trace of the
// person's name, email or text anywhere in the database file — the full-text index included —
// nor in its WAL after the checkpoint; every past year's annual report the same, byte for byte;
// and the audit trail still verifying, with the disposed complaint's events still chained.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import {
  apiClient,
  assertProblem,
  auditEventCount,
  demoDatabase,
  onPostgres,
  redress,
  startServe,
  tempDir,
  userWithToken,
} from './helpers.mjs';

// Distinctive, so that finding them in the file's bytes can only mean they were left there.
const PERSON = {
  name: 'Zebedee Quillfeather-Xanthos',
  email: 'zebedee.quillfeather@example.org',
  phone: '01632 961234',
  address: '17 Marrowbone Crescent',
  postcode: 'EX9 9ZZ',
};
const TEXT = 'The purple walrus ladder incident at the marrowbone depot';
// A service request that never became a complaint, of another person: a record of its own.
const REQUESTER = {
  name: 'Philippa Gorsebrook-Ulverton',
  email: 'philippa.gorsebrook@example.org',
  phone: '01632 967788',
  address: '4 Tansy Wynd',
  postcode: 'EX8 8QQ',
};
const REQUEST_TEXT = 'Broken heron gate latch at the tansy allotments';
// A subject access request answered in 2018, by a third person.
const ACCESS = {
  requester_name: 'Wilhelmina Cordwangle',
  requester_email: 'wilhelmina.cordwangle@example.org',
  requester_postcode: 'EX7 7WW',
  details: 'Everything about the otter footbridge dispute',
  received_on: '2018-05-01',
};
const NOTE = 'Spoke to Zebedee about the walrus ladder on the phone';
const LEARNING = 'Tell depot crews about walrus ladders';
// Our complaint's financial year (2017/18) and the demo's (2021/22, ended by April 2022).
const YEARS = ['2017', '2020', '2021', '2022'];

let workspace;
let db;
let server;
let call;
const tokens = {};
let ours;
let request;
let access;

function reports() {
  return YEARS.map((year) => {
    const result = redress(['report', 'annual', '--db', db, '--year', year, '--out', '-']);
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  });
}

function fieldsOf(result) {
  return (result.body.errors ?? []).map((error) => `${error.field}:${error.code}`).sort();
}

// The database file and its WAL as one text (SQLite), to search for what disposal must remove.
function fileBytes() {
  let text = readFileSync(db).toString('latin1');
  if (existsSync(`${db}-wal`)) text += readFileSync(`${db}-wal`).toString('latin1');
  return text;
}

const TRACES = [
  PERSON.name,
  PERSON.email,
  'Quillfeather',
  'walrus ladder',
  'Marrowbone',
  'EX9 9ZZ',
  REQUESTER.name,
  REQUESTER.email,
  'Gorsebrook',
  'heron gate latch',
  'Tansy Wynd',
  ACCESS.requester_name,
  ACCESS.requester_email,
  'otter footbridge',
];

async function waitForState(id, state) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const run = await call('GET', `/api/v1/disposal-runs/${id}`, { as: 'alice' });
    assert.equal(run.status, 200, JSON.stringify(run.body));
    if (run.body.state === state) return run.body;
    if (Date.now() > deadline) assert.fail(`run ${id} stayed ${run.body.state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

before(async () => {
  workspace = tempDir();
  // A council whose demo cases were received in 2021/22 and mostly ended by April 2022: kept four
  // years (set below), most may go now.
  db = demoDatabase(workspace.dir, 'council.db', ['--seed', '5', '--today', '2022-04-02']);
  tokens.alice = userWithToken(db, 'records.alice', 'admin');
  tokens.bob = userWithToken(db, 'records.bob', 'admin');
  tokens.officer = userWithToken(db, 'disposal.officer', 'complaints_officer');
  tokens.viewer = userWithToken(db, 'disposal.viewer', 'viewer');
  server = await startServe(db, ['--disposal-poll-seconds', '1']);
  const client = apiClient(server.base);
  call = (method, path, { as = 'officer', ...options } = {}) =>
    client(method, path, { token: tokens[as], ...options });

  // Our complaint: received, answered and closed in 2018, with a note and needs.
  const logged = await call('POST', '/api/v1/complaints', {
    body: {
      regime: 'corporate',
      received_on: '2018-03-01',
      channel: 'email',
      service_area: 'environment',
      category: 'missed-collection',
      summary: TEXT,
      description: `${TEXT}; reported by ${PERSON.name}`,
      desired_outcome: 'An apology about the walrus ladder',
      complainant: PERSON,
      handler: 'disposal.officer',
    },
  });
  assert.equal(logged.status, 201, JSON.stringify(logged.body));
  ours = logged.body.reference;
  const path = `/api/v1/complaints/${ours}`;
  const step = async (action, body) => {
    const current = await call('GET', path);
    const done = await call('POST', `${path}/${action}`, {
      body,
      headers: { 'if-match': current.headers.get('etag') },
    });
    assert.equal(done.status, 200, `${action}: ${JSON.stringify(done.body)}`);
  };
  await step('acknowledge', { on: '2018-03-02' });
  await step('respond', {
    on: '2018-03-09',
    outcome: 'upheld',
    root_causes: ['contractor-performance'],
    remedies: [
      { type: 'financial', amount_pence: 2500, description: 'For Zebedee walrus trouble' },
    ],
    learning: LEARNING,
  });
  await step('close', { on: '2018-04-20' });
  const note = await call('POST', `${path}/notes`, { body: { text: NOTE } });
  assert.equal(note.status, 201, JSON.stringify(note.body));
  const needs = await call('PUT', `${path}/contact-preferences`, {
    body: { channel: 'email', adjustments: 'Large print about walrus ladders' },
  });
  assert.equal(needs.status, 200, JSON.stringify(needs.body));

  // Our service request: logged and resolved in 2018, never a complaint.
  const sr = await call('POST', '/api/v1/service-requests', {
    body: {
      channel: 'phone',
      received_on: '2018-02-01',
      service_area: 'environment',
      category: 'missed-collection',
      summary: REQUEST_TEXT,
      description: `${REQUEST_TEXT}, reported by ${REQUESTER.name}`,
      requester: REQUESTER,
    },
  });
  assert.equal(sr.status, 201, JSON.stringify(sr.body));
  request = sr.body.reference;
  const current = await call('GET', `/api/v1/service-requests/${request}`);
  const resolved = await call('POST', `/api/v1/service-requests/${request}/resolve`, {
    body: { on: '2018-02-10', resolution: `Latch mended for ${REQUESTER.name}` },
    headers: { 'if-match': current.headers.get('etag') },
  });
  assert.equal(resolved.status, 200, JSON.stringify(resolved.body));

  // Our subject access request: answered in 2018.
  const sar = await call('POST', '/api/v1/subject-access-requests', { as: 'alice', body: ACCESS });
  assert.equal(sar.status, 201, JSON.stringify(sar.body));
  access = sar.body.reference;
  const answered = await call('POST', `/api/v1/subject-access-requests/${access}/complete`, {
    as: 'alice',
    body: { completed_on: '2018-05-20' },
  });
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

test('retention periods and holds refuse bad input with every field, and only admins see them', async () => {
  const rules = await call('GET', '/api/v1/retention/rules', { as: 'alice' });
  assert.equal(rules.status, 200, JSON.stringify(rules.body));
  // Four regimes of complaints, service requests and subject access requests (no regime).
  assert.equal(rules.body.items.length, 6);
  assert.ok(rules.body.items.every((rule) => rule.years_after_closure === 6));
  assert.deepEqual(
    rules.body.items.filter((rule) => rule.record === 'service_request'),
    [{ record: 'service_request', years_after_closure: 6 }],
  );

  const events = auditEventCount(db);
  const bad = await call('PUT', '/api/v1/retention/rules', {
    as: 'alice',
    body: { record: 'letter', regime: 'martian', years_after_closure: 0 },
  });
  assertProblem(assert, bad, 422);
  assert.deepEqual(fieldsOf(bad), ['record:not_in_list', 'regime:not_in_list']);
  const zero = await call('PUT', '/api/v1/retention/rules', {
    as: 'alice',
    body: { record: 'complaint', regime: 'children', years_after_closure: 0 },
  });
  assert.deepEqual(fieldsOf(zero), ['years_after_closure:out_of_range']);
  const noRegime = await call('PUT', '/api/v1/retention/rules', {
    as: 'alice',
    body: { record: 'complaint', years_after_closure: 0 },
  });
  assert.deepEqual(fieldsOf(noRegime), ['regime:required', 'years_after_closure:out_of_range']);
  const requestRegime = await call('PUT', '/api/v1/retention/rules', {
    as: 'alice',
    body: { record: 'service_request', regime: 'housing', years_after_closure: 4 },
  });
  assertProblem(assert, requestRegime, 422);
  assert.deepEqual(fieldsOf(requestRegime), ['regime:invalid']);
  assert.equal(auditEventCount(db), events, 'a refused change records nothing');

  const children = await call('PUT', '/api/v1/retention/rules', {
    as: 'alice',
    body: { record: 'complaint', regime: 'children', years_after_closure: 25 },
  });
  assert.equal(children.status, 200, JSON.stringify(children.body));
  assert.equal(children.body.items.find((r) => r.regime === 'children').years_after_closure, 25);
  assert.equal(auditEventCount(db), events + 1);
  const accessRule = await call('PUT', '/api/v1/retention/rules', {
    as: 'alice',
    body: { record: 'subject_access_request', years_after_closure: 2 },
  });
  assert.equal(accessRule.status, 200, JSON.stringify(accessRule.body));
  const requests = await call('PUT', '/api/v1/retention/rules', {
    as: 'alice',
    body: { record: 'service_request', years_after_closure: 4 },
  });
  assert.equal(requests.status, 200, JSON.stringify(requests.body));
  assert.equal(
    requests.body.items.find((r) => r.record === 'service_request').years_after_closure,
    4,
  );
  // The other regimes kept four years, so that the demo's 2021 cases may go now.
  for (const regime of ['housing', 'corporate', 'adults']) {
    const set = await call('PUT', '/api/v1/retention/rules', {
      as: 'alice',
      body: { record: 'complaint', regime, years_after_closure: 4 },
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
  }

  for (const as of ['officer', 'viewer']) {
    assert.equal((await call('GET', '/api/v1/retention/rules', { as })).status, 403);
    assert.equal((await call('POST', '/api/v1/disposal-runs', { as })).status, 403);
  }

  const noReason = await call('POST', `/api/v1/complaints/${ours}/holds`, {
    as: 'alice',
    body: { kind: 'forever', reason: '  ' },
  });
  assertProblem(assert, noReason, 422);
  assert.deepEqual(fieldsOf(noReason), ['kind:not_in_list', 'reason:required']);
  const unknown = await call('POST', '/api/v1/complaints/CMP-2018-999999/holds', {
    as: 'alice',
    body: { kind: 'manual', reason: 'Audit sample' },
  });
  assertProblem(assert, unknown, 404);
});

test('one field or note is redacted on request: the text and its quotes go, the trail says who and why', async () => {
  const SECRET = 'secret ocelot diagnosis of the neighbour';
  const NOTE_TEXT = 'Mrs Ocelot-Brown next door told us about her ocelot prognosis';
  const logged = await call('POST', '/api/v1/complaints', {
    body: {
      regime: 'corporate',
      received_on: new Date().toISOString().slice(0, 10),
      channel: 'phone',
      service_area: 'environment',
      category: 'missed-collection',
      summary: 'Bins missed again',
      description: `Bins missed; ${SECRET}`,
      desired_outcome: 'Collect the bins',
      complainant: {
        name: 'Ann Redact',
        email: 'ann.redact@example.org',
        phone: '',
        address: '',
        postcode: '',
      },
      handler: 'disposal.officer',
    },
  });
  assert.equal(logged.status, 201, JSON.stringify(logged.body));
  const reference = logged.body.reference;
  const note = await call('POST', `/api/v1/complaints/${reference}/notes`, {
    body: { text: NOTE_TEXT },
  });
  assert.equal(note.status, 201);
  const path = `/api/v1/complaints/${reference}/redactions`;
  // An attached file whose name and description name a third party.
  const boundary = '----redressdisposal';
  const upload = await call('POST', `/api/v1/complaints/${reference}/attachments`, {
    raw: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nOcelot-Brown's letter\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ocelot-brown.txt"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\nA letter about the ocelot prognosis.\n\r\n--${boundary}--\r\n`,
    ),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  assert.equal(upload.status, 201, JSON.stringify(upload.body));
  const [attachment] = upload.body.attachments;

  const forbidden = await call('POST', path, {
    body: { target: 'field:description', reason: 'Asked by the complainant' },
  });
  assert.equal(forbidden.status, 403);
  const events = auditEventCount(db);
  const bad = await call('POST', path, {
    as: 'alice',
    body: { target: 'field:status', reason: ' ' },
  });
  assertProblem(assert, bad, 422);
  assert.deepEqual(fieldsOf(bad), ['reason:required', 'target:not_in_list']);
  const noRepresentative = await call('POST', path, {
    as: 'alice',
    body: { target: 'field:representative.name', reason: 'x' },
  });
  assert.deepEqual(fieldsOf(noRepresentative), ['target:not_allowed_in_state']);
  assert.equal(auditEventCount(db), events, 'a refused redaction records nothing');

  const field = await call('POST', path, {
    as: 'alice',
    body: { target: 'field:description', reason: 'Third-party health information' },
  });
  assert.equal(field.status, 201, JSON.stringify(field.body));
  assert.equal(typeof field.body.events_erased, 'number');
  const again = await call('POST', path, {
    as: 'alice',
    body: { target: 'field:description', reason: 'Again' },
  });
  assertProblem(assert, again, 409);
  const redactedNote = await call('POST', path, {
    as: 'alice',
    body: { target: `note:${note.body.id}`, reason: 'About a third party' },
  });
  assert.equal(redactedNote.status, 201, JSON.stringify(redactedNote.body));
  // The note's own event quoted it.
  assert.ok(redactedNote.body.events_erased >= 1);

  const redactedFile = await call('POST', path, {
    as: 'alice',
    body: { target: `attachment:${attachment.id}`, reason: 'A neighbour asked' },
  });
  assert.equal(redactedFile.status, 201, JSON.stringify(redactedFile.body));
  const files = await call('GET', `/api/v1/complaints/${reference}/attachments`, { as: 'alice' });
  assert.equal(files.status, 200, JSON.stringify(files.body));
  assert.equal(JSON.stringify(files.body).includes('celot'), false, 'no name or description left');
  const content = await fetch(`${server.base}${attachment.content}`, {
    headers: { authorization: `Bearer ${tokens.alice}` },
  });
  assert.notEqual(content.status, 200, 'the redacted file is not served');

  const complaint = await call('GET', `/api/v1/complaints/${reference}`, { as: 'alice' });
  assert.equal(complaint.body.description, '[redacted]');
  assert.equal(complaint.body.summary, 'Bins missed again');
  const notes = await call('GET', `/api/v1/complaints/${reference}/notes`, { as: 'alice' });
  assert.equal(JSON.stringify(notes.body).includes('ocelot'), false);
  const timeline = await call('GET', `/api/v1/complaints/${reference}/timeline`, { as: 'alice' });
  const text = JSON.stringify(timeline.body);
  assert.equal(text.includes('ocelot'), false, 'no event quotes what was redacted');
  const redactions = timeline.body.filter((event) => event.type === 'redacted');
  assert.equal(redactions.length, 3);
  assert.equal(redactions[0].actor, 'records.alice');
  assert.ok(JSON.stringify(redactions[0]).includes('Third-party health information'));
  assert.ok(timeline.body.some((event) => event.content_erased === true));

  const verified = redress(['audit', 'verify', '--db', db]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  if (!onPostgres) {
    const bytes = fileBytes();
    assert.equal(bytes.includes(SECRET), false, 'the redacted text is gone from the file');
    assert.equal(bytes.includes('ocelot prognosis'), false, 'the note is gone from the file');
  }
});

test('a dry run changes nothing, a second admin approves it, and the scheduled job disposes', async () => {
  // A closed demo complaint held for legal proceedings before the dry run.
  const list = await call('GET', '/api/v1/complaints?status=closed&limit=50', { as: 'alice' });
  assert.equal(list.status, 200);
  const others = list.body.items.map((c) => c.reference).filter((r) => r !== ours);
  assert.ok(others.length >= 2, 'the demo has closed complaints');
  const held = await call('POST', `/api/v1/complaints/${others[0]}/holds`, {
    as: 'alice',
    body: { kind: 'legal_proceedings', reason: 'County court claim 19-CC-0042' },
  });
  assert.equal(held.status, 201, JSON.stringify(held.body));

  if (!onPostgres) {
    for (const trace of TRACES) assert.ok(fileBytes().includes(trace), `${trace} is there before`);
  }
  const reportsBefore = reports();
  const complaintBefore = await call('GET', `/api/v1/complaints/${ours}`, { as: 'alice' });
  const events = auditEventCount(db);

  const dry = await call('POST', '/api/v1/disposal-runs', { as: 'alice' });
  assert.equal(dry.status, 201, JSON.stringify(dry.body));
  assert.equal(dry.body.state, 'dry_run');
  const item = (run, reference) => run.items.find((i) => i.reference === reference);
  assert.equal(item(dry.body, ours).verdict, 'dispose');
  assert.equal(item(dry.body, ours).disposable_from, '2022-04-20');
  assert.equal(item(dry.body, request).record, 'service_request');
  assert.equal(item(dry.body, request).verdict, 'dispose');
  assert.equal(item(dry.body, request).disposable_from, '2022-02-10');
  assert.equal(item(dry.body, ours).record, 'complaint');
  assert.equal(item(dry.body, access).record, 'subject_access_request');
  assert.equal(item(dry.body, access).verdict, 'dispose');
  assert.equal(item(dry.body, access).disposable_from, '2020-05-20');
  const kept = item(dry.body, others[0]);
  assert.equal(kept.verdict, 'keep');
  assert.ok(kept.kept_because.some((k) => k.reason === 'legal_proceedings'));
  assert.ok(
    dry.body.items.filter((i) => i.verdict === 'keep').every((i) => i.kept_because.length > 0),
  );
  // Restricted complaints the administrator (in no team) may not see are judged, not listed.
  assert.equal(dry.body.to_dispose + dry.body.kept, dry.body.items.length + dry.body.hidden_items);
  // Nothing but the run's own event; the complaint as it was.
  assert.equal(auditEventCount(db), events + 1);
  const unchanged = await call('GET', `/api/v1/complaints/${ours}`, { as: 'alice' });
  assert.deepEqual(unchanged.body, complaintBefore.body);
  assert.deepEqual(reports(), reportsBefore);

  // Four eyes: alice made it, alice may not approve it.
  const own = await call('POST', `/api/v1/disposal-runs/${dry.body.id}/approve`, { as: 'alice' });
  assertProblem(assert, own, 422, 'approved_by');
  // A hold placed now keeps its complaint at the run.
  const late = others.find((r) => item(dry.body, r)?.verdict === 'dispose');
  assert.ok(late, 'another complaint the dry run would dispose of');
  const lateHold = await call('POST', `/api/v1/complaints/${late}/holds`, {
    as: 'bob',
    body: { kind: 'manual', reason: 'Requested by the monitoring officer' },
  });
  assert.equal(lateHold.status, 201);
  // Approval at a version the run is not at is refused and changes nothing.
  assert.equal(dry.headers.get('etag'), `"${dry.body.version}"`);
  const stale = await call('POST', `/api/v1/disposal-runs/${dry.body.id}/approve`, {
    as: 'bob',
    headers: { 'if-match': `"${dry.body.version + 1}"` },
  });
  assertProblem(assert, stale, 412);
  const approved = await call('POST', `/api/v1/disposal-runs/${dry.body.id}/approve`, {
    as: 'bob',
    headers: { 'if-match': dry.headers.get('etag') },
  });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.equal(approved.body.approved_by, 'records.bob');

  const done = await waitForState(dry.body.id, 'completed');
  assert.ok(item(done, ours).disposed_at);
  assert.equal(item(done, late).disposed_at, null);
  assert.ok(item(done, late).kept_at_run.some((k) => k.reason === 'manual_hold'));
  assert.equal(done.disposed, done.items.filter((i) => i.disposed_at).length);
  const again = await call('POST', `/api/v1/disposal-runs/${dry.body.id}/approve`, { as: 'bob' });
  assertProblem(assert, again, 409);

  // What the statistics need is kept; the person is gone.
  const after = await call('GET', `/api/v1/complaints/${ours}`, { as: 'alice' });
  assert.equal(after.status, 200);
  assert.equal(after.body.complainant.name, '');
  assert.equal(after.body.summary, '');
  assert.equal(after.body.status, 'closed');
  assert.equal(after.body.regime, 'corporate');
  assert.equal(after.body.stages[0].response.outcome, 'upheld');
  assert.equal(after.body.stages[0].response.remedies[0].amount_pence, 2500);
  const notes = await call('GET', `/api/v1/complaints/${ours}/notes`, { as: 'alice' });
  assert.equal(notes.status, 200);
  assert.equal(JSON.stringify(notes.body).includes('walrus'), false);
  const search = await call('GET', `/api/v1/complaints?text=Quillfeather`, { as: 'alice' });
  assert.equal(search.body.items.length, 0);
  // The service request keeps its dates and codes; its requester and text are gone (its events'
  // too: the file is searched below).
  assert.ok(item(done, request).disposed_at);
  const sr = await call('GET', `/api/v1/service-requests/${request}`, { as: 'alice' });
  assert.equal(sr.status, 200);
  assert.equal(sr.body.status, 'resolved');
  assert.equal(sr.body.received_on, '2018-02-01');
  assert.equal(sr.body.category, 'missed-collection');
  assert.equal(sr.body.requester.name, '');
  assert.equal(sr.body.summary, '');
  assert.equal(JSON.stringify(sr.body).includes('Gorsebrook'), false);
  // The subject access request keeps its dates and status; who asked and what for are gone, from
  // its history too.
  assert.ok(item(done, access).disposed_at);
  const sarAfter = await call('GET', `/api/v1/subject-access-requests/${access}`, { as: 'alice' });
  assert.equal(sarAfter.status, 200, JSON.stringify(sarAfter.body));
  assert.equal(sarAfter.body.status, 'completed');
  assert.equal(sarAfter.body.completed_on, '2018-05-20');
  assert.equal(sarAfter.body.requester_email, '');
  assert.equal(sarAfter.body.details, '');
  assert.equal(JSON.stringify(sarAfter.body).includes('Cordwangle'), false);
  assert.ok(sarAfter.body.history.some((event) => event.type === 'subject_access_disposed'));

  // Every past year's report, byte for byte.
  const reportsAfter = reports();
  if (process.env.DEBUG_REPORTS) {
    const { writeFileSync } = await import('node:fs');
    YEARS.forEach((year, i) => {
      writeFileSync(`${process.env.DEBUG_REPORTS}/before-${year}.json`, reportsBefore[i]);
      writeFileSync(`${process.env.DEBUG_REPORTS}/after-${year}.json`, reportsAfter[i]);
    });
  }
  assert.deepEqual(reportsAfter, reportsBefore);
  // The audit trail still verifies.
  const verified = redress(['audit', 'verify', '--db', db]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);

  if (!onPostgres) {
    await server.stop();
    server = undefined;
    const text = fileBytes();
    for (const trace of TRACES) assert.equal(text.includes(trace), false, `${trace} is gone`);
  }
});
