import type { Db } from '../../db/pool.ts';
import type { SequenceStep } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { MESSAGE_TYPE } from '../messages/commands.ts';
import { sessionFor } from '../scheduled_messages/send.ts';
import { sendSessionMessage } from '../messages/api-send.ts';
import { REPLIED } from './signals.ts';

/** When step `index` is due, counted from now (the enrolment, or the step before it was sent). */
export function nextAt(steps: SequenceStep[], index: number, from = new Date()): Date | null {
  const step = steps[index];
  return step ? new Date(from.getTime() + step.delaySeconds * 1000) : null;
}

/** Whether the contact wrote (an incoming message in any of its sessions) since it was enrolled. */
async function repliedSince(trx: Db, accountId: number, contactId: number, since: Date): Promise<boolean> {
  const reply = await trx
    .selectFrom('messages as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select('m.id')
    .where('c.account_id', '=', accountId)
    .where('c.contact_id', '=', contactId)
    .where('m.account_id', '=', accountId)
    .where('m.message_type', '=', MESSAGE_TYPE.incoming)
    .where('m.created_at', '>', since)
    .limit(1)
    .executeTakeFirst();
  return Boolean(reply);
}

/**
 * Runs the next due step of one enrolment, in one transaction with the enrolment locked (SKIP LOCKED): the step's
 * message is written and the enrolment moved to the next step together, so a step is sent once whatever crashes.
 * A sequence that stops on reply ends the enrolment (STOPPED) instead when the contact has written since enrolling.
 */
async function advanceNext(db: Db): Promise<boolean> {
  let claimed: number | undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('sequence_contacts as e')
        .innerJoin('sequences as s', 's.id', 'e.sequence_id')
        .select([
          'e.id',
          'e.account_id',
          'e.contact_id',
          'e.next_step',
          'e.last_added_at',
          's.inbox_id',
          's.steps',
          's.stop_on_reply',
          's.created_by_id',
        ])
        .where('e.status', '=', 'ACTIVE')
        .where('s.enabled', '=', true)
        .where('e.next_at', '<=', new Date())
        .orderBy('e.next_at')
        .limit(1)
        .forUpdate('e')
        .skipLocked()
        .executeTakeFirst();
      if (!row) return false;
      claimed = row.id;
      const end = (status: 'COMPLETED' | 'STOPPED', reason: string | null) =>
        trx
          .updateTable('sequence_contacts')
          .set({ status, stop_reason: reason, next_at: null, updated_at: new Date() })
          .where('id', '=', row.id)
          .execute();
      if (row.stop_on_reply && (await repliedSince(trx, row.account_id, row.contact_id, row.last_added_at))) {
        await end('STOPPED', REPLIED);
        return true;
      }
      const steps = row.steps as SequenceStep[];
      const step = steps[row.next_step];
      if (!step) {
        await end('COMPLETED', null);
        return true;
      }
      if (!row.created_by_id) throw new AppError('validation', 'the user who created this sequence no longer exists');
      const session = await sessionFor(trx, {
        account_id: row.account_id,
        contact_id: row.contact_id,
        inbox_id: row.inbox_id,
        team_id: null,
        hidden_session: false,
      });
      await sendSessionMessage(trx, session, { text: step.text }, { type: 'User', id: row.created_by_id });
      const following = nextAt(steps, row.next_step + 1);
      await trx
        .updateTable('sequence_contacts')
        .set({
          next_step: row.next_step + 1,
          next_at: following,
          status: following ? 'ACTIVE' : 'COMPLETED',
          updated_at: new Date(),
        })
        .where('id', '=', row.id)
        .execute();
      return true;
    });
  } catch (error) {
    if (claimed === undefined) throw error;
    const reason = error instanceof AppError ? error.message : `could not send: ${(error as Error)?.message}`;
    await db
      .updateTable('sequence_contacts')
      .set({ status: 'STOPPED', stop_reason: reason, next_at: null, updated_at: new Date() })
      .where('id', '=', claimed)
      .where('status', '=', 'ACTIVE')
      .execute();
    return true;
  }
}

/** One pass: up to `limit` due steps; answers true when there may be more. */
export async function advanceDueSequences(db: Db, limit = 50): Promise<boolean> {
  let done = 0;
  while (done < limit && (await advanceNext(db))) done++;
  return done >= limit;
}
