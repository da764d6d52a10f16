// The annual report on the demo council, through the command line and the API: the seed council's
// Housing figures for 2023/24 (284 stage 1 complaints against 371, 39 stage 2 against 21), the
// TSM CH01 once homes owned is set, every format, bad input, roles, and no personal data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redress, startServe, tempDir } from './helpers.mjs';

const TODAY = '2026-11-22';
const PROBLEM = 'application/problem+json';

let workspace;
let db;
let server;
const tokens = {};

before(() => {
  workspace = tempDir();
  db = join(workspace.dir, 'demo.db');
  const demo = redress(['demo', '--db', db, '--seed', '1', '--today', TODAY]);
  assert.equal(demo.status, 0, demo.stderr);
  // "  username  role  team" lines: one token per role.
  for (const line of demo.stdout.split('\n')) {
    const match = line.match(/^\s+(\S+)\s+(admin|complaints_officer|case_handler|manager|viewer)\b/);
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
  assert.equal(stage1.query.current,
    '/api/v1/complaints?received_from=2023-04-01&received_to=2024-03-31&regime=housing');
  assert.equal(stage2.query.exact, false);
  assert.equal(stage2.query.current, null);
  assert.ok(stage2.query.description.length > 0);
  assert.equal(report.ombudsman, null);
  assert.match(report.ombudsman_explanation, /Ombudsman/);
}

test('the command line writes the JSON report with the seed council figures', () => {
  const out = join(workspace.dir, 'report.json');
  const result = redress(['report', 'annual', '--db', db, '--year', '2023', '--format', 'json',
    '--out', out]);
  assert.equal(result.status, 0, result.stderr);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  assertSeedCouncilHousing(report);
  // Every response in the demo records a root cause.
  assert.equal(figure(report, 'organisation', 'all', 'root_causes', 'root_cause_share').current,
    100);

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
  const format = redress(['report', 'annual', '--db', db, '--year', '2023', '--format', 'docx',
    '--out', '-']);
  assert.equal(format.status, 2);
  assert.match(format.stderr, /format/);
  const homes = redress(['report', 'homes', '--db', db, '--year', '2023', '--homes', '0']);
  assert.equal(homes.status, 2);
  assert.match(homes.stderr, /homes/);
});

test('CH01 is complaints per 1,000 homes once homes owned is set', () => {
  const set = redress(['report', 'homes', '--db', db, '--year', '2023', '--homes', '5000']);
  assert.equal(set.status, 0, set.stderr);
  const result = redress(['report', 'annual', '--db', db, '--year', '2023', '--out', '-']);
  const report = JSON.parse(result.stdout);
  const ch01 = report.tsm.figures.find((f) => f.key === 'ch01_stage_1');
  assert.equal(ch01.current, 56.8);
  assert.equal(ch01.previous, null, 'no homes configured for 2022/23');
  assert.ok(report.tsm.notes.some((note) => /2022\/23/.test(note)));
  assert.ok(report.tsm.notes.some((note) => /CH02/.test(note)));
  const ch02 = report.tsm.figures.find((f) => f.key === 'ch02_stage_1');
  assert.ok(ch02.current >= 0 && ch02.current <= 100);
});

test('CSV and HTML from the command line', () => {
  const csv = redress(['report', 'annual', '--db', db, '--year', '2023', '--format', 'csv',
    '--out', '-']);
  assert.equal(csv.status, 0, csv.stderr);
  const lines = csv.stdout.split('\r\n');
  assert.match(lines[0], /^table,scope_kind,scope_code,scope_name,group,key,label,unit,current/);
  assert.ok(lines.some((line) =>
    line.startsWith('figures,regime,housing,') && line.includes(',stage_1_received,') &&
    line.includes(',284,371,')), 'the housing stage 1 row');
  const html = redress(['report', 'annual', '--db', db, '--year', '2023', '--format', 'html',
    '--out', '-']);
  assert.equal(html.status, 0, html.stderr);
  assert.match(html.stdout, /^<!DOCTYPE html>/);
  assert.match(html.stdout, /2023\/24/);
  assert.match(html.stdout, /<svg /);
  assert.doesNotMatch(html.stdout, /<script|src="http|href="http/, 'self-contained');
});

test('the API serves the report to roles that view reports', async () => {
  server = await startServe(db);
  const get = (path, role) => fetch(`${server.base}${path}`, {
    headers: role ? { authorization: `Bearer ${tokens[role]}` } : {},
  });

  const json = await get('/api/v1/reports/annual/2023', 'manager');
  assert.equal(json.status, 200);
  assert.match(json.headers.get('content-type'), /application\/json/);
  assertSeedCouncilHousing(await json.json());

  // The figure's query lists its complaints: the first page of the housing stage 1 list.
  const list = await get(
    '/api/v1/complaints?received_from=2023-04-01&received_to=2024-03-31&regime=housing&limit=200',
    'manager');
  assert.equal(list.status, 200);
  assert.equal((await list.json()).items.length, 200);

  for (const role of ['admin', 'complaints_officer', 'viewer']) {
    assert.equal((await get('/api/v1/reports/annual/2023', role)).status, 200, role);
  }
  assert.equal((await get('/api/v1/reports/annual/2023', 'case_handler')).status, 403);
  assert.equal((await get('/api/v1/reports/annual/2023', null)).status, 401);

  const csv = await get('/api/v1/reports/annual/2023?format=csv', 'viewer');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.match(csv.headers.get('content-disposition'),
    /attachment; filename="annual-complaints-report-2023-24.csv"/);

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
