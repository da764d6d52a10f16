// The command line's last resort (cli.cpp, Run): an exception that escapes its adapter ends as one
// line on stderr and exit 1, never a crash or an abort. Triggered for real: a database whose
// organisation name is not UTF-8 (written behind the application's back; every way in checks
// text) makes the JSON library throw while the annual report is written as JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { redress, sqlite, tempDir } from './helpers.mjs';

const EXIT_FAILURE = 1;
// Exit codes a crash gives: 128 + SIGABRT (6) or SIGSEGV (11) from a shell, or a null status
// with a signal from spawnSync.
const CRASH_STATUSES = new Set([null, 134, 139]);

let workspace;
let db;

before(() => {
  workspace = tempDir();
  db = join(workspace.dir, 'last-resort.db');
  const init = redress(['init', '--db', db, '--name', 'Test council']);
  assert.equal(init.status, 0, init.stderr);
});

after(() => workspace?.cleanup());

test('an exception from a library ends in one line and exit 1, not a crash', () => {
  const report = [
    'report',
    'annual',
    '--db',
    db,
    '--year',
    '2025',
    '--format',
    'json',
    '--out',
    '-',
  ];
  const healthy = redress(report);
  assert.equal(healthy.status, 0, healthy.stderr);

  sqlite(db, "UPDATE settings SET name = CAST(X'54657374ff20636f756e63696c' AS TEXT)");
  const broken = redress(report);
  assert.ok(!CRASH_STATUSES.has(broken.status), `crashed: ${broken.status} ${broken.stderr}`);
  assert.equal(broken.status, EXIT_FAILURE, broken.stderr);
  assert.match(broken.stderr, /^internal error: .+\n$/);
  assert.equal(broken.stdout, '', 'nothing half-written');
});
