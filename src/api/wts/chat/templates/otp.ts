import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import type { Db } from '../../../../db/pool.ts';
import { getSentMessage, getSessionMessage, type SessionMessageRow } from '../../sessions-app/messages.ts';
import { channelFor } from '../../../../domain/conversations/addresses.ts';
import { findTemplate, templatesOf } from '../../../../domain/templates/channel-templates.ts';
import { validation } from '../../../../errors.ts';
import { failureOf, MessageReceiptSchema, presentReceipt, statusOf } from '../../presenters/message.ts';
import { iso, Nullable } from '../../schema.ts';
import { clientIdOf } from '../send/receipt.ts';
import { sendTyped } from '../send/send-typed.ts';

/**
 * The first OTP body (`POST /chat/v1/template/otp/send`), whose reference page is not mirrored anywhere we could
 * read: the channel (`from`, or `channelId`/`channel`), the number (`to`, or `phone`/`number`), the code, and
 * optionally the template (else the channel's first approved AUTHENTICATION template).
 */
const OtpBody = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 255 })),
  channelId: Type.Optional(Type.String({ maxLength: 255 })),
  channel: Type.Optional(Type.String({ maxLength: 255 })),
  to: Type.Optional(Type.String({ maxLength: 255 })),
  phone: Type.Optional(Type.String({ maxLength: 255 })),
  number: Type.Optional(Type.String({ maxLength: 255 })),
  code: Type.String({ minLength: 1, maxLength: 15, pattern: '^[0-9A-Za-z-]+$' }),
  templateId: Type.Optional(Type.String({ maxLength: 255 })),
});

/**
 * PublicReqSendOtpMessageV2DTO (`POST /chat/v1/send/otp`): without `code` one of five digits is made. A
 * `callbackUrl` has no counterpart here (subscribe to MESSAGE_UPDATED, or poll the statusUrl).
 */
const OtpSendBody = Type.Object({
  from: Type.String({ minLength: 1, maxLength: 255 }),
  to: Type.String({ minLength: 1, maxLength: 255 }),
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 15, pattern: '^[0-9A-Za-z-]+$' })),
  templateId: Type.Optional(Type.String({ maxLength: 255 })),
  senderId: Type.Optional(Type.String({ maxLength: 255 })),
});

const OtpStatusSchema = Type.Object({
  id: Type.String(),
  messageId: Type.String(),
  sessionId: Type.String(),
  status: Type.String(),
  failureReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/**
 * PublicRespSendOtpMessageDTO / PublicSendOtpStatusDTO. `status` is OTP's own: PENDING until the channel took
 * it, SENT, RECEIVED once delivered (or read), FAILED. `receivedAt` is when the delivery was last reported.
 */
const OtpMessageSchema = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  code: Nullable(Type.String()),
  status: Type.String(),
  from: Nullable(Type.String()),
  templateId: Nullable(Type.String()),
  companyId: Type.String(),
  senderId: Nullable(Type.String()),
  channelId: Type.String(),
  sentAt: Nullable(Type.String()),
  receivedAt: Nullable(Type.String()),
  contactPhoneNumber: Nullable(Type.String()),
  failedReason: Nullable(Type.String()),
  callbackUrl: Nullable(Type.String()),
  statusUrl: Type.String(),
});

const OTP_STATUS: Record<string, string> = {
  SENT: 'SENT',
  DELIVERED: 'RECEIVED',
  READ: 'RECEIVED',
  FAILED: 'FAILED',
  DELETED: 'FAILED',
};

interface OtpRequest {
  from?: string;
  to?: string;
  code: string;
  templateId?: string;
  senderId?: string;
}

/** Sends `code` with the channel's authentication template (the one named, else the first approved). */
async function sendOtp(db: Db, request: FastifyRequest, body: OtpRequest): Promise<SessionMessageRow> {
  if (!body.to?.trim()) throw validation('to is required', ['to']);
  const inbox = await channelFor(db, request.auth.account.id, body.from, request.auth.inboxIds);
  const template = body.templateId
    ? findTemplate(inbox, body.templateId)
    : templatesOf(inbox).find((t) => t.category === 'AUTHENTICATION' && t.status === 'APPROVED');
  if (!template) {
    throw body.templateId
      ? validation(`templateId ${body.templateId} is not a message template of this channel`, ['templateId'])
      : validation('the channel has no approved AUTHENTICATION template: name one with templateId', ['templateId']);
  }
  const first = template.params[0] ?? '1';
  return sendTyped(db, request, {
    from: inbox.uuid,
    to: body.to,
    body: { templateId: template.uuid, parameters: { [first]: body.code }, clientId: body.senderId },
    options: { hiddenSession: false },
  });
}

/** The code and template an OTP message went out with, its channel and number. */
async function presentOtp(db: Db, row: SessionMessageRow, companyId: string, publicUrl: string) {
  const facts = await db
    .selectFrom('conversations as c')
    .innerJoin('inboxes as i', 'i.id', 'c.inbox_id')
    .leftJoin('contacts as ct', 'ct.id', 'c.contact_id')
    .leftJoin('channel_whatsapp as w', 'w.inbox_id', 'i.id')
    .select(['i.uuid as channel_uuid', 'ct.phone_number', 'w.phone_number as channel_number'])
    .where('c.account_id', '=', row.account_id)
    .where('c.id', '=', row.conversation_id)
    .executeTakeFirstOrThrow();
  const template = (row.additional_attributes as { template_params?: { id?: unknown; processed_params?: unknown } })
    .template_params;
  const code = Object.values((template?.processed_params ?? {}) as Record<string, unknown>)[0];
  const status = OTP_STATUS[statusOf(row)] ?? 'PENDING';
  return {
    id: row.uuid,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    code: typeof code === 'string' ? code : null,
    status,
    from: facts.channel_number,
    templateId: typeof template?.id === 'string' ? template.id : null,
    companyId,
    senderId: clientIdOf(row),
    channelId: facts.channel_uuid,
    sentAt: status === 'PENDING' ? null : iso(row.created_at),
    receivedAt: status === 'RECEIVED' ? iso(row.updated_at) : null,
    contactPhoneNumber: facts.phone_number,
    failedReason: failureOf(row),
    callbackUrl: null,
    statusUrl: `${publicUrl}/chat/v1/send/otp/${row.uuid}`,
  };
}

/** `POST /chat/v1/template/otp/send` and its status; the Send API's `POST /chat/v1/send/otp` and its status. */
export default async function otpRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;
  const tags = ['WTS Templates'];

  app.post(
    '/v1/template/otp/send',
    {
      config: { policy: 'messages.create' },
      schema: {
        tags,
        summary: 'Send a one-time code with an authentication template',
        body: OtpBody,
        response: { 200: MessageReceiptSchema },
      },
    },
    async (request) => {
      const { from, channelId, channel, to, phone, number, code, templateId } = request.body;
      const row = await sendOtp(db, request, {
        from: from ?? channelId ?? channel,
        to: to ?? phone ?? number,
        code,
        templateId,
      });
      return presentReceipt(row, config.publicUrl);
    },
  );

  app.get(
    '/v1/template/otp/:messageId/status',
    {
      config: { policy: 'messages.read' },
      schema: {
        tags,
        summary: 'The delivery status of a one-time code',
        params: Type.Object({ messageId: Type.String({ format: 'uuid' }) }),
        response: { 200: OtpStatusSchema },
      },
    },
    async (request) => {
      const message = await getSessionMessage(
        db,
        request.auth.account.id,
        request.params.messageId,
        'message',
        request.auth.inboxIds,
      );
      return {
        id: message.uuid,
        messageId: message.uuid,
        sessionId: message.session_uuid,
        status: statusOf(message),
        failureReason: failureOf(message),
        createdAt: iso(message.created_at)!,
        updatedAt: iso(message.updated_at)!,
      };
    },
  );

  app.post(
    '/v1/send/otp',
    {
      config: { policy: 'messages.create' },
      schema: {
        tags,
        summary: 'Send a one-time code (Send API; a code of five digits is made when none is given)',
        body: OtpSendBody,
        response: { 200: OtpMessageSchema },
      },
    },
    async (request) => {
      const code = request.body.code ?? String(crypto.randomInt(0, 100_000)).padStart(5, '0');
      const row = await sendOtp(db, request, { ...request.body, code });
      return presentOtp(db, row, request.auth.account.uuid, config.publicUrl);
    },
  );

  app.get(
    '/v1/send/otp/:id',
    {
      config: { policy: 'messages.read' },
      schema: {
        tags,
        summary: 'The status of a one-time code, by its message id or the senderId it was sent with',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 255 }) }),
        response: { 200: OtpMessageSchema },
      },
    },
    async (request) => {
      const row = await getSentMessage(db, request.auth.account.id, request.params.id, request.auth.inboxIds);
      return presentOtp(db, row, request.auth.account.uuid, config.publicUrl);
    },
  );
}
