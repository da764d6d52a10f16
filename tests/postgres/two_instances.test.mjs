// Two `redress serve` instances on one PostgreSQL database (the test cluster of
// scripts/pg-cluster, REDRESS_TEST_POSTGRES_URL), talked to directly (the nginx test is to come):
// a case logged through one is read and acknowledged through the other, a stale update is a 412,
// references logged concurrently through both are unique and gap-free, and the audit chain they
// both appended to verifies.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  apiClient,
  assertProblem,
  freshPostgresDatabase,
  redress,
  startServe,
  userWithToken,
} from '../blackbox/helpers.mjs';

const baseUrl = process.env.REDRESS_TEST_POSTGRES_URL;
const CONCURRENT_LOGS = 20;

function complaint(summary) {
  return {
    regime: 'housing',
    received_on: '2025-06-02',
    channel: 'email',
    service_area: 'repairs',
    category: 'damp',
    summary,
    description: 'Black mould in the bedroom',
    complainant: { name: 'Jo Bloggs', email: 'jo@example.org', phone: '', address: '1 High St' },
  };
}

describe(
  'two instances on one PostgreSQL database',
  { skip: !baseUrl && 'no test cluster' },
  () => {
    let db;
    let token;
    let first;
    let second;
    let callFirst;
    let callSecond;

    before(async () => {
      db = freshPostgresDatabase(baseUrl);
      const missing = redress(['summary', '--db', db]);
      assert.notEqual(missing.status, 0, 'a database without the schema is refused');
      assert.match(missing.stderr, /redress init/);
      const init = redress(['init', '--db', db]);
      assert.equal(init.status, 0, init.stderr);
      token = userWithToken(db, 'admin', 'admin');
      // A database named by URL has no folder beside it: the instances share one for attachments.
      const files = ['--files', mkdtempSync(join(tmpdir(), 'redress-pg-files-'))];
      first = await startServe(db, files);
      second = await startServe(db, files);
      callFirst = apiClient(first.base);
      callSecond = apiClient(second.base);
      for (const [path, body] of [
        ['/api/v1/teams/housing', { name: 'Housing' }],
        ['/api/v1/service-areas/repairs', { name: 'Repairs', team: 'housing' }],
        ['/api/v1/categories/damp', { name: 'Damp', active: true }],
      ]) {
        const saved = await callFirst('PUT', path, { token, body });
        assert.equal(saved.status, 200, JSON.stringify(saved.body));
      }
    });

    after(async () => {
      await first?.stop();
      await second?.stop();
    });

    test('a case logged through one instance is found, searched and acknowledged through the other', async () => {
      const logged = await callFirst('POST', '/api/v1/complaints', {
        token,
        body: complaint('Mould in the bédroom'),
      });
      assert.equal(logged.status, 201, JSON.stringify(logged.body));
      const reference = logged.body.reference;
      const read = await callSecond('GET', `/api/v1/complaints/${reference}`, { token });
      assert.equal(read.status, 200);
      assert.equal(read.body.summary, 'Mould in the bédroom');
      const found = await callSecond('GET', '/api/v1/complaints?text=BEDRO', { token });
      assert.deepEqual(
        found.body.items.map((item) => item.reference),
        [reference],
      );
      const acknowledged = await callSecond('POST', `/api/v1/complaints/${reference}/acknowledge`, {
        token,
        headers: { 'if-match': '"1"' },
        body: { on: '2025-06-03' },
      });
      assert.equal(acknowledged.status, 200, JSON.stringify(acknowledged.body));
      const stale = await callFirst('POST', `/api/v1/complaints/${reference}/acknowledge`, {
        token,
        headers: { 'if-match': '"1"' },
        body: { on: '2025-06-03' },
      });
      assertProblem(assert, stale, 412);
    });

    test('references logged at once through both instances are unique and gap-free', async () => {
      const answers = await Promise.all(
        Array.from({ length: CONCURRENT_LOGS }, (_, i) =>
          (i % 2 === 0 ? callFirst : callSecond)('POST', '/api/v1/complaints', {
            token,
            body: complaint(`Concurrent ${i}`),
          }),
        ),
      );
      for (const answer of answers) assert.equal(answer.status, 201, JSON.stringify(answer.body));
      const numbers = answers
        .map((answer) => Number(answer.body.reference.split('-')[2]))
        .sort((a, b) => a - b);
      // The first test logged number 1.
      assert.deepEqual(
        numbers,
        Array.from({ length: CONCURRENT_LOGS }, (_, i) => i + 2),
      );
    });

    test('the audit chain both instances appended to verifies', () => {
      const verified = redress(['audit', 'verify', '--db', db]);
      assert.equal(verified.status, 0, verified.stderr + verified.stdout);
      assert.match(verified.stdout, /audit trail intact/);
    });
  },
);
