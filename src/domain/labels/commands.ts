import { deleteInAccount } from '../../db/scoped.ts';
import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Label } from '../../db/types.ts';
import { validation } from '../../errors.ts';
import { getLabel } from './repository.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface LabelInput {
  title?: string;
  description?: string | null;
  color?: string;
  show_on_sidebar?: boolean;
  /** The WTS tag name, when it differs from the title (tags.ts sets it; a Chatwoot rename clears it). */
  display_name?: string | null;
}

export const TITLE = /^[\p{L}\p{N}_-]+$/u;
const COLOR = /^#[0-9a-f]{6}$/i;

/** Titles are stored lower-cased; conversations and contacts refer to labels by title. */
function columns(input: LabelInput): LabelInput {
  const out: LabelInput = {};
  if (input.title !== undefined) {
    const title = input.title.trim().toLowerCase();
    if (!title) throw validation("Title can't be blank", ['title']);
    if (!TITLE.test(title)) throw validation('Title is invalid', ['title']);
    out.title = title;
  }
  if (input.color !== undefined) {
    if (!COLOR.test(input.color)) throw validation('Color is invalid', ['color']);
    out.color = input.color;
  }
  if (input.description !== undefined) out.description = input.description;
  if (input.show_on_sidebar !== undefined) out.show_on_sidebar = input.show_on_sidebar;
  if (input.display_name !== undefined) out.display_name = input.display_name;
  return out;
}

export async function createLabel(db: Db, accountId: number, input: LabelInput): Promise<Label> {
  const values = columns(input);
  if (!values.title) throw validation("Title can't be blank", ['title']);
  return db
    .insertInto('labels')
    .values({ ...values, title: values.title, account_id: accountId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** `labels` with one title replaced, in order, without a duplicate when the new title was already there. */
const renamed = (from: string, to: string) =>
  sql<string[]>`ARRAY(SELECT t.name FROM unnest(array_replace(labels, ${from}, ${to})) WITH ORDINALITY AS t(name, n)
    GROUP BY t.name ORDER BY min(t.n))`;

/** A renamed label keeps its conversations and contacts: their label lists follow the new title. */
export async function updateLabel(db: Db, accountId: number, id: number, input: LabelInput): Promise<Label> {
  const values = columns(input);
  const before = await getLabel(db, accountId, id);
  return inTransaction(db, async (trx) => {
    const after = await trx
      .updateTable('labels')
      // A new title without a new WTS name: the old name no longer describes it.
      .set({
        ...(values.title !== undefined && values.title !== before.title && values.display_name === undefined
          ? { display_name: null }
          : {}),
        ...values,
        updated_at: new Date(),
      })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (after.title !== before.title) {
      for (const table of ['conversations', 'contacts'] as const) {
        await trx
          .updateTable(table)
          .set({ labels: renamed(before.title, after.title) })
          .where('account_id', '=', accountId)
          .where(sql<boolean>`labels @> ARRAY[${before.title}]::text[]`)
          .execute();
      }
    }
    return after;
  });
}

export async function deleteLabel(db: Db, accountId: number, id: number): Promise<void> {
  await deleteInAccount(db, 'labels', accountId, id);
}
