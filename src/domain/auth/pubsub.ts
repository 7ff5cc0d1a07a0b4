import type { Db } from '../../db/pool.ts';
import { memberInboxIds, membershipRole } from './principals.ts';

export type RealtimeIdentity =
  | { kind: 'agent'; accountId: number; userId: number; inboxIds?: number[] }
  | { kind: 'contact'; accountId: number; contactInboxId: number; contactId: number };

/**
 * Who a realtime subscription speaks for: a user's pubsub token (with the account it watches, where it
 * must be a member) or a contact inbox's pubsub token (a widget or Client API caller).
 */
export async function identifyPubsubToken(
  db: Db,
  token: string,
  accountId?: number,
  userId?: number,
): Promise<RealtimeIdentity | undefined> {
  if (!token) return undefined;
  const user = await db.selectFrom('users').select('id').where('pubsub_token', '=', token).executeTakeFirst();
  if (user) {
    if (!accountId || (userId !== undefined && userId !== user.id)) return undefined;
    const role = await membershipRole(db, accountId, user.id);
    if (!role) return undefined;
    return {
      kind: 'agent',
      accountId,
      userId: user.id,
      inboxIds: role === 'agent' ? await memberInboxIds(db, accountId, user.id) : undefined,
    };
  }
  const contactInbox = await db
    .selectFrom('contact_inboxes')
    .select(['id', 'account_id', 'contact_id'])
    .where('pubsub_token', '=', token)
    .executeTakeFirst();
  if (contactInbox)
    return {
      kind: 'contact',
      accountId: contactInbox.account_id,
      contactInboxId: contactInbox.id,
      contactId: contactInbox.contact_id,
    };
  return undefined;
}
