// docs/operations.md's steps as written (issue 18, "First run and operations"): the blocks marked
// <!-- operations-test: NAME --> are taken from the document, with this test's folders in place
// of /var/lib/redress and /var/backups/redress, and run:
//
// - backup: while the server takes requests; the copy verifies and holds what was logged;
// - restore: after more work and a stop, into the live folder; the restored database verifies,
//   holds exactly what the backup held (counts and audit events), and the server starts on it;
// - systemd-unit: `systemd-analyze verify` accepts it (where systemd-analyze is installed);
// - nginx-site: `nginx -t` accepts it with a throwaway certificate (where nginx is installed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  apiClient,
  bin,
  redress,
  startServe,
  storeSummary,
  tempDir,
  userWithToken,
} from './helpers.mjs';

const DOCUMENT = readFileSync(new URL('../../docs/operations.md', import.meta.url), 'utf8');
const BACKUP_NAME = 'tested';

// The fenced block after <!-- operations-test: name -->.
function block(name) {
  const found = new RegExp(
    `<!-- operations-test: ${name} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\``,
  ).exec(DOCUMENT);
  assert.ok(found, `docs/operations.md has no block marked ${name}`);
  return found[1];
}

let workspace;
let live;
let backups;
let db;

// Runs a shell block of the document with the test's folders and the built binary first on PATH.
function runBlock(name) {
  const script = block(name)
    .replaceAll('/var/lib/redress', live)
    .replaceAll('/var/backups/redress', backups)
    .replaceAll('$(date +%F-%H%M)', BACKUP_NAME)
    .replace(/\/\d{4}-\d{2}-\d{2}-\d{4}\b/, `/${BACKUP_NAME}`);
  const ran = spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${dirname(resolve(bin))}:${process.env.PATH}` },
    timeout: 120_000,
  });
  assert.equal(ran.status, 0, `${name}:\n${script}\n${ran.stdout}\n${ran.stderr}`);
  return ran.stdout;
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

async function logComplaint(call, token, summary) {
  const logged = await call('POST', '/api/v1/complaints', {
    token,
    body: {
      regime: 'corporate',
      received_on: '2026-01-05',
      channel: 'email',
      service_area: 'housing',
      category: 'repairs',
      summary,
      description: 'Told by email',
      complainant: { name: 'Ann Example', email: 'ann@example.org' },
    },
  });
  assert.equal(logged.status, 201, JSON.stringify(logged.body));
}

before(() => {
  workspace = tempDir();
  live = join(workspace.dir, 'lib');
  backups = join(workspace.dir, 'backups');
  mkdirSync(live);
  db = join(live, 'redress.db');
  assert.equal(redress(['init', '--db', db]).status, 0);
});

after(() => workspace?.cleanup());

test('the backup taken while serving restores to a database that verifies', async () => {
  const token = userWithToken(db, 'ops.admin', 'admin');
  let server = await startServe(db);
  const call = apiClient(server.base);
  for (const [path, body] of [
    ['/api/v1/teams/housing-services', { name: 'Housing Services' }],
    ['/api/v1/service-areas/housing', { name: 'Housing', team: 'housing-services' }],
    ['/api/v1/categories/repairs', { name: 'Repairs' }],
  ]) {
    const saved = await call('PUT', path, { token, body });
    assert.ok(saved.status < 300, JSON.stringify(saved.body));
  }
  await logComplaint(call, token, 'Leaking roof');
  await logComplaint(call, token, 'Missed repair');

  const printed = runBlock('backup');
  assert.match(printed, /complaints 2/);
  const backedUp = storeSummary(join(backups, BACKUP_NAME, 'redress.db'));
  assert.equal(backedUp.complaints, 2);

  // Work after the backup, which the restore must take back.
  await logComplaint(call, token, 'Work lost to the restore');
  await server.stop();
  assert.equal(storeSummary(db).complaints, 3);

  runBlock('restore');
  const verified = redress(['audit', 'verify', '--db', db]);
  assert.equal(verified.status, 0, verified.stderr);
  assert.deepEqual(storeSummary(db), backedUp);

  server = await startServe(db);
  try {
    const list = await apiClient(server.base)('GET', '/api/v1/complaints', { token });
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.items.map((row) => row.summary).sort(), [
      'Leaking roof',
      'Missed repair',
    ]);
  } finally {
    await server.stop();
  }
});

test('the systemd unit verifies', { skip: !has('systemd-analyze') }, () => {
  const unit = join(workspace.dir, 'redress.service');
  writeFileSync(unit, block('systemd-unit').replaceAll('/usr/local/bin/redress', resolve(bin)));
  const verified = spawnSync('systemd-analyze', ['verify', unit], { encoding: 'utf8' });
  assert.equal(verified.status, 0, verified.stderr);
  assert.equal(verified.stderr.trim(), '', 'no warnings');
});

test('the nginx site is accepted by nginx', { skip: !has('nginx') || !has('openssl') }, () => {
  const dir = join(workspace.dir, 'nginx');
  mkdirSync(dir);
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=localhost',
      '-days',
      '1',
    ].concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]),
    { encoding: 'utf8' },
  );
  assert.equal(made.status, 0, made.stderr);
  const site = block('nginx-site')
    .replace(/ssl_certificate \S+;/, `ssl_certificate ${join(dir, 'cert.pem')};`)
    .replace(/ssl_certificate_key \S+;/, `ssl_certificate_key ${join(dir, 'key.pem')};`);
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `pid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')};\nevents {}\n` +
      `http {\n  access_log off;\n${site}}\n`,
  );
  const checked = spawnSync('nginx', ['-t', '-c', conf, '-p', dir], { encoding: 'utf8' });
  assert.equal(checked.status, 0, checked.stderr);
});
