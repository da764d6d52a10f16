import { describe, expect, test } from 'vitest';
import { datePartsOf, fieldId, isoOf } from './fields';

describe('fields', () => {
  test('ids come from the API field names, so the error summary can link to them', () => {
    expect(fieldId('complainant.email')).toBe('complainant-email');
    expect(fieldId('remedies[1].type')).toBe('remedies-1-type');
    expect(fieldId('root_causes')).toBe('root_causes');
    expect(fieldId('actions[0]')).toBe('actions-0');
  });

  test('the date boxes make an ISO date only when it is a real one', () => {
    expect(isoOf({ day: '5', month: '1', year: '2026' })).toBe('2026-01-05');
    expect(isoOf({ day: '29', month: '2', year: '2024' })).toBe('2024-02-29');
    expect(isoOf({ day: '29', month: '2', year: '2025' })).toBeNull();
    expect(isoOf({ day: '1', month: '13', year: '2025' })).toBeNull();
    expect(isoOf({ day: '1', month: '1', year: '25' })).toBeNull();
    expect(isoOf({ day: '', month: '', year: '' })).toBeNull();
  });

  test('an ISO date fills the boxes as a person would type it', () => {
    expect(datePartsOf('2026-03-07')).toEqual({ day: '7', month: '3', year: '2026' });
  });
});
