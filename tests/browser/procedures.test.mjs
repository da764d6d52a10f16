// The statutory procedures' forms in Chromium on the demo council: the adults' offer to discuss,
// agreed response period and late notice, and the children's investigation and review panel.
// Each form is checked by axe-core empty, with its error summary, and the case page after it.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { redress } from '../blackbox/helpers.mjs';
import {
  assertAccessible,
  DEMO_PASSWORD,
  dependentSteps,
  newPage,
  signIn,
  startApp,
  todayIso,
} from './browser.mjs';

describe("the statutory procedures' forms", () => {
  let app;
  let page;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
  });
  after(async () => {
    await app?.stop();
  });

  const step = dependentSteps(() => page, 'procedures');

  // The first case the signed-in user sees matching `query`, or undefined.
  const firstCase = async (query) => {
    const response = await page.request.get(`/api/v1/complaints?${query}`);
    assert.equal(response.status(), 200);
    return (await response.json()).items[0]?.reference;
  };

  const errorSummaryNames = async (field) => {
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await page
      .locator(
        `.govuk-error-summary a[href="#${field}"], .govuk-error-summary a[href^="#${field}"]`,
      )
      .first()
      .waitFor();
  };

  step("an adults' case: the offer to discuss, the agreed period and the late notice", async () => {
    await signIn(page, 'amira.khan');
    const reference = await firstCase('regime=adults&status=in_progress');
    assert.ok(reference, 'the demo has an adults complaint in progress');

    await page.goto(`/cases/${reference}/discussion-offer`);
    await page
      .getByRole('heading', { name: 'Record the offer to discuss the complaint' })
      .waitFor();
    await assertAccessible(page, 'the discussion offer form');
    await page.getByRole('button', { name: 'Save offer' }).click();
    await errorSummaryNames('take_up');
    await assertAccessible(page, 'the discussion offer form with errors');
    await page.getByRole('radio', { name: 'Yes, they took up the offer' }).check();
    await page.getByLabel('What was agreed (optional)').fill('Fortnightly calls');
    await page.getByRole('button', { name: 'Save offer' }).click();
    await page.getByText('Offer recorded').waitFor();

    // Agreed today, long after the six months ran out: the server names the field.
    await page.goto(`/cases/${reference}/response-period`);
    await page.getByRole('heading', { name: 'Record the response period agreed' }).waitFor();
    await assertAccessible(page, 'the response period form');
    await page.getByRole('button', { name: 'Save period' }).click();
    await errorSummaryNames('respond_by');
    await assertAccessible(page, 'the response period form with a missing date');
    const due = page.getByRole('group', { name: 'By when will the response be sent?' });
    await due.getByLabel('Day').fill('30');
    await due.getByLabel('Month').fill('6');
    await due.getByLabel('Year').fill('2030');
    await page.getByRole('button', { name: 'Save period' }).click();
    await errorSummaryNames('agreed_on');
    await assertAccessible(page, 'the response period form refused by the server');

    await page.goto(`/cases/${reference}/late-notice`);
    await page
      .getByRole('heading', { name: 'Tell the complainant the response will be late' })
      .waitFor();
    await assertAccessible(page, 'the late notice form');
    await page.getByRole('button', { name: 'Save notice' }).click();
    await errorSummaryNames('reason');
    await assertAccessible(page, 'the late notice form with errors');
    await page
      .getByLabel('The reasons, as told to the complainant')
      .fill('Waiting for the care provider');
    await page.getByRole('button', { name: 'Save notice' }).click();
    await page.getByText('Late notice recorded').waitFor();
    await page.getByText('Told the response will be late', { exact: true }).waitFor();
    await page.getByText('Offer to discuss', { exact: true }).waitFor();
    await assertAccessible(page, 'the case page with the adults procedure');
  });

  // A children's complaint answered at stage 1 today and escalated to stage 2 (handled by the
  // children's complaints team), through the API as the signed-in user (its cookie and CSRF token).
  const childrensStage2 = async () => {
    const csrf = await page.evaluate(() => sessionStorage.getItem('redress.csrf'));
    const post = async (path, data, etag) => {
      const headers = { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' };
      if (etag) headers['If-Match'] = etag;
      const response = await page.request.post(`/api/v1${path}`, { headers, data });
      assert.ok(response.status() < 300, `${path}: ${response.status()} ${await response.text()}`);
      return response;
    };
    const today = todayIso();
    const logged = await (
      await post('/complaints', {
        regime: 'children',
        received_on: today,
        channel: 'email',
        service_area: 'childrens',
        category: 'childrens-social-care',
        summary: 'Contact visits cancelled',
        description: 'Three times.',
        complainant: { name: 'Sam Example', email: 'sam@example.org' },
      })
    ).json();
    const responded = await post(
      `/complaints/${logged.reference}/respond`,
      { on: today, outcome: 'not_upheld', root_causes: ['no-fault-found'] },
      `"${logged.version}"`,
    );
    await post(
      `/complaints/${logged.reference}/escalate`,
      { requested_on: today, handler: 'ruth.campbell' },
      responded.headers().etag,
    );
    return logged.reference;
  };

  step("a children's case: the investigation, and the review panel when one is open", async () => {
    // The demo's children's services team has no officer to escalate with: add one.
    const added = redress(
      [
        'user',
        'add',
        '--db',
        app.db,
        '--username',
        'proc.officer',
        '--role',
        'complaints_officer',
        '--team',
        'childrens-services',
        '--password-stdin',
      ],
      { input: `${DEMO_PASSWORD}\n` },
    );
    assert.equal(added.status, 0, added.stderr);
    await signIn(page, 'proc.officer');
    const investigation = await childrensStage2();
    {
      await page.goto(`/cases/${investigation}/investigation`);
      await page.getByRole('heading', { name: 'Record the investigation' }).waitFor();
      await assertAccessible(page, 'the investigation form');
      await page.getByLabel('Investigating Officer').fill('Ian Officer');
      await page.getByLabel('Independent Person').fill('Ian Officer');
      await page.getByRole('button', { name: 'Save investigation' }).click();
      await errorSummaryNames('independent_person');
      await assertAccessible(page, 'the investigation form refused by the server');
      await page.getByLabel('Independent Person').fill('Ida Independent');
      await page.getByRole('button', { name: 'Save investigation' }).click();
      await page.getByText('Investigation recorded').waitFor();
      await page.getByText('Independent Person', { exact: true }).waitFor();
      await assertAccessible(page, 'the case page with the investigation');
    }
    const panel =
      (await firstCase('regime=children&stage=3&status=in_progress')) ??
      (await firstCase('regime=children&stage=3&status=awaiting_acknowledgement'));
    if (panel) {
      await page.goto(`/cases/${panel}/review-panel`);
      await page.getByRole('heading', { name: 'Record the review panel' }).waitFor();
      await assertAccessible(page, 'the review panel form');
      await page.getByRole('button', { name: 'Save review panel' }).click();
      await errorSummaryNames('members');
      await assertAccessible(page, 'the review panel form with errors');
    }
  });
});
