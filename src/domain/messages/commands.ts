import path from 'node:path';
import type { Db } from '../../db/pool.ts';
import { reviveRow } from '../../db/json-rows.ts';
import { messageWriter, storeMessage, type StoredMessage } from './writer.ts';
import type { Contact, Conversation, Message, MessageStatus, SenderType } from '../../db/types.ts';
import { notFound, unprocessable } from '../../errors.ts';
import { randomToken } from '../auth/secrets.ts';
import { changedAttributes, recordEvent } from '../outbox.ts';
import { extensionOf, safeFileName } from '../attachments/file-name.ts';
import { fileTypeOf } from '../attachments/media-type.ts';
import { claimStorageKeys } from '../attachments/orphans.ts';
import { inTransaction } from '../../db/transaction.ts';
import { renderMessageVariables, rendersVariables } from './variables.ts';

export { MESSAGE_TYPE } from './message-type.ts';
import { MESSAGE_TYPE } from './message-type.ts';

/** A file already in storage (api/multipart.ts put it there), named safely and typed from its bytes. */
export interface NewFile {
  filename: string;
  contentType: string;
  size: number;
  storageKey: string;
  checksum: string;
  /** The object already has an owner (a WTS file sent by id): the attachment shares it, nothing to claim. */
  shared?: boolean;
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
  /** Render Chatwoot's message variables (`{{contact.name}}`) in the content first (variables.ts). */
  variables?: boolean;
}

const ITEMS_REQUIRED = new Set(['input_select', 'cards', 'form', 'article']);
export const MAX_CONTENT_LENGTH = 150_000;

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
  pdf: 'application/pdf',
};

function mimetypeOf(filename: string): string {
  return MIME_BY_EXTENSION[path.extname(filename).slice(1).toLowerCase()] ?? 'application/octet-stream';
}

/** Characters as Chatwoot (Ruby) counts them: code points, so an emoji is one, not two UTF-16 units. */
function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let characters = 0;
  for (const _ of text) if (++characters > max) return true;
  return false;
}

export function validateMessage(input: NewMessage): void {
  if (input.content && longerThan(input.content, MAX_CONTENT_LENGTH)) {
    throw unprocessable(`Validation failed: Content is too long (maximum is ${MAX_CONTENT_LENGTH} characters)`, [
      'content',
    ]);
  }
  const items = input.contentAttributes?.items;
  if (input.contentType && ITEMS_REQUIRED.has(input.contentType) && !(Array.isArray(items) && items.length > 0)) {
    throw unprocessable(
      `Validation failed: Content attributes items can't be blank for ${input.contentType} messages`,
      ['content_attributes'],
    );
  }
  if (
    !input.content &&
    !input.files?.length &&
    !input.fileUrls?.length &&
    !(Array.isArray(items) && items.length) &&
    input.messageType !== MESSAGE_TYPE.activity
  ) {
    throw unprocessable("Validation failed: Content can't be blank", ['content']);
  }
}

function attachmentRows(accountId: number, messageId: number, input: NewMessage) {
  const files = (input.files ?? []).map((file) => ({
    account_id: accountId,
    message_id: messageId,
    file_type: fileTypeOf(file.contentType),
    filename: file.filename,
    content_type: file.contentType,
    extension: extensionOf(file.filename),
    file_size: file.size,
    external_url: null,
    access_key: randomToken(16),
    storage_key: file.storageKey,
    checksum: file.checksum,
  }));
  const links = (input.fileUrls ?? []).map((url) => {
    const filename = safeFileName(path.basename(new URL(url).pathname));
    return {
      account_id: accountId,
      message_id: messageId,
      file_type: fileTypeOf(mimetypeOf(filename)),
      filename,
      content_type: mimetypeOf(filename),
      extension: path.extname(filename).replace(/^\./, '') || null,
      file_size: 0,
      external_url: url,
      access_key: randomToken(16),
    };
  });
  return [...files, ...links];
}

/**
 * Stores a message and keeps the conversation's aggregates (last message, unread count, activity time,
 * waiting time, first reply), its status and the contact's activity time in step, and records the events,
 * in the caller's transaction (or on its own when `db` is not in one). It is one call of the database's
 * `insert_message` (see its migration); attachments follow in the same transaction.
 */
export interface InsertedMessage {
  message: Message;
  conversation: Conversation;
  /** The contact an incoming message came from, as it now is. */
  contact?: Contact;
}

/** Text as PostgreSQL stores it: a lone UTF-16 surrogate (text cut inside an emoji) becomes U+FFFD, as pg's UTF-8 encoding did. */
const wellFormed = (text: string | null | undefined) => text?.toWellFormed() ?? null;

/** The fields insert_message takes; the time is this process's, like every other time the application writes. */
function messageFields(input: NewMessage): string {
  return JSON.stringify({
    message_type: input.messageType,
    content: wellFormed(input.content),
    private: input.private ?? false,
    content_type: input.contentType ?? 'text',
    content_attributes: input.contentAttributes ?? {},
    additional_attributes: input.additionalAttributes ?? {},
    sender_type: input.sender?.type ?? null,
    sender_id: input.sender?.id ?? null,
    source_id: wellFormed(input.sourceId),
    echo_id: wellFormed(input.echoId),
    status: input.status ?? 'sent',
    created_at: input.createdAt ?? new Date(),
  });
}

function inserted(stored: StoredMessage): InsertedMessage {
  if (!stored) throw notFound();
  const contact = stored.contact ? reviveRow<Contact>(stored.contact) : undefined;
  return {
    message: reviveRow<Message>(stored.message),
    conversation: reviveRow<Conversation>(stored.conversation),
    ...(contact ? { contact } : {}),
  };
}

export async function insertMessage(trx: Db, conversationId: number, input: NewMessage): Promise<InsertedMessage> {
  validateMessage(input);
  const result = inserted(await storeMessage(trx, conversationId, messageFields(input)));
  const attachments = attachmentRows(result.message.account_id, result.message.id, input);
  if (attachments.length) {
    await claimStorageKeys(
      trx,
      (input.files ?? []).filter((file) => !file.shared).map((file) => file.storageKey),
    );
    await trx.insertInto('attachments').values(attachments).execute();
  }
  return result;
}

/** The input with its content rendered when it asks for variables (an outgoing message from the Chatwoot dialect, a macro, a rule). */
export async function withVariables(
  db: Db,
  conversation: Pick<Conversation, 'id' | 'account_id'>,
  input: NewMessage,
): Promise<NewMessage> {
  if (!input.variables || !rendersVariables(input.messageType, input.content)) return input;
  const senderUserId = input.sender?.type === 'User' ? input.sender.id : null;
  return {
    ...input,
    content: await renderMessageVariables(
      db,
      { accountId: conversation.account_id, conversationId: conversation.id, senderUserId },
      input.messageType,
      input.content,
    ),
  };
}

/**
 * A message on its own: through the process's message writer (one statement, committed with whatever other
 * messages arrived meanwhile), or a transaction of its own when attachments come with it.
 */
export async function createMessage(
  db: Db,
  conversation: Pick<Conversation, 'id' | 'account_id'>,
  given: NewMessage,
): Promise<InsertedMessage> {
  const input = await withVariables(db, conversation, given);
  if (db.isTransaction) return insertMessage(db, conversation.id, input);
  if (input.files?.length || input.fileUrls?.length)
    return inTransaction(db, (trx) => insertMessage(trx, conversation.id, input));
  validateMessage(input);
  return inserted(await messageWriter(db).write(conversation.account_id, conversation.id, messageFields(input)));
}

export async function getMessage(
  db: Db,
  accountId: number,
  conversationId: number,
  messageId: number,
): Promise<Message> {
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
    data: {
      previous_changes: changedAttributes(before, after, ['status', 'content', 'content_type', 'content_attributes']),
    },
  });
  return after;
}

export async function updateMessageStatus(
  db: Db,
  message: Message,
  status: MessageStatus,
  externalError?: string,
): Promise<Message> {
  const attributes = externalError
    ? { ...message.content_attributes, external_error: externalError }
    : message.content_attributes;
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('messages')
      .set({ status, content_attributes: attributes, updated_at: new Date() })
      .where('id', '=', message.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return messageUpdated(trx, message, updated);
  });
}

/** A channel delivered the message: the provider's id is kept as its source_id, status `sent`, `message.updated` fired. */
export async function markMessageSent(
  db: Db,
  message: Message,
  sourceId: string,
  partIds?: string[],
): Promise<Message> {
  // A message the provider took in several parts (a long text split): every part's id is kept beside the first.
  const parts =
    partIds && partIds.length > 1
      ? {
          additional_attributes: {
            ...((message.additional_attributes ?? {}) as Record<string, unknown>),
            provider_message_ids: partIds,
          },
        }
      : {};
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('messages')
      .set({ status: 'sent', source_id: sourceId, ...parts, updated_at: new Date() })
      .where('id', '=', message.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return messageUpdated(trx, message, updated);
  });
}

/** The contact edited a message on its channel: the stored content follows, `message.updated` fired. */
export async function editMessageContent(db: Db, message: Message, content: string): Promise<Message> {
  if (message.content === content) return message;
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('messages')
      .set({ content: content.toWellFormed(), updated_at: new Date() })
      .where('id', '=', message.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return messageUpdated(trx, message, updated);
  });
}

/**
 * More files for a stored message (a provider's album arriving part by part), and its content when it had
 * none: in the caller's transaction, `message.updated` fired so webhooks and realtime see the new files.
 */
export async function addMessageFiles(
  trx: Db,
  message: Message,
  files: NewFile[],
  content: string | null,
): Promise<Message> {
  const rows = attachmentRows(message.account_id, message.id, { messageType: message.message_type, files });
  if (rows.length) {
    await claimStorageKeys(
      trx,
      files.filter((file) => !file.shared).map((file) => file.storageKey),
    );
    await trx.insertInto('attachments').values(rows).execute();
  }
  const updated = await trx
    .updateTable('messages')
    .set({ ...(content && !message.content ? { content: content.toWellFormed() } : {}), updated_at: new Date() })
    .where('id', '=', message.id)
    .where('account_id', '=', message.account_id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return messageUpdated(trx, message, updated);
}

/**
 * Chatwoot's retry of a message its channel failed to deliver: back to `sent`, the failure reason cleared,
 * `message.updated` fired. (A channel adapter sends again on that; API inboxes have nothing to resend.)
 */
export async function retryFailedMessage(db: Db, message: Message): Promise<Message> {
  if (message.status !== 'failed') throw unprocessable('Only a failed message can be retried', ['status']);
  const { external_error: _reason, ...attributes } = message.content_attributes as Record<string, unknown>;
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('messages')
      .set({ status: 'sent', content_attributes: JSON.stringify(attributes), updated_at: new Date() })
      .where('id', '=', message.id)
      .where('status', '=', 'failed')
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw unprocessable('Only a failed message can be retried', ['status']);
    return messageUpdated(trx, message, updated);
  });
}

/** Chatwoot keeps deleted messages as a tombstone and drops their attachments. */
export async function softDeleteMessage(db: Db, message: Message): Promise<Message> {
  return inTransaction(db, async (trx) => {
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
