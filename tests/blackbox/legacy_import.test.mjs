// The import from a legacy system (issue 20; docs/legacy-import.md), through the real binary on the
// demo council: the worked example of docs/examples (the seed council's Meritec export) with
// deliberate errors reported by row and column on a dry run and on a real run, nothing written
// either time; then a clean dry run (nothing written), the import, and the same file again
// (nothing imported twice). The imported cases keep their original dates, so that a past year's
// annual report counts them in that year, and the audit trail still verifies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  apiClient,
  demoDatabase,
  query,
  redress,
  startServe,
  tempDir,
  userWithToken,
} from './helpers.mjs';

const source = process.env.REDRESS_SOURCE_DIR;
const MAPPING = join(source, 'docs/examples/meritec-mapping.toml');
const SAMPLE = join(source, 'docs/examples/meritec-sample.csv');

let workspace;
let db;

// What the database holds, counted on either engine.
const summary = (database) => ({
  complaints: Number(query(database, 'SELECT count(*) FROM complaints').trim()),
});

before(() => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'import.db', ['--seed', '3', '--today', '2023-06-30']);
});

after(() => workspace?.cleanup());

function importFile(file, extra = []) {
  return redress([
    'import',
    'complaints',
    '--db',
    db,
    '--mapping',
    MAPPING,
    '--file',
    file,
    ...extra,
  ]);
}

function figure(report, kind, code, key) {
  const scope = report.scopes.find((s) => s.kind === kind && s.code === code);
  assert.ok(scope, `no scope ${kind}/${code}`);
  const found = scope.groups.find((g) => g.key === 'volumes')?.figures.find((f) => f.key === key);
  assert.ok(found, `no figure ${key} in ${kind}/${code}`);
  return found.current;
}

function annualReport(year) {
  const result = redress(['report', 'annual', '--db', db, '--year', String(year), '--out', '-']);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

test('a file with problems: each by row and column, on a dry run and a real run, nothing written', () => {
  const lines = readFileSync(SAMPLE, 'utf8').split('\n');
  // Rows are records, as a spreadsheet shows them: the second record spans lines 3 and 4 (a
  // description with a line break), so line 5 is row 4 and line 6 row 5. Row 2: an impossible
  // date and an unknown service code; row 4: an outcome Meritec's codes do not have; row 5: the
  // reference of row 2 given again instead of MER/2023/0001.
  const broken = lines
    .map((line, index) => {
      if (index === 1) return line.replace('04/05/2022', '31/02/2022').replace(',HSG,', ',HXX,');
      if (index === 4) return line.replace('Not Upheld', 'Maybe');
      if (index === 5) return line.replace('MER/2023/0001', 'MER/2022/0101');
      return line;
    })
    .join('\n');
  const file = join(workspace.dir, 'broken.csv');
  writeFileSync(file, broken);
  const before = summary(db).complaints;
  for (const extra of [['--dry-run'], []]) {
    const result = importFile(file, extra);
    assert.notEqual(result.status, 0, `${extra}: ${result.stdout}`);
    for (const expected of [
      'row 2, column "Date Received": "31/02/2022" is not a date in the form DD/MM/YYYY',
      'row 2, column "Service": the mapping has no service area for the code "HXX"',
      'row 4, column "Stage 1 Outcome": the mapping has no outcome for the code "Maybe"',
      'row 5, column "Case Ref": the legacy reference "MER/2022/0101" is given twice in the file',
    ]) {
      assert.ok(
        result.stdout.includes(expected),
        `${extra}: missing ${expected} in\n${result.stdout}`,
      );
    }
    assert.match(result.stdout, / 4 problems\n/);
    assert.match(result.stderr, /4 problems in the file; nothing was imported/);
    assert.equal(summary(db).complaints, before);
  }
  assert.equal(query(db, 'SELECT count(*) FROM legacy_references').trim(), '0');
});

test('a clean file: the dry run writes nothing, the run imports it whole, the rerun nothing', () => {
  const before = summary(db).complaints;
  const reportBefore = annualReport(2022);
  const dry = importFile(SAMPLE, ['--dry-run']);
  assert.equal(dry.status, 0, dry.stdout + dry.stderr);
  assert.match(
    dry.stdout,
    /6 rows; 6 would be imported, 0 imported before \(skipped\), 0 problems/,
  );
  assert.equal(summary(db).complaints, before);

  const run = importFile(SAMPLE);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /6 rows; 6 imported, 0 imported before \(skipped\), 0 problems/);
  assert.equal(summary(db).complaints, before + 6);
  const mapped = query(
    db,
    "SELECT complaint_reference FROM legacy_references WHERE system = 'meritec' AND legacy_reference = 'MER/2022/0102'",
  ).trim();
  assert.match(mapped, /^CMP-2022-\d{6}$/);
  // Its history on Meritec's dates, then the import on today's.
  const events = query(
    db,
    `SELECT type || '@' || occurred_on FROM events WHERE entity_type = 'complaint' AND entity_ref = '${mapped}' ORDER BY sequence`,
  )
    .trim()
    .split('\n');
  assert.deepEqual(events.slice(0, -1), [
    'logged@2022-06-09',
    'acknowledged@2022-06-10',
    'responded@2022-06-30',
    'escalated@2022-07-05',
    'acknowledged@2022-07-06',
    'responded@2022-07-25',
  ]);
  assert.match(events.at(-1), /^imported@\d{4}-\d{2}-\d{2}$/);
  const status = query(db, `SELECT status FROM complaints WHERE reference = '${mapped}'`).trim();
  assert.equal(status, 'closed');

  const again = importFile(SAMPLE);
  assert.equal(again.status, 0, again.stdout + again.stderr);
  assert.match(again.stdout, /6 rows; 0 imported, 6 imported before \(skipped\), 0 problems/);
  assert.equal(summary(db).complaints, before + 6);

  // 2022/23 counts the five cases Meritec received between April 2022 and March 2023 (three
  // housing, two corporate), and the one escalation.
  const reportAfter = annualReport(2022);
  for (const [kind, code, key, more] of [
    ['organisation', 'all', 'stage_1_received', 5],
    ['regime', 'housing', 'stage_1_received', 3],
    ['regime', 'corporate', 'stage_1_received', 2],
    ['regime', 'housing', 'stage_2_received', 1],
  ]) {
    assert.equal(
      figure(reportAfter, kind, code, key),
      figure(reportBefore, kind, code, key) + more,
      `${kind}/${code} ${key}`,
    );
  }

  const verify = redress(['audit', 'verify', '--db', db]);
  assert.equal(verify.status, 0, verify.stdout + verify.stderr);
});

test('a mapping that is not one: every problem named, nothing read', () => {
  const mapping = join(workspace.dir, 'bad.toml');
  writeFileSync(mapping, 'regime = "council"\n[columns]\nreference = "Case Ref"\n');
  const result = redress([
    'import',
    'complaints',
    '--db',
    db,
    '--mapping',
    mapping,
    '--file',
    SAMPLE,
    '--dry-run',
  ]);
  assert.notEqual(result.status, 0);
  for (const field of ['system', 'regime', 'columns.received_on', 'columns.summary']) {
    assert.ok(result.stderr.includes(field), `${field} not named in ${result.stderr}`);
  }
});

test('through the API: a dry run answers the report, a bad mapping a 422 naming its keys', async () => {
  const token = userWithToken(db, 'import.admin', 'admin');
  const server = await startServe(db);
  try {
    const call = apiClient(server.base);
    const mapping = readFileSync(MAPPING, 'utf8');
    const csv = readFileSync(SAMPLE, 'utf8').replace('04/05/2022', '31/02/2022');
    const dry = await call('POST', '/api/v1/imports/complaints', {
      token,
      body: { mapping, csv: csv.replaceAll('MER/', 'NEW/'), file_name: 'x.csv', dry_run: true },
    });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.equal(dry.body.dry_run, true);
    assert.equal(dry.body.rows, 6);
    assert.equal(dry.body.imported, 5);
    assert.deepEqual(dry.body.problems, [
      {
        row: 2,
        column: 'Date Received',
        message: '"31/02/2022" is not a date in the form DD/MM/YYYY',
      },
    ]);
    // Run again for real with the file already imported: nothing twice.
    const again = await call('POST', '/api/v1/imports/complaints', {
      token,
      body: { mapping, csv: readFileSync(SAMPLE, 'utf8') },
    });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.imported, 0);
    assert.equal(again.body.already_imported, 6);
    const bad = await call('POST', '/api/v1/imports/complaints', {
      token,
      body: { mapping: 'regime = "council"\n', csv },
    });
    assert.equal(bad.status, 422);
    const fields = bad.body.errors.map((e) => e.field);
    for (const field of ['system', 'regime', 'columns']) assert.ok(fields.includes(field), fields);
  } finally {
    await server.stop();
  }
});

// The sample as an XLSX workbook, written by Python's standard library the way spreadsheets store
// such an export: text as inline strings, each date (with or without its time) as an Excel serial
// number in a date format. A cell left empty is left out.
const TO_XLSX = String.raw`
import csv, datetime, re, sys, zipfile
from xml.sax.saxutils import escape
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
def col(i):
    name = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name
def cell(ref, text):
    m = re.fullmatch(r'(\d\d)/(\d\d)/(\d{4})(?: (\d\d):(\d\d))?', text)
    if m:
        d, mo, y, h, mi = m.groups()
        days = (datetime.date(int(y), int(mo), int(d)) - datetime.date(1899, 12, 30)).days
        serial = days + (int(h) * 60 + int(mi)) / 1440 if h else days
        return '<c r="%s" s="1"><v>%s</v></c>' % (ref, serial)
    return '<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, escape(text))
sheet = ['<row r="%d">%s</row>' % (n + 1, ''.join(cell(col(i) + str(n + 1), v)
         for i, v in enumerate(row) if v != '')) for n, row in enumerate(rows)]
ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % rel)
    z.writestr('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>' % (ns, rel))
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="%s/styles" Target="styles.xml"/><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' % (rel, rel))
    z.writestr('xl/styles.xml', '<?xml version="1.0"?><styleSheet xmlns="%s"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>' % ns)
    z.writestr('xl/worksheets/sheet1.xml', '<?xml version="1.0"?><worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (ns, ''.join(sheet)))
`;

test('the same export as CSV and as XLSX gives the same cases', async () => {
  const { spawnSync } = await import('node:child_process');
  const xlsx = join(workspace.dir, 'meritec-sample.xlsx');
  const made = spawnSync('python3', ['-c', TO_XLSX, SAMPLE, xlsx], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  // The imported cases, read the same way from either database: by their legacy reference, their
  // fields, their stages with their dates, and their events.
  const casesOf = (database) =>
    query(
      database,
      `SELECT l.legacy_reference, c.received_on, c.status, c.summary, c.description,
              c.closed_on, c.regime, c.category,
              (SELECT count(*) FROM complaint_stages s WHERE s.complaint_id = c.id),
              (SELECT min(s.started_on) FROM complaint_stages s WHERE s.complaint_id = c.id),
              (SELECT max(s.started_on) FROM complaint_stages s WHERE s.complaint_id = c.id),
              (SELECT count(*) FROM events e WHERE e.entity_ref = c.reference)
         FROM complaints c JOIN legacy_references l ON l.complaint_reference = c.reference
        ORDER BY l.legacy_reference`,
    );
  const fromCsv = demoDatabase(workspace.dir, 'from-csv.db', [
    '--seed',
    '3',
    '--today',
    '2023-06-30',
  ]);
  const fromXlsx = demoDatabase(workspace.dir, 'from-xlsx.db', [
    '--seed',
    '3',
    '--today',
    '2023-06-30',
  ]);
  for (const [database, file] of [
    [fromCsv, SAMPLE],
    [fromXlsx, xlsx],
  ]) {
    const run = redress([
      'import',
      'complaints',
      '--db',
      database,
      '--mapping',
      MAPPING,
      '--file',
      file,
    ]);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /6 rows; 6 imported/);
  }
  const imported = casesOf(fromCsv);
  assert.equal(imported.trim().split('\n').length >= 6, true, imported);
  assert.equal(casesOf(fromXlsx), imported, 'the XLSX gives the same cases');
  // A workbook that is not one is a problem of the file, by row 1, nothing written.
  const broken = join(workspace.dir, 'broken.xlsx');
  writeFileSync(broken, readFileSync(xlsx).subarray(0, 200));
  const refused = redress([
    'import',
    'complaints',
    '--db',
    fromXlsx,
    '--mapping',
    MAPPING,
    '--file',
    broken,
  ]);
  assert.notEqual(refused.status, 0);
  assert.match(refused.stdout + refused.stderr, /XLSX/);
  assert.equal(casesOf(fromXlsx), imported, 'nothing written');

  // Through the API: the workbook's bytes in base64; csv and xlsx together, or bad base64, refused.
  const token = userWithToken(fromXlsx, 'import.admin', 'admin');
  const server = await startServe(fromXlsx);
  try {
    const call = apiClient(server.base);
    const mapping = readFileSync(MAPPING, 'utf8');
    const workbook = readFileSync(xlsx).toString('base64');
    const again = await call('POST', '/api/v1/imports/complaints', {
      token,
      body: { mapping, xlsx: workbook, file_name: 'meritec-sample.xlsx', dry_run: true },
    });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.rows, 6);
    assert.equal(again.body.already_imported, 6);
    assert.deepEqual(again.body.problems, []);
    const both = await call('POST', '/api/v1/imports/complaints', {
      token,
      body: { mapping, xlsx: workbook, csv: 'x' },
    });
    assert.equal(both.status, 422, JSON.stringify(both.body));
    assert.deepEqual(
      both.body.errors.map((e) => e.field),
      ['xlsx'],
    );
    const garbled = await call('POST', '/api/v1/imports/complaints', {
      token,
      body: { mapping, xlsx: '!!not base64!!' },
    });
    assert.equal(garbled.status, 422, JSON.stringify(garbled.body));
    assert.deepEqual(
      garbled.body.errors.map((e) => `${e.field}:${e.code}`),
      ['xlsx:invalid_format'],
    );
  } finally {
    await server.stop();
  }
  assert.equal(casesOf(fromXlsx), imported, 'nothing written by the API');
});
