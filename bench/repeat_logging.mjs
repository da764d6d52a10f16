// Logging complaints from one address with a long history (an MP's caseworker, an advocacy
// service): the rate and answer size of the last complaints against the first, side by side in
// one run, with complaints from fresh addresses logged at the end as the reference for a database
// that has grown by the same amount. Target (issue 11): the last 400 of 2,000 at 0.7 of the first
// 400's rate or better, and every answer under 16 KB.
//
//   REDRESS_BIN=build/redress node bench/repeat_logging.mjs [COUNT]
//
// Prints a table; copy it into bench/RESULTS.md with the machine and date.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import {
  apiClient,
  redress,
  startServe,
  tempDir,
} from '../tests/blackbox/helpers.mjs';

const total = Number(process.argv[2] ?? 2000);
const window = Math.min(400, Math.floor(total / 5));
const kAnswerLimitBytes = 16 * 1024;

const { dir, cleanup } = tempDir();
const db = join(dir, 'bench.db');
const made = redress(['demo', '--db', db, '--seed', '1', '--today', '2022-06-30']);
if (made.status !== 0) throw new Error(made.stderr);
const token = redress(['token', 'create', '--db', db, '--username', 'amira.khan']).stdout.trim();
const server = await startServe(db);
const call = apiClient(server.base);

function complaint(i, email) {
  return {
    regime: 'corporate',
    received_on: '2022-06-30',
    channel: 'email',
    service_area: 'housing',
    category: 'repairs',
    summary: `Constituent case ${i}`,
    description: 'Written on behalf of a constituent about a repair not done.',
    complainant: { name: 'Office of the MP', email, phone: '', address: '', postcode: '' },
  };
}

async function logMany(from, count, emailOf) {
  const latencies = [];
  let largest = 0;
  let named = 0;
  const started = performance.now();
  for (let i = from; i < from + count; i += 1) {
    const t0 = performance.now();
    const answer = await call('POST', '/api/v1/complaints', { token, body: complaint(i, emailOf(i)) });
    latencies.push(performance.now() - t0);
    if (answer.status !== 201) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
    largest = Math.max(largest, JSON.stringify(answer.body).length);
    named = answer.body.possible_repeat_of.length;
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rate: count / seconds,
    p50: latencies[Math.floor(count * 0.5)],
    p99: latencies[Math.floor(count * 0.99)],
    largest,
    named,
  };
}

try {
  const caseworker = () => 'casework@mp-office.example.org';
  const first = await logMany(0, window, caseworker);
  await logMany(window, total - 2 * window, caseworker);
  const last = await logMany(total - window, window, caseworker);
  const fresh = await logMany(total, window, (i) => `resident-${i}@example.org`);
  const row = (name, r) =>
    `| ${name} | ${r.rate.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.largest} | ${r.named} |`;
  console.log(`machine: ${cpus().length} × ${cpus()[0].model}; ${new Date().toISOString()}`);
  console.log(`| complaints logged | per second | p50 ms | p99 ms | largest answer (bytes) | repeats named |`);
  console.log('|---|---|---|---|---|---|');
  console.log(row(`first ${window} from one address`, first));
  console.log(row(`last ${window} of ${total} from one address`, last));
  console.log(row(`${window} from fresh addresses (reference)`, fresh));
  const ratio = last.rate / first.rate;
  console.log(`last/first rate: ${ratio.toFixed(2)} (target ≥ 0.70); last/reference: ${(last.rate / fresh.rate).toFixed(2)}`);
  console.log(`largest answer: ${last.largest} bytes (target < ${kAnswerLimitBytes})`);
  process.exitCode = ratio >= 0.7 && last.largest < kAnswerLimitBytes ? 0 : 1;
} finally {
  await server.stop();
  cleanup();
}
