// Forms and messages (issue 18), in Chromium with axe-core on every page and state: every error
// of the log form in one round, in plain English; responding ends with a check-your-answers
// step; a response recorded in error is corrected, and the timeline says so in a sentence with
// the detail behind a disclosure; the escalation form offers only who may handle the next stage;
// a user's admin page whose username has a dot survives a reload.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { redress } from '../blackbox/helpers.mjs';
import {
  assertAccessible,
  dependentSteps,
  newPage,
  signIn,
  signOut,
  startApp,
} from './browser.mjs';

describe('forms and messages', () => {
  let app;
  let page;
  let token;
  let reference;

  const api = async (path) => {
    const answer = await fetch(`${app.base}/api/v1${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(answer.status, 200, path);
    return answer.json();
  };

  before(async () => {
    app = await startApp();
    page = await newPage(app);
    const created = redress(['token', 'create', '--db', app.db, '--username', 'admin']);
    assert.equal(created.status, 0, created.stderr);
    token = created.stdout.trim();
    // A housing complaint at stage 1, in progress: the demo's history leaves some open.
    const list = await api('/complaints?regime=housing&stage=1&status=in_progress&limit=1');
    reference = list.items[0]?.reference;
    assert.ok(reference, 'the demo has an open housing complaint at stage 1');
  });
  after(async () => {
    await app?.stop();
  });

  const step = dependentSteps(() => page, 'browser');

  step('the log form names every missing answer in one round, in plain English', async () => {
    await signIn(page, 'amira.khan');
    await page.goto('/cases/new');
    await page.getByRole('heading', { name: 'Log a complaint' }).waitFor();
    await page.getByRole('button', { name: 'Log complaint' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    // The form's own checks and the API's, together.
    for (const message of [
      'Select how they contacted us',
      'Select whether this is a complaint or a service request',
      'Select the service area',
      'Select the category',
      'Enter a summary of what it is about',
      'Enter the complainant’s full name',
    ]) {
      await summary.getByRole('link', { name: message }).waitFor();
    }
    // In the order the form asks, and never the API's machine words.
    const links = await summary.getByRole('link').allInnerTexts();
    assert.equal(links[0], 'Select how they contacted us');
    assert.ok(!links.some((text) => /is required|_/.test(text)), links.join(' | '));
    await assertAccessible(page, 'the log form with every error at once');
    await signOut(page);
  });

  step('responding ends with a check of the answers, which can be changed', async () => {
    await signIn(page, 'emma.hughes');
    await page.goto(`/cases/${reference}/respond`);
    await page.getByRole('heading', { name: 'Respond at stage 1' }).waitFor();
    await page.getByRole('radio', { name: 'Not upheld' }).check();
    await page.locator('#root_causes').check();
    await page.getByLabel('What have we learned?').fill('Check the repairs log first.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
    const answers = page.locator('.govuk-summary-list');
    assert.match(await answers.innerText(), /Outcome\s+Not upheld/);
    assert.match(await answers.innerText(), /Check the repairs log first\./);
    await assertAccessible(page, 'the check-your-answers step');

    // Change goes back to the form with the answers kept.
    await page.getByRole('button', { name: 'Change what we have learned' }).click();
    await page.getByLabel('What have we learned?').waitFor();
    assert.equal(
      await page.getByLabel('What have we learned?').inputValue(),
      'Check the repairs log first.',
    );
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Send response' }).click();
    await page.getByText('Response recorded').waitFor();
    await page
      .locator('#timeline')
      .getByText('Emma Hughes responded at stage 1: not upheld.')
      .waitFor();
  });

  step('a response recorded in error is corrected, and the timeline keeps both', async () => {
    await page.getByRole('button', { name: 'Correct the response' }).click();
    await page.getByRole('heading', { name: 'Correct the response recorded at stage 1' }).waitFor();
    // The form starts from what was recorded.
    assert.ok(await page.getByRole('radio', { name: 'Not upheld' }).isChecked());
    await page.getByRole('radio', { name: 'Upheld', exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save the correction' }).click();
    // One round: an upheld complaint needs a remedy, and a correction needs its reason.
    const summary = page.locator('.govuk-error-summary');
    await summary
      .getByRole('link', { name: 'Enter why the response recorded was wrong' })
      .waitFor();
    await summary.locator('a[href="#remedies"]').waitFor();
    await assertAccessible(page, 'the correction form with its errors');

    await page.getByRole('button', { name: 'Add a remedy' }).click();
    await page.getByLabel('Type').selectOption('apology');
    await page.getByLabel('Why was the response recorded wrong?').fill('Upheld was agreed.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await assertAccessible(page, 'the correction’s check-your-answers step');
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await page.getByText('Response corrected').waitFor();

    const timeline = page.locator('#timeline');
    const corrected = timeline.locator('li', {
      hasText: 'Emma Hughes corrected the response recorded at stage 1: now upheld.',
    });
    await corrected.waitFor();
    // The field-by-field detail is behind the disclosure.
    await corrected.getByText('Details').click();
    await corrected.getByText('outcome: not_upheld → upheld').waitFor();
    await assertAccessible(page, 'the timeline with a detail open');
    await signOut(page);
  });

  step('the escalation form offers only who may handle stage 2', async () => {
    await signIn(page, 'amira.khan');
    await page.goto(`/cases/${reference}/escalate`);
    await page.getByRole('heading', { name: 'Escalate to the next stage' }).waitFor();
    const handler = page.getByLabel('Handler for the next stage (optional)');
    await handler.locator('option', { hasText: 'Amira Khan' }).waitFor({ state: 'attached' });
    const offered = await handler
      .locator('option')
      .evaluateAll((options) => options.map((option) => option.value).filter(Boolean));
    const complaint = await api(`/complaints/${reference}`);
    const stage1 = complaint.stages[0];
    assert.ok(!offered.includes('emma.hughes'), 'not who answered stage 1');
    if (stage1.handler) assert.ok(!offered.includes(stage1.handler), 'not stage 1’s handler');
    const users = await api('/users');
    const viewers = users.items.filter((user) => user.role === 'viewer').map((u) => u.username);
    assert.ok(viewers.length > 0);
    assert.ok(!offered.some((username) => viewers.includes(username)), 'no viewer');
    await assertAccessible(page, 'the escalation form');
    await signOut(page);
  });

  step('a user’s page whose username has a dot survives a reload', async () => {
    await signIn(page, 'admin');
    await page.goto('/admin/users/amira.khan');
    await page.getByRole('heading', { name: 'Change Amira Khan' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Change Amira Khan' }).waitFor();
    await assertAccessible(page, 'a dotted username’s page, reloaded');
  });
});
