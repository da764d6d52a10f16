import { describe, expect, it } from 'vitest';
import { fileErrorWording, formatSize } from './Attachments';

describe('fileErrorWording', () => {
  const types = 'PDF or JPG';
  it.each([
    ['required', 'file is required', 'Select a file'],
    [
      'not_in_list',
      'The selected file must be a PDF (it is application/zip)',
      'The selected file must be a PDF or JPG',
    ],
    ['too_long', 'Must be smaller than 20MB', 'The selected file must be smaller than 20MB'],
    ['invalid', 'The selected file is empty', 'The selected file is empty'],
  ] as const)('words %s as the Design System does', (code, message, wording) => {
    expect(fileErrorWording({ field: 'file', message, code }, types).message).toBe(wording);
  });
  it('leaves other fields alone', () => {
    const error = { field: 'description', message: 'Too long', code: 'too_long' as const };
    expect(fileErrorWording(error, types)).toEqual(error);
  });
});

describe('formatSize', () => {
  it.each([
    [1, '1KB'],
    [2048, '2KB'],
    [1024 * 1024, '1.0MB'],
    [20 * 1024 * 1024, '20.0MB'],
  ])('%i bytes read as %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});
