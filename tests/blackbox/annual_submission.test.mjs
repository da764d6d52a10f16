// The Housing Ombudsman annual submission of a financial year (issue 19), through the real server
// and command line on a demo council: a record per year from draft to submitted, each step from
// the one before with who recorded it and when, every offending field named at once, a stale
// change refused; once submitted, its details and the annual report it submitted are frozen: a
// case of the year reopened afterwards moves the live report, never the report as submitted. The
// form's exports: JSON in the documented shape, CSV, and a tagged PDF whose text is in words and
// whose text boxes never overlap. The annual report's JSON carries the front summary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  apiClient,
  assertProblem,
  auditEventCount,
  demoDatabase,
  redress,
  startServe,
  tempDir,
  userWithToken,
} from './helpers.mjs';
import { CODE_LIKE, RAW_FLOAT, overlapsAndOverflows } from './pdf_checks.mjs';

const DEMO_TODAY = '2026-11-22';
const YEAR = 2024; // 2024/25, which ended on 31 March 2025
const PATH = `/api/v1/annual-submissions/${YEAR}`;
const DETAILS = {
  landlord_code: 'HO-1234',
  complaints_officer: {
    name: 'Sam Patel',
    job_title: 'Complaints Manager',
    email: 'sam.patel@example.gov.uk',
    phone: '01632 960000',
  },
  member_responsible: {
    name: 'Councillor Jo Reed',
    job_title: 'Cabinet Member for Housing',
    email: 'jo.reed@example.gov.uk',
    phone: '',
  },
  policy_address: 'https://example.gov.uk/complaints-policy',
  self_assessment_address: 'https://example.gov.uk/self-assessment',
  report_address: 'https://example.gov.uk/complaints-report',
  response_address: 'https://example.gov.uk/cabinet-response',
};
const APPROVAL = {
  approved_on: '2025-09-10',
  governing_body: 'Cabinet',
  minute: 'CAB/25/061',
  response: 'Cabinet notes the report and endorses its actions.',
};
const SUBMITTED_ON = '2025-09-20';

let workspace;
let db;
let server;
let call;
const tokens = {};

before(async () => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'council.db', ['--seed', '1', '--today', DEMO_TODAY]);
  tokens.officer = userWithToken(db, 'submission.officer', 'complaints_officer');
  tokens.viewer = userWithToken(db, 'submission.viewer', 'viewer');
  server = await startServe(db);
  const client = apiClient(server.base);
  call = (method, path, { as = 'officer', ...options } = {}) =>
    client(method, path, { token: tokens[as], ...options });
});

after(async () => {
  if (server) await server.stop();
  workspace?.cleanup();
});

test('the record goes from draft to submitted, one step at a time, with who and when', async () => {
  assertProblem(assert, await call('GET', PATH), 404);
  // Every offending field in one answer, and nothing written.
  const events = auditEventCount(db);
  const bad = await call('POST', '/api/v1/annual-submissions', {
    body: {
      year: YEAR,
      details: {
        ...DETAILS,
        complaints_officer: { ...DETAILS.complaints_officer, email: 'not-an-address' },
        policy_address: 'http://example.gov.uk/policy',
      },
    },
  });
  assertProblem(assert, bad, 422, 'complaints_officer.email');
  assertProblem(assert, bad, 422, 'policy_address');
  assert.equal(auditEventCount(db), events);
  assertProblem(
    assert,
    await call('POST', '/api/v1/annual-submissions', { as: 'viewer', body: { year: YEAR } }),
    403,
  );

  const created = await call('POST', '/api/v1/annual-submissions', {
    body: { year: YEAR, details: DETAILS },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.headers.get('location'), PATH);
  assert.equal(created.body.status, 'draft');
  assert.equal(created.body.deadline, '2025-09-30'); // the demo council owns more than 1,000 homes
  assert.ok(created.body.homes > 1000);
  assert.equal(created.body.steps[0].by, 'submission.officer');
  assert.match(created.body.steps[0].at, /^\d{4}-\d{2}-\d{2}T/);
  assertProblem(
    assert,
    await call('POST', '/api/v1/annual-submissions', { body: { year: YEAR } }),
    409,
  );

  // Steps only in order, dates checked.
  assertProblem(
    assert,
    await call('POST', `${PATH}/publish`, {
      body: { published_on: '2025-09-12', web_address: 'https://example.gov.uk/report' },
    }),
    409,
  );
  const early = await call('POST', `${PATH}/approve`, {
    body: { ...APPROVAL, approved_on: '2025-03-01', minute: '' },
  });
  assertProblem(assert, early, 422, 'approved_on');
  assertProblem(assert, early, 422, 'minute');
  const approved = await call('POST', `${PATH}/approve`, {
    body: APPROVAL,
    headers: { 'if-match': `"${created.body.version}"` },
  });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.equal(approved.body.status, 'approved');
  assert.equal(approved.body.minute, 'CAB/25/061');
  // A change based on the version before is refused and changes nothing.
  const stale = await call('PUT', `${PATH}/details`, {
    body: { ...DETAILS, landlord_code: 'STALE' },
    headers: { 'if-match': `"${created.body.version}"` },
  });
  assert.equal(stale.status, 412, JSON.stringify(stale.body));
  const published = await call('POST', `${PATH}/publish`, {
    body: { published_on: '2025-09-15', web_address: 'https://example.gov.uk/complaints-report' },
  });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  const submitted = await call('POST', `${PATH}/submit`, {
    body: { submitted_on: SUBMITTED_ON },
  });
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
  assert.equal(submitted.body.status, 'submitted');
  assert.equal(submitted.body.submitted_on, SUBMITTED_ON);
  assert.deepEqual(
    submitted.body.steps.map((s) => [s.status, s.by]),
    ['draft', 'approved', 'published', 'submitted'].map((s) => [s, 'submission.officer']),
  );
  assert.equal(submitted.body.submitted_report_path, `${PATH}/report`);
  assertProblem(
    assert,
    await call('PUT', `${PATH}/details`, { body: { ...DETAILS, landlord_code: 'LATE' } }),
    409,
  );

  const listed = await call('GET', '/api/v1/annual-submissions', { as: 'viewer' });
  assert.equal(listed.status, 200);
  assert.deepEqual(
    listed.body.items.map((s) => s.year),
    [YEAR],
  );
  // Each step is an event in the audit trail.
  const timeline = redress(['submission', 'show', '--db', db, '--year', String(YEAR)]);
  assert.equal(timeline.status, 0, timeline.stderr);
  assert.match(timeline.stdout, /annual submission 2024\/25: submitted \(deadline 2025-09-30/);
  assert.match(timeline.stdout, /submitted recorded by submission\.officer at /);
});

test('once submitted, its report is frozen: a case reopened later moves the live report only', async () => {
  const kept = await call('GET', `${PATH}/report`, { as: 'viewer' });
  assert.equal(kept.status, 200, JSON.stringify(kept.body));
  assert.equal(kept.body.year, YEAR);
  assert.equal(kept.body.as_at, SUBMITTED_ON);
  const live = async () =>
    (await call('GET', `/api/v1/reports/annual/${YEAR}?as_at=${SUBMITTED_ON}`)).body;
  assert.deepEqual(
    await live(),
    kept.body,
    'the live report as at the submission date is the same',
  );

  // A case of the year answered before its end, reopened now with a date inside the year: what
  // the year counts moves, but not what was submitted.
  const list = await call(
    'GET',
    `/api/v1/complaints?received_from=2024-04-01&received_to=2025-01-31&status=closed&limit=100`,
  );
  let reopened = false;
  for (const row of list.body.items) {
    const complaint = await call('GET', `/api/v1/complaints/${row.reference}`);
    const response = complaint.body.stages.at(-1).response;
    if (!response || response.responded_on > '2025-03-15') continue;
    const answer = await call('POST', `/api/v1/complaints/${row.reference}/reopen`, {
      body: { on: '2025-03-20', reason: 'New evidence from the complainant' },
      headers: { 'if-match': complaint.headers.get('etag') },
    });
    if (answer.status === 200) {
      reopened = true;
      break;
    }
  }
  assert.ok(reopened, 'a case of the year was reopened');
  assert.notDeepEqual(await live(), kept.body, 'the live report moved');
  const again = await call('GET', `${PATH}/report`);
  assert.deepEqual(again.body, kept.body, 'the report as submitted did not');
  // And the command line gives the same bytes.
  const out = join(workspace.dir, 'submitted.json');
  const cli = redress(['submission', 'report', '--db', db, '--year', String(YEAR), '--out', out]);
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), kept.body);
});

function tool(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, `${command} failed: ${result.stderr}`);
  return result.stdout;
}

test('the form: JSON mirrors it section by section, CSV, and a tagged PDF in words', async () => {
  const form = await call('GET', `${PATH}/form`, { as: 'viewer' });
  assert.equal(form.status, 200, JSON.stringify(form.body));
  assert.equal(form.body.title, 'Housing Ombudsman annual submission 2024/25');
  assert.equal(form.body.deadline, '2025-09-30');
  const answer = (question) => form.body.section_1.find((a) => a.question === question)?.answer;
  assert.equal(answer('Landlord code'), 'HO-1234');
  assert.equal(answer('Complaints officer: email address'), 'sam.patel@example.gov.uk');
  assert.equal(answer('Link to the complaints policy'), DETAILS.policy_address);
  assert.equal(answer('Governing body and minute reference'), 'Cabinet, minute CAB/25/061');
  for (const row of form.body.section_2) assert.ok(['Yes', 'No', ''].includes(row.comply));

  const csv = await call('GET', `${PATH}/form?format=csv`);
  assert.equal(csv.status, 200);
  assert.match(
    csv.headers.get('content-disposition'),
    /housing-ombudsman-annual-submission-2024-25\.csv/,
  );
  assert.ok(csv.body.startsWith('Section,Question,Answer\r\n'));
  assertProblem(assert, await call('GET', `${PATH}/form?format=xlsx`), 422, 'format');

  const pdf = join(workspace.dir, 'form.pdf');
  const cli = redress([
    'submission',
    'form',
    '--db',
    db,
    '--year',
    String(YEAR),
    '--format',
    'pdf',
    '--out',
    pdf,
  ]);
  assert.equal(cli.status, 0, cli.stderr);
  const info = tool('pdfinfo', [pdf]);
  assert.match(info, /Tagged:\s+yes/);
  assert.match(info, /Title:\s+Housing Ombudsman annual submission 2024\/25/);
  const structure = tool('pdfinfo', ['-struct', pdf]);
  for (const tag of ['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD']) {
    assert.match(structure, new RegExp(`^\\s*${tag}\\b`, 'm'), `no ${tag} element`);
  }
  assert.match(readFileSync(pdf, 'latin1'), /\/Lang <FEFF0065006E002D00470042>/);
  const text = tool('pdftotext', ['-layout', pdf, '-']);
  assert.match(text, /HO-1234/);
  // A Code provision's number (6.11) is its name, not a figure.
  for (const line of text.replace(/provision \d+\.\d+/g, 'provision').split('\n')) {
    assert.doesNotMatch(line, CODE_LIKE, `a machine name in "${line}"`);
    assert.doesNotMatch(line, RAW_FLOAT, `a raw number in "${line}"`);
  }
  assert.deepEqual(overlapsAndOverflows(pdf).slice(0, 20), []);
});

test("the annual report's JSON carries the front summary", async () => {
  const report = await call('GET', '/api/v1/reports/annual/2023');
  assert.equal(report.status, 200);
  const { summary } = report.body;
  assert.ok(summary.headline.figures.length >= 5, JSON.stringify(summary.headline));
  assert.ok(summary.biggest_changes.length >= 1);
  for (const list of ['emerging_issues', 'ombudsman', 'learning']) {
    assert.ok(Array.isArray(summary[list]), list);
  }
});
