// Evidence attached to cases (issue 16, "Proof"): every allowed type by its content, a disallowed
// type renamed .pdf, an empty file, names with a path and with control and right-to-left
// characters, an oversized file refused while it streams (the server's memory does not grow by
// the file's size), a virus test signature quarantined by a real clamd and never served, a
// download by a user outside a restricted case's team (404), nothing half-written after a refused
// or interrupted upload, and a SIGKILL during uploads that leaves no orphan and no missing file
// (the start-up sweep removes unfinished uploads and content no record names).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import {
  apiClient,
  assertProblem,
  redress,
  demoDatabase,
  onPostgres,
  query,
  startServe,
  tempDir,
  userWithToken,
} from './helpers.mjs';

const MIB = 1024 * 1024;
const MAX_FILE_BYTES = 20 * MIB;
const SIGNATURE_TEXT =
  'REDRESS-TEST-SIGNATURE: this harmless file stands for a virus in the tests.\n';

let workspace;
let db;
let files;
let clamd;
let server;
let call;
const tokens = {};
let reference; // an unrestricted housing complaint
let restrictedReference; // a children's statutory complaint
let restrictedTeam;

// ---------------------------------------------------------------------------------------------
// Files of each type, made here so the test carries no binaries.

function zip(dir, name, entries) {
  // Python's zipfile: OOXML and ODF containers as their applications write them.
  const script = `
import sys, zipfile, json
entries = json.loads(sys.argv[2])
with zipfile.ZipFile(sys.argv[1], 'w') as f:
    for n, c, stored in entries:
        f.writestr(n, c, compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
`;
  const path = join(dir, name);
  const made = spawnSync('python3', ['-c', script, path, JSON.stringify(entries)]);
  assert.equal(made.status, 0, String(made.stderr));
  return readFileSync(path);
}

function u32be(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function samples(dir) {
  const contentTypes = (part, type) =>
    `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="${part}" ContentType="${type}"/></Types>`;
  const bmp = Buffer.alloc(70);
  bmp.write('BM', 0, 'latin1');
  bmp.writeUInt32LE(70, 2);
  bmp.writeUInt32LE(54, 10);
  bmp.writeUInt32LE(40, 14);
  bmp.writeInt32LE(1, 18);
  bmp.writeInt32LE(1, 22);
  bmp.writeUInt16LE(1, 26);
  bmp.writeUInt16LE(24, 28);
  bmp.writeUInt32LE(16, 34);
  const wav = Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.from([36, 0, 0, 0]),
    Buffer.from('WAVEfmt '),
    Buffer.from([16, 0, 0, 0, 1, 0, 1, 0, 0x40, 0x1f, 0, 0, 0x40, 0x1f, 0, 0, 1, 0, 8, 0]),
    Buffer.from('data'),
    Buffer.from([0, 0, 0, 0]),
  ]);
  return [
    [
      'evidence.pdf',
      'application/pdf',
      Buffer.from(
        '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
      ),
    ],
    [
      'photo.jpg',
      'image/jpeg',
      Buffer.concat([
        Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
        Buffer.alloc(20),
        Buffer.from('ffd9', 'hex'),
      ]),
    ],
    [
      'photo.png',
      'image/png',
      Buffer.concat([
        Buffer.from('89504e470d0a1a0a', 'hex'),
        u32be(13),
        Buffer.from('IHDR'),
        u32be(1),
        u32be(1),
        Buffer.from([8, 2, 0, 0, 0]),
        Buffer.alloc(4),
      ]),
    ],
    [
      'photo.heic',
      'image/heic',
      Buffer.concat([
        u32be(24),
        Buffer.from('ftypheic'),
        Buffer.alloc(4),
        Buffer.from('mif1heic'),
        Buffer.alloc(16),
      ]),
    ],
    [
      'scan.tif',
      'image/tiff',
      Buffer.concat([Buffer.from('II*\0\x08\0\0\0', 'latin1'), Buffer.alloc(16)]),
    ],
    ['scan.bmp', 'image/bmp', bmp],
    [
      'letter.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      zip(dir, 'a.docx', [
        [
          '[Content_Types].xml',
          contentTypes(
            '/word/document.xml',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
          ),
          false,
        ],
        ['_rels/.rels', '<Relationships/>', false],
        ['word/document.xml', '<w:document/>', false],
      ]),
    ],
    [
      'costs.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      zip(dir, 'a.xlsx', [
        [
          '[Content_Types].xml',
          contentTypes(
            '/xl/workbook.xml',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
          ),
          false,
        ],
        ['_rels/.rels', '<Relationships/>', false],
        ['xl/workbook.xml', '<workbook/>', false],
      ]),
    ],
    [
      'notes.odt',
      'application/vnd.oasis.opendocument.text',
      zip(dir, 'a.odt', [
        ['mimetype', 'application/vnd.oasis.opendocument.text', true],
        ['content.xml', '<office:document-content/>', false],
      ]),
    ],
    ['notes.txt', 'text/plain', Buffer.from('Damp and mould in the back bedroom since March.\n')],
    [
      'email.eml',
      'message/rfc822',
      Buffer.from(
        'Return-Path: <res@example.org>\nReceived: from mail.example.org\nFrom: Resident <res@example.org>\nTo: complaints@council.example\nSubject: Mould\nDate: Mon, 1 Jul 2024 10:00:00 +0100\nMessage-ID: <1@example.org>\n\nPlease see attached.\n',
      ),
    ],
    [
      'call.mp3',
      'audio/mpeg',
      Buffer.concat([
        Buffer.from('ID3\x03\0\0\0\0\0\0', 'latin1'),
        Buffer.from('fffb9064', 'hex'),
        Buffer.alloc(400),
      ]),
    ],
    [
      'call.m4a',
      'audio/x-m4a',
      Buffer.concat([
        u32be(28),
        Buffer.from('ftypM4A '),
        Buffer.alloc(4),
        Buffer.from('M4A mp42isom'),
        Buffer.alloc(16),
      ]),
    ],
    ['call.wav', 'audio/x-wav', wav],
  ];
}

// A multipart/form-data body of text fields and files ([field, name, bytes]).
function multipart(fields, fileParts) {
  const boundary = `----redress${Math.random().toString(16).slice(2)}`;
  const chunks = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  for (const [field, name, bytes] of fileParts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    chunks.push(bytes);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

async function upload(path, fileParts, { token = tokens.handler, fields = {} } = {}) {
  const { body, type } = multipart(fields, fileParts);
  return call('POST', path, { token, raw: body, headers: { 'content-type': type } });
}

async function download(path, token = tokens.handler, headers = {}) {
  const response = await fetch(`${server.base}${path}`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

function fileCount(dir) {
  if (!existsSync(dir)) return 0;
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) count += 1;
  }
  return count;
}

function rows(sql) {
  return query(db, sql).trim().split('\n').filter(Boolean);
}

// Content files on disk against the attachments that name them: neither without the other.
function assertFilesMatchRecords() {
  const named = new Set(rows('SELECT DISTINCT sha256 FROM attachments WHERE removed_at IS NULL'));
  const stored = new Set();
  const root = join(files, 'sha256');
  for (const shard of existsSync(root) ? readdirSync(root) : []) {
    for (const name of readdirSync(join(root, shard))) stored.add(name);
  }
  for (const sha of named) assert.ok(stored.has(sha), `a record names missing content ${sha}`);
  for (const sha of stored) assert.ok(named.has(sha), `content ${sha} is named by no record`);
  assert.equal(fileCount(join(files, 'tmp')), 0, 'an unfinished upload was left behind');
}

function rssKib(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

// ---------------------------------------------------------------------------------------------

async function startClamd() {
  const dir = join(workspace.dir, 'clamd');
  mkdirSync(join(dir, 'db'), { recursive: true });
  const signature = Buffer.from(SIGNATURE_TEXT);
  const md5 = createHash('md5').update(signature).digest('hex');
  // A hash signature of the test file, made here: the database holds nothing else.
  writeFileSync(
    join(dir, 'db', 'redress-test.hdb'),
    `${md5}:${signature.length}:Redress.Test.Signature\n`,
  );
  const socket = join(dir, 'clamd.sock');
  writeFileSync(
    join(dir, 'clamd.conf'),
    [
      `LocalSocket ${socket}`,
      `DatabaseDirectory ${join(dir, 'db')}`,
      `TemporaryDirectory ${dir}`,
      'Foreground yes',
      // At least Redress's own per-file limit, and a larger file is reported, not passed.
      'StreamMaxLength 25M',
      'AlertExceedsMax yes',
      `LogFile ${join(dir, 'clamd.log')}`,
      '',
    ].join('\n'),
  );
  const child = spawn('/usr/sbin/clamd', ['-c', join(dir, 'clamd.conf')], { stdio: 'ignore' });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (existsSync(socket)) {
      const ok = await new Promise((resolve) => {
        const probe = connect(socket, () => {
          probe.end('zPING\0');
        });
        probe.on('data', () => resolve(true));
        probe.on('error', () => resolve(false));
      });
      if (ok) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, socket };
}

before(async () => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'attachments.db', ['--seed', '3', '--today', '2022-06-30']);
  // A database named by URL has no folder beside it: the files go where --files says.
  files = onPostgres ? join(workspace.dir, 'files') : `${db}.files`;
  reference = rows(
    "SELECT reference FROM complaints WHERE NOT restricted AND service_area = 'housing' ORDER BY id LIMIT 1",
  )[0];
  [restrictedReference, restrictedTeam] = rows(
    'SELECT c.reference, s.team FROM complaints c JOIN complaint_stages s ON s.complaint_id = c.id ' +
      'WHERE c.restricted AND s.team IS NOT NULL ORDER BY c.id LIMIT 1',
  )[0].split('|');
  tokens.handler = userWithToken(db, 'att.handler', 'case_handler', 'housing-services');
  tokens.viewer = userWithToken(db, 'att.viewer', 'viewer', 'housing-services');
  tokens.insider = userWithToken(db, 'att.insider', 'case_handler', restrictedTeam);
  tokens.outsider = userWithToken(db, 'att.outsider', 'manager', 'housing-services');
  tokens.admin = userWithToken(db, 'att.admin', 'admin');
  clamd = await startClamd();
  server = await startServe(db, ['--clamd-socket', clamd.socket, '--files', files]);
  call = apiClient(server.base);
});

after(async () => {
  await server?.stop();
  if (clamd?.child.exitCode === null) {
    process.kill(clamd.child.pid, 'SIGTERM');
    await once(clamd.child, 'exit');
  }
  workspace?.cleanup();
});

test('each allowed type is typed by its content, stored once by its SHA-256 and listed', async (t) => {
  const path = `/api/v1/complaints/${reference}/attachments`;
  const dir = join(workspace.dir, 'samples');
  mkdirSync(dir, { recursive: true });
  for (const [name, mediaType, bytes] of samples(dir)) {
    await t.test(name, async () => {
      const added = await upload(path, [['file', name, bytes]], {
        fields: { description: `A ${name}`, supplied_by_resident: 'true' },
      });
      assert.equal(added.status, 201, JSON.stringify(added.body));
      const [attachment] = added.body.attachments;
      assert.equal(attachment.media_type, mediaType);
      assert.equal(attachment.name, name);
      assert.equal(attachment.size, bytes.length);
      assert.equal(attachment.sha256, createHash('sha256').update(bytes).digest('hex'));
      assert.equal(attachment.scan_state, 'clean');
      assert.equal(attachment.supplied_by_resident, true);
      const got = await download(attachment.content);
      assert.equal(got.status, 200);
      assert.deepEqual(got.bytes, bytes);
      assert.equal(got.headers.get('content-type'), mediaType);
      assert.match(got.headers.get('content-disposition'), /^attachment; filename=/);
      assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(got.headers.get('cache-control'), 'no-store');
      assert.match(got.headers.get('content-security-policy'), /sandbox/);
    });
  }
  const listed = await call('GET', path, { token: tokens.viewer });
  assert.equal(listed.status, 200);
  assert.ok(listed.body.attachments.length >= 14);
  // The same content attached again is stored once.
  const again = await upload(path, [
    ['file', 'copy.txt', Buffer.from('Damp and mould in the back bedroom since March.\n')],
  ]);
  assert.equal(again.status, 201);
  const copies = rows(
    `SELECT count(*) FROM attachments WHERE sha256 = '${again.body.attachments[0].sha256}'`,
  );
  assert.equal(copies[0], '2');
  assertFilesMatchRecords();
  // On the timeline with the hash.
  const timeline = await call('GET', `/api/v1/complaints/${reference}/timeline`, {
    token: tokens.viewer,
  });
  const events = JSON.stringify(timeline.body);
  assert.ok(events.includes('attachment_added'));
  assert.ok(events.includes(again.body.attachments[0].sha256));
});

test('refused files: a disallowed type renamed .pdf, an empty file, no file; nothing kept', async () => {
  const path = `/api/v1/complaints/${reference}/attachments`;
  const before = rows('SELECT count(*) FROM attachments')[0];
  const exe = Buffer.concat([
    Buffer.from('MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0', 'latin1'),
    Buffer.alloc(100),
  ]);
  const renamed = await upload(path, [
    ['file', 'invoice.pdf', exe],
    ['file', 'fine.txt', Buffer.from('fine\n')],
  ]);
  assertProblem(assert, renamed, 422, 'file');
  assert.equal(renamed.body.errors[0].code, 'not_in_list');
  const empty = await upload(path, [['file', 'empty.pdf', Buffer.alloc(0)]]);
  assertProblem(assert, empty, 422, 'file');
  assert.equal(empty.body.errors[0].code, 'invalid');
  const none = await upload(path, [], { fields: { description: 'no file' } });
  assertProblem(assert, none, 422, 'file');
  const wrongType = await call('POST', path, { token: tokens.handler, body: { file: 'x' } });
  assert.equal(wrongType.status, 415);
  assert.equal(rows('SELECT count(*) FROM attachments')[0], before);
  assertFilesMatchRecords();
});

test('names lose their path, control and bidirectional characters', async () => {
  const path = `/api/v1/complaints/${reference}/attachments`;
  const cases = [
    ['../../etc/passwd', 'passwd'],
    ['C:\\\\Users\\\\ann\\\\notes.txt', 'notes.txt'],
    ['bad\u0001\u0007name\u202egpj.txt', 'badnamegpj.txt'],
    ['\u2066mould\u2069\u200f.txt', 'mould.txt'],
  ];
  for (const [sent, kept] of cases) {
    const added = await upload(path, [['file', sent, Buffer.from(`text for ${kept}\n`)]]);
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.equal(added.body.attachments[0].name, kept, sent);
    const got = await download(added.body.attachments[0].content);
    assert.ok(!got.headers.get('content-disposition').includes('/'));
  }
  assert.ok(!existsSync(join(workspace.dir, 'etc')));
});

test('an oversized file is refused while it streams, and memory does not grow by its size', async () => {
  const path = `/api/v1/complaints/${reference}/attachments`;
  const before = rows('SELECT count(*) FROM attachments')[0];
  const rssBefore = rssKib(server.process.pid);
  const size = 100 * MIB; // five times the limit
  const boundary = '----redressbig';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n`,
  );
  const chunk = Buffer.alloc(MIB, 'a');
  let sent = 0;
  let peak = rssBefore;
  const url = new URL(`${server.base}${path}`);
  const answer = await new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokens.handler}\r\n` +
          `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${head.length + size + boundary.length + 8}\r\n\r\n`,
      );
      socket.write(head);
      const pump = () => {
        while (sent < size) {
          peak = Math.max(peak, rssKib(server.process.pid));
          sent += chunk.length;
          if (!socket.write(chunk)) return socket.once('drain', pump);
        }
        return undefined;
      };
      pump();
    });
    let text = '';
    socket.on('data', (data) => {
      text += data.toString('latin1');
    });
    socket.on('close', () => resolve(text));
    socket.on('error', () => resolve(text));
    setTimeout(() => reject(new Error('no answer')), 60_000);
  });
  assert.match(answer, /^HTTP\/1\.1 413/);
  assert.match(answer, /too_long/);
  assert.ok(sent < size, `the whole ${size} bytes were read before refusing`);
  const growth = peak - rssBefore;
  console.log(
    `oversized upload: RSS before ${rssBefore} KiB, peak ${peak} KiB, sent ${Math.round(sent / MIB)} MiB of ${size / MIB} MiB before the refusal`,
  );
  assert.ok(growth < MAX_FILE_BYTES / 1024 / 2, `RSS grew by ${growth} KiB`);
  assert.equal(rows('SELECT count(*) FROM attachments')[0], before);
  assertFilesMatchRecords();
});

test('an interrupted upload leaves nothing half-written', async () => {
  const path = `/api/v1/complaints/${reference}/attachments`;
  const before = rows('SELECT count(*) FROM attachments')[0];
  const url = new URL(`${server.base}${path}`);
  await new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokens.handler}\r\n` +
          'Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 10000000\r\n\r\n' +
          '--b\r\nContent-Disposition: form-data; name="file"; filename="cut.txt"\r\n\r\n',
      );
      socket.write(Buffer.alloc(3 * MIB, 'c'), () => setTimeout(() => socket.destroy(), 200));
    });
    socket.on('close', resolve);
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(rows('SELECT count(*) FROM attachments')[0], before);
  assertFilesMatchRecords();
});

test('the test signature is quarantined by clamd, flagged on the case and never served', async () => {
  const path = `/api/v1/complaints/${reference}/attachments`;
  const added = await upload(path, [['file', 'innocent.txt', Buffer.from(SIGNATURE_TEXT)]]);
  assert.equal(added.status, 201, JSON.stringify(added.body));
  const [attachment] = added.body.attachments;
  assert.equal(attachment.scan_state, 'infected');
  assert.equal(attachment.may_download, false);
  const got = await download(attachment.content);
  assert.equal(got.status, 409);
  assert.ok(!got.bytes.toString().includes('REDRESS-TEST-SIGNATURE'));
  const timeline = await call('GET', `/api/v1/complaints/${reference}/timeline`, {
    token: tokens.viewer,
  });
  assert.ok(JSON.stringify(timeline.body).includes('quarantined'));
});

test('ranges, inline images and removal with a reason', async () => {
  const path = `/api/v1/complaints/${reference}/attachments`;
  const text = Buffer.from('0123456789abcdefghij\n');
  const added = await upload(path, [['file', 'range.txt', text]]);
  const { content, id } = added.body.attachments[0];
  const part = await download(content, tokens.handler, { range: 'bytes=2-5' });
  assert.equal(part.status, 206);
  assert.equal(part.bytes.toString(), '2345');
  assert.equal(part.headers.get('content-range'), `bytes 2-5/${text.length}`);
  const tail = await download(content, tokens.handler, { range: 'bytes=-3' });
  assert.equal(tail.bytes.toString(), 'ij\n');
  const outside = await download(content, tokens.handler, { range: 'bytes=100-' });
  assert.equal(outside.status, 416);
  const inlineText = await download(`${content}?disposition=inline`);
  assert.match(inlineText.headers.get('content-disposition'), /^attachment/);

  const noReason = await call('DELETE', `${path}/${id}`, { token: tokens.handler, body: {} });
  assertProblem(assert, noReason, 422, 'reason');
  const viewerRemoves = await call('DELETE', `${path}/${id}`, {
    token: tokens.viewer,
    body: { reason: 'x' },
  });
  assert.equal(viewerRemoves.status, 403);
  const sha = added.body.attachments[0].sha256;
  const removed = await call('DELETE', `${path}/${id}`, {
    token: tokens.handler,
    body: { reason: 'Attached to the wrong case' },
  });
  assert.equal(removed.status, 204);
  assert.equal((await download(content)).status, 404);
  assert.equal(
    rows(`SELECT removal_reason FROM attachments WHERE id = ${id}`)[0],
    'Attached to the wrong case',
  );
  assert.ok(!existsSync(join(files, 'sha256', sha.slice(0, 2), sha)), 'unreferenced content stays');
  const timeline = await call('GET', `/api/v1/complaints/${reference}/timeline`, {
    token: tokens.viewer,
  });
  assert.ok(JSON.stringify(timeline.body).includes('attachment_removed'));
  assertFilesMatchRecords();
});

test("a restricted case's files are 404 to anyone outside its team", async () => {
  const path = `/api/v1/complaints/${restrictedReference}/attachments`;
  const added = await upload(path, [['file', 'child.txt', Buffer.from('restricted evidence\n')]], {
    token: tokens.insider,
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  const { content, id } = added.body.attachments[0];
  assert.equal((await download(content, tokens.insider)).status, 200);
  const outsiderDownload = await download(content, tokens.outsider);
  assert.equal(outsiderDownload.status, 404);
  assert.ok(!outsiderDownload.bytes.toString().includes('restricted evidence'));
  assertProblem(assert, await call('GET', path, { token: tokens.outsider }), 404);
  const outsiderUpload = await upload(path, [['file', 'x.txt', Buffer.from('x\n')]], {
    token: tokens.outsider,
  });
  assertProblem(assert, outsiderUpload, 404);
  const outsiderRemove = await call('DELETE', `${path}/${id}`, {
    token: tokens.outsider,
    body: { reason: 'x' },
  });
  assertProblem(assert, outsiderRemove, 404);
  // Exactly what a complaint that does not exist answers.
  const missing = await download(
    `/api/v1/complaints/CMP-2099-999999/attachments/${id}/content`,
    tokens.outsider,
  );
  assert.equal(missing.status, 404);
});

test('attachments on service requests, Ombudsman cases and learning actions', async () => {
  const [sr] = rows('SELECT reference FROM service_requests ORDER BY id LIMIT 1');
  const [omb] = rows('SELECT reference FROM ombudsman_cases ORDER BY id LIMIT 1');
  const [lrn] = rows('SELECT reference FROM learning_actions ORDER BY id LIMIT 1');
  for (const [base, token] of [
    [`/api/v1/service-requests/${sr}`, tokens.handler],
    [`/api/v1/ombudsman/cases/${omb}`, tokens.admin],
    [`/api/v1/learning/${lrn}`, tokens.admin],
  ]) {
    if (base.endsWith('undefined')) continue;
    const added = await upload(
      `${base}/attachments`,
      [['file', 'decision.pdf', Buffer.from('%PDF-1.4\n%%EOF\n')]],
      { token },
    );
    assert.equal(added.status, 201, `${base}: ${JSON.stringify(added.body)}`);
    const listed = await call('GET', `${base}/attachments`, { token: tokens.viewer });
    assert.equal(listed.body.attachments.length, 1);
    // A reference of another kind is not found under this path.
    assertProblem(
      assert,
      await call('GET', `/api/v1/learning/${reference}/attachments`, { token: tokens.viewer }),
      404,
    );
  }
});

test('the allow-list and limits are an admin setting', async () => {
  const policy = await call('GET', '/api/v1/attachment-policy', { token: tokens.viewer });
  assert.equal(policy.body.max_file_bytes, MAX_FILE_BYTES);
  const bad = await call('PUT', '/api/v1/attachment-policy', {
    token: tokens.admin,
    body: { max_file_bytes: 0, max_case_bytes: 10, allowed: [] },
  });
  assertProblem(assert, bad, 422, 'max_file_bytes');
  const fields = bad.body.errors.map((e) => e.field).sort();
  assert.deepEqual(fields, ['allowed', 'max_file_bytes']);
  const saved = await call('PUT', '/api/v1/attachment-policy', {
    token: tokens.admin,
    body: { ...policy.body, allowed: [{ media_type: 'application/pdf', label: 'PDF' }] },
  });
  assert.equal(saved.status, 200);
  const text = await upload(`/api/v1/complaints/${reference}/attachments`, [
    ['file', 'a.txt', Buffer.from('now refused\n')],
  ]);
  assertProblem(assert, text, 422, 'file');
  assert.match(text.body.errors[0].message, /PDF/);
  await call('PUT', '/api/v1/attachment-policy', { token: tokens.admin, body: policy.body });
});

test('SIGKILL during uploads leaves no orphan and no missing file', async () => {
  const path = `/api/v1/complaints/${reference}/attachments`;
  const uploads = [];
  for (let i = 0; i < 8; i += 1) {
    uploads.push(
      upload(path, [['file', `kill-${i}.txt`, Buffer.alloc(2 * MIB + i, `k${i}`)]]).catch(
        () => null,
      ),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 30));
  process.kill(server.process.pid, 'SIGKILL');
  await once(server.process, 'exit').catch(() => {});
  const answered = (await Promise.all(uploads)).filter((r) => r?.status === 201);
  // Whatever was answered 201 is on disk and in the database.
  for (const result of answered) {
    const sha = result.body.attachments[0].sha256;
    assert.ok(existsSync(join(files, 'sha256', sha.slice(0, 2), sha)));
  }
  server = await startServe(db, ['--clamd-socket', clamd.socket, '--files', files]);
  call = apiClient(server.base);
  assertFilesMatchRecords();
  for (const result of answered) {
    const got = await download(result.body.attachments[0].content);
    assert.equal(got.status, 200);
  }
  const mode = statSync(files).mode & 0o777;
  assert.equal(mode, 0o700);
});
