import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Label } from '../../db/types.ts';
import { notFound, validation } from '../../errors.ts';
import { recordEvents } from '../outbox.ts';
import { createLabel, deleteLabel, updateLabel } from './commands.ts';
import { DEFAULT_TAG_COLOR, hexOfTagColor } from './palette.ts';
import { inTransaction } from '../../db/transaction.ts';

/**
 * WTS tags over the labels table. A tag's name is free text ("Cliente VIP"); its label title is the slug
 * Chatwoot accepts ("cliente-vip"), which conversations and contacts carry, and the name is kept beside it
 * as `display_name`. So both dialects see one label: Chatwoot by title, WTS by name; a tag name that slugs to
 * another tag's title is refused rather than silently merged.
 */

/** The label title of a tag name: lower-cased, each run of other characters than letters, digits, _ and - one hyphen. */
export function titleOfTag(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The name WTS shows for a label. */
export const tagName = (label: Pick<Label, 'title' | 'display_name'>): string => label.display_name ?? label.title;

function nameColumns(name: string) {
  const trimmed = name.trim();
  if (!trimmed) throw validation('name is required', ['name']);
  const title = titleOfTag(trimmed);
  if (!title) throw validation(`name ${trimmed} needs at least one letter or digit`, ['name']);
  return { title, display_name: trimmed === title ? null : trimmed };
}

function hexOf(color: string): string {
  const hex = hexOfTagColor(color);
  if (!hex) throw validation(`color ${color} is not a tag colour (GET /core/v1/tag/color lists them)`, ['color']);
  return hex;
}

async function refuseTakenTitle(db: Db, accountId: number, name: string, title: string, exceptId?: number) {
  const taken = await db
    .selectFrom('labels')
    .select(['id', 'title', 'display_name'])
    .where('account_id', '=', accountId)
    .where('title', '=', title)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst();
  if (taken)
    throw validation(`name ${name.trim()} is taken: the tag ${tagName(taken)} has the same label title (${title})`, [
      'name',
    ]);
}

export async function getTag(db: Db, accountId: number, uuid: string): Promise<Label> {
  const label = await db
    .selectFrom('labels')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('uuid', '=', uuid)
    .executeTakeFirst();
  if (!label) throw notFound('Tag');
  return label;
}

export async function createTag(db: Db, accountId: number, input: { name: string; color?: string }): Promise<Label> {
  const columns = nameColumns(input.name);
  const color = hexOf(input.color ?? DEFAULT_TAG_COLOR);
  await refuseTakenTitle(db, accountId, input.name, columns.title);
  return createLabel(db, accountId, { ...columns, color });
}

/** A new name renames the label everywhere (conversations and contacts follow, labels/commands.ts); no colour keeps it. */
export async function updateTag(
  db: Db,
  accountId: number,
  uuid: string,
  input: { name: string; color?: string },
): Promise<Label> {
  const label = await getTag(db, accountId, uuid);
  const columns = nameColumns(input.name);
  const color = input.color === undefined ? undefined : hexOf(input.color);
  await refuseTakenTitle(db, accountId, input.name, columns.title, label.id);
  return updateLabel(db, accountId, label.id, { ...columns, ...(color ? { color } : {}) });
}

/**
 * Deletes a tag. On contacts it needs `removeFromContacts`, as WTS asks; then it leaves every contact in one
 * transaction, each recording contact.updated (WTS: CONTACT_TAG_UPDATE). Conversation labels stay, as a
 * Chatwoot label deletion leaves them.
 */
export async function deleteTag(db: Db, accountId: number, uuid: string, removeFromContacts: boolean): Promise<void> {
  const label = await getTag(db, accountId, uuid);
  await inTransaction(db, async (trx) => {
    const carrying = await trx
      .selectFrom('contacts')
      .select(['id', 'labels'])
      .where('account_id', '=', accountId)
      .where(sql<boolean>`labels @> ARRAY[${label.title}]::text[]`)
      .forUpdate()
      .execute();
    if (carrying.length && !removeFromContacts) {
      throw validation(
        `removeFromContacts is required: the tag ${tagName(label)} is on ${carrying.length} contact(s)`,
        ['removeFromContacts'],
      );
    }
    if (carrying.length) {
      const updated = await trx
        .updateTable('contacts')
        .set({ labels: sql<string[]>`array_remove(labels, ${label.title})`, updated_at: new Date() })
        .where(
          'id',
          'in',
          carrying.map((c) => c.id),
        )
        .returning(['id', 'labels'])
        .execute();
      const before = new Map(carrying.map((c) => [c.id, c.labels]));
      await recordEvents(
        trx,
        accountId,
        updated.map((c) => ({
          name: 'contact.updated',
          contactId: c.id,
          data: { changed_attributes: { labels: { previous_value: before.get(c.id), current_value: c.labels } } },
        })),
      );
    }
    await deleteLabel(trx, accountId, label.id);
  });
}
