// The outbox under a crash (issue 15): letters are queued for email to a real SMTP server on
// loopback (tests/mail/smtp_sink.py, Debian's python3-aiosmtpd) that takes its time with each
// message; `redress serve` is killed with SIGKILL while a message is being sent, then restarted
// on the same database. Every letter must be delivered (none lost), each under the Message-ID
// derived from it, so that a message sent again after the crash is the same message, not a second
// one (none twice); and every letter's email ends marked sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { apiClient, redress, startServe, tempDir, userWithToken } from '../blackbox/helpers.mjs';

const SOURCE = process.env.REDRESS_SOURCE_DIR ?? '.';
const LETTERS = 4;
const SINK_DELAY_SECONDS = '1';
const LEASE_SECONDS = '2';

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitFor(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('a SIGKILL during sending loses no letter and sends none as a second message', async () => {
  const workspace = tempDir();
  const mailDir = join(workspace.dir, 'mail');
  mkdirSync(mailDir);
  const port = await freePort();
  const sink = spawn(
    '/usr/bin/python3',
    [join(SOURCE, 'tests/mail/smtp_sink.py'), String(port), mailDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, SMTP_SINK_DELAY: SINK_DELAY_SECONDS },
    },
  );
  await new Promise((resolve) =>
    sink.stdout.on('data', (d) => String(d).includes('ready') && resolve()),
  );
  const db = join(workspace.dir, 'outbox.db');
  let server;
  try {
    assert.equal(redress(['init', '--db', db]).status, 0);
    const token = userWithToken(db, 'crash.admin', 'admin');
    const args = [
      '--smtp-url',
      `smtp://127.0.0.1:${port}`,
      '--mail-from',
      'complaints@council.example.org',
      '--outbox-poll-ms',
      '50',
      '--outbox-lease-seconds',
      LEASE_SECONDS,
      '--outbox-retry-seconds',
      '1',
    ];
    server = await startServe(db, args);
    let call = apiClient(server.base);
    const as = (method, path, body) => call(method, path, { token, body });
    assert.ok((await as('PUT', '/api/v1/teams/housing', { name: 'Housing' })).status < 300);
    assert.ok(
      (await as('PUT', '/api/v1/service-areas/housing', { name: 'Housing', team: 'housing' }))
        .status < 300,
    );
    assert.ok((await as('PUT', '/api/v1/categories/repairs', { name: 'Repairs' })).status < 300);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
      new Date(),
    );
    const messageIds = [];
    const letters = [];
    for (let i = 0; i < LETTERS; i++) {
      const logged = await as('POST', '/api/v1/complaints', {
        regime: 'housing',
        received_on: today,
        channel: 'email',
        service_area: 'housing',
        category: 'repairs',
        summary: `Roof ${i}`,
        description: 'Leaks.',
        complainant: {
          name: `Resident ${i}`,
          email: `resident${i}@example.org`,
          phone: '',
          address: '',
          postcode: '',
        },
      });
      assert.equal(logged.status, 201, JSON.stringify(logged.body));
      const issued = await as('POST', `/api/v1/complaints/${logged.body.reference}/letters`, {
        type: 'free_letter',
        parts: { body: `Letter ${i}` },
      });
      assert.equal(issued.status, 201, JSON.stringify(issued.body));
      messageIds.push(issued.body.delivery.message_id);
      letters.push(logged.body.reference);
    }
    // Killed while the relay holds a message it has not yet acknowledged.
    await waitFor('a message being received', () =>
      readdirSync(mailDir).some((name) => name.endsWith('.receiving')),
    );
    process.kill(server.process.pid, 'SIGKILL');
    await new Promise((resolve) => server.process.once('exit', resolve));

    server = await startServe(db, args);
    call = apiClient(server.base);
    for (const reference of letters) {
      await waitFor(`the letter of ${reference} sent`, async () => {
        const list = await as('GET', `/api/v1/complaints/${reference}/letters`);
        return list.body[0]?.delivery?.state === 'sent';
      });
    }
    const delivered = readdirSync(mailDir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(mailDir, name), 'utf8')).message_id);
    // None lost: every letter arrived, under its own Message-ID.
    assert.deepEqual([...new Set(delivered)].sort(), [...messageIds].sort());
    // None twice as another message: a copy sent again after the crash has the same Message-ID;
    // only the message the kill interrupted may have been handed over twice.
    assert.ok(delivered.length <= LETTERS + 1, `${delivered.length} copies of ${LETTERS} letters`);
    assert.ok(existsSync(db));
  } finally {
    await server?.stop();
    sink.kill('SIGTERM');
    workspace.cleanup();
  }
});
