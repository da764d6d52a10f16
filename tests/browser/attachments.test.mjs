// Evidence on the case page in Chromium on the real binary (issue 16): a manager is told to
// select a file when none is chosen and that an empty file is empty (the Design System's wording,
// in the error summary linked to the file upload), attaches two photos at once, sees them listed
// with their scan state (no scanner is configured here: "Not scanned for viruses"), and opens one.
// axe-core on the upload form and its error state.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sqlite } from '../blackbox/helpers.mjs';
import { assertAccessible, newPage, signIn, startApp } from './browser.mjs';

const MANAGER = 'david.clarke';

// A 1×1 PNG (valid enough for libmagic and for Chromium to draw).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('evidence on the case page', () => {
  let app;
  let page;
  let complaint;
  let dir;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
    complaint = sqlite(
      app.db,
      "SELECT reference FROM complaints WHERE restricted = 0 AND service_area = 'housing' ORDER BY id DESC LIMIT 1",
    ).trim();
    dir = mkdtempSync(join(tmpdir(), 'redress-photos-'));
    writeFileSync(join(dir, 'mould-bedroom.png'), PNG);
    writeFileSync(join(dir, 'mould-kitchen.png'), Buffer.concat([PNG, Buffer.from([0])]));
    writeFileSync(join(dir, 'empty.png'), Buffer.alloc(0));
  });
  after(async () => {
    await app?.stop();
  });

  test('a manager attaches two photos and opens one', async () => {
    await signIn(page, MANAGER);
    await page.goto(`/cases/${complaint}`);
    await page.getByRole('heading', { name: 'Evidence' }).waitFor();
    await page.getByText('No files attached.').waitFor();
    await assertAccessible(page, 'the case page with the upload form');

    await page.getByRole('button', { name: 'Attach files' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.locator('a[href="#file"]', { hasText: 'Select a file' }).waitFor();
    await assertAccessible(page, 'the upload form without a file');

    await page.getByLabel('Upload files').setInputFiles(join(dir, 'empty.png'));
    await page.getByRole('button', { name: 'Attach files' }).click();
    await summary.locator('a[href="#file"]', { hasText: 'The selected file is empty' }).waitFor();

    await page
      .getByLabel('Upload files')
      .setInputFiles([join(dir, 'mould-bedroom.png'), join(dir, 'mould-kitchen.png')]);
    await page.getByLabel('Describe the files (optional)').fill('Photos the resident sent');
    await page.getByLabel('The resident supplied these files').check();
    await page.getByRole('button', { name: 'Attach files' }).click();
    const list = page.locator('#attachments');
    await list.getByRole('link', { name: 'mould-kitchen.png' }).waitFor();
    assert.equal(await list.locator('li').count(), 2);
    assert.equal(await list.getByText('Not scanned for viruses').count(), 2);
    await assertAccessible(page, 'the case page with two photos');

    const href = await list.getByRole('link', { name: 'mould-bedroom.png' }).getAttribute('href');
    assert.match(href, /\/attachments\/\d+\/content\?disposition=inline$/);
    const opened = await page.request.get(href);
    assert.equal(opened.status(), 200);
    assert.equal(opened.headers()['content-type'], 'image/png');
    assert.match(opened.headers()['content-disposition'], /^inline; filename="mould-bedroom.png"/);
    assert.match(opened.headers()['content-security-policy'], /sandbox/);
    assert.deepEqual(await opened.body(), PNG);
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      list.getByRole('link', { name: 'mould-bedroom.png' }).click(),
    ]);
    await popup.waitForLoadState();
    assert.match(popup.url(), /\/content\?disposition=inline$/);
    await popup.close();
  });
});
