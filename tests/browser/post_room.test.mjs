// The post room in Chromium on the real binary (issue 15): a manager opens the day's print batch,
// sees the letters by post with their deadlines and the warning on a letter that posting now
// makes late, downloads the batch's PDF and list, records the letters as printed and sees them
// marked; a date that is not a real date is refused in the error summary, linked to its box.
// axe-core on the page, its error state and the page after printing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sqlite } from '../blackbox/helpers.mjs';
import { assertAccessible, newPage, signIn, startApp, todayIso } from './browser.mjs';

const MANAGER = 'david.clarke';

describe('the post room', () => {
  let app;
  let page;
  let references;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
    references = sqlite(
      app.db,
      "SELECT reference FROM complaints WHERE restricted = 0 AND status = 'awaiting_acknowledgement' " +
        'ORDER BY id DESC LIMIT 2',
    )
      .trim()
      .split('\n');
    assert.equal(references.length, 2, 'the demo has two cases awaiting acknowledgement');
  });
  after(async () => {
    await app?.stop();
  });

  test('a manager prints the day’s batch and records it printed', async () => {
    await signIn(page, MANAGER);
    // Two acknowledgements by post, through the API as the signed-in manager.
    const csrf = await page.evaluate(() => sessionStorage.getItem('redress.csrf'));
    for (const reference of references) {
      const response = await page.request.post(`/api/v1/complaints/${reference}/letters`, {
        headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
        data: {
          type: 'acknowledgement',
          channel: 'post',
          record_event: true,
          parts: {
            complaint_definition: 'The repair was not done when promised.',
            not_responsible_for: 'Nothing.',
          },
        },
      });
      assert.equal(response.status(), 201, await response.text());
    }

    await page.getByRole('link', { name: 'Post room' }).click();
    await page.getByRole('heading', { name: 'Post room', level: 1 }).waitFor();
    const table = page.locator('#print-batch');
    for (const reference of references) await table.getByText(reference).waitFor();
    assert.match(await page.locator('#print-batch-summary').textContent(), /2 letters to print/);
    // The demo's cases waited long before today: posting now misses their deadlines.
    await table.locator('.govuk-warning-text').first().waitFor();
    await assertAccessible(page, 'the post room');

    const pdf = await page
      .getByRole('link', { name: /Download every letter as one PDF/ })
      .getAttribute('href');
    const fetched = await page.request.get(pdf);
    assert.equal(fetched.status(), 200);
    assert.equal(fetched.headers()['content-type'], 'application/pdf');
    const csv = await page.getByRole('link', { name: /Download the list/ }).getAttribute('href');
    const list = await page.request.get(csv);
    assert.equal(list.status(), 200);
    assert.match(await list.text(), /^Reference,Letter,Letter type/);

    await page.getByRole('button', { name: 'Record these letters as printed' }).click();
    await page
      .locator('.govuk-notification-banner', { hasText: '2 letters recorded as printed' })
      .waitFor();
    await page.waitForFunction(
      () =>
        document.querySelectorAll('#print-batch .govuk-tag').length === 2 &&
        [...document.querySelectorAll('#print-batch .govuk-tag')].every((t) =>
          t.textContent.includes('Printed'),
        ),
    );
    assert.equal(
      await page.getByRole('button', { name: 'Record these letters as printed' }).count(),
      0,
    );
    await assertAccessible(page, 'the post room after printing');
    assert.equal(sqlite(app.db, 'SELECT count(*) FROM letter_printings').trim(), '2');
  });

  test('a date that is not real is refused, linked to its box', async () => {
    await page.getByLabel('Day').fill('30');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill(todayIso().slice(0, 4));
    await page.getByRole('button', { name: 'Show the print batch' }).click();
    await page
      .locator('.govuk-error-summary a[href="#date"]', { hasText: 'Enter a real date' })
      .waitFor();
    await assertAccessible(page, 'the post room with a date that is not real');
  });
});
