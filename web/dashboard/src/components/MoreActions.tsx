import { useRef, useState, type FormEvent } from 'react';
import { api, errorText } from '../lib/api.ts';
import { useAccountData } from '../lib/account-data.tsx';
import { navigate } from '../lib/router.ts';
import { useProfile } from '../lib/session.tsx';
import { t } from '../lib/i18n.ts';
import type { Conversation } from '../lib/types.ts';

/** Snooze presets, as Chatwoot offers them: in an hour, tomorrow morning, next Monday morning. */
function presets(now = new Date()): [string, Date][] {
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  const monday = new Date(now);
  monday.setDate(now.getDate() + ((8 - now.getDay()) % 7 || 7));
  monday.setHours(9, 0, 0, 0);
  return [
    [t('more.snoozeHour'), new Date(now.getTime() + 3_600_000)],
    [t('more.snoozeTomorrow'), tomorrow],
    [t('more.snoozeNextWeek'), monday],
  ];
}

/** The less frequent actions, behind one button: snooze, mute, mark unread, email the transcript, delete. */
export function MoreActions({
  conversation,
  onChange,
  onError,
}: {
  conversation: Conversation;
  onChange(c: Partial<Conversation>): void;
  onError(message: string): void;
}) {
  const { base, accountId } = useAccountData();
  const profile = useProfile();
  const admin = profile.accounts.find((a) => a.id === accountId)?.role === 'administrator';
  const menu = useRef<HTMLDetailsElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const path = `${base}/conversations/${conversation.id}`;

  async function run(action: () => Promise<void>) {
    try {
      await action();
      if (menu.current) menu.current.open = false;
    } catch (caught) {
      onError(errorText(caught));
    }
  }

  const snooze = (until: Date) =>
    run(async () => {
      await api.post(`${path}/toggle_status`, { status: 'snoozed', snoozed_until: Math.floor(until.getTime() / 1000) });
      onChange({ status: 'snoozed', snoozed_until: until.toISOString() });
    });

  function snoozeUntil(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('until');
    if (value) void snooze(new Date(String(value)));
  }

  function emailTranscript(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    void run(async () => {
      await api.post(`${path}/transcript`, email ? { email } : {});
      setNotice(t('more.transcriptSent'));
    });
  }

  return (
    <details className="more-actions" ref={menu}>
      <summary>{t('more.title')}</summary>
      <div className="menu" role="group" aria-label={t('more.title')}>
        <p className="menu-heading">{t('more.snooze')}</p>
        {presets().map(([label, until]) => (
          <button key={label} type="button" onClick={() => void snooze(until)}>
            {label}
          </button>
        ))}
        <form onSubmit={snoozeUntil} className="inline-form">
          <input type="datetime-local" name="until" aria-label={t('more.snoozeUntil')} required />
          <button type="submit">{t('more.snooze')}</button>
        </form>
        <hr />
        <button
          type="button"
          onClick={() =>
            void run(
              async () => (
                await api.post(`${path}/${conversation.muted ? 'unmute' : 'mute'}`),
                onChange({ muted: !conversation.muted })
              ),
            )
          }
        >
          {conversation.muted ? t('more.unmute') : t('more.mute')}
        </button>
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              await api.post(`${path}/unread`);
              navigate(`/app/accounts/${accountId}/conversations`);
            })
          }
        >
          {t('more.unread')}
        </button>
        <form onSubmit={emailTranscript} className="inline-form">
          <input
            type="email"
            name="email"
            aria-label={t('more.transcriptTo')}
            placeholder={conversation.meta.sender.email ?? t('more.transcriptTo')}
          />
          <button type="submit">{t('more.transcript')}</button>
        </form>
        {notice && (
          <p className="subtle" role="status">
            {notice}
          </p>
        )}
        {admin && (
          <>
            <hr />
            <button
              type="button"
              className="danger"
              onClick={() =>
                window.confirm(t('more.deleteConfirm', { id: conversation.id })) &&
                void run(async () => {
                  await api.delete(path);
                  navigate(`/app/accounts/${accountId}/conversations`);
                })
              }
            >
              {t('more.delete')}
            </button>
          </>
        )}
      </div>
    </details>
  );
}
