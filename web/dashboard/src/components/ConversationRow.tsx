import { memo } from 'react';
import { useAccountData } from '../lib/account-data.tsx';
import { ago } from '../lib/format.ts';
import { t, type StringKey } from '../lib/i18n.ts';
import type { Conversation } from '../lib/types.ts';
import { Avatar } from './Avatar.tsx';
import { useRealtime } from '../lib/realtime.tsx';
import { Icon } from './Icon.tsx';

export const ROW_HEIGHT = 76;

/** The last message that says something (activity lines like "Assigned to …" are skipped, as Chatwoot does). */
function preview(conversation: Conversation): { text: string; isPrivate: boolean } {
  const last =
    conversation.last_non_activity_message ?? conversation.messages.filter((m) => m.message_type !== 2).at(-1);
  if (!last) return { text: t('list.noMessages'), isPrivate: false };
  const text = last.content ? last.content.replace(/\s+/g, ' ') : last.attachments?.length ? t('view.attachment') : '';
  return { text, isPrivate: last.private };
}

export const ConversationRow = memo(function ConversationRow({
  conversation,
  selected,
  onSelect,
}: {
  conversation: Conversation;
  selected: boolean;
  onSelect(id: number): void;
}) {
  const { inboxes } = useAccountData();
  const { presence } = useRealtime();
  const contact = conversation.meta.sender;
  const assignee = conversation.meta.assignee;
  const inbox = inboxes.find((i) => i.id === conversation.inbox_id);
  const unread = conversation.unread_count > 0;
  const shown = preview(conversation);
  return (
    <button
      type="button"
      className={`conversation-row${selected ? ' selected' : ''}${unread ? ' unread' : ''}`}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(conversation.id)}
      data-conversation-id={conversation.id}
    >
      <Avatar
        name={contact.name}
        src={contact.thumbnail || undefined}
        size={36}
        status={presence.contacts[contact.id] === 'online' ? 'online' : undefined}
      />
      <span className="row-main">
        <span className="row-top">
          <span className="row-name">
            {contact.name || contact.email || contact.phone_number || `#${conversation.id}`}
          </span>
          <time className="row-time" dateTime={new Date(conversation.last_activity_at * 1000).toISOString()}>
            {ago(conversation.last_activity_at)}
          </time>
        </span>
        <span className="row-preview">
          {shown.isPrivate && <Icon name="lock" size={12} />} {shown.text}
        </span>
        <span className="row-meta">
          <span className="row-inbox">
            #{conversation.id}
            {inbox ? ` · ${inbox.name}` : ''}
          </span>
          {conversation.priority && (
            <span className={`priority ${conversation.priority}`}>
              {t(`priority.${conversation.priority}` as StringKey)}
            </span>
          )}
          {conversation.status !== 'open' && (
            <span className={`status-pill ${conversation.status}`}>
              {t(`status.${conversation.status}` as StringKey)}
            </span>
          )}
          {unread && (
            <span className="unread-badge" role="img" aria-label={t('list.unread', { n: conversation.unread_count })}>
              {conversation.unread_count}
            </span>
          )}
          {assignee && (
            <span className="row-assignee" title={assignee.available_name ?? assignee.name ?? ''}>
              <Avatar
                name={assignee.available_name ?? assignee.name}
                src={assignee.thumbnail || undefined}
                size={18}
                status={presence.users[assignee.id] ?? 'offline'}
              />
            </span>
          )}
        </span>
      </span>
    </button>
  );
});
