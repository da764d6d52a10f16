import { expect, test } from 'vitest';
import { dateField, labelledErrors } from './forms';
import type { FieldError } from '../../types';

const LABELS = {
  due_on: 'The due date',
  raised_on: 'The date it was raised',
  evidence: 'Evidence of completion',
  complaints: 'The complaints',
};

test.each<[FieldError, FieldError]>([
  [
    { field: 'evidence', message: 'is required to complete an action', code: 'required' },
    { field: 'evidence', message: 'Evidence of completion is required' },
  ],
  [
    { field: 'due_on', message: 'must not be before raised_on', code: 'date_too_early' },
    { field: 'due_on', message: 'The due date must not be before the date it was raised' },
  ],
  [
    { field: 'complaints[1]', message: 'no complaint CMP-NOPE', code: 'unknown_reference' },
    { field: 'complaints', message: 'No complaint CMP-NOPE' },
  ],
  [
    { field: 'category', message: 'a theme needs a category or a root cause', code: 'required' },
    { field: 'category', message: 'A theme needs a category or a root cause' },
  ],
  [
    { field: 'owner', message: 'is required', code: 'required' },
    { field: 'owner', message: 'Is required' },
  ],
  [
    { field: 'raised_on', message: 'must not be after today', code: 'date_in_future' },
    { field: 'raised_on', message: 'The date it was raised must not be after today' },
  ],
  [
    // The catch-all code: the message is its own sentence even when it starts "is".
    { field: 'due_on', message: 'is odd', code: 'invalid' },
    { field: 'due_on', message: 'Is odd' },
  ],
  [
    { field: '', message: 'the self-assessment of 2022 was started already' },
    { field: '', message: 'The self-assessment of 2022 was started already' },
  ],
])('labelledErrors(%o)', (error, expected) => {
  expect(labelledErrors([error], LABELS)).toEqual([expected]);
});

test.each([
  [{ day: '', month: '', year: '' }, undefined, []],
  [{ day: '5', month: '1', year: '2023' }, '2023-01-05', []],
  [{ day: '31', month: '2', year: '2023' }, undefined, ['due_on']],
  [{ day: '1', month: '', year: '2023' }, undefined, ['due_on']],
])('dateField(%o) is %s', (parts, iso, fields) => {
  const problems: FieldError[] = [];
  expect(dateField('due_on', 'The due date', parts, problems)).toBe(iso);
  expect(problems.map((p) => p.field)).toEqual(fields);
});
