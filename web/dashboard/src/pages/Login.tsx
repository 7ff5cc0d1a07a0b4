import { useState, type FormEvent } from 'react';
import { useSession } from '../lib/session.tsx';
import { api, type ApiError } from '../lib/api.ts';
import { t } from '../lib/i18n.ts';
import { AuthCard, FormError } from './AuthCard.tsx';

function failure(caught: unknown): string {
  const e = caught as ApiError;
  return e.status === 0 ? t('error.network') : e.message;
}

/** Sign in; "Forgot your password?" turns the card into a request for a reset link. */
export function Login() {
  const { signIn } = useSession();
  const [mode, setMode] = useState<'sign-in' | 'forgot'>('sign-in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  function switchTo(next: 'sign-in' | 'forgot') {
    setMode(next);
    setError(null);
    setSentTo(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'sign-in') return await signIn(email, password);
      await api.post('/auth/password', { email });
      setSentTo(email);
    } catch (caught) {
      setError(failure(caught));
    }
    setBusy(false);
  }

  const emailField = (
    <label>
      {t('login.email')}
      <input
        type="email"
        name="email"
        autoComplete="username"
        required
        // biome-ignore lint/a11y/noAutofocus: the form is the page's only task
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
    </label>
  );

  if (mode === 'forgot') {
    return (
      <AuthCard title={t('forgot.title')} onSubmit={submit}>
        {sentTo ? (
          <p role="status">{t('forgot.sent', { email: sentTo })}</p>
        ) : (
          <>
            <p className="hint">{t('forgot.intro')}</p>
            {emailField}
            <FormError error={error} />
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('forgot.busy') : t('forgot.submit')}
            </button>
          </>
        )}
        <button type="button" className="link" onClick={() => switchTo('sign-in')}>
          {t('login.backToSignIn')}
        </button>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('login.title')} onSubmit={submit}>
      {emailField}
      <label>
        {t('login.password')}
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('login.busy') : t('login.submit')}
      </button>
      <button type="button" className="link" onClick={() => switchTo('forgot')}>
        {t('login.forgot')}
      </button>
    </AuthCard>
  );
}
