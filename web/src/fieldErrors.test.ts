import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { ownWording, readsOnFromField, wordFieldError, wordFormErrors } from './fieldErrors';

describe('field errors worded by code', () => {
  it('puts the field name in front of a format the message states', () => {
    expect(readsOnFromField('invalid_format')).toBe(true);
    expect(readsOnFromField('same_record')).toBe(false);
    expect(readsOnFromField('within_time_limit')).toBe(false);
    expect(readsOnFromField(undefined)).toBe(false);
  });

  it('words an email address in the wrong format as GOV.UK does, whatever the message', () => {
    const error = new ApiError(422, {
      type: '/problems/invalid-input',
      title: 'The request has invalid values',
      status: 422,
      detail: 'complainant.email: is not an email address',
      instance: '/api/v1/complaints',
      errors: [
        { field: 'complainant.email', code: 'invalid_email', message: 'is not an email address' },
        {
          field: 'reference',
          code: 'same_record',
          message: 'a complaint cannot be linked to itself',
        },
      ],
    });
    expect(error.fieldErrors().map((e) => e.message)).toEqual([
      'Enter an email address in the correct format, like name@example.com',
      'A complaint cannot be linked to itself',
    ]);
    expect(ownWording('invalid_email')).toBeDefined();
    expect(ownWording('invalid')).toBeUndefined();
  });
});

describe('field errors in a form’s words', () => {
  const words = {
    on: { words: 'the date you acknowledged the complaint' },
    outcome: { words: 'the outcome', choice: true },
  };

  it.each([
    ['on', 'required', 'Is required', 'Enter the date you acknowledged the complaint'],
    ['outcome', 'required', 'Is required', 'Select the outcome'],
    [
      'on',
      'date_in_future',
      'Must not be after today',
      'The date you acknowledged the complaint cannot be in the future',
    ],
    [
      'on',
      'invalid_date',
      'Is not a date',
      'The date you acknowledged the complaint must be a real date',
    ],
    [
      'on',
      'date_too_early',
      'Must not be before the stage start (2026-12-01)',
      'The date you acknowledged the complaint must not be before the stage start (1 December 2026)',
    ],
    ['summary', 'required', 'Is required', 'Is required'],
    ['outcome', 'invalid', 'The correction changes nothing', 'The correction changes nothing'],
  ] as const)('%s (%s) reads %j', (field, code, message, shown) => {
    expect(wordFormErrors([{ field, code, message }], words)).toEqual([
      { field, code, message: shown },
    ]);
  });

  it('words an email address as GOV.UK does even with the form’s words', () => {
    expect(
      wordFieldError(
        { field: 'complainant.email', code: 'invalid_email', message: 'x' },
        { words: 'the complainant’s email address' },
      ).message,
    ).toBe('Enter an email address in the correct format, like name@example.com');
  });
});
