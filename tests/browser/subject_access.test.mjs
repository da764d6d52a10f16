// Subject access requests in Chromium: a complaints officer opens the list, records a request (an
// empty form first, which names every missing answer), finds it with its due date on the ICO's
// clock, extends it (told too late first) and records the answer; axe-core checks every page and
// every error state.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { assertAccessible, dependentSteps, newPage, signIn, startApp } from './browser.mjs';

const OFFICER = 'amira.khan';

describe('the subject access pages', () => {
  let app;
  let page;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
  });
  after(async () => {
    await app?.stop();
  });

  const step = dependentSteps(() => page, 'subject-access');

  const fillDate = async (id, day, month, year) => {
    await page.locator(`#${id}`).fill(day);
    await page.locator(`#${id}-month`).fill(month);
    await page.locator(`#${id}-year`).fill(year);
  };

  step('a complaints officer records a request; an empty form names every answer', async () => {
    await signIn(page, OFFICER);
    await page.getByRole('link', { name: 'Subject access', exact: true }).click();
    await page.getByRole('heading', { name: 'Subject access requests' }).waitFor();
    await assertAccessible(page, 'the list without requests');
    await page.getByRole('button', { name: 'Record a request' }).click();
    await page.getByRole('heading', { name: 'Record a subject access request' }).waitFor();
    await assertAccessible(page, 'the new request form');
    await page.getByRole('button', { name: 'Record the request' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.equal(await summary.getByRole('link').count(), 3, await summary.innerText());
    await assertAccessible(page, 'the new request form with errors');
    await page.locator('#requester_name').fill('Ada Lovelace');
    await page.locator('#requester_email').fill('ada@example.org');
    await page.locator('#details').fill('Everything about my repairs complaint');
    await fillDate('received_on', '31', '1', '2026');
    await page.getByRole('button', { name: 'Record the request' }).click();
    await page.getByText(/Request SAR-2026-\d{6} recorded/).waitFor();
    assert.equal((await page.locator('#sar-status').innerText()).trim(), 'Received');
    // 31 January 2026: 28 February is a Saturday, so Monday 2 March.
    assert.match(await page.locator('#sar-due').innerText(), /2 March 2026/);
    await assertAccessible(page, 'one request');
  });

  step('an extension told too late is refused; then the answer is recorded', async () => {
    await page.getByRole('link', { name: 'Extend the time to answer' }).click();
    await page.getByRole('heading', { name: 'Extend the time to answer' }).waitFor();
    await page.locator('#months').selectOption('2');
    await fillDate('told_on', '5', '3', '2026');
    await page.locator('#reason').fill('Ten years of records');
    await page.getByRole('button', { name: 'Extend the time to answer' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await assertAccessible(page, 'the extension refused');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('link', { name: 'Record the answer sent' }).click();
    await page.getByRole('heading', { name: 'Record the answer sent' }).waitFor();
    await fillDate('completed_on', '27', '2', '2026');
    await page.getByRole('button', { name: 'Record the answer sent' }).click();
    await page.getByText('Record the answer sent: done').waitFor();
    assert.equal((await page.locator('#sar-status').innerText()).trim(), 'Completed');
    assert.equal(await page.locator('#sar-history li').count(), 2);
    await page.getByRole('link', { name: 'Subject access requests' }).first().click();
    await page.locator('#subject-access-requests').waitFor();
    await assertAccessible(page, 'the list with a request');
  });
});
