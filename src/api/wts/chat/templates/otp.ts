import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { getSessionMessage, reloadSessionMessage } from '../../sessions-app/messages.ts';
import { quickSend } from '../../sessions-app/quick-send.ts';
import { channelFor } from '../../../../domain/conversations/addresses.ts';
import { findTemplate, templatesOf } from '../../../../domain/templates/channel-templates.ts';
import { validation } from '../../../../errors.ts';
import { failureOf, MessageReceiptSchema, presentReceipt, statusOf } from '../../presenters/message.ts';
import { iso } from '../../schema.ts';
import { performerOf } from '../sessions/present.ts';

/**
 * The OTP body. WTS's reference page for it is not mirrored anywhere we could read, so this is Switchboard's
 * design: the channel (`from`, or `channelId`/`channel`), the number (`to`, or `phone`/`number`), the code, and
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

const OtpStatusSchema = Type.Object({
  id: Type.String(),
  messageId: Type.String(),
  sessionId: Type.String(),
  status: Type.String(),
  failureReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** `POST /chat/v1/template/otp/send` and `GET /chat/v1/template/otp/{messageId}/status`. */
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
      const body = request.body;
      const to = body.to ?? body.phone ?? body.number;
      if (!to?.trim()) throw validation('to is required', ['to']);
      const inbox = await channelFor(
        db,
        request.auth.account.id,
        body.from ?? body.channelId ?? body.channel,
        request.auth.inboxIds,
      );
      const template = body.templateId
        ? findTemplate(inbox, body.templateId)
        : templatesOf(inbox).find((t) => t.category === 'AUTHENTICATION' && t.status === 'APPROVED');
      if (!template) {
        throw body.templateId
          ? validation(`templateId ${body.templateId} is not a message template of this channel`, ['templateId'])
          : validation('the channel has no approved AUTHENTICATION template: name one with templateId', ['templateId']);
      }
      const first = template.params[0] ?? '1';
      const { message } = await quickSend(
        db,
        request.auth.account.id,
        {
          from: inbox.uuid,
          to,
          body: { templateId: template.uuid, parameters: { [first]: body.code } },
          options: { hiddenSession: false },
        },
        performerOf(request),
        { visibleInboxIds: request.auth.inboxIds, bodyPrefix: '' },
      );
      return presentReceipt(await reloadSessionMessage(db, message), config.publicUrl);
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
}
