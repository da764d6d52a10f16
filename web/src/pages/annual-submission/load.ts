// Reading a year's annual submission; a year without one answers 404, which the pages show as such.
import { ApiError, get } from '../../api';
import type { AnnualSubmission } from '../../types';

const HTTP_NOT_FOUND = 404;

export async function loadSubmission(year: number): Promise<AnnualSubmission | null> {
  try {
    return await get<AnnualSubmission>(`/annual-submissions/${year}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === HTTP_NOT_FOUND) return null;
    throw error;
  }
}
