// The post room's daily print batch through the real `redress serve` (issue 15): every letter that
// goes by post and is not yet printed, in one PDF whose pages (pdfinfo) are the letters' pages
// and whose first page of each letter carries its address block (pdftotext), exactly as issued;
// the post room's list as CSV with the deadline and a warning where posting now misses it; a
// batch marked printed records each letter once with a letter_printed event, the letter says it
// was printed, and the next day's batch no longer holds it; the command line does the same.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  HOUSING,
  addHousing,
  addWorkingDays,
  apiClient,
  assertProblem,
  checkedCaller,
  createComplaint,
  download,
  emptyDatabase,
  issueLetter,
  pdfText,
  putSettings,
  redress,
  startServe,
  tempDir,
  today,
  userWithToken,
  workingDaysBefore,
} from './helpers.mjs';

const TEAM = HOUSING.team;

let workspace;
let db;
let server;
let call;
const tokens = {};

const as = (user, method, path, body) => call(method, path, { token: tokens[user], body });

async function logComplaint(name, postcode, receivedOn) {
  const logged = await createComplaint(call, tokens.one, {
    received_on: receivedOn,
    channel: 'letter',
    complainant: {
      name,
      email: `${name.split(' ')[0].toLowerCase()}@example.org`,
      phone: '',
      address: `${name.length} Mill Lane, Exampleton`,
      postcode,
    },
  });
  return logged.reference;
}

function issue(ref, channel, extra = {}) {
  return issueLetter(call, tokens.one, ref, {
    type: 'acknowledgement',
    channel,
    // The letter records the acknowledgement: its response date is then the case's.
    record_event: true,
    parts: { complaint_definition: 'The roof over the bedroom leaks when it rains.' },
    ...extra,
  });
}

function pdfPages(file) {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
  return Number(/Pages:\s+(\d+)/.exec(info)[1]);
}

function pdfPageText(file, page) {
  return pdfText(file, '-layout', '-f', String(page), '-l', String(page));
}

const people = [
  { name: 'Ada Posted', postcode: 'EX1 1AA' },
  { name: 'Bea Both', postcode: 'EX2 2BB' },
  { name: 'Cyd Emailed', postcode: 'EX3 3CC' },
  { name: 'Dot Late', postcode: 'EX4 4DD' },
];
const refs = {};
const letters = {};

before(async () => {
  workspace = tempDir();
  db = emptyDatabase(workspace.dir, 'print-batch.db');
  tokens.admin = userWithToken(db, 'batch.admin', 'admin');
  server = await startServe(db);
  call = apiClient(server.base);
  const admin = checkedCaller(call, tokens.admin);
  await addHousing(admin);
  await putSettings(admin, { name: 'Exampleshire Council', division: 'england-and-wales' });
  tokens.one = userWithToken(db, 'batch.one', 'complaints_officer', TEAM);
  tokens.viewer = userWithToken(db, 'batch.viewer', 'viewer', TEAM);

  // Three letters by post (one of them by post and email), one by email only; Dot's complaint came
  // in two working days ago, so a letter posted now reaches her after its acknowledgement is due.
  const yesterday = workingDaysBefore(today(), 1);
  for (const person of people) {
    const receivedOn = person.name === 'Dot Late' ? workingDaysBefore(today(), 2) : yesterday;
    refs[person.name] = await logComplaint(person.name, person.postcode, receivedOn);
  }
  letters.ada = await issue(refs['Ada Posted'], 'post', { issued_on: yesterday });
  letters.bea = await issue(refs['Bea Both'], 'both');
  letters.cyd = await issue(refs['Cyd Emailed'], 'email');
  letters.dot = await issue(refs['Dot Late'], 'post');
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

test('the batch holds the letters to post, with their deadlines and a warning where posting misses one', async () => {
  assert.equal(letters.ada.postal.state, 'waiting');
  assert.equal(letters.cyd.postal, null);
  const batch = await as('one', 'GET', `/api/v1/print-batches/${today()}`);
  assert.equal(batch.status, 200, JSON.stringify(batch.body));
  const names = batch.body.letters.map((l) => l.recipient.name);
  // By issue date: Ada's letter of yesterday first; never the letter by email only.
  assert.equal(names[0], 'Ada Posted');
  assert.deepEqual([...names].sort(), ['Ada Posted', 'Bea Both', 'Dot Late']);
  assert.equal(batch.body.waiting, 3);
  assert.equal(
    batch.body.pages,
    batch.body.letters.reduce((sum, l) => sum + l.pages, 0),
  );
  const expected = addWorkingDays(today(), 4);
  for (const letter of batch.body.letters) {
    assert.equal(letter.expected_delivery, expected);
    const complaint = await as('one', 'GET', `/api/v1/complaints/${letter.reference}`);
    assert.equal(letter.deadline, complaint.body.stages[0].acknowledge_by);
    const late = letter.deadline < expected;
    assert.equal(letter.posting_warning !== null, late, JSON.stringify(letter));
    if (late)
      assert.deepEqual(letter.posting_warning, {
        expected_delivery: expected,
        deadline: letter.deadline,
      });
  }
  const dot = batch.body.letters.find((l) => l.recipient.name === 'Dot Late');
  assert.ok(dot.posting_warning, 'Dot’s letter is warned of');

  // The list for the post room: a header in words, a row per letter, the warning in words.
  const csv = await download(server.base, `/api/v1/print-batches/${today()}/csv`, tokens.one);
  assert.equal(csv.status, 200);
  assert.match(csv.type, /^text\/csv/);
  const rows = csv.bytes.toString('utf8').trim().split(/\r?\n/);
  assert.match(
    rows[0],
    /^Reference,Letter,Letter type,Recipient,Address,Issued on,Pages,Deadline,Expected delivery,Warning,Printed in batch/,
  );
  assert.equal(rows.length, 4);
  const dotRow = rows.find((r) => r.includes('Dot Late'));
  assert.ok(dotRow.includes(refs['Dot Late']) && dotRow.includes('Acknowledgement'), dotRow);
  assert.ok(dotRow.includes(`after its deadline of ${dot.deadline}`), dotRow);
  assert.ok(!rows.some((r) => r.includes('Cyd Emailed')));

  const future = await as('one', 'GET', '/api/v1/print-batches/not-a-date');
  assertProblem(assert, future, 422, 'date');
});

test('the batch PDF is every letter as issued, each address block on its first page', async () => {
  const batch = (await as('one', 'GET', `/api/v1/print-batches/${today()}`)).body;
  const pdf = await download(server.base, `/api/v1/print-batches/${today()}/pdf`, tokens.one);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.type, 'application/pdf');
  const file = join(workspace.dir, 'batch.pdf');
  writeFileSync(file, pdf.bytes);
  assert.equal(pdfPages(file), batch.pages);
  let page = 1;
  for (const letter of batch.letters) {
    const text = pdfPageText(file, page);
    assert.ok(text.includes(letter.recipient.name), `page ${page}: ${text}`);
    for (const line of letter.recipient.address.split('\n')) {
      assert.ok(text.includes(line), `${line} on page ${page}: ${text}`);
    }
    assert.ok(text.includes(letter.reference), text);
    page += letter.pages;
  }
  // An empty batch has no PDF.
  const empty = await as('one', 'GET', '/api/v1/print-batches/2020-01-06/pdf');
  assertProblem(assert, empty, 404);
});

test('marking the batch printed records each letter once, with an event, and empties the next batch', async () => {
  const future = await as(
    'one',
    'POST',
    `/api/v1/print-batches/${addWorkingDays(today(), 1)}/printed`,
    {},
  );
  assertProblem(assert, future, 422, 'date');
  const viewer = await as('viewer', 'POST', `/api/v1/print-batches/${today()}/printed`, {});
  assertProblem(assert, viewer, 403);

  // Naming letters: each one that is not waiting is named in one answer, nothing recorded.
  const wrong = await as('one', 'POST', `/api/v1/print-batches/${today()}/printed`, {
    letters: [
      { reference: refs['Ada Posted'], number: 1 },
      { reference: refs['Cyd Emailed'], number: 1 },
      { reference: refs['Ada Posted'], number: 7 },
    ],
  });
  assertProblem(assert, wrong, 422);
  assert.deepEqual(
    wrong.body.errors.map((e) => e.field),
    ['letters[1]', 'letters[2]'],
  );

  const one = await as('one', 'POST', `/api/v1/print-batches/${today()}/printed`, {
    letters: [{ reference: refs['Ada Posted'], number: 1 }],
  });
  assert.equal(one.status, 200, JSON.stringify(one.body));
  assert.deepEqual(
    one.body.printed.map((p) => p.reference),
    [refs['Ada Posted']],
  );
  const rest = await as('one', 'POST', `/api/v1/print-batches/${today()}/printed`);
  assert.equal(rest.status, 200, JSON.stringify(rest.body));
  assert.deepEqual(
    rest.body.printed.map((p) => p.reference).sort(),
    [refs['Bea Both'], refs['Dot Late']].sort(),
  );
  const again = await as('one', 'POST', `/api/v1/print-batches/${today()}/printed`);
  assert.deepEqual(again.body.printed, []);

  // The letter says it was printed, and its complaint's timeline says so once.
  const ada = await as('one', 'GET', `/api/v1/complaints/${refs['Ada Posted']}/letters/1`);
  assert.equal(ada.body.postal.state, 'printed');
  assert.equal(ada.body.postal.print_batch, today());
  assert.equal(ada.body.postal.printed_by, 'batch.one');
  const timeline = await as('one', 'GET', `/api/v1/complaints/${refs['Ada Posted']}/timeline`);
  const printed = timeline.body.filter((e) => e.type === 'letter_printed');
  assert.equal(printed.length, 1);
  assert.ok(printed[0].changes.some((c) => c.field === 'sha256' && c.after === letters.ada.sha256));

  // Today's batch keeps them, printed; the next day's has nothing left to print.
  const batch = await as('one', 'GET', `/api/v1/print-batches/${today()}`);
  assert.equal(batch.body.waiting, 0);
  assert.ok(batch.body.letters.every((l) => l.printed && l.printed.print_batch === today()));
  const next = await as('one', 'GET', `/api/v1/print-batches/${addWorkingDays(today(), 1)}`);
  assert.deepEqual(next.body.letters, []);
});

test('the command line lists the batch, writes its PDF and CSV, and marks it printed', async () => {
  const ref = await logComplaint('Eve Command', 'EX5 5EE', workingDaysBefore(today(), 1));
  await issue(ref, 'post');
  const pdf = join(workspace.dir, 'cli.pdf');
  const csv = join(workspace.dir, 'cli.csv');
  const listed = redress([
    'letters',
    'print-batch',
    today(),
    '--db',
    db,
    '--pdf',
    pdf,
    '--csv',
    csv,
  ]);
  assert.equal(listed.status, 0, listed.stderr);
  assert.ok(listed.stdout.includes(`${ref} letter 1`), listed.stdout);
  assert.match(listed.stdout, /1 waiting/);
  assert.ok(pdfPages(pdf) >= 4);
  assert.ok(pdfText(pdf).includes('Eve Command'));
  const marked = redress(['letters', 'mark-printed', today(), '--db', db]);
  assert.equal(marked.status, 0, marked.stderr);
  assert.match(marked.stdout, /^1 letter recorded as printed/);
  const bad = redress(['letters', 'print-batch', '2026-02-30', '--db', db]);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /date/);
});
