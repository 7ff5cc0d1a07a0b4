import { useState } from 'react';
import { api, errorText } from '../lib/api.ts';
import { useAccountData } from '../lib/account-data.tsx';
import { t, type StringKey } from '../lib/i18n.ts';
import type { Conversation } from '../lib/types.ts';
import { MoreActions } from './MoreActions.tsx';
import { MacroMenu } from './MacroMenu.tsx';
import { useRealtime } from '../lib/realtime.tsx';

const PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;

/** Resolve/reopen, assignee, team, priority and labels: each a call to the API the integrations use too. */
export function ConversationActions({
  conversation,
  onChange,
  onError,
}: {
  conversation: Conversation;
  onChange(c: Partial<Conversation>): void;
  onError(message: string): void;
}) {
  const { base, agents, teams, labels } = useAccountData();
  const { presence } = useRealtime();
  const [busy, setBusy] = useState(false);
  const path = `${base}/conversations/${conversation.id}`;

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    try {
      await action();
    } catch (caught) {
      onError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  const resolved = conversation.status === 'resolved';
  const toggleStatus = () =>
    run(async () => {
      const status = resolved ? 'open' : 'resolved';
      await api.post(`${path}/toggle_status`, { status });
      onChange({ status });
    });

  const assign = (field: 'assignee_id' | 'team_id', value: string) =>
    run(async () => {
      await api.post(`${path}/assignments`, { [field]: value ? Number(value) : null });
      const meta = { ...conversation.meta };
      if (field === 'assignee_id') meta.assignee = agents.find((a) => a.id === Number(value));
      else meta.team = teams.find((team) => team.id === Number(value));
      onChange({ meta });
    });

  const setLabels = (next: string[]) =>
    run(async () => {
      const result = await api.post<{ payload: string[] }>(`${path}/labels`, { labels: next });
      onChange({ labels: result.payload });
    });

  const setPriority = (priority: string) =>
    run(async () => {
      await api.post(`${path}/toggle_priority`, { priority: priority || null });
      onChange({ priority: (priority || null) as Conversation['priority'] });
    });

  const unused = labels.filter((l) => !conversation.labels.includes(l.title));
  return (
    <div className="conversation-actions" aria-busy={busy}>
      <label>
        <span className="visually-hidden">{t('actions.assignee')}</span>
        <select
          aria-label={t('actions.assignee')}
          value={conversation.meta.assignee?.id ?? ''}
          onChange={(e) => assign('assignee_id', e.target.value)}
        >
          <option value="">
            {t('actions.assignee')}: {t('actions.none')}
          </option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.available_name || a.name} ({t(`presence.${presence.users[a.id] ?? 'offline'}` as StringKey)})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('actions.team')}</span>
        <select
          aria-label={t('actions.team')}
          value={conversation.meta.team?.id ?? ''}
          onChange={(e) => assign('team_id', e.target.value)}
        >
          <option value="">
            {t('actions.team')}: {t('actions.none')}
          </option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('actions.priority')}</span>
        <select
          aria-label={t('actions.priority')}
          value={conversation.priority ?? ''}
          onChange={(e) => setPriority(e.target.value)}
        >
          <option value="">{t('priority.none')}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}` as StringKey)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={resolved ? 'status-toggle' : 'status-toggle primary'}
        onClick={toggleStatus}
        disabled={busy}
      >
        {resolved ? t('actions.reopen') : t('actions.resolve')}
      </button>
      <MacroMenu conversation={conversation} onError={onError} />
      <MoreActions conversation={conversation} onChange={onChange} onError={onError} />
      <div className="labels" role="group" aria-label={t('actions.labels')}>
        {conversation.labels.map((label) => (
          <span key={label} className="label-chip">
            {label}
            <button
              type="button"
              className="link"
              aria-label={t('actions.removeLabel', { label })}
              onClick={() => setLabels(conversation.labels.filter((l) => l !== label))}
            >
              ×
            </button>
          </span>
        ))}
        {unused.length > 0 && (
          <select
            aria-label={t('actions.addLabel')}
            value=""
            onChange={(e) => e.target.value && setLabels([...conversation.labels, e.target.value])}
          >
            <option value="">+ {t('actions.addLabel')}</option>
            {unused.map((l) => (
              <option key={l.id} value={l.title}>
                {l.title}
              </option>
            ))}
          </select>
        )}
      </div>
    </div>
  );
}
