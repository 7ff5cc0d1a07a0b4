import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { useAccountData } from '../../lib/account-data.tsx';
import { t } from '../../lib/i18n.ts';
import {
  Empty,
  Field,
  Loading,
  PageHeader,
  SettingsForm,
  text,
  useAction,
  useLoad,
} from '../../components/settings-kit.tsx';
import { InboxEditor, WidgetFields, channelName } from './InboxEditor.tsx';
import { CHANNEL, type InboxJson } from './settings-types.ts';

/** Inboxes: the list, a form for a new API or website inbox, and the chosen inbox's editor. */
export function InboxesSettings() {
  const { base, reload: reloadAccount } = useAccountData();
  const inboxes = useLoad(() => api.get<{ payload: InboxJson[] }>(`${base}/inboxes`).then((r) => r.payload), [base]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = inboxes.data?.find((inbox) => inbox.id === selectedId);

  const changed = (id: number | null) => {
    setSelectedId(id);
    inboxes.reload();
    reloadAccount();
  };

  return (
    <>
      <PageHeader title={t('settings.inboxes.title')} intro={t('settings.inboxes.intro')} />
      <div className="settings-split">
        <div>
          {inboxes.error && <Empty>{inboxes.error}</Empty>}
          {!inboxes.data && !inboxes.error && <Loading />}
          {inboxes.data?.length === 0 && <Empty>{t('settings.inboxes.empty')}</Empty>}
          <ul className="settings-list" aria-label={t('settings.inboxes.list')}>
            {inboxes.data?.map((inbox) => (
              <li key={inbox.id} className={inbox.id === selectedId ? 'selected' : undefined}>
                <div className="item-main">
                  <strong>{inbox.name}</strong>
                  <span className="subtle">{channelName(inbox.channel_type)}</span>
                </div>
                <button
                  type="button"
                  className="link"
                  aria-label={t('settings.editNamed', { name: inbox.name })}
                  onClick={() => setSelectedId(inbox.id)}
                >
                  {t('settings.edit')}
                </button>
              </li>
            ))}
          </ul>
          {selected && (
            <button type="button" onClick={() => setSelectedId(null)}>
              + {t('settings.inboxes.new')}
            </button>
          )}
        </div>
        <div>
          {selected ? (
            <InboxEditor key={selected.id} inbox={selected} onChanged={changed} />
          ) : (
            <NewInboxForm onCreated={(inbox) => changed(inbox.id)} />
          )}
        </div>
      </div>
    </>
  );
}

function NewInboxForm({ onCreated }: { onCreated(inbox: InboxJson): void }) {
  const { base } = useAccountData();
  const [type, setType] = useState<'api' | 'web_widget'>('api');
  const action = useAction();
  const create = (form: FormData) =>
    action.run(async () => {
      const channel =
        type === 'api'
          ? { type, webhook_url: text(form, 'webhook_url') }
          : {
              type,
              website_url: text(form, 'website_url'),
              widget_color: text(form, 'widget_color'),
              welcome_title: text(form, 'welcome_title'),
              welcome_tagline: text(form, 'welcome_tagline'),
            };
      onCreated(await api.post<InboxJson>(`${base}/inboxes`, { name: text(form, 'name') ?? '', channel }));
    });
  return (
    <SettingsForm
      title={t('settings.inboxes.new')}
      submitLabel={t('settings.inboxes.create')}
      busy={action.busy}
      error={action.error}
      onSubmit={create}
      resetOnSuccess
    >
      <Field label={t('settings.inboxes.channel')}>
        <select name="type" value={type} onChange={(e) => setType(e.target.value as typeof type)}>
          <option value="api">{channelName(CHANNEL.api)}</option>
          <option value="web_widget">{channelName(CHANNEL.web_widget)}</option>
        </select>
      </Field>
      <Field label={t('settings.inboxes.name')}>
        <input name="name" required maxLength={255} />
      </Field>
      {type === 'api' ? (
        <Field label={t('settings.inboxes.webhookUrl')} hint={t('settings.inboxes.webhookUrlHint')}>
          <input name="webhook_url" type="url" placeholder="https://example.com/switchboard" />
        </Field>
      ) : (
        <WidgetFields />
      )}
    </SettingsForm>
  );
}
