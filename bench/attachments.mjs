// Attachments: upload and download throughput of a 10 MB file, and the server's memory (RSS)
// while 16 uploads of 10 MB stream at once. Results in bench/RESULTS.md. Not a test.
//
//   node bench/attachments.mjs [--runs 5]
//
// Runs build/redress on a fresh demo database (no virus scanner: the scan is clamd's time).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redress, sqlite, startServe, tempDir, userWithToken } from '../tests/blackbox/helpers.mjs';

const MB = 1024 * 1024;
const SIZE = 10 * MB;
const PARALLEL = 16;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;

function rssKib(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
}

function body(bytes, name) {
  const boundary = '----redressbench';
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    data: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

const workspace = tempDir();
const db = join(workspace.dir, 'bench.db');
redress(['demo', '--db', db, '--seed', '3', '--today', '2022-06-30']);
const token = userWithToken(db, 'bench.handler', 'case_handler', 'housing-services');
// One complaint per parallel upload: all on one would pass the per-case limit (200 MB).
const references = sqlite(
  db,
  `SELECT reference FROM complaints WHERE restricted = 0 ORDER BY id LIMIT ${PARALLEL + 1}`,
)
  .trim()
  .split('\n');
const reference = references[0];
const server = await startServe(db);
const path = `${server.base}/api/v1/complaints/${reference}/attachments`;
const headers = { authorization: `Bearer ${token}` };

async function upload(bytes, name, target = path) {
  const { type, data } = body(bytes, name);
  const response = await fetch(target, {
    method: 'POST',
    headers: { ...headers, 'content-type': type },
    body: data,
  });
  if (response.status !== 201)
    throw new Error(`upload ${response.status}: ${await response.text()}`);
  return (await response.json()).attachments[0];
}

const uploads = [];
const downloads = [];
for (let i = 0; i < runs; i += 1) {
  const bytes = Buffer.alloc(SIZE, `run ${i} `);
  let started = process.hrtime.bigint();
  const attachment = await upload(bytes, `run-${i}.txt`);
  uploads.push(Number(process.hrtime.bigint() - started) / 1e9);
  started = process.hrtime.bigint();
  const got = Buffer.from(
    await (await fetch(`${server.base}${attachment.content}`, { headers })).arrayBuffer(),
  );
  downloads.push(Number(process.hrtime.bigint() - started) / 1e9);
  if (createHash('sha256').update(got).digest('hex') !== attachment.sha256)
    throw new Error('bad download');
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const idle = rssKib(server.process.pid);
let peak = idle;
const sampler = setInterval(() => {
  peak = Math.max(peak, rssKib(server.process.pid));
}, 5);
const parallelStarted = process.hrtime.bigint();
await Promise.all(
  Array.from({ length: PARALLEL }, (_, i) =>
    upload(
      Buffer.alloc(SIZE, `parallel ${i} `),
      `p-${i}.txt`,
      `${server.base}/api/v1/complaints/${references[i + 1]}/attachments`,
    ),
  ),
);
const parallelSeconds = Number(process.hrtime.bigint() - parallelStarted) / 1e9;
clearInterval(sampler);
console.log(
  `upload 10 MB: median ${median(uploads).toFixed(3)} s = ${(10 / median(uploads)).toFixed(1)} MB/s over ${runs} runs`,
);
console.log(
  `download 10 MB: median ${median(downloads).toFixed(3)} s = ${(10 / median(downloads)).toFixed(1)} MB/s`,
);
console.log(
  `${PARALLEL} parallel uploads of 10 MB: ${parallelSeconds.toFixed(2)} s; RSS before ${(idle / 1024).toFixed(1)} MiB, peak ${(peak / 1024).toFixed(1)} MiB (+${((peak - idle) / 1024).toFixed(1)} MiB for ${PARALLEL * 10} MB received)`,
);
await server.stop();
workspace.cleanup();
