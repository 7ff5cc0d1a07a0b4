import type { Attachment, ChannelSend } from '../db/types.ts';
import { ATTACHMENT_COLUMNS } from '../domain/attachments/repository.ts';
import { markMessageSent, updateMessageStatus } from '../domain/messages/commands.ts';
import { ProviderError, type ChannelContext, type OutboundMessage } from './adapter.ts';
import { adapterForType } from './registry.ts';

/** What one attempt came to: done (sent, failed for good, or nothing to do) or to be tried again. */
export type SendOutcome = 'done' | 'retry';

async function fail(ctx: ChannelContext, messageId: number, reason: string): Promise<void> {
  const { db } = ctx;
  await db
    .updateTable('channel_sends')
    .set({ status: 'failed', last_error: reason, updated_at: new Date() })
    .where('message_id', '=', messageId)
    .execute();
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
  const message = await db
    .selectFrom('messages')
    .selectAll()
    .where('id', '=', messageId)
    .where('account_id', '=', claimed.account_id)
    .executeTakeFirst();
  const inbox = await db
    .selectFrom('inboxes')
    .selectAll()
    .where('id', '=', claimed.inbox_id)
    .where('account_id', '=', claimed.account_id)
    .executeTakeFirst();
  const adapter = inbox && adapterForType(inbox.channel_type);
  if (!message || !inbox || !adapter) {
    await db.deleteFrom('channel_sends').where('message_id', '=', messageId).execute();
    return 'done';
  }
  const conversation = await db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', message.conversation_id)
    .where('account_id', '=', message.account_id)
    .executeTakeFirstOrThrow();
  const attachments: Attachment[] = await db
    .selectFrom('attachments')
    .select(ATTACHMENT_COLUMNS)
    .where('message_id', '=', message.id)
    .where('account_id', '=', message.account_id)
    .orderBy('id')
    .execute();
  const outbound = { inbox, conversation, message, attachments };
  if (claimed.action === 'delete') return removeFromProvider(ctx, claimed, outbound);
  // Deleted before it went out: nothing to send ("This message was deleted" is our tombstone, not the agent's words).
  if ((message.content_attributes as { deleted?: unknown }).deleted === true) {
    await db.deleteFrom('channel_sends').where('message_id', '=', messageId).execute();
    return 'done';
  }
  try {
    const { sourceId, partIds } = await adapter.send(ctx, outbound);
    await db
      .updateTable('channel_sends')
      .set({ status: 'sent', last_error: null, updated_at: new Date() })
      .where('message_id', '=', messageId)
      .execute();
    await markMessageSent(db, message, sourceId, partIds);
    return 'done';
  } catch (error) {
    const providerError = asProviderError(error);
    if (await retryLater(ctx, claimed, providerError)) return 'retry';
    await fail(ctx, messageId, providerError.reason);
    return 'done';
  }
}

const asProviderError = (error: unknown) =>
  error instanceof ProviderError ? error : new ProviderError((error as Error).message, true);

/** A retryable failure before the last attempt: the reason is kept and the job tried again. */
async function retryLater(ctx: ChannelContext, claimed: ChannelSend, error: ProviderError): Promise<boolean> {
  if (!error.retryable || claimed.attempts >= ctx.config.channels.sendAttempts) return false;
  await ctx.db
    .updateTable('channel_sends')
    .set({ last_error: error.reason, updated_at: new Date() })
    .where('message_id', '=', claimed.message_id)
    .execute();
  ctx.log.warn(
    { message: claimed.message_id, attempt: claimed.attempts, reason: error.reason },
    `channel ${claimed.action} failed, will retry`,
  );
  return true;
}

/** An agent deleted a sent message: the provider removes it too, where it allows (the message stays deleted here either way). */
async function removeFromProvider(
  ctx: ChannelContext,
  claimed: ChannelSend,
  outbound: OutboundMessage,
): Promise<SendOutcome> {
  const adapter = adapterForType(outbound.inbox.channel_type);
  const done = (status: 'sent' | 'failed', reason: string | null) =>
    ctx.db
      .updateTable('channel_sends')
      .set({ status, last_error: reason, updated_at: new Date() })
      .where('message_id', '=', claimed.message_id)
      .execute();
  if (!adapter?.remove) {
    await done('failed', 'the channel cannot delete messages');
    return 'done';
  }
  try {
    await adapter.remove(ctx, outbound);
    await done('sent', null);
    return 'done';
  } catch (error) {
    const providerError = asProviderError(error);
    if (await retryLater(ctx, claimed, providerError)) return 'retry';
    await done('failed', providerError.reason);
    return 'done';
  }
}
