// The command line records and changes Ombudsman cases, failure orders, the LGSCO letter, learning
// actions and the self-assessment, through the real binary on a demo council: each command's
// effect read back through the views and the database, bad options named and exiting 2 with
// nothing written, and a complaint's timeline following the case's links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { auditEventCount, demoDatabase, query, redress, tempDir } from './helpers.mjs';

const EXIT_USAGE = 2;
const EXIT_NOT_FOUND = 3;
// Dates well in the past, so that whatever day the test runs what happened has happened.
const YEAR = '2022';

let workspace;
let db;
let complaints;

before(() => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'cli.db', ['--seed', '3', '--today', '2022-06-30']);
  complaints = query(
    db,
    "SELECT reference FROM complaints WHERE NOT restricted AND service_area = 'housing' " +
      'ORDER BY id LIMIT 2',
  )
    .trim()
    .split('\n');
});

after(() => workspace?.cleanup());

function run(...args) {
  const result = redress([...args, '--db', db]);
  return { ...result, out: result.stdout.trim() };
}

function ok(...args) {
  const result = run(...args);
  assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
  return result.out;
}

const eventCount = () => auditEventCount(db);

// Runs a command that must fail with `status`, naming `option`, and write nothing.
function refused(status, option, ...args) {
  const events = eventCount();
  const result = run(...args);
  assert.equal(result.status, status, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
  if (option) assert.match(result.stderr, new RegExp(option), result.stderr);
  assert.equal(eventCount(), events, 'a refused command wrote nothing');
}

function timelineTypes(complaint, caseReference) {
  return query(
    db,
    `SELECT type FROM events WHERE entity_type = 'complaint' AND entity_ref = '${complaint}' ` +
      `AND changes LIKE '%${caseReference}%' ORDER BY sequence`,
  )
    .trim()
    .split('\n');
}

test('an Ombudsman case is recorded, decided, moved between complaints and complied with', () => {
  const recorded = ok(
    'ombudsman',
    'add',
    '--ombudsman',
    'housing_ombudsman',
    '--complaint',
    complaints[0],
    '--ombudsman-reference',
    '202201234',
    '--summary',
    'Damp and mould',
    '--referred-on',
    '2022-05-01',
    '--enquiry-received-on',
    '2022-05-10',
    '--information-due-on',
    '2022-05-24',
  );
  const reference = recorded.match(/^recorded (OMB-\d{4}-\d{6})$/)?.[1];
  assert.ok(reference, recorded);

  refused(
    EXIT_USAGE,
    '--enquiry-received-on',
    'ombudsman',
    'add',
    '--ombudsman',
    'nobody',
    '--enquiry-received-on',
    '2022-02-30',
  );
  // A final decision needs its findings: the core's rule, named by its field.
  refused(
    EXIT_USAGE,
    'findings',
    'ombudsman',
    'update',
    '--reference',
    reference,
    '--final-decision-on',
    '2022-09-01',
  );
  refused(
    EXIT_USAGE,
    '--unlink',
    'ombudsman',
    'update',
    '--reference',
    reference,
    '--unlink',
    complaints[1],
  );

  ok(
    'ombudsman',
    'update',
    '--reference',
    reference,
    '--information-sent-on',
    '2022-05-20',
    '--final-decision-on',
    '2022-09-01',
    '--unlink',
    complaints[0],
    '--link',
    complaints[1],
    '--finding',
    'severe_maladministration:repairs to damp',
    '--finding',
    'service_failure:complaint handling',
  );
  assert.deepEqual(timelineTypes(complaints[0], reference), [
    'ombudsman_case_linked',
    'ombudsman_case_unlinked',
  ]);
  assert.deepEqual(timelineTypes(complaints[1], reference), ['ombudsman_case_linked']);

  ok(
    'ombudsman',
    'remedy',
    '--reference',
    reference,
    '--kind',
    'order',
    '--type',
    'financial_compensation',
    '--description',
    'Pay £600',
    '--due-on',
    '2022-10-01',
  );
  assert.match(ok('ombudsman', 'overdue'), new RegExp(`remedy\t${reference}\tdue 2022-10-01`));
  refused(
    EXIT_USAGE,
    'evidence',
    'ombudsman',
    'comply',
    '--reference',
    reference,
    '--remedy',
    '1',
    '--completed-on',
    '2022-10-05',
  );
  refused(
    EXIT_USAGE,
    '--remedy',
    'ombudsman',
    'comply',
    '--reference',
    reference,
    '--remedy',
    '2',
    '--completed-on',
    '2022-10-05',
    '--evidence',
    'x',
  );
  ok(
    'ombudsman',
    'comply',
    '--reference',
    reference,
    '--remedy',
    '1',
    '--completed-on',
    '2022-10-05',
    '--evidence',
    'Payment run 2022-10-05',
  );

  const shown = ok('ombudsman', 'show', '--reference', reference);
  assert.match(shown, /^complaints: /m);
  assert.ok(shown.includes(`complaints: ${complaints[1]}\n`), shown);
  assert.match(shown, /^finding\tsevere_maladministration\trepairs to damp$/m);
  assert.match(shown, /^remedy 1\torder\tfinancial_compensation\tdue 2022-10-01\tcomplied_late\t/m);
  assert.doesNotMatch(ok('ombudsman', 'overdue'), new RegExp(`remedy\t${reference}`));
  refused(
    EXIT_NOT_FOUND,
    '',
    'ombudsman',
    'update',
    '--reference',
    'OMB-1999-000001',
    '--summary',
    'x',
  );
});

test('a failure order is recorded and its compliance changes what is overdue', () => {
  const recorded = ok(
    'ombudsman',
    'failure-order',
    'add',
    '--type',
    'type_2',
    '--ground',
    'delay_providing_information',
    '--description',
    'Provide the file',
    '--issued-on',
    '2022-06-01',
    '--due-on',
    '2022-06-15',
  );
  const reference = recorded.match(/^recorded (CHFO-\d{4}-\d{6})$/)?.[1];
  assert.ok(reference, recorded);
  assert.match(ok('ombudsman', 'overdue'), new RegExp(`failure_order\t${reference}`));
  refused(
    EXIT_USAGE,
    '--outcome',
    'ombudsman',
    'failure-order',
    'update',
    '--reference',
    reference,
    '--outcome',
    'done',
  );
  ok(
    'ombudsman',
    'failure-order',
    'update',
    '--reference',
    reference,
    '--outcome',
    'complied',
    '--complied-on',
    '2022-06-14',
  );
  assert.doesNotMatch(ok('ombudsman', 'overdue'), new RegExp(reference));
  assert.match(
    ok('ombudsman', 'failure-order', 'list'),
    new RegExp(`^${reference}\ttype_2\t2022-06-01\t2022-06-15\tcomplied\t2022-06-14\t-$`, 'm'),
  );
});

test('the LGSCO letter is entered from the command line and reconciled', () => {
  const counts = [
    '--complaints-and-enquiries-received',
    '12',
    '--decisions-made',
    '10',
    '--not-for-us',
    '3',
    '--assessed-and-closed',
    '4',
    '--investigated',
    '3',
    '--upheld',
    '2',
  ];
  refused(
    EXIT_USAGE,
    '--upheld',
    'ombudsman',
    'letter',
    '--year',
    YEAR,
    ...counts.slice(0, -1),
    'two',
  );
  ok('ombudsman', 'letter', '--year', YEAR, ...counts, '--comparison-group', 'Unitary');
  const reconciled = ok('ombudsman', 'reconcile', '--year', YEAR);
  // No LGSCO case is recorded in 2022/23: every count on the letter is a difference.
  assert.match(reconciled, /^upheld\t2\t0\t2$/m);
  assert.match(reconciled, /^differences: [1-9]/m);
});

test('a learning action is raised from a complaint and completed only with evidence', () => {
  refused(
    EXIT_USAGE,
    '--due-on',
    'learning',
    'add',
    '--complaint',
    complaints[0],
    '--lesson',
    'Damp reports waited',
    '--action',
    'Inspect within 5 days',
    '--owner',
    'david.clarke',
    '--due-on',
    '2022-01-01',
  );
  const raised = ok(
    'learning',
    'add',
    '--complaint',
    complaints[0],
    '--lesson',
    'Damp reports waited',
    '--action',
    'Inspect within 5 days',
    '--owner',
    'david.clarke',
    '--due-on',
    '2099-01-01',
  );
  const reference = raised.match(/^raised (LRN-\d{4}-\d{6})$/)?.[1];
  assert.ok(reference, raised);
  refused(
    EXIT_USAGE,
    'evidence',
    'learning',
    'update',
    '--reference',
    reference,
    '--status',
    'completed',
  );
  ok(
    'learning',
    'update',
    '--reference',
    reference,
    '--status',
    'completed',
    '--evidence',
    'Repairs procedure v2',
  );
  assert.match(
    ok('learning', 'list', '--status', 'completed'),
    new RegExp(`^${reference}\tcompleted\t2099-01-01\tdavid.clarke\tcomplaints\t`, 'm'),
  );
});

test('the self-assessment is assessed, a provision added and removed, and approved', () => {
  ok('self-assessment', 'start', '--year', YEAR);
  refused(
    EXIT_USAGE,
    'action',
    'self-assessment',
    'assess',
    '--year',
    YEAR,
    '--provision',
    '6.3',
    '--compliance',
    'partly',
  );
  assert.match(
    ok(
      'self-assessment',
      'assess',
      '--year',
      YEAR,
      '--provision',
      '6.3',
      '--compliance',
      'partly',
      '--evidence',
      '82% on time',
      '--action',
      'Weekly tracker',
      '--action-due-on',
      '2023-03-31',
    ),
    /1 partly/,
  );
  ok(
    'self-assessment',
    'assess',
    '--year',
    YEAR,
    '--provision',
    '9.9',
    '--section',
    '9',
    '--requirement',
    'A local addition',
    '--compliance',
    'complies',
  );
  assert.match(ok('self-assessment', 'show', '--year', YEAR), /^9\.9\tcomplies\t/m);
  assert.match(ok('self-assessment', 'remove', '--year', YEAR, '--provision', '9.9'), /removed/);
  assert.doesNotMatch(ok('self-assessment', 'show', '--year', YEAR), /^9\.9\t/m);
  refused(
    EXIT_NOT_FOUND,
    'no provision 9.9',
    'self-assessment',
    'remove',
    '--year',
    YEAR,
    '--provision',
    '9.9',
  );
  ok(
    'self-assessment',
    'approve',
    '--year',
    YEAR,
    '--approved-on',
    '2022-06-20',
    '--meeting',
    'Cabinet',
    '--minute-reference',
    'CAB/22/061',
    '--response',
    'Endorsed',
  );
  const shown = ok('self-assessment', 'show', '--year', YEAR);
  assert.match(shown, /approved: 2022-06-20 by Cabinet \(minute CAB\/22\/061\)/);
  assert.match(shown, /^6\.3\tpartly\tWeekly tracker by 2023-03-31\t/m);
});
