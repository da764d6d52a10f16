import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { ownWording, readsOnFromField } from './fieldErrors';

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
