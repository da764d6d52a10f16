// `redress calendar ...` against the real binary: the fixed interface of DESIGN.md section 5.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoDatabase, redress, tempDir, testDatabase } from './helpers.mjs';

const addCases = [
  // [from, days, division, expected, why]
  ['2024-12-20', 5, null, '2024-12-31', 'DESIGN.md example: Christmas, Boxing Day and the weekend'],
  ['2024-12-20', 0, null, '2024-12-20', 'zero days is the date itself'],
  ['2024-12-21', 1, null, '2024-12-23', 'from a Saturday'],
  ['2022-12-23', 1, null, '2022-12-28', 'Christmas on Sunday: substitute Tuesday 27'],
  ['2022-05-31', 1, null, '2022-06-01', 'before the 2022 jubilee'],
  ['2022-06-01', 1, null, '2022-06-06', 'moved spring holiday and Platinum Jubilee'],
  ['2023-05-05', 1, null, '2023-05-09', 'Coronation of King Charles III'],
  ['2020-05-07', 1, null, '2020-05-11', 'VE day moved Early May to Friday 8'],
  ['2020-05-01', 1, null, '2020-05-04', 'Monday 4 May 2020 was a working day'],
  ['2022-09-16', 1, null, '2022-09-20', 'State Funeral of Queen Elizabeth II'],
  ['2024-03-29', 1, 'england-and-wales', '2024-04-02', 'Good Friday and Easter Monday'],
  ['2024-03-29', 1, 'scotland', '2024-04-01', 'no Easter Monday in Scotland'],
  ['2024-08-02', 1, 'scotland', '2024-08-06', 'Scottish summer holiday: first Monday in August'],
  [
    '2024-08-23',
    1,
    'scotland',
    '2024-08-26',
    'the last Monday in August is a working day in Scotland',
  ],
  ['2024-08-23', 1, 'england-and-wales', '2024-08-27', 'English summer holiday'],
  ['2023-12-29', 1, 'scotland', '2024-01-03', 'New Year and 2 January in Scotland'],
  ['2024-11-29', 1, 'scotland', '2024-12-03', "St Andrew's Day on Saturday: Monday substitute"],
  [
    '2024-03-15',
    1,
    'northern-ireland',
    '2024-03-19',
    "St Patrick's Day on Sunday: Monday substitute",
  ],
  ['2024-07-11', 1, 'northern-ireland', '2024-07-15', 'Battle of the Boyne'],
  ['2030-04-18', 1, null, '2030-04-23', 'predicted: Good Friday and Easter Monday 2030'],
  ['2010-12-24', 1, null, '2010-12-29', 'predicted: Christmas on Saturday, 27 and 28 off'],
  ['2100-12-24', 1, null, '2100-12-29', 'the last year of the calendar: Christmas on Saturday'],
  ['2000-04-20', 1, null, '2000-04-25', 'the first year of the calendar: Easter 2000'],
];

for (const [from, days, division, expected, why] of addCases) {
  test(`add-working-days ${from} + ${days} ${division ?? ''}: ${why}`, () => {
    const args = ['calendar', 'add-working-days', '--from', from, '--days', String(days)];
    if (division) args.push('--division', division);
    const result = redress(args);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `${expected}\n`);
  });
}

const betweenCases = [
  ['2024-12-20', '2024-12-31', null, 5],
  ['2024-12-20', '2024-12-20', null, 0],
  ['2024-12-31', '2024-12-20', null, -5],
  ['2024-01-01', '2024-12-31', null, 254],
  ['2024-01-01', '2024-12-31', 'scotland', 253],
  ['2023-12-31', '2024-12-31', 'northern-ireland', 252],
];

for (const [from, to, division, expected] of betweenCases) {
  test(`working-days-between ${from} ${to} ${division ?? ''}`, () => {
    const args = ['calendar', 'working-days-between', '--from', from, '--to', to];
    if (division) args.push('--division', division);
    const result = redress(args);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `${expected}\n`);
  });
}

test('closure days on the command line count as non-working', () => {
  const result = redress([
    'calendar',
    'add-working-days',
    '--from',
    '2024-12-20',
    '--days',
    '5',
    '--closure-day',
    '2024-12-27',
    '--closure-day',
    '2024-12-30',
    '--closure-day',
    '2024-12-31',
  ]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, '2025-01-06\n');
});

test("closure days and division come from the database's configuration", () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = demoDatabase(dir, 'cal.db', ['--seed', '3', '--today', '2022-06-30']);
    // The demo council closes between Christmas and New Year: 29-31 Dec 2021 are closure days.
    const result = redress([
      'calendar',
      'working-days-between',
      '--from',
      '2021-12-24',
      '--to',
      '2022-01-07',
      '--db',
      db,
    ]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '4\n');
    const plain = redress([
      'calendar',
      'working-days-between',
      '--from',
      '2021-12-24',
      '--to',
      '2022-01-07',
    ]);
    assert.equal(plain.stdout, '7\n');
  } finally {
    cleanup();
  }
});

test('closure days added with the CLI change the deadlines; bad ones are refused', () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = testDatabase(dir, 'closures.db');
    assert.equal(redress(['init', '--db', db]).status, 0);
    for (const date of ['2024-12-27', '2024-12-30', '2024-12-31']) {
      const added = redress([
        'closure-day',
        'add',
        '--db',
        db,
        '--date',
        date,
        '--reason',
        'Christmas shutdown',
      ]);
      assert.equal(added.status, 0, added.stderr);
    }
    const duplicate = redress([
      'closure-day',
      'add',
      '--db',
      db,
      '--date',
      '2024-12-27',
      '--reason',
      'again',
    ]);
    assert.equal(duplicate.status, 5);
    const impossible = redress([
      'closure-day',
      'add',
      '--db',
      db,
      '--date',
      '2024-02-30',
      '--reason',
      'no such day',
    ]);
    assert.equal(impossible.status, 2);
    assert.match(impossible.stderr, /date/);
    const listed = redress(['closure-day', 'list', '--db', db]);
    assert.equal(listed.stdout.trim().split('\n').length, 3);
    const due = redress([
      'calendar',
      'add-working-days',
      '--from',
      '2024-12-20',
      '--days',
      '5',
      '--db',
      db,
    ]);
    assert.equal(due.stdout, '2025-01-06\n');
    assert.equal(redress(['closure-day', 'remove', '--db', db, '--date', '2024-12-31']).status, 0);
    const missing = redress(['closure-day', 'remove', '--db', db, '--date', '2024-12-31']);
    assert.equal(missing.status, 3);
    const after = redress([
      'calendar',
      'add-working-days',
      '--from',
      '2024-12-20',
      '--days',
      '5',
      '--db',
      db,
    ]);
    assert.equal(after.stdout, '2025-01-03\n');
  } finally {
    cleanup();
  }
});

test('holidays lists official and predicted dates', () => {
  const official = redress(['calendar', 'holidays', '--year', '2024']);
  assert.equal(official.status, 0, official.stderr);
  assert.match(official.stdout, /^2024-03-29\tofficial\tGood Friday$/m);
  assert.equal(official.stdout.trim().split('\n').length, 8);
  const predicted = redress(['calendar', 'holidays', '--year', '2031', '--division', 'scotland']);
  assert.equal(predicted.status, 0, predicted.stderr);
  assert.match(predicted.stdout, /^2031-01-02\tpredicted\t/m);
  assert.match(predicted.stdout, /^2031-12-01\tpredicted\t/m); // St Andrew's Day substitute
});

const badInputs = [
  [['calendar', 'add-working-days', '--from', '2023-02-29', '--days', '1'], /from/],
  [['calendar', 'add-working-days', '--from', '20-12-2024', '--days', '1'], /from/],
  [['calendar', 'add-working-days', '--from', '1999-12-31', '--days', '1'], /from/],
  [['calendar', 'add-working-days', '--from', '2024-12-20', '--days', '-1'], /days/],
  [['calendar', 'add-working-days', '--from', '2024-12-20', '--days', 'five'], /days/],
  [['calendar', 'add-working-days', '--from', '2100-12-20', '--days', '30'], /days/],
  [
    ['calendar', 'add-working-days', '--from', '2024-12-20', '--days', '1', '--division', 'wales'],
    /division/,
  ],
  [['calendar', 'working-days-between', '--from', '2024-12-20', '--to', '2024-13-01'], /to/],
  [['calendar', 'add-working-days', '--days', '1'], /from/],
];

for (const [args, field] of badInputs) {
  test(`bad input is refused with exit 2 naming the field: ${args.join(' ')}`, () => {
    const result = redress(args);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, field);
  });
}
