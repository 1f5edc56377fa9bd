/**
 * The signed-in user, readable outside React (route guards) and inside it (useSession).
 * The token itself stays inside api-client; this store keeps the user and their roles, fed by every
 * login and refresh response. On page load `restoreSession()` asks /auth/refresh once, so a reload
 * keeps the user signed in without the token ever touching storage.
 */
import { useSyncExternalStore } from 'react';
import type { Me, TokenResponse } from '@thidua/contract';
import { api, mayHaveSession, onSessionChange, refreshSession, request, setSession } from './api-client.ts';

export interface SessionState {
  /** 'unknown' until the first refresh attempt has answered. */
  status: 'unknown' | 'signedIn' | 'signedOut';
  user: Me | null;
}

let state: SessionState = { status: 'unknown', user: null };
const listeners = new Set<() => void>();

function update(next: SessionState) {
  state = next;
  for (const l of listeners) l();
}

onSessionChange((tokens) =>
  update(tokens ? { status: 'signedIn', user: tokens.user } : { status: 'signedOut', user: null }),
);

export function getSession(): SessionState {
  return state;
}

export function useSession(): SessionState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

let restoring: Promise<SessionState> | null = null;

/** Resolves once we know whether the browser still holds a live session (called by route guards). */
export function restoreSession(): Promise<SessionState> {
  if (state.status !== 'unknown') return Promise.resolve(state);
  if (!mayHaveSession()) {
    update({ status: 'signedOut', user: null });
    return Promise.resolve(state);
  }
  restoring ??= refreshSession().then(() => {
    if (state.status === 'unknown') update({ status: 'signedOut', user: null });
    return state;
  });
  return restoring;
}

export async function signIn(email: string, password: string): Promise<Me> {
  const { data } = await request<TokenResponse>('/auth/login', {
    method: 'POST',
    body: { email, password },
    refreshOn401: false,
  });
  setSession(data);
  return data.user;
}

/** Ends every session of the account on the server; the local session ends even if that call fails. */
export async function signOut(): Promise<void> {
  try {
    await api.post('/auth/logout');
  } finally {
    setSession(null);
  }
}

/** Forgets the session locally (after the server has already ended it, e.g. a password change). */
export function endLocalSession(): void {
  setSession(null);
}

export const SIGN_IN_PATH = '/dang-nhap';
/** Where an account that must change its password is held until it has (router.tsx). */
export const PASSWORD_CHANGE_REQUIRED_PATH = '/doi-mat-khau-bat-buoc';

/** Only same-site paths are followed after sign-in: `?redirect=https://evil` must not be an open redirect. */
export function safeRedirect(target: unknown): string {
  return typeof target === 'string' &&
    target.startsWith('/') &&
    !target.startsWith('//') &&
    !target.startsWith(SIGN_IN_PATH)
    ? target
    : '/';
}
