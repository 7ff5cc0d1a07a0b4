import { sql } from 'kysely';
import { performance } from 'node:perf_hooks';
import type { Config } from '../config.ts';
import type { Db } from '../db/pool.ts';
import type { WebhookDelivery } from '../db/types.ts';
import { describeOutboundError, sendOutbound } from '../domain/webhooks/outbound.ts';
import { signBody } from './signature.ts';
import { changeStatus } from '../domain/conversations/commands.ts';
import { receiverLineLock } from './lines.ts';

/** Chatwoot's rule: a bot that cannot be reached hands a pending conversation over to the agents. */
async function handOffFromFailedBot(db: Db, delivery: WebhookDelivery): Promise<void> {
  if (!delivery.conversation_id) return;
  const conversation = await db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', delivery.conversation_id)
    .executeTakeFirst();
  if (conversation?.status !== 'pending') return;
  const bot = await db
    .selectFrom('agent_bots')
    .select(['id', 'name'])
    .where('id', '=', delivery.target_id)
    .executeTakeFirst();
  await changeStatus(db, conversation, 'open', {
    type: 'AgentBot',
    id: delivery.target_id,
    name: `${bot?.name ?? 'the agent bot'} (unreachable, handed off)`,
  });
}

const MAX_BACKOFF_MS = 3_600_000;
const EXCERPT = 500;

function retryable(status: number | null): boolean {
  return status === null || status === 408 || status === 425 || status === 429 || status >= 500;
}

export function backoffMs(attempt: number, baseMs: number): number {
  const delay = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(delay * (0.8 + Math.random() * 0.4));
}

type Outcome = { status: 'delivered' | 'failed' } | { status: 'pending'; retryAt: Date };

interface AttemptRecord {
  statusCode: number | null;
  error: string | null;
  latency: number;
  excerpt: string | null;
}

/**
 * Logs the attempt, moves the delivery on, pauses its webhook when it gave up (`pause`: the reason) and, when it
 * left the pending state, makes the next delivery of its line the head: one call of the database's
 * record_delivery_attempt (migration 20261212143000), which takes the receiver's line lock first.
 */
async function recordAttempt(
  db: Db,
  delivery: WebhookDelivery,
  attempt: AttemptRecord,
  outcome: Outcome,
  pause: string | null,
): Promise<void> {
  const lock = receiverLineLock({ targetType: delivery.target_type, targetId: delivery.target_id });
  await sql`SELECT record_delivery_attempt(${delivery.id}::uuid, ${outcome.status}::text, ${attempt.statusCode}::int, ${attempt.error}::text,
    ${attempt.latency}::int, ${attempt.excerpt}::text, ${outcome.status === 'pending' ? outcome.retryAt : null}::timestamptz,
    ${outcome.status === 'delivered' ? new Date() : null}::timestamptz, ${pause}::text, ${lock.space}::int,
    ${delivery.conversation_id === null ? null : lock.key}::int)`.execute(db);
}

/** One attempt: POST the stored payload, signed; record it; schedule a retry, finish, or give up and pause. Says whether it was delivered. */
export async function attemptDelivery(db: Db, config: Config, delivery: WebhookDelivery): Promise<boolean> {
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    'user-agent': `Switchboard/${config.version}`,
    'x-chatwoot-delivery': delivery.id,
    'x-chatwoot-timestamp': String(timestamp),
  };
  if (delivery.secret) headers['x-chatwoot-signature'] = signBody(delivery.secret, timestamp, body);

  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  let excerpt: string | null = null;
  try {
    const response = await sendOutbound({
      url: delivery.url,
      headers,
      body,
      timeoutMs: config.webhooks.timeoutMs,
      allowPrivateNetworks: config.webhooks.allowPrivateNetworks,
    });
    statusCode = response.status;
    excerpt = response.body.toString('utf8').slice(0, EXCERPT);
  } catch (caught) {
    error = describeOutboundError(caught);
  }
  const latency = Math.round(performance.now() - started);
  const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
  if (!ok && !error) error = `HTTP ${statusCode}`;
  const attempts = delivery.attempts + 1;
  const age = Date.now() - new Date(delivery.created_at).getTime();
  const window =
    delivery.target_type === 'agent_bot'
      ? Math.min(config.webhooks.botRetryWindowMs, config.webhooks.retryWindowMs)
      : config.webhooks.retryWindowMs;
  const giveUp = !ok && (!retryable(statusCode) || age >= window);

  const outcome: Outcome = ok
    ? { status: 'delivered' }
    : giveUp
      ? { status: 'failed' }
      : { status: 'pending', retryAt: new Date(Date.now() + backoffMs(attempts, config.webhooks.retryBaseMs)) };
  // Failing for the whole retry window: the webhook is paused visibly; its pending deliveries wait for a resume.
  const pause =
    giveUp && delivery.target_type === 'webhook' && retryable(statusCode)
      ? `delivery ${delivery.id} failed for ${Math.round(age / 60000)} min: ${error}`
      : null;
  await recordAttempt(db, delivery, { statusCode, error, latency, excerpt }, outcome, pause);
  if (giveUp && delivery.target_type === 'agent_bot') await handOffFromFailedBot(db, delivery);
  return ok;
}
