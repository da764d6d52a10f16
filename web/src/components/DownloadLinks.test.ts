import { describe, expect, it } from 'vitest';
import { exportPath } from './DownloadLinks';

describe('exportPath', () => {
  it('carries the list filters and the format, leaving out empty ones', () => {
    expect(
      exportPath('complaints', 'xlsx', { regime: 'housing', status: '', text: 'damp mould' }),
    ).toBe('/api/v1/exports/complaints?regime=housing&text=damp+mould&format=xlsx');
  });
  it('names each list', () => {
    expect(exportPath('learning-actions', 'csv', {})).toBe(
      '/api/v1/exports/learning-actions?format=csv',
    );
  });
});
