// Learning actions and the Code self-assessment in Chromium on the real binary: a manager raises an
// action from a complaint, sees it in the lessons-learned view, is refused completion without
// evidence, completes it with evidence, meets someone else's change (412), and sees an action past
// its due date marked overdue; a manager starts a year's self-assessment, assesses a provision,
// records the governing body's approval, and adds a provision then removes it after a confirmation
// step; a viewer reads both without edit controls. axe-core on every page and error state (once
// per page, in its fullest state: axe takes seconds a page). The demo may already hold actions and
// self-assessments: the test finds its own records by the references and texts it creates.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sqlite } from '../blackbox/helpers.mjs';
import { assertAccessible, newPage, shown, signIn, startApp, todayIso } from './browser.mjs';

const MANAGER = 'david.clarke';
const MANAGER_NAME = 'David Clarke';
const VIEWER = 'auditor';
const MS_PER_DAY = 86_400_000;
// The first financial year the test may start; earlier ones are tried if the demo started it.
const PREFERRED_YEAR = 2022;

function isoDaysFrom(iso, days) {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

async function fillDate(page, group, iso) {
  const [year, month, day] = iso.split('-').map(Number);
  const boxes = page.getByRole('group', { name: group });
  await boxes.getByLabel('Day').fill(String(day));
  await boxes.getByLabel('Month').fill(String(month));
  await boxes.getByLabel('Year').fill(String(year));
}

// The error summary's links as [text, href], once it is shown.
async function errorLinks(page) {
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor();
  return summary
    .locator('a')
    .evaluateAll((links) => links.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
}

// The reference the action page names in its caption: "Learning action LRN-2026-000004".
async function actionReference(page) {
  const caption = await page.locator('.govuk-caption-l').innerText();
  const reference = caption.match(/LRN-\d{4}-\d{6}/)?.[0];
  assert.ok(reference, `a reference in "${caption}"`);
  return reference;
}

describe('learning actions and the Code self-assessment', () => {
  let app;
  let page;
  let complaint;
  let year;
  let unstarted;

  before(async () => {
    app = await startApp();
    page = await newPage(app);
    complaint = sqlite(
      app.db,
      'SELECT reference FROM complaints WHERE restricted = 0 ORDER BY id DESC LIMIT 1',
    ).trim();
    const started = new Set(
      sqlite(app.db, 'SELECT financial_year FROM self_assessments')
        .split('\n')
        .filter(Boolean)
        .map(Number),
    );
    year = PREFERRED_YEAR;
    while (started.has(year)) year -= 1;
    unstarted = year - 1;
    while (started.has(unstarted)) unstarted -= 1;
  });
  after(async () => {
    await app?.stop();
  });

  test('a manager raises an action from a complaint, meets a stale edit and completes it only with evidence', async () => {
    await signIn(page, MANAGER);
    await page.goto(`/learning/new?complaint=${complaint}`);
    await page.getByRole('heading', { name: 'Raise a learning action' }).waitFor();
    assert.ok(await page.getByRole('radio', { name: 'One or more complaints' }).isChecked());
    assert.equal(await page.getByLabel('Complaint references').inputValue(), complaint);
    await assertAccessible(page, 'the raise form');

    // No due date, then nothing to change: the API's errors, each linked to its field.
    await page.getByRole('button', { name: 'Raise action' }).click();
    assert.deepEqual(await errorLinks(page), [['The due date is required', '#due_on']]);
    await assertAccessible(page, 'the raise form without a due date');
    const due = isoDaysFrom(todayIso(), 60);
    await fillDate(page, 'Due by', due);
    await page.getByRole('button', { name: 'Raise action' }).click();
    await page
      .locator('.govuk-error-summary a[href="#action"]', {
        hasText: 'What will change is required',
      })
      .waitFor();

    const lesson = `Repairs were booked without checking access ${Date.now()}`;
    const change = 'Confirm access with the resident when booking every repair';
    await page.getByLabel('What was learnt?').fill(lesson);
    await page.getByLabel('What will change?').fill(change);
    await page.getByRole('button', { name: 'Raise action' }).click();
    await page.getByText(/Learning action LRN-\d{4}-\d{6} raised/).waitFor();
    const reference = await actionReference(page);
    assert.match(await page.locator('#learning-source').innerText(), new RegExp(complaint));

    // The lessons-learned view lists it as open, with its source, owner and due date.
    await page.goto('/learning');
    const row = page.locator('#learning-open tr', { hasText: reference });
    await row.waitFor();
    const text = await row.innerText();
    for (const expected of [change, lesson, MANAGER_NAME, shown(due), 'Due in'])
      assert.match(text, new RegExp(expected), text);
    assert.equal(
      await row.getByRole('link', { name: complaint }).getAttribute('href'),
      `/cases/${complaint}`,
    );
    await assertAccessible(page, 'the lessons-learned view');

    // Someone else changes the owner while the page is open: the save is refused and says what.
    await row.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { name: 'Update the action' }).waitFor();
    await page.evaluate(async (ref) => {
      const read = await fetch(`/api/v1/learning/${ref}`);
      const action = await read.json();
      const {
        reference: _r,
        version: _v,
        overdue: _o,
        completed_on: _c,
        ombudsman_case: _m,
        category: _g,
        root_cause: _t,
        ...body
      } = action;
      const saved = await fetch(`/api/v1/learning/${ref}`, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json',
          'If-Match': read.headers.get('ETag'),
          'X-CSRF-Token': sessionStorage.getItem('redress.csrf'),
        },
        body: JSON.stringify({ ...body, owner: 'amira.khan' }),
      });
      if (!saved.ok) throw new Error(`the change failed: ${saved.status} ${await saved.text()}`);
    }, reference);
    await page.getByRole('radio', { name: 'In progress' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByText('Someone else changed this action while you were working on it.')
      .waitFor();
    assert.match(
      await page.locator('#stale-changes').innerText(),
      /Owner\s+David Clarke\s+Amira Khan/,
    );
    await assertAccessible(page, 'the action page after a stale edit');
    await page.getByRole('button', { name: 'Save changes again' }).click();
    await page.getByText('Action updated').waitFor();
    assert.match(await page.locator('#learning-status').innerText(), /In progress/);

    // Completing needs evidence: the API's error is in the summary, linked to the field.
    await page.getByRole('radio', { name: 'Completed' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    const refused = await errorLinks(page);
    assert.deepEqual(refused, [['Evidence of completion is required', '#evidence']]);
    await assertAccessible(page, 'the action page refusing completion without evidence');
    await page.getByRole('link', { name: 'Evidence of completion is required' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'evidence');
    const evidence = 'Repairs booking procedure R-7 issued to the contact centre';
    await page.getByLabel('Evidence of completion').fill(evidence);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Action completed').waitFor();
    assert.match(await page.locator('#learning-status').innerText(), /Completed/);
    assert.equal(await page.locator('#learning-evidence').innerText(), evidence);
    await assertAccessible(page, 'the completed action');

    // Listed as completed with its evidence, and no longer among the open.
    await page.goto('/learning?status=completed');
    const done = page.locator('#learning-completed tr', { hasText: reference });
    await done.waitFor();
    assert.match(await done.innerText(), new RegExp(evidence));
    assert.equal(await page.locator('#learning-open tr', { hasText: reference }).count(), 0);
  });

  test('an action past its due date is marked overdue in words', async () => {
    await page.goto('/learning/new');
    await page.getByRole('radio', { name: 'A theme (category or root cause)' }).check();
    await page.getByLabel('Category', { exact: true }).selectOption({ index: 1 });
    const change = `Review how repairs are prioritised ${Date.now()}`;
    await page.getByLabel('What will change?').fill(change);
    await fillDate(page, 'When was it raised?', '2022-06-01');
    await fillDate(page, 'Due by', '2022-06-15');
    await page.getByRole('button', { name: 'Raise action' }).click();
    await page.getByText(/Learning action LRN-\d{4}-\d{6} raised/).waitFor();
    const reference = await actionReference(page);
    const late = Math.round(
      (Date.parse(`${todayIso()}T00:00:00Z`) - Date.parse('2022-06-15T00:00:00Z')) / MS_PER_DAY,
    );
    assert.match(
      await page.locator('#learning-due').innerText(),
      new RegExp(`Overdue by ${late} days`),
    );
    assert.match(await page.locator('#learning-source').innerText(), /Theme: category/);

    await page.goto('/learning?overdue=true');
    const row = page.locator('#learning-overdue tr', { hasText: reference });
    await row.waitFor();
    assert.match(await row.innerText(), /Overdue by \d+ days/);
    assert.match(await row.locator('.govuk-tag--red').innerText(), /Overdue/);
    assert.equal(
      await page.locator('#learning-open, #learning-completed').count(),
      0,
      'only overdue actions are listed',
    );
    await assertAccessible(page, 'the overdue actions');
  });

  test('a manager starts a year’s self-assessment, assesses a provision and records the approval', async () => {
    const label = `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
    await page.goto(`/self-assessment/${year}`);
    await page.getByText(`The self-assessment for ${label} has not been started.`).waitFor();
    await assertAccessible(page, 'a year not started');
    await page.getByRole('button', { name: `Start the self-assessment for ${label}` }).click();
    await page.getByText(`Self-assessment for ${label} started`).waitFor();
    const count = async (id) => Number(await page.locator(`#count-${id}`).innerText());
    const all = await count('all');
    assert.ok(all > 9, `the Code's provisions are seeded (${all})`);
    assert.equal(await count('not-assessed'), all);
    assert.equal(await count('partly'), 0);
    for (const section of ['1', '5', '9']) await page.locator(`#section-${section}`).waitFor();

    // Partial compliance needs an action with its date, or commentary.
    await page.getByRole('link', { name: 'Change provision 6.3' }).click();
    await page.getByRole('heading', { name: 'Provision 6.3' }).waitFor();
    await assertAccessible(page, 'the provision form');
    await page.getByRole('radio', { name: 'Partly complies' }).check();
    await page.getByLabel('Evidence').fill('82% of stage 1 responses on time');
    await page.getByRole('button', { name: 'Save provision' }).click();
    const refused = await errorLinks(page);
    assert.ok(
      refused.some(([, href]) => href === '#action'),
      JSON.stringify(refused),
    );
    await assertAccessible(page, 'the provision form with an error');
    await page
      .getByLabel('Action to comply')
      .fill('Weekly stage 1 tracker reviewed by the complaints officer');
    await fillDate(page, 'Action due by', `${year + 1}-03-31`);
    await page.getByRole('button', { name: 'Save provision' }).click();
    await page.getByText('Provision 6.3 saved').waitFor();
    assert.equal(await count('partly'), 1);
    assert.equal(await count('not-assessed'), all - 1);
    const provisionRow = page.locator('#section-6 tr', { hasText: 'Weekly stage 1 tracker' });
    assert.match(await provisionRow.innerText(), /6\.3[\s\S]*Partly complies[\s\S]*31 March/);
    assert.match(await page.locator('#section-6-summary').innerText(), /1 partly/);

    // The governing body's approval: refused without a meeting, then recorded and shown.
    await page.getByRole('link', { name: 'Record the governing body’s approval' }).click();
    await page.getByRole('heading', { name: 'The governing body’s approval' }).waitFor();
    await assertAccessible(page, 'the approval form');
    await fillDate(page, 'When did the governing body approve it?', '2022-06-28');
    await page.getByRole('button', { name: 'Save the approval' }).click();
    assert.deepEqual(await errorLinks(page), [['The meeting is required', '#meeting']]);
    await assertAccessible(page, 'the approval form with an error');
    await page.getByLabel('Meeting').fill('Cabinet');
    await page.getByLabel('Minute reference').fill('CAB/22/061');
    await page
      .getByLabel('The governing body’s response')
      .fill('Cabinet notes the self-assessment and endorses the actions.');
    await page.getByRole('button', { name: 'Save the approval' }).click();
    await page.getByText('The governing body’s approval is recorded').waitFor();
    const approval = await page.locator('#approval').innerText();
    for (const expected of [shown('2022-06-28'), 'Cabinet', 'CAB/22/061', 'endorses the actions'])
      assert.match(approval, new RegExp(expected));
    assert.ok(await page.getByRole('link', { name: 'Change the approval' }).isVisible());
    await assertAccessible(page, 'the approved self-assessment');
  });

  test('a manager adds a provision and removes it only after confirming', async () => {
    await page.goto(`/self-assessment/${year}`);
    const all = Number(await page.locator('#count-all').innerText());
    await page.getByRole('link', { name: 'Add a provision' }).click();
    await page.getByRole('heading', { name: 'Add a provision' }).waitFor();
    const requirement = `Complaints about partners are answered by the council ${Date.now()}`;
    await page.getByLabel('Provision', { exact: true }).fill('9.9');
    await page.getByLabel('Section of the Code').selectOption('9');
    await page.getByLabel('Requirement').fill(requirement);
    await page.getByRole('button', { name: 'Add provision' }).click();
    await page.getByText('Provision 9.9 added').waitFor();
    assert.equal(await page.locator('#count-all').innerText(), String(all + 1));

    // The confirmation says what goes; cancelling keeps it.
    await page
      .locator('#section-9 tr', { hasText: requirement })
      .getByRole('link', { name: 'Change provision 9.9' })
      .click();
    await page.getByRole('link', { name: 'Remove this provision' }).click();
    await page
      .getByRole('heading', { name: 'Are you sure you want to remove provision 9.9?' })
      .waitFor();
    const removing = await page.locator('#provision-to-remove').innerText();
    assert.match(removing, /Section 9:/);
    assert.match(removing, new RegExp(requirement));
    assert.match(
      await page.getByRole('button', { name: 'Remove provision' }).getAttribute('class'),
      /govuk-button--warning/,
    );
    await assertAccessible(page, 'the confirmation to remove a provision');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Provision 9.9' }).waitFor();

    await page.getByRole('link', { name: 'Remove this provision' }).click();
    await page.getByRole('button', { name: 'Remove provision' }).click();
    await page
      .locator('.govuk-notification-banner--success', { hasText: 'Provision 9.9 removed' })
      .waitFor();
    assert.equal(await page.locator('#count-all').innerText(), String(all));
    await page.locator('#section-9').waitFor();
    assert.equal(await page.locator('#section-9 tr', { hasText: requirement }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Change provision 9.9' }).count(), 0);
  });

  test('a viewer reads the self-assessment and the lessons learned but cannot change them', async () => {
    await signIn(page, VIEWER);
    await page.goto(`/self-assessment/${year}`);
    await page.locator('#compliance-counts').waitFor();
    assert.equal(await page.locator('#count-partly').innerText(), '1');
    assert.match(await page.locator('#approval').innerText(), /CAB\/22\/061/);
    for (const name of [/^Change/, 'Record the governing body’s approval', 'Add a provision']) {
      assert.equal(await page.getByRole('link', { name }).count(), 0, `no "${name}" link`);
    }
    await page.getByRole('link', { name: 'View provision 6.3' }).click();
    await page.getByRole('heading', { name: 'Provision 6.3' }).waitFor();
    assert.match(await page.locator('#provision-details').innerText(), /Partly complies/);
    assert.equal(await page.getByRole('button', { name: 'Save provision' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Remove this provision' }).count(), 0);
    await assertAccessible(page, 'a provision for a viewer');

    await page.goto(`/self-assessment/${unstarted}`);
    await page.getByText(/has not been started/).waitFor();
    assert.equal(await page.getByRole('button', { name: /Start the self-assessment/ }).count(), 0);

    await page.goto('/learning');
    await page.getByRole('heading', { name: 'Lessons learned' }).waitFor();
    await page.locator('#learning-overdue, #learning-open, #learning-completed').first().waitFor();
    assert.equal(await page.getByRole('link', { name: 'Raise a learning action' }).count(), 0);
    await page.locator('#learning-completed tbody tr th a').first().click();
    await page.locator('#learning-details').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Update the action' }).count(), 0);
    await assertAccessible(page, 'a learning action for a viewer');
  });
});
