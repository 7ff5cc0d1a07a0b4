import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { SequenceStep } from '../../db/types.ts';
import { notFound, validation } from '../../errors.ts';
import { SCHEDULED_CHANNEL } from '../scheduled_messages/repository.ts';

type Range = { after?: Date; before?: Date };
type Page = { orderBy: string; descending: boolean; page: number; pageSize: number };

/** Enrolments of the sequence in one status, counted (a correlated subquery: lists stay one statement). */
function countIn(status: 'ACTIVE' | 'COMPLETED' | 'STOPPED' | 'REMOVED') {
  return sql<string>`(SELECT count(*) FROM sequence_contacts e WHERE e.sequence_id = s.id AND e.status = ${status})`;
}

/** The account's sequences; an agent (`visibleInboxIds`) sees those sending in its inboxes only. */
export function selectSequences(db: Db, accountId: number, visibleInboxIds?: number[]) {
  const query = db
    .selectFrom('sequences as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .innerJoin('inboxes as i', 'i.id', 's.inbox_id')
    .leftJoin('users as u', 'u.id', 's.created_by_id')
    .selectAll('s')
    .select(['a.uuid as account_uuid', 'i.uuid as inbox_uuid', 'u.uuid as created_by_uuid'])
    .select([
      countIn('ACTIVE').as('executing'),
      countIn('COMPLETED').as('completed'),
      countIn('STOPPED').as('stopped'),
      countIn('REMOVED').as('removed'),
    ])
    .where('s.account_id', '=', accountId);
  return visibleInboxIds ? query.where('s.inbox_id', 'in', visibleInboxIds.length ? visibleInboxIds : [0]) : query;
}

export type SequenceRow = Awaited<ReturnType<ReturnType<typeof selectSequences>['executeTakeFirstOrThrow']>>;

export async function getSequence(
  db: Db,
  accountId: number,
  uuid: string,
  visibleInboxIds?: number[],
): Promise<SequenceRow> {
  const row = await selectSequences(db, accountId, visibleInboxIds).where('s.uuid', '=', uuid).executeTakeFirst();
  if (!row) throw notFound('Sequence');
  return row;
}

export async function getSequenceById(db: Db, accountId: number, id: number): Promise<SequenceRow> {
  const row = await selectSequences(db, accountId).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Sequence');
  return row;
}

const SEQUENCE_ORDER = { name: 's.name', createdAt: 's.created_at', updatedAt: 's.updated_at' } as const;

export async function listSequences(
  db: Db,
  accountId: number,
  visibleInboxIds: number[] | undefined,
  f: { name?: string; contactId?: string; createdAt: Range; updatedAt: Range },
  page: Page,
) {
  let query = selectSequences(db, accountId, visibleInboxIds);
  if (f.name) query = query.where('s.name', 'ilike', `%${f.name.replace(/[\\%_]/g, '\\$&')}%`);
  if (f.contactId) {
    const contactId = f.contactId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('sequence_contacts as e')
          .innerJoin('contacts as c', 'c.id', 'e.contact_id')
          .select('e.id')
          .whereRef('e.sequence_id', '=', 's.id')
          .where('c.uuid', '=', contactId),
      ),
    );
  }
  for (const [column, range] of [
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
  const column = Object.hasOwn(SEQUENCE_ORDER, page.orderBy)
    ? SEQUENCE_ORDER[page.orderBy as keyof typeof SEQUENCE_ORDER]
    : 's.created_at';
  const rows = await query
    .orderBy(column, page.descending ? 'desc' : 'asc')
    .orderBy('s.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/** What an administrator sends to create or change a sequence (WTS has no public API for it; absent = unchanged). */
export interface SequenceInput {
  name?: string;
  /** The channel (inbox uuid) the steps are sent in. */
  inboxUuid?: string;
  enabled?: boolean;
  stopOnReply?: boolean;
  steps?: SequenceStep[];
}

/** Longest wait between two steps: a year. */
export const MAX_STEP_DELAY_SECONDS = 366 * 24 * 3600;

function stepsOf(steps: SequenceStep[] | undefined): SequenceStep[] {
  if (!steps?.length) throw validation('steps must list at least one step', ['steps']);
  return steps.map((s, i) => {
    if (!s.text?.trim()) throw validation(`steps[${i}].text is required`, [`steps.${i}.text`]);
    if (!Number.isInteger(s.delaySeconds) || s.delaySeconds < 0 || s.delaySeconds > MAX_STEP_DELAY_SECONDS) {
      throw validation(
        `steps[${i}].delaySeconds must be a whole number of seconds from 0 to ${MAX_STEP_DELAY_SECONDS}`,
        [`steps.${i}.delaySeconds`],
      );
    }
    return { delaySeconds: s.delaySeconds, text: s.text };
  });
}

async function inboxOf(db: Db, accountId: number, inboxUuid: string): Promise<number> {
  const inbox = await db
    .selectFrom('inboxes')
    .select('id')
    .where('account_id', '=', accountId)
    .where('uuid', '=', inboxUuid)
    .executeTakeFirst();
  if (!inbox) throw validation(`channelId ${inboxUuid} is not a channel of this company`, ['channelId']);
  return inbox.id;
}

function nameOf(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw validation('name is required', ['name']);
  return trimmed;
}

export async function createSequence(
  db: Db,
  accountId: number,
  userId: number,
  input: SequenceInput,
): Promise<SequenceRow> {
  const name = nameOf(input.name ?? '');
  if (input.inboxUuid === undefined)
    throw validation('channelId is required (the channel the steps are sent in)', ['channelId']);
  const steps = stepsOf(input.steps);
  const { id } = await db
    .insertInto('sequences')
    .values({
      account_id: accountId,
      inbox_id: await inboxOf(db, accountId, input.inboxUuid),
      name,
      enabled: input.enabled ?? true,
      stop_on_reply: input.stopOnReply ?? true,
      steps: JSON.stringify(steps),
      created_by_id: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getSequenceById(db, accountId, id);
}

/** Changes what `input` names. Enrolments keep their place: the step they wait for is read from the new steps. */
export async function updateSequence(
  db: Db,
  accountId: number,
  uuid: string,
  input: SequenceInput,
): Promise<SequenceRow> {
  const { id } = await getSequence(db, accountId, uuid);
  const steps = input.steps !== undefined ? stepsOf(input.steps) : undefined;
  const name = input.name !== undefined ? nameOf(input.name) : undefined;
  const inboxId = input.inboxUuid !== undefined ? await inboxOf(db, accountId, input.inboxUuid) : undefined;
  await db
    .updateTable('sequences')
    .set({
      ...(name !== undefined ? { name } : {}),
      ...(inboxId !== undefined ? { inbox_id: inboxId } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.stopOnReply !== undefined ? { stop_on_reply: input.stopOnReply } : {}),
      ...(steps !== undefined ? { steps: JSON.stringify(steps) } : {}),
      updated_at: new Date(),
    })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
  // Re-enabling may make steps due at once.
  await sql`SELECT pg_notify(${SCHEDULED_CHANNEL}, '')`.execute(db);
  return getSequenceById(db, accountId, id);
}

/** Deletes the sequence and its enrolments (no further step is sent). */
export async function deleteSequence(db: Db, accountId: number, uuid: string): Promise<void> {
  const { id } = await getSequence(db, accountId, uuid);
  await db.deleteFrom('sequences').where('account_id', '=', accountId).where('id', '=', id).execute();
}
