// The people index in Chromium (issue 20): a complaints officer goes from a complaint to
// "Everything about this person", sees the person with their records and proposed matches, then
// searches the index (an empty search first, which names what to give) and finds the person again
// by their e-mail address; axe-core checks every page and the error state.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { assertAccessible, dependentSteps, newPage, signIn, startApp } from './browser.mjs';

const OFFICER = 'amira.khan';

describe('the people pages', () => {
  let app;
  let page;
  let email = '';

  before(async () => {
    app = await startApp();
    page = await newPage(app);
  });
  after(async () => {
    await app?.stop();
  });

  const step = dependentSteps(() => page, 'people');

  step('from a complaint to everything about its complainant', async () => {
    await signIn(page, OFFICER);
    await page.goto(`${app.base}/cases`);
    await page.locator('table tbody tr a').first().click();
    await page.locator('#person-everything').click();
    await page.locator('#person-summary').waitFor();
    await page.locator('#person-records').waitFor();
    assert.ok((await page.locator('#person-records h3').count()) >= 1);
    const summary = await page.locator('#person-summary').innerText();
    email = (summary.match(/[^\s]+@[^\s]+/) ?? [''])[0];
    await assertAccessible(page, 'a person');
  });

  step('an empty search names what to give; a search by e-mail finds the person', async () => {
    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'People', exact: true })
      .click();
    await page.getByRole('heading', { name: 'People' }).waitFor();
    await assertAccessible(page, 'the people search');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await assertAccessible(page, 'the people search with errors');
    if (email) {
      await page.locator('#q').fill(email);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.locator('#people-results').waitFor();
      assert.ok((await page.locator('#people-results tbody tr').count()) >= 1);
      await assertAccessible(page, 'the people found');
    }
  });
});
