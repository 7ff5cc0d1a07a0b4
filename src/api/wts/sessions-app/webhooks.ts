import type { Db } from '../../../db/pool.ts';
import type { Webhook } from '../../../db/types.ts';
import { notFound, validation } from '../../../errors.ts';
import { randomToken } from '../../../domain/auth/secrets.ts';
import { isOwnKey } from '../../../domain/own.ts';

/**
 * The WTS webhook events Switchboard emits (`GET /core/v1/webhook/event`), each from one outbox event
 * (api/wts/webhooks/fanout.ts). WTS's payment events have no source here; the CRM card event names are
 * Switchboard's (WTS's own were not found in its public material).
 */
export const WTS_WEBHOOK_EVENTS = {
  SESSION_NEW: 'A session was started',
  SESSION_UPDATE: 'A session changed: status, agent, department, metadata, tags',
  SESSION_COMPLETE: 'A session was completed',
  MESSAGE_RECEIVED: 'A contact sent a message',
  MESSAGE_SENT: 'A message was sent to a contact (agent, bot or API)',
  MESSAGE_UPDATED: 'A message changed: delivery status, content',
  CONTACT_NEW: 'A contact was created',
  CONTACT_UPDATE: 'A contact changed',
  CONTACT_TAG_UPDATE: 'A contact’s tags changed',
  PANEL_CARD_NEW: 'A CRM card was created (or duplicated)',
  PANEL_CARD_UPDATE: 'A CRM card changed: step, title, value, due date, contacts, tags, custom fields, status',
  PANEL_CARD_STEP_CHANGE: 'A CRM card moved to another step',
} as const;
export type WtsWebhookEvent = keyof typeof WTS_WEBHOOK_EVENTS;
export const WTS_EVENT_NAMES = Object.keys(WTS_WEBHOOK_EVENTS) as WtsWebhookEvent[];

/** The paused_reason of a subscription its owner disabled (as opposed to one paused by failing deliveries). */
export const DISABLED = 'disabled';

export interface SubscriptionInput {
  name?: string;
  url?: string;
  enabled?: boolean;
  events?: string[];
}

function checkEvents(events: string[] | undefined): string[] | undefined {
  if (events === undefined) return undefined;
  const unknown = events.filter((e) => !isOwnKey(WTS_WEBHOOK_EVENTS, e));
  if (unknown.length)
    throw validation(
      `events ${unknown.join(', ')}: not an event Switchboard sends (one of: ${WTS_EVENT_NAMES.join(', ')})`,
      ['events'],
    );
  if (!events.length) throw validation('events must list at least one event', ['events']);
  return [...new Set(events)];
}

const scoped = (db: Db, accountId: number) =>
  db.selectFrom('webhooks').selectAll().where('account_id', '=', accountId).where('dialect', '=', 'wts');

export async function listSubscriptions(db: Db, accountId: number): Promise<Webhook[]> {
  return scoped(db, accountId).orderBy('id').execute();
}

export async function getSubscription(db: Db, accountId: number, uuid: string): Promise<Webhook> {
  const webhook = await scoped(db, accountId).where('uuid', '=', uuid).executeTakeFirst();
  if (!webhook) throw notFound('Webhook subscription');
  return webhook;
}

/** A subscription is a `wts` row of the webhooks table: the Chatwoot dialect's delivery machinery sends it. */
export async function createSubscription(
  db: Db,
  accountId: number,
  input: Required<Pick<SubscriptionInput, 'name' | 'url' | 'events'>> & SubscriptionInput,
): Promise<Webhook> {
  return db
    .insertInto('webhooks')
    .values({
      account_id: accountId,
      dialect: 'wts',
      name: input.name,
      url: input.url,
      subscriptions: checkEvents(input.events)!,
      status: input.enabled === false ? 'paused' : 'active',
      paused_reason: input.enabled === false ? DISABLED : null,
      secret: randomToken(24),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const SUBSCRIPTION_FIELDS = ['Name', 'Url', 'Events', 'Enabled'] as const;
export type SubscriptionField = (typeof SUBSCRIPTION_FIELDS)[number];

/** Changes the listed fields; enabling a paused subscription resumes its held deliveries. */
export async function updateSubscription(
  db: Db,
  accountId: number,
  uuid: string,
  fields: SubscriptionField[],
  input: SubscriptionInput,
): Promise<Webhook> {
  const current = await getSubscription(db, accountId, uuid);
  const has = (f: SubscriptionField) => fields.includes(f);
  for (const [field, key] of [
    ['Name', 'name'],
    ['Url', 'url'],
    ['Events', 'events'],
    ['Enabled', 'enabled'],
  ] as const) {
    if (has(field) && input[key] === undefined)
      throw validation(`${key} is required when fields lists ${field}`, [key]);
  }
  return db
    .updateTable('webhooks')
    .set({
      ...(has('Name') ? { name: input.name } : {}),
      ...(has('Url') ? { url: input.url } : {}),
      ...(has('Events') ? { subscriptions: checkEvents(input.events) } : {}),
      ...(has('Enabled')
        ? { status: input.enabled ? 'active' : 'paused', paused_reason: input.enabled ? null : DISABLED }
        : {}),
      updated_at: new Date(),
    })
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteSubscription(db: Db, accountId: number, uuid: string): Promise<void> {
  const current = await getSubscription(db, accountId, uuid);
  await db.deleteFrom('webhooks').where('id', '=', current.id).execute();
}
