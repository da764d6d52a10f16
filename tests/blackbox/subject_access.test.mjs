// Subject access requests (issue 20), through the real server and command line on a demo council:
// recorded as their own case type, "SAR-<year>-<6 digits>", with the ICO's clock computed on the
// organisation's calendar (31 January → the last day of February, moved on to the next working
// day); every offending field named in one answer and nothing written; an extension once, within
// the first month, with a reason; completed or withdrawn only while open; a stale change refused;
// each step an event in the audit trail, which still verifies; overdue requests on the dashboard
// for those who manage them and for nobody else; the command line's `sar` group. The bundle: what
// is held about the person, an item withheld with its reason, the ZIP unzipped and every file's
// SHA-256 checked against the manifest, the withheld item absent and listed, the PDF's text, the
// same bytes twice and from the command line, the export in the audit trail, and refused to
// those without manage_subject_access.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  apiClient,
  assertProblem,
  auditEventCount,
  demoDatabase,
  redress,
  startServe,
  filesFolderFor,
  tempDir,
  userWithToken,
} from './helpers.mjs';

const PATH = '/api/v1/subject-access-requests';
const REQUESTER = {
  requester_name: 'Ada Lovelace',
  requester_email: 'ada@example.org',
  requester_postcode: 'EX1 1AA',
  details: 'Everything you hold about my complaint about repairs',
};

let workspace;
let db;
let server;
let call;
let filesArgs;
const tokens = {};

before(async () => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'council.db', ['--seed', '2', '--today', '2026-11-22']);
  tokens.officer = userWithToken(db, 'sar.officer', 'complaints_officer');
  tokens.handler = userWithToken(db, 'sar.handler', 'case_handler', 'housing-services');
  tokens.viewer = userWithToken(db, 'sar.viewer', 'viewer');
  // One folder of attached files for the server and the command line.
  filesArgs = filesFolderFor(db);
  if (filesArgs.length === 0) filesArgs = ['--files', `${db}.files`];
  server = await startServe(db, filesArgs);
  const client = apiClient(server.base);
  call = (method, path, { as = 'officer', ...options } = {}) =>
    client(method, path, { token: tokens[as], ...options });
});

after(async () => {
  if (server) await server.stop();
  workspace?.cleanup();
});

function fieldsOf(result) {
  return (result.body.errors ?? []).map((error) => `${error.field}:${error.code}`).sort();
}

test('a request is refused with every offending field at once, and only to those who manage them', async () => {
  const events = auditEventCount(db);
  const empty = await call('POST', PATH, { body: {} });
  assert.deepEqual(fieldsOf(empty), [
    'details:required',
    'received_on:required',
    'requester_name:required',
  ]);
  const bad = await call('POST', PATH, {
    body: {
      requester_name: ' ',
      requester_email: 'not-an-address',
      details: 'x',
      received_on: '2030-01-01',
      identity_confirmed_on: '2026-01-01',
    },
  });
  assertProblem(assert, bad, 422);
  assert.deepEqual(fieldsOf(bad), [
    'identity_confirmed_on:date_too_early',
    'received_on:date_in_future',
    'requester_email:invalid_email',
    'requester_name:required',
  ]);
  assert.equal(auditEventCount(db), events, 'nothing written');
  for (const as of ['viewer', 'handler']) {
    assertProblem(assert, await call('GET', PATH, { as }), 403);
    assertProblem(
      assert,
      await call('POST', PATH, { as, body: { ...REQUESTER, received_on: '2026-01-31' } }),
      403,
    );
  }
});

test('the clock, one extension within the first month, and the steps to completed', async () => {
  const created = await call('POST', PATH, { body: { ...REQUESTER, received_on: '2026-01-31' } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const reference = created.body.reference;
  assert.match(reference, /^SAR-2026-\d{6}$/);
  assert.equal(created.headers.get('location'), `${PATH}/${reference}`);
  assert.equal(created.body.status, 'received');
  // 31 January 2026: no 31 February; 28 February is a Saturday, so Monday 2 March.
  assert.equal(created.body.due_on, '2026-03-02');
  assert.equal(created.body.overdue, true);

  // Told after the first month: refused; three months without a reason: every field at once.
  const late = await call('POST', `${PATH}/${reference}/extend`, {
    body: { months: 1, reason: 'Complex', told_on: '2026-03-03' },
  });
  assert.deepEqual(fieldsOf(late), ['told_on:date_too_late']);
  const wrong = await call('POST', `${PATH}/${reference}/extend`, {
    body: { months: 3, reason: ' ', told_on: '2026-03-03' },
  });
  assert.deepEqual(fieldsOf(wrong), [
    'months:out_of_range',
    'reason:required',
    'told_on:date_too_late',
  ]);

  // Overdue on the dashboard, for an officer; not for a handler.
  const officerPanel = await call('GET', '/api/v1/ombudsman/overdue');
  assert.equal(officerPanel.status, 200);
  const item = officerPanel.body.ombudsman.find((row) => row.reference === reference);
  assert.ok(item, JSON.stringify(officerPanel.body.ombudsman));
  assert.equal(item.kind, 'subject_access');
  assert.equal(item.due_on, '2026-03-02');
  const handlerPanel = await call('GET', '/api/v1/ombudsman/overdue', { as: 'handler' });
  assert.equal(handlerPanel.status, 200);
  assert.ok(!handlerPanel.body.ombudsman.some((row) => row.kind === 'subject_access'));

  // A second request whose clock starts when the identity was confirmed; extended by two months.
  const second = await call('POST', PATH, {
    body: { ...REQUESTER, received_on: '2026-11-20', identity_confirmed_on: '2026-11-23' },
  });
  assert.equal(second.status, 201, JSON.stringify(second.body));
  assert.equal(second.body.clock_starts_on, '2026-11-23');
  assert.equal(second.body.due_on, '2026-12-23');
  const other = second.body.reference;
  const extended = await call('POST', `${PATH}/${other}/extend`, {
    body: { months: 2, reason: 'Ten years of repairs records', told_on: '2026-11-30' },
  });
  assert.equal(extended.status, 200, JSON.stringify(extended.body));
  assert.equal(extended.body.status, 'extended');
  assert.equal(extended.body.due_on, '2027-02-23');
  assert.deepEqual(extended.body.extension, {
    months: 2,
    reason: 'Ten years of repairs records',
    told_on: '2026-11-30',
  });
  assertProblem(
    assert,
    await call('POST', `${PATH}/${other}/extend`, {
      body: { months: 1, reason: 'Again', told_on: '2026-11-30' },
    }),
    409,
  );
  // A stale version is refused; the current one is taken.
  assertProblem(
    assert,
    await call('POST', `${PATH}/${other}/complete`, {
      body: { completed_on: '2026-12-01' },
      headers: { 'if-match': '"1"' },
    }),
    412,
  );
  const completed = await call('POST', `${PATH}/${other}/complete`, {
    body: { completed_on: '2026-12-01' },
    headers: { 'if-match': `"${extended.body.version}"` },
  });
  assert.equal(completed.status, 200, JSON.stringify(completed.body));
  assert.equal(completed.body.status, 'completed');
  assert.equal(completed.body.overdue, false);
  assertProblem(
    assert,
    await call('POST', `${PATH}/${other}/withdraw`, {
      body: { withdrawn_on: '2026-12-01', reason: 'Too late' },
    }),
    409,
  );

  // The first is withdrawn: off the dashboard.
  const withdrawn = await call('POST', `${PATH}/${reference}/withdraw`, {
    body: { withdrawn_on: '2026-03-10', reason: 'The requester no longer wants it' },
  });
  assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
  assert.equal(withdrawn.body.overdue, false);
  const after = await call('GET', '/api/v1/ombudsman/overdue');
  assert.ok(!after.body.ombudsman.some((row) => row.reference === reference));

  // One request with its history; the list, newest first, and only the open ones.
  const one = await call('GET', `${PATH}/${other}`);
  assert.equal(one.status, 200);
  assert.deepEqual(
    one.body.history.map((event) => event.type),
    ['subject_access_received', 'subject_access_extended', 'subject_access_completed'],
  );
  assert.equal(one.body.history[0].actor, 'sar.officer');
  const listed = await call('GET', PATH);
  assert.deepEqual(
    listed.body.items.map((row) => row.reference),
    [other, reference],
  );
  assert.equal(listed.body.items[0].history, undefined);
  assert.deepEqual((await call('GET', `${PATH}?status=open`)).body.items, []);
  assertProblem(assert, await call('GET', `${PATH}?status=late`), 422, 'status');
  assertProblem(assert, await call('GET', `${PATH}/SAR-2026-999999`), 404);
});

test('the command line records, lists, shows, extends and completes requests', () => {
  const created = redress([
    'sar',
    'create',
    '--db',
    db,
    '--requester-name',
    'Grace Hopper',
    '--details',
    'My tenancy file',
    '--received-on',
    '2026-11-16',
  ]);
  assert.equal(created.status, 0, created.stderr);
  const reference = /SAR-\d{4}-\d{6}/.exec(created.stdout)[0];
  assert.match(created.stdout, /due on 2026-12-16/);
  const refused = redress([
    'sar',
    'extend',
    '--db',
    db,
    reference,
    '--months',
    '3',
    '--reason',
    'x',
    '--told-on',
    '2026-11-20',
  ]);
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /months/);
  const extended = redress([
    'sar',
    'extend',
    '--db',
    db,
    reference,
    '--months',
    '1',
    '--reason',
    'One of several requests',
    '--told-on',
    '2026-11-20',
  ]);
  assert.equal(extended.status, 0, extended.stderr);
  assert.match(extended.stdout, /due on 2027-01-18/);
  const listed = redress(['sar', 'list', '--db', db, '--open']);
  assert.equal(listed.status, 0, listed.stderr);
  assert.match(listed.stdout, new RegExp(`${reference}\\s+extended`));
  const completed = redress([
    'sar',
    'complete',
    '--db',
    db,
    reference,
    '--completed-on',
    '2026-12-01',
  ]);
  assert.equal(completed.status, 0, completed.stderr);
  const shown = redress(['sar', 'show', '--db', db, reference]);
  assert.equal(shown.status, 0, shown.stderr);
  assert.match(shown.stdout, /completed on 2026-12-01/);
  assert.match(shown.stdout, /subject_access_completed/);
  const verified = redress(['audit', 'verify', '--db', db]);
  assert.equal(verified.status, 0, verified.stderr + verified.stdout);
});

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

// The ZIP at `path` unzipped into a folder of its own; the folder.
function unzipped(path) {
  const into = `${path}.d`;
  mkdirSync(into, { recursive: true });
  const result = spawnSync('unzip', ['-o', '-q', path, '-d', into], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return into;
}

test('the bundle: items withheld with a reason, files hashed in the manifest, the export recorded', async () => {
  const person = {
    name: 'Mariam Okonkwo',
    email: 'mariam.bundle@example.org',
    phone: '',
    address: '4 Quarry Hill, Exeter',
    postcode: 'EX2 7QT',
  };
  const logged = await call('POST', '/api/v1/complaints', {
    body: {
      regime: 'housing',
      received_on: '2026-11-02',
      channel: 'phone',
      service_area: 'housing',
      category: 'repairs',
      summary: 'Damp in the kitchen of Mariam',
      description: 'Black mould behind the cooker since October.',
      desired_outcome: 'Treat the damp',
      complainant: person,
    },
  });
  assert.equal(logged.status, 201, JSON.stringify(logged.body));
  const complaint = logged.body.reference;
  const kept = await call('POST', `/api/v1/complaints/${complaint}/notes`, {
    body: { text: 'Visited: mould confirmed in the kitchen.' },
  });
  assert.equal(kept.status, 201, JSON.stringify(kept.body));
  const thirdParty = await call('POST', `/api/v1/complaints/${complaint}/notes`, {
    body: { text: 'Neighbour Jonas Pettersen at number 6 says the damp comes from his bathroom.' },
  });
  assert.equal(thirdParty.status, 201, JSON.stringify(thirdParty.body));
  const sar = await call('POST', PATH, {
    body: {
      requester_name: person.name,
      requester_email: 'MARIAM.bundle@example.org ',
      requester_postcode: 'EX2 7QT',
      details: 'Everything about my damp complaint',
      received_on: '2026-11-20',
    },
  });
  assert.equal(sar.status, 201, JSON.stringify(sar.body));
  const reference = sar.body.reference;
  const one = `${PATH}/${reference}`;

  // What is held: the complaint and both notes, found by the normalised e-mail.
  const holdings = await call('GET', `${one}/holdings`);
  assert.equal(holdings.status, 200, JSON.stringify(holdings.body));
  const noteItem = `note:${complaint}/${thirdParty.body.id}`;
  const names = holdings.body.items.map((item) => item.item);
  assert.ok(names.includes(`complaint:${complaint}`), names.join(' '));
  assert.ok(names.includes(noteItem), names.join(' '));

  // Withholding: every offending field at once, an unknown item refused, then the mark.
  const events = auditEventCount(db);
  const bad = await call('POST', `${one}/withholdings`, { body: { item: 'note:x', reason: ' ' } });
  assertProblem(assert, bad, 422);
  assert.deepEqual(fieldsOf(bad), ['item:invalid_format', 'reason:required']);
  const unknown = await call('POST', `${one}/withholdings`, {
    body: { item: 'attachment:999999', reason: 'x' },
  });
  assertProblem(assert, unknown, 422, 'item');
  assert.equal(auditEventCount(db), events, 'nothing written');
  const reason = 'Names a neighbour, who has not consented (DPA 2018 Sch. 2 para. 16)';
  const withheld = await call('POST', `${one}/withholdings`, { body: { item: noteItem, reason } });
  assert.equal(withheld.status, 201, JSON.stringify(withheld.body));
  assert.equal(withheld.body.withheld_by, 'sar.officer');
  const again = await call('POST', `${one}/withholdings`, { body: { item: noteItem, reason } });
  assertProblem(assert, again, 409);
  assert.equal(auditEventCount(db), events + 1, 'the mark is one event');

  // Those without manage_subject_access get nothing.
  for (const as of ['handler', 'viewer']) {
    assertProblem(assert, await call('GET', `${one}/holdings`, { as }), 403);
    assertProblem(
      assert,
      await call('POST', `${one}/withholdings`, { as, body: { item: noteItem, reason } }),
      403,
    );
    const refused = await fetch(`${server.base}${one}/bundle`, {
      headers: { authorization: `Bearer ${tokens[as]}` },
    });
    assert.equal(refused.status, 403);
  }
  const missing = await fetch(`${server.base}${PATH}/SAR-2026-999999/bundle`, {
    headers: { authorization: `Bearer ${tokens.officer}` },
  });
  assert.equal(missing.status, 404);

  // The bundle, twice: the same bytes; its hash in the header and the audit trail.
  const download = async () => {
    const response = await fetch(`${server.base}${one}/bundle`, {
      headers: { authorization: `Bearer ${tokens.officer}` },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/zip');
    assert.match(response.headers.get('content-disposition'), new RegExp(`${reference}\\.zip`));
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(response.headers.get('x-content-sha256'), sha256(bytes));
    return bytes;
  };
  const first = await download();
  const second = await download();
  assert.ok(first.equals(second), 'the same holdings give the same bytes');
  const zip = join(workspace.dir, 'bundle.zip');
  writeFileSync(zip, first);
  const folder = unzipped(zip);

  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
  const listed = manifest.files.map((file) => file.name);
  for (const name of ['summary.pdf', 'records.json', 'article-15.txt']) {
    assert.ok(listed.includes(name), listed.join(' '));
  }
  for (const file of manifest.files) {
    const bytes = readFileSync(join(folder, file.name));
    assert.equal(sha256(bytes), file.sha256, `${file.name}'s SHA-256`);
    assert.equal(bytes.length, file.size, `${file.name}'s size`);
  }
  const inZip = spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).stdout.trim().split('\n');
  assert.deepEqual(inZip.sort(), [...listed, 'manifest.json'].sort(), 'every file is listed');
  assert.deepEqual(
    manifest.withheld.map((w) => [w.item, w.reason, w.withheld_by]),
    [[noteItem, reason, 'sar.officer']],
  );

  // The withheld note is nowhere in the bundle; the kept one is.
  const records = readFileSync(join(folder, 'records.json'), 'utf8');
  assert.match(records, /mould confirmed in the kitchen/);
  assert.doesNotMatch(records, /Pettersen/);
  const parsed = JSON.parse(records);
  assert.ok(parsed.complaints.some((c) => c.reference === complaint));
  const pdf = spawnSync('pdftotext', ['-layout', join(folder, 'summary.pdf'), '-'], {
    encoding: 'utf8',
  });
  assert.equal(pdf.status, 0, pdf.stderr);
  const text = pdf.stdout.replace(/\s+/g, ' ');
  assert.match(text, /Mariam Okonkwo/);
  assert.match(text, new RegExp(complaint));
  assert.match(text, /rectification/);
  assert.match(text, /Information Commissioner/);
  assert.match(text, /Names a neighbour/);
  assert.doesNotMatch(text, /Pettersen/);
  assert.match(readFileSync(join(folder, 'article-15.txt'), 'utf8'), /Who receives it/);

  // Each export is an event on the request with the bundle's hash.
  const shown = await call('GET', one);
  const exported = shown.body.history.filter((e) => e.type === 'subject_access_exported');
  assert.equal(exported.length, 2);
  assert.ok(shown.body.history.some((e) => e.type === 'subject_access_item_withheld'));

  // The command line gives the same bundle.
  const out = join(workspace.dir, 'cli-bundle.zip');
  const cli = redress(['sar', 'bundle', '--db', db, reference, '--out', out, ...filesArgs]);
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, new RegExp(sha256(first)));
  assert.ok(readFileSync(out).equals(first), 'the command line writes the same bytes');
  const verified = redress(['audit', 'verify', '--db', db]);
  assert.equal(verified.status, 0, verified.stderr + verified.stdout);
});
