// The lists as downloads (issue 20): the complaint list, the Ombudsman cases and the learning
// actions as CSV and XLSX with the list's filters, through the API and the command line of the real
// binary on a demo council. What each download holds is what the list shows the user (a team's
// restricted cases left out exactly as there), every row and not a page, formula-like text
// neutralised, and each download recorded in the audit trail (who, which list, the filters, the
// row count), which still verifies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  apiClient,
  assertProblem,
  demoDatabase,
  query,
  redress,
  startServe,
  tempDir,
  userWithToken,
} from './helpers.mjs';

const TEAM = 'housing-services';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMULA = '=HYPERLINK("http://evil.example","Click")';

let workspace;
let db;
let server;
let call;
let token;
let planted;

before(async () => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'exports.db', ['--seed', '4', '--today', '2023-06-30']);
  token = userWithToken(db, 'export.viewer', 'viewer', TEAM);
  // A summary a spreadsheet would run as a formula, on a case the viewer sees.
  planted = query(
    db,
    "SELECT reference FROM complaints WHERE NOT restricted AND regime = 'housing' ORDER BY id LIMIT 1",
  ).trim();
  query(
    db,
    `UPDATE complaints SET summary = '${FORMULA.replaceAll("'", "''")}' WHERE reference = '${planted}'`,
  );
  server = await startServe(db);
  call = apiClient(server.base);
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

// RFC 4180 rows: quoted fields may hold commas, quotes and line ends.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

// Every row of the complaint list with `query`, page after page.
async function everyListed(query) {
  const references = [];
  let cursor = '';
  do {
    const page = await call('GET', `/api/v1/complaints?${query}&limit=200${cursor}`, { token });
    assert.equal(page.status, 200, JSON.stringify(page.body));
    references.push(...page.body.items.map((item) => item.reference));
    cursor = page.body.next_cursor ? `&cursor=${encodeURIComponent(page.body.next_cursor)}` : '';
  } while (cursor);
  return references;
}

function exportEvents() {
  const out = query(
    db,
    "SELECT entity_ref || '|' || actor || '|' || changes FROM events WHERE type = 'list_exported' ORDER BY sequence",
  ).trim();
  return out ? out.split('\n') : [];
}

test('the complaint list as CSV: every row the list shows, in its order, restricted ones left out', async () => {
  const filters = 'regime=housing&sort=-received_on';
  const listed = await everyListed(filters);
  assert.ok(listed.length > 500, `more than a page of the export (${listed.length})`);
  const before = exportEvents().length;
  const result = await call('GET', `/api/v1/exports/complaints?${filters}&format=csv`, { token });
  assert.equal(result.status, 200);
  assert.equal(result.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.match(
    result.headers.get('content-disposition'),
    /^attachment; filename="complaints-\d{4}-\d{2}-\d{2}\.csv"$/,
  );
  const [headings, ...rows] = parseCsv(result.body);
  assert.equal(headings[0], 'Reference');
  assert.deepEqual(
    rows.map((row) => row[0]),
    listed,
  );
  const restricted = new Set(
    query(db, 'SELECT reference FROM complaints WHERE restricted').trim().split('\n'),
  );
  assert.ok(restricted.size > 0, 'the demo council has restricted complaints');
  assert.ok(rows.every((row) => !restricted.has(row[0])));
  // The formula is text: a leading quote, the rest as typed.
  const summary = headings.indexOf('Summary');
  const row = rows.find((r) => r[0] === planted);
  assert.equal(row[summary], `'${FORMULA}`);

  const events = exportEvents();
  assert.equal(events.length, before + 1);
  const [user, actor, changes] = events.at(-1).split('|');
  assert.equal(user, 'export.viewer');
  assert.equal(actor, 'export.viewer');
  const fields = Object.fromEntries(JSON.parse(changes).map((c) => [c.field, c.after]));
  assert.deepEqual(fields, {
    list: 'complaints',
    format: 'csv',
    filters: 'regime=housing&sort=-received_on',
    rows: String(listed.length),
  });
});

test('the complaint list as XLSX: a workbook with the same rows', async () => {
  const response = await fetch(
    `${server.base}/api/v1/exports/complaints?regime=housing&format=xlsx`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), XLSX_TYPE);
  const bytes = Buffer.from(await response.arrayBuffer());
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
  const file = join(workspace.dir, 'complaints.xlsx');
  writeFileSync(file, bytes);
  // Text, not a formula: the sheet has no formula cells.
  const sheet = spawnSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  assert.equal(sheet.status, 0, sheet.stderr);
  assert.ok(!sheet.stdout.includes('<f>'));
  // Constant-memory mode writes its strings inline, in the sheet.
  assert.ok(sheet.stdout.includes(planted));
  assert.ok(sheet.stdout.includes('=HYPERLINK'), 'the formula kept as text');
  const listed = await everyListed('regime=housing');
  const rowCount = (sheet.stdout.match(/<row /g) ?? []).length;
  assert.equal(rowCount, listed.length + 1);
});

test('the Ombudsman cases and the learning actions download as their lists show them', async () => {
  for (const [list, path] of [
    ['ombudsman-cases', '/api/v1/ombudsman/cases?ombudsman=lgsco'],
    ['learning-actions', '/api/v1/learning?status=open'],
  ]) {
    const shown = await call('GET', path, { token });
    assert.equal(shown.status, 200);
    const query = path.split('?')[1];
    const result = await call('GET', `/api/v1/exports/${list}?${query}`, { token });
    assert.equal(result.status, 200, result.body);
    const [, ...rows] = parseCsv(result.body);
    assert.deepEqual(
      rows.map((row) => row[0]),
      shown.body.items.map((item) => item.reference),
      list,
    );
    const fields = Object.fromEntries(
      JSON.parse(exportEvents().at(-1).split('|')[2]).map((c) => [c.field, c.after]),
    );
    assert.equal(fields.filters, query);
    assert.equal(fields.rows, String(rows.length));
  }
});

test('a bad format or filter is refused naming it, and nothing is recorded', async () => {
  const before = exportEvents().length;
  assertProblem(
    assert,
    await call('GET', '/api/v1/exports/complaints?format=pdf', { token }),
    422,
    'format',
  );
  assertProblem(
    assert,
    await call('GET', '/api/v1/exports/learning-actions?format=xlsx&status=nonsense', { token }),
    422,
    'status',
  );
  assert.equal(exportEvents().length, before);
});

test('the command line exports every case, restricted ones too, recorded; the audit trail verifies', () => {
  const out = join(workspace.dir, 'all.csv');
  const result = redress([
    'complaint',
    'export',
    '--db',
    db,
    '--format',
    'csv',
    '--out',
    out,
    '--regime',
    'children',
  ]);
  assert.equal(result.status, 0, result.stderr);
  const [, ...rows] = parseCsv(readFileSync(out, 'utf8'));
  const children = query(db, "SELECT count(*) FROM complaints WHERE regime = 'children'").trim();
  assert.equal(rows.length, Number(children));
  const [user, , changes] = exportEvents().at(-1).split('|');
  assert.equal(user, 'system');
  assert.match(changes, /--regime=children/);
  const bad = redress(['complaint', 'export', '--db', db, '--format', 'pdf', '--out', out]);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /format/);
  const verified = redress(['audit', 'verify', '--db', db]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
});
