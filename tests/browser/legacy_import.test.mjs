// The administration page that imports a legacy system's export (issue 20): the Meritec example of
// docs/examples with a deliberate error is checked and its problem shown by row and column, with no
// import offered; the clean file is checked, imported, and its cases listed; axe-core on each state.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sqlite } from '../blackbox/helpers.mjs';
import { assertAccessible, newPage, signIn, startApp } from './browser.mjs';

const source = process.env.REDRESS_SOURCE_DIR ?? new URL('../..', import.meta.url).pathname;
const examples = join(source, 'docs', 'examples');
const mapping = readFileSync(join(examples, 'meritec-mapping.toml'));
const sample = readFileSync(join(examples, 'meritec-sample.csv'), 'utf8');

describe('the legacy import page', () => {
  let app;
  let page;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
  });
  after(async () => {
    await app?.stop();
  });

  test('checks the file, shows each problem, then imports the clean file', async () => {
    await signIn(page, 'admin');
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Import complaints from a legacy system' }).click();
    await page.getByRole('heading', { name: 'Import complaints from a legacy system' }).waitFor();
    await assertAccessible(page, 'the import page');

    const upload = async (csv) => {
      await page
        .getByLabel('Export (CSV)')
        .setInputFiles({ name: 'meritec.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page
        .getByLabel('Mapping (TOML)')
        .setInputFiles({ name: 'meritec.toml', mimeType: 'text/plain', buffer: mapping });
    };

    await upload(sample.replace('04/05/2022', '31/02/2022'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    const problem = page.locator('#import-problems tbody tr');
    await problem.first().waitFor();
    assert.equal(await problem.count(), 1);
    assert.deepEqual(await problem.first().locator('td').allInnerTexts(), [
      '2',
      'Date Received',
      '"31/02/2022" is not a date in the form DD/MM/YYYY',
    ]);
    assert.equal(await page.getByRole('button', { name: 'Import the complaints' }).count(), 0);
    await assertAccessible(page, 'the import page with problems');

    await upload(sample);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('6 would be imported', { exact: false }).waitFor();
    const before = Number(sqlite(app.db, 'SELECT count(*) FROM complaints').trim());
    await page.getByRole('button', { name: 'Import the complaints' }).click();
    await page.locator('#import-cases').waitFor();
    assert.equal(await page.locator('#import-cases tbody tr').count(), 6);
    assert.equal(Number(sqlite(app.db, 'SELECT count(*) FROM complaints').trim()), before + 6);
    await assertAccessible(page, 'the import page after an import');
  });
});
