import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { App } from '../../../types.ts';
import { listSessionMessages, reloadSessionMessage, type MessageKind } from '../../sessions-app/messages.ts';
import { awaitChannelHandOff } from '../../sessions-app/outcome.ts';
import { sendSessionMessage } from '../../../../domain/messages/api-send.ts';
import { getSession } from '../../../../domain/conversations/with-public-ids.ts';
import { envelope, pageOrder, paging } from '../../page.ts';
import { presentMessage, presentReceipt } from '../../presenters/message.ts';
import { queryRange } from '../../schema.ts';
import {
  MessageListQuery,
  MessagePage,
  MessageReceiptSchema,
  MessageSchema,
  SessionMessageBody,
} from './messages-schema.ts';
import { SessionParams } from './schema.ts';
import { sessionFor } from './present.ts';

const tags = ['WTS Session messages'];

/** A session's messages or notes, paged; oldest first unless asked otherwise. */
export async function pageOfSession(
  request: FastifyRequest,
  kind: MessageKind,
  sessionId = (request.params as { id: string }).id,
) {
  const q = request.query as Static<typeof MessageListQuery>;
  const session = await getSession(request.server.deps.db, request.auth.account.id, sessionId, request.auth.inboxIds);
  const page = paging(q, { orderBy: 'createdAt', orderDirection: 'ASCENDING' });
  const { rows, total } = await listSessionMessages(request.server.deps.db, session.account_id, session.id, {
    kind,
    createdAt: queryRange(q, 'CreatedAt'),
    updatedAt: queryRange(q, 'UpdatedAt'),
    ...pageOrder(page),
  });
  return { rows, total, page };
}

/**
 * Messages of one session. Sending stores the message in the request (there is no PROCESSING phase to
 * wait through), so the async send answers the stored status with a status URL to poll, and the sync send
 * also waits (≤ 25 s) for the channel's answer and reports a failed hand-off in `failedReason`.
 */
export default async function sessionMessageRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;

  app.get(
    '/v1/session/:id/message',
    {
      config: { policy: 'messages.read' },
      schema: {
        tags,
        summary: 'List session messages',
        params: SessionParams,
        querystring: MessageListQuery,
        response: { 200: MessagePage },
      },
    },
    async (request) => {
      const { rows, total, page } = await pageOfSession(request, 'message');
      return envelope(
        rows.map((r) => presentMessage(r, config.publicUrl)),
        total,
        page,
      );
    },
  );

  app.post(
    '/v1/session/:id/message',
    {
      config: { policy: 'messages.create' },
      schema: {
        tags,
        summary: 'Send a message (async)',
        params: SessionParams,
        body: SessionMessageBody,
        response: { 200: MessageReceiptSchema },
      },
    },
    async (request) => {
      const session = await sessionFor(request);
      const message = await sendSessionMessage(db, session, request.body, { type: 'User', id: request.auth.user!.id });
      return presentReceipt(await reloadSessionMessage(db, message), config.publicUrl);
    },
  );

  app.post(
    '/v1/session/:id/message/sync',
    {
      config: { policy: 'messages.create' },
      schema: {
        tags,
        summary: 'Send a message and wait for the channel (≤ 25 s)',
        params: SessionParams,
        body: SessionMessageBody,
        response: { 200: MessageSchema },
      },
    },
    async (request) => {
      const session = await sessionFor(request);
      const message = await sendSessionMessage(db, session, request.body, { type: 'User', id: request.auth.user!.id });
      return presentSynced(db, message, config.publicUrl);
    },
  );
}

/** The message after the channel's answer (or the timeout): a failed hand-off is reported, not hidden. */
export async function presentSynced(
  db: App['deps']['db'],
  message: Parameters<typeof awaitChannelHandOff>[1],
  publicUrl: string,
) {
  const handOff = await awaitChannelHandOff(db, message);
  const presented = presentMessage(await reloadSessionMessage(db, message), publicUrl);
  if (handOff.state === 'untracked' || handOff.state === 'delivered') return presented;
  const status = handOff.state === 'failed' ? 'FAILED' : 'QUEUED';
  if (!handOff.error) return { ...presented, status };
  const error = { date: new Date().toISOString(), origin: 'CHANNEL', key: 'SEND_FAILED', text: handOff.error };
  return { ...presented, status, failedReason: handOff.error, details: { ...presented.details, errors: [error] } };
}
