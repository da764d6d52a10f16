// A housing complaint from a phone call to the end of stage 2, through the web app in Chromium:
// every date shown is checked against `redress calendar add-working-days`, and axe-core checks
// every page and every error state on the way.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  addWorkingDays,
  assertAccessible,
  dependentSteps,
  newPage,
  shown,
  signIn,
  signOut,
  startApp,
  todayIso,
  workingDaysBetween,
} from './browser.mjs';

const SUMMARY = 'Damp and mould at Zephyrine Court not fixed';
const ACKNOWLEDGE_DAYS = 5;
const STAGE_1_RESPOND_DAYS = 10;
const STAGE_2_RESPOND_DAYS = 20;

describe('a housing complaint by phone, through both stages', () => {
  let app;
  let page;
  let reference;
  const today = todayIso();

  before(async () => {
    app = await startApp();
    page = await newPage(app);
  });
  after(async () => {
    await app?.stop();
  });

  const step = dependentSteps(() => page, 'browser');

  // Responding ends with a check of the answers: continue, then send from there.
  const sendResponse = async () => {
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
    await page.getByRole('button', { name: 'Send response' }).click();
  };

  const expectText = async (selector, text) => {
    await page.locator(selector).filter({ hasText: text }).waitFor();
    assert.equal((await page.locator(selector).innerText()).trim(), text, selector);
  };

  step('sign-in refuses a wrong password with an error summary', async () => {
    await page.goto('/');
    await assertAccessible(page, 'the sign-in page');
    await page.getByLabel('Username').fill('amira.khan');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.match(await page.title(), /^Error: /);
    await assertAccessible(page, 'the sign-in error');
  });

  step('a complaints officer logs a housing complaint taken by phone', async () => {
    await signIn(page, 'amira.khan');
    await assertAccessible(page, 'the home dashboard');
    await page.getByRole('link', { name: 'Log a complaint' }).click();
    await page.getByRole('heading', { name: 'Log a complaint' }).waitFor();
    await assertAccessible(page, 'the log a complaint form');

    await page.getByRole('button', { name: 'Log complaint' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await summary.getByRole('link', { name: 'Select how they contacted us' }).waitFor();
    await assertAccessible(page, 'the log form with errors');

    await page
      .getByRole('group', { name: 'How did they contact us?' })
      .getByRole('radio', { name: 'Phone' })
      .check();
    await page.getByRole('radio', { name: 'A complaint' }).check();
    await page.getByLabel('Service area').selectOption('housing');
    // Choosing Housing picks the Housing Ombudsman's procedure.
    assert.ok(await page.getByRole('radio', { name: /^Housing/ }).isChecked());
    await page.getByLabel('Category').selectOption({ index: 1 });
    await page.getByLabel('Summary').fill(SUMMARY);
    await page
      .getByLabel('What happened?')
      .fill('Reported the damp in March; two visits, no work done.');
    await page
      .getByLabel('What do they want to happen?')
      .fill('The mould treated and the wall repaired.');
    await page.getByLabel('Full name').fill('Jordan Example');
    await page.getByLabel('Phone number').fill('07700 900123');
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await page
      .getByRole('group', { name: 'How do they prefer to be contacted?' })
      .getByRole('radio', { name: 'Phone' })
      .check();
    await page.getByLabel('Reasonable adjustments (optional)').fill('Large print letters');
    await page.getByLabel('Vulnerabilities (optional)').fill('Asthma, made worse by the mould');
    await page.getByRole('button', { name: 'Log complaint' }).click();

    await page.getByRole('heading', { name: 'Complaint logged' }).waitFor();
    reference = (await page.locator('#logged-reference').innerText()).trim();
    assert.match(reference, /^[A-Z]+-\d{4}-\d+$/);
    await expectText(
      '#logged-deadlines dd >> nth=0',
      shown(addWorkingDays(app.db, today, ACKNOWLEDGE_DAYS)),
    );
    await assertAccessible(page, 'the confirmation page');
  });

  step('the case page shows the deadlines and the support needs as a note', async () => {
    await page.getByRole('link', { name: 'Go to the case' }).click();
    await page.getByRole('heading', { name: SUMMARY }).waitFor();
    await expectText('#received-on', shown(today));
    const acknowledgeBy = addWorkingDays(app.db, today, ACKNOWLEDGE_DAYS);
    await expectText('#stage-1-acknowledge-by', shown(acknowledgeBy));
    const left = workingDaysBetween(app.db, today, acknowledgeBy);
    assert.match(
      await page.locator('#stage-1-working-days-left').innerText(),
      new RegExp(`: ${left} working days left`),
    );
    await page
      .locator('#notes')
      .filter({ hasText: 'Reasonable adjustments: Large print letters' })
      .waitFor();
    await assertAccessible(page, 'the case page');
  });

  step('the officer assigns it to a housing case handler', async () => {
    await page.getByRole('button', { name: 'Reassign' }).click();
    await page.getByRole('heading', { name: 'Reassign the current stage' }).waitFor();
    await assertAccessible(page, 'the reassign form');
    await page.getByLabel('Handler').selectOption('emma.hughes');
    await page.getByRole('button', { name: 'Reassign', exact: true }).click();
    await page.getByText('Case reassigned').waitFor();
    await expectText('#stage-1-handler', 'Emma Hughes');
    await assertAccessible(page, 'the case page with a success banner');
    await signOut(page);
  });

  step('the handler finds it, acknowledges it and must give a root cause to respond', async () => {
    await signIn(page, 'emma.hughes');
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByLabel('Search', { exact: true }).fill('zephyrine');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { name: SUMMARY }).waitFor();

    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByRole('heading', { name: 'Acknowledge the complaint' }).waitFor();
    await assertAccessible(page, 'the acknowledge form');
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByText('Complaint acknowledged').waitFor();
    await expectText('#stage-1-acknowledged-on', shown(today));
    await expectText(
      '#stage-1-respond-by',
      shown(addWorkingDays(app.db, today, STAGE_1_RESPOND_DAYS)),
    );

    await page.getByRole('button', { name: 'Respond' }).click();
    await page.getByRole('heading', { name: 'Respond at stage 1' }).waitFor();
    await assertAccessible(page, 'the respond form');
    await page.getByRole('radio', { name: 'Upheld', exact: true }).check();
    await sendResponse();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const link = summary.locator('a[href="#root_causes"]');
    await link.waitFor();
    await assertAccessible(page, 'the respond form without a root cause');
    // The summary's link takes the keyboard to the first root cause.
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'root_causes');

    await page.locator('#root_causes').check();
    await page.getByRole('button', { name: 'Add a remedy' }).click();
    await page.getByLabel('Type').selectOption('financial');
    await page.getByLabel('Amount in pounds (for financial remedies)').fill('75');
    await page
      .getByLabel('Description', { exact: true })
      .fill('For the distress and inconvenience');
    await page
      .getByLabel('What have we learned?')
      .fill('Damp reports need a surveyor within 10 days.');
    await sendResponse();
    await page.getByText('Response recorded').waitFor();
    await expectText('#stage-1-responded-on', shown(today));
    await page.getByText('Financial (compensation) £75.00').waitFor();
    await signOut(page);
  });

  step('the officer escalates it to stage 2 for the independent team', async () => {
    await signIn(page, 'amira.khan');
    await page.goto(`/cases/${reference}`);
    await page.getByRole('button', { name: 'Escalate' }).click();
    await page.getByRole('heading', { name: 'Escalate to the next stage' }).waitFor();
    await assertAccessible(page, 'the escalate form');
    await page
      .getByLabel('Why are they dissatisfied with the response? (optional)')
      .fill('The works are still not booked.');
    await page.getByRole('button', { name: 'Escalate' }).click();
    await page.getByText('Complaint escalated').waitFor();
    await expectText('#stage-2-started', shown(today));
    await expectText(
      '#stage-2-acknowledge-by',
      shown(addWorkingDays(app.db, today, ACKNOWLEDGE_DAYS)),
    );
  });

  step('a stale edit shows what changed and can be sent again', async () => {
    await page.getByRole('button', { name: 'Reassign' }).click();
    await page.getByRole('heading', { name: 'Reassign the current stage' }).waitFor();

    // Meanwhile the independent team's handler acknowledges stage 2 in another browser.
    const other = await newPage(app);
    await signIn(other, 'oliver.grant');
    await other.goto(`/cases/${reference}`);
    await other.getByRole('button', { name: 'Acknowledge' }).click();
    await other.getByRole('button', { name: 'Acknowledge' }).click();
    await other.getByText('Complaint acknowledged').waitFor();

    await page.getByLabel('Handler').selectOption('oliver.grant');
    await page.getByRole('button', { name: 'Reassign', exact: true }).click();
    const changes = page.locator('#stale-changes');
    await changes.waitFor();
    const status = changes.getByRole('row', { name: /Status/ });
    assert.match(await status.innerText(), /Awaiting acknowledgement\s+In progress/);
    await assertAccessible(page, 'the stale edit notice');
    await page.getByRole('button', { name: 'Reassign again' }).click();
    await page.getByText('Case reassigned').waitFor();
    await expectText('#stage-2-handler', 'Oliver Grant');
    await signOut(page);
    await other.context().close();
  });

  step('a different handler responds at stage 2 and the case closes', async () => {
    await signIn(page, 'oliver.grant');
    await page.goto(`/cases/${reference}`);
    await expectText('#stage-2-acknowledged-on', shown(today));
    await expectText(
      '#stage-2-respond-by',
      shown(addWorkingDays(app.db, today, STAGE_2_RESPOND_DAYS)),
    );
    await page.getByRole('button', { name: 'Respond' }).click();
    await page.getByRole('heading', { name: 'Respond at stage 2' }).waitFor();
    await page.getByRole('radio', { name: 'Partly upheld' }).check();
    await page.locator('#root_causes').check();
    await sendResponse();
    // A partly upheld complaint needs a remedy: the summary links to the remedies.
    const link = page.locator('.govuk-error-summary a[href="#remedies"]');
    await link.waitFor();
    await assertAccessible(page, 'the respond form without a remedy');
    await page.getByRole('button', { name: 'Add a remedy' }).click();
    await page.getByLabel('Type').selectOption('apology');
    await page.getByRole('button', { name: 'Add an action' }).click();
    await page.getByLabel('What will be done').fill('Book damp-proofing works');
    await sendResponse();
    await page.getByText('Response recorded').waitFor();
    await expectText('#stage-2-responded-on', shown(today));
    assert.match(await page.locator('#case-details').innerText(), /Closed/);
    await assertAccessible(page, 'the closed case');
  });
});
