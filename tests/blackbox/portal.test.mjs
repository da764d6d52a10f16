// The resident's public service (issue 17) through the real `redress serve` and a real SMTP server
// (tests/mail/smtp_sink.py): a complaint made at /complain page by page, as a browser without
// JavaScript does it (forms, cookies, 303 redirects), arrives with channel online in the
// officers' queue on the statutory clock, with a confirmation email and a PDF receipt; then the
// resident follows it with a one-time code read from the email, adds information and, once
// answered, asks for stage 2. Hostile: no CSRF token, the honeypot, wrong, reused, expired and
// brute-forced codes, the same answer for a wrong reference or email, another case's code, and the
// rate limits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  apiClient,
  redress,
  startServe,
  tempDir,
  testDatabase,
  userWithToken,
} from './helpers.mjs';
import {
  codesFor as codesIn,
  freePort,
  received as receivedIn,
  startSink,
  stopSink,
  waitFor,
} from './mail_helpers.mjs';
const TEAM = 'housing-services';

let workspace;
let server;
let call;
let sink;
let smtpPort;
let mailDir;
let db;
let adminToken;
let portalKey;

function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

function longDate(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${day} ${months[month - 1]} ${year}`;
}

// A browser without JavaScript: a cookie jar, forms posted urlencoded, redirects followed by hand
// so that each answer can be checked. Each Browser is one resident (one client address: the
// server sees 127.0.0.1 for all, which the rate-limit test relies on).
class Browser {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
  }

  keep(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      if (/Max-Age=0/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path) {
    const response = await fetch(this.base + path, {
      redirect: 'manual',
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    this.keep(response);
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, body, text: body.toString() };
  }

  // Posts `fields` to `path` with the CSRF token of the page last read (unless csrf is given).
  async post(path, fields, { csrf } = {}) {
    const form = new URLSearchParams({ csrf_token: csrf ?? this.csrf ?? '', ...fields });
    const response = await fetch(this.base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: form.toString(),
    });
    this.keep(response);
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  }

  // Posts `fields` and `files` ([name, bytes]...) as multipart/form-data, as a browser sends a
  // form with a file input (files under the field "evidence").
  async postFiles(path, fields, files, { csrf } = {}) {
    const form = new FormData();
    form.append('csrf_token', csrf ?? this.csrf ?? '');
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const [name, bytes] of files) form.append('evidence', new Blob([bytes]), name);
    if (files.length === 0) form.append('evidence', new Blob([]), '');
    const response = await fetch(this.base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: form,
    });
    this.keep(response);
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  }

  // GETs a form page and remembers its CSRF token.
  async form(path) {
    const page = await this.get(path);
    assert.equal(page.status, 200, `${path}: ${page.text.slice(0, 200)}`);
    const token = /name="csrf_token" value="([^"]+)"/.exec(page.text);
    assert.ok(token, `${path} has a CSRF token`);
    this.csrf = token[1];
    return page;
  }

  // Fills the question page and expects to be sent on to `next`.
  async answer(path, fields, next) {
    await this.form(path);
    const answer = await this.post(path, fields);
    assert.equal(answer.status, 303, `${path}: ${answer.text.slice(0, 400)}`);
    if (next) assert.equal(answer.headers.get('location'), next);
    return answer;
  }
}

const ADA = {
  name: 'Ada <b>Resident</b>',
  email: 'ada@example.org',
  phone: '',
  address: '1 High Street',
  postcode: 'EX1 2MP',
  contact_by: 'email',
};

// A photo and an executable, as libmagic types them by their content.
const PHOTO = Buffer.concat([
  Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
  Buffer.alloc(20),
  Buffer.from('ffd9', 'hex'),
]);
const PROGRAM = Buffer.concat([
  Buffer.from('MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0', 'latin1'),
  Buffer.alloc(100),
]);
const MIB = 1024 * 1024;

// Answers every question up to the check page (not sent).
async function answerAll(
  browser,
  person = ADA,
  story = 'The roof <script>alert(1)</script> leaks.',
) {
  await browser.answer(
    '/complain/question/who',
    { who: 'myself' },
    '/complain/question/your-details',
  );
  await browser.answer('/complain/question/your-details', person, '/complain/question/adjustments');
  await browser.answer(
    '/complain/question/adjustments',
    { adjustments: 'Large print letters' },
    '/complain/question/service-area',
  );
  await browser.answer(
    '/complain/question/service-area',
    { service_area: 'housing' },
    '/complain/question/what-happened',
  );
  await browser.answer(
    '/complain/question/what-happened',
    { what_happened: story },
    '/complain/question/put-right',
  );
  await browser.answer(
    '/complain/question/put-right',
    { put_right: 'Repair the roof' },
    '/complain/check-answers',
  );
}

async function complain(browser, person = ADA) {
  await answerAll(browser, person);
  const check = await browser.form('/complain/check-answers');
  const sent = await browser.post('/complain/check-answers', {});
  assert.equal(sent.status, 303, sent.text.slice(0, 400));
  assert.equal(sent.headers.get('location'), '/complain/confirmation');
  const confirmation = await browser.get('/complain/confirmation');
  assert.equal(confirmation.status, 200);
  const reference = /id="reference">([^<]+)</.exec(confirmation.text)[1];
  return { check, confirmation, reference };
}

const received = () => receivedIn(mailDir);
const codesFor = (email) => codesIn(received(), email);

async function requestCode(browser, reference, email) {
  await browser.form('/complain/follow');
  const before = codesFor(email).length;
  const asked = await browser.post('/complain/follow', { reference, email });
  return { asked, before };
}

async function newCode(browser, reference, email) {
  const { asked, before } = await requestCode(browser, reference, email);
  assert.equal(asked.status, 303);
  return waitFor('the code email', () => {
    const codes = codesFor(email);
    return codes.length > before ? codes[codes.length - 1] : undefined;
  });
}

async function openCase(browser, reference, email) {
  const code = await newCode(browser, reference, email);
  await browser.form('/complain/follow/code');
  const entered = await browser.post('/complain/follow/code', { code });
  assert.equal(entered.status, 303, entered.text.slice(0, 400));
  assert.equal(entered.headers.get('location'), '/complain/case');
  return code;
}

before(async () => {
  workspace = tempDir();
  mailDir = join(workspace.dir, 'mail');
  smtpPort = await freePort();
  sink = await startSink(smtpPort, mailDir);
  db = testDatabase(workspace.dir, 'portal.db');
  assert.equal(redress(['init', '--db', db]).status, 0);
  adminToken = userWithToken(db, 'portal.admin', 'admin');
  // One key file for every process of this database, named so: a database URL has no path to put
  // the default key beside (serve --portal-key), and the test below runs a second process.
  portalKey = join(workspace.dir, 'portal-key');
  server = await startServe(db, [
    '--portal-key',
    portalKey,
    '--smtp-url',
    `smtp://127.0.0.1:${smtpPort}`,
    '--mail-from',
    'complaints@council.example.org',
    '--outbox-poll-ms',
    '100',
    '--portal-other-ways',
    'Phone 01234 567890, Monday to Friday, 9am to 5pm',
  ]);
  call = apiClient(server.base);
  const admin = async (method, path, body) => {
    const r = await call(method, path, { token: adminToken, body });
    assert.ok(r.status < 300, `${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };
  await admin('PUT', `/api/v1/teams/${TEAM}`, { name: 'Housing Services' });
  await admin('PUT', '/api/v1/service-areas/housing', { name: 'Housing', team: TEAM });
  await admin('PUT', '/api/v1/service-areas/parks', { name: 'Parks and open spaces', team: TEAM });
  await admin('PUT', '/api/v1/categories/general', { name: 'General' });
  await admin('PUT', '/api/v1/root-causes/communication', { name: 'Communication' });
  const settings = await call('GET', '/api/v1/settings', { token: adminToken });
  await admin('PUT', '/api/v1/settings', {
    name: 'Exampleshire Council',
    division: 'england-and-wales',
    independent_team: settings.body.independent_team ?? undefined,
  });
});

after(async () => {
  await server?.stop();
  await stopSink(sink);
  workspace?.cleanup();
});

test('the start page names the organisation and other ways to complain, never cached', async () => {
  const browser = new Browser(server.base);
  const start = await browser.get('/complain');
  assert.equal(start.status, 200);
  assert.match(start.headers.get('content-type'), /text\/html/);
  assert.equal(start.headers.get('cache-control'), 'no-store');
  assert.match(start.headers.get('content-security-policy'), /default-src 'none'/);
  assert.match(start.text, /Make a complaint to Exampleshire Council/);
  assert.match(start.text, /Phone 01234 567890, Monday to Friday/);
  assert.match(start.text, /href="\/complain\/question\/who"/);
  assert.doesNotMatch(start.text, /<script/);
  const css = await browser.get('/complain/assets/govuk-frontend.min.css');
  assert.equal(css.status, 200);
  assert.match(css.text, /url\(\/complain\/assets\/fonts\//);
  const font = /url\((\/complain\/assets\/fonts\/[^)]+\.woff2)\)/.exec(css.text)[1];
  assert.equal((await browser.get(font)).status, 200);
});

test('a question answered wrongly names every field at fault in one answer', async () => {
  const browser = new Browser(server.base);
  await browser.form('/complain/question/your-details');
  const refused = await browser.post('/complain/question/your-details', {
    name: '',
    email: 'not an email',
    postcode: 'X'.repeat(11),
  });
  assert.equal(refused.status, 422);
  assert.match(refused.text, /<title>Error: Your contact details/);
  assert.match(refused.text, /govuk-error-summary/);
  for (const [id, message] of [
    ['name', 'Enter your full name'],
    ['email', 'Enter an email address in the correct format, like name@example.com'],
    ['postcode', 'Postcode must be 10 characters or less'],
    ['contact_by-0', 'Select how you would like us to contact you'],
  ]) {
    assert.ok(refused.text.includes(`<a href="#${id}">${message}</a>`), `${id} in the summary`);
  }
  assert.match(refused.text, /value="not an email"/);
});

test('a complaint made online reaches the officers with its clock, email and receipt', async () => {
  const browser = new Browser(server.base);
  const { check, confirmation, reference } = await complain(browser);
  // Typed text is escaped, never markup.
  assert.ok(check.text.includes('The roof &lt;script&gt;alert(1)&lt;/script&gt; leaks.'));
  assert.ok(check.text.includes('Ada &lt;b&gt;Resident&lt;/b&gt;'));
  assert.match(check.text, /href="\/complain\/question\/what-happened\?change=1"/);
  assert.match(reference, /^CMP-\d{4}-\d{6}$/);
  const acknowledgeBy = redress([
    'calendar',
    'add-working-days',
    '--from',
    today(),
    '--days',
    '5',
  ]).stdout.trim();
  assert.ok(confirmation.text.includes(longDate(acknowledgeBy)));

  const receipt = await browser.get('/complain/receipt');
  assert.equal(receipt.status, 200);
  assert.equal(receipt.headers.get('content-type'), 'application/pdf');
  assert.equal(receipt.body.subarray(0, 5).toString(), '%PDF-');

  const staff = await call('GET', `/api/v1/complaints/${reference}`, { token: adminToken });
  assert.equal(staff.status, 200);
  assert.equal(staff.body.channel, 'online');
  assert.equal(staff.body.received_on, today());
  assert.equal(staff.body.status, 'awaiting_acknowledgement');
  assert.equal(staff.body.service_area, 'housing');
  assert.equal(staff.body.complainant.name, 'Ada <b>Resident</b>');
  assert.equal(staff.body.stages[0].acknowledge_by, acknowledgeBy);
  const queue = await call('GET', '/api/v1/complaints?status=awaiting_acknowledgement', {
    token: adminToken,
  });
  assert.ok(queue.body.items.some((row) => row.reference === reference));
  // The triage queue's filters find it: online, no handler yet; the adjustments asked for are the
  // complaint's needs (its flag), not words in its description.
  const triage = await call('GET', '/api/v1/complaints?channel=online&unassigned=true&limit=200', {
    token: adminToken,
  });
  const row = triage.body.items.find((item) => item.reference === reference);
  assert.equal(row?.has_needs, true);
  const needs = await call('GET', `/api/v1/complaints/${reference}/contact-preferences`, {
    token: adminToken,
  });
  assert.equal(needs.body.adjustments, 'Large print letters');
  assert.ok(!staff.body.description.includes('Large print letters'));

  const email = await waitFor('the confirmation email', () =>
    received().find((m) => m.to.includes('ada@example.org') && m.text.includes(reference)),
  );
  assert.ok(email.attachments.length === 1);

  // The answers are gone from the session once sent: a reload does not send twice.
  const again = await browser.get('/complain/check-answers');
  assert.equal(again.status, 303);
});

test('a form without its CSRF token, or with the honeypot filled, changes nothing', async () => {
  const browser = new Browser(server.base);
  await browser.form('/complain/question/who');
  const without = await browser.post('/complain/question/who', { who: 'myself' }, { csrf: '' });
  assert.equal(without.status, 403);
  const stranger = new Browser(server.base);
  const noCookie = await stranger.post('/complain/follow', {
    reference: 'CMP-2026-000001',
    email: 'ada@example.org',
  });
  assert.equal(noCookie.status, 403);
  const bot = await browser.post('/complain/question/who', { who: 'myself', website: 'x' });
  assert.equal(bot.status, 400);
});

test('following: a code by email opens the case; wrong, reused and other cases fail', async () => {
  const browser = new Browser(server.base);
  const { reference } = await complain(browser, { ...ADA, email: 'follow@example.org' });

  // The same answer for a pair that matches and for one that does not.
  const wrongEmail = await requestCode(new Browser(server.base), reference, 'nobody@example.org');
  const wrongReference = await requestCode(
    new Browser(server.base),
    'CMP-1999-000001',
    'follow@example.org',
  );
  for (const { asked } of [wrongEmail, wrongReference]) {
    assert.equal(asked.status, 303);
    assert.equal(asked.headers.get('location'), '/complain/follow/code');
  }

  const resident = new Browser(server.base);
  const cookieBefore =
    (await resident.get('/complain/follow')) && resident.cookies.get('redress_portal');
  const code = await newCode(resident, reference, 'follow@example.org');
  await resident.form('/complain/follow/code');
  const wrong = await resident.post('/complain/follow/code', {
    code: code === '000000' ? '111111' : '000000',
  });
  assert.equal(wrong.status, 422);
  assert.match(wrong.text, /The code is not right/);
  const right = await resident.post('/complain/follow/code', { code });
  assert.equal(right.status, 303);
  assert.notEqual(resident.cookies.get('redress_portal'), cookieBefore, 'a new session token');
  const page = await resident.get('/complain/case');
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(reference));
  assert.match(page.text, /Received, waiting to be acknowledged/);
  assert.match(page.text, /href="\/complain\/case\/letters\/1"/);
  const letter = await resident.get('/complain/case/letters/1');
  assert.equal(letter.headers.get('content-type'), 'application/pdf');
  assert.equal((await resident.get('/complain/case/letters/99')).status, 404);

  // Used once: the same code again, from another session, opens nothing.
  const replay = new Browser(server.base);
  await requestCode(replay, reference, 'follow@example.org');
  await replay.form('/complain/follow/code');
  const reused = await replay.post('/complain/follow/code', { code });
  assert.equal(reused.status, 422);

  // A code for one case does not open another, even with the same email.
  const other = (await complain(new Browser(server.base), { ...ADA, email: 'other@example.org' }))
    .reference;
  const thief = new Browser(server.base);
  const stolen = await newCode(thief, other, 'other@example.org');
  await requestCode(thief, reference, 'other@example.org');
  await thief.form('/complain/follow/code');
  assert.equal((await thief.post('/complain/follow/code', { code: stolen })).status, 422);
  assert.equal((await thief.get('/complain/case')).status, 303);

  // Without a code, no case page; a letter link shows nothing by itself.
  const stranger = new Browser(server.base);
  assert.equal((await stranger.get('/complain/case')).status, 303);
  assert.equal((await stranger.get('/complain/case/letters/1')).status, 303);

  const events = await call('GET', `/api/v1/complaints/${reference}/timeline`, {
    token: adminToken,
  });
  const types = (events.body.items ?? events.body).map((event) => event.type);
  assert.ok(types.includes('resident_code_sent'));
  assert.ok(types.includes('resident_case_opened'));
});

test('five wrong codes use the code up', async () => {
  const browser = new Browser(server.base);
  const { reference } = await complain(browser, { ...ADA, email: 'brute@example.org' });
  const code = await newCode(browser, reference, 'brute@example.org');
  await browser.form('/complain/follow/code');
  const wrong = code === '000000' ? '111111' : '000000';
  for (let i = 0; i < 4; i++) {
    assert.equal((await browser.post('/complain/follow/code', { code: wrong })).status, 422);
  }
  const last = await browser.post('/complain/follow/code', { code: wrong });
  assert.match(last.text, /can no longer be used/);
  const late = await browser.post('/complain/follow/code', { code });
  assert.equal(late.status, 422);
});

test('adding information and asking for stage 2 once answered', async () => {
  const browser = new Browser(server.base);
  const { reference } = await complain(browser, { ...ADA, email: 'stage@example.org' });
  await openCase(browser, reference, 'stage@example.org');

  await browser.form('/complain/case/information');
  assert.equal(
    (await browser.post('/complain/case/information', { information: ' ' })).status,
    422,
  );
  const added = await browser.post('/complain/case/information', {
    information: 'Photos of the ceiling are <attached>',
  });
  assert.equal(added.status, 200);
  assert.match(added.text, /Information added/);

  // Not yet answered: stage 2 cannot be asked for.
  await browser.form('/complain/case/next-stage');
  assert.equal((await browser.post('/complain/case/next-stage', {})).status, 422);

  const staff = (method, path, body, etag) =>
    call(method, path, {
      token: adminToken,
      body,
      headers: etag ? { 'if-match': etag } : undefined,
    });
  let current = await staff('GET', `/api/v1/complaints/${reference}`);
  let step = await staff(
    'POST',
    `/api/v1/complaints/${reference}/acknowledge`,
    { on: today() },
    current.headers.get('etag'),
  );
  assert.equal(step.status, 200, JSON.stringify(step.body));
  step = await staff(
    'POST',
    `/api/v1/complaints/${reference}/respond`,
    {
      on: today(),
      outcome: 'not_upheld',
      root_causes: ['communication'],
      remedies: [],
      actions: [{ description: 'Inspect the roof' }],
      learning: '',
    },
    step.headers.get('etag'),
  );
  assert.equal(step.status, 200, JSON.stringify(step.body));

  const page = await browser.get('/complain/case');
  assert.match(page.text, /We have responded/);
  assert.match(page.text, /Inspect the roof/);
  assert.match(page.text, /href="\/complain\/case\/next-stage"/);
  await browser.form('/complain/case/next-stage');
  const asked = await browser.post('/complain/case/next-stage', {});
  assert.equal(asked.status, 200, asked.text.slice(0, 400));
  assert.match(asked.text, /will go to stage 2/);

  current = await staff('GET', `/api/v1/complaints/${reference}`);
  assert.equal(current.body.stages.length, 2);
  assert.equal(current.body.stages[1].started_on, today());
  const timeline = await staff('GET', `/api/v1/complaints/${reference}/timeline`);
  const events = timeline.body.items ?? timeline.body;
  assert.ok(events.some((e) => e.type === 'resident_information_added'));
  assert.ok(events.some((e) => e.type === 'escalated' && e.actor === 'online'));
});

test('code requests are rate-limited per reference', async () => {
  const browser = new Browser(server.base);
  let last;
  for (let i = 0; i < 6; i++) {
    last = (await requestCode(browser, 'CMP-2000-000009', `limit${i}@example.org`)).asked;
  }
  assert.equal(last.status, 429);
  assert.ok(Number(last.headers.get('retry-after')) > 0);
});

test('a code expires', async () => {
  const expiring = await startServe(db, [
    '--smtp-url',
    `smtp://127.0.0.1:${smtpPort}`,
    '--mail-from',
    'complaints@council.example.org',
    '--portal-code-seconds',
    '1',
  ]);
  try {
    const browser = new Browser(expiring.base);
    const { reference } = await complain(browser, { ...ADA, email: 'late@example.org' });
    const code = await newCode(browser, reference, 'late@example.org');
    await new Promise((resolve) => setTimeout(resolve, 2200));
    await browser.form('/complain/follow/code');
    const late = await browser.post('/complain/follow/code', { code });
    assert.equal(late.status, 422);
    assert.match(late.text, /The code has expired/);
  } finally {
    await expiring.stop();
  }
});

test('a photo sent with the complaint reaches its case, listed for the resident and staff', async () => {
  const browser = new Browser(server.base);
  await answerAll(browser, { ...ADA, email: 'photo@example.org' });
  const check = await browser.form('/complain/check-answers');
  assert.match(check.text, /enctype="multipart\/form-data"/);
  assert.match(check.text, /type="file"/);
  const sent = await browser.postFiles('/complain/check-answers', {}, [['roof <1>.jpg', PHOTO]]);
  assert.equal(sent.status, 303, sent.text.slice(0, 400));
  const confirmation = await browser.get('/complain/confirmation');
  const reference = /id="reference">([^<]+)</.exec(confirmation.text)[1];
  assert.ok(confirmation.text.includes('roof &lt;1&gt;.jpg'));

  const files = await call('GET', `/api/v1/complaints/${reference}/attachments`, {
    token: adminToken,
  });
  assert.equal(files.status, 200);
  assert.equal(files.body.attachments.length, 1);
  const [file] = files.body.attachments;
  assert.equal(file.name, 'roof <1>.jpg');
  assert.equal(file.media_type, 'image/jpeg');
  assert.equal(file.supplied_by_resident, true);
  assert.equal(file.added_by, 'online');
  // No scanner in this server: staff are told it was not scanned, never that it is clean.
  assert.equal(file.scan_state, 'not_scanned');

  // Staff add a file of their own: the resident never sees it listed.
  const staffFile = new FormData();
  staffFile.append('file', new Blob([PHOTO]), 'internal-note.jpg');
  const staffAdded = await fetch(`${server.base}/api/v1/complaints/${reference}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
    body: staffFile,
  });
  assert.equal(staffAdded.status, 201);

  await openCase(browser, reference, 'photo@example.org');
  const page = await browser.get('/complain/case');
  assert.match(page.text, /Files you have sent/);
  assert.ok(page.text.includes('roof &lt;1&gt;.jpg'));
  assert.doesNotMatch(page.text, /internal-note/);

  // More evidence later, with no text: files alone are information enough.
  await browser.form('/complain/case/information');
  const added = await browser.postFiles('/complain/case/information', { information: '' }, [
    ['ceiling.jpg', PHOTO],
  ]);
  assert.equal(added.status, 200, added.text.slice(0, 400));
  assert.match(added.text, /File added: ceiling.jpg/);
  assert.match((await browser.get('/complain/case')).text, /ceiling.jpg/);
  const after = await call('GET', `/api/v1/complaints/${reference}/attachments`, {
    token: adminToken,
  });
  assert.equal(after.body.attachments.length, 3);
});

test('every problem with the files is named in one answer, and nothing is sent', async () => {
  const browser = new Browser(server.base);
  await answerAll(browser, { ...ADA, email: 'refused@example.org' }, 'Zanzibar wardrobe story');
  await browser.form('/complain/check-answers');
  const search = () => call('GET', '/api/v1/complaints?text=zanzibar', { token: adminToken });
  assert.equal((await search()).body.items.length, 0);
  const files = [
    ['program.pdf', PROGRAM],
    ['huge.jpg', Buffer.concat([PHOTO, Buffer.alloc(10 * MIB)])],
    ['a.jpg', PHOTO],
    ['b.jpg', PHOTO],
    ['c.jpg', PHOTO],
    ['d.jpg', PHOTO],
  ];
  const refused = await browser.postFiles('/complain/check-answers', {}, files);
  assert.equal(refused.status, 422, refused.text.slice(0, 400));
  assert.match(refused.text, /<title>Error: Check your answers/);
  for (const message of [
    'Select up to 5 files',
    'huge.jpg must be smaller than 10MB',
    'program.pdf must be a ',
  ]) {
    assert.ok(refused.text.includes(`<a href="#evidence">${message}`), message);
  }
  assert.match(refused.text, /govuk-file-upload--error/);
  // Nothing was sent: the answers are still there to send again, and no complaint was made.
  assert.equal((await browser.get('/complain/check-answers')).status, 200);
  assert.equal((await search()).body.items.length, 0);
  // A form without its CSRF token is refused whatever it carries.
  const forged = await browser.postFiles('/complain/check-answers', {}, [['a.jpg', PHOTO]], {
    csrf: 'rdf_forged',
  });
  assert.equal(forged.status, 403);
  // Without any session, the body is not used at all.
  const stranger = new Browser(server.base);
  assert.equal(
    (await stranger.postFiles('/complain/case/information', {}, [['a.jpg', PHOTO]])).status,
    403,
  );
});

test('a code sent by one server opens the case on another; a restart keeps an unfinished form', async () => {
  const options = [
    '--portal-key',
    portalKey,
    '--smtp-url',
    `smtp://127.0.0.1:${smtpPort}`,
    '--mail-from',
    'complaints@council.example.org',
  ];
  let second = await startServe(db, options);
  try {
    const browser = new Browser(server.base);
    const { reference } = await complain(browser, { ...ADA, email: 'shared@example.org' });
    // The code is asked for on the first process and entered on the second.
    const code = await newCode(browser, reference, 'shared@example.org');
    browser.base = second.base;
    await browser.form('/complain/follow/code');
    const entered = await browser.post('/complain/follow/code', { code });
    assert.equal(entered.status, 303, entered.text.slice(0, 400));
    assert.ok((await browser.get('/complain/case')).text.includes(reference));

    // Half a complaint on the second process, which then restarts: nothing is lost.
    const resident = new Browser(second.base);
    await resident.answer(
      '/complain/question/who',
      { who: 'myself' },
      '/complain/question/your-details',
    );
    await resident.answer(
      '/complain/question/your-details',
      { ...ADA, name: 'Grace Restart', email: 'restart@example.org' },
      '/complain/question/adjustments',
    );
    await second.stop();
    second = await startServe(db, options);
    resident.base = second.base;
    const details = await resident.get('/complain/question/your-details');
    assert.equal(details.status, 200);
    assert.match(details.text, /value="Grace Restart"/);
    // And the first process knows the same session.
    resident.base = server.base;
    assert.match((await resident.get('/complain/question/your-details')).text, /Grace Restart/);
  } finally {
    await second.stop();
  }
});
