// `redress init`, `user add` and `token create` against the real binary and a real SQLite file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { redress, sqlite, storeSummary, tempDir } from './helpers.mjs';

test('init creates a database and is idempotent', () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = join(dir, 'council.db');
    const first = redress(['init', '--db', db, '--name', 'Borsetshire County Council']);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(sqlite(db, 'PRAGMA journal_mode;').trim(), 'wal');
    const versions = sqlite(db, 'SELECT count(*) FROM schema_migrations;').trim();
    assert.ok(Number(versions) >= 1);
    const again = redress(['init', '--db', db]);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(sqlite(db, 'SELECT count(*) FROM schema_migrations;').trim(), versions);
    assert.equal(storeSummary(db).organisation, 'Borsetshire County Council');
  } finally {
    cleanup();
  }
});

test('user add hashes the password with argon2id; duplicates and bad input are refused', () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = join(dir, 'council.db');
    assert.equal(redress(['init', '--db', db]).status, 0);
    const added = redress(
      [
        'user',
        'add',
        '--db',
        db,
        '--username',
        'jo.bloggs',
        '--role',
        'complaints_officer',
        '--password-stdin',
      ],
      { input: 'a long enough password\n' },
    );
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /jo\.bloggs/);
    const hash = sqlite(db, "SELECT password_hash FROM users WHERE username='jo.bloggs';").trim();
    assert.match(hash, /^\$argon2id\$/);
    assert.ok(!hash.includes('a long enough password'));

    const duplicate = redress(
      [
        'user',
        'add',
        '--db',
        db,
        '--username',
        'jo.bloggs',
        '--role',
        'viewer',
        '--password-stdin',
      ],
      { input: 'another long password\n' },
    );
    assert.equal(duplicate.status, 5, duplicate.stderr);

    const badRole = redress(
      ['user', 'add', '--db', db, '--username', 'sam', '--role', 'boss', '--password-stdin'],
      { input: 'a long enough password\n' },
    );
    assert.equal(badRole.status, 2);
    assert.match(badRole.stderr, /role/);

    const shortPassword = redress(
      ['user', 'add', '--db', db, '--username', 'sam', '--role', 'viewer', '--password-stdin'],
      { input: 'short\n' },
    );
    assert.equal(shortPassword.status, 2);
    assert.match(shortPassword.stderr, /password/);

    const unknownTeam = redress(
      [
        'user',
        'add',
        '--db',
        db,
        '--username',
        'sam',
        '--role',
        'viewer',
        '--team',
        'nowhere',
        '--password-stdin',
      ],
      { input: 'a long enough password\n' },
    );
    assert.equal(unknownTeam.status, 2);
    assert.match(unknownTeam.stderr, /team/);

    assert.equal(storeSummary(db).users, 1);
  } finally {
    cleanup();
  }
});

test('token create prints a token that is stored only as a hash', () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = join(dir, 'council.db');
    assert.equal(redress(['init', '--db', db]).status, 0);
    assert.equal(
      redress(
        [
          'user',
          'add',
          '--db',
          db,
          '--username',
          'crm',
          '--role',
          'complaints_officer',
          '--password-stdin',
        ],
        { input: 'integration password\n' },
      ).status,
      0,
    );
    const created = redress(['token', 'create', '--db', db, '--username', 'crm']);
    assert.equal(created.status, 0, created.stderr);
    const token = created.stdout.trim();
    assert.match(token, /^rdt_[0-9a-f]{64}$/);
    const stored = sqlite(db, 'SELECT token_hash FROM api_tokens;').trim();
    assert.match(stored, /^[0-9a-f]{64}$/);
    assert.notEqual(stored, token.slice(4));
    const second = redress(['token', 'create', '--db', db, '--username', 'crm']);
    assert.notEqual(second.stdout.trim(), token);

    const unknown = redress(['token', 'create', '--db', db, '--username', 'nobody']);
    assert.notEqual(unknown.status, 0);
    assert.match(unknown.stderr, /nobody/);
  } finally {
    cleanup();
  }
});

test('a database from a newer version is refused, not damaged', () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = join(dir, 'council.db');
    assert.equal(redress(['init', '--db', db]).status, 0);
    sqlite(
      db,
      "INSERT INTO schema_migrations(version, name, applied_at) VALUES (9999, 'future', '2030-01-01T00:00:00Z');",
    );
    const result = redress(['init', '--db', db]);
    assert.equal(result.status, 7);
    assert.match(result.stderr, /newer/);
  } finally {
    cleanup();
  }
});

test('unknown commands and missing options exit 2 with usage help', () => {
  assert.equal(redress(['frobnicate']).status, 2);
  const missing = redress(['user', 'add', '--username', 'x']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--db|--role/);
  const help = redress(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /calendar/);
});
