import type { Db } from '../../db/pool.ts';
import type { ContactNote } from '../../db/types.ts';
import { notFound } from '../../errors.ts';

export async function listNotes(db: Db, accountId: number, contactId: number): Promise<ContactNote[]> {
  return db
    .selectFrom('contact_notes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function getNote(db: Db, accountId: number, contactId: number, noteId: number): Promise<ContactNote> {
  const note = await db
    .selectFrom('contact_notes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .where('id', '=', noteId)
    .executeTakeFirst();
  if (!note) throw notFound();
  return note;
}

export async function createNote(
  db: Db,
  accountId: number,
  contactId: number,
  userId: number | null,
  content: string,
): Promise<ContactNote> {
  return db
    .insertInto('contact_notes')
    .values({ account_id: accountId, contact_id: contactId, user_id: userId, content })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateNote(
  db: Db,
  accountId: number,
  contactId: number,
  noteId: number,
  content: string,
): Promise<ContactNote> {
  const note = await db
    .updateTable('contact_notes')
    .set({ content, updated_at: new Date() })
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .where('id', '=', noteId)
    .returningAll()
    .executeTakeFirst();
  if (!note) throw notFound();
  return note;
}

export async function deleteNote(db: Db, accountId: number, contactId: number, noteId: number): Promise<void> {
  const result = await db
    .deleteFrom('contact_notes')
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .where('id', '=', noteId)
    .executeTakeFirst();
  if (!result.numDeletedRows) throw notFound();
}
