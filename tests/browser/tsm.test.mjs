// Issue 14 in Chromium: an administrator enters TSM TP09 with its sample size on the reports page
// (every wrong field named by the server, then the figure shown beside CH01 and CH02), and an
// officer refuses a complaint as older than 12 months through the refusal form, which asks for the
// date the matter arose and shows the evidence. axe-core checks every state.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { redress } from '../blackbox/helpers.mjs';
import { assertAccessible, dependentSteps, newPage, signIn, startApp } from './browser.mjs';

const TSM_YEAR = 2023;

describe('TP09 entry and the refusal as older than 12 months', () => {
  let app;
  let page;
  let token;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
    const created = redress(['token', 'create', '--db', app.db, '--username', 'amira.khan']);
    assert.equal(created.status, 0, created.stderr);
    token = created.stdout.trim();
  });
  after(async () => {
    await app?.stop();
  });

  const step = dependentSteps(() => page, 'tsm');

  const api = async (method, path, body) => {
    const response = await fetch(`${app.base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };

  step('an administrator enters TP09; the server names every wrong field', async () => {
    await signIn(page, 'admin');
    await page.goto(`/reports/${TSM_YEAR}`);
    await page.locator('#tsm-heading').waitFor();
    const percent = page.getByLabel(
      `Percentage satisfied with complaint handling in ${TSM_YEAR}/24`,
    );
    const sample = page.getByLabel('Survey sample size');
    await percent.fill('101');
    await sample.fill('0');
    await page.getByRole('button', { name: 'Save TP09' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const links = await summary
      .getByRole('link')
      .evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    assert.deepEqual(links.sort(), ['#percent', '#sample_size']);
    await assertAccessible(page, 'the TP09 errors');

    await percent.fill('68.4');
    await sample.fill('700');
    await page.getByRole('button', { name: 'Save TP09' }).click();
    await page.getByText(`TP09 for ${TSM_YEAR}/24 saved`).waitFor();
    await page
      .locator('#figure-tsm-tp09 .redress-figure-current')
      .filter({ hasText: '68.4%' })
      .waitFor();
    await page
      .locator('#figure-tsm-tp09_sample_size .redress-figure-current')
      .filter({ hasText: '700' })
      .waitFor();
    await assertAccessible(page, 'the report after saving TP09');
  });

  step('the refusal form asks for the date the matter arose and shows the evidence', async () => {
    const logged = await api('POST', '/complaints', {
      regime: 'housing',
      received_on: '2022-06-20',
      channel: 'email',
      service_area: 'housing',
      category: 'repairs',
      summary: 'Fence never repaired at Quillon Row',
      description: 'Reported in 2020.',
      complainant: { name: 'Bea Fence', email: 'bea.fence@example.org' },
    });
    assert.equal(logged.status, 201, JSON.stringify(logged.body));
    const reference = logged.body.reference;

    await signIn(page, 'amira.khan');
    await page.goto(`/cases/${reference}`);
    await page.locator('#time-limit').filter({ hasText: 'not recorded' }).waitFor();
    await page.getByRole('button', { name: 'Refuse' }).click();
    await page.getByRole('heading', { name: 'Refuse the complaint (not accepted)' }).waitFor();
    await page.getByText('Needed to refuse as older than 12 months').waitFor();
    await assertAccessible(page, 'the refusal form');

    await page.getByRole('radio', { name: 'The issue arose more than 12 months ago' }).check();
    await page
      .getByLabel('Explanation given to the complainant')
      .fill('The matter is from 2020; you may ask the Ombudsman.');
    // Within the limit: the server names both the date and the reason.
    await page.locator('#matter_arose_on').fill('20');
    await page.locator('#matter_arose_on-month').fill('6');
    await page.locator('#matter_arose_on-year').fill('2021');
    await page.getByRole('button', { name: 'Refuse complaint' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const links = await summary
      .getByRole('link')
      .evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    assert.deepEqual(links.sort(), ['#matter_arose_on', '#reason']);
    await assertAccessible(page, 'the refusal errors');

    await page.locator('#matter_arose_on-year').fill('2020');
    await page.getByRole('button', { name: 'Refuse complaint' }).click();
    await page.getByRole('alert').getByText('Complaint not accepted').waitFor();
    await page.locator('#refusal').filter({ hasText: 'limit ends on 20 June 2021' }).waitFor();
    await page
      .locator('#time-limit')
      .filter({ hasText: 'Received 365 days after the limit' })
      .waitFor();
    await assertAccessible(page, 'the refused case');
    const after = await api('GET', `/complaints/${reference}`);
    assert.equal(after.body.refusal.time_limit.days_beyond_limit, 365);
  });
});
