// The other pages of the web app in Chromium: the dashboard for a manager, the case list's
// filters, tags and pages, a service request, the administration pages, keyboard use; axe-core
// on each page and error state.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { sqlite } from '../blackbox/helpers.mjs';
import { assertAccessible, newPage, signIn, signOut, startApp } from './browser.mjs';

describe('the web app’s pages', () => {
  let app;
  let page;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
  });
  after(async () => {
    await app?.stop();
  });

  test('a manager’s dashboard widens to the team and the organisation', async () => {
    await signIn(page, 'david.clarke');
    await page.getByRole('heading', { name: 'Your team’s cases' }).waitFor();
    // The radio follows the address (a controlled input), so it shows checked only once the new
    // scope has been navigated to: click it and wait for that, rather than `check()` at once.
    await page.getByRole('radio', { name: 'The whole organisation' }).click();
    await page.getByRole('heading', { name: 'All cases' }).waitFor();
    // A reload keeps the session: the tab still holds its CSRF token.
    await page.reload();
    await page.getByRole('heading', { name: 'All cases' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const overdue = page.getByRole('row', { name: /Overdue/ });
    const count = Number((await overdue.locator('td').innerText()).trim());
    assert.ok(count > 0, 'the demo history up to 2022 leaves overdue cases');
    await assertAccessible(page, 'the organisation dashboard');
    // The count leads to exactly those cases.
    await overdue.getByRole('link').click();
    await page.locator('#case-table').waitFor();
    const tags = await page.locator('#case-table tbody .govuk-tag--red').count();
    const rows = await page.locator('#case-table tbody tr').count();
    assert.equal(tags, rows, 'every overdue case is tagged overdue');
  });

  test('a case reopened and answered again shows its earlier response', async () => {
    // The demo reopens about one answered stage in a hundred and answers it again.
    const reference = sqlite(
      app.db,
      `SELECT c.reference FROM complaints c
      JOIN stage_earlier_responses e ON e.complaint_id = c.id
      WHERE c.regime = 'housing' AND c.restricted = 0 ORDER BY c.id LIMIT 1`,
    ).trim();
    assert.match(reference, /^CMP-/, 'the demo has a re-answered housing case');
    await signIn(page, 'david.clarke');
    await page.goto(`/cases/${reference}`);
    const details = page.locator('#stage-1-earlier-responses');
    await details.getByText('Earlier responses (1)').click();
    await details.getByText(/superseded by a reopening/).waitFor();
    await page.locator('#stage-1-earlier-1-responded-on').waitFor();
    await assertAccessible(page, 'a case with an earlier response');
  });

  test('the case list filters, sorts and pages', async () => {
    await page.goto('/cases?regime=housing&sort=-received_on');
    await page.locator('#case-table').waitFor();
    await assertAccessible(page, 'the case list');
    const first = await page.locator('#case-table tbody tr th a').first().innerText();
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.getByRole('link', { name: 'Previous page' }).waitFor();
    const second = await page.locator('#case-table tbody tr th a').first().innerText();
    assert.notEqual(first, second);
    await assertAccessible(page, 'the second page of cases');
    await page.getByRole('link', { name: 'Previous page' }).click();
    await page.getByRole('link', { name: 'Previous page' }).waitFor({ state: 'detached' });
    assert.equal(await page.locator('#case-table tbody tr th a').first().innerText(), first);

    // A filter the API refuses shows its problem.
    await page.getByLabel('Received on or after').fill('not a date');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await assertAccessible(page, 'the case list with a bad filter');
  });

  test('the case list downloads with its filters, as CSV and XLSX', async () => {
    await page.goto('/cases?regime=housing&sort=-received_on');
    await page.locator('#case-table').waitFor();
    const csv = page.getByRole('link', { name: 'CSV file of these cases' });
    assert.equal(
      await csv.getAttribute('href'),
      '/api/v1/exports/complaints?regime=housing&sort=-received_on&format=csv',
    );
    const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
    assert.match(download.suggestedFilename(), /^complaints-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    assert.match(text, /^Reference,Regime,Status,/);
    const first = await page.locator('#case-table tbody tr th a').first().innerText();
    assert.equal(text.split('\r\n')[1].split(',')[0], first, 'the list’s order');
    const xlsx = page.getByRole('link', { name: 'Excel (XLSX) file of these cases' });
    assert.match(await xlsx.getAttribute('href'), /format=xlsx$/);
    await assertAccessible(page, 'the case list with its download links');
  });

  test('a service request is logged and can become a complaint', async () => {
    await page.goto('/cases/new');
    await page
      .getByRole('group', { name: 'How did they contact us?' })
      .getByRole('radio', { name: 'Email' })
      .check();
    await page.getByRole('radio', { name: 'A service request' }).check();
    await page.getByLabel('Service area').selectOption({ index: 1 });
    await page.getByLabel('Category').selectOption({ index: 1 });
    await page.getByLabel('Summary').fill('Streetlight out on Acacia Avenue');
    await page.getByLabel('What happened?').fill('The light by number 12 has been out for a week.');
    await page.getByLabel('Full name').fill('Sam Requester');
    await page.getByLabel('Email address').fill('sam@example.org');
    await page.getByRole('button', { name: 'Log service request' }).click();
    await page.getByRole('heading', { name: 'Service request logged' }).waitFor();
    await assertAccessible(page, 'the service request confirmation');
    await page.getByRole('link', { name: 'the service request’s page' }).click();
    await page.getByRole('heading', { name: 'Streetlight out on Acacia Avenue' }).waitFor();
    await assertAccessible(page, 'the service request page');
    await page.getByRole('radio', { name: /^Corporate/ }).check();
    await page.getByRole('button', { name: 'Raise a complaint' }).click();
    await page.getByText('Complaint raised from the service request').waitFor();
    await signOut(page);
  });

  // Opens the first case with `status` in the list and each of `actions`' forms on it; each form
  // is checked as it opens and, for `failing`, after an empty submission shows its errors.
  const checkActionForms = async (status, actions, failing) => {
    await page.goto(`/cases?status=${status}`);
    const reference = await page.locator('#case-table tbody tr th a').first().innerText();
    for (const action of actions) {
      await page.goto(`/cases/${reference}/${action}`);
      await page.locator('form .govuk-button').first().waitFor();
      await assertAccessible(page, `the ${action} form`);
      if (failing.includes(action)) {
        await page.locator('button[type=submit]').click();
        await page.locator('.govuk-error-summary').waitFor();
        await assertAccessible(page, `the ${action} form with errors`);
      }
    }
  };

  test('every other case action’s form, with errors', async () => {
    await signIn(page, 'david.clarke');
    await checkActionForms('in_progress', ['extend', 'refuse', 'withdraw'], ['extend', 'refuse']);
    await checkActionForms('responded', ['close', 'reopen'], ['reopen']);
    await page.goto('/no-such-page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await assertAccessible(page, 'the page not found');
  });

  test('the administration pages, with their errors', async () => {
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    await assertAccessible(page, 'the administration index');
    for (const [link, heading] of [
      ['Users and roles', 'Users and roles'],
      ['Teams', 'Teams'],
      ['Service areas', 'Service areas'],
      ['Categories', 'Categories'],
      ['Root causes', 'Root causes'],
      ['Closure days', 'Closure days'],
      ['Designated service area', 'Designated service area'],
      ['Organisation settings', 'Organisation settings'],
    ]) {
      await page.goto('/admin');
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.locator('.govuk-table, form').first().waitFor();
      await assertAccessible(page, `the ${heading} page`);
    }

    await page.goto('/admin/users/new');
    await page.getByLabel('Username').fill('Not Valid!');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await assertAccessible(page, 'the add user form with errors');
    await page.getByLabel('Username').fill('new.officer');
    await page.getByLabel('Full name').fill('New Officer');
    await page.getByRole('radio', { name: 'Complaints officer' }).check();
    await page.getByLabel('Team').selectOption('housing-services');
    await page.getByLabel('Initial password').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('Added new.officer').waitFor();
    await page.getByRole('link', { name: 'New Officer' }).waitFor();

    await page.goto('/admin/root-causes');
    await page.getByLabel('Code').fill('unclear-letter');
    await page.getByLabel('Name').fill('Unclear letter');
    await page.getByRole('button', { name: 'Save root cause' }).click();
    await page.getByRole('cell', { name: 'Unclear letter' }).waitFor();

    await page.goto('/admin/closure-days');
    await page.getByRole('button', { name: 'Add closure day' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await assertAccessible(page, 'the closure day form with errors');
    await page.getByLabel('Day').fill('29');
    await page.getByLabel('Month').fill('12');
    await page.getByLabel('Year').fill('2031');
    await page.getByLabel('Reason').fill('Borough election count');
    await page.getByRole('button', { name: 'Add closure day' }).click();
    await page.getByRole('cell', { name: 'Borough election count' }).waitFor();
  });

  test('works with the keyboard alone', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: /cases/ }).waitFor();
    // The first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'Skip to main content',
    );
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content');
    // Navigation links and the sign-out button are reachable and work with Enter.
    const cases = page.getByRole('link', { name: 'Cases', exact: true });
    await cases.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // Tab moves through the page in order until the username box takes the typing.
    const MAX_TABS = 5;
    for (
      let i = 0;
      i < MAX_TABS && (await page.evaluate(() => document.activeElement?.id)) !== 'username';
      i += 1
    ) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('admin');
    assert.equal(await page.getByLabel('Username').inputValue(), 'admin');
  });
});
