import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../../db/pool.ts';
import type { Conversation } from '../../../db/types.ts';
import { validation } from '../../../errors.ts';
import { changedAttributes, recordEvent } from '../../../domain/outbox.ts';
import type { Performer } from '../../../domain/conversations/commands.ts';
import { isEnded } from '../../../domain/conversations/status.ts';
import { inTransaction } from '../../../db/transaction.ts';

/**
 * What WTS keeps on a session beyond Chatwoot's conversation: its completion classification, its own
 * identification code (`number`) and its end time. Classification and number live in the conversation's
 * `additional_attributes` (Chatwoot shows them there too); the end time is the session's `ended_at`.
 */

export const CLASSIFICATION_CATEGORIES = ['UNDEFINED', 'WON', 'LOST', 'INFO', 'OTHER'] as const;
export type ClassificationCategory = (typeof CLASSIFICATION_CATEGORIES)[number];

/** WTS's fixed categories as its "Concluir" screen names them. */
const CATEGORY_NAMES: Record<ClassificationCategory, string | null> = {
  UNDEFINED: null,
  WON: 'Objetivo Atingido',
  LOST: 'Objetivo Perdido',
  INFO: 'Dúvidas',
  OTHER: 'Outro',
};

/** PublicReqUpdatePartialSessionClassificationDTO. */
export interface ClassificationInput {
  category?: ClassificationCategory;
  description?: string | null;
  amount?: number | null;
}

/** PublicSessionClassificationDTO, as stored. */
export interface Classification {
  id: string;
  category: ClassificationCategory;
  categoryDescription: string | null;
  amount: number | null;
  categoryName: string | null;
}

export function classificationOf(input: ClassificationInput, field = 'classification'): Classification {
  const category = input.category ?? 'UNDEFINED';
  const description = input.description?.trim() || null;
  if (category === 'UNDEFINED' && !description) {
    throw validation(
      `${field}.category is required (WON, LOST, INFO or OTHER), or ${field}.description for a reason of your own`,
      [`${field}.category`],
    );
  }
  if (input.amount !== undefined && input.amount !== null && (!Number.isFinite(input.amount) || input.amount < 0)) {
    throw validation(`${field}.amount must be a number of at least 0`, [`${field}.amount`]);
  }
  return {
    id: randomUUID(),
    category,
    categoryDescription: description,
    amount: input.amount ?? null,
    categoryName: CATEGORY_NAMES[category],
  };
}

/** A change to the session record; `null` clears (the field was listed without a value). */
export interface SessionRecordChange {
  classification?: Classification | null;
  number?: string | null;
  endAt?: Date;
}

/**
 * Writes the classification, number and end time in one transaction with conversation.updated naming what
 * changed. An end time belongs to an ended session: on one still going it is refused by name.
 */
export async function updateSessionRecord(
  db: Db,
  conversation: Conversation,
  change: SessionRecordChange,
  performer: Performer,
): Promise<Conversation> {
  return inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversation.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (change.endAt && !isEnded(before.status)) {
      throw validation(
        'endAt can only be set on a COMPLETED or HIDDEN session (list Status with status COMPLETED to complete it first)',
        ['endAt'],
      );
    }
    const attributes: Record<string, unknown> = {
      ...((before.additional_attributes ?? {}) as Record<string, unknown>),
    };
    for (const key of ['classification', 'number'] as const) {
      if (change[key] === undefined) continue;
      if (change[key] === null) delete attributes[key];
      else attributes[key] = change[key];
    }
    const after = await trx
      .updateTable('conversations')
      .set({
        additional_attributes: JSON.stringify(attributes),
        ended_at: change.endAt ?? sql<Date | null>`ended_at`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changes = changedAttributes(before, after, ['additional_attributes', 'ended_at']);
    if (Object.keys(changes).length) {
      await recordEvent(trx, {
        accountId: after.account_id,
        name: 'conversation.updated',
        conversationId: after.id,
        inboxId: after.inbox_id,
        contactId: after.contact_id,
        data: { changed_attributes: changes, performer },
      });
    }
    return after;
  });
}
