// The annual report on the demo council, through the command line and the API: the seed council's
// Housing figures for 2023/24 (284 stage 1 complaints against 371, 39 stage 2 against 21), the
// TSM CH01 once homes owned is set, every format, bad input, roles, and no personal data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { demoDatabaseWithOutput, redress, startServe, tempDir } from './helpers.mjs';

const TODAY = '2026-11-22';
const PROBLEM = 'application/problem+json';

let workspace;
let db;
let server;
const tokens = {};

before(() => {
  workspace = tempDir();
  // On PostgreSQL the demo is made on SQLite and copied (demoDatabaseWithOutput).
  const demo = demoDatabaseWithOutput(workspace.dir, 'demo.db', ['--seed', '1', '--today', TODAY]);
  db = demo.db;
  // "  username  role  team" lines: one token per role.
  for (const line of demo.stdout.split('\n')) {
    const match = line.match(
      /^\s+(\S+)\s+(admin|complaints_officer|case_handler|manager|viewer)\b/,
    );
    if (match && !tokens[match[2]]) {
      const token = redress(['token', 'create', '--db', db, '--username', match[1]]);
      assert.equal(token.status, 0, token.stderr);
      tokens[match[2]] = token.stdout.trim();
    }
  }
});

after(async () => {
  if (server) await server.stop();
  workspace?.cleanup();
});

function figure(report, kind, code, group, key) {
  const scope = report.scopes.find((s) => s.kind === kind && s.code === code);
  assert.ok(scope, `no scope ${kind}/${code}`);
  const found = scope.groups.find((g) => g.key === group)?.figures.find((f) => f.key === key);
  assert.ok(found, `no figure ${group}.${key} in ${kind}/${code}`);
  return found;
}

function assertSeedCouncilHousing(report) {
  assert.equal(report.year, 2023);
  assert.equal(report.financial_year, '2023/24');
  assert.deepEqual(report.period, { from: '2023-04-01', to: '2024-03-31', label: '2023/24' });
  const stage1 = figure(report, 'regime', 'housing', 'volumes', 'stage_1_received');
  assert.equal(stage1.current, 284);
  assert.equal(stage1.previous, 371);
  assert.equal(stage1.change, -87);
  const stage2 = figure(report, 'regime', 'housing', 'volumes', 'stage_2_received');
  assert.equal(stage2.current, 39);
  assert.equal(stage2.previous, 21);
  const rate = figure(report, 'regime', 'housing', 'volumes', 'escalation_rate_1_to_2');
  assert.equal(rate.current, 13.73);
  assert.equal(rate.previous, 5.66);
  // The stage 1 figure's query lists exactly its complaints; stage 2's cannot be expressed.
  assert.equal(stage1.query.exact, true);
  assert.equal(
    stage1.query.current,
    '/api/v1/complaints?received_from=2023-04-01&received_to=2024-03-31&regime=housing',
  );
  assert.equal(stage2.query.exact, false);
  assert.equal(stage2.query.current, null);
  assert.ok(stage2.query.description.length > 0);
  // The demo's Ombudsman cases and self-assessment (app/demo_oversight.cpp): two Housing
  // Ombudsman and three LGSCO cases a year, the letter beside them with the two premature
  // complaints the council never saw, and the self-assessment approved by Cabinet in September.
  assert.deepEqual(report.ombudsman.cases_received, { housing_ombudsman: 2, lgsco: 3 });
  const received = report.ombudsman.lgsco_annual_letter.lines.find(
    (line) => line.key === 'complaints_and_enquiries_received',
  );
  assert.equal(received.difference, 2);
  assert.equal(report.self_assessment.partly, 2);
  assert.deepEqual(
    report.self_assessment.non_compliance.map((p) => p.provision),
    ['6.3', '8.4'],
  );
  assert.equal(report.self_assessment.governing_body.meeting, 'Cabinet');
  assert.equal(report.self_assessment.governing_body.approved_on, '2024-09-17');
  assert.match(report.ombudsman_explanation, /Ombudsman/);
}

test('the command line writes the JSON report with the seed council figures', () => {
  const out = join(workspace.dir, 'report.json');
  const result = redress([
    'report',
    'annual',
    '--db',
    db,
    '--year',
    '2023',
    '--format',
    'json',
    '--out',
    out,
  ]);
  assert.equal(result.status, 0, result.stderr);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  assertSeedCouncilHousing(report);
  // The root-cause share is per complaint received (the seed council's 129 of 284), not per
  // response, which would be 100% by construction.
  const rootCauses = (key) => figure(report, 'organisation', 'all', 'root_causes', key).current;
  const received = figure(report, 'organisation', 'all', 'volumes', 'stage_1_received').current;
  assert.ok(rootCauses('complaints_with_root_cause') < received);
  assert.ok(
    Math.abs(
      rootCauses('complaints_root_cause_share') -
        (100 * rootCauses('complaints_with_root_cause')) / received,
    ) < 0.01,
  );

  const stdout = redress(['report', 'annual', '--db', db, '--year', '2023', '--out', '-']);
  assert.equal(stdout.status, 0, stdout.stderr);
  assertSeedCouncilHousing(JSON.parse(stdout.stdout));
});

test('the report holds no personal data', () => {
  const result = redress(['report', 'annual', '--db', db, '--year', '2023', '--out', '-']);
  assert.equal(result.status, 0, result.stderr);
  assert.doesNotMatch(result.stdout, /@/, 'no email address');
  assert.doesNotMatch(result.stdout, /CMP-\d{4}-\d+/, 'no case reference');
  assert.doesNotMatch(result.stdout, /\b0\d{9,10}\b/, 'no phone number');
});

test('bad input on the command line names the option and exits 2', () => {
  const year = redress(['report', 'annual', '--db', db, '--year', '1999', '--out', '-']);
  assert.equal(year.status, 2);
  assert.match(year.stderr, /year/);
  const format = redress([
    'report',
    'annual',
    '--db',
    db,
    '--year',
    '2023',
    '--format',
    'docx',
    '--out',
    '-',
  ]);
  assert.equal(format.status, 2);
  assert.match(format.stderr, /format/);
  const homes = redress(['report', 'homes', '--db', db, '--year', '2023', '--homes', '0']);
  assert.equal(homes.status, 2);
  assert.match(homes.stderr, /homes/);
});

test('CH01 is complaints per 1,000 homes owned, as configured per year', () => {
  const ch01Of = (year) => {
    const result = redress(['report', 'annual', '--db', db, '--year', year, '--out', '-']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    return { report, ch01: report.tsm.figures.find((f) => f.key === 'ch01_stage_1') };
  };
  // The demo council owns 5,218 homes in 2023/24 and 5,241 in 2022/23.
  assert.equal(ch01Of('2023').ch01.current, 54.43);
  const set = redress(['report', 'homes', '--db', db, '--year', '2023', '--homes', '5000']);
  assert.equal(set.status, 0, set.stderr);
  const { report, ch01 } = ch01Of('2023');
  assert.equal(ch01.current, 56.8);
  // The measures began in 2023/24: no CH01 for 2022/23, though its homes are configured.
  assert.equal(ch01.previous, null);
  assert.ok(report.tsm.notes.some((note) => /began in 2023\/24.*2022\/23/.test(note)));
  assert.ok(report.tsm.notes.some((note) => /CH02/.test(note)));
  const ch02 = report.tsm.figures.find((f) => f.key === 'ch02_stage_1');
  assert.ok(ch02.current >= 0 && ch02.current <= 100);
  // Nor for 2021/22 and 2020/21, whatever is configured.
  const first = ch01Of('2021');
  assert.equal(first.ch01.current, null, 'no TSMs in 2021/22');
  assert.equal(first.ch01.previous, null, 'no TSMs in 2020/21');
  assert.ok(first.report.tsm.notes.some((note) => /2020\/21/.test(note)));
});

test('CSV and HTML from the command line', () => {
  const csv = redress([
    'report',
    'annual',
    '--db',
    db,
    '--year',
    '2023',
    '--format',
    'csv',
    '--out',
    '-',
  ]);
  assert.equal(csv.status, 0, csv.stderr);
  const lines = csv.stdout.split('\r\n');
  assert.match(
    lines[0],
    /^Table,Scope kind,Scope code,Scope,Group code,Figure code,Figure,Unit,This year/,
  );
  assert.ok(
    lines.some(
      (line) =>
        line.startsWith('figures,Regime,housing,') &&
        line.includes(',stage_1_received,') &&
        line.includes(',284,371,'),
    ),
    'the housing stage 1 row',
  );
  const html = redress([
    'report',
    'annual',
    '--db',
    db,
    '--year',
    '2023',
    '--format',
    'html',
    '--out',
    '-',
  ]);
  assert.equal(html.status, 0, html.stderr);
  assert.match(html.stdout, /^<!DOCTYPE html>/);
  assert.match(html.stdout, /2023\/24/);
  assert.match(html.stdout, /<svg /);
  assert.doesNotMatch(html.stdout, /<script|src="http|href="http/, 'self-contained');
});

// Runs a tool of poppler-utils or unzip; returns its stdout (binary-safe as latin1 when asked).
function tool(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, `${command} failed: ${result.stderr}`);
  return result.stdout;
}

test('the PDF is A4 with a cover, contents, the key figures and page numbers', () => {
  const pdf = join(workspace.dir, 'report.pdf');
  const result = redress([
    'report',
    'annual',
    '--db',
    db,
    '--year',
    '2023',
    '--format',
    'pdf',
    '--out',
    pdf,
  ]);
  assert.equal(result.status, 0, result.stderr);
  const info = tool('pdfinfo', [pdf]);
  assert.match(info, /Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages > 5, `${pages} pages`);
  const text = tool('pdftotext', ['-layout', pdf, '-']);
  assert.match(text, /Annual Complaint\s+Performance and Service\s+Improvement Report/);
  assert.match(text, /2023\/24/);
  assert.match(text, /Contents/);
  assert.match(text, /Tenant Satisfaction Measures\s+\d+/);
  assert.match(text, new RegExp(`Page 2 of ${pages}`));
  // The Housing regime's page: stage 1 received 284 against 371, stage 2 39 against 21.
  assert.match(text, /Stage 1 complaints received\s+284\s+371\s+−87 \(−23\.5%\)/);
  assert.match(text, /Stage 2 complaints received\s+39\s+21\s+\+18 \(\+85\.7%\)/);
  const images = join(workspace.dir, 'pages');
  tool('mkdir', ['-p', images]);
  tool('pdftoppm', ['-r', '20', '-png', pdf, join(images, 'page')]);
  assert.equal(readdirSync(images).length, pages);
});

test('the XLSX workbook has a sheet per table', () => {
  const xlsx = join(workspace.dir, 'report.xlsx');
  const result = redress([
    'report',
    'annual',
    '--db',
    db,
    '--year',
    '2023',
    '--format',
    'xlsx',
    '--out',
    xlsx,
  ]);
  assert.equal(result.status, 0, result.stderr);
  const workbook = tool('unzip', ['-p', xlsx, 'xl/workbook.xml']);
  // Sheet names are cut to Excel's 31 characters.
  for (const sheet of ['Summary"', 'TSM"', 'Trends"', 'Housing \\(Housing Ombudsman', 'Rules"']) {
    assert.match(workbook, new RegExp(`<sheet name="${sheet}`));
  }
  const strings = tool('unzip', ['-p', xlsx, 'xl/sharedStrings.xml']);
  assert.match(strings, /Annual Complaint Performance and Service Improvement Report 2023\/24/);
  assert.match(strings, /Stage 1 complaints received/);
  // The housing regime's sheet holds 284 and 371 as numbers.
  const sheets = tool('unzip', ['-l', xlsx]).match(/xl\/worksheets\/sheet\d+\.xml/g);
  const values = sheets.map((sheet) => tool('unzip', ['-p', xlsx, sheet])).join('');
  assert.match(values, /<v>284<\/v>/);
  assert.match(values, /<v>371<\/v>/);
});

test('the API serves the report to roles that view reports', async () => {
  server = await startServe(db);
  const get = (path, role) =>
    fetch(`${server.base}${path}`, {
      headers: role ? { authorization: `Bearer ${tokens[role]}` } : {},
    });

  const json = await get('/api/v1/reports/annual/2023', 'manager');
  assert.equal(json.status, 200);
  assert.match(json.headers.get('content-type'), /application\/json/);
  assertSeedCouncilHousing(await json.json());

  // The figure's query lists its complaints: the first page of the housing stage 1 list.
  const list = await get(
    '/api/v1/complaints?received_from=2023-04-01&received_to=2024-03-31&regime=housing&limit=200',
    'manager',
  );
  assert.equal(list.status, 200);
  assert.equal((await list.json()).items.length, 200);

  for (const role of ['admin', 'complaints_officer', 'viewer']) {
    assert.equal((await get('/api/v1/reports/annual/2023', role)).status, 200, role);
  }
  assert.equal((await get('/api/v1/reports/annual/2023', 'case_handler')).status, 403);
  assert.equal((await get('/api/v1/reports/annual/2023', null)).status, 401);

  const pdf = await get('/api/v1/reports/annual/2023?format=pdf', 'viewer');
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.equal(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 5)
      .toString(),
    '%PDF-',
  );
  const xlsx = await get('/api/v1/reports/annual/2023?format=xlsx', 'viewer');
  assert.equal(xlsx.status, 200);
  assert.equal(
    Buffer.from(await xlsx.arrayBuffer())
      .subarray(0, 2)
      .toString(),
    'PK',
  );

  const csv = await get('/api/v1/reports/annual/2023?format=csv', 'viewer');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.match(
    csv.headers.get('content-disposition'),
    /attachment; filename="annual-complaints-report-2023-24.csv"/,
  );

  const badFormat = await get('/api/v1/reports/annual/2023?format=docx', 'viewer');
  assert.equal(badFormat.status, 422);
  assert.equal(badFormat.headers.get('content-type'), PROBLEM);
  assert.equal((await badFormat.json()).errors[0].field, 'format');
  for (const year of ['abc', '1999', '20231']) {
    const badYear = await get(`/api/v1/reports/annual/${year}`, 'viewer');
    assert.equal(badYear.status, 422, year);
    assert.equal((await badYear.json()).errors[0].field, 'year');
  }
});
