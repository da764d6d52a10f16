// `redress demo` and `redress summary`: the demo council is realistic, matches the seed council's
// Housing figures and is deterministic for a seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { redress, sqlite, tempDir } from './helpers.mjs';

const today = '2026-11-20';

// A SHA3 hash of every table's content except password hashes (argon2id salts are random by
// design) and the events' content salts with what is computed from them (each event's content is
// chained through a digest keyed by a random salt of its own, docs/audit-trail.md: the digest, and
// so the chain's hashes, differ from one run to the next), with the number of audit events as a
// sanity check that there is content.
function contents(db) {
  const copy = `${db}.copy`;
  copyFileSync(db, copy);
  sqlite(copy, "UPDATE users SET password_hash = '';");
  sqlite(
    copy,
    "UPDATE events SET content_salt = NULL, content_digest = '', prev_hash = '', hash = '';",
  );
  return {
    hash: sqlite(copy, '.sha3sum').trim(),
    events: Number(sqlite(copy, 'SELECT count(*) FROM events;')),
  };
}

test('demo builds the seed council and summary shows its Housing figures', () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = join(dir, 'demo.db');
    const demo = redress(['demo', '--db', db, '--seed', '1', '--today', today]);
    assert.equal(demo.status, 0, demo.stderr);
    assert.match(demo.stdout, /Redress Demo Borough Council/);
    for (const role of ['admin', 'complaints_officer', 'case_handler', 'manager', 'viewer']) {
      assert.match(demo.stdout, new RegExp(role));
    }
    const summary = redress(['summary', '--db', db]);
    assert.equal(summary.status, 0, summary.stderr);
    assert.match(summary.stdout, /2022\/23 housing\s+371\s+21\s+0/);
    assert.match(summary.stdout, /2023\/24 housing\s+284\s+39\s+0/);
    assert.match(summary.stdout, /2024\/25 children\s+\d+\s+\d+\s+\d+/);

    // No response without a root cause.
    const missing = sqlite(
      db,
      `SELECT count(*) FROM complaint_stages s
      WHERE s.responded_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stage_root_causes r
      WHERE r.complaint_id = s.complaint_id AND r.stage = s.number);`,
    ).trim();
    assert.equal(missing, '0');
    const again = redress(['demo', '--db', db, '--seed', '1', '--today', today]);
    assert.equal(again.status, 5, 'a second demo into the same database is a conflict');
  } finally {
    cleanup();
  }
});

test('the same seed gives the same council; another seed a different one', () => {
  const { dir, cleanup } = tempDir();
  try {
    const paths = ['a.db', 'b.db', 'c.db'].map((name) => join(dir, name));
    const seeds = ['7', '7', '8'];
    paths.forEach((db, i) => {
      const result = redress(['demo', '--db', db, '--seed', seeds[i], '--today', '2023-06-30']);
      assert.equal(result.status, 0, result.stderr);
    });
    const [a, b, c] = paths.map(contents);
    assert.ok(a.events > 10_000, `only ${a.events} events`);
    assert.equal(a.hash, b.hash, 'same seed, same database');
    assert.notEqual(a.hash, c.hash, 'another seed, another database');
  } finally {
    cleanup();
  }
});
