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
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redress, startServe, tempDir, userWithToken } from './helpers.mjs';

const CHILDREN_TEAM = 'childrens-complaints';
const OTHER_TEAM = 'housing-services';
const CHILDREN_AREA = 'childrens-social-care';
const CHILDREN_CATEGORY = 'care-planning';
const HOUSING_AREA = 'housing';
const HOUSING_CATEGORY = 'repairs';
const ROOT_CAUSE = 'communication';
const YEAR = '2025'; // financial year 2025/26: every record below is dated in it
const INSIDER = 'vis.insider';

// Every marker starts with MARK, and nothing else in the council does: an outsider's answer
// containing MARK (any case) carries text from a restricted record.
const MARK = 'ZQXR';
const M = {
  summary: 'ZQXRSUMMARY',
  description: 'ZQXRDESCRIPTION',
  name: 'ZQXRNAME',
  email: 'zqxrmail@example.org',
  address: 'ZQXRADDRESS',
  srName: 'ZQXRREQUESTER',
  srEmail: 'zqxrrequester@example.org',
  srAddress: 'ZQXRSRADDRESS',
  srSummary: 'ZQXRSRSUMMARY',
  note: 'ZQXRNOTE',
  ombSummary: 'ZQXROMBSUMMARY',
  ombReference: 'ZQXROMBREF',
  chfo: 'ZQXRORDER',
  lesson: 'ZQXRLESSON',
  action: 'ZQXRACTION',
  evidence: 'ZQXREVIDENCE',
  learning: 'ZQXRRESPONSELEARNING',
  promised: 'ZQXRPROMISEDACTION',
  letter: 'ZQXRLETTERBODY',
  remedy: 'ZQXRREMEDY',
};

// Outsiders: every role that can read, in another team, and an admin in no team.
const OUTSIDERS = {
  viewer: ['vis.viewer', 'viewer', OTHER_TEAM],
  complaints_officer: ['vis.officer', 'complaints_officer', OTHER_TEAM],
  case_handler: ['vis.handler', 'case_handler', OTHER_TEAM],
  manager: ['vis.manager', 'manager', OTHER_TEAM],
  admin: ['vis.admin', 'admin', undefined],
};

// The kind of record a path parameter names, from the collection segment before it.
const PATH_KINDS = {
  complaints: 'complaint',
  'service-requests': 'service_request',
  cases: 'ombudsman_case',
  'failure-orders': 'failure_order',
  learning: 'learning_action',
};
// Path parameters that name no complaint-related record: what to put there.
const PATH_VALUES = { year: YEAR, username: INSIDER, provision: '6.3', number: '1' };
// Query parameters without an enum in the document: the values worth asking for.
const QUERY_VALUES = {
  text: [M.summary, M.description, M.srSummary],
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
  logServiceRequest: 'names no record (walked by its reads)',
  logComplaint: 'names no record (walked by the repeat check)',
  saveLetterTemplate: 'configuration: letter templates',
};
// Published documents, which may count restricted complaints (never carry their text), and the
// operational endpoints, whose figures move with every request: both are left out of the
// before/after comparison, but every answer is still searched for markers and references.
const MAY_COUNT = new Set([
  'getAnnualReport',
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
// The OpenAPI document.

function resolve(schema) {
  let current = schema;
  while (current && current.$ref) {
    current = current.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((node, key) => node[key], spec);
  }
  return current ?? {};
}

function operations() {
  const found = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve);
      const schema = resolve(op.requestBody?.content?.['application/json']?.schema);
      found.push({
        method: method.toUpperCase(),
        path,
        id: op.operationId,
        parameters,
        bodySchema: op.requestBody ? schema : undefined,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
      });
    }
  }
  return found;
}

// The kind of record each path parameter names ('complaint', ...), or undefined.
function pathParams(op) {
  const names = [];
  const segments = op.path.split('/');
  segments.forEach((segment, i) => {
    const match = /^\{(\w+)\}$/.exec(segment);
    if (!match) return;
    const name = match[1];
    let kind;
    if (name === 'reference') kind = PATH_KINDS[segments[i - 1]];
    else if (name === 'other') kind = 'complaint';
    names.push({ name, kind });
  });
  return names;
}

function fill(path, values) {
  return path.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(values[name]));
}

// A value for a schema: VALUES by property name, else the first enum value, else by type.
function sample(schema, name) {
  const s = resolve(schema);
  if (s.enum) return s.enum.find((v) => v !== null);
  if (name !== undefined && VALUES[name] !== undefined) return VALUES[name];
  if (s.default !== undefined) return s.default;
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (s.format === 'date') return `${YEAR}-07-01`;
  switch (type) {
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return s.minItems ? [sample(s.items)] : [];
    case 'object':
      return minimalBody(s);
    default:
      return s.properties ? minimalBody(s) : 'x';
  }
}

function minimalBody(schema) {
  const s = resolve(schema);
  const body = {};
  for (const name of s.required ?? []) body[name] = sample(s.properties?.[name] ?? {}, name);
  for (const [name, value] of Object.entries(ALSO)) {
    if (s.properties?.[name] && body[name] === undefined) body[name] = value;
  }
  return body;
}

// A body naming `value` in the property `property` (a record), with a `source` that matches.
function namingBody(schema, property, value) {
  const s = resolve(schema);
  const body = minimalBody(s);
  const prop = resolve(s.properties[property]);
  body[property] = prop.type === 'array' ? [value] : value;
  const source = resolve(s.properties?.source ?? {});
  if (source.enum?.includes(property)) body.source = property;
  else if (property === 'complaints' && source.enum?.includes('complaints'))
    body.source = 'complaints';
  if (body.source === 'ombudsman_case') delete body.complaints;
  return body;
}

// The same form as `reference`, naming nothing: its last run of digits all nines.
function unknownLike(reference) {
  return reference.replace(/(\d+)(?!.*\d)/, (digits) => '9'.repeat(digits.length));
}

// An answer with `value` written as <REF>, for comparing a hidden record's with an unknown one's.
function shape(result, values) {
  let text = result.text;
  for (const value of values) text = text.split(value).join('<REF>');
  text = text.split(encodeURIComponent(values[0] ?? '')).join('<REF>');
  return { status: result.status, type: result.type, text };
}

// Where two answers differ, as up to `limit` lines "path: before → after".
function differences(a, b, path = '', found = [], limit = 6) {
  if (found.length >= limit || JSON.stringify(a) === JSON.stringify(b)) return found;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      differences(a[key], b[key], `${path}.${key}`, found, limit);
    }
    return found;
  }
  const show = (v) => (JSON.stringify(v) ?? 'absent').slice(0, 140);
  found.push(`${path || '(body)'}: ${show(a)} → ${show(b)}`);
  return found;
}

function withoutVolatile(value) {
  if (Array.isArray(value)) return value.map(withoutVolatile);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !VOLATILE.has(key))
        .map(([k, v]) => [k, withoutVolatile(v)]),
    );
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// The council: configuration, then visible records, then (later) the restricted ones.

async function insider(method, path, body, headers = {}) {
  const expected = [200, 201];
  const result = await request(method, path, { token: tokens.insider, body, headers });
  assert.ok(
    expected.includes(result.status),
    `${method} ${path} → ${result.status} ${result.text}`,
  );
  return result;
}

async function configure() {
  const admin = (method, path, body) =>
    request(method, path, { token: tokens.admin, body }).then((r) => {
      assert.ok(r.status < 300, `${method} ${path} → ${r.status} ${r.text}`);
      return r;
    });
  for (const [code, name] of [
    [CHILDREN_TEAM, "Children's Complaints Manager's Team"],
    ['childrens-services', "Children's Services"],
    [OTHER_TEAM, 'Housing Services'],
  ]) {
    await admin('PUT', `/api/v1/teams/${code}`, { name });
  }
  // The children's complaints team owns the area, so it handles every stage of the complaint.
  await admin('PUT', `/api/v1/service-areas/${CHILDREN_AREA}`, {
    name: "Children's social care",
    team: CHILDREN_TEAM,
  });
  await admin('PUT', `/api/v1/service-areas/${HOUSING_AREA}`, {
    name: 'Housing',
    team: OTHER_TEAM,
  });
  await admin('PUT', `/api/v1/categories/${CHILDREN_CATEGORY}`, { name: 'Care planning' });
  await admin('PUT', `/api/v1/categories/${HOUSING_CATEGORY}`, { name: 'Repairs' });
  await admin('PUT', `/api/v1/root-causes/${ROOT_CAUSE}`, { name: 'Communication' });
  const settings = await request('GET', '/api/v1/settings', { token: tokens.admin });
  await admin('PUT', '/api/v1/settings', {
    name: settings.json?.name || 'Visibility Council',
    division: 'england-and-wales',
    children_team: CHILDREN_TEAM,
  });
}

const person = (name, email, address) => ({
  name,
  email,
  address,
  phone: '01632 960999',
  postcode: 'ZZ1 1ZZ',
});

async function makeVisibleRecords() {
  const logged = await insider('POST', '/api/v1/complaints', {
    regime: 'housing',
    received_on: `${YEAR}-06-02`,
    channel: 'phone',
    service_area: HOUSING_AREA,
    category: HOUSING_CATEGORY,
    summary: 'Leaking roof',
    description: 'Water through the ceiling',
    complainant: person('Ann Visible', 'ann.visible@example.org', '1 Visible Road'),
  });
  const sr = await insider('POST', '/api/v1/service-requests', {
    channel: 'phone',
    received_on: `${YEAR}-06-02`,
    service_area: HOUSING_AREA,
    category: HOUSING_CATEGORY,
    summary: 'Bin not collected',
    requester: person('Bob Visible', 'bob@example.org', '2 Road'),
  });
  const omb = await insider('POST', '/api/v1/ombudsman/cases', {
    ombudsman: 'housing_ombudsman',
    complaints: [logged.json.reference],
    summary: 'Roof',
    enquiry_received_on: `${YEAR}-09-01`,
    information_due_on: `${YEAR}-09-15`,
  });
  const order = await insider('POST', '/api/v1/ombudsman/failure-orders', {
    ombudsman_case: omb.json.reference,
    type: 'type_1',
    ground: 'delay_providing_information',
    description: 'Send the file',
    issued_on: `${YEAR}-09-20`,
    due_on: `${YEAR}-10-20`,
  });
  const learning = await insider('POST', '/api/v1/learning', {
    source: 'complaints',
    complaints: [logged.json.reference],
    lesson: 'Roofs',
    action: 'Inspect roofs',
    owner: INSIDER,
    raised_on: `${YEAR}-10-01`,
    due_on: `${YEAR}-11-01`,
  });
  Object.assign(visible, {
    complaint: [logged.json.reference],
    service_request: [sr.json.reference],
    ombudsman_case: [omb.json.reference],
    failure_order: [order.json.reference],
    learning_action: [learning.json.reference],
  });
}

async function makeRestrictedRecords() {
  const complainant = person(M.name, M.email, `${M.address}, Town`);
  const logged = await insider('POST', '/api/v1/complaints', {
    regime: 'children',
    received_on: `${YEAR}-06-02`,
    channel: 'email',
    service_area: CHILDREN_AREA,
    category: CHILDREN_CATEGORY,
    summary: `${M.summary} care plan`,
    description: `${M.description} details`,
    complainant,
    handler: INSIDER,
  });
  assert.equal(logged.json.restricted, true, "a children's complaint is restricted");
  const r1 = logged.json.reference;
  const sr = await insider('POST', '/api/v1/service-requests', {
    channel: 'email',
    received_on: `${YEAR}-06-03`,
    service_area: CHILDREN_AREA,
    category: CHILDREN_CATEGORY,
    summary: `${M.srSummary} request`,
    description: `${M.description} request`,
    requester: person(M.srName, M.srEmail, M.srAddress),
  });
  const converted = await insider('POST', `/api/v1/service-requests/${sr.json.reference}/convert`, {
    regime: 'children',
    received_on: `${YEAR}-06-04`,
  });
  const r2 =
    converted.json.reference ??
    converted.json.complaint?.reference ??
    converted.json.converted_to ??
    converted.json.complaint;
  assert.match(String(r2), /^CMP-/, `the conversion names its complaint: ${converted.text}`);
  // Answered at stage 1, with learning, a promised action and a remedy the report may read.
  const acknowledged = await insider(
    'POST',
    `/api/v1/complaints/${r1}/acknowledge`,
    { on: `${YEAR}-06-03` },
    { 'if-match': logged.headers.get('etag') },
  );
  await insider(
    'POST',
    `/api/v1/complaints/${r1}/respond`,
    {
      on: `${YEAR}-06-10`,
      outcome: 'partly_upheld',
      root_causes: [ROOT_CAUSE],
      remedies: [{ type: 'apology', description: `${M.remedy} apology` }],
      actions: [{ description: `${M.promised} review`, due_on: `${YEAR}-08-01` }],
      learning: `${M.learning} plans`,
    },
    { 'if-match': acknowledged.headers.get('etag') },
  );
  await insider('POST', `/api/v1/complaints/${r1}/notes`, { text: `${M.note} internal` });
  // A letter, queued for email: its text, PDF and delivery are the complaint's.
  const letter = await insider('POST', `/api/v1/complaints/${r1}/letters`, {
    type: 'free_letter',
    issued_on: `${YEAR}-06-12`,
    parts: { body: `${M.letter} text` },
  });
  assert.equal(letter.status, 201, letter.text);
  await insider('POST', `/api/v1/complaints/${r2}/notes`, { text: `${M.note} second` });
  // Linked both ways: from the restricted complaint, and from the visible one's side.
  await insider('POST', `/api/v1/complaints/${r1}/links`, {
    reference: visible.complaint[0],
    relation: 'related',
  });
  await insider('POST', `/api/v1/complaints/${visible.complaint[0]}/links`, {
    reference: r2,
    relation: 'repeat_of',
  });
  const omb = await insider('POST', '/api/v1/ombudsman/cases', {
    ombudsman: 'housing_ombudsman',
    ombudsman_reference: M.ombReference,
    complaints: [r1, r2],
    summary: `${M.ombSummary} case`,
    enquiry_received_on: `${YEAR}-09-01`,
    information_due_on: `${YEAR}-09-15`,
  });
  const order = await insider('POST', '/api/v1/ombudsman/failure-orders', {
    ombudsman_case: omb.json.reference,
    ombudsman_reference: M.ombReference,
    type: 'type_2',
    ground: 'delay_providing_information',
    description: `${M.chfo} evidence`,
    issued_on: `${YEAR}-09-20`,
    due_on: `${YEAR}-10-20`,
  });
  const completed = {
    lesson: `${M.lesson} one`,
    action: `${M.action} one`,
    owner: INSIDER,
    raised_on: `${YEAR}-10-01`,
    due_on: `${YEAR}-11-01`,
    status: 'completed',
    evidence: `${M.evidence} one`,
    completed_on: `${YEAR}-10-15`,
  };
  const fromComplaint = await raiseLearning({
    ...completed,
    source: 'complaints',
    complaints: [r1],
  });
  const fromCase = await raiseLearning({
    ...completed,
    source: 'ombudsman_case',
    ombudsman_case: omb.json.reference,
    lesson: `${M.lesson} two`,
  });
  const open = await insider('POST', '/api/v1/learning', {
    source: 'ombudsman_case',
    ombudsman_case: omb.json.reference,
    lesson: `${M.lesson} three`,
    action: `${M.action} three`,
    owner: INSIDER,
    raised_on: `${YEAR}-10-01`,
    due_on: `${YEAR}-11-01`,
  });
  Object.assign(restricted, {
    complaint: [r1, r2],
    service_request: [sr.json.reference],
    ombudsman_case: [omb.json.reference],
    failure_order: [order.json.reference],
    learning_action: [fromComplaint, fromCase, open.json.reference],
  });
}

// Raised, then completed with evidence (whether or not raising may complete at once).
async function raiseLearning(body) {
  const { status, evidence, completed_on: completedOn, ...raising } = body;
  const raised = await insider('POST', '/api/v1/learning', raising);
  const path = `/api/v1/learning/${raised.json.reference}`;
  await insider(
    'PUT',
    path,
    { ...body, status, evidence, completed_on: completedOn },
    { 'if-match': raised.headers.get('etag') },
  );
  return raised.json.reference;
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
  db = join(workspace.dir, 'visibility.db');
  const init = redress(['init', '--db', db]);
  assert.equal(init.status, 0, init.stderr);
  tokens.admin = userWithToken(db, 'vis.admin', 'admin');
  server = await startServe(db);
  spec = (await request('GET', '/api/openapi.json')).json;
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
    const a = was.result.json !== undefined ? withoutVolatile(was.result.json) : was.result.text;
    const b = now.result.json !== undefined ? withoutVolatile(now.result.json) : now.result.text;
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
      if (name === 'reference' && !kind) {
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
