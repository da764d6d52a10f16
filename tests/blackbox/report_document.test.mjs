// The annual report as a reader receives it, for three years of the demo council: every format's
// human text is in words (no machine name such as no_maladministration, no raw float), the PDF's
// text boxes never overlap nor leave the page (geometry from `pdftotext -bbox-layout`), and the PDF
// is tagged: a structure tree with headings, tables with header cells and figures, a title and a
// language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { demoDatabase, redress, tempDir } from './helpers.mjs';
import { CODE_LIKE, RAW_FLOAT, overlapsAndOverflows, pagesOf } from './pdf_checks.mjs';

const TODAY = '2026-11-22';
const YEARS = ['2022', '2023', '2024'];

let workspace;
let db;

before(() => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'demo.db', ['--seed', '1', '--today', TODAY]);
});

after(() => workspace?.cleanup());

function tool(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(result.status, 0, `${command} failed: ${result.stderr}`);
  return result.stdout;
}

function render(year, format) {
  const out = join(workspace.dir, `report-${year}.${format}`);
  const result = redress([
    'report',
    'annual',
    '--db',
    db,
    '--year',
    year,
    '--format',
    format,
    '--out',
    out,
  ]);
  assert.equal(result.status, 0, result.stderr);
  return out;
}

// Text a person reads, checked line by line so that a failure names its line.
function assertWords(text, where) {
  for (const line of text.split('\n')) {
    assert.doesNotMatch(line, CODE_LIKE, `${where}: a machine name in "${line}"`);
    assert.doesNotMatch(line, RAW_FLOAT, `${where}: a raw number in "${line}"`);
  }
}

// The text of an HTML document as a browser shows it: no tags, attributes, style or entities.
function htmlText(html) {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

// RFC 4180 fields of one CSV line (the report's CSV never breaks a line inside a field).
function csvFields(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

// The API path of a figure's complaints is an address, not text: it names the list's filters.
const withoutApiPaths = (text) => text.replace(/\/api\/v1\/\S+/g, '');

for (const year of YEARS) {
  test(`${year}: every format's human text is in words, every number formatted`, () => {
    assertWords(tool('pdftotext', ['-layout', render(year, 'pdf'), '-']), `PDF ${year}`);
    assertWords(htmlText(readFileSync(render(year, 'html'), 'utf8')), `HTML ${year}`);

    // CSV: the header row and every text cell but the machine columns, whose names end in
    // "code"; the values are plain numbers for scripts (rounded to 2 places, as in the JSON).
    const lines = readFileSync(render(year, 'csv'), 'utf8').split('\r\n').filter(Boolean);
    const header = csvFields(lines[0]);
    assertWords(header.join('\n'), `CSV ${year} header`);
    const machine = new Set(header.flatMap((name, i) => (/code$/i.test(name) ? [i] : [])));
    assert.ok(machine.size >= 3, 'the scope, group and figure codes are kept for scripts');
    for (const line of lines.slice(1)) {
      const cells = csvFields(line).filter(
        (cell, i) => !machine.has(i) && !/^-?\d+(\.\d+)?$/.test(cell),
      );
      assertWords(withoutApiPaths(cells.join('\n')), `CSV ${year}`);
    }

    // XLSX: every text cell (the shared strings); numbers are numbers, formatted by the cell.
    const strings = tool('unzip', ['-p', render(year, 'xlsx'), 'xl/sharedStrings.xml']);
    const cells = [...strings.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]);
    assert.ok(cells.length > 50, `${cells.length} strings`);
    assertWords(withoutApiPaths(cells.join('\n')), `XLSX ${year}`);
  });
}

test('no two text boxes of a page overlap and none leaves the page, three years', () => {
  const problems = [];
  for (const year of YEARS) {
    const pdf = render(year, 'pdf');
    const pages = pagesOf(pdf).length;
    assert.ok(pages > 5, `${pages} pages`);
    problems.push(...overlapsAndOverflows(pdf, `${year} `));
  }
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} overlaps`);
});

test('the PDF is tagged: title, language, headings, tables with header cells, figures', () => {
  const pdf = render('2023', 'pdf');
  const info = tool('pdfinfo', [pdf]);
  assert.match(info, /Tagged:\s+yes/);
  assert.match(
    info,
    /Title:\s+Annual Complaint Performance and Service Improvement Report 2023\/24/,
  );
  const structure = tool('pdfinfo', ['-struct', pdf]);
  for (const tag of ['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'Figure']) {
    assert.match(structure, new RegExp(`^\\s*${tag}\\b`, 'm'), `no ${tag} element`);
  }
  const text = tool('pdfinfo', ['-struct-text', pdf]);
  // The sections are headings, and the key figures' table has its header cells.
  assert.match(text, /H2[^\n]*\n\s+"Summary"/);
  assert.match(text, /TH[^\n]*\n\s+"Stage 1 complaints received"/);
  assert.match(text, /TH[^\n]*\n\s+"2023\/24"/);
  // The language and each chart's alternative text (an incremental update: still a valid PDF).
  const bytes = readFileSync(pdf, 'latin1');
  assert.match(bytes, /\/Lang <FEFF0065006E002D00470042>/);
  const alts = bytes.match(/\/Alt <FEFF/g) ?? [];
  assert.ok(alts.length >= 4, `${alts.length} figures with alternative text`);
  tool('pdftoppm', ['-r', '10', '-f', '1', '-l', '2', '-png', pdf, join(workspace.dir, 'page')]);
});
