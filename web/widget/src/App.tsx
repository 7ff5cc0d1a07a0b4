import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SdkCommand } from '../../widget-sdk/src/protocol.ts';
import { WidgetApi, WidgetError, type ChoiceItem, type Message, type WidgetConfig } from './api.ts';
import { connectCable, type CableFrame } from './cable.ts';
import { Composer } from './Composer.tsx';
import { availabilityLine } from './hours.ts';
import { MessageList } from './Messages.tsx';
import { linkParent } from './parent.ts';
import { PreChatForm } from './PreChat.tsx';
import { forgetToken, saveToken, storedToken } from './storage.ts';

type State = { kind: 'loading' } | { kind: 'refused'; reason: string } | { kind: 'ready'; config: WidgetConfig };

const upsert = (list: Message[], message: Message) => {
  const at = list.findIndex((m) => m.id === message.id);
  if (at === -1) return [...list, message].sort((a, b) => a.id - b.id);
  const copy = list.slice();
  copy[at] = message;
  return copy;
};

export function App({ params }: { params: URLSearchParams }) {
  const websiteToken = params.get('website_token') ?? '';
  const parent = useMemo(() => linkParent(params), [params]);
  const api = useMemo(() => new WidgetApi(websiteToken, storedToken(websiteToken)), [websiteToken]);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [messages, setMessages] = useState<Message[]>([]);
  const [agentTyping, setAgentTyping] = useState(false);
  const [open, setOpen] = useState(!parent.framed);
  const openRef = useRef(open);
  const unread = useRef(0);
  const triggered = useRef(false);

  const fail = useCallback(
    (error: unknown) =>
      parent.notify({ event: 'error', error: error instanceof Error ? error.message : String(error) }),
    [parent],
  );
  const reloadMessages = useCallback(() => api.messages().then(setMessages, fail), [api, fail]);

  // Start: the config (and the visitor's token), the messages so far, then the live stream.
  useEffect(() => {
    if (!websiteToken) return setState({ kind: 'refused', reason: 'This chat has no website token.' });
    if (parent.refused) return setState({ kind: 'refused', reason: 'This chat can only be opened from its website.' });
    let stop = () => {};
    api
      .config()
      .then(async (config) => {
        api.authToken = config.website_channel_config.auth_token;
        saveToken(websiteToken, api.authToken);
        setMessages(await api.messages());
        setState({ kind: 'ready', config });
        stop = connectCable(
          config.contact.pubsub_token,
          (frame) => onFrame.current(frame),
          () => void reloadMessages(),
        );
        parent.notify({ event: 'loaded', authToken: api.authToken });
      })
      .catch((error) => {
        setState({
          kind: 'refused',
          reason:
            error instanceof WidgetError && error.status === 404
              ? 'This chat is not available.'
              : 'The chat could not start. Try again later.',
        });
        fail(error);
      });
    return () => stop();
  }, [api, websiteToken, parent, fail, reloadMessages]);

  const onFrame = useRef<(frame: CableFrame) => void>(() => {});
  onFrame.current = ({ event, data }) => {
    if (event === 'message.created' || event === 'message.updated') {
      if (data.private) return;
      const message = data as unknown as Message;
      setMessages((list) => upsert(list, message));
      if (event === 'message.created' && message.message_type !== 0) {
        setAgentTyping(false);
        parent.notify({ event: 'on-message', message: data });
        if (!openRef.current) parent.notify({ event: 'unread', count: (unread.current += 1) });
        else void api.seen().catch(() => {});
      }
    } else if (event === 'conversation.typing_on' || event === 'conversation.typing_off') {
      if (data.user?.type !== 'contact') setAgentTyping(event === 'conversation.typing_on');
    }
  };

  // What the website asks through $chatwoot.
  useEffect(
    () =>
      parent.listen((command: SdkCommand) => {
        const run = async () => {
          switch (command.event) {
            case 'visibility':
              openRef.current = command.open;
              setOpen(command.open);
              if (command.open) {
                unread.current = 0;
                parent.notify({ event: 'unread', count: 0 });
                if (!triggered.current) {
                  triggered.current = true;
                  await api.call('POST', '/events', {
                    name: 'webwidget.triggered',
                    event_info: { initiated_at: { timestamp: new Date().toString() }, referer: document.referrer },
                  });
                }
                await api.seen();
              }
              return;
            case 'set-user': {
              const result = await api.setUser(command.identifier, command.user);
              if (result.widget_auth_token) {
                saveToken(websiteToken, result.widget_auth_token);
                location.reload();
              }
              return;
            }
            case 'set-custom-attributes':
              return void (await api.updateContact({ custom_attributes: command.attributes }));
            case 'delete-custom-attribute':
              return void (await api.deleteCustomAttribute(command.key));
            case 'set-conversation-custom-attributes':
              return void (await api.setConversationAttributes(command.attributes));
            case 'set-label':
              return api.addLabel(command.label);
            case 'remove-label':
              return api.removeLabel(command.label);
            case 'set-locale':
              document.documentElement.lang = command.locale;
              return;
            case 'reset':
              forgetToken(websiteToken);
              location.reload();
              return;
          }
        };
        run().catch(fail);
      }),
    [api, parent, websiteToken, fail],
  );

  const send = async (text: string, files: File[]) => {
    try {
      const message = await api.send(text, files);
      setMessages((list) => upsert(list, message));
    } catch (error) {
      fail(error);
    }
  };
  const start = async (contact: Record<string, string>, text: string) => {
    try {
      const conversation = await api.startConversation(contact, text);
      setMessages(conversation.messages);
    } catch (error) {
      fail(error);
    }
  };
  const choose = async (message: Message, item: ChoiceItem) => {
    try {
      const answered = await api.answer(message.id, item);
      setMessages((list) => upsert(list, answered));
      await send(item.title, []);
    } catch (error) {
      fail(error);
    }
  };

  if (state.kind === 'loading') return <main className="widget loading" aria-busy="true" />;
  if (state.kind === 'refused')
    return (
      <main className="widget refused" role="alert">
        {state.reason}
      </main>
    );
  const channel = state.config.website_channel_config;
  const availability = availabilityLine(channel);
  const features = channel.enabled_features ?? ['attachments', 'emoji_picker'];
  const needsPreChat = channel.pre_chat_form_enabled && messages.length === 0;
  const color = channel.widget_color || '#1f6feb';
  return (
    <main className="widget" style={{ ['--accent' as string]: color }} data-open={open}>
      <header>
        <div>
          <h1>{channel.welcome_title || channel.website_name}</h1>
          {channel.welcome_tagline && <p className="tagline">{channel.welcome_tagline}</p>}
          <p className={`availability ${availability.online ? 'online' : 'away'}`}>{availability.text}</p>
        </div>
        {parent.framed && (
          <button
            type="button"
            className="icon close"
            aria-label="Close chat"
            onClick={() => parent.notify({ event: 'close' })}
          >
            ✕
          </button>
        )}
      </header>
      {needsPreChat ? (
        <PreChatForm options={channel.pre_chat_form_options} onStart={start} />
      ) : (
        <>
          <MessageList messages={messages} agentTyping={agentTyping} onChoose={choose} />
          <Composer
            onSend={send}
            onTyping={(on) => void api.typing(on).catch(() => {})}
            attachments={features.includes('attachments')}
            emoji={features.includes('emoji_picker')}
          />
        </>
      )}
    </main>
  );
}
