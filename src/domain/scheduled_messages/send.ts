import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Conversation } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { dispatchChatbot } from '../chatbots/dispatch.ts';
import { chatbotDb } from '../chatbots/tables.ts';
import { createConversation } from '../conversations/commands.ts';
import { openSessionOf } from '../conversations/addresses.ts';
import { sendSessionMessage } from '../messages/api-send.ts';

/** A CHATBOT row claimed (PROCESSED) this long ago whose dispatch left no run was interrupted: it goes back to SCHEDULED. */
const CHATBOT_CLAIM_LEASE_SECONDS = 60;

/** The dispatch's `senderId`, which is how an interrupted chatbot start is found again (never started twice). */
export const chatbotSenderId = (uuid: string) => `scheduled-message:${uuid}`;

function reasonOf(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return `could not send: ${(error as Error)?.message ?? String(error)}`;
}

async function fail(db: Db, id: number, from: 'SCHEDULED' | 'PROCESSED', error: unknown): Promise<void> {
  await db
    .updateTable('scheduled_messages')
    .set({ status: 'FAILED', failure_reason: reasonOf(error), updated_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', from)
    .execute();
}

/** The contact's running session in the channel, or a new one (hidden when asked; given to the department). */
export async function sessionFor(
  trx: Db,
  row: { account_id: number; contact_id: number; inbox_id: number; team_id: number | null; hidden_session: boolean },
): Promise<Conversation> {
  const open = await openSessionOf(trx, row.account_id, row.contact_id, row.inbox_id);
  if (open) return open;
  return createConversation(trx, row.account_id, {
    inboxId: row.inbox_id,
    contactId: row.contact_id,
    status: row.hidden_session ? 'hidden' : 'open',
    teamId: row.team_id ?? undefined,
  });
}

/**
 * Sends the next due TEMPLATE (text) message: the row is locked (SKIP LOCKED), the message written through the
 * session send path and the row marked SENT in ONE transaction, so a crash before the commit leaves it SCHEDULED
 * and unsent, and a commit leaves it SENT with its message: sent exactly once. Answers whether one was found.
 */
async function sendNextText(db: Db): Promise<boolean> {
  let claimed: number | undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('scheduled_messages')
        .selectAll()
        .where('status', '=', 'SCHEDULED')
        .where('type', '=', 'TEMPLATE')
        .where('scheduled_at', '<=', new Date())
        .orderBy('scheduled_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return false;
      claimed = row.id;
      if (!row.user_id) throw new AppError('validation', 'the user who scheduled this message no longer exists');
      const session = await sessionFor(trx, row);
      const params = row.template_params as { parameters?: Record<string, unknown>; fileUrl?: string; fileId?: string };
      const message = await sendSessionMessage(
        trx,
        session,
        {
          text: row.text ?? undefined,
          templateId: row.template_id ?? undefined,
          parameters: params.parameters,
          fileUrl: params.fileUrl,
          fileId: params.fileId,
          clientId: row.uuid,
        },
        { type: 'User', id: row.user_id },
      );
      await trx
        .updateTable('scheduled_messages')
        .set({
          status: 'SENT',
          conversation_id: session.id,
          message_id: message.id,
          failure_reason: null,
          updated_at: new Date(),
        })
        .where('id', '=', row.id)
        .execute();
      return true;
    });
  } catch (error) {
    if (claimed === undefined) throw error;
    await fail(db, claimed, 'SCHEDULED', error);
    return true;
  }
}

/**
 * Starts the next due CHATBOT message. The chatbot engine commits in transactions of its own, so the row is first
 * claimed (PROCESSED, committed), then dispatched with a senderId naming the row; an interrupted claim is settled
 * by `settleInterruptedChatbots` from that senderId, so the bot starts once.
 */
async function sendNextChatbot(db: Db): Promise<boolean> {
  const row = await db
    .updateTable('scheduled_messages')
    .set({ status: 'PROCESSED', updated_at: new Date() })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('scheduled_messages')
        .select('id')
        .where('status', '=', 'SCHEDULED')
        .where('type', '=', 'CHATBOT')
        .where('scheduled_at', '<=', new Date())
        .orderBy('scheduled_at')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
  if (!row) return false;
  try {
    const session = await sessionFor(db, row);
    const run = await dispatchChatbot(
      db,
      { accountId: row.account_id },
      {
        botKey: row.bot_key!,
        sessionId: session.uuid,
        senderId: chatbotSenderId(row.uuid),
        options: { hiddenSession: row.hidden_session },
      },
    );
    await db
      .updateTable('scheduled_messages')
      .set(
        run.status === 'skipped'
          ? { status: 'FAILED', failure_reason: run.reason ?? 'the chatbot was not started', updated_at: new Date() }
          : { status: 'SENT', conversation_id: run.conversation_id, updated_at: new Date() },
      )
      .where('id', '=', row.id)
      .where('status', '=', 'PROCESSED')
      .execute();
  } catch (error) {
    await fail(db, row.id, 'PROCESSED', error);
  }
  return true;
}

/** CHATBOT rows a dead process left PROCESSED: SENT when their run exists, else SCHEDULED again. */
async function settleInterruptedChatbots(db: Db): Promise<void> {
  const stale = await db
    .selectFrom('scheduled_messages')
    .select(['id', 'uuid'])
    .where('status', '=', 'PROCESSED')
    .where('updated_at', '<', sql<Date>`now() - make_interval(secs => ${CHATBOT_CLAIM_LEASE_SECONDS})`)
    .limit(100)
    .execute();
  for (const row of stale) {
    const run = await chatbotDb(db)
      .selectFrom('chatbot_runs')
      .select('conversation_id')
      .where('sender_id', '=', chatbotSenderId(row.uuid))
      .executeTakeFirst();
    await db
      .updateTable('scheduled_messages')
      .set(
        run
          ? { status: 'SENT', conversation_id: run.conversation_id, updated_at: new Date() }
          : { status: 'SCHEDULED', updated_at: new Date() },
      )
      .where('id', '=', row.id)
      .where('status', '=', 'PROCESSED')
      .execute();
  }
}

/** One pass of the sender: up to `limit` due messages; answers true when there may be more. */
export async function sendDueScheduled(db: Db, limit = 50): Promise<boolean> {
  await settleInterruptedChatbots(db);
  let sent = 0;
  while (sent < limit && ((await sendNextText(db)) || (await sendNextChatbot(db)))) sent++;
  return sent >= limit;
}

/** When the next SCHEDULED message is due (the sender sleeps until then at most). */
export async function nextScheduledAt(db: Db): Promise<Date | undefined> {
  const row = await db
    .selectFrom('scheduled_messages')
    .select((eb) => eb.fn.min('scheduled_at').as('at'))
    .where('status', '=', 'SCHEDULED')
    .executeTakeFirst();
  return row?.at ? new Date(row.at as Date) : undefined;
}
