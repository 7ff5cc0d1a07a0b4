import { api } from '../../lib/api.ts';
import { useAccountData } from '../../lib/account-data.tsx';
import { t } from '../../lib/i18n.ts';
import {
  Field,
  Loading,
  Empty,
  PageHeader,
  SettingsForm,
  text,
  useAction,
  useLoad,
} from '../../components/settings-kit.tsx';
import type { AccountJson } from './settings-types.ts';

/** Chatwoot's locale codes the account may carry (the dashboard itself speaks English for now). */
const LOCALES = ['en', 'ar', 'de', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt', 'pt_BR', 'ru', 'tr', 'zh_CN'];
const UNITS = { minutes: 1, hours: 60, days: 1440 } as const;
type Unit = keyof typeof UNITS;

/** The largest whole unit a duration in minutes is a multiple of, so 2880 shows as 2 days. */
function splitDuration(minutes: number | null | undefined): { amount: string; unit: Unit } {
  if (!minutes) return { amount: '', unit: 'days' };
  const unit: Unit = minutes % UNITS.days === 0 ? 'days' : minutes % UNITS.hours === 0 ? 'hours' : 'minutes';
  return { amount: String(minutes / UNITS[unit]), unit };
}

export function AccountSettings() {
  const { base } = useAccountData();
  const account = useLoad(() => api.get<AccountJson>(base), [base]);
  const action = useAction();
  if (account.error) return <Empty>{account.error}</Empty>;
  if (!account.data) return <Loading />;
  const current = account.data;
  const duration = splitDuration(current.settings?.auto_resolve_after);
  const locales = LOCALES.includes(current.locale) ? LOCALES : [current.locale, ...LOCALES];

  const save = (form: FormData) =>
    action.run(async () => {
      const amount = text(form, 'auto_resolve_amount');
      const updated = await api.patch<AccountJson>(base, {
        name: text(form, 'name') ?? '',
        locale: form.get('locale'),
        support_email: text(form, 'support_email'),
        auto_resolve_after: amount ? Math.round(Number(amount) * UNITS[form.get('auto_resolve_unit') as Unit]) : null,
      });
      account.setData(updated);
    });

  return (
    <>
      <PageHeader title={t('settings.account.title')} intro={t('settings.account.intro')} />
      <SettingsForm
        key={JSON.stringify(current)}
        title={t('settings.account.form')}
        submitLabel={t('common.save')}
        busy={action.busy}
        error={action.error}
        onSubmit={save}
      >
        <Field label={t('settings.account.name')}>
          <input name="name" defaultValue={current.name} required maxLength={255} />
        </Field>
        <Field label={t('settings.account.locale')}>
          <select name="locale" defaultValue={current.locale}>
            {locales.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('settings.account.supportEmail')}>
          <input name="support_email" type="email" defaultValue={current.support_email ?? ''} />
        </Field>
        <div className="field-row">
          <Field label={t('settings.account.autoResolve')} hint={t('settings.account.autoResolveHint')}>
            <input
              name="auto_resolve_amount"
              type="number"
              min="1"
              step="1"
              defaultValue={duration.amount}
              placeholder={t('settings.account.autoResolveOff')}
            />
          </Field>
          <Field label={t('settings.account.autoResolveUnit')}>
            <select name="auto_resolve_unit" defaultValue={duration.unit}>
              {(Object.keys(UNITS) as Unit[]).map((unit) => (
                <option key={unit} value={unit}>
                  {t(`settings.account.unit.${unit}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </SettingsForm>
    </>
  );
}
