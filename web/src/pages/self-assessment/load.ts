// Reading a year's self-assessment; a year not started answers 404, which the pages show as such.
import { ApiError, get } from '../../api';
import type { SelfAssessment } from './assessment';

const HTTP_NOT_FOUND = 404;

export async function loadAssessment(year: number): Promise<SelfAssessment | null> {
  try {
    return await get<SelfAssessment>(`/self-assessments/${year}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === HTTP_NOT_FOUND) return null;
    throw error;
  }
}

// Provisions are numbered like "6.3" or "6b". The number travels in the query string: the server
// answers a path whose last segment has a dot as a file (404), not with the app, so a path such as
// /provisions/6.3 would not survive a reload.
export function provisionPath(year: number, provision: string): string {
  return `/self-assessment/${year}/provision?${new URLSearchParams({ number: provision }).toString()}`;
}

// The confirmation step before removing a provision.
export function removeProvisionPath(year: number, provision: string): string {
  return `/self-assessment/${year}/provision/remove?${new URLSearchParams({ number: provision }).toString()}`;
}
