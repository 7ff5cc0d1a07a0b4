import type { Attachment } from '../db/types.ts';
import { ATTACHMENT_COLUMNS } from '../domain/attachments/repository.ts';
import { markMessageSent, updateMessageStatus } from '../domain/messages/commands.ts';
import { ProviderError, type ChannelContext } from './adapter.ts';
import { adapterForType } from './registry.ts';

/** What one attempt came to: done (sent, failed for good, or nothing to do) or to be tried again. */
export type SendOutcome = 'done' | 'retry';

async function fail(ctx: ChannelContext, messageId: number, reason: string): Promise<void> {
  const { db } = ctx;
  await db.updateTable('channel_sends').set({ status: 'failed', last_error: reason, updated_at: new Date() }).where('message_id', '=', messageId).execute();
  const message = await db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirst();
  if (message) await updateMessageStatus(db, message, 'failed', reason);
}

/**
 * One attempt at sending a queued message through its inbox's adapter. Sent: the provider's id becomes the
 * message's source_id (status `sent`, `message.updated`). A refusal, or a retryable failure on the last
 * attempt: the message is `failed` with the provider's reason (`message.updated`).
 */
export async function attemptSend(ctx: ChannelContext, messageId: number): Promise<SendOutcome> {
  const { db } = ctx;
  const claimed = await db
    .updateTable('channel_sends')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: new Date() }))
    .where('message_id', '=', messageId)
    .where('status', 'in', ['queued', 'enqueued'])
    .returningAll()
    .executeTakeFirst();
  if (!claimed) return 'done';
  const message = await db.selectFrom('messages').selectAll().where('id', '=', messageId).where('account_id', '=', claimed.account_id).executeTakeFirst();
  const inbox = await db.selectFrom('inboxes').selectAll().where('id', '=', claimed.inbox_id).where('account_id', '=', claimed.account_id).executeTakeFirst();
  const adapter = inbox && adapterForType(inbox.channel_type);
  if (!message || !inbox || !adapter) {
    await db.deleteFrom('channel_sends').where('message_id', '=', messageId).execute();
    return 'done';
  }
  const conversation = await db.selectFrom('conversations').selectAll().where('id', '=', message.conversation_id).where('account_id', '=', message.account_id).executeTakeFirstOrThrow();
  const attachments: Attachment[] = await db
    .selectFrom('attachments')
    .select(ATTACHMENT_COLUMNS)
    .where('message_id', '=', message.id)
    .where('account_id', '=', message.account_id)
    .orderBy('id')
    .execute();
  try {
    const { sourceId } = await adapter.send(ctx, { inbox, conversation, message, attachments });
    await db.updateTable('channel_sends').set({ status: 'sent', last_error: null, updated_at: new Date() }).where('message_id', '=', messageId).execute();
    await markMessageSent(db, message, sourceId);
    return 'done';
  } catch (error) {
    const providerError = error instanceof ProviderError ? error : new ProviderError((error as Error).message, true);
    if (providerError.retryable && claimed.attempts < ctx.config.channels.sendAttempts) {
      await db.updateTable('channel_sends').set({ last_error: providerError.reason, updated_at: new Date() }).where('message_id', '=', messageId).execute();
      ctx.log.warn({ message: messageId, attempt: claimed.attempts, reason: providerError.reason }, 'channel send failed, will retry');
      return 'retry';
    }
    await fail(ctx, messageId, providerError.reason);
    return 'done';
  }
}
