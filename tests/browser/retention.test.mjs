// Retention and disposal in Chromium (issue 20): an administrator changes a retention period (0
// years is refused against its field), starts a dry run and reads what it would dispose of and
// why the rest is kept, and is not offered to approve their own run; holds are placed and
// released on a complaint's page, and a field is redacted there after a warning; a second
// administrator approves the run, which is carried out (`redress retention run`, the server's
// scheduled job once) and shows what it disposed of and what a hold kept. axe-core checks every page and every error state.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { redress } from '../blackbox/helpers.mjs';
import {
  DEMO_PASSWORD,
  assertAccessible,
  dependentSteps,
  newPage,
  signIn,
  startApp,
} from './browser.mjs';

const ADMIN = 'admin';
const SECOND_ADMIN = 'records.second';
const HOLD_REASON = 'County court claim 22-CC-0107: keep the file';
const RELEASE_REASON = 'The claim was withdrawn';
const MANUAL_REASON = 'Sampled by internal audit';
const REDACTION_REASON = 'The complainant asked us to remove what they wanted, naming a neighbour';
// The demo council's cases ended by mid-2022: kept one year, most may go now.
const SHORT_REGIMES = ['Housing (Housing Ombudsman Code)', 'Corporate (LGSCO Code)'];
const RUN_TIMEOUT_MS = 90_000;

describe('the retention and disposal pages', () => {
  let app;
  let page;
  let runPath;
  let disposable;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
  });
  after(async () => {
    await app?.stop();
  });

  const step = dependentSteps(() => page, 'retention');
  const summary = () => page.locator('.govuk-error-summary');

  step('an administrator finds the retention periods from the administration page', async () => {
    await signIn(page, ADMIN);
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Retention and disposal' }).click();
    await page.getByRole('heading', { name: 'Retention and disposal', level: 1 }).waitFor();
    await page.locator('#retention-rules').waitFor();
    await page.locator('#disposal-runs, #no-disposal-runs').first().waitFor();
    const rows = await page.locator('#retention-rules tbody tr').allInnerTexts();
    // Four regimes of complaints, service requests that never became one, and subject access
    // requests.
    assert.equal(rows.length, 6);
    assert.match(rows[4], /Service request\s+Every regime\s+6 years/);
    assert.match(rows[5], /Subject access request\s+Every regime\s+6 years/);
    assert.ok(
      rows.every((row) => row.includes('6 years')),
      rows.join('\n'),
    );
    await assertAccessible(page, 'the retention page');
  });

  step('0 years is refused against its field, in the error summary', async () => {
    await page.getByLabel('Records').selectOption({ label: `${SHORT_REGIMES[0]} complaints` });
    await page.getByLabel('Years after they ended').fill('0');
    await page.getByRole('button', { name: 'Change retention period' }).click();
    await summary().waitFor();
    assert.match(await page.title(), /^Error: /);
    const link = summary().getByRole('link');
    assert.equal(await link.count(), 1);
    assert.equal(await link.getAttribute('href'), '#years_after_closure');
    assert.match(await link.innerText(), /number of years/i);
    await page.locator('#years_after_closure-error').waitFor();
    await assertAccessible(page, 'the retention period form refused by the server');
  });

  step('a period changed to one year shows in the table', async () => {
    for (const regime of SHORT_REGIMES) {
      await page.getByLabel('Records').selectOption({ label: `${regime} complaints` });
      await page.getByLabel('Years after they ended').fill('1');
      await page.getByRole('button', { name: 'Change retention period' }).click();
      await page
        .getByText(`${regime} complaints are now kept for 1 year after they ended.`)
        .waitFor();
      await page
        .locator('#retention-rules tbody tr', { hasText: regime })
        .getByText('1 year', { exact: true })
        .waitFor();
    }
    // Service requests have one period, whatever the regime.
    await page
      .getByLabel('Records')
      .selectOption({ label: 'Service requests that never became a complaint' });
    await page.getByLabel('Years after they ended').fill('3');
    await page.getByRole('button', { name: 'Change retention period' }).click();
    await page
      .getByText('Service requests that never became a complaint are now kept for 3 years')
      .waitFor();
    await page
      .locator('#retention-rules tbody tr', { hasText: 'Service request' })
      .getByText('3 years', { exact: true })
      .waitFor();
    assert.equal(await summary().count(), 0);
    await assertAccessible(page, 'the retention page after a change');
  });

  step('a dry run lists what it would dispose of and why the rest is kept', async () => {
    await page.getByRole('button', { name: 'Start a dry run' }).click();
    await page.getByText('Dry run made').waitFor();
    runPath = new URL(page.url()).pathname;
    assert.match(runPath, /^\/admin\/retention\/runs\/\d+$/);
    assert.equal(await page.locator('#disposal-run-state').innerText(), 'Dry run');
    await page.locator('#disposal-items').waitFor();
    const toDispose = Number(await page.locator('#disposal-run-to-dispose').innerText());
    assert.ok(toDispose > 0, 'the demo has complaints kept long enough');
    // Every kept complaint on the page says why.
    const kept = page.locator('#disposal-items tbody tr', { hasText: 'Keep' });
    for (const reasons of await kept.locator('td:nth-child(4)').allInnerTexts())
      assert.match(reasons, /\S+: \S/);
    await page.locator('.govuk-inset-text', { hasText: 'scheduled job' }).waitFor();
    await assertAccessible(page, 'a dry run');
  });

  step('only those to dispose of, a page at a time', async () => {
    await page.getByLabel(/Only those to dispose of/).check();
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await page.waitForURL(/only=dispose/);
    const verdicts = await page.locator('#disposal-items tbody tr td:nth-child(2)').allInnerTexts();
    assert.ok(verdicts.length > 0);
    assert.ok(
      verdicts.every((v) => v.trim() === 'Dispose of'),
      verdicts.join(', '),
    );
    disposable = (await page.locator('#disposal-items tbody tr a').first().innerText()).trim();
    assert.match(disposable, /^CMP-/);
    await assertAccessible(page, 'a dry run filtered to those to dispose of');
  });

  step('whoever made the run is not offered to approve it', async () => {
    await page.locator('#own-run').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Approve' }).count(), 0);
    // The server refuses it too (four eyes), naming approved_by.
    const refused = await page.evaluate(async (path) => {
      const id = path.split('/').pop();
      const response = await fetch(`/api/v1/disposal-runs/${id}/approve`, {
        method: 'POST',
        headers: { 'X-CSRF-Token': sessionStorage.getItem('redress.csrf') ?? '' },
      });
      return { status: response.status, body: await response.json() };
    }, runPath);
    assert.equal(refused.status, 422);
    assert.deepEqual(
      refused.body.errors.map((e) => e.field),
      ['approved_by'],
    );
  });

  step('a hold is placed and released on the complaint page, with a reason each', async () => {
    await page.goto(`/cases/${disposable}`);
    const holds = page.locator('#retention-holds');
    await holds.getByText('No holds.').waitFor();
    await assertAccessible(page, 'the complaint page with its retention holds');
    await holds.getByRole('button', { name: 'Place hold' }).click();
    await holds.locator('.govuk-error-summary').waitFor();
    assert.deepEqual(
      await holds
        .locator('.govuk-error-summary a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      ['#hold_kind', '#hold_reason'],
    );
    await assertAccessible(page, 'the hold form with errors');
    await holds.getByLabel('Legal proceedings').check();
    await holds.getByLabel('Why is the complaint held?').fill(HOLD_REASON);
    await holds.getByRole('button', { name: 'Place hold' }).click();
    const held = holds.locator('#retention-hold-list li', { hasText: HOLD_REASON });
    await held.getByText('In force').waitFor();
    await assertAccessible(page, 'the complaint page with a hold');

    await held.getByRole('button', { name: /^Release/ }).click();
    await held.getByRole('button', { name: 'Release hold' }).click();
    await held.locator('.govuk-error-summary a[href="#release_reason"]').waitFor();
    await assertAccessible(page, 'the release form with an error');
    await held.getByLabel('Why is the hold released?').fill(RELEASE_REASON);
    await held.getByRole('button', { name: 'Release hold' }).click();
    await held.getByText('Released', { exact: true }).waitFor();
    await held.getByText(new RegExp(RELEASE_REASON)).waitFor();

    // A manual hold placed after the dry run keeps the complaint when the run is carried out.
    await holds.getByLabel('Manual hold').check();
    await holds.getByLabel('Why is the complaint held?').fill(MANUAL_REASON);
    await holds.getByRole('button', { name: 'Place hold' }).click();
    await holds
      .locator('#retention-hold-list li', { hasText: MANUAL_REASON })
      .getByText('In force')
      .waitFor();
    await assertAccessible(page, 'the complaint page with a released and a held hold');
  });

  step('one field is redacted on request, after a warning, with a reason', async () => {
    const redaction = page.locator('#redaction');
    await redaction.getByText('Redaction cannot be undone.').waitFor();
    await redaction.getByRole('button', { name: 'Redact' }).click();
    await redaction.locator('.govuk-error-summary').waitFor();
    assert.deepEqual(
      await redaction
        .locator('.govuk-error-summary a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      ['#redaction_target', '#redaction_reason'],
    );
    await assertAccessible(page, 'the redaction form with errors');
    const summaryBefore = await page.locator('h1').innerText();
    await redaction.getByLabel('What to redact').selectOption({ label: 'Outcome wanted' });
    await redaction.getByLabel('Why is it redacted?').fill(REDACTION_REASON);
    await redaction.getByRole('button', { name: 'Redact' }).click();
    await page.getByText('Information redacted').waitFor();
    await page.getByText('[redacted]', { exact: true }).first().waitFor();
    // Redacted once: no longer offered; the rest of the case is as it was.
    await page.locator('#redaction').getByLabel('What to redact').waitFor();
    const offered = await page
      .locator('#redaction_target option')
      .evaluateAll((options) => options.map((o) => o.textContent));
    assert.ok(!offered.includes('Outcome wanted'), offered.join(', '));
    assert.ok(offered.includes('Summary'), offered.join(', '));
    assert.equal(await page.locator('h1').innerText(), summaryBefore);
    await assertAccessible(page, 'the complaint page after a redaction');
  });

  step('a second administrator approves the run', async () => {
    const added = redress(
      [
        'user',
        'add',
        '--db',
        app.db,
        '--username',
        SECOND_ADMIN,
        '--role',
        'admin',
        '--password-stdin',
      ],
      { input: `${DEMO_PASSWORD}\n` },
    );
    assert.equal(added.status, 0, added.stderr);
    await signIn(page, SECOND_ADMIN);
    await page.goto('/admin/retention');
    await page.locator('#disposal-runs').getByRole('link').first().click();
    await page.waitForURL(`**${runPath}`);
    await page.locator('#disposal-items').waitFor();
    assert.equal(await page.locator('#own-run').count(), 0);
    await assertAccessible(page, 'a dry run seen by another administrator');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Run approved').waitFor();
    await page.locator('#disposal-run-state', { hasText: 'Approved' }).waitFor();
    assert.match(await page.locator('#disposal-run-approved-by').innerText(), /records\.second/);
    assert.equal(await page.getByRole('button', { name: 'Approve' }).count(), 0);
    await assertAccessible(page, 'an approved run');
  });

  step('once carried out, the run shows what it disposed of and what a hold kept', async () => {
    // The server's scheduled job would do this within a minute; the command does it now (or
    // finds the job did it first).
    const ran = redress(['retention', 'run', '--db', app.db]);
    assert.equal(ran.status, 0, ran.stderr);
    const deadline = Date.now() + RUN_TIMEOUT_MS;
    // Those to dispose of, where the held complaint was first.
    await page.goto(`${runPath}?only=dispose`);
    for (;;) {
      await page.reload();
      await page.locator('#disposal-run-state').waitFor();
      if ((await page.locator('#disposal-run-state').innerText()) === 'Completed') break;
      assert.ok(Date.now() < deadline, 'the approved run was carried out');
      await page.waitForTimeout(1000);
    }
    assert.ok(Number(await page.locator('#disposal-run-disposed').innerText()) > 0);
    const row = page.locator('#disposal-items tbody tr', { hasText: disposable });
    await row.getByText(/Manual hold: /).waitFor();
    assert.equal((await row.locator('td').nth(4).innerText()).trim(), 'No');
    await assertAccessible(page, 'a completed run');
    await page.goto('/admin/retention');
    await page
      .locator('#disposal-runs tbody tr')
      .first()
      .getByText('Completed', { exact: true })
      .waitFor();
    await assertAccessible(page, 'the retention page after the run');
  });
});
