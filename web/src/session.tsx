// Who is signed in, for every page; the sign-in and sign-out requests.
import { createContext, useContext } from 'react';
import { request, setCsrfToken } from './api';
import { forgetReference } from './data';
import type { CurrentUser, Session } from './types';

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

export async function signOutRequest(): Promise<void> {
  try {
    await request('DELETE', '/session');
  } finally {
    setCsrfToken(null);
    forgetReference();
  }
}
