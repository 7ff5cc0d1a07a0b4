import crypto from 'node:crypto';
import type { Db } from '../../../db/pool.ts';
import type { Message } from '../../../db/types.ts';
import { validation } from '../../../errors.ts';
import { inTransaction } from '../../../db/transaction.ts';

export interface IdempotentSend {
  message: Message;
  conversationId: number;
}

const MAX_KEY_LENGTH = 255;

/**
 * Runs `send` once per (account, scope, key): the key is claimed in the send's own transaction, so a retry
 * waits for the first attempt and is answered with its message; a first attempt that failed left no claim.
 * The same key with another body is refused rather than answered with a message that body did not ask for.
 */
export async function onceByKey(
  db: Db,
  accountId: number,
  scope: string,
  key: string,
  body: unknown,
  send: (trx: Db) => Promise<IdempotentSend>,
): Promise<IdempotentSend> {
  if (!key.trim() || key.length > MAX_KEY_LENGTH)
    throw validation(`Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`, ['Idempotency-Key']);
  const fingerprint = crypto
    .createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
  return inTransaction(db, async (trx) => {
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({ account_id: accountId, scope, key, fingerprint })
      .onConflict((oc) => oc.doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const first = await trx
        .selectFrom('idempotency_keys as k')
        .innerJoin('messages as m', 'm.id', 'k.message_id')
        .selectAll('m')
        .select('k.fingerprint')
        .where('k.account_id', '=', accountId)
        .where('k.scope', '=', scope)
        .where('k.key', '=', key)
        .executeTakeFirst();
      if (!first)
        throw validation('Idempotency-Key was used for a send whose message is gone: use a new key', [
          'Idempotency-Key',
        ]);
      if (first.fingerprint !== fingerprint)
        throw validation('Idempotency-Key was already used with another body', ['Idempotency-Key']);
      const { fingerprint: _, ...message } = first;
      return { message: message as Message, conversationId: message.conversation_id };
    }
    const result = await send(trx);
    await trx
      .updateTable('idempotency_keys')
      .set({ message_id: result.message.id })
      .where('account_id', '=', accountId)
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
    return result;
  });
}
