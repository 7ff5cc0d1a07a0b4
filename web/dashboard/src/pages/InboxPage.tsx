import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../lib/api.ts';
import { useAccountData } from '../lib/account-data.tsx';
import { navigate } from '../lib/router.ts';
import { useProfile } from '../lib/session.tsx';
import { t } from '../lib/i18n.ts';
import { ConversationList } from '../components/ConversationList.tsx';
import { ConversationView } from '../components/ConversationView.tsx';
import { ShortcutsHelp } from '../components/ShortcutsHelp.tsx';

function typingInField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return (
    !!element &&
    (element.tagName === 'INPUT' ||
      element.tagName === 'TEXTAREA' ||
      element.tagName === 'SELECT' ||
      element.isContentEditable)
  );
}

/** The inbox: the list and the open conversation side by side (one at a time on a phone), with shortcuts. */
export function InboxPage({ conversationId }: { conversationId?: number }) {
  const { base, accountId } = useAccountData();
  const me = useProfile();
  const ids = useRef<number[]>([]);
  const searchRef = useRef<HTMLInputElement>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const [help, setHelp] = useState(false);

  const open = useCallback((id: number) => navigate(`/app/accounts/${accountId}/conversations/${id}`), [accountId]);
  const onItems = useCallback((list: number[]) => void (ids.current = list), []);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || typingInField(event.target)) return;
      const list = ids.current;
      const at = conversationId ? list.indexOf(conversationId) : -1;
      const status = document.querySelector<HTMLButtonElement>('.status-toggle');
      switch (event.key) {
        case 'j':
          if (list.length) open(list[Math.min(list.length - 1, at + 1)]);
          break;
        case 'k':
          if (list.length) open(list[Math.max(0, at - 1)]);
          break;
        case 'e':
          status?.click();
          break;
        case 'a':
          if (conversationId)
            void api.post(`${base}/conversations/${conversationId}/assignments`, { assignee_id: me.id });
          break;
        case 'r':
          replyRef.current?.focus();
          break;
        case '/':
          searchRef.current?.focus();
          break;
        case '?':
          setHelp(true);
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [conversationId, open, base, me.id]);

  return (
    <div className={`inbox${conversationId ? ' has-open' : ''}`}>
      <ConversationList selectedId={conversationId} onSelect={open} onItems={onItems} searchRef={searchRef} />
      {conversationId ? (
        <ConversationView
          key={conversationId}
          id={conversationId}
          replyRef={replyRef}
          onBack={() => navigate(`/app/accounts/${accountId}/conversations`)}
        />
      ) : (
        <section className="conversation-view empty">
          <p className="empty-state">{t('view.pick')}</p>
        </section>
      )}
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
