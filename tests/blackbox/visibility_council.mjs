// The council the visibility test walks (visibility.test.mjs): its configuration, the records
// every role may see, and the restricted records of every kind made by a member of the children's
// complaints team, each carrying a marker (M) that no answer to an outsider may contain.
import assert from 'node:assert/strict';

export const CHILDREN_TEAM = 'childrens-complaints';
export const OTHER_TEAM = 'housing-services';
export const CHILDREN_AREA = 'childrens-social-care';
export const CHILDREN_CATEGORY = 'care-planning';
export const HOUSING_AREA = 'housing';
export const HOUSING_CATEGORY = 'repairs';
export const ROOT_CAUSE = 'communication';
export const YEAR = '2025'; // financial year 2025/26: every record below is dated in it
export const INSIDER = 'vis.insider';

// Every marker starts with MARK, and nothing else in the council does: an outsider's answer
// containing MARK (any case) carries text from a restricted record.
export const MARK = 'ZQXR';
export const M = {
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

// The council's records, made through the API with `request(method, path, options)` and the
// users' `tokens` (admin, insider); the identifiers made are added by kind to `visible` and
// `restricted`. `insider` makes a request as the insider that must succeed.
export function council({ request, tokens, visible, restricted }) {
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
    const converted = await insider(
      'POST',
      `/api/v1/service-requests/${sr.json.reference}/convert`,
      {
        regime: 'children',
        received_on: `${YEAR}-06-04`,
      },
    );
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

  return { insider, configure, makeVisibleRecords, makeRestrictedRecords };
}
