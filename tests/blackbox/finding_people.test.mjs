// Finding people and their history (issue 18): the case list's search finds a complaint by its
// complainant's or representative's name, e-mail, phone, postcode or address and by its reference,
// forgiving of case, accents and the spacing of phone numbers and postcodes; each row names the
// complainant; and a person's other complaints are found by the same e-mail, phone, or name with
// postcode, for the case page and for the log form before it is saved. That a restricted
// complaint stays hidden from both is walked by visibility.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, redress, startServe, tempDir, testDatabase } from './helpers.mjs';

let workspace;
let server;
let call;
const logged = {};

const person = {
  name: 'Zoë Quennell-Hartley',
  email: 'Z.Quennell@Example.org',
  phone: '+44 7700 900461',
  address: '7 Unusual Lane, Exeter',
  postcode: 'EX4 9ZZ',
};

function complaint(complainant, extra = {}) {
  return {
    regime: 'housing',
    received_on: '2024-12-20',
    channel: 'phone',
    service_area: 'housing',
    category: 'repairs',
    summary: 'Leaking roof in the back bedroom',
    description: 'Water has come through the ceiling since the storm.',
    desired_outcome: 'Repair the roof',
    complainant,
    ...extra,
  };
}

before(async () => {
  workspace = tempDir();
  const db = testDatabase(workspace.dir, 'council.db');
  for (const args of [
    ['init', '--db', db],
    ['demo', '--db', db, '--seed', '2', '--today', '2022-06-30'],
  ]) {
    const result = redress(args);
    assert.equal(result.status, 0, result.stderr);
  }
  const token = redress(['token', 'create', '--db', db, '--username', 'amira.khan']);
  assert.equal(token.status, 0, token.stderr);
  server = await startServe(db);
  const client = apiClient(server.base);
  call = (method, path, options = {}) =>
    client(method, path, { token: token.stdout.trim(), ...options });
  for (const [key, body] of [
    [
      'first',
      complaint(person, {
        representative: {
          name: 'Ravindra Advocatus',
          email: 'ravi@advice.example',
          phone: '',
          address: '',
          postcode: '',
        },
      }),
    ],
    // The same person by e-mail only, written otherwise.
    ['byEmail', complaint({ ...person, name: 'Z Q', phone: '', email: 'z.QUENNELL@example.ORG' })],
    // By phone only, written otherwise.
    [
      'byPhone',
      complaint({ name: 'Someone', email: '', phone: '07700900461', address: '', postcode: '' }),
    ],
    // By name and postcode only.
    [
      'byNamePostcode',
      complaint({
        name: 'zoë  QUENNELL-HARTLEY',
        email: '',
        phone: '',
        address: '3 Other Street',
        postcode: 'ex49zz',
      }),
    ],
    // Another person in the same postcode.
    [
      'neighbour',
      complaint({
        name: 'Pat Neighbour',
        email: '',
        phone: '',
        address: '5 Other Street',
        postcode: 'EX4 9ZZ',
      }),
    ],
  ]) {
    const answer = await call('POST', '/api/v1/complaints', { body: body });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    logged[key] = answer.body.reference;
  }
});

after(async () => {
  if (server) await server.stop();
  workspace?.cleanup();
});

async function search(text) {
  const answer = await call('GET', `/api/v1/complaints?text=${encodeURIComponent(text)}&limit=50`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.items;
}

test('search finds a complaint by any contact detail of its complainant or representative', async () => {
  for (const text of [
    'Quennell',
    'quennell hartley',
    'ZOE', // accents folded
    'Quennell leaking', // a person and the text together
    'z.quennell@example.org',
    '+44 7700 900 461',
    '07700 900461',
    '07700900461',
    'EX4 9ZZ',
    'ex49zz',
    'Unusual Lane',
    'Ravindra',
    'ravi@advice.example',
    'Quenn', // the last word as a prefix
  ]) {
    const rows = await search(text);
    const references = rows.map((row) => row.reference);
    assert.ok(references.includes(logged.first), `${text} finds the complaint: ${references}`);
  }
});

test('search finds a complaint by its reference', async () => {
  const rows = await search(logged.first);
  assert.deepEqual(
    rows.map((row) => row.reference),
    [logged.first],
  );
});

test('each row of the list names the complainant', async () => {
  const rows = await search('Quennell');
  const first = rows.find((row) => row.reference === logged.first);
  assert.equal(first.complainant, person.name);
});

test("a person's other complaints are found by e-mail, phone, or name with postcode", async () => {
  const byPerson = async (query) => {
    const answer = await call('GET', `/api/v1/complaints/by-person?${new URLSearchParams(query)}`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body.items.map((row) => row.reference).sort();
  };
  const all = [logged.first, logged.byEmail, logged.byPhone, logged.byNamePostcode].sort();
  assert.deepEqual(await byPerson(person), all);
  assert.deepEqual(
    await byPerson({ ...person, except: logged.first }),
    all.filter((reference) => reference !== logged.first),
  );
  assert.deepEqual(
    await byPerson({ email: 'Z.QUENNELL@example.org' }),
    [logged.first, logged.byEmail].sort(),
  );
  assert.deepEqual(
    await byPerson({ phone: '0044 (0)7700 900461' }),
    [logged.byPhone, logged.first].sort(),
  );
  // A name alone, or a postcode alone, is nobody in particular.
  assert.deepEqual(await byPerson({ name: person.name }), []);
  assert.deepEqual(await byPerson({ postcode: person.postcode }), []);
  assert.deepEqual(await byPerson({}), []);
});
