import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { CrmCardNote } from '../../db/types.ts';
import { notFound, validation } from '../../errors.ts';
import { ownValue } from '../own.ts';
import { rangeConditions } from '../listing.ts';
import type { CrmListWindow } from './panels.ts';
import { getCard, type CardRow } from './cards.ts';

/** A note with the public ids WTS shows beside it. */
export type NoteRow = CrmCardNote & { card_uuid: string; panel_uuid: string; user_uuid: string | null };

const NOTE_SELECT = sql`
  SELECT n.*, k.uuid::text AS card_uuid, p.uuid::text AS panel_uuid, u.uuid::text AS user_uuid
  FROM crm_card_notes n JOIN crm_cards k ON k.id = n.card_id JOIN crm_panels p ON p.id = k.panel_id LEFT JOIN users u ON u.id = n.user_id`;

const ORDER_COLUMNS = { createdat: sql`n.created_at`, updatedat: sql`n.updated_at` } as const;

export type NoteQuery = CrmListWindow;

export async function listNotes(
  db: Db,
  accountId: number,
  cardUuid: string,
  q: NoteQuery,
): Promise<{ rows: NoteRow[]; total: number }> {
  const column = ownValue(ORDER_COLUMNS, (q.orderBy ?? 'createdAt').toLowerCase());
  if (!column) throw validation('OrderBy must be one of: createdAt, updatedAt', ['OrderBy']);
  const card = await getCard(db, accountId, cardUuid);
  const where = sql.join(
    [
      sql`n.card_id = ${card.id}`,
      ...rangeConditions([
        [q.createdAt, sql`n.created_at`],
        [q.updatedAt, sql`n.updated_at`],
      ]),
    ],
    sql` AND `,
  );
  const direction = q.descending ? sql`DESC` : sql`ASC`;
  const [rows, count] = await Promise.all([
    sql<NoteRow>`${NOTE_SELECT} WHERE ${where} ORDER BY ${column} ${direction}, n.id ${direction} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(
      db,
    ),
    sql<{ total: number }>`SELECT count(*)::int AS total FROM crm_card_notes n WHERE ${where}`.execute(db),
  ]);
  return { rows: rows.rows, total: count.rows[0].total };
}

async function noteById(db: Db, id: number): Promise<NoteRow> {
  const { rows } = await sql<NoteRow>`${NOTE_SELECT} WHERE n.id = ${id}`.execute(db);
  return rows[0];
}

/** WTS notes carry text and file URLs (kept as given: Switchboard does not fetch them); one of them is needed. */
export async function addNote(
  db: Db,
  accountId: number,
  userId: number,
  cardUuid: string,
  input: { text?: string; fileUrls?: string[] },
): Promise<NoteRow> {
  const card: CardRow = await getCard(db, accountId, cardUuid);
  const text = input.text?.trim() ?? '';
  const fileUrls = input.fileUrls ?? [];
  if (!text && !fileUrls.length) throw validation('text or fileUrls is required', ['text']);
  for (const [i, url] of fileUrls.entries()) {
    if (!/^https?:\/\/\S+$/i.test(url)) throw validation(`fileUrls[${i}] is not an http(s) URL`, [`fileUrls[${i}]`]);
  }
  const note = await db
    .insertInto('crm_card_notes')
    .values({ account_id: accountId, card_id: card.id, user_id: userId, text, file_urls: JSON.stringify(fileUrls) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return noteById(db, note.id);
}

export async function deleteNote(db: Db, accountId: number, cardUuid: string, noteUuid: string): Promise<void> {
  const card = await getCard(db, accountId, cardUuid);
  const deleted = await db
    .deleteFrom('crm_card_notes')
    .where('card_id', '=', card.id)
    .where('uuid', '=', noteUuid)
    .executeTakeFirst();
  if (!deleted.numDeletedRows) throw notFound('Note');
}
