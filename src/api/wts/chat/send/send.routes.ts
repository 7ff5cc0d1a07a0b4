import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { adapterForType } from '../../../../channels/registry.ts';
import { getSession } from '../../../../domain/conversations/with-public-ids.ts';
import { getSentMessage } from '../../sessions-app/messages.ts';
import { Uuid } from '../../schema.ts';
import { presentSendReceipt, SendReceiptSchema } from './receipt.ts';
import templateBatchRoutes from './template-batch.ts';
import typedSendRoutes from './typed-send.ts';

const tags = ['WTS Messages'];

/**
 * WTS's Send API (`/chat/v1/send/…`): the typed senders, the template batch, a sent message's status and the
 * typing indicator. The chatbot senders live with the chatbots (chatbot/send.ts), the OTP ones with the
 * templates (templates/otp.ts).
 */
export default async function sendRoutes(app: App): Promise<void> {
  const { db, config, storage } = app.deps;
  await app.register(typedSendRoutes);
  await app.register(templateBatchRoutes);

  app.get(
    '/v1/send/message/:id',
    {
      config: { policy: 'messages.read' },
      schema: {
        tags,
        summary: 'The status of a message sent through the Send API',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 255 }) }),
        response: { 200: SendReceiptSchema },
      },
    },
    async (request) => {
      const row = await getSentMessage(db, request.auth.account.id, request.params.id, request.auth.inboxIds);
      return presentSendReceipt(row, request.auth.account.uuid, config.publicUrl);
    },
  );

  app.post(
    '/v1/send/typing',
    {
      config: { policy: 'conversations.write' },
      schema: {
        tags,
        summary: "Show the contact that the session's agent is typing (WhatsApp and Telegram; elsewhere nothing)",
        body: Type.Object({ sessionId: Uuid }),
      },
    },
    async (request, reply) => {
      const { account, inboxIds } = request.auth;
      const conversation = await getSession(db, account.id, request.body.sessionId, inboxIds);
      const inbox = await db
        .selectFrom('inboxes')
        .selectAll()
        .where('account_id', '=', account.id)
        .where('id', '=', conversation.inbox_id)
        .executeTakeFirstOrThrow();
      const typing = adapterForType(inbox.channel_type)?.typing;
      // Best effort, as the indicator itself: a provider that refuses it is logged, the client is not failed.
      if (typing)
        await typing({ db, config, storage, log: request.log }, { inbox, conversation }).catch((error: unknown) =>
          request.log.warn({ err: error, sessionId: conversation.uuid }, 'typing indicator refused by the provider'),
        );
      return reply.status(204).send();
    },
  );
}
