import { useEffect, useRef } from 'react';
import type { ChoiceItem, Message } from './api.ts';

const INCOMING = 0;

function Attachments({ message }: { message: Message }) {
  return (
    <>
      {message.attachments?.map((a) =>
        a.file_type === 'image' ? (
          <a key={a.id} href={a.data_url} target="_blank" rel="noreferrer">
            <img className="attachment-image" src={a.thumb_url || a.data_url} alt={a.file_name ?? 'Image'} />
          </a>
        ) : (
          <a key={a.id} className="attachment-file" href={a.data_url} target="_blank" rel="noreferrer">
            {a.file_name ?? 'File'}
          </a>
        ),
      )}
    </>
  );
}

/** input_select and cards: the visitor's click is the reply (it shows as their message), so once answered the buttons go. */
function Choices({ message, onChoose }: { message: Message; onChoose: (message: Message, item: ChoiceItem) => void }) {
  const items = message.content_attributes.items ?? [];
  if (!items.length || message.content_attributes.submitted_values?.length) return null;
  if (message.content_type === 'cards') {
    return (
      <div className="cards">
        {items.map((card, i) => (
          <div className="card" key={i}>
            <strong>{card.title}</strong>
            {card.description && <p>{card.description}</p>}
            {(card.actions ?? []).map((action, j) =>
              action.type === 'link' && action.uri ? (
                <a key={j} className="choice" href={action.uri} target="_blank" rel="noreferrer">
                  {action.text}
                </a>
              ) : (
                <button
                  key={j}
                  type="button"
                  className="choice"
                  onClick={() => onChoose(message, { title: action.text, value: action.payload ?? action.text })}
                >
                  {action.text}
                </button>
              ),
            )}
          </div>
        ))}
      </div>
    );
  }
  return (
    <div className="choices" role="group" aria-label="Choices">
      {items.map((item, i) => (
        <button key={i} type="button" className="choice" onClick={() => onChoose(message, item)}>
          {item.title}
        </button>
      ))}
    </div>
  );
}

export function MessageList({
  messages,
  agentTyping,
  onChoose,
}: {
  messages: Message[];
  agentTyping: boolean;
  onChoose: (message: Message, item: ChoiceItem) => void;
}) {
  const end = useRef<HTMLDivElement>(null);
  // In braces: newer browsers return a promise from scrollIntoView, and React would take it for a cleanup.
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length, agentTyping]);
  return (
    <div className="messages" role="log" aria-live="polite" aria-label="Conversation">
      {messages.map((m) => (
        <div key={m.id} className={`message ${m.message_type === INCOMING ? 'mine' : 'theirs'}`} data-message-id={m.id}>
          {m.message_type !== INCOMING && m.sender?.name && <span className="sender">{m.sender.name}</span>}
          {m.content && <div className="bubble">{m.content}</div>}
          <Attachments message={m} />
          <Choices message={m} onChoose={onChoose} />
        </div>
      ))}
      {agentTyping && (
        <div className="message theirs typing" role="status" aria-label="Agent is typing">
          <div className="bubble">
            <span />
            <span />
            <span />
          </div>
        </div>
      )}
      <div ref={end} />
    </div>
  );
}
