import { sql } from 'kysely';
import { performance } from 'node:perf_hooks';
import type { Config } from '../config.ts';
import type { Db } from '../db/pool.ts';
import type { WebhookDelivery } from '../db/types.ts';
import { checkWebhookUrl } from '../domain/webhooks/ssrf.ts';
import { signBody } from './signature.ts';
import { changeStatus } from '../domain/conversations/commands.ts';
import { lockReceiverShared } from './lines.ts';

/** Chatwoot's rule: a bot that cannot be reached hands a pending conversation over to the agents. */
async function handOffFromFailedBot(db: Db, delivery: WebhookDelivery): Promise<void> {
  if (!delivery.conversation_id) return;
  const conversation = await db.selectFrom('conversations').selectAll().where('id', '=', delivery.conversation_id).executeTakeFirst();
  if (conversation?.status !== 'pending') return;
  const bot = await db.selectFrom('agent_bots').select(['id', 'name']).where('id', '=', delivery.target_id).executeTakeFirst();
  await changeStatus(db, conversation, 'open', { type: 'AgentBot', id: delivery.target_id, name: `${bot?.name ?? 'the agent bot'} (unreachable, handed off)` });
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
 * One statement logs the attempt, moves the delivery on, pauses its webhook when it gave up (`pause`: the
 * reason) and, when it left the pending state, makes the next pending delivery of its line the head.
 */
async function recordAttempt(db: Db, delivery: WebhookDelivery, attempt: AttemptRecord, outcome: Outcome, pause: string | null): Promise<void> {
  const ok = outcome.status === 'delivered';
  await sql`
    WITH logged AS (
      INSERT INTO webhook_attempts (delivery_id, status_code, error, latency_ms, response_excerpt)
      VALUES (${delivery.id}, ${attempt.statusCode}, ${attempt.error}, ${attempt.latency}, ${attempt.excerpt})
    ), paused AS (
      UPDATE webhooks SET status = 'paused', paused_reason = ${pause}, updated_at = now()
      WHERE ${pause}::text IS NOT NULL AND id = ${delivery.target_id}
    ), moved AS (
      UPDATE webhook_deliveries SET attempts = ${delivery.attempts + 1}, locked_until = NULL, last_status_code = ${attempt.statusCode},
        last_error = ${ok ? null : attempt.error}, last_latency_ms = ${attempt.latency}, status = ${outcome.status},
        delivered_at = coalesce(${ok ? new Date() : null}::timestamptz, delivered_at), next_attempt_at = coalesce(${outcome.status === 'pending' ? outcome.retryAt : null}::timestamptz, next_attempt_at)
      WHERE id = ${delivery.id}
        -- A redeliver requested while this attempt was in flight cleared the claim: the attempt is logged, but the
        -- delivery stays pending so the redelivery still goes out.
        AND locked_until IS NOT NULL
      RETURNING status
    )
    UPDATE webhook_deliveries SET head = true
    WHERE id = (
      SELECT n.id FROM webhook_deliveries n
      WHERE n.status = 'pending' AND n.target_type = ${delivery.target_type} AND n.target_id = ${delivery.target_id}
        AND n.conversation_id = ${delivery.conversation_id} AND n.event_seq > ${delivery.event_seq}
      ORDER BY n.event_seq LIMIT 1)
    AND EXISTS (SELECT 1 FROM moved WHERE moved.status <> 'pending')`.execute(db);
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
    await checkWebhookUrl(delivery.url, config.webhooks.allowPrivateNetworks);
    const response = await fetch(delivery.url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(config.webhooks.timeoutMs) });
    statusCode = response.status;
    excerpt = (await response.text().catch(() => '')).slice(0, EXCERPT);
  } catch (caught) {
    const e = caught as Error & { cause?: { code?: string } };
    error = e.name === 'TimeoutError' ? `timeout after ${config.webhooks.timeoutMs} ms` : (e.cause?.code ?? e.message);
  }
  const latency = Math.round(performance.now() - started);
  const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
  if (!ok && !error) error = `HTTP ${statusCode}`;
  const attempts = delivery.attempts + 1;
  const age = Date.now() - new Date(delivery.created_at).getTime();
  const window = delivery.target_type === 'agent_bot' ? Math.min(config.webhooks.botRetryWindowMs, config.webhooks.retryWindowMs) : config.webhooks.retryWindowMs;
  const giveUp = !ok && (!retryable(statusCode) || age >= window);

  const outcome: Outcome = ok ? { status: 'delivered' } : giveUp ? { status: 'failed' } : { status: 'pending', retryAt: new Date(Date.now() + backoffMs(attempts, config.webhooks.retryBaseMs)) };
  // Failing for the whole retry window: the webhook is paused visibly; its pending deliveries wait for a resume.
  const pause = giveUp && delivery.target_type === 'webhook' && retryable(statusCode) ? `delivery ${delivery.id} failed for ${Math.round(age / 60000)} min: ${error}` : null;
  const attempt = { statusCode, error, latency, excerpt };
  if (outcome.status === 'pending' || delivery.conversation_id === null) await recordAttempt(db, delivery, attempt, outcome, pause);
  else {
    // The line moves on: its next delivery is promoted under the receiver's line lock (events/lines.ts).
    await db.transaction().execute(async (trx) => {
      await lockReceiverShared(trx, { targetType: delivery.target_type, targetId: delivery.target_id });
      await recordAttempt(trx, delivery, attempt, outcome, pause);
    });
  }
  if (giveUp && delivery.target_type === 'agent_bot') await handOffFromFailedBot(db, delivery);
  return ok;
}
