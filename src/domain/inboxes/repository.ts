import type { Db } from '../../db/pool.ts';
import type { Inbox } from '../../db/types.ts';
import { randomToken } from '../auth/secrets.ts';

export async function findInbox(db: Db, accountId: number, inboxId: number): Promise<Inbox | undefined> {
  return db
    .selectFrom('inboxes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', inboxId)
    .executeTakeFirst();
}

export async function findInboxesByIds(db: Db, accountId: number, ids: number[]): Promise<Inbox[]> {
  if (!ids.length) return [];
  return db.selectFrom('inboxes').selectAll().where('account_id', '=', accountId).where('id', 'in', ids).execute();
}

export interface NewInbox {
  name: string;
  channel_type: string;
  webhook_url?: string | null;
  channel?: Record<string, unknown>;
}

export async function insertInbox(db: Db, accountId: number, input: NewInbox): Promise<Inbox> {
  return db
    .insertInto('inboxes')
    .values({
      account_id: accountId,
      name: input.name,
      channel_type: input.channel_type,
      identifier: randomToken(18),
      hmac_token: randomToken(18),
      webhook_url: input.webhook_url ?? null,
      channel: input.channel ?? {},
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
