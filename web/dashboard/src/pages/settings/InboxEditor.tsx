import { api } from '../../lib/api.ts';
import { useAccountData } from '../../lib/account-data.tsx';
import { t } from '../../lib/i18n.ts';
import type { Agent } from '../../lib/types.ts';
import {
  CheckField,
  ConfirmDelete,
  ErrorNote,
  Field,
  SettingsForm,
  text,
  useAction,
  useLoad,
} from '../../components/settings-kit.tsx';
import { MembersForm } from '../../components/MembersForm.tsx';
import { CHANNEL, type AgentBotJson, type InboxJson } from './settings-types.ts';

export function channelName(type: string): string {
  if (type === CHANNEL.api) return t('settings.inboxes.api');
  if (type === CHANNEL.web_widget) return t('settings.inboxes.website');
  return type;
}

/** One inbox: its settings, how to connect it (API identifiers or the widget snippet), members, bot, delete. */
export function InboxEditor({ inbox, onChanged }: { inbox: InboxJson; onChanged(selectedId: number | null): void }) {
  const { base } = useAccountData();
  const path = `${base}/inboxes/${inbox.id}`;
  const details = useAction();
  const removal = useAction();
  const isWidget = inbox.channel_type === CHANNEL.web_widget;
  const isApi = inbox.channel_type === CHANNEL.api;

  const save = (form: FormData) =>
    details.run(async () => {
      const channel = isApi
        ? { webhook_url: text(form, 'webhook_url') }
        : isWidget
          ? {
              website_url: text(form, 'website_url'),
              widget_color: text(form, 'widget_color'),
              welcome_title: text(form, 'welcome_title'),
              welcome_tagline: text(form, 'welcome_tagline'),
            }
          : undefined;
      await api.patch(path, {
        name: text(form, 'name') ?? '',
        enable_auto_assignment: form.has('enable_auto_assignment'),
        greeting_enabled: form.has('greeting_enabled'),
        greeting_message: text(form, 'greeting_message'),
        ...(channel ? { channel } : {}),
      });
      onChanged(inbox.id);
    });

  return (
    <div className="editor">
      <SettingsForm
        title={t('settings.inboxes.editTitle', { name: inbox.name })}
        submitLabel={t('common.save')}
        busy={details.busy}
        error={details.error}
        onSubmit={save}
      >
        <Field label={t('settings.inboxes.name')}>
          <input name="name" defaultValue={inbox.name} required maxLength={255} />
        </Field>
        {isApi && (
          <Field label={t('settings.inboxes.webhookUrl')} hint={t('settings.inboxes.webhookUrlHint')}>
            <input name="webhook_url" type="url" defaultValue={inbox.webhook_url ?? ''} />
          </Field>
        )}
        {isWidget && <WidgetFields inbox={inbox} />}
        <CheckField
          name="enable_auto_assignment"
          label={t('settings.inboxes.autoAssign')}
          defaultChecked={inbox.enable_auto_assignment}
        />
        <CheckField
          name="greeting_enabled"
          label={t('settings.inboxes.greetingEnabled')}
          defaultChecked={inbox.greeting_enabled}
        />
        <Field label={t('settings.inboxes.greetingMessage')}>
          <textarea name="greeting_message" rows={2} defaultValue={inbox.greeting_message ?? ''} />
        </Field>
      </SettingsForm>

      {isApi && <ApiConnection inbox={inbox} />}
      {isWidget && <WidgetSnippet inbox={inbox} />}

      <MembersForm
        title={t('settings.inboxes.members')}
        deps={[path]}
        load={() => api.get<{ payload: Agent[] }>(`${base}/inbox_members/${inbox.id}`).then((r) => r.payload)}
        save={(user_ids) => api.patch(`${base}/inbox_members`, { inbox_id: inbox.id, user_ids })}
      />
      <AgentBotPicker path={path} />

      <div className="danger-zone">
        <ConfirmDelete
          name={inbox.name}
          onConfirm={() => void removal.run(() => api.delete(path).then(() => onChanged(null)))}
        />
        <ErrorNote error={removal.error} />
      </div>
    </div>
  );
}

function ApiConnection({ inbox }: { inbox: InboxJson }) {
  return (
    <section className="settings-form" aria-label={t('settings.inboxes.connect')}>
      <h3>{t('settings.inboxes.connect')}</h3>
      <Field label={t('settings.inboxes.identifier')} hint={t('settings.inboxes.identifierHint')}>
        <input readOnly value={inbox.inbox_identifier ?? ''} onFocus={(e) => e.currentTarget.select()} />
      </Field>
      {inbox.hmac_token && (
        <Field label={t('settings.inboxes.hmacToken')}>
          <input readOnly value={inbox.hmac_token} onFocus={(e) => e.currentTarget.select()} />
        </Field>
      )}
    </section>
  );
}

/** The widget's install snippet, as the server writes it for its public address. */
function WidgetSnippet({ inbox }: { inbox: InboxJson }) {
  const snippet = inbox.web_widget_script ?? '';
  return (
    <section className="settings-form" aria-label={t('settings.inboxes.snippet')}>
      <h3>{t('settings.inboxes.snippet')}</h3>
      <Field label={t('settings.inboxes.snippetLabel')} hint={t('settings.inboxes.snippetHint')}>
        <textarea readOnly rows={5} className="code" value={snippet} onFocus={(e) => e.currentTarget.select()} />
      </Field>
      <div className="row-buttons">
        <button type="button" onClick={() => void navigator.clipboard?.writeText(snippet)}>
          {t('settings.copy')}
        </button>
      </div>
      <p className="hint">{t('settings.inboxes.widgetNotServed')}</p>
    </section>
  );
}

function AgentBotPicker({ path }: { path: string }) {
  const { base } = useAccountData();
  const bots = useLoad(() => api.get<AgentBotJson[]>(`${base}/agent_bots`), [base]);
  const attached = useLoad(
    () => api.get<{ agent_bot?: AgentBotJson }>(`${path}/agent_bot`).then((r) => r.agent_bot?.id ?? null),
    [path],
  );
  const action = useAction();
  const error = action.error ?? bots.error ?? attached.error;
  if (attached.data === undefined || !bots.data) return <ErrorNote error={error} />;
  return (
    <SettingsForm
      key={String(attached.data)}
      title={t('settings.inboxes.bot')}
      submitLabel={t('common.save')}
      busy={action.busy}
      error={error}
      onSubmit={(form) =>
        action.run(() =>
          api.post(`${path}/set_agent_bot`, { agent_bot: Number(form.get('agent_bot')) || null }).then(attached.reload),
        )
      }
    >
      <Field label={t('settings.inboxes.botLabel')} hint={bots.data.length ? undefined : t('settings.inboxes.noBots')}>
        <select name="agent_bot" defaultValue={attached.data ?? ''}>
          <option value="">{t('settings.inboxes.noBot')}</option>
          {bots.data.map((bot) => (
            <option key={bot.id} value={bot.id}>
              {bot.name}
            </option>
          ))}
        </select>
      </Field>
    </SettingsForm>
  );
}

/** A website inbox's own settings, in the new-inbox form and the editor. */
export function WidgetFields({ inbox }: { inbox?: InboxJson }) {
  return (
    <>
      <Field label={t('settings.inboxes.websiteUrl')}>
        <input
          name="website_url"
          type="url"
          defaultValue={inbox?.website_url ?? ''}
          placeholder="https://shop.example"
        />
      </Field>
      <Field label={t('settings.inboxes.widgetColor')}>
        <input name="widget_color" type="color" defaultValue={inbox?.widget_color ?? '#1f93ff'} />
      </Field>
      <Field label={t('settings.inboxes.welcomeTitle')}>
        <input name="welcome_title" defaultValue={inbox?.welcome_title ?? ''} />
      </Field>
      <Field label={t('settings.inboxes.welcomeTagline')}>
        <input name="welcome_tagline" defaultValue={inbox?.welcome_tagline ?? ''} />
      </Field>
    </>
  );
}
