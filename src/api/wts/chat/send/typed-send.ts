import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { App } from '../../../types.ts';
import type { QuickSend } from '../../sessions-app/quick-send.ts';
import { AgentRef, DepartmentRef, FreeObject, Uuid } from '../../schema.ts';
import { presentSendReceipt, SendReceiptSchema } from './receipt.ts';
import { sendTyped } from './send-typed.ts';
import { isUuid } from '../../../../domain/uuid.ts';

/** PublicReqSendOptionsDTO. */
export const SendOptions = Type.Optional(
  Type.Object({
    enableBot: Type.Optional(Type.Boolean()),
    hiddenSession: Type.Optional(Type.Boolean()),
    forceStartSession: Type.Optional(Type.Boolean()),
    user: Type.Optional(AgentRef),
    department: Type.Optional(DepartmentRef),
  }),
);

/** `PublicReqSendTextDTO` and the media DTOs: the address (or the session) and the message, flat. */
const Common = {
  to: Type.Optional(Type.String({ maxLength: 255 })),
  from: Type.Optional(Type.String({ maxLength: 255 })),
  sessionId: Type.Optional(Uuid),
  refId: Type.Optional(Uuid),
  senderId: Type.Optional(Type.String({ maxLength: 255 })),
  options: SendOptions,
};
const TextBody = Type.Object({ ...Common, text: Type.String({ minLength: 1, maxLength: 150_000 }) });
const MediaBody = Type.Object({
  ...Common,
  fileIdOrUrl: Type.String({ minLength: 1, maxLength: 2048 }),
  text: Type.Optional(Type.String({ maxLength: 4096 })),
});
/** `PublicReqSendTemplateSingleDTO`: the channel's template, its parameters, and a file for media templates. */
const TemplateBody = Type.Object({
  ...Common,
  templateId: Type.String({ minLength: 1, maxLength: 255 }),
  parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  fileIdOrUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
  sessionMetadata: Type.Optional(FreeObject),
});
type SendBody = Static<typeof TextBody> | Static<typeof MediaBody> | Static<typeof TemplateBody>;

/** A typed sender's body as the quick send it is (also one item of a template batch). */
export function toQuickSend(body: SendBody): QuickSend {
  const file = 'fileIdOrUrl' in body ? body.fileIdOrUrl?.trim() : undefined;
  const template = 'templateId' in body ? { templateId: body.templateId, parameters: body.parameters } : {};
  const { user, department, ...options } = body.options ?? {};
  return {
    from: body.from,
    to: body.to,
    sessionId: body.sessionId,
    user,
    department,
    options,
    body: {
      text: 'text' in body ? body.text : undefined,
      ...template,
      refId: body.refId,
      clientId: body.senderId,
      // an id names a saved file (`/core/v2/file`); anything else is a URL
      ...(file ? (isUuid(file) ? { fileId: file } : { fileUrl: file }) : {}),
    },
  };
}

/**
 * WTS's typed senders (`POST /chat/v1/send/{text,image,audio,video,document}`): the same send as
 * `/chat/v1/message/send` with a flat body, and a `sessionId` to answer inside a known session. WTS's
 * `delayTyping` and `callbackUrl` have no counterpart here (subscribe to MESSAGE_UPDATED instead).
 */
export default async function typedSendRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;
  const tags = ['WTS Messages'];

  const send = async (request: FastifyRequest) => {
    const body = request.body as SendBody;
    const metadata = 'sessionMetadata' in body ? body.sessionMetadata : undefined;
    const row = await sendTyped(db, request, toQuickSend(body), metadata);
    return presentSendReceipt(row, request.auth.account.uuid, config.publicUrl);
  };

  app.post(
    '/v1/send/text',
    {
      config: { policy: 'messages.create' },
      schema: { tags, summary: 'Send a text', body: TextBody, response: { 200: SendReceiptSchema } },
    },
    (request) => send(request),
  );
  app.post(
    '/v1/send/template',
    {
      config: { policy: 'messages.create' },
      schema: {
        tags,
        summary: 'Send a message template (the only way to start a WhatsApp conversation)',
        body: TemplateBody,
        response: { 200: SendReceiptSchema },
      },
    },
    (request) => send(request),
  );
  for (const kind of ['image', 'audio', 'video', 'document']) {
    app.post(
      `/v1/send/${kind}`,
      {
        config: { policy: 'messages.create' },
        schema: {
          tags,
          summary: `Send ${kind === 'image' ? 'an' : 'a'} ${kind} by URL`,
          body: MediaBody,
          response: { 200: SendReceiptSchema },
        },
      },
      (request) => send(request),
    );
  }
}
