/**
 * The one HTTP client of the SPA. It owns the access token (in memory only: an XSS cannot read it
 * from storage, and a reload restores it from the httpOnly refresh cookie), sends Accept-Language,
 * turns problem+json into a typed ApiError, and on a 401 refreshes the session once and retries.
 *
 * Refresh tokens rotate and the server revokes the whole family when one is replayed, so two
 * refreshes must never race with the same cookie: one promise is shared inside the tab, and a Web
 * Lock serialises refreshes across tabs (the second tab then sends the already-rotated cookie).
 */
import type { Problem, TokenResponse } from '@thidua/contract';
import { currentLanguage, i18n } from './i18n.ts';

export type ApiFieldError = NonNullable<Problem['errors']>[number];

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: ApiFieldError[];
  readonly requestId: string | undefined;
  /** The whole problem+json body, for problems that carry more than field errors (an import's report). */
  problem: Record<string, unknown> | undefined;

  constructor(status: number, code: string, detail: string, errors: ApiFieldError[] = [], requestId?: string) {
    super(detail || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
    this.requestId = requestId;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/* ---------------------------------------------------------------- session token */

let accessToken: string | null = null;
type SessionListener = (session: TokenResponse | null) => void;
const sessionListeners = new Set<SessionListener>();
/** Why the session ended without the user asking for it here. */
export type SessionEndReason = 'expired' | 'signedOut';
let unauthenticatedHandler: ((reason: SessionEndReason) => void) | null = null;

export function getAccessToken(): string | null {
  return accessToken;
}

/** Called with every new token response (login, refresh) and with null when the session ends. */
export function onSessionChange(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/**
 * Whether this browser may hold a refresh cookie. Not a secret (the cookie itself is httpOnly):
 * it only spares a visitor who never signed in a refresh request that can only fail.
 */
const SESSION_HINT_KEY = 'thidua.session';

export function mayHaveSession(): boolean {
  try {
    return localStorage.getItem(SESSION_HINT_KEY) === '1';
  } catch {
    return true; // no storage: ask the server
  }
}

// Signing out in another tab removes the hint: end this tab's session too rather than let it
// discover the revoked tokens on its next request.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === SESSION_HINT_KEY && event.newValue === null && accessToken) {
      setSession(null);
      unauthenticatedHandler?.('signedOut');
    }
  });
}

export function setSession(tokens: TokenResponse | null): void {
  accessToken = tokens?.accessToken ?? null;
  try {
    if (tokens) localStorage.setItem(SESSION_HINT_KEY, '1');
    else localStorage.removeItem(SESSION_HINT_KEY);
  } catch {
    // storage unavailable: the hint is only an optimisation
  }
  for (const l of sessionListeners) l(tokens);
}

/** What to do when a request is refused and the session cannot be refreshed (go to sign-in). */
export function setUnauthenticatedHandler(handler: (reason: SessionEndReason) => void): void {
  unauthenticatedHandler = handler;
}

/* ---------------------------------------------------------------- requests */

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: unknown;
  /** ETag of the record being changed (PATCH needs it). */
  ifMatch?: string;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** false for sign-in itself: a 401 there means wrong credentials, not an expired session. */
  refreshOn401?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
  status: number;
}

const API_BASE = '/api/v1';

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const url = `${API_BASE}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function toApiError(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const p = (await res.json()) as Partial<Problem>;
      const error = new ApiError(
        res.status,
        p.code ?? `http.${res.status}`,
        p.detail ?? p.title ?? '',
        p.errors ?? [],
        p.requestId,
      );
      error.problem = p as Record<string, unknown>;
      return error;
    } catch {
      // fall through to the generic message
    }
  }
  return new ApiError(res.status, `http.${res.status}`, i18n.t('errors.http', { status: res.status }));
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  // A FormData body (a sheet to import) sets its own multipart Content-Type with the boundary.
  const multipart = opts.body instanceof FormData;
  if (opts.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (opts.ifMatch) headers['If-Match'] = opts.ifMatch;
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
  try {
    return await fetch(buildUrl(path, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? null : multipart ? (opts.body as FormData) : JSON.stringify(opts.body),
      credentials: 'include',
      signal: opts.signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network.unreachable', i18n.t('errors.network'));
  }
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  let res = await send(path, opts);
  if (res.status === 401 && opts.refreshOn401 !== false) {
    const hadToken = accessToken !== null;
    const outcome = await refreshSession();
    if (outcome === 'ok') res = await send(path, opts);
    else if (outcome === 'expired' && hadToken) unauthenticatedHandler?.('expired');
  }
  if (!res.ok) throw await toApiError(res);
  const data = res.status === 204 ? undefined : await res.json();
  return { data: data as T, etag: res.headers.get('etag'), status: res.status };
}

export const api = {
  get: async <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    (await request<T>(path, { query, signal })).data,
  post: async <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body' | 'method'> = {}) =>
    (await request<T>(path, { ...opts, method: 'POST', body })).data,
  put: async <T>(path: string, body: unknown) => (await request<T>(path, { method: 'PUT', body })).data,
  patch: async <T>(path: string, body: unknown, ifMatch: string) =>
    (await request<T>(path, { method: 'PATCH', body, ifMatch })).data,
  delete: async <T>(path: string) => (await request<T>(path, { method: 'DELETE' })).data,
};

/* ---------------------------------------------------------------- refresh */

/** ok: new token; expired: the server refused the cookie (sign in again); unavailable: try later. */
export type RefreshOutcome = 'ok' | 'expired' | 'unavailable';
let refreshing: Promise<RefreshOutcome> | null = null;

async function refreshOnce(): Promise<RefreshOutcome> {
  const res = await send('/auth/refresh', { method: 'POST' }).catch(() => null);
  if (res?.ok) {
    setSession((await res.json()) as TokenResponse);
    return 'ok';
  }
  if (res && (res.status === 401 || res.status === 403)) {
    setSession(null);
    return 'expired';
  }
  return 'unavailable';
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request;
 * other tabs wait on the same Web Lock.
 */
export function refreshSession(): Promise<RefreshOutcome> {
  refreshing ??= (async () => {
    try {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      return locks ? await locks.request('thidua.refresh', refreshOnce) : await refreshOnce();
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** A fresh key for one create request: a retried click then does not create a second record. */
export function newIdempotencyKey(): string {
  // randomUUID exists only in secure contexts; an intranet install may be served over plain http.
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
