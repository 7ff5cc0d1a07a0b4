import type { Static } from 'typebox';
import type { App } from '../../../types.ts';
import { getMessage, softDeleteMessage } from '../../../../domain/messages/commands.ts';
import { getSessionMessage, reloadSessionMessage } from '../../sessions-app/messages.ts';
import { quickSend } from '../../sessions-app/quick-send.ts';
import { onceByKey, type IdempotentSend } from '../../sessions-app/idempotency.ts';
import type { Db } from '../../../../db/pool.ts';
import type { FastifyRequest } from 'fastify';
import { envelope } from '../../page.ts';
import {
  failureOf,
  MessageReceiptSchema,
  MessageSchema,
  presentMessage,
  presentReceipt,
  statusOf,
} from '../../presenters/message.ts';
import { IdParams, iso } from '../../schema.ts';
import { MessagePage } from '../sessions/messages-schema.ts';
import { pageOfSession, presentSynced } from '../sessions/messages.ts';
import { performerOf } from '../sessions/present.ts';
import { ListBySessionQuery, MessageStatusSchema, QuickSendBody } from './schema.ts';

const tags = ['WTS Messages'];

/** `botKey` in current clients, `botId` in older ones: the same chatbot reference. */
const withBotKey = ({ botId, ...body }: Static<typeof QuickSendBody>) => ({ ...body, botKey: body.botKey ?? botId });

/**
 * A send with an `Idempotency-Key` header runs once per key: its retry is answered with the first message.
 * Both send routes share the key space (a retried async send may come back through the sync one).
 */
function sendOnce(db: Db, request: FastifyRequest, send: (db: Db) => Promise<IdempotentSend>): Promise<IdempotentSend> {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string') return send(db);
  return onceByKey(db, request.auth.account.id, 'wts.message.send', key, request.body, send);
}

/** Messages by their own id, and sending to an address (`from` channel → `to` contact). */
export default async function messageRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;

  app.get(
    '/v1/message',
    {
      config: { policy: 'messages.read' },
      schema: {
        tags,
        summary: 'List a session’s messages',
        querystring: ListBySessionQuery,
        response: { 200: MessagePage },
      },
    },
    async (request) => {
      const { rows, total, page } = await pageOfSession(request, 'message', request.query.SessionId);
      return envelope(
        rows.map((r) => presentMessage(r, config.publicUrl)),
        total,
        page,
      );
    },
  );

  app.post(
    '/v1/message/send',
    {
      config: { policy: 'messages.create' },
      schema: {
        tags,
        summary: 'Send to a contact (async)',
        body: QuickSendBody,
        response: { 200: MessageReceiptSchema },
      },
    },
    async (request) => {
      const { message } = await sendOnce(db, request, (db) =>
        quickSend(db, request.auth.account.id, withBotKey(request.body), performerOf(request), {
          visibleInboxIds: request.auth.inboxIds,
        }),
      );
      return presentReceipt(await reloadSessionMessage(db, message), config.publicUrl);
    },
  );

  app.post(
    '/v1/message/send-sync',
    {
      config: { policy: 'messages.create' },
      schema: {
        tags,
        summary: 'Send to a contact and wait for the channel (≤ 25 s)',
        body: QuickSendBody,
        response: { 200: MessageSchema },
      },
    },
    async (request) => {
      const { message } = await sendOnce(db, request, (db) =>
        quickSend(db, request.auth.account.id, withBotKey(request.body), performerOf(request), {
          visibleInboxIds: request.auth.inboxIds,
        }),
      );
      return presentSynced(db, message, config.publicUrl);
    },
  );

  app.get(
    '/v1/message/:id',
    {
      config: { policy: 'messages.read' },
      schema: { tags, summary: 'Show a message', params: IdParams, response: { 200: MessageSchema } },
    },
    async (request) =>
      presentMessage(
        await getSessionMessage(db, request.auth.account.id, request.params.id, 'message', request.auth.inboxIds),
        config.publicUrl,
      ),
  );

  app.delete(
    '/v1/message/:id',
    {
      config: { policy: 'messages.write' },
      schema: {
        tags,
        summary: 'Delete a message (kept as a tombstone)',
        params: IdParams,
        response: { 200: MessageSchema },
      },
    },
    async (request) => {
      const message = await getSessionMessage(
        db,
        request.auth.account.id,
        request.params.id,
        'message',
        request.auth.inboxIds,
      );
      const deleted = await softDeleteMessage(
        db,
        await getMessage(db, message.account_id, message.conversation_id, message.id),
      );
      return presentMessage(await reloadSessionMessage(db, deleted), config.publicUrl);
    },
  );

  app.get(
    '/v1/message/:id/status',
    {
      config: { policy: 'messages.read' },
      schema: {
        tags,
        summary: 'The status of a sent message',
        params: IdParams,
        response: { 200: MessageStatusSchema },
      },
    },
    async (request) => {
      const message = await getSessionMessage(
        db,
        request.auth.account.id,
        request.params.id,
        'message',
        request.auth.inboxIds,
      );
      return {
        id: message.uuid,
        createdAt: iso(message.created_at)!,
        updatedAt: iso(message.updated_at)!,
        sessionId: message.session_uuid,
        status: statusOf(message),
        failureReason: failureOf(message),
      };
    },
  );
}
