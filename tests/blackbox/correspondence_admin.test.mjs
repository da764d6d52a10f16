// The admin pages' correspondence API (issue 15) through the real `redress serve` and a real SMTP
// server on loopback: an unsaved template previewed against a case and against the built-in
// sample (escaping what users typed, storing nothing), an unknown placeholder refused on `text`,
// a saved template's new version used by the next letter (pdftotext); an Ombudsman contact block
// added from today carried by letters issued today and not by one issued yesterday, a Housing
// Ombudsman block with an email refused; office hours validated and used by the reminder digests;
// the sender and relay shown without secrets and a test email delivered; administrators only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  HOUSING,
  addHousing,
  apiClient,
  assertProblem,
  checkedCaller,
  createComplaint,
  download,
  emptyDatabase,
  issueLetter,
  pdfText,
  problemFields,
  query,
  sendReminders,
  startServe,
  tempDir,
  today as isoDay,
  updateUser,
  userWithToken,
} from './helpers.mjs';
import {
  received as receivedMail,
  relayArgs,
  startMailSink,
  stopSink,
  waitFor,
} from './mail_helpers.mjs';

const TEAM = HOUSING.team;

let workspace;
let db;
let server;
let call;
let smtp; // the SMTP sink this file's mail goes to (startMailSink): { mailDir, port, sink }
const tokens = {};

const as = (user, method, path, body) => call(method, path, { token: tokens[user], body });

async function logComplaint(regime, name = 'Ada <b>Resident</b>') {
  const logged = await createComplaint(call, tokens.officer, {
    regime,
    received_on: isoDay(-7),
    complainant: {
      name,
      email: 'ada@example.org',
      address: '1 High Street, Exampleton',
      postcode: 'EX1 2MP',
    },
  });
  return logged.reference;
}

async function letterPdfText(ref, number) {
  const pdf = await download(
    server.base,
    `/api/v1/complaints/${ref}/letters/${number}/pdf`,
    tokens.officer,
  );
  assert.equal(pdf.status, 200);
  return pdfText(pdf.bytes);
}

before(async () => {
  workspace = tempDir();
  smtp = await startMailSink(workspace.dir);
  db = emptyDatabase(workspace.dir, 'correspondence_admin.db');
  tokens.admin = userWithToken(db, 'ca.admin', 'admin');
  tokens.bare = userWithToken(db, 'ca.bare', 'admin');
  updateUser(db, 'ca.admin', { email: 'ca.admin@council.example.org' });
  server = await startServe(db, relayArgs(smtp.port));
  call = apiClient(server.base);
  await addHousing(checkedCaller(call, tokens.admin));
  tokens.officer = userWithToken(db, 'ca.officer', 'complaints_officer', TEAM);
  tokens.manager = userWithToken(db, 'ca.manager', 'manager', TEAM);
});

after(async () => {
  await server?.stop();
  await stopSink(smtp?.sink);
  workspace?.cleanup();
});

test('an unsaved template previews against a case and the sample case, escaped, saving nothing', async () => {
  const ref = await logComplaint('housing');
  const before = await as('admin', 'GET', '/api/v1/letter-templates/versions?type=acknowledgement');
  assert.equal(before.status, 200, JSON.stringify(before.body));
  assert.ok(before.body.placeholders.includes('complaint_definition'));
  assert.ok(before.body.placeholders.includes('reference'));
  const text = `${before.body.versions[0].text}\n\nPREVIEW-MARK for ((complainant_name))`;

  const onCase = await as('admin', 'POST', '/api/v1/letter-templates/preview', {
    type: 'acknowledgement',
    text,
    reference: ref,
  });
  assert.equal(onCase.status, 200, JSON.stringify(onCase.body));
  assert.ok(onCase.body.text.includes(ref));
  assert.ok(onCase.body.text.includes('PREVIEW-MARK for Ada <b>Resident</b>'));
  assert.ok(onCase.body.html.includes('PREVIEW-MARK for Ada &lt;b&gt;Resident&lt;/b&gt;'));
  assert.ok(pdfText(Buffer.from(onCase.body.pdf_base64, 'base64')).includes('PREVIEW-MARK'));

  const sample = await as('admin', 'POST', '/api/v1/letter-templates/preview', {
    type: 'stage_response',
    regime: 'housing',
    text: (await as('admin', 'GET', '/api/v1/letter-templates/versions?type=stage_response')).body
      .versions[0].text,
    stage: 2,
  });
  assert.equal(sample.status, 200, JSON.stringify(sample.body));
  assert.ok(sample.body.text.includes('Sam Sample') || sample.body.text.includes('CMP-SAMPLE'));
  assert.ok(sample.body.text.includes('Housing Ombudsman'), sample.body.text);

  const unknown = await as('admin', 'POST', '/api/v1/letter-templates/preview', {
    type: 'acknowledgement',
    text: `${text} ((no_such_thing))`,
  });
  assertProblem(assert, unknown, 422, 'text');
  assert.match(JSON.stringify(unknown.body.errors), /no_such_thing/);
  const missingCase = await as('admin', 'POST', '/api/v1/letter-templates/preview', {
    type: 'acknowledgement',
    text,
    reference: 'CMP-1999-000999',
  });
  assertProblem(assert, missingCase, 422, 'reference');

  const after = await as('admin', 'GET', '/api/v1/letter-templates/versions?type=acknowledgement');
  assert.deepEqual(after.body.versions, before.body.versions, 'a preview saves nothing');
});

test('a saved template is a new version, recorded, and the next letter uses it', async () => {
  const shipped = (
    await as('admin', 'GET', '/api/v1/letter-templates/versions?type=acknowledgement')
  ).body.versions;
  const refused = await as('admin', 'POST', '/api/v1/letter-templates', {
    type: 'acknowledgement',
    text: `${shipped.at(-1).text} ((unknown_placeholder))`,
  });
  assertProblem(assert, refused, 422, 'text');
  const saved = await as('admin', 'POST', '/api/v1/letter-templates', {
    type: 'acknowledgement',
    text: `${shipped.at(-1).text}\n\nVERSION-MARK-ONE`,
  });
  assert.equal(saved.status, 201, JSON.stringify(saved.body));
  const versions = await as(
    'admin',
    'GET',
    '/api/v1/letter-templates/versions?type=acknowledgement',
  );
  assert.deepEqual(
    versions.body.versions.map((v) => v.version),
    [saved.body.version, ...shipped.map((v) => v.version)],
  );
  assert.equal(versions.body.versions.at(-1).version, 0);
  const events = query(
    db,
    "SELECT count(*) FROM events WHERE type = 'letter_template_saved' AND entity_type = 'configuration'",
  ).trim();
  assert.equal(events, '1');

  const ref = await logComplaint('housing', 'Ben Resident');
  const issued = await issueLetter(call, tokens.officer, ref, {
    type: 'acknowledgement',
    record_event: true,
    parts: { complaint_definition: 'The roof leaks.' },
  });
  assert.equal(issued.template_version, saved.body.version);
  assert.ok((await letterPdfText(ref, issued.number)).includes('VERSION-MARK-ONE'));
});

test('an Ombudsman block added from today is carried by letters issued today, not before', async () => {
  const listed = await as('admin', 'GET', '/api/v1/ombudsman-contacts');
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  const lgsco = listed.body.find((b) => b.ombudsman === 'lgsco' && b.in_force);
  assert.ok(lgsco && lgsco.built_in);

  // A block in force is never changed: one before today is refused, as is an HO email now.
  const past = await as('admin', 'POST', '/api/v1/ombudsman-contacts', {
    ombudsman: 'lgsco',
    valid_from: isoDay(-1),
    name: lgsco.name,
    phone: '0300 999 0001',
    time_limit: lgsco.time_limit,
  });
  assertProblem(assert, past, 422, 'valid_from');
  const withEmail = await as('admin', 'POST', '/api/v1/ombudsman-contacts', {
    ombudsman: 'housing_ombudsman',
    valid_from: isoDay(0),
    name: 'Housing Ombudsman Service',
    phone: '0300 111 3000',
    email: 'info@housing-ombudsman.org.uk',
    time_limit: 'Within 12 months.',
  });
  assertProblem(assert, withEmail, 422, 'email');
  assert.deepEqual(problemFields(withEmail), ['email']);

  const added = await as('admin', 'POST', '/api/v1/ombudsman-contacts', {
    ombudsman: 'lgsco',
    valid_from: isoDay(0),
    name: lgsco.name,
    web_form: lgsco.web_form,
    phone: '0300 999 0002',
    postal_address: lgsco.postal_address,
    time_limit: lgsco.time_limit,
    source: 'test',
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  const now = (await as('admin', 'GET', '/api/v1/ombudsman-contacts')).body;
  assert.equal(now.length, listed.body.length + 1, 'the earlier block is kept');
  assert.equal(now.find((b) => b.ombudsman === 'lgsco' && b.in_force).phone, '0300 999 0002');
  const configured = query(
    db,
    "SELECT count(*) FROM events WHERE type = 'configured' AND entity_ref = 'ombudsman_contacts/lgsco'",
  ).trim();
  assert.equal(configured, '1');

  const ref = await logComplaint('corporate', 'Cy Resident');
  const refusal = (issuedOn) =>
    as('officer', 'POST', `/api/v1/complaints/${ref}/letters`, {
      type: 'not_accepted',
      issued_on: issuedOn,
      channel: 'post',
      parts: { refusal_explanation: 'The matter is before a court.' },
    });
  const yesterday = await refusal(isoDay(-1));
  assert.equal(yesterday.status, 201, JSON.stringify(yesterday.body));
  const today = await refusal(isoDay(0));
  assert.equal(today.status, 201, JSON.stringify(today.body));
  const before = await letterPdfText(ref, yesterday.body.number);
  const after = await letterPdfText(ref, today.body.number);
  assert.ok(before.includes('0300 061 0614') && !before.includes('0300 999 0002'), before);
  assert.ok(after.includes('0300 999 0002') && !after.includes('0300 061 0614'), after);
});

test('office hours are validated, recorded, and the reminder digests follow them', async () => {
  const initial = await as('admin', 'GET', '/api/v1/office-hours');
  assert.equal(initial.status, 200);
  assert.deepEqual(
    [initial.body.start, initial.body.end, initial.body.source],
    ['09:00', '17:00', 'serve_flag'],
  );

  const backwards = await as('admin', 'PUT', '/api/v1/office-hours', {
    start: '17:00',
    end: '09:00',
  });
  assertProblem(assert, backwards, 422, 'end');
  const malformed = await as('admin', 'PUT', '/api/v1/office-hours', {
    start: '9am',
    end: '25:00',
  });
  assertProblem(assert, malformed, 422);
  assert.deepEqual(problemFields(malformed), ['end', 'start']);

  const saved = await as('admin', 'PUT', '/api/v1/office-hours', { start: '06:00', end: '07:30' });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal(saved.body.source, 'saved');
  assert.equal((await as('admin', 'GET', '/api/v1/office-hours')).body.start, '06:00');

  // Thursday 18 December 2025, a working day: the saved hours, not the flag's 09:00-17:00.
  const remind = (at) => sendReminders(db, at);
  assert.doesNotMatch(remind('2025-12-18T06:30'), /outside office hours/);
  assert.match(remind('2025-12-18T09:30'), /outside office hours/);
  const trail = query(
    db,
    "SELECT count(*) FROM events WHERE type = 'configured' AND entity_ref = 'office_hours'",
  ).trim();
  assert.equal(trail, '1');
});

test('the sender and relay show without secrets, and a test email goes to the admin', async () => {
  const settings = await as('admin', 'GET', '/api/v1/mail-settings');
  assert.equal(settings.status, 200);
  assert.deepEqual(settings.body, {
    sender: 'complaints@council.example.org',
    relay: `smtp://127.0.0.1:${smtp.port}`,
    tls: 'none',
    relay_configured: true,
  });
  const sent = await as('admin', 'POST', '/api/v1/mail-settings/test-email');
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  const mail = await waitFor('the test email', () =>
    receivedMail(smtp.mailDir).find((m) => m.to.includes('ca.admin@council.example.org')),
  );
  assert.match(mail.subject, /test email/i);
  const noEmail = await as('bare', 'POST', '/api/v1/mail-settings/test-email');
  assertProblem(assert, noEmail, 422, 'email');
  const recorded = query(
    db,
    "SELECT count(*) FROM events WHERE type = 'test_email_sent' AND entity_ref = 'ca.admin'",
  ).trim();
  assert.equal(recorded, '1');
});

test('only administrators reach the correspondence settings', async () => {
  const calls = [
    ['GET', '/api/v1/letter-templates/versions?type=acknowledgement'],
    ['POST', '/api/v1/letter-templates/preview', { type: 'free_letter', text: '((body))' }],
    ['GET', '/api/v1/ombudsman-contacts'],
    ['POST', '/api/v1/ombudsman-contacts', {}],
    ['GET', '/api/v1/office-hours'],
    ['PUT', '/api/v1/office-hours', { start: '08:00', end: '18:00' }],
    ['GET', '/api/v1/mail-settings'],
    ['POST', '/api/v1/mail-settings/test-email'],
  ];
  for (const user of ['officer', 'manager']) {
    for (const [method, path, body] of calls) {
      const answer = await as(user, method, path, body);
      assert.equal(answer.status, 403, `${user} ${method} ${path} → ${answer.status}`);
    }
  }
});
