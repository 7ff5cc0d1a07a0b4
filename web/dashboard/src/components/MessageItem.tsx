import { memo } from 'react';
import { clock } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';
import { Icon } from './Icon.tsx';
import { MESSAGE_TYPE, type Attachment, type Message } from '../lib/types.ts';

/** A message the dashboard sent that has not been stored yet, or that failed: shown with its state. */
export interface PendingState {
  state: 'sending' | 'failed';
  error?: string;
}

function AttachmentView({ attachment }: { attachment: Attachment }) {
  const name = attachment.data_url.split('/').pop()?.split('?')[0] ?? t('view.attachment');
  if (attachment.file_type === 'image') {
    return (
      <a href={attachment.data_url} target="_blank" rel="noreferrer" className="attachment image">
        <img src={attachment.thumb_url || attachment.data_url} alt={decodeURIComponent(name)} loading="lazy" />
      </a>
    );
  }
  // biome-ignore lint/a11y/useMediaCaption: contacts' recordings come without captions
  if (attachment.file_type === 'audio') return <audio controls src={attachment.data_url} className="attachment" />;
  // biome-ignore lint/a11y/useMediaCaption: contacts' videos come without captions
  if (attachment.file_type === 'video') return <video controls src={attachment.data_url} className="attachment" />;
  return (
    <a href={attachment.data_url} target="_blank" rel="noreferrer" className="attachment file" download>
      <Icon name="file" size={16} /> {decodeURIComponent(name)}
    </a>
  );
}

function deliveryStatus(message: Message): string | null {
  if (message.message_type !== MESSAGE_TYPE.outgoing && message.message_type !== MESSAGE_TYPE.template) return null;
  if (message.status === 'failed') {
    const reason = (message.content_attributes?.external_error as string | undefined) ?? '';
    return t('message.failed', { reason: reason || '—' });
  }
  if (message.status === 'read') return t('message.read');
  if (message.status === 'delivered') return t('message.delivered');
  return t('message.sent');
}

export const MessageItem = memo(function MessageItem({
  message,
  pending,
  onRetry,
}: {
  message: Message;
  pending?: PendingState;
  onRetry?(): void;
}) {
  if (message.message_type === MESSAGE_TYPE.activity) {
    return (
      <li className="message activity" data-message-id={message.id}>
        <span>{message.content}</span> <time>{clock(message.created_at)}</time>
      </li>
    );
  }
  const side = message.message_type === MESSAGE_TYPE.incoming ? 'incoming' : 'outgoing';
  const kind = message.private ? 'note' : side;
  const status =
    pending?.state === 'failed'
      ? t('message.failed', { reason: pending.error ?? '' })
      : pending?.state === 'sending'
        ? '…'
        : deliveryStatus(message);
  const failed = pending?.state === 'failed' || message.status === 'failed';
  return (
    <li
      className={`message ${side} ${kind}${failed ? ' failed' : ''}`}
      data-message-id={message.id}
      data-echo-id={message.echo_id}
    >
      <div className="bubble">
        {message.private && <span className="note-tag">{t('view.privateNote')}</span>}
        {message.content && <p className="text">{message.content}</p>}
        {message.attachments?.map((a) => (
          <AttachmentView key={a.id} attachment={a} />
        ))}
        <footer>
          <span className="sender">{message.sender?.available_name ?? message.sender?.name ?? ''}</span>
          <time dateTime={new Date(message.created_at * 1000).toISOString()}>{clock(message.created_at)}</time>
          {status && <span className="delivery">{status}</span>}
          {failed && onRetry && (
            <button type="button" className="link" onClick={onRetry}>
              {t('message.retry')}
            </button>
          )}
        </footer>
      </div>
    </li>
  );
});
