import type { Db } from '../../db/pool.ts';
import { validation } from '../../errors.ts';

export const TAG_OPERATIONS = ['InsertIfNotExists', 'DeleteIfExists', 'ReplaceAll'] as const;
export type TagOperation = (typeof TAG_OPERATIONS)[number];

export interface TagRefs {
  tagIds?: string[];
  tagNames?: string[];
}

/**
 * The label titles tag references name (by public id or by name). Ids win over names, as the WTS dialect documents ("tagNames is ignored when tagIds is
 * given"); names match case-insensitively. A tag the company does not have is refused by name, not dropped.
 */
export async function resolveTags(db: Db, accountId: number, refs: TagRefs): Promise<string[]> {
  const byId = Boolean(refs.tagIds?.length);
  const wanted = [...new Set(byId ? refs.tagIds! : (refs.tagNames ?? []).map((n) => n.trim()).filter(Boolean))];
  if (!wanted.length) return [];
  const labels = await db
    .selectFrom('labels')
    .select(['uuid', 'title', 'display_name'])
    .where('account_id', '=', accountId)
    .execute();
  // A name is the tag's WTS name or its label title (titles are lower-case; names match ignoring case).
  const named = (ref: string) =>
    labels.find((l) => l.display_name?.toLowerCase() === ref.toLowerCase()) ??
    labels.find((l) => l.title === ref.toLowerCase());
  return wanted.map((ref) => {
    const label = byId ? labels.find((l) => l.uuid === ref) : named(ref);
    const field = byId ? 'tagIds' : 'tagNames';
    if (!label) throw validation(`${field} ${ref} is not a tag of this company`, [field]);
    return label.title;
  });
}

/** InsertIfNotExists adds what is missing, DeleteIfExists removes what is there, ReplaceAll sets exactly these. */
export function applyTagOperation(current: string[], tags: string[], operation: TagOperation): string[] {
  const lower = new Set(tags.map((t) => t.toLowerCase()));
  switch (operation) {
    case 'InsertIfNotExists':
      return [...current, ...tags.filter((t) => !current.some((c) => c.toLowerCase() === t.toLowerCase()))];
    case 'DeleteIfExists':
      return current.filter((c) => !lower.has(c.toLowerCase()));
    case 'ReplaceAll':
      return [...new Set(tags)];
  }
}
