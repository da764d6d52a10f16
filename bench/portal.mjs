// The resident's portal under load (issue 17): pages per second and their p99 for GET of the
// start page and of a question page (wrk, 32 connections), and the whole complaint as a browser
// without JavaScript sends it (GET and POST of each question, the check page, the POST that sends
// it, the confirmation page): sequences per second, the p99 of a sequence and of the sending POST
// alone, at 1 and 8 residents at once. Results in bench/RESULTS.md. Not a test.
//
//   node bench/portal.mjs [--seconds 10] [--complaints 200]
//
// Runs build/redress on a fresh database with the rate limits raised (all requests come from
// 127.0.0.1) and no virus scanner; the outbox's emails are not sent (no relay).
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import {
  apiClient,
  redress,
  startServe,
  tempDir,
  userWithToken,
} from '../tests/blackbox/helpers.mjs';

const argument = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const run = promisify(execFile);
const seconds = argument('--seconds', 10);
const complaints = argument('--complaints', 200);

const workspace = tempDir();
const db = join(workspace.dir, 'portal-bench.db');
redress(['init', '--db', db]);
const adminToken = userWithToken(db, 'bench.admin', 'admin');
const server = await startServe(db, [
  '--portal-submissions-per-hour',
  '1000000',
  '--portal-forms-per-hour',
  '1000000',
]);
const call = apiClient(server.base);
for (const [path, body] of [
  ['/api/v1/teams/housing-services', { name: 'Housing Services' }],
  ['/api/v1/service-areas/housing', { name: 'Housing', team: 'housing-services' }],
  ['/api/v1/categories/general', { name: 'General' }],
  ['/api/v1/settings', { name: 'Benchshire Council', division: 'england-and-wales' }],
]) {
  const r = await call('PUT', path, { token: adminToken, body });
  if (r.status >= 300) throw new Error(`${path}: ${JSON.stringify(r.body)}`);
}

// wrk runs asynchronously: node must keep reading the server's log lines meanwhile (startServe
// reads its stdout), or the server blocks on a full pipe.
async function wrk(path) {
  const { stdout } = await run(
    'wrk',
    ['--latency', '-t', '2', '-c', '32', '-d', `${seconds}s`, `${server.base}${path}`],
    { encoding: 'utf8' },
  );
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1];
  const p99 = /\s99%\s+([\d.]+\w+)/.exec(stdout)?.[1];
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? '0';
  return { rate: Number(rate), p99, errors };
}

// One resident: a cookie jar, forms posted urlencoded (the check page as multipart, as a browser
// sends it), redirects read by hand.
async function journey(n) {
  const cookies = new Map();
  const headers = () => ({ cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') });
  const keep = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      cookies.set(name, value);
    }
  };
  let csrf = '';
  const get = async (path) => {
    const response = await fetch(server.base + path, { redirect: 'manual', headers: headers() });
    keep(response);
    const text = await response.text();
    csrf = /name="csrf_token" value="([^"]+)"/.exec(text)?.[1] ?? csrf;
    return response.status;
  };
  const post = async (path, fields, multipart = false) => {
    let body = new URLSearchParams({ csrf_token: csrf, ...fields }).toString();
    const extra = { 'content-type': 'application/x-www-form-urlencoded' };
    if (multipart) {
      body = new FormData();
      body.append('csrf_token', csrf);
      body.append('evidence', new Blob([]), '');
      delete extra['content-type'];
    }
    const response = await fetch(server.base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...headers(), ...extra },
      body,
    });
    keep(response);
    await response.text();
    if (response.status !== 303) throw new Error(`${path}: ${response.status}`);
  };
  const answers = [
    ['who', { who: 'myself' }],
    ['your-details', { name: `Resident ${n}`, email: `r${n}@example.org`, contact_by: 'email' }],
    ['adjustments', { adjustments: '' }],
    ['service-area', { service_area: 'housing' }],
    ['what-happened', { what_happened: `The roof leaks, case ${n}.` }],
    ['put-right', { put_right: 'Repair it' }],
  ];
  const started = performance.now();
  await get('/complain');
  for (const [id, fields] of answers) {
    await get(`/complain/question/${id}`);
    await post(`/complain/question/${id}`, fields);
  }
  await get('/complain/check-answers');
  const sending = performance.now();
  await post('/complain/check-answers', {}, true);
  const sent = performance.now();
  if ((await get('/complain/confirmation')) !== 200) throw new Error('no confirmation');
  return { sequence: performance.now() - started, send: sent - sending };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function journeys(parallel) {
  const results = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < complaints) results.push(await journey(next++));
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const sequences = results.map((r) => r.sequence);
  const sends = results.map((r) => r.send);
  return {
    parallel,
    perSecond: (results.length / elapsed).toFixed(1),
    sequenceP50: percentile(sequences, 50).toFixed(1),
    sequenceP99: percentile(sequences, 99).toFixed(1),
    sendP50: percentile(sends, 50).toFixed(1),
    sendP99: percentile(sends, 99).toFixed(1),
  };
}

try {
  const cpu = spawnSync('sh', ['-c', "lscpu | sed -n 's/^Model name: *//p'"], {
    encoding: 'utf8',
  }).stdout.trim();
  console.log(`machine: nproc=${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()}, ${cpu}`);
  console.log(`date: ${new Date().toISOString()}`);
  for (const path of ['/complain', '/complain/question/who']) {
    const result = await wrk(path);
    console.log(
      `GET ${path}: ${result.rate.toFixed(0)} req/s, p99 ${result.p99}, non-2xx/3xx ${result.errors}`,
    );
  }
  for (const parallel of [1, 8]) {
    const r = await journeys(parallel);
    console.log(
      `${complaints} complaints, ${parallel} at once: ${r.perSecond} complaints/s; whole sequence ` +
        `(16 requests) p50 ${r.sequenceP50} ms, p99 ${r.sequenceP99} ms; the sending POST p50 ` +
        `${r.sendP50} ms, p99 ${r.sendP99} ms`,
    );
  }
} finally {
  await server.stop();
  workspace.cleanup();
}
