// Saved views and bulk actions of the case list (issue 18), in Chromium with axe-core: the
// list's filters and order saved under a name (a missing name is an error in the GOV.UK style),
// the view offered on the list and opening it on those filters, and deleted by its owner; cases
// selected with the list's checkboxes reassigned together to a handler eligible for each, with
// what happened to each case reported.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, newPage, signIn, startApp } from './browser.mjs';

const OFFICER = 'amira.khan';
const VIEW = 'Housing, newest first';

describe('saved views of the case list', () => {
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

  test('a view is saved from the list, opens the list on its filters and is deleted', async () => {
    await page.goto('/cases?regime=housing&sort=-received_on');
    await page.locator('#case-table').waitFor();
    const views = page.locator('section[aria-labelledby="saved-views-heading"]');
    await views.getByText('You have no saved views yet.').waitFor();
    await views.getByText('Save these filters as a view').click();
    await views.getByRole('button', { name: 'Save view' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Enter a name for the view' }).waitFor();
    await assertAccessible(page, 'the case list with a view saved without a name');

    await views.getByLabel('Name of the view').fill(VIEW);
    await views.getByLabel('Share this view with my team').check();
    await views.getByRole('button', { name: 'Save view' }).click();
    await page.locator('#saved-view-confirmation').waitFor();
    const link = page.locator('#saved-views').getByRole('link', { name: VIEW });
    await link.waitFor();
    await page.locator('#saved-views').getByText('(shared with your team)').waitFor();
    await assertAccessible(page, 'the case list with a saved view');

    await page.goto('/cases');
    await page.locator('#case-table').waitFor();
    await page.locator('#saved-views').getByRole('link', { name: VIEW }).click();
    await page.waitForURL(/regime=housing/);
    await page.locator('#case-table').waitFor();
    assert.equal(await page.getByLabel('Regime').inputValue(), 'housing');
    assert.equal(await page.getByLabel('Sort by').inputValue(), '-received_on');

    await page
      .locator('#saved-views')
      .getByRole('button', { name: `Delete the view ${VIEW}` })
      .click();
    await views.getByText('You have no saved views yet.').waitFor();
    await assertAccessible(page, 'the case list after deleting its only view');
  });
});

describe('bulk actions on the case list', () => {
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

  test('cases selected in the list are reassigned together, each reported', async () => {
    await page.goto('/cases?status=in_progress&stage=1&sort=reference');
    await page.locator('#case-table').waitFor();
    const bulk = page.locator('#bulk-actions');
    await bulk.getByText('Select cases in the table').waitFor();
    const references = (await page.locator('#case-table tbody tr th a').allInnerTexts()).slice(
      0,
      2,
    );
    assert.equal(references.length, 2, 'two open stage 1 cases');
    for (const reference of references) {
      await page.getByLabel(`Select ${reference}`).check();
    }
    await bulk.getByText('2 cases selected.').waitFor();
    // No handler chosen: an error in the GOV.UK style, nothing sent.
    await bulk.getByRole('button', { name: 'Reassign selected cases' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Select who to reassign the cases to' })
      .waitFor();
    await assertAccessible(page, 'the case list with two cases selected and an error');
    const choices = bulk.getByLabel('Reassign to').locator('option:not([value=""])');
    await choices.first().waitFor({ state: 'attached' });
    const handler = await choices.first().getAttribute('value');
    await bulk.getByLabel('Reassign to').selectOption(handler);
    await bulk.getByRole('button', { name: 'Reassign selected cases' }).click();
    const results = page.locator('#bulk-results');
    await results.waitFor();
    for (const reference of references) {
      await results.getByText(`${reference}: done`).waitFor();
    }
    await assertAccessible(page, 'the case list after a bulk reassignment');
  });
});
