// `redress migrate` (issue 13, docs/deployment.md): the demo council made on SQLite, copied whole
// into an empty PostgreSQL database of the test cluster. On the target the audit trail verifies
// against the checkpoints the SQLite database's own key signed (the chain is byte-for-byte the
// same), the annual report of two years is identical, and so are the complaint counts and a few
// API answers, ids handed out after the copy included. A non-empty target and a source at another
// schema version are refused, with nothing written. The way back, PostgreSQL into a new SQLite
// file, gives the original's counts, audit trail and annual report.
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import {
  apiClient,
  freshPostgresDatabase,
  query,
  redress,
  sqlite,
  startServe,
  tempDir,
  userWithToken,
} from '../blackbox/helpers.mjs';

const DEMO_TODAY = '2026-11-22';
const YEARS = ['2024', '2025'];

let workspace;
let source;
let target;
let migrated;
let seconds;

before(() => {
  workspace = tempDir();
  source = join(workspace.dir, 'council.db');
  const demo = redress(['demo', '--db', source, '--seed', '1', '--today', DEMO_TODAY]);
  assert.equal(demo.status, 0, demo.stderr);
  // The events of one complaint erased as a disposal does (EventRepository::EraseContent, issue
  // 20): the content blanked and the salt forgotten, which the copy must carry both ways.
  sqlite(
    source,
    "UPDATE events SET summary = '', changes = '[]', content_salt = NULL, " +
      "content_erased_at = '2026-11-22T00:00:00Z' WHERE entity_type = 'complaint' AND " +
      'entity_ref = (SELECT min(entity_ref) FROM events WHERE chain_version = 2 ' +
      "AND entity_type = 'complaint')",
  );
  target = freshPostgresDatabase();
  const started = process.hrtime.bigint();
  migrated = redress(['migrate', '--from', source, '--to', target]);
  seconds = Number(process.hrtime.bigint() - started) / 1e9;
});

after(() => workspace?.cleanup());

test('the demo council is copied whole, counted table by table', () => {
  assert.equal(migrated.status, 0, migrated.stderr);
  const total = migrated.stdout.match(/copied (\d+) rows of (\d+) tables/);
  assert.ok(total, migrated.stdout);
  console.log(`migrate: ${total[1]} rows of ${total[2]} tables in ${seconds.toFixed(1)} s`);
  for (const table of ['complaints', 'complaint_stages', 'events', 'users', 'service_requests']) {
    const line = migrated.stdout.match(new RegExp(`^${table}\\s+(\\d+)$`, 'm'));
    assert.ok(line, `${table} in ${migrated.stdout}`);
    const rows = query(target, `SELECT count(*) FROM ${table}`).trim();
    assert.equal(rows, sqlite(source, `SELECT count(*) FROM ${table}`).trim(), table);
    assert.equal(line[1], rows, table);
  }
  // The reference counters came too: the next reference follows the last one.
  assert.equal(
    query(target, 'SELECT prefix, year, next_value FROM reference_sequences ORDER BY 1, 2'),
    sqlite(source, 'SELECT prefix, year, next_value FROM reference_sequences ORDER BY 1, 2'),
  );
});

test('the audit trail verifies on the target against the checkpoints of the source', () => {
  const anchor = [
    '--audit-key',
    `${source}.audit-key`,
    '--audit-checkpoints',
    `${source}.audit-checkpoints`,
  ];
  const onSqlite = redress(['audit', 'verify', '--db', source]);
  assert.equal(onSqlite.status, 0, onSqlite.stdout + onSqlite.stderr);
  const onPostgres = redress(['audit', 'verify', '--db', target, ...anchor]);
  assert.equal(onPostgres.status, 0, onPostgres.stdout + onPostgres.stderr);
  const records = (text) => text.match(/audit trail intact: (\d+) records/)?.[1];
  assert.ok(records(onSqlite.stdout));
  assert.equal(records(onPostgres.stdout), records(onSqlite.stdout));
  assert.match(onPostgres.stdout, /anchored: \d+ checkpoints verified/);
  const erased = (text) => text.match(/erased: the content of (\d+) records/)?.[1];
  assert.ok(erased(onSqlite.stdout), onSqlite.stdout);
  assert.equal(erased(onPostgres.stdout), erased(onSqlite.stdout));
});

test('the annual report of two years is identical on both engines', () => {
  for (const year of YEARS) {
    const report = (db) => {
      const run = redress([
        'report',
        'annual',
        '--db',
        db,
        '--year',
        year,
        '--as-at',
        DEMO_TODAY,
        '--out',
        '-',
      ]);
      assert.equal(run.status, 0, run.stderr);
      return JSON.parse(run.stdout);
    };
    const onSqlite = report(source);
    assert.ok(onSqlite.summary, 'the report has figures');
    assert.deepEqual(report(target), onSqlite, `the report of ${year}`);
  }
});

test('the API answers the same on both engines, ids after the copy included', async () => {
  // The same user added to both: the next user id follows the copied ones on each.
  const tokens = [source, target].map((db) => userWithToken(db, 'migration.check', 'viewer'));
  const servers = [await startServe(source), await startServe(target)];
  try {
    const calls = servers.map((server, i) => {
      const call = apiClient(server.base);
      return (path) => call('GET', path, { token: tokens[i] });
    });
    const same = async (path) => {
      const [a, b] = await Promise.all(calls.map((call) => call(path)));
      assert.equal(a.status, 200, `${path}: ${JSON.stringify(a.body)}`);
      assert.deepEqual(b.body, a.body, path);
      return a.body;
    };
    await same('/api/v1/complaints/counts');
    const page = await same('/api/v1/complaints?limit=50');
    await same('/api/v1/complaints?limit=20&sort=-received_on');
    await same('/api/v1/complaints?text=repair&limit=20');
    for (const item of page.items.slice(0, 5)) {
      await same(`/api/v1/complaints/${item.reference}`);
      await same(`/api/v1/complaints/${item.reference}/timeline`);
    }
    await same('/api/v1/users');
    await same('/api/v1/ombudsman/cases');
    await same('/api/v1/learning');
    await same(`/api/v1/reports/annual/${YEARS[0]}`);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
});

test('a target that is not empty is refused, and nothing is written', () => {
  const before = query(target, 'SELECT count(*) FROM complaints').trim();
  const again = redress(['migrate', '--from', source, '--to', target]);
  assert.equal(again.status, 5, again.stdout + again.stderr);
  assert.match(again.stderr, /not empty/);
  assert.equal(query(target, 'SELECT count(*) FROM complaints').trim(), before);
});

test('a source at another schema version is refused, and the target stays empty', () => {
  const old = join(workspace.dir, 'old.db');
  copyFileSync(source, old);
  sqlite(
    old,
    'DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)',
  );
  const empty = freshPostgresDatabase();
  const refused = redress(['migrate', '--from', old, '--to', empty]);
  assert.equal(refused.status, 5, refused.stdout + refused.stderr);
  assert.match(refused.stderr, /schema is at version \d+/);
  assert.equal(
    query(empty, 'SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()').trim(),
    '0',
  );
});

// The way back: the PostgreSQL database into a new SQLite file, compared with it and with the
// original SQLite file.
test('the round trip SQLite -> PostgreSQL -> SQLite keeps counts, audit trail and report', () => {
  const back = join(workspace.dir, 'back.db');
  const started = process.hrtime.bigint();
  const copied = redress(['migrate', '--from', target, '--to', `sqlite:${back}`]);
  const took = Number(process.hrtime.bigint() - started) / 1e9;
  assert.equal(copied.status, 0, copied.stdout + copied.stderr);
  const total = copied.stdout.match(/copied (\d+) rows of (\d+) tables/);
  assert.ok(total, copied.stdout);
  console.log(`migrate back: ${total[1]} rows of ${total[2]} tables in ${took.toFixed(1)} s`);
  // Every table's count, as printed, is the PostgreSQL database's (which the tests above wrote to:
  // a user, a token, their events) and the new file's.
  for (const line of copied.stdout.split('\n')) {
    const table = line.match(/^([a-z_]+)\s+(\d+)$/);
    if (!table) continue;
    assert.equal(query(target, `SELECT count(*) FROM ${table[1]}`).trim(), table[2], table[1]);
    assert.equal(sqlite(back, `SELECT count(*) FROM ${table[1]}`).trim(), table[2], table[1]);
  }
  assert.equal(total[2], migrated.stdout.match(/of (\d+) tables/)[1]);
  for (const table of ['complaints', 'complaint_stages', 'service_requests']) {
    assert.equal(
      sqlite(back, `SELECT count(*) FROM ${table}`),
      sqlite(source, `SELECT count(*) FROM ${table}`),
    );
  }
  // The chain is PostgreSQL's, byte for byte: the original's records and what was written there
  // after the copy (not the original's checkpoints: the tests above wrote other records to each).
  const verify = redress(['audit', 'verify', '--db', back]);
  assert.equal(verify.status, 0, verify.stdout + verify.stderr);
  assert.match(verify.stdout, /audit trail intact/);
  const erasure = 'SELECT count(*), min(content_erased_at) FROM events WHERE content_salt IS NULL';
  assert.equal(sqlite(back, erasure), query(target, erasure));
  assert.equal(sqlite(back, erasure), sqlite(source, erasure));
  // An intact chain ending in the same hash is the same chain.
  const head = 'SELECT count(*), max(sequence) FROM events';
  const last = 'SELECT hash FROM events ORDER BY sequence DESC LIMIT 1';
  assert.equal(sqlite(back, head), query(target, head));
  assert.equal(sqlite(back, last), query(target, last));
  assert.equal(
    sqlite(back, "SELECT seq FROM sqlite_sequence WHERE name = 'events'"),
    query(target, 'SELECT sequence FROM audit_chain_head'),
  );
  for (const year of YEARS) {
    const report = (db) => {
      const run = redress([
        'report',
        'annual',
        '--db',
        db,
        '--year',
        year,
        '--as-at',
        DEMO_TODAY,
        '--out',
        '-',
      ]);
      assert.equal(run.status, 0, run.stderr);
      return run.stdout;
    };
    assert.equal(report(back), report(source), `the report of ${year}`);
  }
  // Text search works on the copy (SQLite's own index, built by its triggers as rows came in).
  assert.equal(
    sqlite(back, "SELECT count(*) FROM complaints_fts WHERE complaints_fts MATCH 'repair'"),
    sqlite(source, "SELECT count(*) FROM complaints_fts WHERE complaints_fts MATCH 'repair'"),
  );
});

test('the way back refuses a file that exists, and leaves it alone', () => {
  const there = join(workspace.dir, 'there.db');
  copyFileSync(source, there);
  const refused = redress(['migrate', '--from', target, '--to', there]);
  assert.equal(refused.status, 5, refused.stdout + refused.stderr);
  assert.match(refused.stderr, /already a file/);
  assert.equal(
    sqlite(there, 'SELECT count(*) FROM complaints'),
    sqlite(source, 'SELECT count(*) FROM complaints'),
  );
});

test('two databases of one engine are refused clearly', () => {
  const same = redress(['migrate', '--from', source, '--to', join(workspace.dir, 'other.db')]);
  assert.equal(same.status, 2, same.stdout + same.stderr);
  assert.match(same.stderr, /between the engines/);
});
