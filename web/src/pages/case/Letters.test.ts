import { describe, expect, it } from 'vitest';
import { letterErrorWording } from './Letters';

describe('letterErrorWording', () => {
  it('asks for a missing required part by its name, as GOV.UK error messages do', () => {
    expect(
      letterErrorWording({
        field: 'parts.complaint_definition',
        message: 'is required',
        code: 'required',
      }).message,
    ).toBe('Enter what the complaint is about');
  });
  it('leaves other errors as the API worded them', () => {
    const tooLong = { field: 'parts.body', message: 'Must be shorter', code: 'too_long' } as const;
    expect(letterErrorWording(tooLong)).toEqual(tooLong);
    const other = { field: 'issued_on', message: 'Is required', code: 'required' } as const;
    expect(letterErrorWording(other)).toEqual(other);
  });
});
