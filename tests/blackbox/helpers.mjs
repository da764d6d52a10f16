// Shared helpers for the black-box tests: run the real binary, make temporary directories, call
// the API (every JSON answer checked against the OpenAPI document), and set up the council and the
// complaints that several test files need alike.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const bin = process.env.REDRESS_BIN ?? 'build/redress';

// Runs `redress ...args` to completion; returns { status, stdout, stderr }.
export function redress(args, { input = '', env = {} } = {}) {
  const result = spawnSync(bin, args, {
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 300_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// What a database holds, as `redress summary` prints it: { organisation, complaints,
// serviceRequests, users, teams, serviceAreas, auditEvents }. Through the binary, so that the same
// test runs on every engine `--db` accepts.
export function storeSummary(database) {
  const result = redress(['summary', '--db', database]);
  if (result.status !== 0) throw new Error(`redress summary failed: ${result.stderr}`);
  const [organisation, counts = ''] = result.stdout.split('\n');
  const count = (label) => {
    const found = new RegExp(`${label} (\\d+)`).exec(counts);
    if (!found) throw new Error(`redress summary printed no ${label}: ${result.stdout}`);
    return Number(found[1]);
  };
  return {
    organisation,
    complaints: count('complaints'),
    serviceRequests: count('service requests'),
    users: count('users'),
    teams: count('teams'),
    serviceAreas: count('service areas'),
    auditEvents: count('audit events'),
  };
}

// How many audit events the database holds (storeSummary).
export function auditEventCount(database) {
  return storeSummary(database).auditEvents;
}

// Runs the sqlite3 shell on a database and returns its output. For the engine's own facts only
// (WAL, the file's rows as an attacker would change them); what the API or the command line can
// say, they say (auditEventCount, `redress audit verify`).
export function sqlite(database, sql) {
  const result = spawnSync('sqlite3', [database, sql], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`sqlite3 failed: ${result.stderr}`);
  return result.stdout;
}

// Runs a query on a test's database, whichever engine holds it (sqlite3, or psql for a
// postgresql:// URL), and returns its rows as sqlite3 prints them: one line each, columns
// separated by '|'. For what only the database shows (a table the API does not expose).
export function query(database, sql) {
  if (!database.startsWith('postgresql:')) return sqlite(database, sql);
  const result = spawnSync('psql', ['-X', '-q', '-A', '-t', '-F', '|', database, '-c', sql], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  return result.stdout;
}

// A fresh temporary directory, removed by the returned cleanup function.
export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'redress-bb-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// The engine the black-box tests run on: SQLite files by default; PostgreSQL when
// REDRESS_TEST_DB=postgresql, on the test cluster of REDRESS_TEST_POSTGRES_URL (ctest
// `blackbox_on_postgres` runs the tests that use testDatabase so).
export const onPostgres = process.env.REDRESS_TEST_DB === 'postgresql';

// A database of its own on the PostgreSQL cluster at `baseUrl`: a fresh schema, named in the
// URL's search_path, so that tests and runs never see each other's data.
export function freshPostgresDatabase(baseUrl = process.env.REDRESS_TEST_POSTGRES_URL) {
  if (!baseUrl) throw new Error('REDRESS_TEST_POSTGRES_URL is not set');
  const schema = `bb_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const created = spawnSync('psql', ['-X', '-q', baseUrl, '-c', `CREATE SCHEMA ${schema}`], {
    encoding: 'utf8',
  });
  if (created.status !== 0) throw new Error(`psql failed: ${created.stderr}`);
  const separator = baseUrl.includes('?') ? '&' : '?';
  return `${baseUrl}${separator}options=-csearch_path%3D${schema}`;
}

// The serve arguments a database needs for attached files: a database named by URL has no folder
// beside it, so it is given a fresh one; a SQLite file keeps its own.
export function filesFolderFor(db) {
  return db.startsWith('postgresql:')
    ? ['--files', mkdtempSync(join(tmpdir(), 'redress-bb-files-'))]
    : [];
}

// The database a test works on: the file `name` in `dir` on SQLite, a fresh schema on
// PostgreSQL (onPostgres).
export function testDatabase(dir, name) {
  return onPostgres ? freshPostgresDatabase() : join(dir, name);
}

// The demo council (`redress demo --db … ...args`) as a test's database: a SQLite file in `dir`,
// or, on PostgreSQL, that file copied into a fresh schema with `redress migrate` (one transaction,
// where the demo writes one per case).
export function demoDatabase(dir, name, args = []) {
  return demoDatabaseWithOutput(dir, name, args).db;
}

// demoDatabase, with what `redress demo` printed (its staff: "  username  role  team" lines):
// { db, stdout }.
export function demoDatabaseWithOutput(dir, name, args = []) {
  const file = join(dir, name);
  const demo = redress(['demo', '--db', file, ...args]);
  if (demo.status !== 0) throw new Error(`redress demo failed: ${demo.stderr}`);
  if (!onPostgres) return { db: file, stdout: demo.stdout };
  const db = freshPostgresDatabase();
  const migrated = redress(['migrate', '--from', file, '--to', db]);
  if (migrated.status !== 0) throw new Error(`redress migrate failed: ${migrated.stderr}`);
  return { db, stdout: demo.stdout };
}

// Starts `redress serve --db <db> ...extraArgs` on any free port; resolves with { base, process,
// stop } once it answers /readyz. stop() sends SIGTERM to that process (by its pid) and waits.
export async function startServe(db, extraArgs = []) {
  const { spawn } = await import('node:child_process');
  const { once } = await import('node:events');
  const { createInterface } = await import('node:readline');
  const files = extraArgs.includes('--files') ? [] : filesFolderFor(db);
  const child = spawn(bin, ['serve', '--db', db, '--port', '0', ...files, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start')), 30_000);
    child.once('exit', (code) => reject(new Error(`the server exited early with ${code}`)));
    lines.on('line', (line) => {
      const entry = JSON.parse(line);
      if (entry.message === 'listening') {
        clearTimeout(timer);
        resolve(entry.address);
      }
    });
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) break;
    } catch {
      // not accepting yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid, 'SIGTERM');
      await exited;
    }
  };
  return { base, process: child, stop };
}

export const PROBLEM_TYPE = 'application/problem+json';

// The API's one description, the one the binary compiles in, and ajv (JSON Schema 2020-12, the
// dialect of OpenAPI 3.1) from the web app's dev dependencies.
const sourceDir = process.env.REDRESS_SOURCE_DIR ?? new URL('../..', import.meta.url).pathname;
const requireFromWeb = createRequire(join(sourceDir, 'web', 'package.json'));
const openapi = JSON.parse(readFileSync(join(sourceDir, 'src', 'http', 'openapi.json'), 'utf8'));
const OPENAPI_ID = 'urn:redress:openapi';
let ajv = null;
const validators = new Map();

// The document's paths as patterns, literal ones first so /complaints/counts is not read as
// /complaints/{reference}.
const operationPaths = Object.keys(openapi.paths)
  .map((template) => ({
    template,
    parameters: (template.match(/\{/g) ?? []).length,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }))
  .sort((a, b) => a.parameters - b.parameters);

function jsonPointer(segments) {
  return segments
    .map((segment) => String(segment).replaceAll('~', '~0').replaceAll('/', '~1'))
    .join('/');
}

// The validator of the schema at `pointer` (a JSON pointer into the document), compiled once.
function validatorAt(pointer) {
  if (!ajv) {
    const Ajv2020 = requireFromWeb('ajv/dist/2020').default;
    const addFormats = requireFromWeb('ajv-formats').default;
    // strict off: the document holds OpenAPI's own members beside the schemas.
    ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addFormat('binary', true);
    ajv.addSchema({ ...openapi, $id: OPENAPI_ID });
  }
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `${OPENAPI_ID}#${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}

// Checks one answer of the API against the document: the operation of `method` and `path` must
// document `status`, with a schema for its content type that `body` satisfies. Throws naming the
// operation and each offending place in the body. A problem answer on a path the document does not
// have (404, 405) is checked against its Problem schema. Answers that are not JSON are not checked.
export function checkAgainstOpenApi(method, path, status, contentType, body) {
  const mediaType = contentType.split(';')[0].trim();
  if (!mediaType.includes('json') || typeof body !== 'object' || body === null) return;
  const pathname = path.split('?')[0];
  const found = operationPaths.find((candidate) => candidate.pattern.test(pathname));
  const operation = found && openapi.paths[found.template][method.toLowerCase()];
  const where = `${method} ${pathname}`;
  let segments;
  if (operation) {
    const name = `${operation.operationId} (${method} ${found.template})`;
    const codes = [String(status), `${String(status)[0]}XX`, 'default'];
    const code = codes.find((candidate) => candidate in operation.responses);
    if (!code)
      throw new Error(`OpenAPI: ${name} answered ${status}, which the document does not list`);
    segments = ['paths', found.template, method.toLowerCase(), 'responses', code];
    let response = operation.responses[code];
    if (response.$ref) {
      segments = response.$ref.slice(2).split('/');
      response = segments.reduce((node, segment) => node[segment], openapi);
      segments = segments.map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
    }
    if (!response.content?.[mediaType]) {
      throw new Error(
        `OpenAPI: ${name} answered ${status} as ${mediaType}, which the document does not list`,
      );
    }
    segments.push('content', mediaType, 'schema');
    const validate = validatorAt(`/${jsonPointer(segments)}`);
    if (!validate(body)) {
      const errors = validate.errors.map(
        (error) => `  at ${error.instancePath || '/'}: ${error.message} (${error.schemaPath})`,
      );
      throw new Error(
        `OpenAPI: the ${status} answer of ${name} to ${where} does not match its schema:\n${errors.join('\n')}\n${JSON.stringify(body).slice(0, 2000)}`,
      );
    }
    return;
  }
  if (mediaType !== PROBLEM_TYPE)
    throw new Error(
      `OpenAPI: ${where} is no operation of the document, yet answered ${status} with JSON`,
    );
  const validate = validatorAt('/components/schemas/Problem');
  if (!validate(body)) {
    const errors = validate.errors.map(
      (error) => `  at ${error.instancePath || '/'}: ${error.message}`,
    );
    throw new Error(
      `OpenAPI: the ${status} problem answered to ${where} does not match the Problem schema:\n${errors.join('\n')}`,
    );
  }
}

// A client of the API at `base`: call(method, path, { token, body, headers, raw }) resolves with
// { status, headers, body } (body parsed when JSON), and rejects when a JSON answer does not match
// the OpenAPI document (checkAgainstOpenApi).
export function apiClient(base) {
  return async (method, path, { token, body, headers = {}, raw } = {}) => {
    const init = { method, headers: { ...headers } };
    if (token) init.headers.authorization = `Bearer ${token}`;
    if (raw !== undefined) {
      init.body = raw;
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${base}${path}`, init);
    const type = response.headers.get('content-type') ?? '';
    const text = await response.text();
    const parsed = type.includes('json') && text ? JSON.parse(text) : text;
    checkAgainstOpenApi(method, path, response.status, type, parsed);
    return { status: response.status, headers: response.headers, body: parsed };
  };
}

// Asserts that `result` is a problem+json answer with `status`, naming `field` when given.
export function assertProblem(assert, result, status, field) {
  assert.equal(result.status, status, JSON.stringify(result.body));
  assert.equal(result.headers.get('content-type'), PROBLEM_TYPE);
  assert.equal(result.body.status, status);
  assert.ok(result.body.title && result.body.type && result.body.detail);
  if (field) {
    const fields = (result.body.errors ?? []).map((error) => error.field);
    assert.ok(fields.includes(field), `expected ${field} in ${JSON.stringify(result.body)}`);
  }
}

// Creates a user with `role` (and `team`) on the command line and returns a bearer token for it.
export function userWithToken(db, username, role, team) {
  const args = ['user', 'add', '--db', db, '--username', username, '--role', role];
  if (team) args.push('--team', team);
  const added = redress([...args, '--password-stdin'], { input: 'a-long-enough-password\n' });
  if (added.status !== 0) throw new Error(`user add failed: ${added.stderr}`);
  return tokenFor(db, username);
}

// A new bearer token for the existing user `username` (`redress token create`).
export function tokenFor(db, username) {
  const token = redress(['token', 'create', '--db', db, '--username', username]);
  if (token.status !== 0) throw new Error(`token create failed: ${token.stderr}`);
  return token.stdout.trim();
}

// Changes `username` with `redress user update`, one option per member of `options`: { email:
// 'a@example.org', 'reminder-digest': 'off' } gives --email a@example.org --reminder-digest off.
// On the command line, so that a test may do it with no server running.
export function updateUser(db, username, options) {
  const flags = Object.entries(options).flatMap(([name, value]) => [`--${name}`, value]);
  const run = redress(['user', 'update', '--db', db, '--username', username, ...flags]);
  assert.equal(run.status, 0, run.stderr);
}

// The database a test works on (testDatabase), created empty by `redress init`: for the tests that
// set up their own council through the API, where demoDatabase gives a council already set up.
export function emptyDatabase(dir, name) {
  const db = testDatabase(dir, name);
  const init = redress(['init', '--db', db]);
  assert.equal(init.status, 0, init.stderr);
  return db;
}

// Queues the staff reminder digests as at the local time `at` (`redress reminders send --at`, the
// use case the server's schedule runs on the wall clock, so that a test picks the day and hour);
// returns what it printed ("1 digest queued, ...").
export function sendReminders(db, at, extraArgs = []) {
  const run = redress(['reminders', 'send', '--db', db, '--at', at, ...extraArgs]);
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim();
}

// The date `offset` days from today in London, as YYYY-MM-DD: the council's calendar, whatever the
// zone of the machine the tests run on. Counted from noon UTC, which no clock change moves to
// another day.
export function today(offset = 0) {
  const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const day = new Date(`${london}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
}

// A YYYY-MM-DD date as the letters and emails print it: '2026-01-09' is '9 January 2026'. Formatted
// at noon UTC, so that no time zone moves it to another day.
export function longDate(iso) {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));
}

// The date `days` working days after `from`, by the binary's own calendar (`redress calendar
// add-working-days`), so that a test expects the deadlines the server computes.
export function addWorkingDays(from, days) {
  const run = redress(['calendar', 'add-working-days', '--from', from, '--days', String(days)]);
  if (run.status !== 0) throw new Error(`redress calendar failed: ${run.stderr}`);
  return run.stdout.trim();
}

// The latest date before `date` from which `days` working days come no later than `date`: a
// complaint received then has used up `days` working days by `date`, whatever weekends and bank
// holidays lie between. Walks back a day at a time, for 40 days at most.
export function workingDaysBefore(date, days) {
  let candidate = date;
  for (let i = 0; i < 40; i++) {
    const d = new Date(`${candidate}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    candidate = d.toISOString().slice(0, 10);
    if (addWorkingDays(candidate, days) <= date) return candidate;
  }
  return candidate;
}

// A caller of the API (apiClient's `call`) as `token`, for a test's setup: it asserts that each
// answer is a success, naming the request and the answer when it is not, so that a step that went
// wrong fails there rather than in a later test; resolves with the answer's body.
export function checkedCaller(call, token) {
  return async (method, path, body) => {
    const r = await call(method, path, { token, body });
    assert.ok(r.status < 300, `${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
}

// The team, its service area and the category that the tests of correspondence log their
// complaints under; addHousing creates them.
export const HOUSING = { team: 'housing-services', area: 'housing', category: 'repairs' };

// Creates HOUSING's team, service area and category through `admin` (checkedCaller).
export async function addHousing(admin) {
  await admin('PUT', `/api/v1/teams/${HOUSING.team}`, { name: 'Housing Services' });
  await admin('PUT', `/api/v1/service-areas/${HOUSING.area}`, {
    name: 'Housing',
    team: HOUSING.team,
  });
  await admin('PUT', `/api/v1/categories/${HOUSING.category}`, { name: 'Repairs' });
}

// Sets the organisation's settings to `fields` through `admin` (checkedCaller), keeping the
// independent team they had: the PUT replaces every setting, and would clear it.
export async function putSettings(admin, fields) {
  const settings = await admin('GET', '/api/v1/settings');
  await admin('PUT', '/api/v1/settings', {
    ...fields,
    independent_team: settings.independent_team ?? undefined,
  });
}

// The complaint createComplaint logs unless told otherwise: a leaking roof, under HOUSING.
const ROOF_LEAK = {
  regime: 'housing',
  channel: 'email',
  service_area: HOUSING.area,
  category: HOUSING.category,
  summary: 'The roof leaks',
  description: 'Water comes through the bedroom ceiling.',
  desired_outcome: 'The roof repaired',
};

// Logs a complaint as `token`: ROOF_LEAK with `fields` (received_on, complainant, and whatever the
// test needs otherwise) over it. Asserts that it was created; resolves with the complaint.
export async function createComplaint(call, token, fields) {
  const logged = await call('POST', '/api/v1/complaints', {
    token,
    body: { ...ROOF_LEAK, ...fields },
  });
  assert.equal(logged.status, 201, JSON.stringify(logged.body));
  return logged.body;
}

// POSTs the action `action` (respond, escalate, ...) on the complaint `reference` as `token`, with
// the complaint's current ETag in If-Match as the web app sends it: an action without one is
// refused. Resolves with the answer, for the test to check.
export async function complaintAction(call, token, reference, action, body) {
  const current = await call('GET', `/api/v1/complaints/${reference}`, { token });
  assert.equal(current.status, 200, JSON.stringify(current.body));
  return call('POST', `/api/v1/complaints/${reference}/${action}`, {
    token,
    body,
    headers: { 'if-match': current.headers.get('etag') },
  });
}

// Issues a letter on the complaint `reference` as `token` (`letter`: its type, channel, parts,
// ...). Asserts that it was issued; resolves with the letter.
export async function issueLetter(call, token, reference, letter) {
  const issued = await call('POST', `/api/v1/complaints/${reference}/letters`, {
    token,
    body: letter,
  });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  return issued.body;
}

// The fields a problem answer's errors name, sorted, to compare with the fields a test expects
// in one answer.
export function problemFields(result) {
  return (result.body.errors ?? []).map((error) => error.field).sort();
}

// GETs `path` of the server at `base` as `token`, as bytes: for the answers that are not JSON (a
// PDF, a CSV), which apiClient would read as text. Resolves with { status, type, bytes }.
export async function download(base, path, token) {
  const answer = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: answer.status,
    type: answer.headers.get('content-type'),
    bytes: Buffer.from(await answer.arrayBuffer()),
  };
}

// The text of a PDF (pdftotext, poppler-utils): `pdf` is its file, or its bytes as an answer gave
// them, which go to a temporary file first. `options` come before it: '-layout' keeps the columns;
// '-f', '2', '-l', '2' reads page 2 only.
export function pdfText(pdf, ...options) {
  if (Buffer.isBuffer(pdf)) {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'document.pdf');
      writeFileSync(file, pdf);
      return pdfText(file, ...options);
    } finally {
      cleanup();
    }
  }
  const result = spawnSync('pdftotext', [...options, pdf, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
}
