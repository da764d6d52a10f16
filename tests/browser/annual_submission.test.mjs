// The Housing Ombudsman annual submission in Chromium: a complaints officer starts the record of a
// year, fills in the form's details (an invalid email address first), records the governing
// body's approval (an empty form first), the publication and the submission, and finds the record
// submitted with who recorded each step, and its exports: the form as PDF, CSV and JSON and the
// annual report as submitted. axe-core checks every page and every error state.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { assertAccessible, dependentSteps, newPage, signIn, startApp } from './browser.mjs';

const OFFICER = 'amira.khan';
// 2021/22, the demo council's last full year (its history runs to 2022-06-30).
const YEAR = '2021';
const LABEL = '2021/22';
const APPROVED = { day: '13', month: '9', year: '2022' };
const PUBLISHED = { day: '16', month: '9', year: '2022' };
const SUBMITTED = { day: '23', month: '9', year: '2022' };

describe('the annual submission pages', () => {
  let app;
  let page;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
  });
  after(async () => {
    await app?.stop();
  });

  const step = dependentSteps(() => page, 'annual-submission');

  const fillDate = async (id, date) => {
    await page.locator(`#${id}`).fill(date.day);
    await page.locator(`#${id}-month`).fill(date.month);
    await page.locator(`#${id}-year`).fill(date.year);
  };
  const doStep = async (button, fill) => {
    await page.getByRole('link', { name: button }).click();
    await page.getByRole('heading', { name: button }).waitFor();
    await assertAccessible(page, `the form: ${button}`);
    await fill();
    await page.getByRole('button', { name: button }).click();
    await page.getByText(`${button}: done`).waitFor();
  };

  step('a complaints officer starts the year’s submission', async () => {
    await signIn(page, OFFICER);
    await page.getByRole('link', { name: 'Annual submission', exact: true }).click();
    await page.waitForURL(/\/annual-submission\/\d{4}$/);
    await page.goto(`/annual-submission/${YEAR}`);
    await page.locator('#not-started').waitFor();
    await assertAccessible(page, 'a year without a submission');
    await page.locator('#homes').fill('5218');
    await page.getByRole('button', { name: `Start the submission for ${LABEL}` }).click();
    await page.getByText(`Annual submission for ${LABEL} started`).waitFor();
    assert.equal((await page.locator('#submission-status').innerText()).trim(), 'Draft');
    assert.equal(
      (await page.locator('#submission-deadline').innerText()).trim(),
      '30 September 2022',
    );
    await assertAccessible(page, 'the draft submission');
  });

  step('the form’s details: an invalid email address is refused, then saved', async () => {
    await page.getByRole('link', { name: 'Change the form’s details' }).click();
    await page.getByRole('heading', { name: 'The form’s details' }).waitFor();
    await page.locator('#landlord_code').fill('HO-4321');
    await page.locator('#complaints_officer-name').fill('Amira Khan');
    await page.locator('#complaints_officer-email').fill('amira.example.gov.uk');
    await page.locator('#policy_address').fill('https://example.gov.uk/complaints-policy');
    await page.getByRole('button', { name: 'Save the details' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const link = summary.getByRole('link', { name: 'Must be an email address' });
    assert.equal(await link.getAttribute('href'), '#complaints_officer-email');
    await assertAccessible(page, 'the details form with an error');
    await page.locator('#complaints_officer-email').fill('amira.khan@example.gov.uk');
    await page.getByRole('button', { name: 'Save the details' }).click();
    await page.getByText('The form’s details are saved').waitFor();
    assert.match(await page.locator('#submission-details').innerText(), /HO-4321/);
  });

  step('an empty approval names every missing answer; then it is approved', async () => {
    await page.getByRole('link', { name: 'Record the governing body’s approval' }).click();
    await page.getByRole('heading', { name: 'Record the governing body’s approval' }).waitFor();
    await page.getByRole('button', { name: 'Record the governing body’s approval' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.ok((await summary.getByRole('link').count()) >= 4, await summary.innerText());
    await assertAccessible(page, 'the approval form with errors');
    await fillDate('approved_on', APPROVED);
    await page.locator('#governing_body').fill('Cabinet');
    await page.locator('#minute').fill('CAB/22/061');
    await page.locator('#response').fill('Cabinet notes the report and endorses its actions.');
    await page.getByRole('button', { name: 'Record the governing body’s approval' }).click();
    await page.getByText('Record the governing body’s approval: done').waitFor();
    assert.equal((await page.locator('#submission-status').innerText()).trim(), 'Approved');
  });

  step('published, then submitted: the record is frozen', async () => {
    await doStep('Record the publication', async () => {
      await fillDate('published_on', PUBLISHED);
      await page.locator('#web_address').fill('https://example.gov.uk/complaints-performance');
    });
    await doStep('Record the submission to the Ombudsman', async () => {
      await fillDate('submitted_on', SUBMITTED);
    });
    assert.equal((await page.locator('#submission-status').innerText()).trim(), 'Submitted');
    assert.match(await page.locator('#submission-submitted').innerText(), /23 September 2022/);
    await page.locator('#frozen').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Change the form’s details' }).count(), 0);
    const steps = await page.locator('#submission-steps tbody tr').allInnerTexts();
    assert.equal(steps.length, 4, steps.join('\n'));
    for (const row of steps) assert.match(row, new RegExp(OFFICER));
    await assertAccessible(page, 'the submitted record');
  });

  step('its exports: the form as PDF, CSV and JSON, and the report as submitted', async () => {
    const links = page.locator('#submission-exports a');
    assert.equal(await links.count(), 4);
    const expected = [
      ['The form as PDF', 'application/pdf'],
      ['The form as CSV', 'text/csv'],
      ['The form as JSON', 'application/json'],
      ['The annual report as submitted (JSON)', 'application/json'],
    ];
    for (const [name, type] of expected) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      const answer = await page.request.get(href);
      assert.equal(answer.status(), 200, `${name}: ${answer.status()}`);
      assert.ok(
        answer.headers()['content-type'].startsWith(type),
        answer.headers()['content-type'],
      );
    }
    const form = await (await page.request.get(`/api/v1/annual-submissions/${YEAR}/form`)).json();
    assert.equal(form.financial_year, LABEL);
    const code = form.section_1.find((a) => a.question === 'Landlord code');
    assert.equal(code.answer, 'HO-4321');
    const report = await (
      await page.request.get(`/api/v1/annual-submissions/${YEAR}/report`)
    ).json();
    assert.equal(report.as_at, '2022-09-23');
  });
});
