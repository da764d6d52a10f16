// The annual report page in Chromium on the demo council (history up to 2022-06-30): the figures
// shown are the API's, a figure opens the case list with exactly its filters and as many cases,
// the downloads are the report in each format, the scope and year choosers change the figures,
// only report readers see the page, and an administrator's homes owned changes CH01. axe-core
// checks every state.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, newPage, signIn, startApp, todayIso } from './browser.mjs';

const YEAR = 2021;
const NEXT_YEAR = 2022;
const HEADLINE_KEYS = [
  ['volumes', 'stage_1_received'],
  ['volumes', 'stage_2_received'],
  ['volumes', 'escalation_rate_1_to_2'],
  ['timeliness_stage_1', 'on_time_percent'],
  ['outcomes_stage_1', 'upheld_percent'],
  ['remedies', 'compensation_total'],
];
// The page rounds as the PDF does: percentages and working days to 0.1, money to the penny.
const SHOWN_PRECISION = {
  count: 0,
  percent: 0.05,
  working_days: 0.05,
  pounds: 0.005,
  per_1000_homes: 0.005,
};
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// "1,233", "86.5%", "−£12.50" → the number; "Not available" → null.
function shownNumber(text) {
  const trimmed = text.trim();
  if (trimmed === 'Not available') return null;
  return Number(trimmed.replace('−', '-').replace(/[£%,\s]/g, ''));
}

// What a sighted reader sees in an element: its text without the words only screen readers hear.
function visibleText(locator) {
  return locator.evaluate((element) => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll('.govuk-visually-hidden').forEach((hidden) => hidden.remove());
    return copy.textContent;
  });
}

function assertShown(text, figure, which, what) {
  const shown = shownNumber(text);
  if (figure[which] === null) {
    assert.equal(shown, null, `${what}: no figure`);
    return;
  }
  assert.ok(
    Math.abs(shown - figure[which]) <= SHOWN_PRECISION[figure.unit] + 1e-9,
    `${what}: shown ${text}, the API says ${figure[which]}`,
  );
}

// The start of the change as the page words it, from the API's change.
function changeWords(figure) {
  if (figure.current === null) return 'No figure this year';
  if (figure.previous === null || figure.change === null) return 'No figure last year';
  if (figure.change === 0) return 'No change';
  return figure.change > 0 ? 'Up' : 'Down';
}

// The last complete financial year on the browser's clock: the page's default.
function latestCompleteYear() {
  const [year, month] = todayIso().split('-').map(Number);
  return (month >= 4 ? year : year - 1) - 1;
}

function scopeOf(report, kind, code) {
  const scope = report.scopes.find(
    (s) => s.kind === kind && (kind === 'organisation' || s.code === code),
  );
  assert.ok(scope, `the report has the scope ${kind} ${code}`);
  return scope;
}

function figureOf(scope, group, key) {
  return scope.groups.find((g) => g.key === group)?.figures.find((f) => f.key === key);
}

describe('the annual report page', () => {
  let app;
  let page;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
  });
  after(async () => {
    await app?.stop();
  });

  const apiReport = async (year) => {
    const answer = await page.request.get(`/api/v1/reports/annual/${year}`);
    assert.equal(answer.status(), 200);
    return answer.json();
  };

  const showReport = async (year, scope) => {
    await page.getByLabel('Financial year').selectOption(String(year));
    await page.getByLabel('Show figures for').selectOption(scope);
    await page.getByRole('button', { name: 'Show report' }).click();
  };

  const waitForScope = async (name) => {
    await page.locator('#report-scope-name').filter({ hasText: name }).waitFor();
    await page.locator('#headline-heading').waitFor();
  };

  // Every headline card shows the API's two figures and the change in words.
  const assertHeadlines = async (scope) => {
    let checked = 0;
    for (const [group, key] of HEADLINE_KEYS) {
      const figure = figureOf(scope, group, key);
      if (!figure) continue;
      const card = page.locator(`#headline-${key}`);
      assert.equal(
        (await card.locator('.govuk-summary-card__title').innerText()).trim(),
        figure.label,
      );
      assertShown(
        await visibleText(card.locator('.redress-figure-current')),
        figure,
        'current',
        `${scope.name} ${key} this year`,
      );
      assertShown(
        await visibleText(card.locator('.redress-figure-previous')),
        figure,
        'previous',
        `${scope.name} ${key} last year`,
      );
      const change = (await card.locator('.redress-figure-change').innerText()).trim();
      assert.ok(
        change.startsWith(changeWords(figure)),
        `${key}: "${change}" for a change of ${figure.change}`,
      );
      checked++;
    }
    assert.ok(checked >= 4, 'the headline cards are on the page');
  };

  test('a manager opens Reports, chooses 2021/22 and sees the API’s figures', async () => {
    await signIn(page, 'david.clarke');
    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Reports' })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Annual complaints report/ }).waitFor();
    assert.equal(
      new URL(page.url()).pathname,
      `/reports/${latestCompleteYear()}`,
      'the latest complete year by default',
    );
    await page.locator('#headline-heading').waitFor();

    await showReport(YEAR, 'all');
    await page.waitForURL(`**/reports/${YEAR}`);
    await page
      .getByRole('heading', { level: 1, name: 'Annual complaints report 2021/22' })
      .waitFor();
    const report = await apiReport(YEAR);
    const council = scopeOf(report, 'organisation');
    await waitForScope(council.name);
    await assertHeadlines(council);

    // A figure the list cannot select says what it counts instead of linking.
    const escalated = figureOf(council, 'volumes', 'stage_2_received');
    const row = page.locator('#figure-volumes-stage_2_received');
    assert.equal(await row.getByRole('link').count(), 0);
    assert.match(
      await row.locator('.redress-figure-hint').innerText(),
      /not expressible with the list filters/,
    );
    assertShown(
      await visibleText(row.locator('.redress-figure-current')),
      escalated,
      'current',
      'stage 2 received',
    );
    // The charts are named images described by their figures.
    const chart = page.getByRole('img', { name: /Complaints received by stage/ });
    assert.equal(await chart.count(), 1);
    assert.match(
      await page.locator('#chart-volumes-desc').textContent(),
      new RegExp(`Stage 1: ${figureOf(council, 'volumes', 'stage_1_received').current} in 2021/22`),
    );
    // The summary a Cabinet member reads first: the server's, generated from the figures.
    await page.locator('#summary-heading').waitFor();
    const headline = await page.locator('#summary table tbody tr').count();
    assert.equal(headline, report.summary.headline.figures.length);
    assert.equal(
      await page.locator('#summary-changes li').count(),
      report.summary.biggest_changes.length,
    );
    await assertAccessible(page, 'the 2021/22 report for the whole council');
  });

  test('the Housing regime’s stage 1 figure opens exactly its complaints', async () => {
    const report = await apiReport(YEAR);
    const housing = scopeOf(report, 'regime', 'housing');
    const received = figureOf(housing, 'volumes', 'stage_1_received');
    assert.equal(received.query.exact, true);

    await showReport(YEAR, 'regime:housing');
    await page.waitForURL(/scope=regime%3Ahousing/);
    await waitForScope(housing.name);
    await assertHeadlines(housing);
    await assertAccessible(page, 'the 2021/22 report for the housing regime');

    await page
      .locator('#headline-stage_1_received .redress-figure-current')
      .getByRole('link')
      .click();
    await page.locator('#case-total').waitFor();
    const url = new URL(page.url());
    assert.equal(url.pathname, '/cases');
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      received_from: '2021-04-01',
      received_to: '2022-03-31',
      regime: 'housing',
    });
    // The filters are in the form, as if chosen there.
    assert.equal(await page.getByLabel('Regime').inputValue(), 'housing');
    assert.equal(await page.getByLabel('Received on or after').inputValue(), '2021-04-01');
    assert.equal(await page.getByLabel('Received on or before').inputValue(), '2022-03-31');
    const total = (await page.locator('#case-total').innerText()).trim();
    assert.equal(total, `${received.current} cases match these filters`);
    await assertAccessible(page, 'the case list opened from a figure');

    await page.goBack();
    await waitForScope(housing.name);
  });

  test('the downloads are the same report as PDF, HTML, CSV, XLSX and JSON', async () => {
    const expected = [
      ['PDF', 'application/pdf'],
      ['HTML', 'text/html'],
      ['CSV', 'text/csv'],
      ['XLSX spreadsheet', XLSX_TYPE],
      ['JSON', 'application/json'],
    ];
    for (const [label, type] of expected) {
      const link = page.getByRole('link', { name: `Annual complaints report 2021/22 (${label})` });
      const href = await link.getAttribute('href');
      assert.match(href, new RegExp(`^/api/v1/reports/annual/${YEAR}\\?format=`));
      // Only the binary formats are fetched: the others are the same request with another format.
      if (label !== 'PDF' && !label.includes('XLSX')) continue;
      const answer = await page.request.get(href);
      assert.equal(answer.status(), 200, label);
      assert.equal(answer.headers()['content-type'].split(';')[0], type, label);
      assert.match(answer.headers()['content-disposition'], /attachment/);
      assert.ok((await answer.body()).length > 1000, `${label} has content`);
    }
  });

  test('the HTML document is accessible on its own: one title, headings in order, axe-clean', async () => {
    const answer = await page.request.get(`/api/v1/reports/annual/${YEAR}?format=html`);
    assert.equal(answer.status(), 200);
    const documentPage = await page.context().newPage();
    try {
      await documentPage.setContent(await answer.text());
      assert.equal(await documentPage.locator('html').getAttribute('lang'), 'en-GB');
      assert.equal(await documentPage.getByRole('heading', { level: 1 }).count(), 1);
      await documentPage.getByRole('heading', { level: 2, name: 'Summary' }).waitFor();
      await documentPage.getByRole('heading', { level: 3, name: 'The biggest changes' }).waitFor();
      // Every chart is an image with a name and a description in words.
      const charts = documentPage.locator('svg[role="img"]');
      assert.ok((await charts.count()) >= 4);
      for (const chart of await charts.all()) {
        assert.ok((await chart.locator('desc').textContent()).length > 20);
      }
      await assertAccessible(documentPage, 'the annual report as an HTML document');
    } finally {
      await documentPage.close();
    }
  });

  test('another scope and another year change the figures', async () => {
    const report = await apiReport(YEAR);
    const highways = scopeOf(report, 'service_area', 'highways');
    await showReport(YEAR, 'service_area:highways');
    await waitForScope(highways.name);
    await assertHeadlines(highways);
    // The service area's own monthly trend is drawn, with its emerging months in words.
    const trend = report.trends.series.find(
      (s) => s.dimension === 'service_area' && s.code === 'highways',
    );
    await page.locator('#trend-service_area-highways').getByRole('img').waitFor();
    const note = await page.locator('#trend-service_area-highways p').innerText();
    assert.equal(note.startsWith('Emerging issue in'), trend.emerging_months.length > 0, note);

    const next = await apiReport(NEXT_YEAR);
    const nextHighways = scopeOf(next, 'service_area', 'highways');
    await showReport(NEXT_YEAR, 'service_area:highways');
    await page
      .getByRole('heading', { level: 1, name: 'Annual complaints report 2022/23' })
      .waitFor();
    await waitForScope(nextHighways.name);
    await assertHeadlines(nextHighways);
    const before = figureOf(highways, 'volumes', 'stage_1_received').current;
    const after = figureOf(nextHighways, 'volumes', 'stage_1_received').current;
    assert.notEqual(before, after, 'the demo history differs between the years');
    assertShown(
      await visibleText(page.locator('#headline-stage_1_received .redress-figure-current')),
      figureOf(nextHighways, 'volumes', 'stage_1_received'),
      'current',
      '2022/23 highways',
    );
    await assertAccessible(page, 'the 2022/23 report for a service area');
  });

  test('a case handler has no Reports item and is told they have no access', async () => {
    await signIn(page, 'chloe.wright');
    const menu = page.getByRole('navigation', { name: 'Menu' });
    await menu.getByRole('link', { name: 'Cases' }).waitFor();
    assert.equal(await menu.getByRole('link', { name: 'Reports' }).count(), 0);
    await page.goto(`/reports/${YEAR}`);
    await page.getByRole('heading', { level: 1, name: 'You do not have access' }).waitFor();
    assert.equal(await page.locator('#headline-heading').count(), 0);
    await assertAccessible(page, 'the no-access page');
  });

  test('an administrator sets the homes owned, which CH01 uses from 2023/24 on', async () => {
    await signIn(page, 'admin');
    // A year in the query string is honoured too, and moved into the path.
    await page.goto(`/reports?year=${YEAR}`);
    await page.waitForURL(`**/reports/${YEAR}`);
    await page.locator('#tsm-heading').waitFor();
    const ch01 = page.locator('#figure-tsm-ch01_stage_1 .redress-figure-current');
    const homesShown = page.locator('#figure-tsm-homes_owned .redress-figure-current');
    const tsmOf = (report, key) => report.tsm.figures.find((f) => f.key === key);
    const before = tsmOf(await apiReport(YEAR), 'homes_owned');
    assertShown(await visibleText(homesShown), before, 'current', 'homes owned before');
    // The Tenant Satisfaction Measures began in 2023/24: none for 2021/22, homes or not.
    assertShown(
      await visibleText(ch01),
      tsmOf(await apiReport(YEAR), 'ch01_stage_1'),
      'current',
      'CH01 before',
    );
    assert.equal(tsmOf(await apiReport(YEAR), 'ch01_stage_1').current, null);
    const field = page.getByLabel('Number of homes owned in 2021/22');

    await field.fill('0');
    await page.getByRole('button', { name: 'Save homes owned' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const link = summary.getByRole('link');
    assert.equal(await link.getAttribute('href'), '#homes');
    await assertAccessible(page, 'the homes owned error');
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'homes');

    const homes = 8040;
    await field.fill(String(homes));
    await page.getByRole('button', { name: 'Save homes owned' }).click();
    await page.getByText('Homes owned in 2021/22 saved').waitFor();
    const saved = await apiReport(YEAR);
    const after = tsmOf(saved, 'homes_owned');
    assert.equal(after.current, homes, 'the API holds the new homes owned');
    assert.notEqual(after.current, before.current);
    await homesShown.filter({ hasText: '8,040' }).waitFor();
    assertShown(await visibleText(homesShown), after, 'current', 'homes owned after');
    assert.equal(tsmOf(saved, 'ch01_stage_1').current, null, 'still no CH01 for 2021/22');
    assertShown(await visibleText(ch01), tsmOf(saved, 'ch01_stage_1'), 'current', 'CH01 after');
    await assertAccessible(page, 'the report after saving the homes owned');
  });
});
