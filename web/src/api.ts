// The one way the web app talks to the JSON API: same origin, session cookie, CSRF header on every
// change, problem+json errors turned into ApiError.
import { ownWording } from './fieldErrors';
import type { FieldError, Problem } from './types';

const CSRF_STORAGE_KEY = 'redress.csrf';
const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD']);
const HTTP_NO_CONTENT = 204;

// The CSRF token is kept in sessionStorage so that a reload of the tab keeps working: the token
// is only returned when signing in, and the cookie it pairs with is HttpOnly and per browser
// session too. It is no secret from scripts on our own origin, which the CSP keeps to our bundle.
export function setCsrfToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(CSRF_STORAGE_KEY);
  else sessionStorage.setItem(CSRF_STORAGE_KEY, token);
}

export function csrfToken(): string | null {
  return sessionStorage.getItem(CSRF_STORAGE_KEY);
}

// The API's messages start in lower case; GOV.UK error messages are sentences.
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title);
    this.status = status;
    this.problem = problem;
  }

  // Field errors (worded by their code where the app has its own words, fieldErrors.ts), or one
  // error on `fallbackField` carrying the detail when the problem names none.
  fieldErrors(fallbackField = ''): FieldError[] {
    const named = this.problem.errors ?? [];
    if (named.length > 0)
      return named.map((error) => ({
        ...error,
        message: ownWording(error.code) ?? sentence(error.message),
      }));
    return [{ field: fallbackField, message: sentence(this.problem.detail || this.problem.title) }];
  }
}

export interface Answer<T> {
  body: T;
  etag: string | null;
}

export interface RequestOptions {
  body?: unknown;
  ifMatch?: string;
  // '*' when the client saw no record, so that one created meanwhile is not replaced (412).
  ifNoneMatch?: string;
}

// Called when the API says the session is gone, so the app can show the sign-in page.
let onUnauthorised: () => void = () => undefined;
export function setUnauthorisedHandler(handler: () => void): void {
  onUnauthorised = handler;
}

export async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  if (options.ifNoneMatch) headers['If-None-Match'] = options.ifNoneMatch;
  const token = csrfToken();
  if (!SAFE_METHODS.has(method) && token) headers[CSRF_HEADER] = token;
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = response.status === HTTP_NO_CONTENT ? '' : await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem = (parsed as Problem | undefined) ?? {
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
      detail: response.statusText,
      instance: `/api/v1${path}`,
    };
    if (response.status === 401 && path !== '/session') onUnauthorised();
    throw new ApiError(response.status, problem);
  }
  return { body: parsed as T, etag: response.headers.get('ETag') };
}

// Sends `form` as multipart/form-data (the browser sets its boundary): uploads of files.
export async function upload<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = csrfToken();
  if (token) headers[CSRF_HEADER] = token;
  const response = await fetch(`/api/v1${path}`, {
    method: 'POST',
    headers,
    credentials: 'same-origin',
    body: form,
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    if (response.status === 401) onUnauthorised();
    throw new ApiError(
      response.status,
      (parsed as Problem | undefined) ?? {
        type: 'about:blank',
        title: response.statusText,
        status: response.status,
        detail: response.statusText,
        instance: `/api/v1${path}`,
      },
    );
  }
  return parsed as T;
}

export async function get<T>(path: string): Promise<T> {
  return (await request<T>('GET', path)).body;
}

// A query string from the set members of `params`, for list and count filters.
export function query(
  params: Record<string, string | number | boolean | undefined | null>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// The API answers every collection as {items: [...]}.
export async function getItems<T>(path: string): Promise<T[]> {
  return (await get<{ items: T[] }>(path)).items;
}
