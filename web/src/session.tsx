// Who is signed in, for every page; the sign-in and sign-out requests.
import { createContext, useContext } from 'react';
import { get, request, setCsrfToken } from './api';
import { forgetReference } from './data';
import type { CurrentUser, ProviderLogout, Session } from './types';

export interface SessionState {
  user: CurrentUser;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

export async function signIn(username: string, password: string): Promise<CurrentUser> {
  const { body } = await request<Session>('POST', '/session', { body: { username, password } });
  setCsrfToken(body.csrf_token);
  forgetReference();
  const { csrf_token: _token, ...user } = body;
  return user;
}

// The page a sign-in through the organisation's identity provider lands on: the server sends
// the session's CSRF token in the address's fragment (never sent to a server nor kept in a
// Referer), to be kept like a password sign-in's.
export const PROVIDER_SIGNED_IN_PATH = '/sign-in/complete';

export function adoptProviderSignIn(): void {
  if (window.location.pathname !== PROVIDER_SIGNED_IN_PATH) return;
  const token = new URLSearchParams(window.location.hash.slice(1)).get('csrf_token');
  if (token) {
    setCsrfToken(token);
    forgetReference();
  }
  window.history.replaceState(null, '', '/');
}

// Ends the session; resolves with the identity provider's logout address when the user signed in
// through it (RP-initiated logout), to send the browser there next, or null.
export async function signOutRequest(): Promise<string | null> {
  const logout = await get<ProviderLogout>('/oidc/logout').catch(() => null);
  try {
    await request('DELETE', '/session');
  } finally {
    setCsrfToken(null);
    forgetReference();
  }
  return logout?.end_session_url ?? null;
}
