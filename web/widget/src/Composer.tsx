import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

const EMOJI = ['😀', '😂', '😍', '👍', '🙏', '🎉', '😢', '🤔'];

export function Composer({
  onSend,
  onTyping,
  attachments,
  emoji,
}: {
  onSend: (text: string, files: File[]) => Promise<void>;
  onTyping: (on: boolean) => void;
  attachments: boolean;
  emoji: boolean;
}) {
  const [text, setText] = useState('');
  const [picking, setPicking] = useState(false);
  const files = useRef<HTMLInputElement>(null);
  const typing = useRef(false);
  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    const content = text.trim();
    if (!content) return;
    setText('');
    if (typing.current) onTyping((typing.current = false));
    await onSend(content, []);
  };
  const change = (value: string) => {
    setText(value);
    if (Boolean(value) !== typing.current) onTyping((typing.current = Boolean(value)));
  };
  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) void send(event);
  };
  return (
    <form className="composer" onSubmit={send}>
      {picking && (
        <div className="emoji" role="listbox" aria-label="Emoji">
          {EMOJI.map((e) => (
            <button
              key={e}
              type="button"
              onClick={() => {
                change(text + e);
                setPicking(false);
              }}
            >
              {e}
            </button>
          ))}
        </div>
      )}
      <textarea
        aria-label="Type your message"
        placeholder="Type your message"
        rows={1}
        value={text}
        onChange={(e) => change(e.target.value)}
        onKeyDown={keyDown}
      />
      {emoji && (
        <button type="button" className="icon" aria-label="Emoji" onClick={() => setPicking(!picking)}>
          ☺
        </button>
      )}
      {attachments && (
        <>
          <input
            ref={files}
            type="file"
            hidden
            multiple
            aria-label="Attach files"
            onChange={(e) => {
              const list = [...(e.target.files ?? [])];
              e.target.value = '';
              if (list.length) void onSend(text.trim(), list).then(() => setText(''));
            }}
          />
          <button type="button" className="icon" aria-label="Attach a file" onClick={() => files.current?.click()}>
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path
                d="M21 11.5l-8.6 8.6a5 5 0 0 1-7.1-7.1l8.6-8.6a3.3 3.3 0 0 1 4.7 4.7l-8.6 8.6a1.7 1.7 0 0 1-2.4-2.4l7.9-7.9"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              />
            </svg>
          </button>
        </>
      )}
      <button type="submit" className="icon send" aria-label="Send">
        ➤
      </button>
    </form>
  );
}
