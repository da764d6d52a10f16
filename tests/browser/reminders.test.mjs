// Who was reminded, in Chromium on the real binary (issue 15): on the demo council, the day's
// reminder digests are queued with a fixed clock (`reminders send --at`); a manager opens
// Reminders from the navigation, asks for that day and sees their team's digests — each person,
// the address, the deadlines listed — and nobody from another team; a date that is not real
// is refused in the error summary, linked to its box; a case handler has no such page. axe-core
// on the page and its error state.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { redress, sqlite } from '../blackbox/helpers.mjs';
import { assertAccessible, newPage, signIn, startApp } from './browser.mjs';

const MANAGER = 'david.clarke';
const DAY = '2022-07-05'; // a Tuesday after the demo's today, when its cases fall due

describe('who was reminded', () => {
  let app;
  let page;
  let team;
  let outsider;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
    team = sqlite(app.db, `SELECT team FROM users WHERE username = '${MANAGER}'`).trim();
    outsider = sqlite(
      app.db,
      `SELECT username FROM users WHERE role = 'case_handler' AND active = 1 AND team <> '${team}' ` +
        'ORDER BY username LIMIT 1',
    ).trim();
    // Everyone has an address, so that other teams have digests the manager must not see.
    const people = sqlite(app.db, 'SELECT username FROM users WHERE active = 1').trim().split('\n');
    for (const username of people) {
      const updated = redress([
        'user',
        'update',
        '--db',
        app.db,
        '--username',
        username,
        '--email',
        `${username}@council.example.org`,
      ]);
      assert.equal(updated.status, 0, updated.stderr);
    }
    const sent = redress(['reminders', 'send', '--db', app.db, '--at', `${DAY}T10:00`]);
    assert.equal(sent.status, 0, sent.stderr);
    assert.match(sent.stdout, /[1-9]\d* digests? queued/);
    const elsewhere = sqlite(
      app.db,
      'SELECT count(*) FROM reminder_digests d JOIN users u ON u.username = d.username ' +
        `WHERE u.team <> '${team}'`,
    ).trim();
    assert.notEqual(elsewhere, '0', 'another team has digests too');
  });
  after(async () => {
    await app?.stop();
  });

  test('a manager sees their team’s digests of a day', async () => {
    await signIn(page, MANAGER);
    await page.getByRole('link', { name: 'Reminders' }).click();
    await page.getByRole('heading', { name: 'Reminders sent', level: 1 }).waitFor();
    await page.getByLabel('Day').fill('5');
    await page.getByLabel('Month').fill('7');
    await page.getByLabel('Year').fill('2022');
    await page.getByRole('button', { name: 'Show the reminders' }).click();
    const table = page.locator('#reminders');
    await table.getByText(MANAGER, { exact: true }).waitFor();
    const rows = await table.locator('tbody tr').allTextContents();
    assert.ok(rows.length >= 1);
    assert.ok(
      rows.every((row) => row.includes(team) && row.includes('@council.example.org')),
      rows.join('\n'),
    );
    const others = sqlite(
      app.db,
      'SELECT d.username FROM reminder_digests d JOIN users u ON u.username = d.username ' +
        `WHERE u.team <> '${team}'`,
    )
      .trim()
      .split('\n');
    for (const other of others) {
      assert.ok(!rows.some((row) => row.includes(other)), `${other}’s digest is not shown`);
    }
    await assertAccessible(page, 'the reminders sent');
  });

  test('a date that is not real is refused, linked to its box', async () => {
    await page.getByLabel('Day').fill('30');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2022');
    await page.getByRole('button', { name: 'Show the reminders' }).click();
    await page
      .locator('.govuk-error-summary a[href="#on"]', { hasText: 'Enter a real date' })
      .waitFor();
    await assertAccessible(page, 'the reminders sent with a date that is not real');
  });

  test('a case handler has no reminders page', async () => {
    await signIn(page, outsider);
    assert.equal(await page.getByRole('link', { name: 'Reminders' }).count(), 0);
    await page.goto('/reminders');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  });
});
