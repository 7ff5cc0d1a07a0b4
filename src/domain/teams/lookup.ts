import type { Db } from '../../db/pool.ts';
import type { Team } from '../../db/types.ts';
import { validation } from '../../errors.ts';

/**
 * The account's team a request names by public id or (case-insensitively) by name; none when it names neither.
 * `fields` are the names the caller's clients know the two by, for the error that names the one given.
 */
export async function teamNamed(
  db: Db,
  accountId: number,
  ref: { id?: string | null; name?: string | null } | undefined,
  fields: { id: string; name: string },
): Promise<Team | undefined> {
  if (!ref?.id && !ref?.name) return undefined;
  let query = db.selectFrom('teams').selectAll().where('account_id', '=', accountId);
  query = ref.id
    ? query.where('uuid', '=', ref.id)
    : query.where((eb) => eb(eb.fn('lower', ['name']), '=', ref.name!.toLowerCase()));
  const team = await query.executeTakeFirst();
  const field = ref.id ? fields.id : fields.name;
  if (!team) throw validation(`${field} ${ref.id ?? ref.name} is not a department of this company`, [field]);
  return team;
}
