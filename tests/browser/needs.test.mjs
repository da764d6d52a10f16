// A complaints officer's lists and the complainant's needs (issue 18), in Chromium with axe-core:
// needs recorded on the case page show as a warning at its top and as a tag in the case list;
// a needs text too long is an error in the GOV.UK style; the home page's triage queue leads to
// the list filtered on new complaints with no handler, which the list's own filters show; and a
// saved view is renamed with its small form (an error first when no view is chosen).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, newPage, signIn, startApp } from './browser.mjs';

const OFFICER = 'amira.khan';

describe('needs, triage and renaming a view', () => {
  let app;
  let page;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
    await signIn(page, OFFICER);
  });
  after(async () => {
    await app?.stop();
  });

  test('needs recorded on the case page flag it at the top and in the list', async () => {
    await page.goto('/cases?status=in_progress&sort=reference');
    await page.locator('#case-table').waitFor();
    const reference = await page.locator('#case-table tbody tr th a').first().innerText();
    await page.goto(`/cases/${reference}`);
    const needs = page.locator('#needs');
    await needs.getByText('Vulnerabilities: none recorded').waitFor();
    assert.equal(await page.locator('#needs-flag').count(), 0, 'no flag before any needs');

    await needs.getByText('Record needs and adjustments').click();
    await needs.getByLabel('Reasonable adjustments (optional)').fill('x'.repeat(2001));
    await needs.getByRole('button', { name: 'Save needs' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await assertAccessible(page, 'the case page with a needs text too long');

    await needs.getByLabel('Mental health').check();
    await needs.getByLabel('Bereavement').check();
    await needs.getByLabel('Reasonable adjustments (optional)').fill('Phone calls after 2pm only');
    await needs.getByRole('button', { name: 'Save needs' }).click();
    const flag = page.locator('#needs-flag');
    await flag.getByText(/Vulnerable: Mental health, Bereavement\./).waitFor();
    await flag.getByText(/Adjustments: Phone calls after 2pm only/).waitFor();
    // The flag comes before the case's actions and details: at the top of the page.
    const [flagTop, detailsTop] = await Promise.all([
      flag.evaluate((node) => node.getBoundingClientRect().top),
      page.locator('#case-details').evaluate((node) => node.getBoundingClientRect().top),
    ]);
    assert.ok(flagTop < detailsTop, 'the needs flag is above the details');
    await assertAccessible(page, 'the case page with needs recorded');

    await page.goto(`/cases?text=${reference}`);
    const row = page.locator('#case-table tbody tr').filter({ hasText: reference });
    await row.getByText('Needs', { exact: true }).waitFor();
    await assertAccessible(page, 'the case list with a row flagged for needs');
  });

  test('the triage queue leads to the list of new complaints with no handler', async () => {
    await page.goto('/');
    const triage = page.locator('#triage-queue');
    await triage
      .getByRole('heading', { name: 'Triage: new online and unassigned complaints' })
      .waitFor();
    await assertAccessible(page, 'the officer’s home with the triage queue');
    await triage.getByRole('link', { name: 'New complaints with no handler' }).click();
    await page.waitForURL(/unassigned=true/);
    await page.locator('#case-count').waitFor();
    assert.equal(await page.getByLabel('Handler assigned').inputValue(), 'true');
    assert.equal(await page.getByLabel('Status').inputValue(), 'awaiting_acknowledgement');
    await page.getByLabel('How it came in').selectOption('online');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/channel=online/);
    await page.locator('#case-count').waitFor();
    await assertAccessible(page, 'the case list filtered on online complaints with no handler');
  });

  test('a saved view is renamed with its form', async () => {
    await page.goto('/cases?unassigned=true&sort=due_on');
    await page.locator('#case-count').waitFor();
    const views = page.locator('section[aria-labelledby="saved-views-heading"]');
    await views.getByText('Save these filters as a view').click();
    await views.getByLabel('Name of the view').fill('No handler yet');
    await views.getByRole('button', { name: 'Save view' }).click();
    await page.locator('#saved-views').getByRole('link', { name: 'No handler yet' }).waitFor();

    const rename = page.locator('#rename-view');
    await rename.getByText('Rename a view').click();
    await rename.getByRole('button', { name: 'Rename view' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Select the view to rename' }).waitFor();
    await summary.getByRole('link', { name: 'Enter a new name for the view' }).waitFor();
    await assertAccessible(page, 'the rename form with nothing chosen');

    await rename.getByLabel('View').selectOption({ label: 'No handler yet' });
    await rename.getByLabel('New name').fill('Triage: nobody assigned');
    await rename.getByRole('button', { name: 'Rename view' }).click();
    await page
      .locator('#saved-views')
      .getByRole('link', { name: 'Triage: nobody assigned' })
      .waitFor();
    assert.equal(
      await page.locator('#saved-views').getByRole('link', { name: 'No handler yet' }).count(),
      0,
    );
    await assertAccessible(page, 'the case list after renaming a view');
  });
});
