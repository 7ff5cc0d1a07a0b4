import { useState, type FormEvent } from 'react';
import { useSession } from '../lib/session.tsx';
import type { ApiError } from '../lib/api.ts';
import { navigate } from '../lib/router.ts';
import { t } from '../lib/i18n.ts';
import { AuthCard, FormError } from './AuthCard.tsx';

/** Where a reset or invitation email leads (`/app/auth/password/edit?reset_password_token=…`). */
export function SetPassword() {
  const { setPasswordWithLink } = useSession();
  const token = new URLSearchParams(location.search).get('reset_password_token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(token ? null : t('setPassword.noLink'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirmation) return setError(t('setPassword.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await setPasswordWithLink(token, password, confirmation);
      navigate('/app', { replace: true });
    } catch (caught) {
      const e = caught as ApiError;
      setError(e.status === 0 ? t('error.network') : e.message);
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('setPassword.title')} onSubmit={submit}>
      <p className="hint">{t('setPassword.intro')}</p>
      <label>
        {t('setPassword.password')}
        <input
          type="password"
          name="password"
          autoComplete="new-password"
          required
          // biome-ignore lint/a11y/noAutofocus: the form is the page's only task
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <label>
        {t('setPassword.confirmation')}
        <input
          type="password"
          name="password_confirmation"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
        />
      </label>
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy || !token}>
        {busy ? t('setPassword.busy') : t('setPassword.submit')}
      </button>
      <button type="button" className="link" onClick={() => navigate('/app/login')}>
        {t('login.backToSignIn')}
      </button>
    </AuthCard>
  );
}
