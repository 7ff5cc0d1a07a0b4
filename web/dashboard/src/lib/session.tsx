import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, type ApiError, onSessionEnded } from './api.ts';
import type { Profile } from './types.ts';

/** Unsent replies are the signed-in person's: they go with them. */
function forgetDrafts(): void {
  for (const key of Object.keys(sessionStorage))
    if (key.startsWith('switchboard.draft.')) sessionStorage.removeItem(key);
}

export type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; profile: Profile };

interface SessionValue {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  /** Sets a password with a reset or invitation link from an email; signs in as that user. */
  setPasswordWithLink(token: string, password: string, confirmation: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Who is signed in: asked of the server once (the cookie is HttpOnly, the page cannot read it). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    api.get<{ data: Profile }>('/auth/validate_token').then(
      ({ data }) => setState({ status: 'signed-in', profile: data }),
      () => setState({ status: 'signed-out' }),
    );
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const { data } = await api.post<{ data: Profile }>('/auth/sign_in', { email, password });
    setState({ status: 'signed-in', profile: data });
  }, []);

  const setPasswordWithLink = useCallback(async (token: string, password: string, confirmation: string) => {
    const { data } = await api.put<{ data: Profile }>('/auth/password', {
      reset_password_token: token,
      password,
      password_confirmation: confirmation,
    });
    forgetDrafts();
    setState({ status: 'signed-in', profile: data });
  }, []);

  const signOut = useCallback(async () => {
    await api.delete('/auth/sign_out').catch((error: ApiError) => {
      if (error.status !== 401) throw error;
    });
    forgetDrafts();
    setState({ status: 'signed-out' });
  }, []);

  // A session that ended elsewhere (expired, signed out, password changed) shows the sign-in page.
  useEffect(() => onSessionEnded(() => setState({ status: 'signed-out' })), []);

  return (
    <SessionContext.Provider value={{ state, signIn, setPasswordWithLink, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export function useProfile(): Profile {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useProfile while signed out');
  return state.profile;
}
