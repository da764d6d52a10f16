// Shared helpers for the black-box tests: run the real binary, make temporary directories.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

// Runs the sqlite3 shell on a database and returns its output.
export function sqlite(database, sql) {
  const result = spawnSync('sqlite3', [database, sql], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`sqlite3 failed: ${result.stderr}`);
  return result.stdout;
}

// A fresh temporary directory, removed by the returned cleanup function.
export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'redress-bb-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// Starts `redress serve --db <db> ...extraArgs` on any free port; resolves with { base, process,
// stop } once it answers /readyz. stop() sends SIGTERM to that process (by its pid) and waits.
export async function startServe(db, extraArgs = []) {
  const { spawn } = await import('node:child_process');
  const { once } = await import('node:events');
  const { createInterface } = await import('node:readline');
  const child = spawn(bin, ['serve', '--db', db, '--port', '0', ...extraArgs], {
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

// A client of the API at `base`: call(method, path, { token, body, headers, raw }) resolves with
// { status, headers, body } (body parsed when JSON).
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
