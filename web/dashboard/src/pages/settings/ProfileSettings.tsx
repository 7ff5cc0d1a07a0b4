import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { useAccountData } from '../../lib/account-data.tsx';
import { t, type StringKey } from '../../lib/i18n.ts';
import {
  Empty,
  ErrorNote,
  Field,
  Loading,
  OneTimeSecret,
  PageHeader,
  SettingsForm,
  text,
  useAction,
  useLoad,
} from '../../components/settings-kit.tsx';
import type { ProfileJson } from './settings-types.ts';

const AVAILABILITY = ['online', 'busy', 'offline'] as const;
const PROFILE = '/api/v1/profile';

/** The signed-in person: name and signature, password, availability in this account, and the API access token. */
export function ProfileSettings() {
  const profile = useLoad(() => api.get<ProfileJson>(PROFILE), []);
  const details = useAction();
  const password = useAction();
  if (profile.error) return <Empty>{profile.error}</Empty>;
  if (!profile.data) return <Loading />;
  const me = profile.data;
  // Saved details refill the form; an availability change must not (it would drop unsaved typing).
  const detailsKey = JSON.stringify([me.name, me.display_name, me.email, me.message_signature]);

  const saveDetails = (form: FormData) =>
    details.run(async () => {
      profile.setData(
        await api.patch<ProfileJson>(PROFILE, {
          name: text(form, 'name') ?? '',
          display_name: text(form, 'display_name'),
          email: text(form, 'email') ?? '',
          message_signature: text(form, 'message_signature'),
        }),
      );
    });

  const changePassword = (form: FormData) =>
    password.run(() =>
      api.patch(PROFILE, {
        current_password: form.get('current_password'),
        password: form.get('password'),
        password_confirmation: form.get('password_confirmation'),
      }),
    );

  return (
    <>
      <PageHeader title={t('settings.profile.title')} intro={t('settings.profile.intro')} />
      <div className="settings-split">
        <SettingsForm
          key={detailsKey}
          title={t('settings.profile.details')}
          submitLabel={t('common.save')}
          busy={details.busy}
          error={details.error}
          onSubmit={saveDetails}
        >
          <Field label={t('settings.profile.name')}>
            <input name="name" defaultValue={me.name} required maxLength={255} autoComplete="name" />
          </Field>
          <Field label={t('settings.profile.displayName')} hint={t('settings.profile.displayNameHint')}>
            <input name="display_name" defaultValue={me.display_name ?? ''} maxLength={255} />
          </Field>
          <Field label={t('settings.profile.email')}>
            <input name="email" type="email" defaultValue={me.email} required autoComplete="email" />
          </Field>
          <Field label={t('settings.profile.signature')}>
            <textarea name="message_signature" rows={3} defaultValue={me.message_signature ?? ''} />
          </Field>
        </SettingsForm>
        <div className="editor">
          <Availability profile={me} onChange={profile.setData} />
          <SettingsForm
            title={t('settings.profile.password')}
            submitLabel={t('settings.profile.changePassword')}
            busy={password.busy}
            error={password.error}
            onSubmit={changePassword}
            resetOnSuccess
          >
            <Field label={t('settings.profile.currentPassword')}>
              <input name="current_password" type="password" required autoComplete="current-password" />
            </Field>
            <Field label={t('settings.profile.newPassword')}>
              <input name="password" type="password" required autoComplete="new-password" />
            </Field>
            <Field label={t('settings.profile.confirmPassword')}>
              <input name="password_confirmation" type="password" required autoComplete="new-password" />
            </Field>
          </SettingsForm>
          <AccessToken />
        </div>
      </div>
    </>
  );
}

function Availability({ profile, onChange }: { profile: ProfileJson; onChange(profile: ProfileJson): void }) {
  const { accountId } = useAccountData();
  const action = useAction();
  // The choice shows at once; a refusal puts the stored one back and says why.
  const [chosen, setChosen] = useState<string | null>(null);
  const current = chosen ?? profile.accounts.find((a) => a.id === accountId)?.availability ?? 'online';
  const set = (availability: string) => {
    setChosen(availability);
    void action
      .run(async () =>
        onChange(await api.post<ProfileJson>(`${PROFILE}/availability`, { account_id: accountId, availability })),
      )
      .finally(() => setChosen(null));
  };
  return (
    <fieldset className="settings-form availability" aria-busy={action.busy}>
      <legend>{t('settings.profile.availability')}</legend>
      {AVAILABILITY.map((value) => (
        <label key={value} className="check">
          <input
            type="radio"
            name="availability"
            value={value}
            checked={current === value}
            disabled={action.busy}
            onChange={() => set(value)}
          />
          <span className={`presence-dot ${value}`} aria-hidden="true" />
          {t(`settings.profile.availability.${value}` as StringKey)}
        </label>
      ))}
      <ErrorNote error={action.error} />
    </fieldset>
  );
}

/** Tokens are stored hashed: a signed-in page cannot show the current one, only mint a new one and show it once. */
function AccessToken() {
  const action = useAction();
  const [token, setToken] = useState<string | null>(null);
  const reset = () =>
    void action.run(async () => setToken((await api.post<ProfileJson>(`${PROFILE}/reset_access_token`)).access_token));
  return (
    <section className="settings-form" aria-labelledby="token-title">
      <h3 id="token-title">{t('settings.profile.token')}</h3>
      <p className="hint">{t('settings.profile.tokenHint')}</p>
      {token && (
        <OneTimeSecret label={t('settings.profile.newToken')} value={token} note={t('settings.profile.tokenOnce')} />
      )}
      <ErrorNote error={action.error} />
      <div className="row-buttons start">
        <button type="button" disabled={action.busy} onClick={reset}>
          {t('settings.profile.resetToken')}
        </button>
      </div>
    </section>
  );
}
