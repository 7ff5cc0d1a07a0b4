import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { dispatchChatbot } from '../../../../domain/chatbots/dispatch.ts';
import { getDispatch } from '../../../../domain/chatbots/runs.ts';
import { getSession } from '../../../../domain/conversations/with-public-ids.ts';
import { presentOne } from '../sessions/present.ts';
import { presentDispatch } from './present.ts';
import { DispatchSchema, SendBody, SendResponse } from './schema.ts';

const tags = ['WTS Chatbots'];

/** `POST /chat/v1/chatbot/send` starts a chatbot for a contact; `GET /chat/v1/send/chatbot/:id` follows it. */
export default async function chatbotSendRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;

  app.post(
    '/v1/chatbot/send',
    {
      config: { policy: 'conversations.create' },
      schema: { tags, summary: 'Send a chatbot', body: SendBody, response: { 200: SendResponse } },
    },
    async (request) => {
      const { account, inboxIds } = request.auth;
      const body = request.body;
      const run = await dispatchChatbot(
        db,
        { accountId: account.id, visibleInboxIds: inboxIds },
        {
          ...body,
          sessionMetadata: body.sessionMetadata ?? body.sessionMetada,
        },
      );
      const dispatch = await getDispatch(db, account.id, run.uuid);
      const session = dispatch.session_uuid
        ? await presentOne(request, await getSession(db, account.id, dispatch.session_uuid))
        : null;
      return { ...presentDispatch(dispatch, config.publicUrl), session };
    },
  );

  app.get(
    '/v1/send/chatbot/:id',
    {
      config: { policy: 'conversations.read' },
      schema: {
        tags,
        summary: 'Status of a chatbot dispatch',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: DispatchSchema },
      },
    },
    async (request) =>
      presentDispatch(await getDispatch(db, request.auth.account.id, request.params.id), config.publicUrl),
  );
}
