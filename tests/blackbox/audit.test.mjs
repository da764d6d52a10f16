// `redress audit verify`: an intact audit trail exits 0; a record altered or removed behind the
// program's back is named and exits 8.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { redress, sqlite, tempDir } from './helpers.mjs';

const kIntegrity = 8;
const kNotFound = 3;

// A small demo council, its write-ahead log folded into the file so that copies are complete.
function buildDemo(dir) {
  const db = join(dir, 'demo.db');
  const demo = redress(['demo', '--db', db, '--seed', '2', '--today', '2022-06-30']);
  assert.equal(demo.status, 0, demo.stderr);
  sqlite(db, 'PRAGMA wal_checkpoint(TRUNCATE);');
  return db;
}

function copyOf(db, name) {
  const copy = join(db, '..', name);
  copyFileSync(db, copy);
  return copy;
}

function verify(db) {
  return redress(['audit', 'verify', '--db', db]);
}

test('audit verify names the first record altered or removed', () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = buildDemo(dir);
    const records = Number(sqlite(db, 'SELECT count(*) FROM events;'));
    assert.ok(records > 100, `only ${records} events`);

    const intact = verify(db);
    assert.equal(intact.status, 0, intact.stderr);
    assert.equal(intact.stdout, `audit trail intact: ${records} records\n`);

    const middle = Math.floor(records / 2);
    const altered = copyOf(db, 'altered.db');
    sqlite(altered, `UPDATE events SET summary = 'Nothing happened' WHERE sequence = ${middle};`);
    const alteredResult = verify(altered);
    assert.equal(alteredResult.status, kIntegrity, alteredResult.stderr);
    assert.equal(alteredResult.stdout, `audit trail broken: record ${middle} was altered\n`);

    // A rewritten hash is as much an alteration as rewritten content.
    const rehashed = copyOf(db, 'rehashed.db');
    sqlite(rehashed, `UPDATE events SET hash = prev_hash WHERE sequence = ${middle};`);
    const rehashedResult = verify(rehashed);
    assert.equal(rehashedResult.status, kIntegrity, rehashedResult.stderr);
    assert.equal(rehashedResult.stdout, `audit trail broken: record ${middle} was altered\n`);

    const removed = copyOf(db, 'removed.db');
    sqlite(removed, `DELETE FROM events WHERE sequence = ${middle + 1};`);
    const removedResult = verify(removed);
    assert.equal(removedResult.status, kIntegrity, removedResult.stderr);
    assert.equal(removedResult.stdout, `audit trail broken: record ${middle + 1} was removed\n`);

    const truncated = copyOf(db, 'truncated.db');
    sqlite(truncated, `DELETE FROM events WHERE sequence = ${records};`);
    const truncatedResult = verify(truncated);
    assert.equal(truncatedResult.status, kIntegrity, truncatedResult.stderr);
    assert.match(truncatedResult.stdout, new RegExp(`record ${records} was removed`));

    // Verifying changes nothing: the original still verifies.
    assert.equal(verify(db).status, 0);
  } finally {
    cleanup();
  }
});

test('audit verify refuses a database that does not exist rather than creating one', () => {
  const { dir, cleanup } = tempDir();
  try {
    const result = verify(join(dir, 'missing.db'));
    assert.equal(result.status, kNotFound, result.stdout);
    assert.match(result.stderr, /missing\.db/);
  } finally {
    cleanup();
  }
});
