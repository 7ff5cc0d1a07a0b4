import { getInAccount } from '../../db/scoped.ts';
import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { CannedResponse } from '../../db/types.ts';

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The account's canned responses; `search` matches short code or content, short-code prefixes first. */
export async function listCannedResponses(db: Db, accountId: number, search?: string): Promise<CannedResponse[]> {
  let query = db.selectFrom('canned_responses').selectAll().where('account_id', '=', accountId);
  const term = search?.trim();
  if (term) {
    const pattern = `%${likeEscape(term)}%`;
    query = query
      .where((eb) => eb.or([eb('short_code', 'ilike', pattern), eb('content', 'ilike', pattern)]))
      .orderBy(sql`short_code ILIKE ${`${likeEscape(term)}%`}`, 'desc');
  }
  return query.orderBy('id').execute();
}

export async function getCannedResponse(db: Db, accountId: number, id: number): Promise<CannedResponse> {
  return getInAccount(db, 'canned_responses', accountId, id);
}
