import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { CustomFilter, CustomFilterType } from '../../db/types.ts';
import { notFound, validation } from '../../errors.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { FilterCondition } from '../filters/conditions.ts';

/**
 * Saved filters (Chatwoot's custom views): each belongs to one user in one account, and only that user lists,
 * reads, changes or deletes it; anyone else's id is simply not found.
 */

/** Chatwoot's cap: a user keeps at most this many saved filters per account. */
export const MAX_FILTERS_PER_USER = 50;
/** A saved query is a filter payload, not a document store. */
export const MAX_QUERY_BYTES = 64 * 1024;

export interface Owner {
  accountId: number;
  userId: number;
}

export interface CustomFilterInput {
  name?: string;
  filter_type?: CustomFilterType;
  query?: Record<string, unknown>;
}

function columns(input: CustomFilterInput): { name?: string; filter_type?: CustomFilterType; query?: string } {
  const out: { name?: string; filter_type?: CustomFilterType; query?: string } = {};
  if (input.name !== undefined) {
    out.name = input.name.trim();
    if (!out.name) throw validation("Name can't be blank", ['name']);
  }
  if (input.filter_type !== undefined) out.filter_type = input.filter_type;
  if (input.query !== undefined) {
    out.query = JSON.stringify(input.query);
    if (Buffer.byteLength(out.query) > MAX_QUERY_BYTES)
      throw validation(`Query is too long (at most ${MAX_QUERY_BYTES} bytes)`, ['query']);
  }
  return out;
}

const owned = (db: Db, owner: Owner) =>
  db
    .selectFrom('custom_filters')
    .selectAll()
    .where('account_id', '=', owner.accountId)
    .where('user_id', '=', owner.userId);

export async function listCustomFilters(db: Db, owner: Owner, filterType: CustomFilterType): Promise<CustomFilter[]> {
  return owned(db, owner).where('filter_type', '=', filterType).orderBy('id').execute();
}

export async function getCustomFilter(db: Db, owner: Owner, id: number): Promise<CustomFilter> {
  const row = await owned(db, owner).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function createCustomFilter(db: Db, owner: Owner, input: CustomFilterInput): Promise<CustomFilter> {
  const values = columns(input);
  if (values.name === undefined) throw validation("Name can't be blank", ['name']);
  if (values.query === undefined) throw validation("Query can't be blank", ['query']);
  const { name, query } = values;
  return inTransaction(db, async (trx) => {
    // One user's creates are serialised, so two at once cannot both pass the count.
    await sql`SELECT pg_advisory_xact_lock(hashtext('custom_filters'), ${owner.userId}::int)`.execute(trx);
    const { count } = await trx
      .selectFrom('custom_filters')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('account_id', '=', owner.accountId)
      .where('user_id', '=', owner.userId)
      .executeTakeFirstOrThrow();
    if (Number(count) >= MAX_FILTERS_PER_USER) {
      throw validation(`We do not allow creating more than ${MAX_FILTERS_PER_USER} custom views per account per user`, [
        'account_id',
      ]);
    }
    return trx
      .insertInto('custom_filters')
      .values({ account_id: owner.accountId, user_id: owner.userId, name, query, filter_type: values.filter_type })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export async function updateCustomFilter(
  db: Db,
  owner: Owner,
  id: number,
  input: CustomFilterInput,
): Promise<CustomFilter> {
  const values = columns(input);
  const row = await db
    .updateTable('custom_filters')
    .set({ ...values, updated_at: new Date() })
    .where('account_id', '=', owner.accountId)
    .where('user_id', '=', owner.userId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function deleteCustomFilter(db: Db, owner: Owner, id: number): Promise<void> {
  const result = await db
    .deleteFrom('custom_filters')
    .where('account_id', '=', owner.accountId)
    .where('user_id', '=', owner.userId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!result.numDeletedRows) throw notFound();
}

/**
 * The conditions of one of the caller's saved filters, for the filter endpoints' `custom_filter_id` (beyond
 * Chatwoot, whose dashboard posts the saved query itself). The query is kept as Chatwoot's dashboard saves it,
 * `{payload: [...]}`, or as the bare array; another user's filter is not found, another type's is refused.
 */
export async function savedFilterConditions(
  db: Db,
  owner: Owner,
  id: number,
  filterType: CustomFilterType,
): Promise<FilterCondition[]> {
  const saved = await getCustomFilter(db, owner, id);
  if (saved.filter_type !== filterType)
    throw validation(`Custom filter ${id} is a ${saved.filter_type} filter, not a ${filterType} filter`, [
      'custom_filter_id',
    ]);
  const query = saved.query as unknown;
  const conditions = Array.isArray(query)
    ? query
    : query && typeof query === 'object'
      ? (query as { payload?: unknown }).payload
      : undefined;
  if (!Array.isArray(conditions) || !conditions.length)
    throw validation(`Custom filter ${id} has no conditions`, ['custom_filter_id']);
  return conditions as FilterCondition[];
}
