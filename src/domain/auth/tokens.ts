import type { Db } from '../../db/pool.ts';
import type { TokenOwnerType } from '../../db/types.ts';
import { randomToken, tokenDigest } from './secrets.ts';

/** Mints a token for an owner; only its digest is stored, so the caller must hand the token out now. */
export async function issueToken(db: Db, ownerType: TokenOwnerType, ownerId: number): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('access_tokens')
    .values({ owner_type: ownerType, owner_id: ownerId, token_digest: tokenDigest(token) })
    .execute();
  return token;
}

/** Replaces every token of an owner with a new one. */
export async function resetTokens(db: Db, ownerType: TokenOwnerType, ownerId: number): Promise<string> {
  await db.deleteFrom('access_tokens').where('owner_type', '=', ownerType).where('owner_id', '=', ownerId).execute();
  return issueToken(db, ownerType, ownerId);
}

export async function findTokenOwner(
  db: Db,
  token: string,
): Promise<{ ownerType: TokenOwnerType; ownerId: number } | undefined> {
  const row = await db
    .selectFrom('access_tokens')
    .select(['owner_type', 'owner_id'])
    .where('token_digest', '=', tokenDigest(token))
    .executeTakeFirst();
  return row && { ownerType: row.owner_type, ownerId: row.owner_id };
}
