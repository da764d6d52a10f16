// Letters on the case page in Chromium on the real binary (issue 15): a manager chooses an
// acknowledgement for a case awaiting one, is told which required part is missing (from the API's
// field error, in the error summary linked to its box), fills it, previews the letter, issues it
// with the acknowledgement, and sees it listed with its state and hash and on the timeline; then
// resends it and sees both messages listed and the resend on the timeline. axe-core on the panel,
// its error state, its preview and the panel after the resend.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sqlite } from '../blackbox/helpers.mjs';
import { assertAccessible, newPage, signIn, startApp } from './browser.mjs';

const MANAGER = 'david.clarke';

describe('letters on the case page', () => {
  let app;
  let page;
  let complaint;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
    complaint = sqlite(
      app.db,
      "SELECT reference FROM complaints WHERE restricted = 0 AND status = 'awaiting_acknowledgement' " +
        'ORDER BY id DESC LIMIT 1',
    ).trim();
    assert.ok(complaint, 'the demo has a case awaiting acknowledgement');
  });
  after(async () => {
    await app?.stop();
  });

  test('a manager acknowledges with the letter: missing part, preview, issue, timeline', async () => {
    await signIn(page, MANAGER);
    await page.goto(`/cases/${complaint}`);
    await page.getByRole('heading', { name: 'Letters', exact: true }).waitFor();
    await page.getByLabel('Type of letter').selectOption('acknowledgement');
    const definition = page.getByLabel('What the complaint is about');
    await definition.waitFor();
    // The outcome sought comes from the case.
    assert.notEqual(await page.getByLabel('The outcome the complainant wants').inputValue(), '');
    await page.getByLabel('Also record the acknowledgement on the date of the letter').check();
    await assertAccessible(page, 'the letter writer');

    await page.getByRole('button', { name: 'Issue letter' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary
      .locator('a[href="#parts-complaint_definition"]', {
        hasText: 'Enter what the complaint is about',
      })
      .waitFor();
    await assertAccessible(page, 'the letter writer with a part missing');

    await definition.fill('The repair to the roof was not done when promised.');
    // Whatever else this case's procedure requires (the regime decides), the handler writes.
    for (const box of await page.locator('textarea[name^="parts."]').all()) {
      if ((await box.inputValue()) === '') await box.fill('Nothing else.');
    }
    await page.getByRole('button', { name: 'Preview letter' }).click();
    const preview = page.locator('#letter-preview');
    await preview.getByText('The repair to the roof was not done when promised.').waitFor();
    await preview.getByRole('link', { name: 'Download the preview as a PDF' }).waitFor();
    await assertAccessible(page, 'the letter preview');

    await page.getByRole('button', { name: 'Issue letter' }).click();
    await page.locator('.govuk-notification-banner', { hasText: /Letter \d+ issued/ }).waitFor();
    const row = page.locator('#letters tr', { hasText: 'Acknowledgement' }).last();
    await row.waitFor();
    const state = (await row.locator('.govuk-tag').textContent()).trim();
    assert.ok(['Queued', 'To post', 'Sent'].includes(state), state);
    assert.match(await row.locator('code').getAttribute('title'), /^[0-9a-f]{64}$/);
    const pdf = await row.getByRole('link', { name: /Download/ }).getAttribute('href');
    const fetched = await page.request.get(pdf);
    assert.equal(fetched.status(), 200);
    assert.equal(fetched.headers()['content-type'], 'application/pdf');
    await page.locator('#timeline', { hasText: /Letter \d+ issued/ }).waitFor();
    assert.equal(
      sqlite(app.db, `SELECT status FROM complaints WHERE reference = '${complaint}'`).trim(),
      'in_progress',
    );
    await assertAccessible(page, 'the case page with the letter issued');
  });

  test('a manager resends the letter: a second message listed, the resend on the timeline', async () => {
    const row = page.locator('#letters tr', { hasText: 'Acknowledgement' }).last();
    const resend = row.getByRole('button', { name: /Resend/ });
    await resend.waitFor();
    await resend.click();
    await page
      .locator('.govuk-notification-banner', { hasText: /Letter \d+ sent again to/ })
      .waitFor();
    await page.locator('#letters tr', { hasText: 'Acknowledgement' }).last().waitFor();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#letters tr')].at(-1)?.querySelectorAll('li').length >= 2,
    );
    await page.locator('#timeline', { hasText: /sent again to/ }).waitFor();
    await assertAccessible(page, 'the case page with the letter resent');
  });
});
