// Finding people and working from the case list (issue 18), in Chromium with axe-core: search by
// surname, phone and postcode as people type them; the complainant column; the person's other
// complaints on the case page and on the log form before saving; the list's default order (the
// most urgent deadline first) and its remembered filters; the list on a phone's width.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sqlite } from '../blackbox/helpers.mjs';
import { assertAccessible, newPage, signIn, startApp } from './browser.mjs';

const OFFICER = 'amira.khan';
const PHONE_WIDTH = 375;
const PHONE_HEIGHT = 800;
// The Due column among a row's cells (the reference is the row's header): the bulk actions'
// checkbox (an officer may reassign), complainant, summary, status, stage, team and handler,
// received, due.
const DUE_CELL = 7;

describe('finding people and the case list', () => {
  let app;
  let page;
  // A demo complainant with two or more unrestricted complaints, a phone and a postcode.
  let person;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
    const [reference, name, phone, postcode, email] = sqlite(
      app.db,
      `SELECT c.reference, c.complainant_name, c.complainant_phone, c.complainant_postcode,
              c.complainant_email
       FROM complaints c WHERE c.restricted = 0 AND c.complainant_phone <> ''
         AND c.complainant_email <> ''
         AND (SELECT count(*) FROM complaints o WHERE o.email_key = c.email_key
              AND o.restricted = 0) > 1
       ORDER BY c.id LIMIT 1`,
    )
      .trim()
      .split('|');
    assert.match(reference, /^CMP-/, 'the demo has a complainant with several complaints');
    person = { reference, name, phone, postcode, email };
    await signIn(page, OFFICER);
  });
  after(async () => {
    await app?.stop();
  });

  const searchFor = async (text) => {
    await page.goto('/cases');
    await page.getByLabel('Search', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator('#case-table').waitFor();
    return page.locator('#case-table tbody tr th a').allInnerTexts();
  };

  test('search finds a complaint by surname, phone and postcode, and names the complainant', async () => {
    const surname = person.name.split(' ').at(-1);
    assert.ok((await searchFor(surname)).includes(person.reference), `by surname ${surname}`);
    const row = page.getByRole('row', { name: new RegExp(person.reference) });
    await row.getByText(person.name).waitFor();
    await assertAccessible(page, 'the case list searched by surname');
    // The phone without its spaces, and the postcode in lower case without its space.
    const phone = person.phone.replaceAll(' ', '');
    assert.ok((await searchFor(phone)).includes(person.reference), `by phone ${phone}`);
    const spacedPhone = `+44 ${phone.slice(1, 5)} ${phone.slice(5)}`;
    assert.ok((await searchFor(spacedPhone)).includes(person.reference), `by ${spacedPhone}`);
    const postcode = person.postcode.replaceAll(' ', '').toLowerCase();
    assert.ok(
      (await searchFor(`${surname} ${postcode}`)).includes(person.reference),
      `by surname and postcode ${postcode}`,
    );
    await assertAccessible(page, 'the case list searched by postcode');
  });

  test('the case page shows the complainant’s other complaints', async () => {
    await page.goto(`/cases/${person.reference}`);
    const section = page.locator('#person-complaints');
    await section.getByRole('heading', { name: 'The complainant’s other complaints' }).waitFor();
    const others = await section.getByRole('link').allInnerTexts();
    assert.ok(others.length >= 1, 'at least one other complaint');
    assert.ok(!others.includes(person.reference), 'not the case itself');
    await assertAccessible(page, 'a case with the complainant’s other complaints');
  });

  test('the log form shows the person’s complaints before saving', async () => {
    await page.goto('/cases/new');
    await page.getByRole('radio', { name: 'A complaint' }).check();
    await page.getByLabel('Email address').first().fill(person.email.toUpperCase());
    const section = page.locator('#person-complaints');
    await section.getByRole('link', { name: person.reference }).waitFor();
    await assertAccessible(page, 'the log form with the person’s earlier complaints');
  });

  test('the list opens on the most urgent deadline first and remembers the last filters', async () => {
    await page.evaluate(() => localStorage.clear());
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.locator('#case-table').waitFor();
    assert.equal(await page.getByLabel('Sort by').inputValue(), 'due_on');
    // The Due column of each row: its date, or null for a case with no deadline.
    const dues = await page.locator('#case-table tbody tr').evaluateAll(
      (rows, dueCell) =>
        rows.map((row) => {
          const due = row.querySelectorAll('td')[dueCell]?.querySelector('time');
          return due ? due.getAttribute('datetime') : null;
        }),
      DUE_CELL,
    );
    const dated = dues.filter((due) => due !== null);
    assert.ok(dated.length > 0, 'open cases with a deadline come first');
    assert.deepEqual(dues.slice(0, dated.length), dated, 'cases with no deadline come after');
    assert.deepEqual(dated, [...dated].sort(), 'soonest deadline first');
    await assertAccessible(page, 'the case list in its default order');

    await page.getByLabel('Regime').selectOption('housing');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/regime=housing/);
    await page.goto('/');
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.waitForURL(/regime=housing/);
    await page.locator('#case-table').waitFor();
    assert.equal(await page.getByLabel('Regime').inputValue(), 'housing');
  });

  test('each role’s home page opens on its work', async () => {
    const homes = [
      ['emma.hughes', 'Your cases'],
      ['david.clarke', 'Your team’s cases'],
      ['amira.khan', 'All cases'],
      ['member.complaints', 'All cases'],
    ];
    for (const [username, heading] of homes) {
      await signIn(page, username);
      await page.getByRole('heading', { name: heading }).waitFor();
      const open = page.getByRole('row', { name: /^Open cases/ });
      const count = Number((await open.locator('td').innerText()).trim());
      assert.ok(count > 0, `${username}'s home shows open cases, not zeros`);
      if (username === 'amira.khan') {
        const triage = page.locator('#triage-queue');
        await triage.getByRole('heading', { name: /Triage/ }).waitFor();
        assert.ok((await triage.locator('tbody tr').count()) > 0, 'the triage queue has cases');
      }
      await assertAccessible(page, `${username}'s home page`);
    }
    await signIn(page, OFFICER);
  });

  test('on a phone the list and its deadline column are usable', async () => {
    await page.setViewportSize({ width: PHONE_WIDTH, height: PHONE_HEIGHT });
    await page.goto('/cases');
    await page.locator('#case-table').waitFor();
    // The table scrolls within its own box; the page itself does not scroll sideways.
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(pageWidth <= PHONE_WIDTH, `the page is ${pageWidth}px wide`);
    await assertAccessible(page, 'the case list on a phone');
  });
});
