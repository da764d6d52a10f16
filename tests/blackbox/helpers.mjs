// Shared helpers for the black-box tests: run the real binary, make temporary directories, call
// the API (every JSON answer checked against the OpenAPI document).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  const token = redress(['token', 'create', '--db', db, '--username', username]);
  if (token.status !== 0) throw new Error(`token create failed: ${token.stderr}`);
  return token.stdout.trim();
}
