import { api } from '../../lib/api.ts';
import { useAccountData } from '../../lib/account-data.tsx';
import { t } from '../../lib/i18n.ts';
import { CrudForm, CrudPage, type CrudFormProps } from '../../components/CrudPage.tsx';
import { ErrorNote, Field, text, useAction } from '../../components/settings-kit.tsx';
import { WebhookDeliveries } from './WebhookDeliveries.tsx';
import { WEBHOOK_EVENTS, type WebhookJson } from './settings-types.ts';

/** Webhooks: where events are sent, which ones, and — for the one opened — its secret and delivery log. */
export function WebhooksSettings() {
  const { base } = useAccountData();
  return (
    <CrudPage<WebhookJson>
      title={t('settings.webhooks.title')}
      intro={t('settings.webhooks.intro')}
      listLabel={t('settings.webhooks.list')}
      empty={t('settings.webhooks.empty')}
      load={() => api.get<{ payload: { webhooks: WebhookJson[] } }>(`${base}/webhooks`).then((r) => r.payload.webhooks)}
      deps={[base]}
      itemName={(webhook) => webhook.name || webhook.url}
      row={(webhook) => (
        <>
          <strong className="wrap">
            {webhook.name || webhook.url}
            {webhook.status === 'paused' && <span className="badge warn">{t('settings.webhooks.paused')}</span>}
          </strong>
          <span className="subtle wrap">
            {webhook.name ? `${webhook.url} · ` : ''}
            {t('settings.webhooks.eventCount', { n: webhook.subscriptions.length })}
            {webhook.inbox ? ` · ${webhook.inbox.name}` : ''}
          </span>
        </>
      )}
      remove={(webhook) => api.delete(`${base}/webhooks/${webhook.id}`)}
      Form={WebhookForm}
      below={(webhook, changed) => <WebhookDetail key={webhook.id} webhook={webhook} onChanged={changed} />}
    />
  );
}

function WebhookForm(props: CrudFormProps<WebhookJson>) {
  const { base, inboxes } = useAccountData();
  const { item } = props;
  const subscribed = new Set(item?.subscriptions ?? WEBHOOK_EVENTS);
  return (
    <CrudForm
      {...props}
      path={`${base}/webhooks`}
      title={item ? t('settings.webhooks.editTitle', { name: item.name || item.url }) : t('settings.webhooks.new')}
      submitLabel={item ? t('common.save') : t('settings.webhooks.create')}
      body={(form) => ({
        name: text(form, 'name'),
        url: text(form, 'url') ?? '',
        subscriptions: form.getAll('subscriptions').map(String),
        inbox_id: Number(form.get('inbox_id')) || null,
      })}
    >
      <Field label={t('settings.webhooks.url')} hint={t('settings.webhooks.urlHint')}>
        <input
          name="url"
          type="url"
          defaultValue={item?.url}
          required
          maxLength={2048}
          placeholder="https://example.com/hooks/switchboard"
        />
      </Field>
      <Field label={t('settings.webhooks.name')}>
        <input name="name" defaultValue={item?.name ?? ''} maxLength={255} />
      </Field>
      <Field label={t('settings.webhooks.inbox')}>
        <select name="inbox_id" defaultValue={item?.inbox?.id ?? ''}>
          <option value="">{t('settings.webhooks.allInboxes')}</option>
          {inboxes.map((inbox) => (
            <option key={inbox.id} value={inbox.id}>
              {inbox.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="events">
        <legend>{t('settings.webhooks.events')}</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="check">
            <input type="checkbox" name="subscriptions" value={event} defaultChecked={subscribed.has(event)} />
            <code>{event}</code>
          </label>
        ))}
      </fieldset>
    </CrudForm>
  );
}

/** A webhook's paused state (and the way back), its signing secret, and its deliveries. */
function WebhookDetail({ webhook, onChanged }: { webhook: WebhookJson; onChanged(): void }) {
  const { base } = useAccountData();
  const resume = useAction();
  return (
    <>
      {webhook.status === 'paused' && (
        <div className="banner warning paused" role="status">
          <p>
            {t('settings.webhooks.pausedBecause', { reason: webhook.paused_reason ?? t('settings.webhooks.noReason') })}
          </p>
          <button
            type="button"
            className="primary"
            disabled={resume.busy}
            onClick={() =>
              void resume.run(() => api.patch(`${base}/webhooks/${webhook.id}`, { status: 'active' }).then(onChanged))
            }
          >
            {t('settings.webhooks.resume')}
          </button>
          <ErrorNote error={resume.error} />
        </div>
      )}
      <section className="settings-form" aria-label={t('settings.webhooks.secret')}>
        <Field label={t('settings.webhooks.secret')} hint={t('settings.webhooks.secretHint')}>
          <input readOnly value={webhook.secret} onFocus={(e) => e.currentTarget.select()} />
        </Field>
      </section>
      <WebhookDeliveries webhook={webhook} onRefresh={onChanged} />
    </>
  );
}
