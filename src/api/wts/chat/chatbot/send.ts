import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import type { Db } from '../../../../db/pool.ts';
import { inTransaction } from '../../../../db/transaction.ts';
import { dispatchChatbot, type DispatchRequest } from '../../../../domain/chatbots/dispatch.ts';
import { getDispatch } from '../../../../domain/chatbots/runs.ts';
import { getSession } from '../../../../domain/conversations/with-public-ids.ts';
import { eachItem } from '../send/batch.ts';
import { presentOne } from '../sessions/present.ts';
import { presentDispatch } from './present.ts';
import { DispatchesSchema, DispatchSchema, SendBatchBody, SendBody, SendResponse, type SendParams } from './schema.ts';

const tags = ['WTS Chatbots'];

/** `sessionMetada` is the WTS n8n node's spelling of `sessionMetadata`. */
const dispatchRequest = ({ sessionMetada, ...body }: SendParams): DispatchRequest => ({
  ...body,
  sessionMetadata: body.sessionMetadata ?? sessionMetada,
});

/** Starts a chatbot for a contact (domain/chatbots/dispatch.ts); answers the dispatch as it is stored. */
async function dispatch(db: Db, request: FastifyRequest, body: DispatchRequest) {
  const { account, inboxIds } = request.auth;
  const run = await dispatchChatbot(db, { accountId: account.id, visibleInboxIds: inboxIds }, body);
  return getDispatch(db, account.id, run.uuid);
}

/**
 * `POST /chat/v1/chatbot/send` (answers the dispatch and its session) and the Send API's
 * `POST /chat/v1/send/chatbot` (the dispatch alone) start a chatbot for a contact; `POST …/send/chatbot/batch`
 * for up to 100 of them, all or (one refused) none; `GET /chat/v1/send/chatbot/:id` follows a dispatch.
 */
export default async function chatbotSendRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;
  const present = (request: FastifyRequest, run: Awaited<ReturnType<typeof getDispatch>>) =>
    presentDispatch(run, request.auth.account.uuid, config.publicUrl);

  app.post(
    '/v1/chatbot/send',
    {
      config: { policy: 'conversations.create' },
      schema: { tags, summary: 'Send a chatbot', body: SendBody, response: { 200: SendResponse } },
    },
    async (request) => {
      const run = await dispatch(db, request, dispatchRequest(request.body));
      const session = run.session_uuid
        ? await presentOne(request, await getSession(db, request.auth.account.id, run.session_uuid))
        : null;
      return { ...present(request, run), session };
    },
  );

  app.post(
    '/v1/send/chatbot',
    {
      config: { policy: 'conversations.create' },
      schema: { tags, summary: 'Send a chatbot (Send API)', body: SendBody, response: { 200: DispatchSchema } },
    },
    async (request) => present(request, await dispatch(db, request, dispatchRequest(request.body))),
  );

  app.post(
    '/v1/send/chatbot/batch',
    {
      config: { policy: 'conversations.create' },
      schema: {
        tags,
        summary: 'Send a chatbot to up to 100 contacts',
        body: SendBatchBody,
        response: { 200: DispatchesSchema },
      },
    },
    async (request) => {
      const { botKey, from, options, messages } = request.body;
      const runs = await inTransaction(db, (trx) =>
        eachItem(messages, (item) => dispatch(trx, request, { ...item, botKey, from, options })),
      );
      return { results: runs.map((run) => present(request, run)) };
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
    async (request) => present(request, await getDispatch(db, request.auth.account.id, request.params.id)),
  );
}
