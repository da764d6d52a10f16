// Administration over HTTP (users, reference data, closure days, designations, settings), and the
// case features around the state machine: internal notes, links between complaints, counts per
// status and the due-within filter. Each against the real `redress serve`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiClient,
  assertProblem,
  demoDatabase,
  query,
  redress,
  startServe,
  tempDir,
  userWithToken,
} from './helpers.mjs';

let workspace;
let server;
let call;
let db;
let admin;
let handler;
let viewer;

before(async () => {
  workspace = tempDir();
  db = demoDatabase(workspace.dir, 'admin.db', ['--seed', '4', '--today', '2022-06-30']);
  admin = userWithToken(db, 'test.admin', 'admin');
  handler = userWithToken(db, 'test.handler', 'case_handler', 'housing-services');
  viewer = userWithToken(db, 'test.viewer', 'viewer');
  server = await startServe(db);
  call = apiClient(server.base);
});

after(async () => {
  await server?.stop();
  workspace?.cleanup();
});

function events(entityType, ref) {
  return query(
    db,
    `SELECT type || ' ' || changes FROM events WHERE entity_type = '${entityType}' ` +
      `AND entity_ref = '${ref}' ORDER BY sequence`,
  )
    .trim()
    .split('\n');
}

test('a user has an email address, unique whatever its case, and can turn their digest off', async () => {
  const add = (username, email) =>
    call('POST', '/api/v1/users', {
      token: admin,
      body: { username, role: 'case_handler', password: 'a-long-enough-password', email },
    });
  const patch = (username, body) =>
    call('PATCH', `/api/v1/users/${username}`, { token: admin, body });
  const first = await add('mail.one', 'Mail.One@Council.example.org');
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.equal(first.body.email, 'Mail.One@Council.example.org');
  assert.equal(first.body.reminder_digest, 'daily');

  // The same address in another case is taken; a malformed one is refused; nothing is stored.
  const taken = await add('mail.two', 'mail.one@council.example.org');
  assertProblem(assert, taken, 422, 'email');
  assert.equal(taken.body.errors[0].code, 'duplicate');
  const malformed = await add('mail.two', 'not an address');
  assertProblem(assert, malformed, 422, 'email');
  assert.equal(malformed.body.errors[0].code, 'invalid_email');
  assert.equal((await call('GET', '/api/v1/users/mail.two', { token: admin })).status, 404);

  const second = await add('mail.two', 'mail.two@council.example.org');
  assert.equal(second.status, 201, JSON.stringify(second.body));
  const clash = await patch('mail.two', { email: 'MAIL.ONE@council.example.org' });
  assertProblem(assert, clash, 422, 'email');
  // Keeping one's own address in another case is no clash.
  const recased = await patch('mail.one', {
    email: 'mail.one@council.example.org',
    reminder_digest: 'off',
  });
  assert.equal(recased.status, 200, JSON.stringify(recased.body));
  assert.equal(recased.body.reminder_digest, 'off');
  const cleared = await patch('mail.two', { email: '' });
  assert.equal(cleared.body.email, null);
  const badDigest = await patch('mail.two', { reminder_digest: 'hourly' });
  assertProblem(assert, badDigest, 422, 'reminder_digest');

  const trail = events('user', 'mail.one').filter((line) => line.startsWith('user_updated'));
  assert.deepEqual(JSON.parse(trail[0].slice('user_updated '.length)), [
    {
      field: 'email',
      before: 'Mail.One@Council.example.org',
      after: 'mail.one@council.example.org',
    },
    { field: 'reminder_digest', before: 'daily', after: 'off' },
  ]);

  // The command line sets the same fields, through the same rule.
  const cli = redress([
    'user',
    'update',
    '--db',
    db,
    '--username',
    'mail.two',
    '--email',
    'Mail.One@council.example.org',
  ]);
  assert.notEqual(cli.status, 0);
  assert.match(cli.stderr, /email/);
  const ok = redress([
    'user',
    'update',
    '--db',
    db,
    '--username',
    'mail.two',
    '--email',
    'two@council.example.org',
    '--reminder-digest',
    'off',
  ]);
  assert.equal(ok.status, 0, ok.stderr);
  const shown = await call('GET', '/api/v1/users/mail.two', { token: admin });
  assert.equal(shown.body.email, 'two@council.example.org');
  assert.equal(shown.body.reminder_digest, 'off');
});

test('an admin adds a user who can then sign in, and changes or deactivates them', async () => {
  const added = await call('POST', '/api/v1/users', {
    token: admin,
    body: {
      username: 'new.officer',
      display_name: 'New Officer',
      role: 'complaints_officer',
      team: 'housing-services',
      password: 'a-long-enough-password',
    },
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  assert.equal(added.headers.get('location'), '/api/v1/users/new.officer');
  assert.deepEqual(added.body, {
    username: 'new.officer',
    display_name: 'New Officer',
    role: 'complaints_officer',
    team: 'housing-services',
    active: true,
    email: null,
    reminder_digest: 'daily',
  });

  const signIn = () =>
    call('POST', '/api/v1/session', {
      body: { username: 'new.officer', password: 'a-long-enough-password' },
    });
  assert.equal((await signIn()).status, 201);

  const duplicate = await call('POST', '/api/v1/users', {
    token: admin,
    body: { username: 'new.officer', role: 'viewer', password: 'a-long-enough-password' },
  });
  assertProblem(assert, duplicate, 409);
  const badUsername = await call('POST', '/api/v1/users', {
    token: admin,
    body: { username: 'New Officer', role: 'viewer', password: 'a-long-enough-password' },
  });
  assertProblem(assert, badUsername, 422, 'username');
  assert.equal(badUsername.body.errors[0].code, 'invalid_format');

  const badTeam = await call('PATCH', '/api/v1/users/new.officer', {
    token: admin,
    body: { team: 'no-such-team' },
  });
  assertProblem(assert, badTeam, 422, 'team');
  const badRole = await call('PATCH', '/api/v1/users/new.officer', {
    token: admin,
    body: { role: 'overlord' },
  });
  assertProblem(assert, badRole, 422, 'role');
  const wrongType = await call('PATCH', '/api/v1/users/new.officer', {
    token: admin,
    body: { active: 'no' },
  });
  assertProblem(assert, wrongType, 400, 'active');

  const changed = await call('PATCH', '/api/v1/users/new.officer', {
    token: admin,
    body: { role: 'manager', team: '', active: false },
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.deepEqual(changed.body, {
    username: 'new.officer',
    display_name: 'New Officer',
    role: 'manager',
    team: null,
    active: false,
    email: null,
    reminder_digest: 'daily',
  });
  assert.equal((await signIn()).status, 401, 'an inactive user cannot sign in');

  const fetched = await call('GET', '/api/v1/users/new.officer', { token: viewer });
  assert.equal(fetched.body.active, false);
  const listed = await call('GET', '/api/v1/users', { token: viewer });
  assert.ok(listed.body.items.some((user) => user.username === 'new.officer'));
  assert.ok(listed.body.items.every((user) => !('password_hash' in user)));

  const trail = events('user', 'new.officer').filter((line) => line.startsWith('user_'));
  assert.match(trail[0], /^user_created /);
  assert.match(trail[1], /^user_updated /);
  const changes = JSON.parse(trail[1].slice('user_updated '.length));
  assert.deepEqual(changes, [
    { field: 'role', before: 'complaints_officer', after: 'manager' },
    { field: 'team', before: 'housing-services', after: '' },
    { field: 'active', before: 'true', after: 'false' },
    // Deactivating ends the session the user signed in with above (and would revoke tokens).
    { field: 'sessions_ended', before: '', after: '1' },
  ]);
});

test('the last active admin cannot be demoted or deactivated', async () => {
  const admins = (await call('GET', '/api/v1/users', { token: admin })).body.items.filter(
    (user) => user.role === 'admin' && user.active,
  );
  // Demote every admin but the test's own; then the test's admin is the last one.
  for (const other of admins.filter((user) => user.username !== 'test.admin')) {
    const demoted = await call('PATCH', `/api/v1/users/${other.username}`, {
      token: admin,
      body: { role: 'manager' },
    });
    assert.equal(demoted.status, 200, JSON.stringify(demoted.body));
  }
  const self = await call('PATCH', '/api/v1/users/test.admin', {
    token: admin,
    body: { active: false },
  });
  assertProblem(assert, self, 409);
  const still = await call('GET', '/api/v1/users/test.admin', { token: admin });
  assert.equal(still.body.active, true);
});

test('reference data is read by everyone and changed by admins, with an audit record', async () => {
  const team = await call('PUT', '/api/v1/teams/complaints-review', {
    token: admin,
    body: { name: 'Complaints Review' },
  });
  assert.equal(team.status, 200, JSON.stringify(team.body));
  assert.deepEqual(team.body, { code: 'complaints-review', name: 'Complaints Review' });

  const area = await call('PUT', '/api/v1/service-areas/parks', {
    token: admin,
    body: { name: 'Parks', team: 'complaints-review' },
  });
  assert.equal(area.status, 200, JSON.stringify(area.body));
  const unknownTeam = await call('PUT', '/api/v1/service-areas/parks', {
    token: admin,
    body: { name: 'Parks', team: 'nobody' },
  });
  assertProblem(assert, unknownTeam, 422, 'team');

  const category = await call('PUT', '/api/v1/categories/parks-maintenance', {
    token: admin,
    body: { name: 'Parks maintenance', active: false },
  });
  assert.deepEqual(category.body, {
    code: 'parks-maintenance',
    name: 'Parks maintenance',
    active: false,
  });
  const badCode = await call('PUT', '/api/v1/root-causes/Bad%20Code', {
    token: admin,
    body: { name: 'Bad' },
  });
  assertProblem(assert, badCode, 422, 'code');
  assert.equal(badCode.body.errors[0].code, 'invalid_format');
  const rootCause = await call('PUT', '/api/v1/root-causes/unclear-letter', {
    token: admin,
    body: { name: 'Unclear letter' },
  });
  assert.equal(rootCause.status, 200);

  for (const [path, code] of [
    ['/api/v1/teams', 'complaints-review'],
    ['/api/v1/service-areas', 'parks'],
    ['/api/v1/categories', 'parks-maintenance'],
    ['/api/v1/root-causes', 'unclear-letter'],
  ]) {
    const list = await call('GET', path, { token: viewer });
    assert.equal(list.status, 200);
    assert.ok(
      list.body.items.some((item) => item.code === code),
      `${code} in ${path}`,
    );
  }
  assert.ok(events('configuration', 'service_area/parks').length >= 1);
});

test('closure days move deadlines; settings and designations round-trip', async () => {
  const added = await call('POST', '/api/v1/closure-days', {
    token: admin,
    body: { date: '2031-12-29', reason: 'Christmas shutdown' },
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  assert.equal(added.headers.get('location'), '/api/v1/closure-days/2031-12-29');
  assertProblem(
    assert,
    await call('POST', '/api/v1/closure-days', {
      token: admin,
      body: { date: '2031-12-29', reason: 'again' },
    }),
    409,
  );
  assertProblem(
    assert,
    await call('POST', '/api/v1/closure-days', {
      token: admin,
      body: { date: '2031-02-30', reason: 'no such day' },
    }),
    422,
    'date',
  );
  const calendar = redress([
    'calendar',
    'add-working-days',
    '--db',
    db,
    '--from',
    '2031-12-24',
    '--days',
    '1',
  ]);
  assert.equal(calendar.stdout.trim(), '2031-12-30', calendar.stderr);
  const listed = await call('GET', '/api/v1/closure-days', { token: viewer });
  assert.ok(listed.body.items.some((day) => day.date === '2031-12-29'));
  assert.equal(
    (await call('DELETE', '/api/v1/closure-days/2031-12-29', { token: admin })).status,
    204,
  );
  assertProblem(
    assert,
    await call('DELETE', '/api/v1/closure-days/2031-12-29', { token: admin }),
    404,
  );

  const settings = await call('GET', '/api/v1/settings', { token: viewer });
  assert.equal(settings.status, 200);
  const renamed = await call('PUT', '/api/v1/settings', {
    token: admin,
    body: { ...settings.body, name: 'Renamed Borough Council' },
  });
  assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
  assert.equal(
    (await call('GET', '/api/v1/settings', { token: viewer })).body.name,
    'Renamed Borough Council',
  );
  assertProblem(
    assert,
    await call('PUT', '/api/v1/settings', { token: admin, body: { name: 'X', division: 'wales' } }),
    422,
    'division',
  );

  const designation = await call('POST', '/api/v1/designations', {
    token: admin,
    body: { service_area: 'housing', from: '2031-01-01', to: '2030-01-01' },
  });
  assertProblem(assert, designation, 422, 'to');
  const open = await call('POST', '/api/v1/designations', {
    token: admin,
    body: { service_area: 'housing', from: '2031-01-01' },
  });
  assert.equal(open.status, 201, JSON.stringify(open.body));
  assert.deepEqual(open.body, { service_area: 'housing', from: '2031-01-01', to: null });
  const designations = await call('GET', '/api/v1/designations', { token: viewer });
  assert.ok(designations.body.items.some((d) => d.from === '2031-01-01' && d.to === null));
});

async function twoHousingComplaints() {
  const list = await call('GET', '/api/v1/complaints?service_area=housing&limit=2', {
    token: handler,
  });
  assert.equal(list.status, 200);
  return list.body.items.map((item) => item.reference);
}

test('internal notes are added without If-Match, listed, and shown in the timeline', async () => {
  const [reference] = await twoHousingComplaints();
  const before = await call('GET', `/api/v1/complaints/${reference}`, { token: handler });
  const added = await call('POST', `/api/v1/complaints/${reference}/notes`, {
    token: handler,
    body: { text: 'Called the tenant; access agreed for Tuesday.' },
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  assert.equal(added.body.author, 'test.handler');
  assert.equal(added.body.text, 'Called the tenant; access agreed for Tuesday.');
  assertProblem(
    assert,
    await call('POST', `/api/v1/complaints/${reference}/notes`, {
      token: handler,
      body: { text: '   ' },
    }),
    422,
    'text',
  );
  assertProblem(
    assert,
    await call('POST', `/api/v1/complaints/${reference}/notes`, {
      token: handler,
      body: { text: 'x', extra: 1 },
    }),
    400,
    'extra',
  );
  assertProblem(
    assert,
    await call('POST', '/api/v1/complaints/CMP-1999-000001/notes', {
      token: handler,
      body: { text: 'nobody' },
    }),
    404,
  );

  const notes = await call('GET', `/api/v1/complaints/${reference}/notes`, { token: viewer });
  assert.deepEqual(
    notes.body.items.map((note) => note.text),
    ['Called the tenant; access agreed for Tuesday.'],
  );
  const after = await call('GET', `/api/v1/complaints/${reference}`, { token: handler });
  assert.equal(after.headers.get('etag'), before.headers.get('etag'), 'a note leaves the version');
  const last = after.body.timeline.at(-1);
  assert.equal(last.type, 'note_added');
  assert.equal(last.actor, 'test.handler');
});

test('two complaints are linked once, seen from both sides, and unlinked', async () => {
  const [first, second] = await twoHousingComplaints();
  const linked = await call('POST', `/api/v1/complaints/${second}/links`, {
    token: handler,
    body: { reference: first, relation: 'repeat_of' },
  });
  assert.equal(linked.status, 201, JSON.stringify(linked.body));
  assert.equal(linked.body.reference, first);
  assert.equal(linked.body.direction, 'outgoing');

  assertProblem(
    assert,
    await call('POST', `/api/v1/complaints/${first}/links`, {
      token: handler,
      body: { reference: second },
    }),
    409,
  );
  const toItself = await call('POST', `/api/v1/complaints/${first}/links`, {
    token: handler,
    body: { reference: first },
  });
  assertProblem(assert, toItself, 422, 'reference');
  assert.equal(toItself.body.errors[0].code, 'same_record');
  assertProblem(
    assert,
    await call('POST', `/api/v1/complaints/${first}/links`, {
      token: handler,
      body: { reference: 'CMP-1999-000001' },
    }),
    422,
    'reference',
  );
  assertProblem(
    assert,
    await call('POST', `/api/v1/complaints/${first}/links`, {
      token: handler,
      body: { reference: second, relation: 'cousin_of' },
    }),
    422,
    'relation',
  );

  const fromFirst = await call('GET', `/api/v1/complaints/${first}/links`, { token: viewer });
  assert.deepEqual(
    fromFirst.body.items.map((l) => [l.reference, l.relation, l.direction]),
    [[second, 'repeat_of', 'incoming']],
  );
  for (const reference of [first, second]) {
    const timeline = await call('GET', `/api/v1/complaints/${reference}/timeline`, {
      token: viewer,
    });
    assert.equal(timeline.body.at(-1).type, 'linked');
  }
  assert.equal(
    (await call('DELETE', `/api/v1/complaints/${first}/links/${second}`, { token: handler }))
      .status,
    204,
  );
  assert.deepEqual(
    (await call('GET', `/api/v1/complaints/${second}/links`, { token: viewer })).body.items,
    [],
  );
  assertProblem(
    assert,
    await call('DELETE', `/api/v1/complaints/${first}/links/${second}`, { token: handler }),
    404,
  );
});

test('counts by stage name every stage that exists and add up to the open cases', async () => {
  const counts = await call('GET', '/api/v1/complaints/counts', { token: viewer });
  assert.equal(counts.status, 200, JSON.stringify(counts.body));
  // The stages come from the server (core::kMaxStages): keyed 1, 2, … with none missing.
  const stages = Object.keys(counts.body.by_stage);
  assert.ok(stages.length >= 2, JSON.stringify(counts.body.by_stage));
  assert.deepEqual(
    stages,
    stages.map((_, index) => String(index + 1)),
  );
  assert.equal(
    Object.values(counts.body.by_stage).reduce((a, b) => a + b, 0),
    counts.body.open,
  );
  for (const stage of stages) {
    const atStage = await call('GET', `/api/v1/complaints/counts?stage=${stage}`, {
      token: viewer,
    });
    assert.equal(atStage.status, 200, JSON.stringify(atStage.body));
    assert.equal(atStage.body.open, counts.body.by_stage[stage], `stage ${stage}`);
    // A stage filter leaves the other stages at zero, every key still there.
    assert.deepEqual(Object.keys(atStage.body.by_stage), stages);
    for (const other of stages.filter((s) => s !== stage)) {
      assert.equal(atStage.body.by_stage[other], 0, `stage ${other} under ?stage=${stage}`);
    }
  }
});

test('counts per status agree with the list, and due_within selects by working days', async () => {
  const counts = await call('GET', '/api/v1/complaints/counts?service_area=housing', {
    token: viewer,
  });
  assert.equal(counts.status, 200, JSON.stringify(counts.body));
  const statuses = Object.keys(counts.body.by_status);
  assert.deepEqual(statuses.sort(), [
    'awaiting_acknowledgement',
    'closed',
    'in_progress',
    'not_accepted',
    'responded',
    'withdrawn',
  ]);
  assert.equal(
    counts.body.total,
    Object.values(counts.body.by_status).reduce((a, b) => a + b, 0),
  );
  assert.equal(
    counts.body.open,
    counts.body.by_status.awaiting_acknowledgement + counts.body.by_status.in_progress,
  );
  const inProgress = await call(
    'GET',
    '/api/v1/complaints?service_area=housing&status=in_progress&limit=200',
    { token: viewer },
  );
  if (counts.body.by_status.in_progress <= 200) {
    assert.equal(inProgress.body.items.length, counts.body.by_status.in_progress);
  }

  // The server's today is the real date in London: a complaint received today is due for
  // acknowledgement K working days later, so due_within=K finds it and due_within=K-1 does not.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const logged = await call('POST', '/api/v1/complaints', {
    token: handler,
    body: {
      regime: 'housing',
      received_on: today,
      channel: 'phone',
      service_area: 'housing',
      category: 'repairs',
      summary: 'Zebracrossing probe',
      description: 'Probe for due_within.',
      complainant: { name: 'Probe Person', phone: '01632 960002' },
    },
  });
  assert.equal(logged.status, 201, JSON.stringify(logged.body));
  const between = redress([
    'calendar',
    'working-days-between',
    '--db',
    db,
    '--from',
    today,
    '--to',
    logged.body.acknowledge_by,
  ]);
  const k = Number(between.stdout.trim());
  assert.ok(k >= 1, between.stderr);
  const found = async (days) =>
    (
      await call('GET', `/api/v1/complaints?due_within=${days}&text=zebracrossing`, {
        token: viewer,
      })
    ).body.items.map((row) => row.reference);
  assert.deepEqual(await found(k), [logged.body.reference]);
  assert.deepEqual(await found(k - 1), []);
  assertProblem(
    assert,
    await call('GET', '/api/v1/complaints?due_within=101', { token: viewer }),
    422,
    'due_within',
  );
  assertProblem(
    assert,
    await call('GET', '/api/v1/complaints?due_within=3&overdue=true', { token: viewer }),
    422,
    'due_within',
  );
  assertProblem(
    assert,
    await call('GET', '/api/v1/complaints/counts?colour=red', { token: viewer }),
    400,
    'colour',
  );
});

test('homes owned per year are set by admins and read by report readers', async () => {
  const saved = await call('PUT', '/api/v1/homes-owned/2031', {
    token: admin,
    body: { homes: 5120 },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.deepEqual(saved.body, { year: 2031, homes: 5120 });
  assertProblem(
    assert,
    await call('PUT', '/api/v1/homes-owned/2031', { token: admin, body: { homes: 0 } }),
    422,
    'homes',
  );
  assertProblem(
    assert,
    await call('PUT', '/api/v1/homes-owned/1066', { token: admin, body: { homes: 10 } }),
    422,
    'year',
  );
  assertProblem(
    assert,
    await call('PUT', '/api/v1/homes-owned/2031', { token: admin, body: { homes: '5120' } }),
    400,
    'homes',
  );
  const listed = await call('GET', '/api/v1/homes-owned', { token: viewer });
  assert.ok(listed.body.items.some((item) => item.year === 2031 && item.homes === 5120));
  assert.ok(events('configuration', 'homes_owned/2031').length === 1);
});
