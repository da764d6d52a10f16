import { describe, expect, it } from 'vitest';
import type { AnnualSubmission } from '../../types';
import { formExports, nextStep, parseStep } from './submission';

describe('nextStep', () => {
  it.each([
    ['draft', 'approve'],
    ['approved', 'publish'],
    ['published', 'submit'],
    ['submitted', null],
  ] as const)('after %s comes %s', (status, step) => {
    expect(nextStep(status)).toBe(step);
  });
});

describe('parseStep', () => {
  it('knows the three steps and nothing else', () => {
    expect(parseStep('publish')).toBe('publish');
    expect(parseStep('details')).toBeNull();
    expect(parseStep(undefined)).toBeNull();
  });
});

describe('formExports', () => {
  const record = {
    form_path: '/api/v1/annual-submissions/2023/form',
    submitted_report_path: null,
  } as unknown as AnnualSubmission;
  it('offers the form in every format, and the report once submitted', () => {
    expect(formExports(record).map((e) => e.href)).toEqual([
      '/api/v1/annual-submissions/2023/form?format=pdf',
      '/api/v1/annual-submissions/2023/form?format=csv',
      '/api/v1/annual-submissions/2023/form?format=json',
    ]);
    const submitted = {
      ...record,
      submitted_report_path: '/api/v1/annual-submissions/2023/report',
    } as AnnualSubmission;
    expect(formExports(submitted)).toHaveLength(4);
  });
});
