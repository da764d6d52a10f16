// The Ombudsman pages in Chromium: a complaints officer records a Housing Ombudsman case about a
// complaint, its findings and an order already past due; the order is flagged on the dashboard,
// the complaint's page shows its Ombudsman history, a stale edit is reloaded and explained; a
// failure order is recorded; an LGSCO letter with a planted difference is reconciled; a viewer
// sees no edit buttons. axe-core checks every page and every error state.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { redress } from '../blackbox/helpers.mjs';
import { assertAccessible, dependentSteps, newPage, signIn, startApp } from './browser.mjs';

const OFFICER = 'amira.khan';
const VIEWER = 'auditor';
// Dates in the demo council's past (it runs to 2022-06-30), and so in the server's too.
const REFERRED = { day: '10', month: '1', year: '2022' };
const ENQUIRY = { day: '20', month: '1', year: '2022' };
const ENQUIRY_TOO_EARLY = { day: '5', month: '1', year: '2022' };
const INFORMATION_DUE = { day: '10', month: '2', year: '2022' };
const FINAL_DECISION = { day: '1', month: '4', year: '2022' };
const ORDER_DUE = { day: '1', month: '5', year: '2022' };
const THEIR_REFERENCE = 'HO-BROWSER-2201';
const ORDER = 'Pay £600 compensation for the browser test';
const FAILURE_ORDER = 'Send the repair records: browser test';
// A financial year before the demo history starts, so Redress holds no LGSCO cases for it.
const LETTER_YEAR = '2019';
const PLANTED_RECEIVED = 4;

describe('the Ombudsman pages', () => {
  let app;
  let page;
  let complaint;
  let ombudsmanCase;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
  });
  after(async () => {
    await app?.stop();
  });

  const step = dependentSteps(() => page, 'ombudsman');

  const fillDate = async (id, date) => {
    await page.locator(`#${id}`).fill(date.day);
    await page.locator(`#${id}-month`).fill(date.month);
    await page.locator(`#${id}-year`).fill(date.year);
  };

  step(
    'a complaints officer finds a housing complaint and opens the Ombudsman section',
    async () => {
      await signIn(page, OFFICER);
      await page.goto('/cases?regime=housing');
      complaint = (await page.locator('#case-table tbody tr th a').first().innerText()).trim();
      assert.match(complaint, /^CMP-/);
      await page.getByRole('link', { name: 'Ombudsman', exact: true }).click();
      await page.getByRole('heading', { name: 'Ombudsman cases', exact: true }).waitFor();
      await page.locator('#ombudsman-cases, #no-ombudsman-cases').first().waitFor();
      await assertAccessible(page, 'the Ombudsman case list');
      await page.getByRole('link', { name: 'Record an Ombudsman case' }).click();
      await page.getByRole('heading', { name: 'Record an Ombudsman case' }).waitFor();
      await assertAccessible(page, 'the new Ombudsman case form');
    },
  );

  step('an invalid case shows the error summary, each error linking to its field', async () => {
    await page.getByRole('radio', { name: 'Housing Ombudsman' }).check();
    await fillDate('referred_on', REFERRED);
    await fillDate('enquiry_received_on', ENQUIRY_TOO_EARLY);
    await page.getByRole('button', { name: 'Record Ombudsman case' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.match(await page.title(), /^Error: /);
    const link = summary.getByRole('link', {
      name: 'The date the enquiry was received must not be before the date referred to the Ombudsman (10 January 2022)',
    });
    assert.equal(await link.getAttribute('href'), '#enquiry_received_on');
    await assertAccessible(page, 'the new Ombudsman case form with errors');
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'enquiry_received_on');
    // An unknown complaint is refused when it is added, against the box it was typed in.
    await page.getByLabel('Add a complaint (reference)').fill('CMP-1999-000001');
    await page.getByRole('button', { name: 'Add complaint' }).click();
    await summary.getByRole('link', { name: /no complaint CMP-1999-000001/ }).waitFor();
    assert.equal(
      await summary.getByRole('link', { name: /no complaint/ }).getAttribute('href'),
      '#complaints',
    );
  });

  step(
    'the case is recorded with the complaint, a finding and an order already past due',
    async () => {
      await page.getByLabel('Add a complaint (reference)').fill(complaint.toLowerCase());
      await page.getByRole('button', { name: 'Add complaint' }).click();
      await page.locator('#linked-complaints').getByRole('link', { name: complaint }).waitFor();
      await page.getByLabel('The Ombudsman’s reference').fill(THEIR_REFERENCE);
      await page.getByLabel('Summary').fill('Damp and mould: repairs and complaint handling');
      await fillDate('enquiry_received_on', ENQUIRY);
      await fillDate('information_due_on', INFORMATION_DUE);
      await fillDate('information_sent_on', INFORMATION_DUE);
      await fillDate('final_decision_on', FINAL_DECISION);
      await page.getByRole('button', { name: 'Add a finding' }).click();
      await page.getByLabel('Element 1: what it was about').fill('Repairs to the damp and mould');
      await page.getByLabel('Finding on element 1').selectOption('severe_maladministration');
      await page.getByRole('button', { name: 'Add an order or recommendation' }).click();
      await page.locator('#remedies-0-kind').check();
      await page.locator('#remedies-0-type').selectOption('financial_compensation');
      await page.locator('#remedies-0-description').fill(ORDER);
      await fillDate('remedies-0-due_on', ORDER_DUE);
      await assertAccessible(page, 'the filled Ombudsman case form');
      await page.getByRole('button', { name: 'Record Ombudsman case' }).click();
      await page.getByText(/^Ombudsman case OMB-\d{4}-\d{6} recorded$/).waitFor();
      ombudsmanCase = (await page.locator('.govuk-caption-l').innerText()).trim();
      assert.match(ombudsmanCase, /^OMB-/);
      assert.match(
        await page.locator('#ombudsman-case-complaints').innerText(),
        new RegExp(complaint),
      );
      assert.match(
        await page.locator('#outcome').innerText(),
        /Repairs to the damp and mould\s+Severe maladministration/,
      );
      const order = page.locator('#remedies-table tbody tr');
      assert.match(await order.innerText(), /Overdue/);
      assert.equal(
        await order.locator('.govuk-tag--red').count(),
        1,
        'the order past due is flagged',
      );
      await page.getByText('An order or recommendation is past its due date.').waitFor();
      await assertAccessible(page, 'the Ombudsman case page');
    },
  );

  step('the order past due shows on the dashboard panel, linking to the case', async () => {
    await page.getByRole('link', { name: 'Home' }).click();
    const panel = page.locator('#ombudsman-overdue');
    await panel.getByRole('heading', { name: 'Ombudsman and learning: overdue' }).waitFor();
    const row = panel.locator('tr', { hasText: ORDER });
    await row.waitFor();
    assert.match(await row.innerText(), /Order or recommendation/);
    assert.match(await row.innerText(), /1 May 2022/);
    assert.match(await row.innerText(), /\d+ days overdue/);
    await assertAccessible(page, 'the dashboard with the overdue panel');
    await row.getByRole('link', { name: ombudsmanCase }).click();
    await page.locator('#ombudsman-case-details').waitFor();
  });

  step('the complaint’s page shows its Ombudsman history', async () => {
    await page.locator('#ombudsman-case-complaints').getByRole('link', { name: complaint }).click();
    const history = page.locator('#ombudsman-history');
    const row = history.locator('tr', { hasText: ombudsmanCase });
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /Housing Ombudsman/);
    assert.match(text, new RegExp(`Their reference: ${THEIR_REFERENCE}`));
    assert.match(text, /Final decision: 1 April 2022/);
    assert.match(text, /Severe maladministration/);
    assert.equal(
      await page.getByRole('link', { name: 'Raise a learning action' }).getAttribute('href'),
      `/learning/new?complaint=${complaint}`,
    );
    await assertAccessible(page, 'the complaint page with its Ombudsman history');
  });

  step('an edit made stale by someone else is reloaded, saying what changed', async () => {
    await page.goto(`/ombudsman/cases/${ombudsmanCase}/edit`);
    await page.getByRole('heading', { name: 'Change Ombudsman case' }).waitFor();
    // Someone else changes the Ombudsman's reference meanwhile, through the API.
    const status = await page.evaluate(async (reference) => {
      const path = `/api/v1/ombudsman/cases/${reference}`;
      const current = await fetch(path);
      const body = await current.json();
      const {
        reference: _r,
        version: _v,
        decided: _d,
        information_overdue: _i,
        remedy_overdue: _o,
        ...rest
      } = body;
      rest.remedies = rest.remedies.map(({ compliance: _c, ...remedy }) => remedy);
      const saved = await fetch(path, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json',
          'If-Match': current.headers.get('ETag'),
          'X-CSRF-Token': sessionStorage.getItem('redress.csrf'),
        },
        body: JSON.stringify({ ...rest, ombudsman_reference: 'HO-CHANGED-ELSEWHERE' }),
      });
      return saved.status;
    }, ombudsmanCase);
    assert.equal(status, 200);
    await page.getByLabel('Summary').fill('Changed on a stale form');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText(/Someone else changed this case/)
      .waitFor();
    assert.match(
      await page.locator('#stale-changes').innerText(),
      /Their reference\s+HO-BROWSER-2201\s+HO-CHANGED-ELSEWHERE/,
    );
    assert.equal(
      await page.getByLabel('The Ombudsman’s reference').inputValue(),
      'HO-CHANGED-ELSEWHERE',
    );
    await assertAccessible(page, 'the stale edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(`Ombudsman case ${ombudsmanCase} updated`).waitFor();
  });

  step('a Complaint Handling Failure Order is recorded, and flagged past due', async () => {
    await page.getByRole('button', { name: 'Record a failure order' }).click();
    await page
      .getByRole('heading', { name: 'Record a Complaint Handling Failure Order' })
      .waitFor();
    assert.equal(
      await page.getByLabel('Ombudsman case in Redress (optional)').inputValue(),
      ombudsmanCase,
    );
    await assertAccessible(page, 'the new failure order form');
    await page.getByRole('button', { name: 'Record failure order' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.equal(
      await summary.getByRole('link', { name: /date it was issued/ }).getAttribute('href'),
      '#issued_on',
    );
    await assertAccessible(page, 'the new failure order form with errors');
    await page.getByLabel('The Ombudsman’s reference').fill(THEIR_REFERENCE);
    await page.getByRole('radio', { name: /^Type 2/ }).check();
    await page.getByLabel('Ground').selectOption('delay_providing_information');
    await page.getByLabel('What the order requires').fill(FAILURE_ORDER);
    await fillDate('issued_on', { day: '1', month: '3', year: '2022' });
    await fillDate('due_on', { day: '15', month: '3', year: '2022' });
    await page.getByRole('button', { name: 'Record failure order' }).click();
    await page.getByText(/^Failure order .+ recorded$/).waitFor();
    assert.match(await page.locator('#failure-order-details').innerText(), /Pending \(overdue\)/);
    await assertAccessible(page, 'the failure order page');
    await page.getByRole('link', { name: 'Complaint Handling Failure Orders' }).click();
    const row = page.locator('#failure-orders tr', { hasText: FAILURE_ORDER });
    await row.waitFor();
    assert.match(await row.innerText(), /Overdue/);
    await assertAccessible(page, 'the failure order list');
  });

  step('an LGSCO letter with a planted difference is reconciled line by line', async () => {
    await page.goto('/ombudsman');
    await page.getByRole('link', { name: 'LGSCO annual letters and reconciliation' }).click();
    await page.getByRole('heading', { name: 'LGSCO annual letters' }).waitFor();
    await assertAccessible(page, 'the LGSCO letters index');
    await page.getByLabel('Another financial year').fill(LETTER_YEAR);
    await page.getByRole('button', { name: 'Go to year' }).click();
    await page.getByRole('heading', { name: 'LGSCO annual letter' }).waitFor();
    await assertAccessible(page, 'the LGSCO letter form');
    // Nothing entered yet: every count is required.
    await page.getByRole('button', { name: 'Save and reconcile' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    assert.equal(
      await summary.getByRole('link', { name: /Decisions made/ }).getAttribute('href'),
      '#decisions_made',
    );
    await assertAccessible(page, 'the LGSCO letter form with errors');
    for (const label of [
      'Decisions made',
      'Not for us (premature or for another body)',
      'Assessed and closed',
      'Investigated',
      'Upheld',
      'Satisfactory remedy provided by the council',
    ]) {
      await page.getByLabel(label, { exact: true }).fill('0');
    }
    await page.getByLabel('Complaints and enquiries received').fill(String(PLANTED_RECEIVED));
    await page.getByLabel('Comparison group').fill('Unitary authorities');
    await page.getByRole('button', { name: 'Save and reconcile' }).click();
    await page.getByRole('heading', { name: 'LGSCO letter reconciliation' }).waitFor();
    const received = page.locator('#line-complaints_and_enquiries_received');
    await received.waitFor();
    const cells = await received.locator('td').allInnerTexts();
    assert.equal(cells[0], String(PLANTED_RECEIVED));
    const recorded = Number(cells[1]);
    assert.ok(
      recorded < PLANTED_RECEIVED,
      `Redress records ${recorded} for a year before its history`,
    );
    assert.equal(cells[2], `Differs: the letter is ${PLANTED_RECEIVED - recorded} higher`);
    assert.match(await received.getAttribute('class'), /redress-recon-differs/);
    const decisions = await page.locator('#line-decisions_made td').allInnerTexts();
    assert.equal(
      decisions[2],
      decisions[1] === '0' ? 'Same' : `Differs: the letter is ${decisions[1]} lower`,
    );
    assert.match(
      await page.locator('#reconciliation-summary').innerText(),
      /\d+ lines? differs? from Redress’s records/,
    );
    await assertAccessible(page, 'the LGSCO letter reconciliation');
  });

  step(
    'a correction based on figures someone has since changed is refused, not applied',
    async () => {
      await page.goto(`/ombudsman/lgsco-letters/${LETTER_YEAR}`);
      const received = page.getByLabel('Complaints and enquiries received');
      await received.waitFor();
      // Meanwhile a colleague corrects the letter from the command line.
      const counts = [
        '--complaints-and-enquiries-received',
        '9',
        '--decisions-made',
        '0',
        '--not-for-us',
        '0',
        '--assessed-and-closed',
        '0',
        '--investigated',
        '0',
        '--upheld',
        '0',
      ];
      const other = redress([
        'ombudsman',
        'letter',
        '--db',
        app.db,
        '--year',
        LETTER_YEAR,
        ...counts,
      ]);
      assert.equal(other.status, 0, other.stderr);
      await received.fill('7');
      await page.getByRole('button', { name: 'Save and reconcile' }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor();
      assert.match(await summary.innerText(), /changed since it was read/);
      await assertAccessible(page, 'the LGSCO letter form after a stale correction');
      const letter = redress(['ombudsman', 'reconcile', '--db', app.db, '--year', LETTER_YEAR]);
      assert.match(
        letter.stdout,
        /^complaints_and_enquiries_received\t9\t/m,
        "the colleague's figure stands",
      );
    },
  );

  step('a viewer sees the records but no edit buttons', async () => {
    await signIn(page, VIEWER);
    await page.goto(`/ombudsman/cases/${ombudsmanCase}`);
    await page.locator('#ombudsman-case-details').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Edit case' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Record a failure order' }).count(), 0);
    await assertAccessible(page, 'the Ombudsman case page for a viewer');
    await page.goto('/ombudsman');
    await page.locator('#ombudsman-cases').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Record an Ombudsman case' }).count(), 0);
    await page.goto('/ombudsman/failure-orders');
    await page.locator('#failure-orders').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Record a failure order' }).count(), 0);
    await page.goto(`/ombudsman/lgsco-letters/${LETTER_YEAR}`);
    await page.locator('#letter-figures').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save and reconcile' }).count(), 0);
    await assertAccessible(page, 'the LGSCO letter for a viewer');
    await page.goto(`/cases/${complaint}`);
    await page.locator('#ombudsman-history tr', { hasText: ombudsmanCase }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Raise a learning action' }).count(), 0);
    await page.goto('/ombudsman/new');
    await page.getByRole('heading', { name: 'You cannot change Ombudsman records' }).waitFor();
  });
});
