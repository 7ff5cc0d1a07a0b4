import type { Db } from '../../db/pool.ts';
import type { Account, Conversation } from '../../db/types.ts';
import type { Mailer } from '../mail/mailer.ts';
import { loadMessageDetails } from '../messages/details.ts';

const TRANSCRIPT_LIMIT = 10_000;

function senderName(details: Awaited<ReturnType<typeof loadMessageDetails>>[number]): string {
  const sender = details.sender;
  if (!sender) return 'System';
  if (sender.type === 'User') return sender.user.display_name || sender.user.name;
  if (sender.type === 'Contact') return sender.contact.name || 'Contact';
  return sender.bot.name;
}

/** Emails the public part of a conversation (no private notes, no activity) as plain text. */
export async function sendTranscript(
  db: Db,
  mailer: Mailer,
  account: Account,
  conversation: Conversation,
  to: string,
): Promise<void> {
  const messages = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversation.id)
    .where('private', '=', false)
    .where('message_type', '!=', 2)
    .orderBy('id')
    .limit(TRANSCRIPT_LIMIT)
    .execute();
  const details = await loadMessageDetails(db, conversation.account_id, messages);
  const lines = details.map(
    (d) => `[${new Date(d.message.created_at).toISOString()}] ${senderName(d)}: ${d.message.content ?? ''}`,
  );
  await mailer.send({
    to,
    subject: `[${account.name}] Conversation Transcript #${conversation.display_id}`,
    text: [`Conversation #${conversation.display_id}`, '', ...lines].join('\n'),
  });
}
