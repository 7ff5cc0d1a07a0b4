import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { SequenceStep } from '../../db/types.ts';
import { notFound, validation } from '../../errors.ts';
import { inTransaction } from '../../db/transaction.ts';
import { SCHEDULED_CHANNEL } from '../scheduled_messages/repository.ts';
import { contactFor, recipientOf } from '../conversations/addresses.ts';
import type { SequenceRow } from './repository.ts';
import { nextAt } from './run.ts';

export interface ContactRefs {
  contactIds?: string[];
  phoneNumbers?: string[];
}

/** Most contacts one batch call names (ids and phone numbers together). */
export const MAX_BATCH = 1000;

/** A phone number of the refs, normalized; anything else (an email, a username) is refused. */
function phoneKey(phone: string): string {
  let key;
  try {
    key = recipientOf(phone);
  } catch {
    key = undefined;
  }
  if (!key || !('phone_number' in key)) throw validation(`phoneNumber ${phone} is not a phone number`, ['phoneNumber']);
  return key.phone_number;
}

/**
 * The account's contacts the refs name. An id that is not a contact of the account is a 404 (another company's
 * contact is not told apart from none). Phone numbers are checked first, then unknown ones created when `create`.
 */
async function contactIdsOf(db: Db, sequence: SequenceRow, refs: ContactRefs, create: boolean): Promise<number[]> {
  const phones = [...new Set((refs.phoneNumbers ?? []).map(phoneKey))];
  const uuids = [...new Set(refs.contactIds ?? [])];
  if (uuids.length + phones.length > MAX_BATCH)
    throw validation(`at most ${MAX_BATCH} contacts per call`, ['contactIds']);
  const ids = new Set<number>();
  if (uuids.length) {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'uuid'])
      .where('account_id', '=', sequence.account_id)
      .where('uuid', 'in', uuids)
      .execute();
    if (rows.length < uuids.length) throw notFound('Contact');
    rows.forEach((r) => ids.add(r.id));
  }
  if (phones.length) {
    const found = await db
      .selectFrom('contacts')
      .select(['id', 'phone_number'])
      .where('account_id', '=', sequence.account_id)
      .where('phone_number', 'in', phones)
      .execute();
    found.forEach((r) => ids.add(r.id));
    const unknown = phones.filter((p) => !found.some((r) => r.phone_number === p));
    if (create && unknown.length) {
      const inbox = await db
        .selectFrom('inboxes')
        .selectAll()
        .where('id', '=', sequence.inbox_id)
        .executeTakeFirstOrThrow();
      for (const phone of unknown) ids.add((await contactFor(db, sequence.account_id, inbox, phone)).id);
    }
  }
  return [...ids];
}

/**
 * Enrols contacts at step 1 (its delay counted from now), in one transaction: a bad ref stores nothing, not even
 * the contacts its phone numbers would create. A contact already running the sequence keeps its place; one that
 * finished, stopped or was removed starts over. Answers the enrolments' uuids.
 */
export async function enrolContacts(
  db: Db,
  sequence: SequenceRow,
  refs: ContactRefs,
  userId: number | null,
  origin: 'API' | 'USER_SINGLE' | 'USER_FILTER',
): Promise<string[]> {
  if (!refs.contactIds?.length && !refs.phoneNumbers?.length)
    throw validation('contactId or phoneNumber is required', ['contactId']);
  const uuids = await inTransaction(db, async (trx) => {
    const contactIds = await contactIdsOf(trx, sequence, refs, true);
    const first = nextAt(sequence.steps as SequenceStep[], 0);
    const now = new Date();
    const rows = await trx
      .insertInto('sequence_contacts')
      .values(
        contactIds.map((contact_id) => ({
          account_id: sequence.account_id,
          sequence_id: sequence.id,
          contact_id,
          added_by_user_id: userId,
          origin,
          next_at: first,
          last_added_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['sequence_id', 'contact_id']).doUpdateSet({
          status: sql`'ACTIVE'`,
          next_step: sql`CASE WHEN sequence_contacts.status = 'ACTIVE' THEN sequence_contacts.next_step ELSE 0 END`,
          next_at: sql`CASE WHEN sequence_contacts.status = 'ACTIVE' THEN sequence_contacts.next_at ELSE excluded.next_at END`,
          stop_reason: sql`CASE WHEN sequence_contacts.status = 'ACTIVE' THEN sequence_contacts.stop_reason ELSE NULL END`,
          last_added_at: sql`CASE WHEN sequence_contacts.status = 'ACTIVE' THEN sequence_contacts.last_added_at ELSE excluded.last_added_at END`,
          added_by_user_id: (eb) => eb.ref('excluded.added_by_user_id'),
          origin: (eb) => eb.ref('excluded.origin'),
          updated_at: now,
        }),
      )
      .returning('uuid')
      .execute();
    // Committed with the rows: the sender wakes once they are visible.
    await sql`SELECT pg_notify(${SCHEDULED_CHANNEL}, '')`.execute(trx);
    return rows.map((r) => r.uuid);
  });
  return uuids;
}

/** Takes contacts out of the sequence (REMOVED: no further step). Ids of other companies are refused like unknown ones. */
export async function removeContacts(db: Db, sequence: SequenceRow, refs: ContactRefs): Promise<number> {
  const contactIds = await contactIdsOf(db, sequence, refs, false);
  if (!contactIds.length) return 0;
  const result = await db
    .updateTable('sequence_contacts')
    .set({ status: 'REMOVED', next_at: null, updated_at: new Date() })
    .where('account_id', '=', sequence.account_id)
    .where('sequence_id', '=', sequence.id)
    .where('contact_id', 'in', contactIds)
    .where('status', '=', 'ACTIVE')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

type Range = { after?: Date; before?: Date };

export async function listEnrolments(
  db: Db,
  sequence: SequenceRow,
  f: { name?: string; contactId?: string; phoneNumber?: string; uuids?: string[]; createdAt: Range; updatedAt: Range },
  page: { orderBy: string; descending: boolean; page: number; pageSize: number },
) {
  let query = db
    .selectFrom('sequence_contacts as e')
    .innerJoin('contacts as c', 'c.id', 'e.contact_id')
    .leftJoin('users as u', 'u.id', 'e.added_by_user_id')
    .selectAll('e')
    .select([
      'c.uuid as contact_uuid',
      'c.name as contact_name',
      'c.phone_number as contact_phone',
      'c.email as contact_email',
      'c.avatar_url as contact_picture',
      'u.uuid as user_uuid',
    ])
    .select(sql<string | null>`c.additional_attributes -> 'social_profiles' ->> 'instagram'`.as('contact_instagram'))
    .where('e.account_id', '=', sequence.account_id)
    .where('e.sequence_id', '=', sequence.id)
    .where('e.status', '!=', 'REMOVED');
  if (f.name) query = query.where('c.name', 'ilike', `%${f.name.replace(/[\\%_]/g, '\\$&')}%`);
  if (f.contactId) query = query.where('c.uuid', '=', f.contactId);
  if (f.uuids) query = query.where('e.uuid', 'in', f.uuids.length ? f.uuids : ['00000000-0000-0000-0000-000000000000']);
  if (f.phoneNumber) query = query.where('c.phone_number', 'like', `%${f.phoneNumber.replace(/[^\d]/g, '')}%`);
  for (const [column, range] of [
    ['e.created_at', f.createdAt],
    ['e.updated_at', f.updatedAt],
  ] as const) {
    if (range.after) query = query.where(column, '>=', range.after);
    if (range.before) query = query.where(column, '<=', range.before);
  }
  const { total } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const column =
    page.orderBy === 'updatedAt' ? 'e.updated_at' : page.orderBy === 'lastAddedAt' ? 'e.last_added_at' : 'e.created_at';
  const rows = await query
    .orderBy(column, page.descending ? 'desc' : 'asc')
    .orderBy('e.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

export type EnrolmentRow = Awaited<ReturnType<typeof listEnrolments>>['rows'][number];

export async function enrolmentsByUuid(db: Db, sequence: SequenceRow, uuids: string[]): Promise<EnrolmentRow[]> {
  if (!uuids.length) return [];
  const { rows } = await listEnrolments(
    db,
    sequence,
    { uuids, createdAt: {}, updatedAt: {} },
    { orderBy: 'createdAt', descending: false, page: 1, pageSize: uuids.length },
  );
  return rows;
}
