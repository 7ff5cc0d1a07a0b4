import { useEffect, useRef } from 'react';
import type { DashboardApp } from '../lib/account-data.tsx';
import { useProfile } from '../lib/session.tsx';
import { t } from '../lib/i18n.ts';
import type { Conversation } from '../lib/types.ts';

/**
 * A dashboard app beside the conversation. As Chatwoot does, the page is sent `{event: "appContext", data:
 * {conversation, contact, currentAgent}}` when it loads and whenever it asks with the message
 * `chatwoot-dashboard-app:fetch-info` — only to the app's own origin, and only answered for its own window.
 */
export function DashboardAppPanel({
  app,
  conversation,
  onClose,
}: {
  app: DashboardApp;
  conversation: Conversation;
  onClose(): void;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  const profile = useProfile();
  const url = app.content[0]?.url ?? 'about:blank';
  const origin = new URL(url).origin;

  const context = () => ({
    event: 'appContext',
    data: {
      conversation,
      contact: conversation.meta.sender,
      currentAgent: { id: profile.id, name: profile.name, email: profile.email },
    },
  });
  const sendContext = () => frame.current?.contentWindow?.postMessage(context(), origin);

  useEffect(() => {
    const listener = (event: MessageEvent) => {
      if (event.source !== frame.current?.contentWindow || event.origin !== origin) return;
      if (event.data === 'chatwoot-dashboard-app:fetch-info') sendContext();
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  });

  return (
    <aside className="app-panel" aria-label={t('apps.frame', { name: app.title })}>
      <header>
        <strong>{app.title}</strong>
        <button type="button" className="link" aria-label={t('apps.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <iframe
        ref={frame}
        src={url}
        title={t('apps.frame', { name: app.title })}
        sandbox="allow-scripts allow-same-origin allow-forms allow-popups"
        referrerPolicy="no-referrer"
        onLoad={sendContext}
      />
    </aside>
  );
}
