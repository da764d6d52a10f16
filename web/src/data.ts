// Loading data for a page, and the organisation's reference data shared by every form.
import { useCallback, useEffect, useRef, useState } from 'react';
import { getItems } from './api';
import type { ServiceArea, TaxonomyEntry, Team, User } from './types';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  reload: () => void;
}

// Runs `load` when `key` changes (and on reload()); a stale answer for an old key is dropped. `key`
// alone decides when to load: `load` is a new closure at every render, so the latest one is kept
// in a ref rather than made a dependency.
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ key: string; data?: T; error?: string }>({ key });
  const [generation, setGeneration] = useState(0);
  const latestLoad = useRef(load);
  useEffect(() => {
    latestLoad.current = load;
  });
  useEffect(() => {
    let current = true;
    latestLoad.current().then(
      (data) => current && setState({ key, data }),
      (error: Error) => current && setState({ key, error: error.message }),
    );
    return () => {
      current = false;
    };
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const fresh = state.key === key;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, reload };
}

export interface Reference {
  teams: Team[];
  serviceAreas: ServiceArea[];
  categories: TaxonomyEntry[];
  rootCauses: TaxonomyEntry[];
  users: User[];
}

// Reference data changes rarely (only admins change it), so one copy serves the whole visit and
// is dropped when an admin changes it.
let cached: Promise<Reference> | undefined;

export function loadReference(): Promise<Reference> {
  cached ??= Promise.all([
    getItems<Team>('/teams'),
    getItems<ServiceArea>('/service-areas'),
    getItems<TaxonomyEntry>('/categories'),
    getItems<TaxonomyEntry>('/root-causes'),
    getItems<User>('/users'),
  ]).then(([teams, serviceAreas, categories, rootCauses, users]) => ({
    teams,
    serviceAreas,
    categories,
    rootCauses,
    users,
  }));
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

export function forgetReference(): void {
  cached = undefined;
}

export function useReference(): Loaded<Reference> {
  return useLoad(loadReference, 'reference');
}

// The display name for a code, or the code itself when it is unknown.
export function nameOf(
  entries: { code: string; name: string }[] | undefined,
  code: string | null,
): string {
  if (!code) return '';
  return entries?.find((entry) => entry.code === code)?.name ?? code;
}

export function userName(users: User[] | undefined, username: string | null): string {
  if (!username) return 'Not assigned';
  return users?.find((user) => user.username === username)?.display_name ?? username;
}
