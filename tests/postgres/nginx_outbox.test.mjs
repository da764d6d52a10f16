// Two `redress serve` instances on one PostgreSQL database behind a real nginx (round-robin
// upstream, its configuration written here), each with its outbox worker sending to one real SMTP
// sink (tests/mail/smtp_sink.py): cases logged and letters issued through nginx land on both
// instances, a session signed in through one works through the other, and every letter's email
// is sent exactly once although both workers claim from the same outbox (FOR UPDATE SKIP LOCKED).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  apiClient,
  freshPostgresDatabase,
  redress,
  startServe,
  tempDir,
  userWithToken,
} from '../blackbox/helpers.mjs';

const baseUrl = process.env.REDRESS_TEST_POSTGRES_URL;
const SOURCE = process.env.REDRESS_SOURCE_DIR ?? '.';
const SINK = join(SOURCE, 'tests/mail/smtp_sink.py');
const NGINX = '/usr/sbin/nginx';
const LETTERS = 16;
const PASSWORD = 'a-long-enough-password';

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

// Waits until `child` prints `marker` on stdout.
function printed(child, marker, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}`)));
    child.stdout.on('data', (data) => {
      if (String(data).includes(marker)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

async function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(child.pid, 'SIGTERM');
  await exited;
}

// nginx in the foreground with everything under `dir`: one worker, round-robin between the two
// instances, the request's own Host and the client's address passed on.
async function startNginx(dir, port, upstreams) {
  for (const sub of ['logs', 'temp']) mkdirSync(join(dir, sub), { recursive: true });
  const servers = upstreams.map((base) => `    server ${new URL(base).host};`).join('\n');
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  const conf = `${user}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 256; }
http {
  log_format upstream '$upstream_addr';
  access_log ${dir}/logs/access.log upstream;
  client_body_temp_path ${dir}/temp/body;
  proxy_temp_path ${dir}/temp/proxy;
  fastcgi_temp_path ${dir}/temp/fastcgi;
  uwsgi_temp_path ${dir}/temp/uwsgi;
  scgi_temp_path ${dir}/temp/scgi;
  upstream redress {
${servers}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://redress;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
    }
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('nginx did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, base, accessLog: join(dir, 'logs/access.log') };
}

function received(mailDir) {
  return readdirSync(mailDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(mailDir, name), 'utf8')));
}

function complaint(summary) {
  return {
    regime: 'housing',
    received_on: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()),
    channel: 'email',
    service_area: 'repairs',
    category: 'damp',
    summary,
    description: 'Black mould in the bedroom',
    complainant: { name: 'Jo Bloggs', email: 'jo@example.org', phone: '', address: '1 High St' },
  };
}

describe(
  'two instances behind nginx',
  { skip: (!baseUrl && 'no test cluster') || (!existsSync(NGINX) && 'no nginx') },
  () => {
    let workspace;
    let sink;
    let nginx;
    const instances = [];
    let call;
    let token;
    let mailDir;

    before(async () => {
      workspace = tempDir();
      mailDir = join(workspace.dir, 'mail');
      mkdirSync(mailDir);
      const smtpPort = await freePort();
      sink = spawn('/usr/bin/python3', [SINK, String(smtpPort), mailDir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await printed(sink, 'ready', 'the SMTP sink');
      const db = freshPostgresDatabase(baseUrl);
      assert.equal(redress(['init', '--db', db]).status, 0);
      token = userWithToken(db, 'admin', 'admin');
      const files = join(workspace.dir, 'files');
      mkdirSync(files);
      for (let i = 0; i < 2; i++) {
        instances.push(
          await startServe(db, [
            '--files',
            files,
            '--smtp-url',
            `smtp://127.0.0.1:${smtpPort}`,
            '--mail-from',
            'complaints@council.example.org',
            '--outbox-poll-ms',
            '50',
          ]),
        );
      }
      nginx = await startNginx(
        join(workspace.dir, 'nginx'),
        await freePort(),
        instances.map((instance) => instance.base),
      );
      call = apiClient(nginx.base);
      for (const [path, body] of [
        ['/api/v1/teams/housing', { name: 'Housing' }],
        ['/api/v1/service-areas/repairs', { name: 'Repairs', team: 'housing' }],
        ['/api/v1/categories/damp', { name: 'Damp', active: true }],
      ]) {
        const saved = await call('PUT', path, { token, body });
        assert.equal(saved.status, 200, JSON.stringify(saved.body));
      }
      const added = redress(
        ['user', 'add', '--db', db, '--username', 'officer', '--role', 'complaints_officer'].concat(
          ['--team', 'housing', '--password-stdin'],
        ),
        { input: `${PASSWORD}\n` },
      );
      assert.equal(added.status, 0, added.stderr);
    });

    after(async () => {
      await stopChild(nginx?.child);
      for (const instance of instances) await instance.stop();
      await stopChild(sink);
      workspace?.cleanup();
    });

    test('a session signed in through one instance is honoured by the other', async () => {
      const [first, second] = instances.map((instance) => instance.base);
      const signedIn = await fetch(`${first}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'officer', password: PASSWORD }),
      });
      assert.equal(signedIn.status, 201);
      const cookie = signedIn.headers.get('set-cookie').split(';')[0];
      const { csrf_token: csrf } = await signedIn.json();
      const who = await fetch(`${second}/api/v1/session`, { headers: { cookie } });
      assert.equal(who.status, 200);
      assert.equal((await who.json()).username, 'officer');
      // A write with the session's CSRF token, through the other instance.
      const logged = await fetch(`${second}/api/v1/complaints`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify(complaint('Logged with a session')),
      });
      assert.equal(logged.status, 201, await logged.text());
      const signedOut = await fetch(`${first}/api/v1/session`, {
        method: 'DELETE',
        headers: { cookie, 'x-csrf-token': csrf },
      });
      assert.equal(signedOut.status, 204);
      assert.equal((await fetch(`${second}/api/v1/session`, { headers: { cookie } })).status, 401);
    });

    test('letters issued through nginx are each emailed once by the two workers', async () => {
      const references = [];
      for (let i = 0; i < LETTERS; i++) {
        const logged = await call('POST', '/api/v1/complaints', {
          token,
          body: complaint(`Letter ${i}`),
        });
        assert.equal(logged.status, 201, JSON.stringify(logged.body));
        references.push(logged.body.reference);
      }
      const issued = await Promise.all(
        references.map((reference) =>
          call('POST', `/api/v1/complaints/${reference}/letters`, {
            token,
            body: { type: 'free_letter', channel: 'email', parts: { body: `About ${reference}` } },
          }),
        ),
      );
      for (const answer of issued) assert.equal(answer.status, 201, JSON.stringify(answer.body));
      const expected = issued.map((answer) => answer.body.delivery.message_id).sort();

      // Read back through nginx: every letter, whichever instance answers.
      for (const reference of references) {
        const letters = await call('GET', `/api/v1/complaints/${reference}/letters`, { token });
        assert.equal(letters.status, 200);
        assert.equal(letters.body.length, 1);
      }

      const deadline = Date.now() + 30_000;
      while (received(mailDir).length < LETTERS && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // Time for a second send, if either worker were to make one.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const sent = received(mailDir)
        .map((message) => message.message_id)
        .sort();
      assert.deepEqual(sent, expected);

      // Both instances answered requests.
      const upstreams = new Set(readFileSync(nginx.accessLog, 'utf8').trim().split('\n'));
      assert.deepEqual(
        [...upstreams].sort(),
        instances.map((instance) => new URL(instance.base).host).sort(),
      );
    });
  },
);
