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
