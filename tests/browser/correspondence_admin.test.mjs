// The correspondence admin pages in Chromium on the real binary (issue 15): an administrator lists
// the letter templates, opens one, sees its placeholders and history, previews an unsaved change
// against the sample case, is told on the field of a placeholder that does not exist, and saves a
// new version; adds Ombudsman contact details and is refused an email for the Housing Ombudsman;
// saves office hours and is refused hours that end before they start; sees the sender and relay.
// axe-core on every page and each error state.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, newPage, signIn, startApp } from './browser.mjs';

describe('the correspondence admin pages', () => {
  let app;
  let page;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
    await signIn(page, 'admin');
  });
  after(async () => {
    await app?.stop();
  });

  test('templates: preview, an unknown placeholder on the field, a new version', async () => {
    await page.goto(`${app.base}/admin`);
    await page.getByRole('link', { name: 'Letter templates' }).click();
    await page.getByRole('heading', { name: 'Letter templates', level: 1 }).waitFor();
    await assertAccessible(page, 'the letter templates');
    await page
      .locator('#letter-templates')
      .getByRole('link', { name: 'Free letter' })
      .first()
      .click();
    await page.getByRole('heading', { name: /Free letter/, level: 1 }).waitFor();
    await page.locator('#template-versions').getByText('Shipped default').waitFor();
    const template = page.getByLabel('Template');
    const original = await template.inputValue();
    await template.fill(`${original}\n\nPREVIEW-MARK ((reference))`);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page
      .locator('#template-preview')
      .getByText(/PREVIEW-MARK CMP-SAMPLE/)
      .waitFor();
    await assertAccessible(page, 'a template with its preview');

    await template.fill(`${original}\n\n((no_such_placeholder))`);
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.match(await summary.textContent(), /no_such_placeholder/);
    await page.locator('#text-error').waitFor();
    await assertAccessible(page, 'a template refused for an unknown placeholder');

    await template.fill(`${original}\n\nSAVED-MARK`);
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.locator('.govuk-notification-banner', { hasText: /Saved as version/ }).waitFor();
    await page
      .locator('#template-versions')
      .getByText(/^Version \d+$/)
      .first()
      .waitFor();
  });

  test('Ombudsman contact details: a new block, and no email for the Housing Ombudsman', async () => {
    await page.goto(`${app.base}/admin/ombudsman-contacts`);
    await page.getByRole('heading', { name: 'Ombudsman contact details', level: 1 }).waitFor();
    await page.locator('#ombudsman-contacts').getByText('In force').first().waitFor();
    await assertAccessible(page, 'the Ombudsman contact details');
    await page.getByLabel('Housing Ombudsman', { exact: true }).check();
    const today = new Date();
    const next = new Date(Date.UTC(today.getUTCFullYear() + 1, 0, 15));
    await page.getByLabel('Day').fill(String(next.getUTCDate()));
    await page.getByLabel('Month').fill(String(next.getUTCMonth() + 1));
    await page.getByLabel('Year').fill(String(next.getUTCFullYear()));
    await page.getByLabel('Email address (optional)').fill('info@housing-ombudsman.org.uk');
    await page.getByRole('button', { name: 'Add contact details' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.match(await summary.textContent(), /email/i);
    await page.locator('#email-error').waitFor();
    await assertAccessible(page, 'Ombudsman contact details refused for an email');

    await page.getByLabel('Email address (optional)').fill('');
    await page.getByLabel('Phone').fill('0300 111 9999');
    await page.getByRole('button', { name: 'Add contact details' }).click();
    await page
      .locator('.govuk-notification-banner', { hasText: 'Contact details added' })
      .waitFor();
    await page.locator('#ombudsman-contacts').getByText('0300 111 9999').waitFor();
  });

  test('email and office hours: hours validated and saved, the relay shown', async () => {
    await page.goto(`${app.base}/admin/email`);
    await page.getByRole('heading', { name: 'Email and office hours', level: 1 }).waitFor();
    await page.locator('#mail-settings').waitFor();
    await assertAccessible(page, 'the email and office hours page');
    await page.getByLabel('Start').fill('17:00');
    await page.getByLabel('End').fill('09:00');
    await page.getByRole('button', { name: 'Save office hours' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await page.locator('#end-error').waitFor();
    await assertAccessible(page, 'office hours refused');
    await page.getByLabel('Start').fill('08:00');
    await page.getByLabel('End').fill('18:00');
    await page.getByRole('button', { name: 'Save office hours' }).click();
    await page.locator('.govuk-notification-banner', { hasText: 'Office hours saved' }).waitFor();
    // Without a relay (or an email address on the account) the test email says why, GOV.UK-style.
    await page.getByRole('button', { name: 'Send a test email to yourself' }).click();
    await page.locator('.govuk-error-summary', { hasText: /relay|email address/ }).waitFor();
    await assertAccessible(page, 'the test email answered');
  });
});
