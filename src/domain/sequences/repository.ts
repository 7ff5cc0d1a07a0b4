import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { SequenceStep } from '../../db/types.ts';
import { notFound, validation } from '../../errors.ts';

type Range = { after?: Date; before?: Date };
type Page = { orderBy: string; descending: boolean; page: number; pageSize: number };

export function selectSequences(db: Db, accountId: number) {
  return db
    .selectFrom('sequences as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .innerJoin('inboxes as i', 'i.id', 's.inbox_id')
    .selectAll('s')
    .select(['a.uuid as account_uuid', 'i.uuid as inbox_uuid'])
    .select((eb) =>
      eb
        .selectFrom('sequence_contacts as e')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('e.sequence_id', '=', 's.id')
        .where('e.status', '=', 'ACTIVE')
        .as('executing'),
    )
    .where('s.account_id', '=', accountId);
}

export type SequenceRow = Awaited<ReturnType<ReturnType<typeof selectSequences>['executeTakeFirstOrThrow']>>;

export async function getSequence(db: Db, accountId: number, uuid: string): Promise<SequenceRow> {
  const row = await selectSequences(db, accountId).where('s.uuid', '=', uuid).executeTakeFirst();
  if (!row) throw notFound('Sequence');
  return row;
}

export async function getSequenceById(db: Db, accountId: number, id: number): Promise<SequenceRow> {
  const row = await selectSequences(db, accountId).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Sequence');
  return row;
}

const SEQUENCE_ORDER = { name: 's.name', createdAt: 's.created_at', updatedAt: 's.updated_at' } as const;

export async function listSequences(db: Db, accountId: number, f: { name?: string; contactId?: string; createdAt: Range; updatedAt: Range }, page: Page) {
  let query = selectSequences(db, accountId);
  if (f.name) query = query.where('s.name', 'ilike', `%${f.name.replace(/[\\%_]/g, '\\$&')}%`);
  if (f.contactId) {
    const contactId = f.contactId;
    query = query.where((eb) =>
      eb.exists(
        eb.selectFrom('sequence_contacts as e').innerJoin('contacts as c', 'c.id', 'e.contact_id').select('e.id').whereRef('e.sequence_id', '=', 's.id').where('c.uuid', '=', contactId),
      ),
    );
  }
  for (const [column, range] of [['s.created_at', f.createdAt], ['s.updated_at', f.updatedAt]] as const) {
    if (range.after) query = query.where(column, '>=', range.after);
    if (range.before) query = query.where(column, '<=', range.before);
  }
  const { total } = await query.clearSelect().select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const column = Object.hasOwn(SEQUENCE_ORDER, page.orderBy) ? SEQUENCE_ORDER[page.orderBy as keyof typeof SEQUENCE_ORDER] : 's.created_at';
  const rows = await query.orderBy(column, page.descending ? 'desc' : 'asc').orderBy('s.id').limit(page.pageSize).offset((page.page - 1) * page.pageSize).execute();
  return { rows, total: Number(total) };
}

/** What an administrator sends to create or change a sequence (the account route; WTS has no public API for it). */
export interface SequenceInput {
  name?: string;
  inbox_id?: number;
  enabled?: boolean;
  stop_on_reply?: boolean;
  steps?: { delay_seconds: number; text: string }[];
}

function stepsOf(steps: SequenceInput['steps']): SequenceStep[] {
  if (!steps?.length) throw validation('steps must list at least one step', ['steps']);
  return steps.map((s, i) => {
    if (!s.text?.trim()) throw validation(`steps[${i}].text is required`, [`steps.${i}.text`]);
    return { delaySeconds: s.delay_seconds, text: s.text };
  });
}

async function inboxOf(db: Db, accountId: number, inboxId: number): Promise<number> {
  const inbox = await db.selectFrom('inboxes').select('id').where('account_id', '=', accountId).where('id', '=', inboxId).executeTakeFirst();
  if (!inbox) throw validation(`inbox_id ${inboxId} is not an inbox of this account`, ['inbox_id']);
  return inbox.id;
}

export async function createSequence(db: Db, accountId: number, userId: number, input: SequenceInput): Promise<SequenceRow> {
  if (!input.name?.trim()) throw validation('name is required', ['name']);
  if (input.inbox_id === undefined) throw validation('inbox_id is required (the inbox the steps are sent in)', ['inbox_id']);
  const { id } = await db
    .insertInto('sequences')
    .values({
      account_id: accountId,
      inbox_id: await inboxOf(db, accountId, input.inbox_id),
      name: input.name.trim(),
      enabled: input.enabled ?? true,
      stop_on_reply: input.stop_on_reply ?? true,
      steps: JSON.stringify(stepsOf(input.steps)),
      created_by_id: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getSequenceById(db, accountId, id);
}

export async function updateSequence(db: Db, accountId: number, id: number, input: SequenceInput): Promise<SequenceRow> {
  await getSequenceById(db, accountId, id);
  await db
    .updateTable('sequences')
    .set({
      ...(input.name !== undefined ? { name: input.name.trim() || (() => { throw validation('name cannot be blank', ['name']); })() } : {}),
      ...(input.inbox_id !== undefined ? { inbox_id: await inboxOf(db, accountId, input.inbox_id) } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.stop_on_reply !== undefined ? { stop_on_reply: input.stop_on_reply } : {}),
      ...(input.steps !== undefined ? { steps: JSON.stringify(stepsOf(input.steps)) } : {}),
      updated_at: new Date(),
    })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
  return getSequenceById(db, accountId, id);
}

export async function deleteSequence(db: Db, accountId: number, id: number): Promise<void> {
  await getSequenceById(db, accountId, id);
  await db.deleteFrom('sequences').where('account_id', '=', accountId).where('id', '=', id).execute();
}
