// Shared set-up for the browser tests: the real binary serving web/dist on a temporary demo
// database, Debian's Chromium driven by playwright-core, and axe-core's accessibility checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { demoDatabase, redress, startServe, tempDir } from '../blackbox/helpers.mjs';

// The test tools are the web app's dev dependencies: resolve them from web/node_modules.
const sourceDir = process.env.REDRESS_SOURCE_DIR ?? new URL('../..', import.meta.url).pathname;
const requireFromWeb = createRequire(join(sourceDir, 'web', 'package.json'));
const { chromium } = requireFromWeb('playwright-core');
const { default: AxeBuilder } = requireFromWeb('@axe-core/playwright');

export const DEMO_PASSWORD = 'redress-demo-password';
// A short demo history keeps set-up quick; the cases the tests create are dated today.
const DEMO_TODAY = '2022-06-30';
const DEMO_SEED = '3';
// The rules WCAG 2.2 AA asks for, as axe-core tags them.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const CHROMIUM = process.env.REDRESS_CHROMIUM ?? '/usr/bin/chromium';
const ACTION_TIMEOUT_MS = 30_000;

// A demo database in a temporary directory (or, with REDRESS_TEST_DB=postgresql, copied into a
// fresh schema of the test cluster: ctest browser_on_postgres), the server on it and a headless
// browser.
export async function startApp() {
  const temp = tempDir();
  const db = demoDatabase(temp.dir, 'demo.db', ['--seed', DEMO_SEED, '--today', DEMO_TODAY]);
  const server = await startServe(db, ['--web-root', join(sourceDir, 'web', 'dist')]);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless'],
  });
  const stop = async () => {
    await browser.close();
    await server.stop();
    temp.cleanup();
  };
  return { db, base: server.base, browser, stop };
}

// A fresh browser context (its own cookies and sessionStorage) with one page.
export async function newPage(app) {
  const context = await app.browser.newContext({ baseURL: app.base });
  const page = await context.newPage();
  // Generous: under ctest -j2 the browser shares two cores with the server and other tests.
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  return page;
}

// Runs axe-core on the page as it is now; fails the test on any violation, naming each.
export async function assertAccessible(page, what) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  assert.deepEqual(found, [], `accessibility violations on ${what}`);
}

// Signs in as `username`, whoever was signed in before (each test starts from its own user).
export async function signIn(page, username, password = DEMO_PASSWORD) {
  await page.context().clearCookies();
  await page.goto('/');
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

// "2026-11-24" → "24 November 2026", as the app shows dates.
export function shown(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${day} ${months[month - 1]} ${year}`;
}

// The calendar's answer for "N working days after D" on the test database.
export function addWorkingDays(db, from, days) {
  const result = redress([
    'calendar',
    'add-working-days',
    '--from',
    from,
    '--days',
    String(days),
    '--db',
    db,
  ]);
  if (result.status !== 0) throw new Error(`calendar failed: ${result.stderr}`);
  return result.stdout.trim();
}

export function todayIso() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// The calendar's count of working days d with from < d ≤ to on the test database.
export function workingDaysBetween(db, from, to) {
  const result = redress([
    'calendar',
    'working-days-between',
    '--from',
    from,
    '--to',
    to,
    '--db',
    db,
  ]);
  if (result.status !== 0) throw new Error(`calendar failed: ${result.stderr}`);
  return Number(result.stdout.trim());
}

// Tests that build on each other: after one fails the rest are skipped rather than timing out,
// and the page as it was at the failure is kept in $TMPDIR/redress-<name>-failure.png.
export function dependentSteps(pageOf, name) {
  let failed = false;
  return (title, fn) =>
    test(title, async (t) => {
      if (failed) return t.skip('an earlier step failed');
      try {
        await fn();
      } catch (error) {
        failed = true;
        const path = `${process.env.TMPDIR ?? '/tmp'}/redress-${name}-failure.png`;
        await pageOf()
          ?.screenshot({ path, fullPage: true })
          .catch(() => {});
        throw error;
      }
    });
}
