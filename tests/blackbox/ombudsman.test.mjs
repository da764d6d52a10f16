// Ombudsman cases, Complaint Handling Failure Orders, the LGSCO annual letter and its
// reconciliation, learning actions and the Code self-assessment, through the API and the command
// line of the real binary on a demo council: every rule the issue names (an order past due is
// flagged; a complaint's Ombudsman history shows on its page; the reconciliation finds a planted
// difference), the audit trail's before/after, and a refused role changing nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiClient,
  assertProblem,
  auditEventCount,
  demoDatabase,
  query,
  redress,
  startServe,
  tempDir,
  userWithToken,
} from './helpers.mjs';

const TEAM = 'housing-services';
// Dates well before the server's today, so that what has happened is in the past and what was due
// is overdue whatever day the test runs.
const YEAR = 2024; // financial year 2024/25

let workspace;
let db;
let server;
let call;
let demoLgscoCases;
const tokens = {};
const complaints = [];

before(async () => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'ombudsman.db', ['--seed', '3', '--today', '2022-06-30']);
  for (const role of ['complaints_officer', 'viewer', 'manager']) {
    tokens[role] = userWithToken(db, `omb.${role.replace('_', '-')}`, role, TEAM);
  }
  complaints.push(
    ...query(
      db,
      "SELECT reference FROM complaints WHERE NOT restricted AND service_area = 'housing' " +
        'ORDER BY id LIMIT 2',
    )
      .trim()
      .split('\n'),
  );
  demoLgscoCases = Number(
    query(db, "SELECT count(*) FROM ombudsman_cases WHERE ombudsman = 'lgsco'").trim(),
  );
  assert.ok(demoLgscoCases > 0, 'the demo council has LGSCO cases');
  server = await startServe(db);
  call = apiClient(server.base);
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

const officer = () => tokens.complaints_officer;

function eventCount() {
  return auditEventCount(db);
}

async function recordCase(body) {
  const result = await call('POST', '/api/v1/ombudsman/cases', { token: officer(), body });
  assert.equal(result.status, 201, JSON.stringify(result.body));
  return result;
}

async function put(path, etag, body) {
  return call('PUT', path, { token: officer(), body, headers: etag ? { 'if-match': etag } : {} });
}

const housingEnquiry = () => ({
  ombudsman: 'housing_ombudsman',
  ombudsman_reference: '202401234',
  complaints: [complaints[0]],
  summary: 'Damp and mould: repairs and complaint handling',
  referred_on: '2024-05-01',
  enquiry_received_on: '2024-05-10',
  information_due_on: '2024-05-24',
});

test('a Housing Ombudsman case is recorded, shows in the complaint history and timeline', async () => {
  const created = await recordCase(housingEnquiry());
  const ombudsmanCase = created.body;
  assert.match(ombudsmanCase.reference, /^OMB-\d{4}-\d{6}$/);
  assert.equal(
    created.headers.get('location'),
    `/api/v1/ombudsman/cases/${ombudsmanCase.reference}`,
  );
  assert.equal(created.headers.get('etag'), '"1"');
  assert.equal(ombudsmanCase.information_overdue, true);

  const history = await call('GET', `/api/v1/complaints/${complaints[0]}/ombudsman`, {
    token: tokens.viewer,
  });
  assert.equal(history.status, 200);
  assert.deepEqual(
    history.body.cases.map((c) => c.reference),
    [ombudsmanCase.reference],
  );
  const other = await call('GET', `/api/v1/complaints/${complaints[1]}/ombudsman`, {
    token: tokens.viewer,
  });
  assert.deepEqual(other.body.cases, []);

  const timeline = await call('GET', `/api/v1/complaints/${complaints[0]}/timeline`, {
    token: tokens.viewer,
  });
  const events = timeline.body.items ?? timeline.body.events ?? timeline.body;
  assert.ok(JSON.stringify(events).includes('ombudsman_case_linked'), JSON.stringify(events));

  const listed = await call('GET', `/api/v1/ombudsman/cases?complaint=${complaints[0]}`, {
    token: tokens.viewer,
  });
  assert.deepEqual(
    listed.body.items.map((c) => c.reference),
    [ombudsmanCase.reference],
  );
});

test('moving a case from one complaint to another shows on both timelines', async () => {
  const created = await recordCase(housingEnquiry());
  const moved = { ...housingEnquiry(), complaints: [complaints[1]] };
  const updated = await put(
    `/api/v1/ombudsman/cases/${created.body.reference}`,
    created.headers.get('etag'),
    moved,
  );
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  const timelineOf = async (reference) => {
    const timeline = await call('GET', `/api/v1/complaints/${reference}/timeline`, {
      token: tokens.viewer,
    });
    const events = timeline.body.items ?? timeline.body.events ?? timeline.body;
    return events.filter((e) => JSON.stringify(e).includes(created.body.reference));
  };
  const first = await timelineOf(complaints[0]);
  assert.deepEqual(
    first.map((e) => e.type),
    ['ombudsman_case_linked', 'ombudsman_case_unlinked'],
  );
  const second = await timelineOf(complaints[1]);
  assert.deepEqual(
    second.map((e) => e.type),
    ['ombudsman_case_linked'],
  );
  const history = await call('GET', `/api/v1/complaints/${complaints[0]}/ombudsman`, {
    token: tokens.viewer,
  });
  assert.ok(!history.body.cases.some((c) => c.reference === created.body.reference));
});

test('the rules of a case are enforced, naming the field', async () => {
  const final = { ...housingEnquiry(), final_decision_on: '2024-09-01' };
  assertProblem(
    assert,
    await call('POST', '/api/v1/ombudsman/cases', { token: officer(), body: final }),
    422,
    'findings',
  );
  const lgscoWithFindings = {
    ombudsman: 'lgsco',
    final_decision_on: '2024-09-01',
    lgsco_decision: 'not_upheld',
    findings: [{ element: 'Repairs', finding: 'maladministration' }],
  };
  assertProblem(
    assert,
    await call('POST', '/api/v1/ombudsman/cases', { token: officer(), body: lgscoWithFindings }),
    422,
    'findings',
  );
  const wrongVocabulary = {
    ombudsman: 'lgsco',
    final_decision_on: '2024-09-01',
    lgsco_decision: 'maladministration',
  };
  assertProblem(
    assert,
    await call('POST', '/api/v1/ombudsman/cases', { token: officer(), body: wrongVocabulary }),
    422,
    'lgsco_decision',
  );
  const outOfOrder = { ...housingEnquiry(), enquiry_received_on: '2024-04-01' };
  assertProblem(
    assert,
    await call('POST', '/api/v1/ombudsman/cases', { token: officer(), body: outOfOrder }),
    422,
    'enquiry_received_on',
  );
  const unknownComplaint = { ...housingEnquiry(), complaints: ['CMP-1999-000001'] };
  assertProblem(
    assert,
    await call('POST', '/api/v1/ombudsman/cases', { token: officer(), body: unknownComplaint }),
    422,
    'complaints[0]',
  );
  assertProblem(
    assert,
    await call('POST', '/api/v1/ombudsman/cases', {
      token: officer(),
      body: { ...housingEnquiry(), colour: 'red' },
    }),
    400,
    'colour',
  );
  // A restricted complaint the officer may not see is as unknown as one that does not exist.
  const restricted = query(db, 'SELECT reference FROM complaints WHERE restricted LIMIT 1').trim();
  assert.ok(restricted, 'the demo council has restricted complaints');
  assertProblem(
    assert,
    await call('POST', '/api/v1/ombudsman/cases', {
      token: officer(),
      body: { ...housingEnquiry(), complaints: [restricted] },
    }),
    422,
    'complaints[0]',
  );
});

test('an order past due is flagged until it is completed with evidence', async () => {
  const created = await recordCase(housingEnquiry());
  const path = `/api/v1/ombudsman/cases/${created.body.reference}`;
  const decided = {
    ...housingEnquiry(),
    information_sent_on: '2024-05-20',
    draft_decision_on: '2024-08-01',
    final_decision_on: '2024-09-02',
    findings: [
      { element: 'Repairs to the damp and mould', finding: 'severe_maladministration' },
      { element: 'Complaint handling', finding: 'service_failure' },
    ],
    remedies: [
      {
        kind: 'order',
        type: 'financial_compensation',
        description: 'Pay £600',
        due_on: '2024-09-30',
      },
      {
        kind: 'order',
        type: 'specific_action',
        description: 'Inspect the property',
        due_on: '2024-10-14',
        completed_on: '2024-10-01',
        evidence: 'Survey report 4411',
      },
    ],
  };
  assertProblem(assert, await call('PUT', path, { token: officer(), body: decided }), 428);
  assertProblem(assert, await put(path, '"9"', decided), 412);
  const saved = await put(path, created.headers.get('etag'), decided);
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal(saved.headers.get('etag'), '"2"');
  assert.equal(saved.body.remedy_overdue, true);
  assert.deepEqual(
    saved.body.remedies.map((r) => r.compliance),
    ['overdue', 'complied_on_time'],
  );

  const overdue = await call('GET', '/api/v1/ombudsman/overdue', { token: tokens.viewer });
  assert.equal(overdue.status, 200);
  const flagged = overdue.body.ombudsman.filter(
    (item) => item.reference === created.body.reference,
  );
  assert.deepEqual(
    flagged.map((item) => [item.kind, item.remedy_index, item.due_on]),
    [['remedy', 0, '2024-09-30']],
  );
  // The first case's information deadline passed without information_sent_on.
  assert.ok(overdue.body.ombudsman.some((item) => item.kind === 'information'));

  // As at a date before the deadline nothing of this case is overdue.
  const earlier = await call('GET', '/api/v1/ombudsman/overdue?on=2024-09-15', {
    token: tokens.viewer,
  });
  assert.ok(!earlier.body.ombudsman.some((item) => item.reference === created.body.reference));

  const withoutEvidence = structuredClone(decided);
  withoutEvidence.remedies[0].completed_on = '2024-10-20';
  assertProblem(assert, await put(path, '"2"', withoutEvidence), 422, 'remedies[0].evidence');
  const completed = structuredClone(withoutEvidence);
  completed.remedies[0].evidence = 'Payment run 2024-10-20';
  const done = await put(path, '"2"', completed);
  assert.equal(done.status, 200, JSON.stringify(done.body));
  assert.deepEqual(
    done.body.remedies.map((r) => r.compliance),
    ['complied_late', 'complied_on_time'],
  );
  const after = await call('GET', '/api/v1/ombudsman/overdue', { token: tokens.viewer });
  assert.ok(!after.body.ombudsman.some((item) => item.reference === created.body.reference));

  // Every change is in the audit trail with before and after.
  const changes = JSON.parse(
    query(
      db,
      "SELECT changes FROM events WHERE entity_type = 'ombudsman_case' AND entity_ref = '" +
        created.body.reference +
        "' AND type = 'ombudsman_case_updated' ORDER BY sequence DESC LIMIT 1",
    ).trim(),
  );
  assert.deepEqual(
    changes.find((c) => c.field === 'remedies[0].evidence'),
    { field: 'remedies[0].evidence', before: '', after: 'Payment run 2024-10-20' },
  );

  const cli = redress(['ombudsman', 'show', '--db', db, '--reference', created.body.reference]);
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, /severe_maladministration/);
  assert.match(cli.stdout, /complied_late/);
});

test('a Complaint Handling Failure Order past due is flagged, and its compliance recorded', async () => {
  const body = {
    ombudsman_reference: '202401234',
    type: 'type_2',
    ground: 'delay_providing_information',
    description: 'Provide the evidence requested',
    issued_on: '2024-06-03',
    due_on: '2024-07-01',
  };
  const created = await call('POST', '/api/v1/ombudsman/failure-orders', {
    token: officer(),
    body,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.overdue, true);
  const overdue = await call('GET', '/api/v1/ombudsman/overdue', { token: tokens.viewer });
  assert.ok(
    overdue.body.ombudsman.some(
      (item) => item.kind === 'failure_order' && item.reference === created.body.reference,
    ),
  );
  const path = `/api/v1/ombudsman/failure-orders/${created.body.reference}`;
  assertProblem(
    assert,
    await put(path, '"1"', { ...body, outcome: 'complied' }),
    422,
    'complied_on',
  );
  const complied = await put(path, '"1"', {
    ...body,
    outcome: 'complied',
    complied_on: '2024-06-28',
  });
  assert.equal(complied.status, 200, JSON.stringify(complied.body));
  assert.equal(complied.body.overdue, false);
  assertProblem(
    assert,
    await call('POST', '/api/v1/ombudsman/failure-orders', {
      token: officer(),
      body: { ...body, ombudsman_case: 'OMB-1999-000001' },
    }),
    422,
    'ombudsman_case',
  );
});

test('the LGSCO annual letter is reconciled with the cases recorded: a planted difference shows', async () => {
  const lgsco = (decision, decided) => ({
    ombudsman: 'lgsco',
    complaints: [complaints[1]],
    enquiry_received_on: '2024-06-01',
    final_decision_on: decided,
    lgsco_decision: decision,
  });
  await recordCase(lgsco('upheld_fault_and_injustice', '2024-10-01'));
  await recordCase(lgsco('not_upheld', '2024-11-01'));
  await recordCase(lgsco('not_for_us_premature', '2024-07-01'));
  const letter = {
    complaints_and_enquiries_received: 3,
    decisions_made: 3,
    not_for_us: 1,
    assessed_and_closed: 0,
    investigated: 2,
    upheld: 2,
    uphold_rate_percent: 100,
    average_uphold_rate_percent: 79,
    compliance_percent: 100,
    satisfactory_remedy_by_council: 0,
    comparison_group: 'Unitary',
  };
  const path = `/api/v1/ombudsman/lgsco-letters/${YEAR}`;
  assertProblem(assert, await call('GET', `${path}/reconciliation`, { token: tokens.viewer }), 404);
  assertProblem(assert, await put(path, undefined, { ...letter, upheld: 5 }), 422, 'upheld');
  const saved = await call('PUT', path, {
    token: officer(),
    body: letter,
    headers: { 'if-none-match': '*' },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const tag = saved.headers.get('etag');
  assert.match(tag, /^"[0-9a-f]{16}"$/);
  const read = await call('GET', path, { token: tokens.viewer });
  assert.equal(read.headers.get('etag'), tag);

  // Changes based on what someone else has since replaced are refused and write nothing.
  const events = eventCount();
  const entered = await call('PUT', path, {
    token: officer(),
    body: letter,
    headers: { 'if-none-match': '*' },
  });
  assert.equal(entered.status, 412, JSON.stringify(entered.body));
  const corrected = await put(path, tag, { ...letter, comparison_group: 'County' });
  assert.equal(corrected.status, 200, JSON.stringify(corrected.body));
  assert.notEqual(corrected.headers.get('etag'), tag);
  const stale = await put(path, tag, { ...letter, comparison_group: 'District' });
  assert.equal(stale.status, 412, JSON.stringify(stale.body));
  assert.equal(eventCount(), events + 1, 'only the correction was written');
  assert.equal((await put(path, corrected.headers.get('etag'), letter)).status, 200);

  const reconciliation = await call('GET', `${path}/reconciliation`, { token: tokens.viewer });
  assert.equal(reconciliation.status, 200);
  const line = (key) => reconciliation.body.lines.find((l) => l.key === key);
  assert.deepEqual(line('upheld'), {
    key: 'upheld',
    label: line('upheld').label,
    letter: 2,
    recorded: 1,
    difference: 1,
  });
  assert.equal(line('decisions_made').difference, 0);
  assert.equal(line('not_for_us').difference, 0);
  assert.equal(line('uphold_rate_percent').recorded, 50);
  assert.equal(reconciliation.body.differences, 2); // upheld and the uphold rate

  const cli = redress(['ombudsman', 'reconcile', '--db', db, '--year', String(YEAR)]);
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, /^upheld\t2\t1\t1$/m);
  const missing = redress(['ombudsman', 'reconcile', '--db', db, '--year', '2022']);
  assert.notEqual(missing.status, 0);
});

test('learning actions: raised, completed only with evidence, listed for the review meeting', async () => {
  const body = {
    source: 'complaints',
    complaints: [complaints[0]],
    lesson: 'Damp reports were closed without an inspection',
    action: 'Inspect every damp report within 10 working days',
    owner: 'omb.manager',
    raised_on: '2024-09-10',
    due_on: '2024-12-31',
  };
  assertProblem(
    assert,
    await call('POST', '/api/v1/learning', {
      token: officer(),
      body: { ...body, owner: 'nobody' },
    }),
    422,
    'owner',
  );
  assertProblem(
    assert,
    await call('POST', '/api/v1/learning', { token: officer(), body: { ...body, complaints: [] } }),
    422,
    'complaints',
  );
  const raised = await call('POST', '/api/v1/learning', { token: officer(), body });
  assert.equal(raised.status, 201, JSON.stringify(raised.body));
  assert.match(raised.body.reference, /^LRN-/);
  assert.equal(raised.body.overdue, true);

  const overdue = await call('GET', '/api/v1/learning?overdue=true', { token: tokens.viewer });
  assert.ok(overdue.body.items.some((a) => a.reference === raised.body.reference));
  const dashboard = await call('GET', '/api/v1/ombudsman/overdue', { token: tokens.viewer });
  assert.ok(dashboard.body.learning_actions.some((a) => a.reference === raised.body.reference));

  const path = `/api/v1/learning/${raised.body.reference}`;
  const { raised_on: _, ...withoutRaisedOn } = body;
  assertProblem(assert, await put(path, '"1"', withoutRaisedOn), 422, 'raised_on');
  const completing = { ...body, status: 'completed', completed_on: '2024-12-20' };
  assertProblem(assert, await put(path, '"1"', completing), 422, 'evidence');
  const completed = await put(path, '"1"', { ...completing, evidence: 'Procedure DM-4 issued' });
  assert.equal(completed.status, 200, JSON.stringify(completed.body));
  const open = await call('GET', '/api/v1/learning?status=open', { token: tokens.viewer });
  assert.ok(!open.body.items.some((a) => a.reference === raised.body.reference));
  const fromComplaint = await call('GET', `/api/v1/learning?complaint=${complaints[0]}`, {
    token: tokens.viewer,
  });
  assert.deepEqual(
    fromComplaint.body.items.map((a) => a.status),
    ['completed'],
  );
  assertProblem(
    assert,
    await call('GET', '/api/v1/learning?status=done', { token: tokens.viewer }),
    422,
    'status',
  );

  const theme = await call('POST', '/api/v1/learning', {
    token: officer(),
    body: {
      source: 'theme',
      root_cause: 'no-such-cause',
      action: 'Review',
      owner: 'omb.manager',
      due_on: '2030-01-01',
    },
  });
  assertProblem(assert, theme, 422, 'root_cause');

  const cli = redress(['learning', 'list', '--db', db]);
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, new RegExp(`${raised.body.reference}\tcompleted`));
});

test('the Code self-assessment is seeded, assessed, approved and in the annual report', async () => {
  const path = `/api/v1/self-assessments/${YEAR}`;
  assertProblem(assert, await call('GET', path, { token: tokens.viewer }), 404);
  const started = await call('POST', path, { token: officer() });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  assert.equal(started.body.sections.length, 9);
  const sections = new Set(started.body.provisions.map((p) => p.section));
  assert.equal(sections.size, 9);
  assert.ok(started.body.provisions.some((p) => p.provision === '6.3'));
  assertProblem(assert, await call('POST', path, { token: officer() }), 409);

  const provision = `${path}/provisions/6.3`;
  const partly = {
    section: '6',
    requirement: 'Stage 1 response within 10 working days',
    compliance: 'partly',
    evidence: '82% on time',
  };
  assertProblem(assert, await put(provision, undefined, partly), 422, 'action');
  const assessed = await put(provision, undefined, {
    ...partly,
    action: 'Weekly stage 1 tracker',
    action_due_on: '2025-09-30',
  });
  assert.equal(assessed.status, 200, JSON.stringify(assessed.body));
  assert.equal(assessed.body.counts.partly, 1);
  const added = await put(`${path}/provisions/3.1`, undefined, {
    section: '3',
    requirement: 'Complaints can be made in every channel',
    compliance: 'complies',
  });
  assert.equal(added.status, 200);
  assert.equal(added.body.provisions.at(-1).provision, '3.1');
  // An edit based on an older version of the assessment is refused and changes nothing.
  const eventsBefore = eventCount();
  const stale = await call('PUT', `${path}/provisions/3.1`, {
    token: officer(),
    body: { section: '3', requirement: 'Stale', compliance: 'partly', commentary: 'x' },
    headers: { 'if-match': `"${assessed.body.version}"` },
  });
  assert.equal(stale.status, 412, JSON.stringify(stale.body));
  assert.equal(eventCount(), eventsBefore);
  const removed = await call('DELETE', `${path}/provisions/3.1`, {
    token: officer(),
    headers: { 'if-match': `"${added.body.version}"` },
  });
  assert.equal(removed.status, 200, JSON.stringify(removed.body));
  assert.ok(!removed.body.provisions.some((p) => p.provision === '3.1'));
  assert.equal(removed.body.provisions.length, added.body.provisions.length - 1);
  assertProblem(assert, await call('DELETE', `${path}/provisions/3.1`, { token: officer() }), 404);

  const approval = {
    approved_on: '2025-06-18',
    meeting: 'Cabinet',
    minute_reference: 'CAB/25/061',
    response: 'Cabinet notes the self-assessment and endorses the actions.',
  };
  assertProblem(
    assert,
    await put(`${path}/approval`, undefined, { ...approval, meeting: '' }),
    422,
    'meeting',
  );
  const approved = await put(`${path}/approval`, undefined, approval);
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.deepEqual(approved.body.approval, approval);

  const report = await call('GET', `/api/v1/reports/annual/${YEAR}`, { token: tokens.viewer });
  assert.equal(report.status, 200);
  assert.equal(report.body.self_assessment.partly, 1);
  assert.equal(report.body.self_assessment.governing_body.minute_reference, 'CAB/25/061');
  assert.equal(report.body.self_assessment.non_compliance[0].provision, '6.3');
  assert.ok(report.body.ombudsman.outcomes.some((o) => o.outcome === 'severe_maladministration'));
  assert.equal(report.body.ombudsman.lgsco_annual_letter.comparison_group, 'Unitary');
  assert.equal(report.body.ombudsman.failure_orders.issued, 1);
  assert.ok(report.body.ombudsman.service_improvements.length >= 1);
  const html = await call('GET', `/api/v1/reports/annual/${YEAR}?format=html`, {
    token: tokens.viewer,
  });
  assert.equal(html.status, 200);
  assert.match(html.body, /Approved by Cabinet on 2025-06-18 \(minute CAB\/25\/061\)/);
  assert.match(html.body, /LGSCO annual letter beside the cases recorded/);

  const cli = redress(['self-assessment', 'show', '--db', db, '--year', String(YEAR)]);
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, /approved: 2025-06-18 by Cabinet/);
  assert.match(cli.stdout, /^6\.3\tpartly\tWeekly stage 1 tracker by 2025-09-30/m);
  const notStarted = redress(['self-assessment', 'show', '--db', db, '--year', '2022']);
  assert.equal(notStarted.status, 3, notStarted.stderr);
});

test('a refused role gets 403 and changes nothing', async () => {
  const before = eventCount();
  const attempts = [
    ['POST', '/api/v1/ombudsman/cases', housingEnquiry()],
    ['POST', '/api/v1/learning', { source: 'theme', category: 'x', action: 'a', owner: 'o' }],
    [
      'PUT',
      `/api/v1/self-assessments/${YEAR}/approval`,
      { approved_on: '2025-06-18', meeting: 'X' },
    ],
    ['PUT', `/api/v1/ombudsman/lgsco-letters/${YEAR}`, {}],
  ];
  for (const [method, path, body] of attempts) {
    assertProblem(assert, await call(method, path, { token: tokens.viewer, body }), 403);
  }
  assert.equal(eventCount(), before);
});

test('a case about a restricted complaint is seen by its team and the command line only', async () => {
  const [restricted, team] = query(
    db,
    'SELECT c.reference, s.team FROM complaints c JOIN complaint_stages s ON s.complaint_id = c.id ' +
      'WHERE c.restricted AND s.team IS NOT NULL ORDER BY c.id LIMIT 1',
  )
    .trim()
    .split('|');
  const insider = userWithToken(db, 'omb.insider', 'complaints_officer', team);
  const created = await call('POST', '/api/v1/ombudsman/cases', {
    token: insider,
    body: {
      ombudsman: 'lgsco',
      complaints: [restricted],
      enquiry_received_on: '2024-06-03',
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const path = `/api/v1/ombudsman/cases/${created.body.reference}`;
  assert.equal((await call('GET', path, { token: insider })).status, 200);
  assertProblem(assert, await call('GET', path, { token: tokens.viewer }), 404);
  const listed = await call('GET', '/api/v1/ombudsman/cases', { token: tokens.viewer });
  assert.ok(!listed.body.items.some((c) => c.reference === created.body.reference));

  const cli = redress(['ombudsman', 'list', '--db', db, '--complaint', restricted]);
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, new RegExp(`^${created.body.reference}\tlgsco`, 'm'));
});

test('the command line lists the cases', () => {
  const listed = redress(['ombudsman', 'list', '--db', db, '--ombudsman', 'lgsco']);
  assert.equal(listed.status, 0, listed.stderr);
  const lines = listed.stdout.trim().split('\n');
  // The demo council's own LGSCO cases, then four of this file's: three decided in the letter's
  // test and one restricted.
  assert.equal(lines.length, demoLgscoCases + 4);
  assert.ok(lines.every((line) => line.split('\t')[1] === 'lgsco'));
  const bad = redress(['ombudsman', 'list', '--db', db, '--ombudsman', 'nobody']);
  assert.equal(bad.status, 2);
});
