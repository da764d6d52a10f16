// Restricted cases stay hidden through every door (issue 11, "Proof"). On a fresh council, a
// member of the children's complaints team makes restricted records of every kind: a children's
// statutory complaint, a service request converted into another, internal notes, a link to a
// visible complaint, an Ombudsman case about them, a Complaint Handling Failure Order about that
// case and learning actions raised from the complaint and from the case. Then users outside the
// team, in every role that can read, walk every operation of the served OpenAPI document:
//
// - every GET answers exactly the same before and after the restricted records were made (lists,
//   counts, overdue, search, timelines of the visible complaint...), except the published
//   documents, which may count them but carry no text from them;
// - every operation whose path names a record, with a restricted record's identifier, answers
//   exactly like the same operation with an identifier of the same form that does not exist
//   (status and problem document), and that is a 404 when the role may call it;
// - every write whose body names a record (links, Ombudsman cases, failure orders, learning
//   actions) answers exactly like one naming an unknown record;
// - a complaint logged by someone outside the team with the restricted complaint's email and
//   category does not name it as a possible repeat;
// - no answer to an outsider, in any format (the PDF's text, the XLSX's XML), carries a marker.
//
// The walk is generated from the OpenAPI document: path parameters are filled from PATH_KINDS
// and PATH_VALUES, bodies from the request schema (VALUES names what must be real), query
// parameters from their enums and QUERY_VALUES. An operation that cannot be exercised fails the
// test, naming itself, unless NOT_WALKED says why it concerns no complaint.
//
// The council and its records are made by visibility_council.mjs; the document is read, and
// answers compared, by visibility_openapi.mjs. The tables below say what the walk covers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redress, startServe, tempDir, testDatabase, userWithToken } from './helpers.mjs';
import {
  CHILDREN_AREA,
  CHILDREN_CATEGORY,
  CHILDREN_TEAM,
  HOUSING_AREA,
  HOUSING_CATEGORY,
  INSIDER,
  M,
  MARK,
  OTHER_TEAM,
  ROOT_CAUSE,
  YEAR,
  council,
} from './visibility_council.mjs';
import {
  differences,
  openApiWalker,
  PATH_KINDS,
  shape,
  unknownLike,
  withoutVolatile,
} from './visibility_openapi.mjs';

// Outsiders: every role that can read, in another team, and an admin in no team.
const OUTSIDERS = {
  viewer: ['vis.viewer', 'viewer', OTHER_TEAM],
  complaints_officer: ['vis.officer', 'complaints_officer', OTHER_TEAM],
  case_handler: ['vis.handler', 'case_handler', OTHER_TEAM],
  manager: ['vis.manager', 'manager', OTHER_TEAM],
  admin: ['vis.admin', 'admin', undefined],
};

// Path parameters that name no complaint-related record: what to put there.
const PATH_VALUES = {
  year: YEAR,
  username: INSIDER,
  provision: '6.3',
  id: '1',
  number: '1',
  // The post room's print batch of today: every letter by post issued so far.
  date: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()),
};
// Query parameters without an enum in the document: the values worth asking for.
const QUERY_VALUES = {
  // The restricted complaint's text, and its complainant's name, email, phone and postcode (the
  // phone and postcode are a visible complaint's too): search finds people (issue 18).
  text: [M.summary, M.description, M.srSummary, M.name, M.email, '01632960999', 'ZZ1 1ZZ'],
  name: [M.name],
  email: [M.email],
  phone: ['+44 1632 960999'],
  postcode: ['zz11zz'],
  team: [CHILDREN_TEAM],
  service_area: [CHILDREN_AREA],
  category: [CHILDREN_CATEGORY],
  handler: [INSIDER],
  owner: [INSIDER],
  status: ['open', 'completed', 'in_progress'],
  source: ['complaints', 'ombudsman_case', 'theme'],
  received_from: [`${YEAR}-04-01`],
  received_to: ['2026-03-31'],
  decided_in: [YEAR],
  due_in: [YEAR],
  on: ['2026-03-31'],
  limit: ['200'],
};
// Query parameters and body properties that name a record.
const NAMING = {
  complaint: 'complaint',
  ombudsman_case: 'ombudsman_case',
  complaints: 'complaint',
  reference: 'complaint',
};
// Body values that must be real for a request to be plausible.
const VALUES = {
  owner: INSIDER,
  service_area: HOUSING_AREA,
  category: HOUSING_CATEGORY,
  root_causes: [ROOT_CAUSE],
  root_cause: ROOT_CAUSE,
  team: OTHER_TEAM,
  reason: 'Asked for it',
  explanation: 'Explained',
  resolution: 'Resolved',
  text: 'A note',
  action: 'An action',
  description: 'A description',
  summary: 'A summary',
  working_days: 5,
  received_on: `${YEAR}-07-01`,
  issued_on: `${YEAR}-07-01`,
  due_on: `${YEAR}-12-01`,
};
// Optional body properties filled all the same, so that the request is otherwise valid.
const ALSO = { raised_on: `${YEAR}-07-01` };
// Operations that are deliberately not walked, with the reason: they act on the caller's own
// credentials or on configuration, accounts and council-wide records that name no complaint.
// Any other operation that cannot be exercised fails the test.
const NOT_WALKED = {
  signIn: 'signs in with a password (no record)',
  signOut: 'ends a browser session',
  createToken: "the caller's own token",
  revokeToken: "the caller's own token",
  addUser: 'accounts',
  updateUser: 'accounts',
  saveTeam: 'configuration',
  saveServiceArea: 'configuration',
  saveCategory: 'configuration',
  saveRootCause: 'configuration',
  addClosureDay: 'configuration',
  removeClosureDay: 'configuration',
  addDesignation: 'configuration',
  saveSettings: 'configuration',
  saveHomesOwned: 'configuration',
  saveTenantSatisfaction: 'configuration: a survey figure per year, no record',
  saveLgscoLetter: "the Ombudsman's letter: figures, no record",
  startSelfAssessment: 'the Code self-assessment',
  saveProvisionAssessment: 'the Code self-assessment',
  removeProvisionAssessment: 'the Code self-assessment',
  saveSelfAssessmentApproval: 'the Code self-assessment',
  createAnnualSubmission:
    'the Housing Ombudsman annual submission: a record per year, no complaint',
  saveAnnualSubmissionDetails: 'the Housing Ombudsman annual submission',
  approveAnnualSubmission: 'the Housing Ombudsman annual submission',
  publishAnnualSubmission: 'the Housing Ombudsman annual submission',
  submitAnnualSubmission: 'the Housing Ombudsman annual submission',
  logServiceRequest: 'names no record (walked by its reads)',
  logComplaint: 'names no record (walked by the repeat check)',
  saveLetterTemplate: 'configuration: letter templates',
  previewLetterTemplate:
    "configuration: an administrator's unsaved template, rendered against a case only as the letter preview reads it (a case the caller cannot see is an unknown reference, correspondence_admin.test.mjs)",
  addOmbudsmanContact: 'configuration: the Ombudsman contact blocks',
  saveOfficeHours: 'configuration: the office hours of the reminder digests',
  sendTestEmail: "a test email to the caller's own address, no record",
  putAttachmentPolicy: 'configuration',
  saveOidcSettings: 'configuration: the identity provider',
  testOidcConnection: 'configuration: the identity provider',
  createSubjectAccessRequest: 'subject access requests: a record of their own, no complaint',
  getSubjectAccessRequest: 'subject access requests: a record of their own, no complaint',
  extendSubjectAccessRequest: 'subject access requests',
  completeSubjectAccessRequest: 'subject access requests',
  withdrawSubjectAccessRequest: 'subject access requests',
  getSubjectAccessHoldings:
    'subject access: gathers the restricted complaints of the person on purpose, for manage_subject_access only (subject_access.test.mjs)',
  withholdSubjectAccessItem: 'subject access: a mark on the request (subject_access.test.mjs)',
  getSubjectAccessBundle:
    "subject access: the person's own records, restricted ones included, for manage_subject_access only (subject_access.test.mjs)",
  importComplaints: 'the legacy import: a file of new cases, naming no existing record',
  createSavedView: "the caller's own saved query of the case list, no record",
  updateSavedView: "the caller's own saved query of the case list, no record",
  deleteSavedView: "the caller's own saved query of the case list, no record",
  bulkReassignComplaints:
    'names its cases in a list in the body: bulk_actions.test.mjs refuses a restricted case as not found',
  bulkAcknowledgeComplaints:
    'names its cases in a list in the body: bulk_actions.test.mjs refuses a restricted case as not found',
  setRetentionRule: 'configuration: the retention periods',
  getDisposalRun:
    'a disposal run, numbered: its items are filtered by the visibility rule like a list, the others only counted (disposal.test.mjs)',
  approveDisposalRun: 'a disposal run, numbered (disposal.test.mjs)',
  cancelDisposalRun: 'a disposal run, numbered (disposal.test.mjs)',
  releaseRetentionHold:
    'a hold, numbered: a hold of a complaint the caller may not see is answered as one that does not exist',
  markPrintBatchPrinted:
    'the post room: a letter of a case the caller may not see is not waiting in their batch, answered as one that does not exist',
};
// Published documents, which may count restricted complaints (never carry their text), and the
// operational endpoints, whose figures move with every request: both are left out of the
// before/after comparison, but every answer is still searched for markers and references.
const MAY_COUNT = new Set([
  'getAnnualReport',
  'getSubmittedAnnualReport',
  'getLgscoLetter',
  'reconcileLgscoLetter',
  'metrics',
  'health',
  'ready',
  'openapi',
  'getOutbox',
]);
// Fields that change with time or use, not with what was recorded.
const VOLATILE = new Set(['last_used_at', 'generated_at', 'as_at', 'today', 'expires_at']);

let workspace;
let db;
let server;
let spec;
const tokens = {};
const restricted = {}; // kind -> [identifiers]
const visible = {}; // kind -> [identifiers]
const leaks = []; // { route, role, what }
const answers = []; // { label, text, named } every outsider answer, for the global scan
const unexercised = []; // operations with no way to be exercised
const notes = [];
// The OpenAPI walker's functions, once the served document is read (before).
let resolve;
let operations;
let pathParams;
let fill;
let minimalBody;
let namingBody;
// The council's record makers (visibility_council.mjs).
let insider;
let configure;
let makeVisibleRecords;
let makeRestrictedRecords;

function leak(route, role, what) {
  leaks.push({ route, role, what });
}

// ---------------------------------------------------------------------------------------------
// HTTP: bodies as text, or for PDF and XLSX as the text extracted from them.

function extract(type, bytes) {
  if (type.includes('pdf')) {
    const out = spawnSync('pdftotext', ['-', '-'], { input: bytes, encoding: 'utf8' });
    return `${out.stdout}\n${bytes.toString('latin1')}`;
  }
  if (type.includes('spreadsheet') || type.includes('xlsx')) {
    const file = join(workspace.dir, 'answer.xlsx');
    writeFileSync(file, bytes);
    const out = spawnSync('unzip', ['-p', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(out.status, 0, `unzip: ${out.stderr}`);
    return out.stdout;
  }
  return bytes.toString('utf8');
}

async function request(method, path, { token, body, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${server.base}${path}`, init);
  const type = response.headers.get('content-type') ?? '';
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = extract(type, bytes);
  let json;
  if (type.includes('json') && text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: response.status, type, headers: response.headers, text, json };
}

// An outsider's answer: kept for the global scan. `named` are the identifiers the request itself
// named (an error may repeat what was asked, exactly as for an unknown one).
async function outsiderCall(role, method, path, options = {}, named = [], exempt = []) {
  const { body, headers } = options;
  const result = await request(method, path, { token: tokens[role], body, headers });
  // A request that itself carries marker text (a replacement built from the record) may have it
  // echoed: that answer's status is what tells, and it is compared with an unknown record's.
  const echo = new RegExp(MARK, 'i').test(JSON.stringify(options.body ?? ''));
  // `exempt`: text the outsider gave themselves (the new complaint's own complainant's email).
  let text = result.text;
  for (const own of exempt)
    text = text.replace(new RegExp(own.replace(/[.]/g, '\\.'), 'gi'), '<own>');
  answers.push({ label: `${role} ${method} ${path}`, text, named, echo });
  return result;
}

// ---------------------------------------------------------------------------------------------
// The walk.

// Every GET with its query variants, path parameters filled with `pick(kind)`.
function getRequests(ops, pick) {
  const out = [];
  for (const op of ops.filter((o) => o.method === 'GET')) {
    const values = {};
    let missing;
    for (const { name, kind } of pathParams(op)) {
      const value = kind ? pick(kind) : PATH_VALUES[name];
      if (value === undefined) missing = name;
      values[name] = value;
    }
    if (missing) {
      if (!NOT_WALKED[op.id])
        unexercised.push(`${op.method} ${op.path}: no value for {${missing}}`);
      continue;
    }
    const path = fill(op.path, values);
    const queries = [''];
    for (const p of op.parameters.filter((x) => x.in === 'query')) {
      const schema = resolve(p.schema);
      let choices = schema.enum?.filter((v) => v !== null) ?? QUERY_VALUES[p.name];
      if (NAMING[p.name]) choices = [pick(NAMING[p.name])].filter(Boolean);
      if (!choices && schema.type === 'integer') {
        choices = [schema.minimum, schema.maximum].filter((v) => v !== undefined);
      }
      if (!choices || choices.length === 0) {
        if (p.required) unexercised.push(`${op.method} ${op.path}: no value for ?${p.name}`);
        else notes.push(`?${p.name} of ${op.id} is not varied (nothing worth asking for)`);
        continue;
      }
      for (const choice of choices) queries.push(`${p.name}=${encodeURIComponent(choice)}`);
    }
    const required = op.parameters.filter((x) => x.in === 'query' && x.required);
    for (const query of queries) {
      if (query === '' && required.length) continue;
      out.push({ op, url: query ? `${path}?${query}` : path });
    }
  }
  return out;
}

async function snapshot(ops) {
  const taken = new Map();
  for (const { op, url } of getRequests(ops, (kind) => visible[kind]?.[0])) {
    for (const role of Object.keys(OUTSIDERS)) {
      const result = await outsiderCall(role, 'GET', url);
      taken.set(`${role} ${url}`, { op, role, url, result });
    }
  }
  return taken;
}

// The path of the record whose parameter is `name` (for its ETag): the path up to it.
function recordPathOf(op, name, values) {
  const end = op.path.indexOf(`{${name}}`) + name.length + 2;
  return fill(op.path.slice(0, end), values);
}

// Writes named by their path, each with a restricted record in one of its record parameters and
// visible ones in the others (or the unknown twin for comparison).
function recordVariants(op) {
  const params = pathParams(op);
  const recordParams = params.filter((p) => p.kind);
  const variants = [];
  for (const target of recordParams) {
    for (const hidden of restricted[target.kind] ?? []) {
      const values = { ...PATH_VALUES };
      for (const p of recordParams) values[p.name] = visible[p.kind]?.[0];
      values[target.name] = hidden;
      const twin = { ...values, [target.name]: unknownLike(hidden) };
      if (Object.values(values).some((v) => v === undefined)) continue;
      variants.push({
        target,
        hidden,
        path: fill(op.path, values),
        unknownPath: fill(op.path, twin),
        recordPath: recordPathOf(op, target.name, values),
      });
    }
  }
  return variants;
}

async function compareWithUnknown(role, method, route, hiddenCall, unknownCall, hidden, expect404) {
  const a = await hiddenCall();
  const b = await unknownCall();
  const sa = shape(a, [hidden]);
  const sb = shape(b, [unknownLike(hidden)]);
  if (sa.status !== sb.status) {
    leak(
      route,
      role,
      `${hidden} answers ${a.status}, an unknown reference ${b.status}: ` + a.text.slice(0, 200),
    );
  } else if (sa.text !== sb.text || sa.type !== sb.type) {
    leak(
      route,
      role,
      `${hidden} answers unlike an unknown reference (${a.status}): ` +
        `${a.text.slice(0, 200)} vs ${b.text.slice(0, 200)}`,
    );
  } else if (expect404 && b.status !== 403 && b.status !== 404) {
    notes.push(
      `${role} ${method} ${route}: an unknown reference answers ${b.status} (${b.text.slice(0, 120)})`,
    );
  }
  return { a, b };
}

// ---------------------------------------------------------------------------------------------

before(async () => {
  workspace = tempDir();
  db = testDatabase(workspace.dir, 'visibility.db');
  const init = redress(['init', '--db', db]);
  assert.equal(init.status, 0, init.stderr);
  tokens.admin = userWithToken(db, 'vis.admin', 'admin');
  server = await startServe(db);
  spec = (await request('GET', '/api/openapi.json')).json;
  ({ resolve, operations, pathParams, fill, minimalBody, namingBody } = openApiWalker({
    spec,
    pathKinds: PATH_KINDS,
    values: VALUES,
    also: ALSO,
    year: YEAR,
  }));
  ({ insider, configure, makeVisibleRecords, makeRestrictedRecords } = council({
    request,
    tokens,
    visible,
    restricted,
  }));
  await configure();
  tokens.insider = userWithToken(db, INSIDER, 'complaints_officer', CHILDREN_TEAM);
  for (const [role, [username, roleName, team]] of Object.entries(OUTSIDERS)) {
    if (role !== 'admin') tokens[role] = userWithToken(db, username, roleName, team);
  }
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

test('restricted records of every kind stay hidden from everyone outside the team', async () => {
  const ops = operations();
  await makeVisibleRecords();
  const beforeRecords = await snapshot(ops);
  await makeRestrictedRecords();

  // The insider sees every restricted record, so a 404 below is the rule, not a typo.
  const kindPath = {
    complaint: '/api/v1/complaints/',
    service_request: '/api/v1/service-requests/',
    ombudsman_case: '/api/v1/ombudsman/cases/',
    failure_order: '/api/v1/ombudsman/failure-orders/',
    learning_action: '/api/v1/learning/',
  };
  for (const [kind, refs] of Object.entries(restricted)) {
    for (const ref of refs) await insider('GET', `${kindPath[kind]}${ref}`);
  }
  const hiddenRefs = Object.values(restricted).flat();

  // 1. Every GET answers as it did before the restricted records existed.
  const afterRecords = await snapshot(ops);
  for (const [key, was] of beforeRecords) {
    const now = afterRecords.get(key);
    if (MAY_COUNT.has(was.op.id)) continue;
    if (was.result.status !== now.result.status) {
      leak(
        `GET ${now.url}`,
        now.role,
        `answered ${was.result.status} before, ${now.result.status} after`,
      );
      continue;
    }
    const a =
      was.result.json !== undefined ? withoutVolatile(was.result.json, VOLATILE) : was.result.text;
    const b =
      now.result.json !== undefined ? withoutVolatile(now.result.json, VOLATILE) : now.result.text;
    const changed = differences(a, b);
    if (changed.length) {
      leak(`GET ${now.url}`, now.role, `changed by the restricted records: ${changed.join('; ')}`);
    }
  }

  // 2. Every operation whose path names a record: a restricted one answers like an unknown one.
  const pathOps = ops.filter((op) => pathParams(op).some((p) => p.kind));
  for (const op of ops) {
    for (const { name, kind } of pathParams(op)) {
      if (!kind && PATH_VALUES[name] === undefined && !NOT_WALKED[op.id]) {
        unexercised.push(`${op.method} ${op.path}: no value for {${name}}`);
      }
      if (name === 'reference' && !kind && !NOT_WALKED[op.id]) {
        unexercised.push(`${op.method} ${op.path}: {reference} after an unknown collection`);
      }
    }
  }
  const reads = pathOps.filter((op) => op.method === 'GET');
  const writes = pathOps.filter((op) => op.method !== 'GET' && !NOT_WALKED[op.id]);
  for (const op of reads) {
    const variants = recordVariants(op);
    if (variants.length === 0)
      unexercised.push(`${op.method} ${op.path}: no restricted record to name`);
    for (const v of variants) {
      const enums = op.parameters.filter((p) => p.in === 'query' && resolve(p.schema).enum);
      const queries = [''];
      for (const p of enums) {
        for (const e of resolve(p.schema).enum.filter((x) => x !== null))
          queries.push(`?${p.name}=${e}`);
      }
      for (const query of queries) {
        for (const role of Object.keys(OUTSIDERS)) {
          await compareWithUnknown(
            role,
            'GET',
            `GET ${op.path}${query} (${v.target.kind} ${v.hidden})`,
            () => outsiderCall(role, 'GET', v.path + query, {}, [v.hidden]),
            () => outsiderCall(role, 'GET', v.unknownPath + query, {}, [unknownLike(v.hidden)]),
            v.hidden,
            true,
          );
        }
      }
    }
  }

  // 3. Queries naming a restricted record answer like queries naming an unknown one.
  for (const op of ops.filter((o) => o.method === 'GET')) {
    for (const p of op.parameters.filter((x) => x.in === 'query' && NAMING[x.name])) {
      if (pathParams(op).some((x) => x.kind)) continue;
      for (const hidden of restricted[NAMING[p.name]] ?? []) {
        const path = fill(op.path, PATH_VALUES);
        for (const role of Object.keys(OUTSIDERS)) {
          await compareWithUnknown(
            role,
            'GET',
            `GET ${op.path}?${p.name}= (${hidden})`,
            () => outsiderCall(role, 'GET', `${path}?${p.name}=${hidden}`, {}, [hidden]),
            () =>
              outsiderCall(role, 'GET', `${path}?${p.name}=${unknownLike(hidden)}`, {}, [
                unknownLike(hidden),
              ]),
            hidden,
            false,
          );
        }
      }
    }
  }

  // 4. A complaint logged outside the team with the restricted one's email and category.
  const repeat = await outsiderCall(
    'complaints_officer',
    'POST',
    '/api/v1/complaints',
    {
      body: {
        regime: 'corporate',
        received_on: `${YEAR}-07-01`,
        channel: 'email',
        service_area: CHILDREN_AREA,
        category: CHILDREN_CATEGORY,
        summary: 'Transport to school',
        description: 'The bus did not come',
        complainant: { name: 'A Parent', email: M.email },
      },
    },
    [],
    [M.email],
  );
  assert.equal(repeat.status, 201, repeat.text);
  visible.complaint.push(repeat.json.reference);
  for (const role of Object.keys(OUTSIDERS)) {
    const seen = await outsiderCall(
      role,
      'GET',
      `/api/v1/complaints/${repeat.json.reference}`,
      {},
      [],
      [M.email],
    );
    const named = hiddenRefs.filter((ref) => seen.text.includes(ref));
    if (named.length) {
      leak(
        'GET /api/v1/complaints/{reference} (a new complaint)',
        role,
        `possible_repeat_of names ${named.join(', ')}: ${JSON.stringify(seen.json?.possible_repeat_of)}`,
      );
    }
  }
  const namedAtLogging = hiddenRefs.filter((ref) => repeat.text.includes(ref));
  if (namedAtLogging.length) {
    leak(
      'POST /api/v1/complaints',
      'complaints_officer',
      `the answer's possible_repeat_of names ${namedAtLogging.join(', ')}`,
    );
  }

  // Every write is walked one way or another, or NOT_WALKED says why not.
  for (const op of ops.filter((o) => o.method !== 'GET' && !NOT_WALKED[o.id])) {
    const byPath = pathParams(op).some((p) => p.kind);
    const byBody = Object.keys(op.bodySchema?.properties ?? {}).some((name) => NAMING[name]);
    if (!byPath && !byBody) unexercised.push(`${op.method} ${op.path} (${op.id}): names no record`);
  }

  // 5. Writes whose body names a record: a restricted one answers like an unknown one.
  for (const op of ops.filter((o) => o.method !== 'GET' && o.bodySchema && !NOT_WALKED[o.id])) {
    const properties = Object.keys(op.bodySchema.properties ?? {}).filter((name) => NAMING[name]);
    const recordParams = pathParams(op).filter((p) => p.kind);
    if (properties.length === 0) continue;
    const values = { ...PATH_VALUES };
    for (const p of recordParams) values[p.name] = visible[p.kind]?.[0];
    const path = fill(op.path, values);
    for (const property of properties) {
      for (const hidden of restricted[NAMING[property]] ?? []) {
        for (const role of Object.keys(OUTSIDERS)) {
          const send = async (value) => {
            const headers = {};
            if (recordParams.length) {
              const read = await request('GET', recordPathOf(op, recordParams[0].name, values), {
                token: tokens.insider,
              });
              const etag = read.headers.get('etag');
              if (etag) headers['if-match'] = etag;
            }
            return outsiderCall(
              role,
              op.method,
              path,
              { body: namingBody(op.bodySchema, property, value), headers },
              [value],
            );
          };
          await compareWithUnknown(
            role,
            op.method,
            `${op.method} ${op.path} {${property}: ${hidden}}`,
            () => send(hidden),
            () => send(unknownLike(hidden)),
            hidden,
            false,
          );
        }
      }
    }
  }

  // 6. Writes on a restricted record's path: 404, exactly as for an unknown one. Last, because
  // a leaking write changes the record.
  for (const op of writes) {
    const variants = recordVariants(op);
    if (variants.length === 0)
      unexercised.push(`${op.method} ${op.path}: no restricted record to name`);
    for (const v of variants) {
      for (const role of Object.keys(OUTSIDERS)) {
        const read = await request('GET', v.recordPath, { token: tokens.insider });
        const headers = read.headers.get('etag') ? { 'if-match': read.headers.get('etag') } : {};
        // A replacement starts from the record as its team reads it: the most plausible body.
        let body = op.bodySchema ? minimalBody(op.bodySchema) : undefined;
        if (body && ['PUT', 'PATCH'].includes(op.method) && read.json) {
          body = Object.fromEntries(
            Object.keys(op.bodySchema.properties ?? {})
              .filter((name) => read.json[name] !== undefined)
              .map((name) => [name, read.json[name]]),
          );
        }
        if (body && 'reference' in body) body.reference = visible.complaint[0];
        const mentioned = hiddenRefs.filter((ref) => JSON.stringify(body ?? '').includes(ref));
        const { b } = await compareWithUnknown(
          role,
          op.method,
          `${op.method} ${op.path} (${v.target.kind} ${v.hidden})`,
          () => outsiderCall(role, op.method, v.path, { body, headers }, [v.hidden, ...mentioned]),
          () =>
            outsiderCall(role, op.method, v.unknownPath, { body, headers }, [
              unknownLike(v.hidden),
              ...mentioned,
            ]),
          v.hidden,
          true,
        );
        if (![403, 404].includes(b.status)) {
          unexercised.push(
            `${role} ${op.method} ${op.path}: an unknown reference answers ` +
              `${b.status}, not 404: the body is not plausible (${b.text.slice(0, 160)})`,
          );
        }
      }
    }
  }

  // 7. The global scan: no outsider's answer carries a marker, or a restricted reference it was
  // not asked about.
  const markerPattern = new RegExp(`${MARK}[A-Z]*(@example\\.org)?`, 'gi');
  for (const answer of answers) {
    const markers = answer.echo ? [] : [...new Set(answer.text.match(markerPattern) ?? [])];
    const refs = hiddenRefs.filter(
      (ref) => !answer.named.includes(ref) && answer.text.includes(ref),
    );
    if (markers.length === 0 && refs.length === 0) continue;
    const what = [];
    if (markers.length) {
      const at = Math.max(0, answer.text.search(new RegExp(MARK, 'i')) - 50);
      what.push(
        `carries ${markers.join(', ')} (…${answer.text.slice(at, at + 120).replace(/\s+/g, ' ')}…)`,
      );
    }
    if (refs.length) what.push(`names ${refs.join(', ')}`);
    const [role, ...route] = answer.label.split(' ');
    leak(route.join(' '), role, what.join('; '));
  }

  // One line per leak, most telling first; repeated ones (same route and what) grouped by role.
  const grouped = new Map();
  for (const { route, role, what } of leaks) {
    const key = `${route} — ${what}`;
    if (!grouped.has(key)) grouped.set(key, []);
    if (!grouped.get(key).includes(role)) grouped.get(key).push(role);
  }
  const report = [...grouped].map(([key, roles]) => `  [${roles.join(',')}] ${key}`);
  console.log(`restricted: ${JSON.stringify(restricted)}`);
  console.log(`visible: ${JSON.stringify(visible)}`);
  console.log(`${answers.length} outsider answers read`);
  for (const note of new Set(notes)) console.log(`note: ${note}`);
  for (const [id, why] of Object.entries(NOT_WALKED)) console.log(`not walked: ${id} (${why})`);
  if (report.length) console.log(`LEAKS (${report.length}):\n${report.join('\n')}`);
  // VISIBILITY_DUMP=file writes every outsider answer read, one JSON line each, for whoever
  // fixes a leak.
  if (process.env.VISIBILITY_DUMP) {
    writeFileSync(
      process.env.VISIBILITY_DUMP,
      answers.map((a) => JSON.stringify({ request: a.label, answer: a.text })).join('\n'),
    );
  }
  assert.deepEqual([...new Set(unexercised)], [], 'operations that could not be exercised');
  assert.equal(report.length, 0, `restricted records leak:\n${report.join('\n')}`);
});
