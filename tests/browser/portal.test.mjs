// The resident's public service in Chromium with JavaScript DISABLED (issue 17): the whole
// journey — complain, read the confirmation, get the code from the email at the test SMTP server,
// see the case, add information, ask for stage 2 — with axe-core (WCAG 2.2 AA) on every page and
// error state; then the same pages with JavaScript on; the start page at 320 px has no sideways
// scrolling. The staff side sees the complaint in the officers' queue with its clock.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { apiClient, redress, startServe, tempDir, userWithToken } from '../blackbox/helpers.mjs';
import {
  codesFor,
  freePort,
  received,
  startSink,
  stopSink,
  waitFor,
} from '../blackbox/mail_helpers.mjs';
import { assertAccessible } from './browser.mjs';

const sourceDir = process.env.REDRESS_SOURCE_DIR ?? new URL('../..', import.meta.url).pathname;
const requireFromWeb = createRequire(join(sourceDir, 'web', 'package.json'));
const { chromium } = requireFromWeb('playwright-core');
const CHROMIUM = process.env.REDRESS_CHROMIUM ?? '/usr/bin/chromium';

let workspace;
let sink;
let mailDir;
let smtpPort;
let server;
let browser;
let call;
let adminToken;
let axeContext;
const withoutScript = new WeakSet();

function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

before(async () => {
  workspace = tempDir();
  mailDir = join(workspace.dir, 'mail');
  smtpPort = await freePort();
  sink = await startSink(smtpPort, mailDir);
  const db = join(workspace.dir, 'portal.db');
  assert.equal(redress(['init', '--db', db]).status, 0);
  adminToken = userWithToken(db, 'portal.admin', 'admin');
  server = await startServe(db, [
    '--smtp-url',
    `smtp://127.0.0.1:${smtpPort}`,
    '--mail-from',
    'complaints@council.example.org',
    '--outbox-poll-ms',
    '100',
  ]);
  call = apiClient(server.base);
  for (const [path, body] of [
    ['/api/v1/teams/housing-services', { name: 'Housing Services' }],
    ['/api/v1/service-areas/housing', { name: 'Housing', team: 'housing-services' }],
    ['/api/v1/categories/general', { name: 'General' }],
    ['/api/v1/settings', { name: 'Exampleshire Council', division: 'england-and-wales' }],
  ]) {
    const r = await call('PUT', path, { token: adminToken, body });
    assert.ok(r.status < 300, `${path}: ${JSON.stringify(r.body)}`);
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless'],
  });
  axeContext = await browser.newContext();
});

// axe-core runs as script in the page, which a page without JavaScript cannot run: the page as
// the resident sees it (its HTML, with the server's own stylesheet) is checked in a page with
// JavaScript on instead.
async function assertPageAccessible(page, what) {
  if (!withoutScript.has(page)) {
    await assertAccessible(page, what);
    return;
  }
  const html = await page.content();
  const url = page.url();
  const checker = await axeContext.newPage();
  await checker.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await checker.goto(url);
  await assertAccessible(checker, what);
  await checker.close();
}

after(async () => {
  await browser?.close();
  await server?.stop();
  await stopSink(sink);
  workspace?.cleanup();
});

async function pageWith(javaScriptEnabled) {
  const context = await browser.newContext({ baseURL: server.base, javaScriptEnabled });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  if (!javaScriptEnabled) withoutScript.add(page);
  return page;
}

async function continueWith(page, label = 'Continue') {
  await Promise.all([
    page.waitForLoadState('load'),
    page.getByRole('button', { name: label }).click(),
  ]);
}

// A photo and a program, as libmagic types them by their content.
const PHOTO = {
  name: 'roof.jpg',
  mimeType: 'image/jpeg',
  buffer: Buffer.concat([
    Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
    Buffer.alloc(20),
    Buffer.from('ffd9', 'hex'),
  ]),
};
const PROGRAM = {
  name: 'invoice.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.concat([
    Buffer.from('MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0', 'latin1'),
    Buffer.alloc(100),
  ]),
};

async function complain(page, email, mode) {
  await page.goto('/complain');
  await assertPageAccessible(page, `start page (${mode})`);
  await page.getByRole('button', { name: 'Start now' }).click();
  await assertPageAccessible(page, `who page (${mode})`);
  await continueWith(page);
  await page.getByText('There is a problem').waitFor();
  await assertPageAccessible(page, `who page with an error (${mode})`);
  await page.getByRole('radio', { name: 'I am complaining for myself' }).check();
  await continueWith(page);

  await continueWith(page);
  await page.getByText('Enter your full name').first().waitFor();
  await assertPageAccessible(page, `contact details with errors (${mode})`);
  await page.getByLabel('Full name').fill('Ada Resident');
  await page.getByRole('textbox', { name: 'Email address' }).fill(email);
  await page.getByRole('radio', { name: 'Email' }).check();
  await continueWith(page);

  await assertPageAccessible(page, `adjustments (${mode})`);
  await page.getByLabel(/support or changes/).fill('Large print');
  await continueWith(page);
  await assertPageAccessible(page, `service area (${mode})`);
  await page.getByRole('radio', { name: 'Housing' }).check();
  await continueWith(page);
  await assertPageAccessible(page, `what happened (${mode})`);
  await page.getByLabel('What happened?').fill('The roof leaks into the bedroom.');
  await continueWith(page);
  await page.getByLabel(/put things right/).fill('Repair the roof');
  await continueWith(page);

  await page.getByRole('heading', { name: /Check your answers/ }).waitFor();
  await assertPageAccessible(page, `check answers (${mode})`);
  await page.getByRole('link', { name: /Change\s+What happened/ }).click();
  await page.getByLabel('What happened?').fill('The roof leaks into the bedroom, again.');
  await continueWith(page);
  await page.getByText('The roof leaks into the bedroom, again.').waitFor();
  // Evidence: a file of a type not accepted is named in the error summary; nothing is sent.
  await page.getByLabel('Upload files (optional)').setInputFiles([PROGRAM, PHOTO]);
  await continueWith(page, 'Accept and send');
  await page.getByText('There is a problem').waitFor();
  await page.getByRole('link', { name: /invoice\.pdf must be a / }).waitFor();
  await assertPageAccessible(page, `check answers with a file error (${mode})`);
  await page.getByLabel('Upload files (optional)').setInputFiles([PHOTO]);
  await continueWith(page, 'Accept and send');

  await page.getByRole('heading', { name: 'Complaint sent' }).waitFor();
  await page.locator('#files-sent').getByText('roof.jpg').waitFor();
  await assertPageAccessible(page, `confirmation (${mode})`);
  return (await page.locator('#reference').textContent()).trim();
}

async function follow(page, reference, email, mode) {
  await page.goto('/complain/follow');
  await assertPageAccessible(page, `follow (${mode})`);
  const before = codesFor(received(mailDir), email).length;
  await page.getByLabel('Reference number').fill(reference);
  await page.getByRole('textbox', { name: 'Email address' }).fill(email);
  await continueWith(page, 'Send me a code');
  await assertPageAccessible(page, `code (${mode})`);
  const code = await waitFor('the code', () => codesFor(received(mailDir), email)[before]);
  await page
    .getByLabel('Enter the code we emailed you')
    .fill('000000' === code ? '111111' : '000000');
  await continueWith(page);
  await page.getByText('The code is not right').first().waitFor();
  await assertPageAccessible(page, `code with an error (${mode})`);
  await page.getByLabel('Enter the code we emailed you').fill(code);
  await continueWith(page);
  await page.getByRole('heading', { name: reference }).waitFor();
  await assertPageAccessible(page, `case (${mode})`);
}

test('the whole journey works without JavaScript, accessibly', async () => {
  const page = await pageWith(false);
  const reference = await complain(page, 'nojs@example.org', 'no JavaScript');

  await follow(page, reference, 'nojs@example.org', 'no JavaScript');
  await page.getByRole('link', { name: 'Add information or evidence' }).click();
  await assertPageAccessible(page, 'add information');
  await continueWith(page, 'Send');
  await page.getByText('Enter the information you would like to add').first().waitFor();
  await assertPageAccessible(page, 'add information with an error');
  await page.getByLabel('Upload files (optional)').setInputFiles([PROGRAM]);
  await continueWith(page, 'Send');
  await page.getByRole('link', { name: /invoice\.pdf must be a / }).waitFor();
  await assertPageAccessible(page, 'add information with a file error');
  await page.getByLabel('What would you like to add?').fill('It rained again on Monday.');
  await page
    .getByLabel('Upload files (optional)')
    .setInputFiles([{ ...PHOTO, name: 'ceiling.jpg' }]);
  await continueWith(page, 'Send');
  await page.getByRole('heading', { name: 'Information added' }).waitFor();
  await page.getByText('File added: ceiling.jpg').waitFor();
  await assertPageAccessible(page, 'information added');
  await page.goto('/complain/case');
  await page.getByText('ceiling.jpg').waitFor();

  // The staff side: the evidence is on the case, supplied by the resident, not shown as clean
  // (this server has no scanner).
  const files = await call('GET', `/api/v1/complaints/${reference}/attachments`, {
    token: adminToken,
  });
  assert.deepEqual(
    files.body.attachments.map((f) => [f.name, f.supplied_by_resident, f.scan_state]),
    [
      ['roof.jpg', true, 'not_scanned'],
      ['ceiling.jpg', true, 'not_scanned'],
    ],
  );

  // Answer stage 1 on the staff side, then ask for stage 2 as the resident.
  let current = await call('GET', `/api/v1/complaints/${reference}`, { token: adminToken });
  assert.equal(current.body.channel, 'online');
  assert.equal(current.body.received_on, today());
  const queue = await call('GET', '/api/v1/complaints?status=awaiting_acknowledgement', {
    token: adminToken,
  });
  assert.ok(queue.body.items.some((row) => row.reference === reference));
  await call('PUT', '/api/v1/root-causes/communication', {
    token: adminToken,
    body: { name: 'Communication' },
  });
  let step = await call('POST', `/api/v1/complaints/${reference}/acknowledge`, {
    token: adminToken,
    body: { on: today() },
    headers: { 'if-match': current.headers.get('etag') },
  });
  step = await call('POST', `/api/v1/complaints/${reference}/respond`, {
    token: adminToken,
    body: {
      on: today(),
      outcome: 'not_upheld',
      root_causes: ['communication'],
      remedies: [],
      actions: [],
      learning: '',
    },
    headers: { 'if-match': step.headers.get('etag') },
  });
  assert.equal(step.status, 200, JSON.stringify(step.body));

  await page.goto('/complain/case');
  await page.getByRole('link', { name: /next stage/ }).click();
  await assertPageAccessible(page, 'next stage');
  await continueWith(page, 'Ask for the next stage');
  await page.getByRole('heading', { name: 'Request sent' }).waitFor();
  await assertPageAccessible(page, 'request sent');
  current = await call('GET', `/api/v1/complaints/${reference}`, { token: adminToken });
  assert.equal(current.body.stages.length, 2);

  for (const path of ['/complain/accessibility', '/complain/privacy']) {
    await page.goto(path);
    await assertPageAccessible(page, path);
  }
  await page.context().close();
});

test('the same pages with JavaScript on, and at 320 px wide', async () => {
  const page = await pageWith(true);
  const reference = await complain(page, 'js@example.org', 'JavaScript');
  await follow(page, reference, 'js@example.org', 'JavaScript');
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/complain', '/complain/question/your-details', '/complain/case']) {
    await page.goto(path);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 320, `${path} is ${wide} px wide at 320 px`);
  }
  await page.context().close();
});
