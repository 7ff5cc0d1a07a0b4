import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { ScheduledMessageStatus, ScheduledMessageType } from '../../db/types.ts';
import { AppError, notFound } from '../../errors.ts';
import { channelFor } from '../conversations/addresses.ts';

/** Pings the sender loop (jobs/scheduled-sends.ts) when a row becomes due sooner than its next pass. */
export const SCHEDULED_CHANNEL = 'scheduled_sends';

/** A scheduled message with the public ids of what it points at, as both presenters need them. */
export function selectScheduled(db: Db, accountId: number, visibleInboxIds?: number[]) {
  const query = db
    .selectFrom('scheduled_messages as s')
    .innerJoin('contacts as c', 'c.id', 's.contact_id')
    .innerJoin('inboxes as i', 'i.id', 's.inbox_id')
    .leftJoin('teams as t', 't.id', 's.team_id')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('conversations as v', 'v.id', 's.conversation_id')
    .leftJoin('messages as m', 'm.id', 's.message_id')
    .selectAll('s')
    .select([
      'c.uuid as contact_uuid',
      'c.name as contact_name',
      'c.phone_number as contact_phone',
      'i.uuid as inbox_uuid',
      't.uuid as team_uuid',
      't.name as team_name',
      'u.uuid as user_uuid',
      'u.name as user_name',
      'v.uuid as session_uuid',
      'm.uuid as message_uuid',
    ])
    .where('s.account_id', '=', accountId);
  // An agent sees the scheduled messages of the inboxes it works in, as with sessions.
  return visibleInboxIds ? query.where('s.inbox_id', 'in', visibleInboxIds.length ? visibleInboxIds : [0]) : query;
}

export type ScheduledRow = Awaited<ReturnType<ReturnType<typeof selectScheduled>['executeTakeFirstOrThrow']>>;

export async function getScheduled(
  db: Db,
  accountId: number,
  uuid: string,
  visibleInboxIds?: number[],
): Promise<ScheduledRow> {
  const row = await selectScheduled(db, accountId, visibleInboxIds).where('s.uuid', '=', uuid).executeTakeFirst();
  if (!row) throw notFound('Scheduled message');
  return row;
}

export interface ScheduledFilter {
  status?: ScheduledMessageStatus[];
  type?: ScheduledMessageType[];
  scheduledAt: { after?: Date; before?: Date };
  createdAt: { after?: Date; before?: Date };
  updatedAt: { after?: Date; before?: Date };
  /** The inbox sending: its id, phone number, email address or name (as a send's sender names it). */
  inbox?: string;
  /** The recipient: the contact's id or phone number (any formatting). */
  contact?: string;
  /** Who scheduled it: the user's id or name. */
  user?: string;
  /** The team it goes to: the team's id or name. */
  team?: string;
}

const digitsOf = (value: string) => value.replace(/\D/g, '');

const ORDERABLE = { scheduling: 's.scheduled_at', createdAt: 's.created_at', updatedAt: 's.updated_at' } as const;

export async function listScheduled(
  db: Db,
  accountId: number,
  visibleInboxIds: number[] | undefined,
  f: ScheduledFilter,
  page: { orderBy: string; descending: boolean; page: number; pageSize: number },
) {
  let query = selectScheduled(db, accountId, visibleInboxIds);
  if (f.inbox !== undefined) {
    const inbox = await channelFor(db, accountId, f.inbox, visibleInboxIds).catch((error: unknown) => {
      if (error instanceof AppError) return undefined;
      throw error;
    });
    // A sender that names no inbox matches nothing (a filter, not a send: no error).
    if (!inbox) return { rows: [], total: 0 };
    query = query.where('s.inbox_id', '=', inbox.id);
  }
  if (f.contact !== undefined) {
    const value = f.contact.trim();
    const digits = digitsOf(value);
    query = query.where(
      sql<boolean>`(c.uuid::text = lower(${value}) OR (${digits} <> '' AND regexp_replace(coalesce(c.phone_number, ''), '\\D', '', 'g') = ${digits}))`,
    );
  }
  if (f.user !== undefined) {
    const value = f.user.trim();
    query = query.where(
      sql<boolean>`(u.uuid::text = lower(${value}) OR lower(u.name) = lower(${value}) OR lower(u.display_name) = lower(${value}))`,
    );
  }
  if (f.team !== undefined) {
    const value = f.team.trim();
    query = query.where(sql<boolean>`(t.uuid::text = lower(${value}) OR lower(t.name) = lower(${value}))`);
  }
  if (f.status?.length) query = query.where('s.status', 'in', f.status);
  if (f.type?.length) query = query.where('s.type', 'in', f.type);
  for (const [column, range] of [
    ['s.scheduled_at', f.scheduledAt],
    ['s.created_at', f.createdAt],
    ['s.updated_at', f.updatedAt],
  ] as const) {
    if (range.after) query = query.where(column, '>=', range.after);
    if (range.before) query = query.where(column, '<=', range.before);
  }
  const { total } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  // Own keys only: `OrderBy=constructor` must not reach Object.prototype.
  const column = Object.hasOwn(ORDERABLE, page.orderBy)
    ? ORDERABLE[page.orderBy as keyof typeof ORDERABLE]
    : 's.scheduled_at';
  const rows = await query
    .orderBy(column, page.descending ? 'desc' : 'asc')
    .orderBy('s.id', page.descending ? 'desc' : 'asc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total) };
}
