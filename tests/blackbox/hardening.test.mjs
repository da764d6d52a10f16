// The server and its files under a hostile client or an unlucky operator: the connection cap and
// idle timeout, the database's file modes, a missing database, readiness when the database cannot
// be written, the headers of answers that carry personal data, duplicated JSON keys, and bounds
// on expensive requests (search words, concurrent report renders). Against the real binary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { apiClient, assertProblem, bin, redress, tempDir, userWithToken } from './helpers.mjs';

const START_TIMEOUT_MS = 30_000;

let workspace;
let db;
let token;

before(() => {
  // The modes asserted below are the server's doing, not this process's umask.
  process.umask(0o022);
  workspace = tempDir();
  db = join(workspace.dir, 'council.db');
  const init = redress(['init', '--db', db]);
  assert.equal(init.status, 0, init.stderr);
  token = userWithToken(db, 'ada.admin', 'admin');
});

after(() => workspace?.cleanup());

// Starts `redress serve` (optionally through a wrapper command such as prlimit); resolves with
// { base, pid, logs, stop } once it listens. `logs` collects every JSON log line.
async function serve(extraArgs = [], { wrapper = [] } = {}) {
  const args = [...wrapper, bin, 'serve', '--db', db, '--port', '0', ...extraArgs];
  const child = spawn(args[0], args.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const logs = [];
  const lines = createInterface({ input: child.stdout });
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start')), START_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`the server exited early with ${code}`)));
    lines.on('line', (line) => {
      const entry = JSON.parse(line);
      logs.push(entry);
      if (entry.message === 'listening') {
        clearTimeout(timer);
        resolve(entry.address);
      }
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid, 'SIGTERM');
      await exited;
    }
  };
  return { base, pid: child.pid, logs, child, stop };
}

// Opens a raw TCP connection to `base`; resolves once connected. The socket records when the
// server closed it and what it sent.
function openSocket(base) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.received = '';
    socket.gone = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      socket.received += chunk;
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      socket.gone = true;
    });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

// Sends one request on a fresh connection; resolves with { text, error, ms } when the server
// closes the connection (or after `timeoutMs`).
function rawRequest(base, request, timeoutMs = 5_000) {
  const { hostname, port } = new URL(base);
  const started = Date.now();
  return new Promise((resolve) => {
    let text = '';
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(request));
    socket.setEncoding('utf8');
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, error: 'timeout', ms: Date.now() - started });
    }, timeoutMs);
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      resolve({ text, error: error.code, ms: Date.now() - started });
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, error: null, ms: Date.now() - started });
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(predicate, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate()) return;
    await sleep(20);
  }
  assert.fail(`timed out waiting for ${what}`);
}

const HEALTHZ = 'GET /healthz HTTP/1.1\r\nHost: redress\r\nConnection: close\r\n\r\n';

test('beyond --max-connections a connection is refused at once, and served again after', async () => {
  const cap = 8;
  const server = await serve(['--max-connections', String(cap)]);
  const idle = [];
  try {
    for (let i = 0; i < cap + 4; i += 1) idle.push(await openSocket(server.base));
    // The server accepts every one; those beyond the cap are answered 503 and closed at once.
    await waitFor(() => idle.filter((s) => s.gone).length >= 4, 2_000, 'the extra connections');
    const refused = idle.filter((s) => s.gone);
    assert.equal(refused.length, 4);
    for (const socket of refused) assert.match(socket.received, /^HTTP\/1\.1 503 /);

    const probe = await rawRequest(server.base, HEALTHZ);
    assert.ok(probe.ms < 1_000, `refused in ${probe.ms} ms`);
    if (probe.error === null) {
      assert.match(probe.text, /^HTTP\/1\.1 503 /);
      assert.match(probe.text, /\r\nretry-after: 1\r\n/i);
      assert.match(probe.text, /server-busy/);
    } else {
      // The request may arrive after the answer was written and the socket closed: a reset.
      assert.equal(probe.error, 'ECONNRESET');
    }
    await waitFor(
      () => server.logs.some((line) => /refusing connections/.test(line.message ?? '')),
      2_000,
      'the log to say it refuses',
    );

    for (const socket of idle) socket.destroy();
    let served;
    const deadline = Date.now() + 2_000;
    while (Date.now() < deadline) {
      served = await rawRequest(server.base, HEALTHZ);
      if (/^HTTP\/1\.1 200 /.test(served.text)) break;
      await sleep(50);
    }
    assert.match(served.text, /^HTTP\/1\.1 200 /);
  } finally {
    for (const socket of idle) socket.destroy();
    await server.stop();
  }
});

test('an idle connection, and one sending its request too slowly, is closed after the idle timeout', async () => {
  const server = await serve(['--idle-timeout-seconds', '1']);
  try {
    const started = Date.now();
    const idle = await openSocket(server.base);
    const slow = await openSocket(server.base);
    slow.write('GET /healthz HTTP/1.1\r\nHost: red');
    await waitFor(() => idle.gone && slow.gone, 4_000, 'the idle connections to close');
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 900 && elapsed < 4_000, `closed after ${elapsed} ms`);
    // A connection in use is not cut.
    const client = apiClient(server.base);
    assert.equal((await client('GET', '/healthz')).status, 200);
  } finally {
    await server.stop();
  }
});

test('a flood of connections beyond the open-file limit does not bring the server down', async (t) => {
  if (!existsSync('/usr/bin/prlimit')) return t.skip('prlimit is not installed');
  // 128 descriptors: the server lowers its cap to fit, rather than failing accept() or SQLite.
  const server = await serve(['--max-connections', '1000'], {
    wrapper: ['/usr/bin/prlimit', '--nofile=128:128', '--'],
  });
  const sockets = [];
  try {
    assert.ok(server.logs.some((line) => /open-file limit/.test(line.message ?? '')));
    for (let i = 0; i < 200; i += 1) sockets.push(await openSocket(server.base));
    await waitFor(() => sockets.filter((s) => s.gone).length >= 100, 5_000, 'refusals');
    const refused = sockets.filter((s) => s.gone);
    assert.ok(refused.every((s) => /^HTTP\/1\.1 503 /.test(s.received)));
    for (const socket of sockets) socket.destroy();
    await sleep(200);
    const client = apiClient(server.base);
    const list = await client('GET', '/api/v1/complaints', { token });
    assert.equal(list.status, 200);
    assert.equal(server.child.exitCode, null);
  } finally {
    for (const socket of sockets) socket.destroy();
    await server.stop();
  }
});

test('the database, its WAL and its shared memory are readable by their owner only', async () => {
  assert.equal(statSync(db).mode & 0o777, 0o600);
  const server = await serve();
  try {
    const client = apiClient(server.base);
    const saved = await client('PUT', '/api/v1/homes-owned/2024', { token, body: { homes: 1200 } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    for (const file of [db, `${db}-wal`, `${db}-shm`]) {
      assert.equal(statSync(file).mode & 0o777, 0o600, file);
    }
  } finally {
    await server.stop();
  }
});

test('serve and the other commands refuse a database that does not exist or is empty', () => {
  const missing = join(workspace.dir, 'counicl.db');
  const empty = join(workspace.dir, 'empty.db');
  writeFileSync(empty, '');
  for (const path of [missing, empty]) {
    for (const args of [
      ['serve', '--db', path, '--port', '0'],
      ['user', 'add', '--db', path, '--username', 'x', '--role', 'admin', '--password-stdin'],
      ['token', 'create', '--db', path, '--username', 'x'],
      ['summary', '--db', path],
      ['report', 'annual', '--db', path, '--year', '2024', '--format', 'csv', '--out', '-'],
    ]) {
      const result = redress(args, { input: 'a-long-enough-password\n' });
      assert.equal(result.status, 3, `${args.join(' ')}: ${result.stderr}`);
      assert.ok(result.stderr.includes(path), result.stderr);
      assert.match(result.stderr, /redress init --db/);
      assert.equal(result.stdout, '');
    }
  }
  assert.equal(existsSync(missing), false);
  assert.equal(statSync(empty).size, 0);
  // init makes one, which serve then takes.
  assert.equal(redress(['init', '--db', missing]).status, 0);
  assert.equal(redress(['summary', '--db', missing]).status, 0);
});

test('readyz says 503 while the database cannot be written, naming why, and recovers', async (t) => {
  if (!existsSync('/usr/bin/prlimit')) return t.skip('prlimit is not installed');
  const server = await serve();
  const client = apiClient(server.base);
  const limit = (value) => {
    // A file-size limit of one byte on the running server: every write to the database's files
    // fails with EFBIG, as on a full disk, and root is not exempt (unlike a read-only mode).
    const result = spawnSync('/usr/bin/prlimit', ['--pid', String(server.pid), `--fsize=${value}`]);
    assert.equal(result.status, 0, String(result.stderr));
  };
  try {
    assert.equal((await client('GET', '/readyz')).status, 200);
    limit('1:unlimited');
    const ready = await client('GET', '/readyz', {
      headers: { 'x-request-id': 'ready-when-full' },
    });
    assertProblem(assert, ready, 503);
    assert.match(ready.body.detail, /cannot be written/);
    // The server logs before answering, but this process may read the line a little later.
    const byId = (entry) => entry.request_id === 'ready-when-full';
    await waitFor(() => server.logs.some(byId), 2_000, 'the log line of the 503');
    const line = server.logs.find(byId);
    assert.equal(line.status, 503);
    assert.match(line.cause, /cannot be written/);
    const refused = await client('PUT', '/api/v1/homes-owned/2023', {
      token,
      body: { homes: 1100 },
    });
    assert.equal(refused.status, 503);
    // Reads still answer.
    assert.equal((await client('GET', '/api/v1/homes-owned', { token })).status, 200);

    limit('unlimited:unlimited');
    assert.equal((await client('GET', '/readyz')).status, 200);
    const saved = await client('PUT', '/api/v1/homes-owned/2023', { token, body: { homes: 1100 } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const homes = await client('GET', '/api/v1/homes-owned', { token });
    assert.ok(homes.body.items.some((item) => item.year === 2023 && item.homes === 1100));
  } finally {
    await server.stop();
  }
  const verified = redress(['audit', 'verify', '--db', db]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
});

test('readyz says 503 while the database file is read-only, even to root, and recovers', async (t) => {
  // The immutable attribute makes a file read-only for root too (a plain chmod does not). The
  // -shm file is left alone: SQLite maps it into memory, and a write to a mapping of an immutable
  // file is a SIGBUS, not an error a program can answer.
  const files = [db, `${db}-wal`];
  const server = await serve();
  const client = apiClient(server.base);
  const chattr = (flag) => files.map((file) => spawnSync('chattr', [flag, file]).status);
  try {
    assert.equal((await client('GET', '/readyz')).status, 200);
    if (chattr('+i').some((status) => status !== 0)) {
      t.skip('this file system cannot make a file immutable');
      return;
    }
    const ready = await client('GET', '/readyz', {
      headers: { 'x-request-id': 'ready-read-only' },
    });
    assertProblem(assert, ready, 503);
    const byId = (entry) => entry.request_id === 'ready-read-only';
    await waitFor(() => server.logs.some(byId), 2_000, 'the log line of the 503');
    assert.match(server.logs.find(byId).cause, /cannot be written/);
    const refused = await client('PUT', '/api/v1/homes-owned/2021', {
      token,
      body: { homes: 900 },
    });
    assert.equal(refused.status, 503);

    chattr('-i');
    assert.equal((await client('GET', '/readyz')).status, 200);
    const saved = await client('PUT', '/api/v1/homes-owned/2021', { token, body: { homes: 900 } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
  } finally {
    chattr('-i');
    await server.stop();
  }
});

test('answers carry no-store and nosniff; HSTS only behind TLS', async () => {
  const plain = await serve();
  try {
    const client = apiClient(plain.base);
    for (const [path, auth] of [
      ['/api/v1/complaints', token],
      ['/api/v1/complaints/CMP-2024-999999', token],
      ['/api/v1/complaints', undefined],
      ['/readyz', undefined],
    ]) {
      const answer = await client('GET', path, { token: auth });
      assert.equal(answer.headers.get('cache-control'), 'no-store', path);
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(answer.headers.get('strict-transport-security'), null, path);
    }
  } finally {
    await plain.stop();
  }
  const behindTls = await serve(['--behind-tls']);
  try {
    const answer = await apiClient(behindTls.base)('GET', '/api/v1/complaints', { token });
    assert.equal(answer.headers.get('strict-transport-security'), 'max-age=31536000');
    assert.equal(answer.headers.get('cache-control'), 'no-store');
  } finally {
    await behindTls.stop();
  }
});

test('JSON giving a member twice is refused, naming it', async () => {
  const server = await serve();
  try {
    const client = apiClient(server.base);
    const twice = await client('PUT', '/api/v1/homes-owned/2022', {
      token,
      raw: '{"homes": 10, "homes": 20000}',
      headers: { 'content-type': 'application/json' },
    });
    assertProblem(assert, twice, 400, 'homes');
    assert.match(twice.body.detail, /more than once/);
    const nested = await client('POST', '/api/v1/complaints', {
      token,
      raw: '{"complainant": {"name": "A", "email": "a@example.org", "email": "b@example.org"}}',
      headers: { 'content-type': 'application/json' },
    });
    assertProblem(assert, nested, 400, 'complainant.email');
    const homes = await client('GET', '/api/v1/homes-owned', { token });
    assert.ok(!homes.body.items.some((item) => item.year === 2022));
  } finally {
    await server.stop();
  }
});

test('a search of too many words is refused naming text', async () => {
  const server = await serve();
  try {
    const client = apiClient(server.base);
    const words = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    const many = await client('GET', `/api/v1/complaints?text=${encodeURIComponent(words)}`, {
      token,
    });
    assertProblem(assert, many, 422, 'text');
    const few = await client('GET', '/api/v1/complaints?text=damp%20and%20mould', { token });
    assert.equal(few.status, 200);
  } finally {
    await server.stop();
  }
});

test('annual reports requested all at once are rendered a few at a time, the rest told to retry', async () => {
  const server = await serve();
  try {
    const client = apiClient(server.base);
    const answers = await Promise.all(
      Array.from({ length: 16 }, () =>
        client('GET', '/api/v1/reports/annual/2024?format=pdf', { token }),
      ),
    );
    const busy = answers.filter((answer) => answer.status === 503);
    const rendered = answers.filter((answer) => answer.status === 200);
    assert.equal(busy.length + rendered.length, answers.length);
    assert.ok(busy.length > 0, 'some were told to retry');
    assert.ok(rendered.length > 0, 'some were rendered');
    for (const answer of busy) {
      assert.equal(answer.headers.get('retry-after'), '5');
      assert.equal(answer.body.type, '/problems/server-busy');
    }
    // And once the burst is over, a report renders.
    const later = await client('GET', '/api/v1/reports/annual/2024?format=csv', { token });
    assert.equal(later.status, 200);
  } finally {
    await server.stop();
  }
});
