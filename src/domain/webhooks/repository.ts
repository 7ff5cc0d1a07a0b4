import { deleteInAccount, getInAccount, updateInAccount } from '../../db/scoped.ts';
import type { Db } from '../../db/pool.ts';
import type { Webhook } from '../../db/types.ts';
import { notFound, validation } from '../../errors.ts';
import { randomToken } from '../auth/secrets.ts';
import { definedFields } from '../fields.ts';
import { WEBHOOK_EVENTS } from './events.ts';

export { WEBHOOK_EVENTS } from './events.ts';

export interface WebhookInput {
  url?: string;
  name?: string | null;
  subscriptions?: string[];
  inbox_id?: number | null;
  status?: 'active' | 'paused';
}

function checkSubscriptions(subscriptions: string[] | undefined) {
  if (subscriptions === undefined) return;
  if (!subscriptions.length || subscriptions.some((s) => !(WEBHOOK_EVENTS as readonly string[]).includes(s))) {
    throw validation('Invalid events', ['subscriptions']);
  }
}

async function checkInbox(db: Db, accountId: number, inboxId: number | null | undefined) {
  if (!inboxId) return;
  const inbox = await db
    .selectFrom('inboxes')
    .select('id')
    .where('account_id', '=', accountId)
    .where('id', '=', inboxId)
    .executeTakeFirst();
  if (!inbox) throw validation('Inbox does not exist', ['inbox_id']);
}

export async function listWebhooks(db: Db, accountId: number): Promise<Webhook[]> {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('dialect', '=', 'chatwoot')
    .orderBy('id')
    .execute();
}

/** A Chatwoot-dialect webhook; WTS subscriptions (same table, dialect 'wts') are not Chatwoot's to show. */
export async function getWebhook(db: Db, accountId: number, id: number): Promise<Webhook> {
  const webhook = await getInAccount(db, 'webhooks', accountId, id);
  if (webhook.dialect !== 'chatwoot') throw notFound();
  return webhook;
}

export async function createWebhook(
  db: Db,
  accountId: number,
  input: WebhookInput & { url: string },
): Promise<Webhook> {
  const subscriptions = input.subscriptions ?? [...WEBHOOK_EVENTS];
  checkSubscriptions(subscriptions);
  await checkInbox(db, accountId, input.inbox_id);
  return db
    .insertInto('webhooks')
    .values({
      account_id: accountId,
      url: input.url,
      name: input.name ?? null,
      subscriptions,
      inbox_id: input.inbox_id ?? null,
      secret: randomToken(24),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateWebhook(db: Db, accountId: number, id: number, input: WebhookInput): Promise<Webhook> {
  checkSubscriptions(input.subscriptions);
  await checkInbox(db, accountId, input.inbox_id);
  await getWebhook(db, accountId, id);
  const values = definedFields(input, ['url', 'name', 'subscriptions', 'inbox_id', 'status']);
  return updateInAccount(db, 'webhooks', accountId, id, {
    ...values,
    ...(input.status === 'active' ? { paused_reason: null } : {}),
  });
}

export async function deleteWebhook(db: Db, accountId: number, id: number): Promise<void> {
  await getWebhook(db, accountId, id);
  await deleteInAccount(db, 'webhooks', accountId, id);
}
