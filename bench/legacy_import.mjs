#!/usr/bin/env node
// The import of a legacy system's export at scale (issue 20): writes ROWS (default 100,000) rows in
// the form of docs/examples/meritec-sample.csv — cases received over five years, most closed at
// stage 1, one in ten escalated to stage 2, one in twenty still open, some with compensation, some
// descriptions on several lines — then times a dry run, the import and the same import again on a
// fresh demo council, each under /usr/bin/time -v for its peak memory. Figures in bench/RESULTS.md.
//
//   node bench/legacy_import.mjs [build/redress] [rows]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = process.argv[2] ?? join(root, 'build/redress');
const rows = Number(process.argv[3] ?? 100_000);
const mapping = join(root, 'docs/examples/meritec-mapping.toml');
const dir = mkdtempSync(join(tmpdir(), 'redress-import-bench-'));

const areas = [
  ['Housing', 'HSG', ['Repairs', 'Damp & Mould', 'ASB / Noise', 'Rent']],
  ['Place', 'ENV', ['Bins', 'Street Cleansing']],
  ['Resources', 'REV', ['Council Tax', 'Benefits']],
  ['Place', 'HWY', ['Potholes', 'Parking']],
  ['Customer', 'CUS', ['Staff', 'Communication']],
];
const outcomes = ['Upheld', 'Partially Upheld', 'Not Upheld'];
const causes = ['RC01', 'RC02', 'RC03', 'RC04', 'RC05', 'RC06', ''];
let seed = 20;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const day = 86_400_000;
const start = Date.UTC(2019, 3, 1);
const span = Date.UTC(2024, 11, 1) - start;
const uk = (ms) => {
  const d = new Date(ms);
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
};
// Working days only, so that no date falls where a real case's could not.
const weekday = (ms) => {
  let t = ms;
  while ([0, 6].includes(new Date(t).getUTCDay())) t += day;
  return t;
};

const header =
  'Case Ref,Date Received,Directorate,Service,Complaint Type,Contact Method,Status,Customer Name,Customer Email,Customer Phone,Address,Postcode,Summary,Details,Stage 1 Acknowledged,Stage 1 Response Sent,Stage 1 Outcome,Root Cause,Compensation,Stage 2 Requested,Stage 2 Acknowledged,Stage 2 Response Sent,Stage 2 Outcome,Date Closed';
const lines = [header];
for (let i = 0; i < rows; i += 1) {
  const [directorate, service, types] = pick(areas);
  const received = weekday(start + Math.floor(random() * span));
  const ack = weekday(received + day);
  const open = random() < 0.05;
  const escalated = !open && random() < 0.1;
  const r1 = weekday(received + (5 + Math.floor(random() * 10)) * day);
  const money = random() < 0.15 ? `£${(25 + Math.floor(random() * 40) * 5).toFixed(2)}` : '';
  const details =
    random() < 0.1 ? `"First line of ${i}\nsecond line, with a comma"` : `Details ${i}`;
  const cells = [
    `MER/${new Date(received).getUTCFullYear()}/${String(i).padStart(6, '0')}`,
    uk(received),
    directorate,
    service,
    pick(types),
    pick(['Phone', 'Email', 'Letter', 'Web Form', 'In Person']),
    open ? 'Open' : 'Closed',
    `Resident ${i}`,
    `resident${i}@example.org`,
    '',
    '',
    '',
    `Complaint number ${i}`,
    details,
    uk(ack),
    open ? '' : uk(r1),
    open ? '' : pick(outcomes),
    open ? '' : pick(causes),
    open ? '' : money,
  ];
  if (escalated) {
    const requested = weekday(r1 + 3 * day);
    const r2 = weekday(requested + (10 + Math.floor(random() * 10)) * day);
    cells.push(uk(requested), uk(weekday(requested + day)), uk(r2), pick(outcomes), uk(r2));
  } else {
    cells.push('', '', '', '', open ? '' : uk(r1));
  }
  lines.push(cells.join(','));
}
const csv = join(dir, 'legacy.csv');
writeFileSync(csv, `${lines.join('\n')}\n`);

const db = join(dir, 'bench.db');
const demo = spawnSync(bin, ['demo', '--db', db, '--seed', '1'], { encoding: 'utf8' });
if (demo.status !== 0) throw new Error(demo.stderr);

function timed(label, extra) {
  const result = spawnSync(
    '/usr/bin/time',
    ['-v', bin, 'import', 'complaints', '--db', db, '--mapping', mapping, '--file', csv, ...extra],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(result.stderr)?.[1];
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1]);
  const first = result.stdout.split('\n')[0];
  console.log(
    `${label}: exit ${result.status}, wall ${wall}, peak RSS ${(rss / 1024).toFixed(0)} MB`,
  );
  console.log(`  ${first}`);
  if (result.status !== 0) console.log(result.stdout.split('\n').slice(0, 10).join('\n'));
}

console.log(`${rows} rows, ${(lines.join('\n').length / 1e6).toFixed(1)} MB of CSV`);
timed('dry run', ['--dry-run']);
timed('import', []);
timed('again', []);
const verify = spawnSync(bin, ['audit', 'verify', '--db', db], { encoding: 'utf8' });
console.log(`audit verify: exit ${verify.status} ${verify.stdout.split('\n')[0]}`);
rmSync(dir, { recursive: true, force: true });
