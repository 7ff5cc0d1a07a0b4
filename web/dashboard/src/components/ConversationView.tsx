import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DragEvent } from 'react';
import { api, errorText } from '../lib/api.ts';
import { useAccountData } from '../lib/account-data.tsx';
import { useFrames, useRealtime } from '../lib/realtime.tsx';
import { useProfile } from '../lib/session.tsx';
import { t } from '../lib/i18n.ts';
import { MESSAGE_TYPE, type Conversation, type Message, type Person } from '../lib/types.ts';
import { ConversationActions } from './ConversationActions.tsx';
import { MessageItem, type PendingState } from './MessageItem.tsx';
import { ReplyBox, type Draft } from './ReplyBox.tsx';
import { mergeMessages } from './messages.ts';
import { Icon } from './Icon.tsx';
import { ContactPanel } from './ContactPanel.tsx';
import { DashboardAppPanel } from './DashboardAppPanel.tsx';

interface Pending extends PendingState {
  draft: Draft;
}

/** One conversation: its history (older pages load when scrolled to the top), live updates, the reply box. */
export function ConversationView({
  id,
  onBack,
  replyRef,
}: {
  id: number;
  onBack(): void;
  replyRef: React.RefObject<HTMLTextAreaElement | null>;
}) {
  const { base, apps } = useAccountData();
  const [openApp, setOpenApp] = useState<number | null>(null);
  const app = apps.find((a) => a.id === openApp);
  const { resyncs } = useRealtime();
  const me = useProfile();
  const path = `${base}/conversations/${id}`;
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [pending, setPending] = useState<Record<string, Pending>>({});
  const [hasOlder, setHasOlder] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [typing, setTyping] = useState<string | null>(null);
  const [newBelow, setNewBelow] = useState(0);
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [showContact, setShowContact] = useState(() => matchMedia('(min-width: 1200px)').matches);
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const keepOffset = useRef<number | null>(null);
  const loadingOlder = useRef(false);

  const markRead = useCallback(() => void api.post(`${path}/update_last_seen`).catch(() => {}), [path]);

  // Conversation changes that arrive while it loads are applied on top of what the load read (it may be older).
  const arrivedWhileLoading = useRef<Partial<Conversation>[] | null>(null);

  useEffect(() => {
    let alive = true;
    setError(null);
    arrivedWhileLoading.current = [];
    Promise.all([api.get<Conversation>(path), api.get<{ payload: Message[] }>(`${path}/messages`)]).then(
      ([c, list]) => {
        if (!alive) return;
        // Changes that arrived while loading apply on top; the messages are kept apart.
        setConversation(Object.assign({ ...c }, ...(arrivedWhileLoading.current ?? []), { messages: c.messages }));
        arrivedWhileLoading.current = null;
        setMessages((current) => mergeMessages(current, list.payload));
        setHasOlder(list.payload.length >= 20);
        atBottom.current = true;
        markRead();
      },
      (caught) => alive && setError(errorText(caught)),
    );
    return () => {
      alive = false;
    };
  }, [path, resyncs, markRead]);

  // New content keeps the view at the bottom if it was there; older pages keep what was on screen in place.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (keepOffset.current !== null) {
      element.scrollTop = element.scrollHeight - keepOffset.current;
      keepOffset.current = null;
    } else if (atBottom.current) element.scrollTop = element.scrollHeight;
  }, [messages, pending, typing]);

  async function loadOlder() {
    if (loadingOlder.current || !hasOlder || !messages.length) return;
    loadingOlder.current = true;
    try {
      const oldest = messages.find((m) => m.id > 0)?.id;
      const list = await api.get<{ payload: Message[] }>(`${path}/messages?before=${oldest}`);
      keepOffset.current = scroller.current ? scroller.current.scrollHeight - scroller.current.scrollTop : null;
      setMessages((current) => mergeMessages(current, list.payload));
      setHasOlder(list.payload.length >= 20);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      loadingOlder.current = false;
    }
  }

  function scrolled() {
    const element = scroller.current!;
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
    if (atBottom.current && newBelow) setNewBelow(0);
    if (element.scrollTop < 80) void loadOlder();
  }

  useFrames((frame) => {
    const data = frame.data;
    if (frame.event === 'message.created' || frame.event === 'message.updated') {
      if (data.conversation_id !== id) return;
      setMessages((current) => mergeMessages(current, [data as Message]));
      if (frame.event === 'message.created') {
        if (data.echo_id) setPending(({ [data.echo_id as string]: _, ...rest }) => rest);
        if (data.message_type === MESSAGE_TYPE.incoming) setTyping(null);
        if (!atBottom.current) setNewBelow((n) => n + 1);
        else if (data.message_type === MESSAGE_TYPE.incoming) markRead();
      }
      return;
    }
    if (frame.event === 'contact.updated') {
      setConversation((c) =>
        c && c.meta.sender.id === data.id
          ? { ...c, meta: { ...c.meta, sender: { ...c.meta.sender, ...(data as Person) } } }
          : c,
      );
      return;
    }
    const pushed = (data.conversation ?? data) as Conversation;
    if (pushed?.id !== id) return;
    if (frame.event === 'conversation.typing_on' || frame.event === 'conversation.typing_off') {
      const user = data.user as (Person & { type?: string }) | null;
      const mine = user?.type === 'user' && user.id === me.id;
      if (!mine)
        setTyping(frame.event === 'conversation.typing_on' ? (user?.available_name ?? user?.name ?? '…') : null);
      return;
    }
    if (!pushed.meta) return;
    arrivedWhileLoading.current?.push(pushed);
    setConversation((current) => (current ? { ...current, ...pushed, messages: current.messages } : current));
  });

  const send = useCallback(
    async (draft: Draft, echoId: string = crypto.randomUUID()) => {
      const optimistic: Message = {
        id: -Date.now(),
        content: draft.content,
        conversation_id: id,
        message_type: MESSAGE_TYPE.outgoing,
        content_type: 'text',
        status: 'sent',
        content_attributes: {},
        created_at: Math.floor(Date.now() / 1000),
        private: draft.isPrivate,
        sender: { id: me.id, name: me.name, available_name: me.available_name, type: 'user' },
        echo_id: echoId,
      };
      atBottom.current = true;
      setPending((p) => ({ ...p, [echoId]: { state: 'sending', draft } }));
      setMessages((current) => mergeMessages(current, [optimistic]));
      try {
        let stored: Message;
        if (draft.files.length) {
          const form = new FormData();
          form.set('content', draft.content);
          form.set('private', String(draft.isPrivate));
          form.set('echo_id', echoId);
          for (const file of draft.files) form.append('attachments[]', file, file.name);
          stored = await api.post<Message>(`${path}/messages`, undefined, { form });
        } else {
          stored = await api.post<Message>(`${path}/messages`, {
            content: draft.content,
            private: draft.isPrivate,
            echo_id: echoId,
          });
        }
        setMessages((current) => mergeMessages(current, [{ ...stored, echo_id: echoId }]));
        setPending(({ [echoId]: _, ...rest }) => rest);
      } catch (caught) {
        setPending((p) => ({ ...p, [echoId]: { state: 'failed', error: errorText(caught), draft } }));
      }
    },
    [id, path, me],
  );

  async function retryFailed(messageId: number) {
    try {
      const retried = await api.post<Message>(`${path}/messages/${messageId}/retry`);
      setMessages((current) => mergeMessages(current, [retried]));
    } catch (caught) {
      setError(errorText(caught));
    }
  }

  const typingChanged = useCallback(
    (on: boolean) =>
      void api.post(`${path}/toggle_typing_status`, { typing_status: on ? 'on' : 'off' }).catch(() => {}),
    [path],
  );

  function dropped(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length) setFiles([...files, ...Array.from(event.dataTransfer.files)]);
  }

  if (error && !conversation)
    return (
      <section className="conversation-view">
        <p className="banner error" role="alert">
          {error}
        </p>
      </section>
    );
  if (!conversation) return <section className="conversation-view" aria-busy="true" />;
  const contact = conversation.meta.sender;
  return (
    <div className="conversation-pane">
      <section
        className={`conversation-view${dragging ? ' dragging' : ''}`}
        aria-label={`Conversation #${id}`}
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
        onDrop={dropped}
      >
        <header className="view-header">
          <button type="button" className="back icon-button" aria-label="Back to the list" onClick={onBack}>
            <Icon name="back" />
          </button>
          <div className="view-title">
            <h2>{contact.name || contact.email || contact.phone_number || `#${id}`}</h2>
            <span className="subtle">
              #{id} · {[contact.email, contact.phone_number].filter(Boolean).join(' · ')}
            </span>
          </div>
          <button
            type="button"
            className="icon-button"
            aria-label={t('contact.toggle')}
            aria-pressed={showContact}
            title={t('contact.toggle')}
            onClick={() => setShowContact(!showContact)}
          >
            <Icon name="contacts" />
          </button>
          {apps.map((a) => (
            <button
              key={a.id}
              type="button"
              className="app-button"
              aria-pressed={openApp === a.id}
              aria-label={t('apps.open', { name: a.title })}
              onClick={() => setOpenApp(openApp === a.id ? null : a.id)}
            >
              {a.title}
            </button>
          ))}
          <ConversationActions
            conversation={conversation}
            onChange={(change) => setConversation((c) => (c ? { ...c, ...change } : c))}
            onError={setError}
          />
        </header>
        {error && (
          <p className="banner error" role="alert">
            {error}{' '}
            <button type="button" className="link" onClick={() => setError(null)}>
              ×
            </button>
          </p>
        )}
        <div className="messages" ref={scroller} onScroll={scrolled}>
          <p className="history-edge">{hasOlder ? t('view.loadingOlder') : t('view.start')}</p>
          <ol aria-label="Messages" aria-live="polite">
            {messages.map((message) => {
              const state = message.echo_id ? pending[message.echo_id] : undefined;
              // A send from this page that failed is sent again; a message its channel failed to deliver is retried.
              const retry = state
                ? () => void send(state.draft, message.echo_id)
                : message.status === 'failed'
                  ? () => void retryFailed(message.id)
                  : undefined;
              return (
                <MessageItem key={message.echo_id ?? message.id} message={message} pending={state} onRetry={retry} />
              );
            })}
          </ol>
          {typing && <p className="typing">{t('view.typing', { name: typing })}</p>}
        </div>
        {newBelow > 0 && (
          <button
            type="button"
            className="new-below"
            onClick={() => {
              scroller.current!.scrollTop = scroller.current!.scrollHeight;
              setNewBelow(0);
            }}
          >
            {t('view.newMessages')} ({newBelow})
          </button>
        )}
        {dragging && <div className="drop-hint">{t('reply.dropHere')}</div>}
        <ReplyBox
          key={id}
          conversationId={id}
          files={files}
          setFiles={setFiles}
          onSend={(draft) => void send(draft)}
          onTyping={typingChanged}
          inputRef={replyRef}
        />
      </section>
      {app && <DashboardAppPanel key={app.id} app={app} conversation={conversation} onClose={() => setOpenApp(null)} />}
      {showContact && !app && (
        <ContactPanel contactId={contact.id} currentConversationId={id} onClose={() => setShowContact(false)} />
      )}
    </div>
  );
}
