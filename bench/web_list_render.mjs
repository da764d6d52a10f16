// How long the web app takes to put a page of 50 cases on screen once the API has answered:
// Chromium (Debian's, headless) on the real binary and a demo database, reading the app's User
// Timing marks (web/src/pages/CaseList.tsx). Not a test: run by hand after `make build`,
//   REDRESS_BIN=build/redress node bench/web_list_render.mjs
// and record the figures in bench/RESULTS.md. The target (issue 4) is 100 ms.
import { newPage, signIn, startApp } from '../tests/browser/browser.mjs';

const PAGES = 25;
const MARKS = { answered: 'redress:list-answered', rendered: 'redress:list-rendered', painted: 'redress:list-painted' };
const TARGET_MS = 100;

// Waits for the painted mark, then returns answered→rendered and answered→painted in ms.
async function measure(page) {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, MARKS.painted);
  return page.evaluate((marks) => {
    const at = (name) => performance.getEntriesByName(name).at(-1).startTime;
    const result = { rendered: at(marks.rendered) - at(marks.answered), painted: at(marks.painted) - at(marks.answered) };
    performance.clearMarks();
    return result;
  }, MARKS);
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const app = await startApp();
try {
  const page = await newPage(app);
  await signIn(page, 'admin');
  await page.evaluate(() => performance.clearMarks());
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  const samples = [await measure(page)];
  for (let i = 1; i < PAGES; i += 1) {
    await page.getByRole('link', { name: 'Next page' }).click();
    samples.push(await measure(page));
  }
  if (process.env.BENCH_VERBOSE) console.log(samples.map((s) => `${s.rendered.toFixed(0)}/${s.painted.toFixed(0)}`).join(" "));
  const rows = await page.locator('#case-table tbody tr').count();
  const fmt = (ms) => ms.toFixed(1);
  for (const key of ['rendered', 'painted']) {
    const values = samples.map((s) => s[key]);
    console.log(
      `${key.padEnd(8)} ms after the API answered, ${samples.length} pages of ${rows} cases: ` +
        `median ${fmt(percentile(values, 50))}, p90 ${fmt(percentile(values, 90))}, max ${fmt(Math.max(...values))}`,
    );
  }
  const p90 = percentile(samples.map((s) => s.painted), 90);
  console.log(`p90 painted ${p90 <= TARGET_MS ? 'within' : 'OVER'} the ${TARGET_MS} ms target; load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
} finally {
  await app.stop();
}
