import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../../db/pool.ts';
import { inTransaction } from '../../../../db/transaction.ts';
import { mergeSessionMetadata } from '../../../../domain/conversations/handover.ts';
import { getConversationById } from '../../../../domain/conversations/repository.ts';
import { reloadSessionMessage, type SessionMessageRow } from '../../sessions-app/messages.ts';
import { quickSend, type QuickSend } from '../../sessions-app/quick-send.ts';
import { performerOf } from '../sessions/present.ts';

/**
 * One send of the Send API (`/chat/v1/send/…`): the quick send and the session metadata that came with it commit
 * together, in the caller's transaction when there is one (a batch's). Field names in errors are the body's own
 * (`to`, `templateId`), prefixed by the caller for a batch item.
 */
export async function sendTyped(
  db: Db,
  request: FastifyRequest,
  input: QuickSend,
  sessionMetadata?: Record<string, unknown>,
): Promise<SessionMessageRow> {
  const accountId = request.auth.account.id;
  return inTransaction(db, async (trx) => {
    const { message, conversationId } = await quickSend(trx, accountId, input, performerOf(request), {
      visibleInboxIds: request.auth.inboxIds,
      bodyPrefix: '',
    });
    if (sessionMetadata && Object.keys(sessionMetadata).length)
      await mergeSessionMetadata(trx, await getConversationById(trx, accountId, conversationId), sessionMetadata);
    return reloadSessionMessage(trx, message);
  });
}
