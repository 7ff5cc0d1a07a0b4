import { Type, type Static } from 'typebox';
import type { Attachment } from '../../../db/types.ts';
import { MESSAGE_TYPE } from '../../../domain/messages/commands.ts';
import type { SessionMessageRow } from '../sessions-app/messages.ts';
import { DateTime, FreeObject, iso, Nullable } from '../schema.ts';
import { attachmentUrl } from '../../system/attachments.ts';

export const MESSAGE_STATUSES = [
  'PROCESSING',
  'SAVED',
  'QUEUED',
  'SENT',
  'DELIVERED',
  'READ',
  'FAILED',
  'DELETED',
  'WAIT_REPLY',
] as const;

/**
 * Direction as the WTS reference has it: FROM_HUB = received from the contact through the channel hub,
 * TO_HUB = sent by the company (agent, bot, API) out through the hub.
 */
export function directionOf(messageType: number): 'FROM_HUB' | 'TO_HUB' {
  return messageType === MESSAGE_TYPE.incoming ? 'FROM_HUB' : 'TO_HUB';
}

export function statusOf(row: Pick<SessionMessageRow, 'status' | 'content_attributes'>): string {
  if ((row.content_attributes as Record<string, unknown>)?.deleted === true) return 'DELETED';
  return row.status.toUpperCase();
}

const FILE_TYPES: Record<string, string> = { image: 'IMAGE', audio: 'AUDIO', video: 'VIDEO', file: 'DOCUMENT' };

function typeOf(row: SessionMessageRow): string {
  if (row.attachments[0]) return FILE_TYPES[row.attachments[0].file_type] ?? 'DOCUMENT';
  if (row.content_type === 'input_select') return 'LIST';
  if (row.content_type === 'location') return 'LOCATION';
  return 'TEXT';
}

function originOf(row: SessionMessageRow): string {
  const origin = (row.additional_attributes as Record<string, unknown>)?.origin;
  if (typeof origin === 'string') return origin;
  if (row.sender_type === 'AgentBot') return 'BOT';
  if ((row.additional_attributes as Record<string, unknown>)?.campaign_id) return 'CAMPAIGN';
  return row.message_type === MESSAGE_TYPE.incoming ? 'GATEWAY' : 'DEFAULT';
}

export const FileSchema = Type.Object({
  id: Nullable(Type.String()),
  name: Type.String(),
  extension: Nullable(Type.String()),
  mimeType: Type.String(),
  type: Type.String(),
  publicUrl: Type.String(),
  size: Type.Integer(),
});

const FILE_KINDS: Record<string, string> = { image: 'IMAGE', audio: 'AUDIO', video: 'VIDEO' };

function presentFile(attachment: Attachment, publicUrl: string): Static<typeof FileSchema> {
  return {
    id: null,
    name: attachment.filename,
    extension: attachment.extension,
    mimeType: attachment.content_type,
    type: FILE_KINDS[attachment.file_type] ?? (attachment.content_type === 'application/pdf' ? 'PDF' : 'UNDEFINED'),
    publicUrl: attachmentUrl(publicUrl, attachment),
    size: Number(attachment.file_size),
  };
}

/** PublicMessageDTO. Ids are public UUIDs; `senderId` is the sending user's or contact's id. */
export const MessageSchema = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  timestamp: Type.String(),
  type: Type.String(),
  senderId: Nullable(Type.String()),
  sessionId: Type.String(),
  templateId: Nullable(Type.String()),
  userId: Nullable(Type.String()),
  direction: Type.String(),
  status: Type.String(),
  origin: Type.String(),
  text: Nullable(Type.String()),
  fileId: Nullable(Type.String()),
  refId: Nullable(Type.String()),
  readContactAt: DateTime,
  details: Type.Object({ file: Nullable(FileSchema), files: Type.Array(FileSchema), errors: Type.Array(FreeObject) }),
  failedReason: Nullable(Type.String()),
  filesIds: Type.Array(Type.String()),
});
export type MessageJson = Static<typeof MessageSchema>;

export function failureOf(row: Pick<SessionMessageRow, 'content_attributes'>): string | null {
  const error = (row.content_attributes as Record<string, unknown>)?.external_error;
  return typeof error === 'string' ? error : null;
}

export function presentMessage(row: SessionMessageRow, publicUrl: string): MessageJson {
  const additional = (row.additional_attributes ?? {}) as Record<string, any>;
  const files = row.attachments.map((a) => presentFile(a, publicUrl));
  const failure = failureOf(row);
  return {
    id: row.uuid,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    timestamp: iso(row.created_at)!,
    type: typeOf(row),
    senderId: row.user_uuid ?? row.contact_uuid,
    sessionId: row.session_uuid,
    templateId: typeof additional.template_params?.id === 'string' ? additional.template_params.id : null,
    userId: row.user_uuid,
    direction: directionOf(row.message_type),
    status: statusOf(row),
    origin: originOf(row),
    text: row.content,
    fileId: null,
    refId: typeof additional.ref_id === 'string' ? additional.ref_id : null,
    readContactAt: null,
    details: {
      file: files[0] ?? null,
      files,
      errors: failure ? [{ date: iso(row.updated_at), origin: 'CHANNEL', key: 'SEND_FAILED', text: failure }] : [],
    },
    failedReason: failure,
    filesIds: [],
  };
}

/** PublicQuickMessageDTO / PublicMessageQuickSendDTO: the receipt of a send and the status a client polls. */
export const MessageReceiptSchema = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  sessionId: Type.String(),
  senderId: Nullable(Type.String()),
  status: Type.String(),
  statusUrl: Type.String(),
  failureReason: Nullable(Type.String()),
});

export function presentReceipt(row: SessionMessageRow, publicUrl: string): Static<typeof MessageReceiptSchema> {
  return {
    id: row.uuid,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    sessionId: row.session_uuid,
    senderId: row.user_uuid ?? row.contact_uuid,
    status: statusOf(row),
    statusUrl: `${publicUrl}/chat/v1/message/${row.uuid}/status`,
    failureReason: failureOf(row),
  };
}
