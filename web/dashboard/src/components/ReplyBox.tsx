import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useAccountData } from '../lib/account-data.tsx';
import { t } from '../lib/i18n.ts';
import { Icon } from './Icon.tsx';

export interface Draft {
  content: string;
  isPrivate: boolean;
  files: File[];
}

/** Drafts live in this tab's sessionStorage under this prefix; signing out clears them. */
export const DRAFT_PREFIX = 'switchboard.draft.';
const TYPING_REPEAT_MS = 3_000;
const TYPING_IDLE_MS = 4_000;

/**
 * The reply box: Enter sends, Shift+Enter breaks the line, `/` offers canned responses, files come from the
 * picker or a drop anywhere on the conversation. What is typed survives a failed send (the failed message
 * keeps it and can be retried) and a switch to another conversation and back (kept per conversation).
 */
export function ReplyBox({
  conversationId,
  files,
  setFiles,
  onSend,
  onTyping,
  inputRef,
}: {
  conversationId: number;
  files: File[];
  setFiles(files: File[]): void;
  onSend(draft: Draft): void;
  onTyping(on: boolean): void;
  inputRef: React.RefObject<HTMLTextAreaElement | null>;
}) {
  const { canned, accountId } = useAccountData();
  // Conversation numbers repeat across accounts: a draft belongs to one account's conversation.
  const key = `${DRAFT_PREFIX}${accountId}.${conversationId}`;
  const [content, setContent] = useState(() => sessionStorage.getItem(key) ?? '');
  const [isPrivate, setPrivate] = useState(false);
  const [choice, setChoice] = useState(0);
  const picker = useRef<HTMLInputElement>(null);
  const typing = useRef({ lastSent: 0, timer: 0 as number | undefined });

  useEffect(() => {
    if (content) sessionStorage.setItem(key, content);
    else sessionStorage.removeItem(key);
  }, [key, content]);

  useEffect(
    () => () => {
      clearTimeout(typing.current.timer);
      if (typing.current.lastSent) onTyping(false);
    },
    [onTyping],
  );

  const slash = /^\/(\S*)$/.exec(content);
  const matches = slash
    ? canned.filter((c) => c.short_code.toLowerCase().includes(slash[1].toLowerCase())).slice(0, 8)
    : [];

  function typed(value: string) {
    setContent(value);
    setChoice(0);
    const now = Date.now();
    if (now - typing.current.lastSent > TYPING_REPEAT_MS) {
      typing.current.lastSent = now;
      onTyping(true);
    }
    clearTimeout(typing.current.timer);
    typing.current.timer = window.setTimeout(() => {
      typing.current.lastSent = 0;
      onTyping(false);
    }, TYPING_IDLE_MS);
  }

  function send() {
    if (!content.trim() && !files.length) return;
    onSend({ content, isPrivate, files });
    setContent('');
    setFiles([]);
    clearTimeout(typing.current.timer);
    if (typing.current.lastSent) onTyping(false);
    typing.current.lastSent = 0;
  }

  function keyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (matches.length) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setChoice((c) => (c + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        setContent(matches[choice].content);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  return (
    <div className={`reply-box${isPrivate ? ' private' : ''}`}>
      <div className="reply-modes" role="radiogroup" aria-label={t('reply.reply')}>
        <button
          type="button"
          role="radio"
          aria-checked={!isPrivate}
          className={!isPrivate ? 'mode active' : 'mode'}
          onClick={() => setPrivate(false)}
        >
          {t('reply.reply')}
        </button>
        <button
          type="button"
          role="radio"
          aria-checked={isPrivate}
          className={isPrivate ? 'mode active' : 'mode'}
          onClick={() => setPrivate(true)}
        >
          {t('reply.note')}
        </button>
      </div>
      {matches.length > 0 && (
        // Options are chosen from the textarea (arrow keys, Enter); they never take focus themselves.
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the combobox pattern's listbox
        <ul className="canned" role="listbox" aria-label="Canned responses">
          {matches.map((c, i) => (
            // biome-ignore lint/a11y/useFocusableInteractive: see the listbox
            <li
              key={c.id}
              // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: see the listbox
              role="option"
              aria-selected={i === choice}
              className={i === choice ? 'active' : ''}
              onMouseDown={(e) => (e.preventDefault(), setContent(c.content))}
            >
              <strong>/{c.short_code}</strong> {c.content}
            </li>
          ))}
        </ul>
      )}
      <textarea
        ref={inputRef}
        aria-label={isPrivate ? t('reply.notePlaceholder') : t('reply.placeholder')}
        placeholder={isPrivate ? t('reply.notePlaceholder') : t('reply.placeholder')}
        value={content}
        rows={3}
        onChange={(e) => typed(e.target.value)}
        onKeyDown={keyDown}
      />
      {files.length > 0 && (
        <ul className="files">
          {files.map((file, i) => (
            <li key={`${file.name}-${i}`}>
              <Icon name="file" size={14} /> {file.name}{' '}
              <button
                type="button"
                className="link"
                aria-label={t('reply.removeFile', { name: file.name })}
                onClick={() => setFiles(files.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="reply-actions">
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          onChange={(e) => (setFiles([...files, ...Array.from(e.target.files ?? [])]), (e.target.value = ''))}
        />
        <button
          type="button"
          className="icon-button"
          aria-label={t('reply.attach')}
          title={t('reply.attach')}
          onClick={() => picker.current?.click()}
        >
          <Icon name="attach" />
        </button>
        <button type="button" className="primary" onClick={send} disabled={!content.trim() && !files.length}>
          {t('reply.send')}
        </button>
      </div>
    </div>
  );
}
