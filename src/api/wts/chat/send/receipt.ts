import { Type, type Static } from 'typebox';
import type { SessionMessageRow } from '../../sessions-app/messages.ts';
import { failureOf, statusOf } from '../../presenters/message.ts';
import { iso, Nullable } from '../../schema.ts';

/** PublicRespSendMessageDTO: what every sender of `/chat/v1/send/…` answers; `senderId` is the client's own id. */
export const SendReceiptSchema = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  companyId: Type.String(),
  sessionId: Type.String(),
  status: Type.String(),
  senderId: Nullable(Type.String()),
  statusUrl: Type.String(),
  sentAt: Nullable(Type.String()),
  failedReason: Nullable(Type.String()),
  callbackUrl: Nullable(Type.String()),
  waitReply: Type.Boolean(),
});
export type SendReceipt = Static<typeof SendReceiptSchema>;

/** PublicRespSendMessagesDTO: a batch's receipts, in the order of its `messages`. */
export const SendReceiptsSchema = Type.Object({ results: Type.Array(SendReceiptSchema) });

/** The client's own id for a message (`senderId` when it was sent), kept in its attributes. */
export const clientIdOf = (row: Pick<SessionMessageRow, 'additional_attributes'>): string | null => {
  const id = (row.additional_attributes as Record<string, unknown> | null)?.client_id;
  return typeof id === 'string' ? id : null;
};

export function presentSendReceipt(row: SessionMessageRow, companyId: string, publicUrl: string): SendReceipt {
  return {
    id: row.uuid,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    companyId,
    sessionId: row.session_uuid,
    status: statusOf(row),
    senderId: clientIdOf(row),
    statusUrl: `${publicUrl}/chat/v1/send/message/${row.uuid}`,
    sentAt: iso(row.created_at),
    failedReason: failureOf(row),
    callbackUrl: null,
    waitReply: false,
  };
}
