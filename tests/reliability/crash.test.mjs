// The crash test: while several clients log and acknowledge complaints, `redress serve` is killed
// with SIGKILL. After a restart on the same database, every request that had been answered 2xx
// must be there with at least the state it was answered with, the database must pass SQLite's
// integrity check, and the audit trail's hash chain must verify. A 2xx means "on disk".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { bin, redress, sqlite, tempDir } from '../blackbox/helpers.mjs';

const START_TIMEOUT_MS = 30_000;
const CLIENTS = 8;
// How long the clients write before the kill: long enough for hundreds of commits.
const LOAD_MS = 2_000;

// Starts `redress serve` on any free port; resolves with { process, base } once it listens.
function startServer(db) {
  const child = spawn(bin, ['serve', '--db', db, '--port', '0', '--threads', '2'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start')), START_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`the server exited early with ${code}`)));
    lines.on('line', (line) => {
      const entry = JSON.parse(line);
      if (entry.message === 'listening') {
        clearTimeout(timer);
        resolve({ process: child, base: entry.address });
      }
    });
  });
}

function complaintFrom(client, n) {
  return {
    regime: 'housing',
    received_on: '2024-12-20',
    channel: 'email',
    service_area: 'housing',
    category: 'repairs',
    summary: `Crash test complaint ${client}-${n}`,
    description: 'Logged while the server is about to be killed.',
    complainant: { name: `Crash Client ${client}`, email: `crash${client}-${n}@example.org` },
  };
}

// Logs and acknowledges complaints until `stop` is set or the server goes away. Every 2xx answer
// is recorded in `answered` (reference -> { version, status }); the later answer wins.
async function client(id, base, token, answered, stop) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  for (let n = 0; !stop.now; n++) {
    try {
      const logged = await fetch(`${base}/api/v1/complaints`, {
        method: 'POST',
        headers,
        body: JSON.stringify(complaintFrom(id, n)),
      });
      const body = await logged.json();
      assert.equal(logged.status, 201, JSON.stringify(body));
      answered.set(body.reference, { version: 1, status: body.status });
      const acknowledged = await fetch(`${base}/api/v1/complaints/${body.reference}/acknowledge`, {
        method: 'POST',
        headers: { ...headers, 'if-match': logged.headers.get('etag') },
        body: JSON.stringify({ on: '2024-12-23' }),
      });
      const after = await acknowledged.json();
      assert.equal(acknowledged.status, 200, JSON.stringify(after));
      answered.set(body.reference, { version: after.version ?? 2, status: after.status });
    } catch (error) {
      // After the kill every request fails: that is the end of this client, not a failure.
      if (stop.now) return;
      throw error;
    }
  }
}

test('everything answered 2xx survives a SIGKILL', { timeout: 90_000 }, async (t) => {
  const workspace = tempDir();
  let server;
  try {
    const db = join(workspace.dir, 'council.db');
    const seeded = redress(['demo', '--db', db, '--seed', '2', '--today', '2022-06-30']);
    assert.equal(seeded.status, 0, seeded.stderr);
    const created = redress(['token', 'create', '--db', db, '--username', 'amira.khan']);
    assert.equal(created.status, 0, created.stderr);
    const token = created.stdout.trim();

    server = await startServer(db);
    const answered = new Map();
    const stop = { now: false };
    const clients = [];
    for (let id = 0; id < CLIENTS; id++) {
      clients.push(client(id, server.base, token, answered, stop));
    }
    await new Promise((resolve) => setTimeout(resolve, LOAD_MS));
    // Kill first, then tell the clients: requests in flight at the kill must not count as answered.
    const exited = once(server.process, 'exit');
    stop.now = true;
    server.process.kill('SIGKILL');
    await exited;
    await Promise.all(clients);
    const acknowledged = [...answered.values()].filter(
      (s) => s.status !== 'awaiting_acknowledgement',
    );
    assert.ok(answered.size >= CLIENTS, `only ${answered.size} complaints were logged`);
    assert.ok(acknowledged.length > 0, 'no complaint was acknowledged before the kill');
    t.diagnostic(`${answered.size} complaints logged, ${acknowledged.length} acknowledged`);

    server = await startServer(db);
    const headers = { authorization: `Bearer ${token}` };
    for (const [reference, state] of answered) {
      const response = await fetch(`${server.base}/api/v1/complaints/${reference}`, { headers });
      const body = await response.json();
      assert.equal(response.status, 200, `${reference}: ${JSON.stringify(body)}`);
      const version = Number(JSON.parse(response.headers.get('etag')));
      assert.ok(
        version >= state.version,
        `${reference} is at version ${version}, not ${state.version}`,
      );
      if (state.status !== 'awaiting_acknowledgement') {
        assert.equal(body.status, state.status, `${reference} lost its acknowledgement`);
      }
    }
    const stopped = once(server.process, 'exit');
    server.process.kill('SIGTERM');
    const [code] = await stopped;
    assert.equal(code, 0);
    server = undefined;

    assert.equal(sqlite(db, 'PRAGMA integrity_check;').trim(), 'ok');
    const verified = redress(['audit', 'verify', '--db', db]);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  } finally {
    if (server && server.process.exitCode === null) server.process.kill('SIGKILL');
    workspace.cleanup();
  }
});
