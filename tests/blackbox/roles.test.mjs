// Every role against every endpoint of the API, both ways: a role the table allows gets past the
// permission check (any answer but 401 and 403), a role it refuses gets 403 and changes nothing.
// The endpoints come from the served OpenAPI description, so a new endpoint without a row in the
// table below fails this test until someone decides who may call it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiClient,
  auditEventCount,
  demoDatabase,
  query,
  redress,
  startServe,
  tempDir,
  userWithToken,
} from './helpers.mjs';

const ROLES = ['admin', 'complaints_officer', 'case_handler', 'manager', 'viewer'];
const ALL = ROLES;
const STAFF = ['admin', 'complaints_officer', 'case_handler', 'manager'];
const OFFICERS = ['admin', 'complaints_officer', 'manager'];
const ADMIN = ['admin'];
const REPORT_READERS = ['admin', 'complaints_officer', 'manager', 'viewer'];
const AUDIT_READERS = ['admin', 'manager', 'viewer'];

// Who may call each operation, written out here independently of core/permissions.cpp.
const MAY = {
  logComplaint: STAFF,
  listComplaints: ALL,
  countComplaints: ALL,
  listPersonComplaints: ALL,
  exportComplaints: ALL,
  exportOmbudsmanCases: ALL,
  exportLearningActions: ALL,
  importComplaints: ADMIN,
  getComplaint: ALL,
  getComplaintTimeline: ALL,
  listEligibleHandlers: ALL,
  acknowledgeComplaint: STAFF,
  extendComplaint: STAFF,
  respondComplaint: STAFF,
  correctResponse: STAFF,
  escalateComplaint: OFFICERS,
  refuseComplaint: OFFICERS,
  withdrawComplaint: OFFICERS,
  closeComplaint: OFFICERS,
  reopenComplaint: OFFICERS,
  reassignComplaint: OFFICERS,
  recordInvestigation: STAFF,
  recordAdjudication: STAFF,
  recordReviewPanel: STAFF,
  recordPanelReport: STAFF,
  recordDiscussionOffer: STAFF,
  agreeResponsePeriod: STAFF,
  notifyLateResponse: STAFF,
  listNotes: ALL,
  addNote: STAFF,
  listLinks: ALL,
  addLink: STAFF,
  removeLink: STAFF,
  logServiceRequest: STAFF,
  getServiceRequest: ALL,
  resolveServiceRequest: STAFF,
  convertServiceRequest: STAFF,
  currentSession: ALL,
  getProviderLogout: ALL,
  signOut: ALL,
  createToken: ALL,
  listTokens: ALL,
  revokeToken: ALL,
  listUsers: ALL,
  getUser: ALL,
  addUser: ADMIN,
  updateUser: ADMIN,
  listTeams: ALL,
  saveTeam: ADMIN,
  listServiceAreas: ALL,
  saveServiceArea: ADMIN,
  listCategories: ALL,
  saveCategory: ADMIN,
  listRootCauses: ALL,
  saveRootCause: ADMIN,
  listClosureDays: ALL,
  addClosureDay: ADMIN,
  removeClosureDay: ADMIN,
  listDesignations: ALL,
  addDesignation: ADMIN,
  getSettings: ALL,
  getAnnualReport: REPORT_READERS,
  listHomesOwned: REPORT_READERS,
  saveHomesOwned: ADMIN,
  listTenantSatisfaction: REPORT_READERS,
  saveTenantSatisfaction: ADMIN,
  saveSettings: ADMIN,
  getOidcSettings: ADMIN,
  saveOidcSettings: ADMIN,
  testOidcConnection: ADMIN,
  listOmbudsmanCases: ALL,
  recordOmbudsmanCase: OFFICERS,
  getOmbudsmanCase: ALL,
  updateOmbudsmanCase: OFFICERS,
  listFailureOrders: ALL,
  recordFailureOrder: OFFICERS,
  getFailureOrder: ALL,
  updateFailureOrder: OFFICERS,
  getOverdue: ALL,
  getLgscoLetter: REPORT_READERS,
  saveLgscoLetter: OFFICERS,
  reconcileLgscoLetter: REPORT_READERS,
  getComplaintOmbudsmanHistory: ALL,
  listLearningActions: ALL,
  raiseLearningAction: OFFICERS,
  getLearningAction: ALL,
  updateLearningAction: OFFICERS,
  getSelfAssessment: REPORT_READERS,
  startSelfAssessment: OFFICERS,
  saveProvisionAssessment: OFFICERS,
  removeProvisionAssessment: OFFICERS,
  saveSelfAssessmentApproval: OFFICERS,
  listAnnualSubmissions: REPORT_READERS,
  createAnnualSubmission: OFFICERS,
  getAnnualSubmission: REPORT_READERS,
  saveAnnualSubmissionDetails: OFFICERS,
  approveAnnualSubmission: OFFICERS,
  publishAnnualSubmission: OFFICERS,
  submitAnnualSubmission: OFFICERS,
  getAnnualSubmissionForm: REPORT_READERS,
  getSubmittedAnnualReport: REPORT_READERS,
  listComplaintAttachments: ALL,
  addComplaintAttachments: STAFF,
  removeComplaintAttachment: STAFF,
  downloadComplaintAttachment: ALL,
  listServiceRequestAttachments: ALL,
  addServiceRequestAttachments: STAFF,
  removeServiceRequestAttachment: STAFF,
  downloadServiceRequestAttachment: ALL,
  listOmbudsmanCaseAttachments: ALL,
  addOmbudsmanCaseAttachments: OFFICERS,
  removeOmbudsmanCaseAttachment: OFFICERS,
  downloadOmbudsmanCaseAttachment: ALL,
  listLearningActionAttachments: ALL,
  addLearningActionAttachments: OFFICERS,
  removeLearningActionAttachment: OFFICERS,
  downloadLearningActionAttachment: ALL,
  getAttachmentPolicy: ALL,
  putAttachmentPolicy: ADMIN,
  listLetters: ALL,
  issueLetter: STAFF,
  previewLetter: STAFF,
  getLetter: ALL,
  getLetterPdf: ALL,
  resendLetter: STAFF,
  listLetterTemplates: ALL,
  saveLetterTemplate: ADMIN,
  previewLetterTemplate: ADMIN,
  listLetterTemplateVersions: ADMIN,
  listOmbudsmanContacts: ADMIN,
  addOmbudsmanContact: ADMIN,
  getOfficeHours: ADMIN,
  saveOfficeHours: ADMIN,
  getMailSettings: ADMIN,
  sendTestEmail: ADMIN,
  getOutbox: REPORT_READERS,
  getContactPreferences: ALL,
  saveContactPreferences: STAFF,
  listSubjectAccessRequests: OFFICERS,
  createSubjectAccessRequest: OFFICERS,
  getSubjectAccessRequest: OFFICERS,
  extendSubjectAccessRequest: OFFICERS,
  completeSubjectAccessRequest: OFFICERS,
  withdrawSubjectAccessRequest: OFFICERS,
  getSubjectAccessHoldings: OFFICERS,
  withholdSubjectAccessItem: OFFICERS,
  getSubjectAccessBundle: OFFICERS,
  findPeople: OFFICERS,
  getPerson: OFFICERS,
  decidePersonMatch: OFFICERS,
  listRetentionRules: ADMIN,
  setRetentionRule: ADMIN,
  listRetentionHolds: ADMIN,
  placeRetentionHold: ADMIN,
  releaseRetentionHold: ADMIN,
  listDisposalRuns: ADMIN,
  startDisposalDryRun: ADMIN,
  getDisposalRun: ADMIN,
  approveDisposalRun: ADMIN,
  cancelDisposalRun: ADMIN,
  redactComplaintItem: ADMIN,
  getPrintBatch: ALL,
  getPrintBatchPdf: ALL,
  getPrintBatchCsv: ALL,
  markPrintBatchPrinted: STAFF,
  listSavedViews: ALL,
  createSavedView: ALL,
  updateSavedView: ALL,
  deleteSavedView: ALL,
  bulkReassignComplaints: OFFICERS,
  bulkAcknowledgeComplaints: STAFF,
  listReminderDigests: AUDIT_READERS,
};

// Operations that act on the browser session itself rather than on the role's rights.
const SESSION_ONLY = new Set(['signOut']);

let workspace;
let server;
let call;
let db;
const tokens = {};
const params = {};

before(async () => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'roles.db', ['--seed', '3', '--today', '2022-06-30']);
  for (const role of ROLES) {
    tokens[role] = userWithToken(db, `role.${role.replace('_', '-')}`, role, 'housing-services');
  }
  const rows = query(
    db,
    "SELECT reference FROM complaints WHERE NOT restricted AND service_area = 'housing' " +
      'ORDER BY id LIMIT 2',
  )
    .trim()
    .split('\n');
  params.reference = rows[0];
  params.other = rows[1];
  params.username = 'role.viewer';
  params.code = 'zz-role-test';
  params.date = '2031-01-02';
  params.year = '2021';
  params.provision = '6.3';
  params.number = '1';
  params.id = query(db, 'SELECT max(id) FROM api_tokens').trim();
  server = await startServe(db);
  call = apiClient(server.base);
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

function eventCount() {
  return auditEventCount(db);
}

function fill(pattern, overrides = {}) {
  return pattern.replace(/\{(\w+)\}/g, (_, name) => {
    const value = overrides[name] ?? params[name];
    assert.ok(value !== undefined, `no value for {${name}}`);
    return encodeURIComponent(value);
  });
}

async function operations() {
  const document = await call('GET', '/api/openapi.json');
  assert.equal(document.status, 200);
  const found = [];
  for (const [path, item] of Object.entries(document.body.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (method === 'parameters') continue;
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      found.push({ method: method.toUpperCase(), path, id: operation.operationId, isPublic });
    }
  }
  return found;
}

test('every authenticated operation has a row in the table, and every row an operation', async () => {
  const ids = (await operations()).filter((op) => !op.isPublic).map((op) => op.id);
  assert.deepEqual([...ids].sort(), Object.keys(MAY).sort());
});

test('each role is allowed exactly what the table says, and a refusal changes nothing', async () => {
  const ops = (await operations()).filter((op) => !op.isPublic && MAY[op.id]);
  let checked = 0;
  for (const op of ops) {
    for (const role of ROLES) {
      // Signing out or revoking would end the very credentials this test uses: those run last
      // with throwaway values (a token id nobody has), still through the permission check.
      const path = fill(op.path, op.id === 'revokeToken' ? { id: '999999' } : {});
      const allowed = MAY[op.id].includes(role);
      const before = eventCount();
      // An empty JSON body reaches the permission check like any other; an allowed role then
      // gets the endpoint's own answer (2xx, or a 4xx about the body or the If-Match).
      const withBody = ['POST', 'PUT', 'PATCH'].includes(op.method);
      const result = await call(op.method, path, {
        token: tokens[role],
        body: withBody ? {} : undefined,
      });
      const what = `${role} ${op.method} ${op.path} → ${result.status} ${JSON.stringify(result.body)}`;
      if (SESSION_ONLY.has(op.id)) {
        // Signing out ends a browser session; a bearer token has none, whatever the role.
        assert.equal(result.status, 401, what);
      } else if (allowed) {
        assert.ok(![401, 403].includes(result.status), `should be allowed: ${what}`);
        assert.ok(result.status < 500, what);
      } else {
        assert.equal(result.status, 403, `should be refused: ${what}`);
        assert.equal(result.headers.get('content-type'), 'application/problem+json', what);
        assert.equal(eventCount(), before, `a refused request changed the database: ${what}`);
      }
      checked += 1;
    }
  }
  assert.equal(checked, ops.length * ROLES.length);
  assert.ok(ops.length >= 45, `only ${ops.length} operations`);
});

test('a request without credentials is 401 on every authenticated operation', async () => {
  for (const op of (await operations()).filter((candidate) => !candidate.isPublic)) {
    const result = await call(op.method, fill(op.path));
    assert.equal(result.status, 401, `${op.method} ${op.path}`);
  }
});
