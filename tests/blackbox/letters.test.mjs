// Correspondence through the real `redress serve` and a real SMTP server on loopback (Debian's
// python3-aiosmtpd, tests/mail/smtp_sink.py): an acknowledgement issued with its event arrives by
// email with its PDF, whose text (pdftotext) carries the reference and the response date the
// calendar gives, and a final response offers no Ombudsman email after 13 January 2026; a letter
// with a part missing is refused naming each part; a template without the Ombudsman block is
// refused; with the relay down, a letter waits and is delivered once when it comes back; a letter
// is resent as a new message of the same frozen letter and copied to the representative when the
// preferences ask, each message with its own Message-ID; posting a letter that would arrive after
// its deadline is warned of.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  HOUSING,
  addHousing,
  addWorkingDays,
  apiClient,
  assertProblem,
  checkedCaller,
  complaintAction,
  createComplaint,
  download,
  emptyDatabase,
  issueLetter,
  longDate,
  pdfText,
  problemFields,
  putSettings,
  startServe,
  tempDir,
  today,
  userWithToken,
  workingDaysBefore,
} from './helpers.mjs';
import {
  received as receivedMail,
  relayArgs,
  startMailSink,
  startSink as startSinkOn,
  stopSink as stopMailSink,
  waitFor,
} from './mail_helpers.mjs';

const TEAM = HOUSING.team;
const OTHER_TEAM = 'repairs-review';
const ROOT_CAUSE = 'communication';

let workspace;
let server;
let call;
let smtp; // the SMTP sink this file's mail goes to (startMailSink): { mailDir, port, sink }
const tokens = {};

const person = {
  name: 'Ada Resident',
  email: 'ada@example.org',
  phone: '',
  address: '1 High Street, Exampleton',
  postcode: 'EX1 2MP',
};

const startSink = () => startSinkOn(smtp.port, smtp.mailDir);
const stopSink = async () => {
  await stopMailSink(smtp?.sink);
  if (smtp) smtp.sink = undefined;
};
const received = () => receivedMail(smtp.mailDir);

const as = (user, method, path, body) => call(method, path, { token: tokens[user], body });

async function logComplaint(receivedOn, extra = {}) {
  const logged = await createComplaint(call, tokens.one, {
    received_on: receivedOn,
    complainant: person,
    ...extra,
  });
  return logged.reference;
}

before(async () => {
  workspace = tempDir();
  smtp = await startMailSink(workspace.dir);
  const db = emptyDatabase(workspace.dir, 'letters.db');
  tokens.admin = userWithToken(db, 'letters.admin', 'admin');
  // The first retry after a second, not the default 30: the relay-down test waits for it.
  server = await startServe(db, [...relayArgs(smtp.port), '--outbox-retry-seconds', '1']);
  call = apiClient(server.base);
  const admin = checkedCaller(call, tokens.admin);
  await addHousing(admin);
  await admin('PUT', `/api/v1/teams/${OTHER_TEAM}`, { name: 'Repairs Review' });
  await admin('PUT', `/api/v1/root-causes/${ROOT_CAUSE}`, { name: 'Communication' });
  await putSettings(admin, { name: 'Exampleshire Council', division: 'england-and-wales' });
  tokens.one = userWithToken(db, 'letters.one', 'complaints_officer', TEAM);
  tokens.two = userWithToken(db, 'letters.two', 'complaints_officer', TEAM);
});

after(async () => {
  await server?.stop();
  await stopSink();
  workspace?.cleanup();
});

test('an acknowledgement issued with its event is emailed with its PDF, dated by the calendar', async () => {
  const receivedOn = workingDaysBefore(today(), 2);
  const ref = await logComplaint(receivedOn);

  // Missing parts: every one named in one answer, nothing acknowledged, nothing stored.
  const missing = await as('one', 'POST', `/api/v1/complaints/${ref}/letters`, {
    type: 'acknowledgement',
    record_event: true,
    parts: { outcome_sought: ' ' },
  });
  assertProblem(assert, missing, 422);
  assert.deepEqual(problemFields(missing), ['parts.complaint_definition']);
  const untouched = await as('one', 'GET', `/api/v1/complaints/${ref}`);
  assert.equal(untouched.body.status, 'awaiting_acknowledgement');
  assert.deepEqual((await as('one', 'GET', `/api/v1/complaints/${ref}/letters`)).body, []);

  const preview = await as('one', 'POST', `/api/v1/complaints/${ref}/letters/preview`, {
    type: 'acknowledgement',
    record_event: true,
    parts: { complaint_definition: 'The roof <b>leaks</b> & ((reference))' },
  });
  assert.equal(preview.status, 200, JSON.stringify(preview.body));
  assert.deepEqual(preview.body.missing, []);
  assert.ok(preview.body.text.includes('The roof <b>leaks</b> & ((reference))'));
  assert.ok(preview.body.html.includes('The roof &lt;b&gt;leaks&lt;/b&gt; &amp; ((reference))'));
  assert.equal(preview.body.parts.outcome_sought, 'The roof repaired');

  const letter = await issueLetter(call, tokens.one, ref, {
    type: 'acknowledgement',
    record_event: true,
    parts: { complaint_definition: 'The roof over the bedroom leaks when it rains.' },
  });
  assert.equal(letter.number, 1);
  assert.equal(letter.channel, 'email');
  assert.equal(letter.issued_on, today());

  // The acknowledgement is recorded on the letter's date; the response date is the calendar's.
  const acknowledged = await as('one', 'GET', `/api/v1/complaints/${ref}`);
  assert.equal(acknowledged.body.status, 'in_progress');
  const stage = acknowledged.body.stages[0];
  assert.equal(stage.acknowledged_on, letter.issued_on);
  const respondBy = addWorkingDays(letter.issued_on, 10);
  assert.equal(stage.respond_by, respondBy);

  // Frozen: the PDF served is the PDF hashed, and the hash is in the audit trail.
  const pdf = await download(server.base, letter.pdf, tokens.one);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.type, 'application/pdf');
  assert.equal(createHash('sha256').update(pdf.bytes).digest('hex'), letter.sha256);
  const timeline = acknowledged.body.timeline.filter((e) => e.type === 'letter_issued');
  assert.equal(timeline.length, 1);
  assert.ok(timeline[0].changes.some((c) => c.field === 'sha256' && c.after === letter.sha256));

  // Delivered once, with the PDF whose text carries the reference and the dates.
  const mail = await waitFor('the acknowledgement email', () =>
    received().find((m) => m.message_id === letter.delivery.message_id),
  );
  assert.deepEqual(mail.to, [person.email]);
  assert.deepEqual(mail.attachments, [{ name: `${ref}-letter-1.pdf`, type: 'application/pdf' }]);
  assert.ok(mail.text.includes(ref) && mail.html.includes(ref));
  const text = pdfText(mail.pdf, '-layout');
  assert.ok(text.includes(ref), text);
  assert.ok(text.includes(longDate(respondBy)), `the response date in ${text}`);
  assert.ok(text.includes(longDate(receivedOn)), `the date received in ${text}`);
  const state = await waitFor('the letter marked sent', async () => {
    const list = await as('one', 'GET', `/api/v1/complaints/${ref}/letters`);
    return list.body[0].delivery.state === 'sent' && list.body[0];
  });
  assert.equal(state.delivery.attempts, 1);
});

test('a final response names the Housing Ombudsman without its email, and needs its parts', async () => {
  const ref = await logComplaint(workingDaysBefore(today(), 3));
  await issueLetter(call, tokens.one, ref, {
    type: 'acknowledgement',
    record_event: true,
    parts: { complaint_definition: 'The roof leaks.' },
  });
  const responded = await complaintAction(call, tokens.one, ref, 'respond', {
    on: today(),
    outcome: 'not_upheld',
    root_causes: [ROOT_CAUSE],
    remedies: [],
  });
  assert.equal(responded.status, 200, JSON.stringify(responded.body));
  const escalated = await complaintAction(call, tokens.one, ref, 'escalate', {
    requested_on: today(),
    handler: 'letters.two',
  });
  assert.equal(escalated.status, 200, JSON.stringify(escalated.body));

  const incomplete = await as('two', 'POST', `/api/v1/complaints/${ref}/letters`, {
    type: 'stage_response',
    parts: {
      complaint_definition: 'The roof leaks.',
      outstanding_actions: [{ description: 'Fix' }],
    },
  });
  assertProblem(assert, incomplete, 422);
  assert.deepEqual(problemFields(incomplete), [
    'parts.decisions',
    'parts.outstanding_actions[0].due_on',
    'parts.reasons',
  ]);

  const final = await as('two', 'POST', `/api/v1/complaints/${ref}/letters`, {
    type: 'stage_response',
    channel: 'post',
    format: 'large_print',
    parts: {
      complaint_definition: 'The roof leaks.',
      decisions: 'Not upheld.',
      reasons: 'The roof was repaired within the 28 days our repairs policy gives.',
      escalation: 'This must not appear: there is no stage 3.',
    },
  });
  assert.equal(final.status, 201, JSON.stringify(final.body));
  assert.equal(final.body.delivery, null, 'a posted letter is not emailed');
  const full = await as('two', 'GET', `/api/v1/complaints/${ref}/letters/2`);
  assert.equal(full.status, 200);
  assert.ok(full.body.text.includes('Housing Ombudsman'));
  assert.ok(full.body.text.includes('0300 111 3000'));
  assert.ok(!full.body.text.includes('there is no stage 3'));
  // Issued after 13 January 2026: no Ombudsman email offered.
  assert.ok(!/info@housing-ombudsman/i.test(full.body.text));
  assert.ok(!/Email:/i.test(full.body.text));
  const pdf = await download(server.base, `/api/v1/complaints/${ref}/letters/2/pdf`, tokens.two);
  const text = pdfText(pdf.bytes);
  assert.ok(text.includes('Housing Ombudsman'), text);
  assert.ok(!/housing-ombudsman\.org\.uk\s*$/m.test(text) || !/Email/.test(text));
});

test('a template is versioned and refused when it names an unknown placeholder or leaves out a part', async () => {
  const unknown = await as('admin', 'POST', '/api/v1/letter-templates', {
    type: 'free_letter',
    text: 'Dear ((tenant_name)) ((body))',
  });
  assertProblem(assert, unknown, 422, 'text');
  assert.ok(unknown.body.errors[0].message.includes('((tenant_name))'));
  const noOmbudsman = await as('admin', 'POST', '/api/v1/letter-templates', {
    type: 'stage_response',
    text: '((complaint_definition)) ((decisions)) ((reasons)) ((#escalation))((escalation))((/escalation))',
  });
  assertProblem(assert, noOmbudsman, 422, 'text');
  assert.ok(noOmbudsman.body.errors.some((e) => e.message.includes('((ombudsman))')));

  const saved = await as('admin', 'POST', '/api/v1/letter-templates', {
    type: 'free_letter',
    text: '# A letter about ((reference))\n\nDear ((complainant_name))\n\n((body))\n\n((organisation))',
  });
  assert.equal(saved.status, 201, JSON.stringify(saved.body));
  assert.equal(saved.body.version, 1);
  const ref = await logComplaint(today());
  const letter = await issueLetter(call, tokens.one, ref, {
    type: 'free_letter',
    channel: 'post',
    parts: { body: 'We will visit on Monday.' },
  });
  assert.equal(letter.template_version, 1);
  const templates = await as('one', 'GET', '/api/v1/letter-templates');
  assert.ok(templates.body.some((t) => t.type === 'free_letter' && t.version === 1));
  assert.ok(templates.body.some((t) => t.type === 'acknowledgement' && t.version === 0));
});

test('with the relay down a letter waits, and is delivered once when it comes back', async () => {
  const ref = await logComplaint(today());
  await stopSink();
  const issued = await issueLetter(call, tokens.one, ref, {
    type: 'free_letter',
    parts: { body: 'Sent while the relay was down.' },
  });
  const messageId = issued.delivery.message_id;
  const waiting = await waitFor('an attempt recorded', async () => {
    const list = await as('one', 'GET', `/api/v1/complaints/${ref}/letters`);
    const delivery = list.body[0].delivery;
    return delivery.attempts >= 1 && delivery.state === 'queued' && delivery;
  });
  assert.ok(waiting.last_error);
  const outbox = await as('admin', 'GET', '/api/v1/outbox');
  assert.equal(outbox.status, 200);
  assert.ok(outbox.body.queued + outbox.body.sending >= 1);

  smtp.sink = await startSink();
  await waitFor('the letter sent', async () => {
    const list = await as('one', 'GET', `/api/v1/complaints/${ref}/letters`);
    return list.body[0].delivery.state === 'sent';
  });
  const copies = received().filter((m) => m.message_id === messageId);
  assert.equal(copies.length, 1);
});

test('contact preferences are the complaint’s: recorded, checked, and followed by its letters', async () => {
  const ref = await logComplaint(today());
  const defaults = await as('one', 'GET', `/api/v1/complaints/${ref}/contact-preferences`);
  assert.equal(defaults.status, 200);
  assert.deepEqual(defaults.body, {
    channel: 'email',
    format: 'standard',
    language: 'en',
    copy_representative: false,
    font_size_points: 14,
    adjustments: '',
    vulnerabilities: [],
    vulnerability_note: '',
    has_needs: false,
  });
  const bad = await call('PUT', `/api/v1/complaints/${ref}/contact-preferences`, {
    token: tokens.one,
    body: { channel: 'fax', format: 'braille' },
  });
  assertProblem(assert, bad, 422);
  assert.deepEqual(problemFields(bad), ['channel', 'format']);
  const saved = await call('PUT', `/api/v1/complaints/${ref}/contact-preferences`, {
    token: tokens.one,
    body: { channel: 'post', format: 'large_print', language: 'cy' },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal(saved.body.font_size_points, 16);
  const letter = await issueLetter(call, tokens.one, ref, {
    type: 'free_letter',
    parts: { body: 'By post, in large print.' },
  });
  assert.equal(letter.channel, 'post');
  assert.equal(letter.format, 'large_print');
  assert.equal(letter.delivery, null);
  assert.equal(letter.recipient.email, null);
  assert.ok(letter.recipient.address.includes('EX1 2MP'));
  const timeline = await as('one', 'GET', `/api/v1/complaints/${ref}/timeline`);
  assert.ok(timeline.body.some((e) => e.type === 'contact_preferences_changed'));
});

test('a letter is copied to the representative when asked, and resent as a new message of the same letter', async () => {
  const representative = {
    name: 'Rita Advocate',
    email: 'rita@advice.example.org',
    phone: '',
    address: '',
    postcode: '',
  };
  const ref = await logComplaint(today(), { representative });
  const prefs = await call('PUT', `/api/v1/complaints/${ref}/contact-preferences`, {
    token: tokens.one,
    body: { channel: 'email', copy_representative: true },
  });
  assert.equal(prefs.status, 200, JSON.stringify(prefs.body));
  const issued = await issueLetter(call, tokens.one, ref, {
    type: 'free_letter',
    parts: { body: 'A copy goes to your representative.' },
  });
  const [first, copy] = issued.messages;
  assert.equal(issued.messages.length, 2);
  assert.equal(first.recipient, person.email);
  assert.equal(copy.recipient, representative.email);
  assert.notEqual(first.message_id, copy.message_id);
  const issuedEvent = (await as('one', 'GET', `/api/v1/complaints/${ref}/timeline`)).body.find(
    (e) => e.type === 'letter_issued',
  );
  assert.ok(
    issuedEvent.changes.some((c) => c.field === 'copied_to' && c.after === representative.email),
  );

  // Both arrive through the real SMTP server, each once, with the same frozen PDF.
  const both = await waitFor('the letter and its copy', () => {
    const mails = received().filter((m) =>
      [first.message_id, copy.message_id].includes(m.message_id),
    );
    return mails.length === 2 && mails;
  });
  const byId = Object.fromEntries(both.map((m) => [m.message_id, m]));
  assert.deepEqual(byId[first.message_id].to, [person.email]);
  assert.deepEqual(byId[copy.message_id].to, [representative.email]);

  const resent = await as('one', 'POST', `/api/v1/complaints/${ref}/letters/1/resend`);
  assert.equal(resent.status, 200, JSON.stringify(resent.body));
  assert.equal(resent.body.messages.length, 3);
  const again = resent.body.messages[2];
  assert.equal(again.recipient, person.email);
  assert.ok(![first.message_id, copy.message_id].includes(again.message_id));
  assert.equal(resent.body.delivery.message_id, again.message_id);
  assert.equal(resent.body.sha256, issued.sha256, 'the same frozen letter');
  const mail = await waitFor('the resent letter', () =>
    received().find((m) => m.message_id === again.message_id),
  );
  const original = spawnSync('cat', [byId[first.message_id].pdf]).stdout;
  const repeated = spawnSync('cat', [mail.pdf]).stdout;
  assert.ok(Buffer.compare(original, repeated) === 0, 'the resent PDF is the frozen one');
  await waitFor('every message sent once', async () => {
    const list = await as('one', 'GET', `/api/v1/complaints/${ref}/letters`);
    return list.body[0].messages.every((m) => m.state === 'sent' && m.attempts === 1);
  });
  const timeline = await as('one', 'GET', `/api/v1/complaints/${ref}/timeline`);
  const resentEvent = timeline.body.find((e) => e.type === 'letter_resent');
  assert.ok(resentEvent.changes.some((c) => c.field === 'resent' && c.after === again.message_id));
  assert.ok(resentEvent.changes.some((c) => c.field === 'sha256' && c.after === issued.sha256));

  // A letter that went by post only has no email to resend; an unknown letter is not found.
  const posted = await issueLetter(call, tokens.one, ref, {
    type: 'free_letter',
    channel: 'post',
    parts: { body: 'By post.' },
  });
  assertProblem(
    assert,
    await as('one', 'POST', `/api/v1/complaints/${ref}/letters/${posted.number}/resend`),
    409,
  );
  assertProblem(
    assert,
    await as('one', 'POST', `/api/v1/complaints/${ref}/letters/99/resend`),
    404,
  );
});

test('posting a letter that would arrive after its deadline is warned of, by email it is not', async () => {
  const ref = await logComplaint(workingDaysBefore(today(), 2));
  const complaint = await as('one', 'GET', `/api/v1/complaints/${ref}`);
  const deadline = complaint.body.stages[0].acknowledge_by;
  const draft = (channel) =>
    as('one', 'POST', `/api/v1/complaints/${ref}/letters/preview`, {
      type: 'acknowledgement',
      channel,
      parts: { complaint_definition: 'The roof leaks.' },
    });
  const posted = await draft('post');
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  // Posted the working day after issue, then three working days second class.
  const delivery = addWorkingDays(today(), 4);
  assert.ok(delivery > deadline, `${delivery} should be after ${deadline}`);
  assert.equal(posted.body.posting_warning.deadline, deadline);
  assert.equal(posted.body.posting_warning.expected_delivery, delivery);
  assert.match(posted.body.posting_warning.assumption, /second class/);
  const emailed = await draft('email');
  assert.equal(emailed.body.posting_warning, null);
  // A letter with no deadline of its own is never warned of.
  const free = await as('one', 'POST', `/api/v1/complaints/${ref}/letters/preview`, {
    type: 'free_letter',
    channel: 'post',
    parts: { body: 'A note.' },
  });
  assert.equal(free.body.posting_warning, null);
});
