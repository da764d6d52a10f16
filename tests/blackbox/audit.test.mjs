// `redress audit verify`: an intact audit trail exits 0; a record altered or removed behind the
// program's back is named and exits 8 — in the middle of the chain by the chain itself, and at its
// end, wholesale, or with the whole chain recomputed by the signed checkpoints kept beside the
// database (docs/audit-trail.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { apiClient, redress, sqlite, startServe, tempDir, userWithToken } from './helpers.mjs';

const kIntegrity = 8;
const kNotFound = 3;
const kAnchorFiles = ['.audit-key', '.audit-key.pub', '.audit-checkpoints'];

// A small demo council, its write-ahead log folded into the file so that copies are complete.
function buildDemo(dir) {
  const db = join(dir, 'demo.db');
  const demo = redress(['demo', '--db', db, '--seed', '2', '--today', '2022-06-30']);
  assert.equal(demo.status, 0, demo.stderr);
  sqlite(db, 'PRAGMA wal_checkpoint(TRUNCATE);');
  return db;
}

// A copy of the database with its key and checkpoints, as an auditor copies the folder.
function copyOf(db, name) {
  const copy = join(db, '..', name);
  copyFileSync(db, copy);
  for (const suffix of kAnchorFiles) {
    if (existsSync(db + suffix)) copyFileSync(db + suffix, copy + suffix);
  }
  return copy;
}

function verify(db, extra = []) {
  return redress(['audit', 'verify', '--db', db, ...extra]);
}

function assertBroken(result, pattern) {
  assert.equal(result.status, kIntegrity, result.stdout + result.stderr);
  assert.match(result.stdout, pattern);
}

function rows(db, sql) {
  const result = spawnSync('sqlite3', ['-json', db, sql], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`sqlite3 failed: ${result.stderr}`);
  return result.stdout.trim() ? JSON.parse(result.stdout) : [];
}

// Each field as its UTF-8 byte length, ':', and its bytes (storage/common/audit_chain.hpp).
function lengthPrefixed(values) {
  return values
    .map((value) => {
      const bytes = Buffer.from(String(value), 'utf8');
      return `${bytes.length}:${bytes.toString('utf8')}`;
    })
    .join('');
}

// The chain's unkeyed hash, written here from its description (storage/common/audit_chain.hpp)
// as someone who can write the file would: the SHA-256 of each field as length:bytes. A version 2
// record (every record since migration 31) hashes "v2" first and its content's digest in place of
// its summary and changes.
function chainHash(row) {
  const before = ['prev_hash', 'sequence', 'entity_type', 'entity_ref', 'type', 'occurred_on'];
  const fields = [...before, 'stage', 'actor'].map((field) => row[field]);
  const canonical =
    row.chain_version === 2
      ? lengthPrefixed(['v2', ...fields, row.content_digest, row.recorded_at])
      : lengthPrefixed([...fields, row.summary, row.changes, row.recorded_at]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

// Alters record `sequence` and recomputes the hash of it and of every record after it, so that
// the chain in the database is consistent again; a version 2 record's content is sealed anew with
// a salt of the forger's.
function alterAndRechain(db, sequence) {
  const all = rows(db, `SELECT * FROM events WHERE sequence >= ${sequence - 1} ORDER BY sequence;`);
  let previous = all[0].sequence < sequence ? all.shift().hash : '';
  all[0].summary = 'Nothing of note happened';
  if (all[0].chain_version === 2) {
    const salt = randomBytes(32);
    all[0].content_salt = salt.toString('hex');
    all[0].content_digest = createHmac('sha256', salt)
      .update(lengthPrefixed([all[0].summary, all[0].changes]), 'utf8')
      .digest('hex');
  }
  const updates = ['BEGIN;'];
  for (const row of all) {
    row.prev_hash = previous;
    row.hash = chainHash(row);
    previous = row.hash;
    const summary = row.summary.replaceAll("'", "''");
    const sealed =
      row.chain_version === 2
        ? `content_salt = '${row.content_salt}', content_digest = '${row.content_digest}', `
        : '';
    updates.push(
      `UPDATE events SET summary = '${summary}', ${sealed}prev_hash = '${row.prev_hash}', ` +
        `hash = '${row.hash}' WHERE sequence = ${row.sequence};`,
    );
  }
  updates.push('COMMIT;');
  const sqlFile = `${db}.rechain.sql`;
  writeFileSync(sqlFile, updates.join('\n'));
  const result = spawnSync('sqlite3', [db, `.read ${sqlFile}`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`sqlite3 failed: ${result.stderr}`);
}

test('audit verify names the first record altered or removed', () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = buildDemo(dir);
    const records = Number(sqlite(db, 'SELECT count(*) FROM events;'));
    assert.ok(records > 100, `only ${records} events`);

    const intact = verify(db);
    assert.equal(intact.status, 0, intact.stderr);
    assert.equal(intact.stdout.split('\n')[0], `audit trail intact: ${records} records`);

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

    // Without its checkpoints, the database alone still shows its last record removed.
    const truncated = join(dir, 'truncated.db');
    copyFileSync(db, truncated);
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

test('the checkpoints name what the chain alone cannot show', () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = buildDemo(dir);
    const records = Number(sqlite(db, 'SELECT count(*) FROM events;'));
    const checkpoints = readFileSync(`${db}.audit-checkpoints`, 'utf8').trim().split('\n');
    const latest = JSON.parse(checkpoints.at(-1));
    assert.equal(latest.sequence, records, 'the demo checkpointed its last record on exit');
    assert.equal(statSync(`${db}.audit-key`).mode & 0o777, 0o600);

    const intact = verify(db);
    assert.equal(intact.status, 0, intact.stdout + intact.stderr);
    assert.match(intact.stdout, new RegExp(`anchors record ${records}\n`));
    assert.doesNotMatch(intact.stdout, /warning|not yet anchored/);

    // The last records removed, and AUTOINCREMENT's counter put back so no gap shows.
    const kept = records - 5;
    const truncated = copyOf(db, 'truncated.db');
    sqlite(
      truncated,
      `DELETE FROM events WHERE sequence > ${kept};
      UPDATE sqlite_sequence SET seq = ${kept} WHERE name = 'events';`,
    );
    assertBroken(
      verify(truncated),
      new RegExp(
        `^audit trail broken: the last 5 records, after record ${kept}, were removed: ` +
          `the checkpoint of .* anchors record ${records}\n$`,
      ),
    );

    // Every record removed, counter and all.
    const emptied = copyOf(db, 'emptied.db');
    sqlite(emptied, "DELETE FROM events; DELETE FROM sqlite_sequence WHERE name = 'events';");
    assertBroken(
      verify(emptied),
      new RegExp(
        `^audit trail broken: every record was removed: the checkpoint of .* anchors ${records} ` +
          'records, the database has none\n$',
      ),
    );

    // A record altered and the whole chain after it recomputed with the unkeyed hash: the
    // database is consistent in itself, but no longer what was signed.
    const middle = Math.floor(records / 2);
    const rechained = copyOf(db, 'rechained.db');
    alterAndRechain(rechained, middle);
    assertBroken(
      verify(rechained),
      new RegExp(
        `^audit trail broken: record ${records} differs from the checkpointed chain of .*: ` +
          `a record from \\d+ to ${records} was altered and the chain recomputed\n$`,
      ),
    );
    // The recomputation itself is right: without the checkpoints, the chain verifies.
    const rechainedAlone = join(dir, 'rechained-alone.db');
    copyFileSync(rechained, rechainedAlone);
    const alone = verify(rechainedAlone);
    assert.equal(alone.status, 0, alone.stdout);
    assert.match(alone.stdout, /warning: no audit key or checkpoints/);

    // A checkpoint forged without the key: a later head, and an existing line changed.
    const forged = copyOf(db, 'forged.db');
    appendFileSync(
      `${forged}.audit-checkpoints`,
      JSON.stringify({
        sequence: records + 10,
        head: 'ab'.repeat(32),
        count: records + 10,
        at: latest.at,
        signature: randomBytes(64).toString('hex'),
      }) + '\n',
    );
    assertBroken(
      verify(forged),
      new RegExp(
        `^audit trail broken: the checkpoint on line ${checkpoints.length + 1} of .*forged\\.db` +
          '\\.audit-checkpoints is forged: its signature does not verify with the audit key\n$',
      ),
    );
    const edited = copyOf(db, 'edited.db');
    const lowered = { ...latest, count: latest.count - 5, sequence: latest.sequence - 5 };
    writeFileSync(
      `${edited}.audit-checkpoints`,
      [...checkpoints.slice(0, -1), JSON.stringify(lowered)].join('\n') + '\n',
    );
    assertBroken(verify(edited), /is forged/);

    // The checkpoints removed while the key remains.
    const unanchored = copyOf(db, 'unanchored.db');
    writeFileSync(`${unanchored}.audit-checkpoints`, '');
    assertBroken(verify(unanchored), /checkpoints at .* were removed/);
  } finally {
    cleanup();
  }
});

test('an auditor verifies with the public key alone, wherever the files are', () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = buildDemo(dir);
    const records = Number(sqlite(db, 'SELECT count(*) FROM events;'));
    // The secret key stays with the council; the auditor gets the database, the public key and
    // the checkpoints, in a folder of their own naming.
    const copy = join(dir, 'copy.db');
    copyFileSync(db, copy);
    copyFileSync(`${db}.audit-key.pub`, join(dir, 'council.pub'));
    copyFileSync(`${db}.audit-checkpoints`, join(dir, 'council.checkpoints'));
    const options = [
      '--audit-key',
      join(dir, 'council.pub'),
      '--audit-checkpoints',
      join(dir, 'council.checkpoints'),
    ];
    const verified = verify(copy, options);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, new RegExp(`anchors record ${records}\n`));

    sqlite(
      copy,
      `DELETE FROM events WHERE sequence > 10;
      UPDATE sqlite_sequence SET seq = 10 WHERE name = 'events';`,
    );
    assertBroken(verify(copy, options), /the last \d+ records, after record 10, were removed/);

    // Checkpoints that no key can check are reported, not passed.
    const keyless = verify(copy, [
      '--audit-key',
      join(dir, 'nowhere.key'),
      '--audit-checkpoints',
      join(dir, 'council.checkpoints'),
    ]);
    assert.equal(keyless.status, kNotFound, keyless.stdout);
    assert.match(keyless.stderr, /--audit-key: no audit key at .*nowhere\.key/);
  } finally {
    cleanup();
  }
});

// A complaint for the demo council, logged through the API.
const complaint = {
  regime: 'housing',
  received_on: '2022-06-27',
  channel: 'phone',
  service_area: 'housing',
  category: 'repairs',
  summary: 'Leaking roof in the back bedroom',
  description: 'Water has come through the ceiling since the storm.',
  complainant: { name: 'Ann Example', email: 'ann@example.org' },
};

async function logComplaints(base, token, count) {
  const call = apiClient(base);
  for (let i = 0; i < count; i += 1) {
    const logged = await call('POST', '/api/v1/complaints', { token, body: complaint });
    assert.equal(logged.status, 201, JSON.stringify(logged.body));
  }
}

function checkpointLines(db) {
  return readFileSync(`${db}.audit-checkpoints`, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

test('a server checkpoints at an interval and when stopped; killed, it leaves records unanchored', async () => {
  const { dir, cleanup } = tempDir();
  let server;
  try {
    const db = buildDemo(dir);
    const token = userWithToken(db, 'audit.admin', 'admin');

    server = await startServe(db, ['--audit-checkpoint-interval', '1']);
    const atStart = checkpointLines(db).length;
    await logComplaints(server.base, token, 3);
    const head = () => Number(sqlite(db, 'SELECT max(sequence) FROM events;'));
    const deadline = Date.now() + 10_000;
    while (checkpointLines(db).at(-1).sequence !== head() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(checkpointLines(db).at(-1).sequence, head(), 'checkpointed while running');
    await logComplaints(server.base, token, 2);
    await server.stop();
    assert.equal(server.process.exitCode, 0);
    assert.ok(checkpointLines(db).length > atStart + 1);
    assert.equal(checkpointLines(db).at(-1).sequence, head(), 'checkpointed on SIGTERM');
    const stopped = verify(db);
    assert.equal(stopped.status, 0, stopped.stdout + stopped.stderr);
    assert.match(stopped.stdout, new RegExp(`anchors record ${head()}\n$`));

    // SIGKILL: no last checkpoint, and the default interval has not come round.
    server = await startServe(db);
    await logComplaints(server.base, token, 2);
    server.process.kill('SIGKILL');
    await new Promise((resolve) => server.process.once('exit', resolve));
    const anchored = checkpointLines(db).at(-1).sequence;
    assert.ok(head() > anchored);
    const killed = verify(db);
    assert.equal(killed.status, 0, killed.stdout + killed.stderr);
    assert.match(
      killed.stdout,
      new RegExp(
        `anchors record ${anchored}; ${head() - anchored} records after it are not yet anchored\n$`,
      ),
    );
  } finally {
    if (server && server.process.exitCode === null) server.process.kill('SIGKILL');
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
