import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Conversation, CoreStatus, Message, MessageStatus, SenderType } from '../../db/types.ts';
import { notFound, unprocessable } from '../../errors.ts';
import { randomToken } from '../auth/secrets.ts';
import { changedAttributes, recordEvent, recordEvents } from '../../events/outbox.ts';

export const MESSAGE_TYPE = { incoming: 0, outgoing: 1, activity: 2, template: 3 } as const;

export interface NewFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

export interface NewMessage {
  messageType: number;
  content?: string | null;
  private?: boolean;
  contentType?: string;
  contentAttributes?: Record<string, unknown>;
  additionalAttributes?: Record<string, unknown>;
  sender?: { type: SenderType; id: number } | null;
  sourceId?: string | null;
  echoId?: string | null;
  status?: MessageStatus;
  createdAt?: Date;
  files?: NewFile[];
  /** Files the message links to by public URL (not stored here), e.g. a WTS `fileUrl`. */
  fileUrls?: string[];
}

const ITEMS_REQUIRED = new Set(['input_select', 'cards', 'form', 'article']);
export const MAX_CONTENT_LENGTH = 150_000;

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp',
  mp3: 'audio/mpeg', ogg: 'audio/ogg', m4a: 'audio/mp4', mp4: 'video/mp4', pdf: 'application/pdf',
};

function mimetypeOf(filename: string): string {
  return MIME_BY_EXTENSION[path.extname(filename).slice(1).toLowerCase()] ?? 'application/octet-stream';
}

function fileType(mimetype: string): string {
  const kind = mimetype.split('/')[0];
  return kind === 'image' || kind === 'audio' || kind === 'video' ? kind : 'file';
}

/** Status a conversation moves to when a message arrives (an incoming message reopens it). */
function nextStatus(conversation: Conversation, messageType: number, isPrivate: boolean, botActive: boolean): CoreStatus {
  if (messageType !== MESSAGE_TYPE.incoming || isPrivate) return conversation.status;
  if (conversation.status === 'resolved' || conversation.status === 'hidden') return botActive ? 'pending' : 'open';
  if (conversation.status === 'snoozed') return 'open';
  return conversation.status;
}

export function validateMessage(input: NewMessage): void {
  if (input.content && input.content.length > MAX_CONTENT_LENGTH) {
    throw unprocessable(`Validation failed: Content is too long (maximum is ${MAX_CONTENT_LENGTH} characters)`, ['content']);
  }
  const items = input.contentAttributes?.items;
  if (input.contentType && ITEMS_REQUIRED.has(input.contentType) && !(Array.isArray(items) && items.length > 0)) {
    throw unprocessable(`Validation failed: Content attributes items can't be blank for ${input.contentType} messages`, ['content_attributes']);
  }
  if (!input.content && !input.files?.length && !input.fileUrls?.length && !(Array.isArray(items) && items.length) && input.messageType !== MESSAGE_TYPE.activity) {
    throw unprocessable("Validation failed: Content can't be blank", ['content']);
  }
}

/**
 * Stores a message and keeps the conversation's aggregates (last message, unread count, activity time,
 * waiting time, first reply) and status in step, in the caller's transaction. The conversation row is
 * locked first so concurrent messages update the aggregates one after another.
 */
export async function insertMessage(trx: Db, conversationId: number, input: NewMessage): Promise<{ message: Message; conversation: Conversation }> {
  validateMessage(input);
  // One round trip: the locked conversation and whether an agent bot serves its inbox (an incoming message may hand it the conversation).
  const locked = await trx
    .selectFrom('conversations')
    .selectAll('conversations')
    .select((eb) => eb.exists(eb.selectFrom('agent_bot_inboxes').select('agent_bot_inboxes.id').whereRef('agent_bot_inboxes.inbox_id', '=', 'conversations.inbox_id')).as('bot_active'))
    .where('id', '=', conversationId)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw notFound();
  const { bot_active: inboxHasBot, ...conversation } = locked;
  const now = input.createdAt ?? new Date();
  const message = await trx
    .insertInto('messages')
    .values({
      account_id: conversation.account_id,
      inbox_id: conversation.inbox_id,
      conversation_id: conversation.id,
      message_type: input.messageType,
      content: input.content ?? null,
      private: input.private ?? false,
      content_type: input.contentType ?? 'text',
      content_attributes: input.contentAttributes ?? {},
      additional_attributes: input.additionalAttributes ?? {},
      sender_type: input.sender?.type ?? null,
      sender_id: input.sender?.id ?? null,
      source_id: input.sourceId ?? null,
      echo_id: input.echoId ?? null,
      status: input.status ?? 'sent',
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  if (input.files?.length) {
    await trx
      .insertInto('attachments')
      .values(
        input.files.map((file) => ({
          account_id: conversation.account_id,
          message_id: message.id,
          file_type: fileType(file.mimetype),
          filename: path.basename(file.filename || 'file'),
          content_type: file.mimetype || 'application/octet-stream',
          extension: path.extname(file.filename || '').replace(/^\./, '') || null,
          file_size: file.data.length,
          access_key: randomToken(16),
          data: file.data,
        })),
      )
      .execute();
  }

  if (input.fileUrls?.length) {
    await trx
      .insertInto('attachments')
      .values(
        input.fileUrls.map((url) => {
          const filename = path.basename(new URL(url).pathname) || 'file';
          return {
            account_id: conversation.account_id,
            message_id: message.id,
            file_type: fileType(mimetypeOf(filename)),
            filename,
            content_type: mimetypeOf(filename),
            extension: path.extname(filename).replace(/^\./, '') || null,
            file_size: 0,
            external_url: url,
            access_key: randomToken(16),
            data: null,
          };
        }),
      )
      .execute();
  }

  const isIncoming = input.messageType === MESSAGE_TYPE.incoming;
  const isActivity = input.messageType === MESSAGE_TYPE.activity;
  const isReply = !isIncoming && !isActivity && !input.private && input.sender?.type !== undefined;
  const botActive = isIncoming && Boolean(inboxHasBot);
  const status = nextStatus(conversation, input.messageType, input.private ?? false, botActive);
  const contactId = isIncoming && input.sender?.type === 'Contact' ? input.sender.id : undefined;
  // The contact's activity time rides along in the same statement (a data-modifying CTE).
  const updated = await (contactId === undefined ? trx : trx.with('touched_contact', (db) => db.updateTable('contacts').set({ last_activity_at: now }).where('id', '=', contactId)))
    .updateTable('conversations')
    .set({
      last_message_id: message.id,
      ...(isActivity || input.private ? {} : { last_non_activity_message_id: message.id }),
      last_activity_at: now,
      updated_at: now,
      messages_count: sql`messages_count + 1`,
      ...(isIncoming ? { unread_incoming_count: sql`unread_incoming_count + 1`, waiting_since: conversation.waiting_since ?? now } : {}),
      ...(isReply ? { waiting_since: null, first_reply_created_at: conversation.first_reply_created_at ?? now } : {}),
      ...(status !== conversation.status ? { status, snoozed_until: null } : {}),
    })
    .where('id', '=', conversation.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const ids = { conversationId: conversation.id, inboxId: conversation.inbox_id };
  const events: Parameters<typeof recordEvents>[2] = [{ ...ids, name: 'message.created', messageId: message.id, contactId: conversation.contact_id }];
  if (status !== conversation.status) {
    const changes = changedAttributes(conversation, updated, ['status', 'snoozed_until']);
    events.push({ ...ids, name: 'conversation.status_changed', data: { changed_attributes: changes } });
    events.push({ ...ids, name: 'conversation.updated', data: { changed_attributes: changes } });
  }
  await recordEvents(trx, conversation.account_id, events);
  return { message, conversation: updated };
}

export async function createMessage(db: Db, conversationId: number, input: NewMessage) {
  return db.transaction().execute((trx) => insertMessage(trx, conversationId, input));
}

export async function getMessage(db: Db, accountId: number, conversationId: number, messageId: number): Promise<Message> {
  const message = await db
    .selectFrom('messages')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('conversation_id', '=', conversationId)
    .where('id', '=', messageId)
    .executeTakeFirst();
  if (!message) throw notFound();
  return message;
}

async function messageUpdated(trx: Db, before: Message, after: Message): Promise<Message> {
  await recordEvent(trx, {
    accountId: after.account_id,
    name: 'message.updated',
    conversationId: after.conversation_id,
    inboxId: after.inbox_id,
    messageId: after.id,
    data: { previous_changes: changedAttributes(before, after, ['status', 'content', 'content_type', 'content_attributes']) },
  });
  return after;
}

export async function updateMessageStatus(db: Db, message: Message, status: MessageStatus, externalError?: string): Promise<Message> {
  const attributes = externalError ? { ...message.content_attributes, external_error: externalError } : message.content_attributes;
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('messages')
      .set({ status, content_attributes: attributes, updated_at: new Date() })
      .where('id', '=', message.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return messageUpdated(trx, message, updated);
  });
}

/** Chatwoot keeps deleted messages as a tombstone and drops their attachments. */
export async function softDeleteMessage(db: Db, message: Message): Promise<Message> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('attachments').where('message_id', '=', message.id).execute();
    const deleted = await trx
      .updateTable('messages')
      .set({
        content: 'This message was deleted',
        content_type: 'text',
        content_attributes: { deleted: true },
        updated_at: new Date(),
      })
      .where('id', '=', message.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return messageUpdated(trx, message, deleted);
  });
}
