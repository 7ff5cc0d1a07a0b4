import { sql } from 'kysely';
import { performance } from 'node:perf_hooks';
import type { Config } from '../config.ts';
import type { Db } from '../db/pool.ts';
import type { WebhookDelivery } from '../db/types.ts';
import { checkWebhookUrl } from '../domain/webhooks/ssrf.ts';
import { signBody } from './signature.ts';
import { changeStatus } from '../domain/conversations/commands.ts';

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

/**
 * Claims due deliveries. A delivery waits while an earlier one for the same receiver and conversation is
 * still pending, so each receiver sees a conversation's events in order; a paused webhook holds its
 * deliveries until it is resumed.
 */
function lockSeconds(timeoutMs: number): number {
  // A claim outlives any attempt (timeout + DNS + recording); a process killed mid-attempt frees it then.
  return Math.ceil((2 * timeoutMs) / 1000) + 5;
}

/** How many of the earliest pending deliveries a claim looks at: heads of line are always among them. */
const CLAIM_WINDOW = 256;

/**
 * Claims due deliveries. A delivery waits while an earlier one for the same receiver and conversation is
 * still pending, so each receiver sees a conversation's events in order; a paused webhook holds its
 * deliveries until it is resumed.
 */
export async function claimDueDeliveries(db: Db, limit: number, timeoutMs: number): Promise<WebhookDelivery[]> {
  const { rows } = await sql<WebhookDelivery>`
    UPDATE webhook_deliveries d SET locked_until = now() + make_interval(secs => ${lockSeconds(timeoutMs)})
    WHERE d.id IN (
      SELECT c.id FROM (
        SELECT * FROM webhook_deliveries w
        WHERE w.status = 'pending' AND w.next_attempt_at <= now() AND (w.locked_until IS NULL OR w.locked_until < now())
        ORDER BY w.next_attempt_at, w.event_seq
        LIMIT ${CLAIM_WINDOW}) c
      WHERE NOT EXISTS (
          SELECT 1 FROM webhook_deliveries e
          WHERE e.status = 'pending' AND e.target_type = c.target_type AND e.target_id = c.target_id
            AND e.conversation_id = c.conversation_id AND e.event_seq < c.event_seq)
        AND NOT EXISTS (
          SELECT 1 FROM webhooks w WHERE c.target_type = 'webhook' AND w.id = c.target_id AND w.status = 'paused')
      ORDER BY c.next_attempt_at, c.event_seq
      LIMIT ${limit})
    -- re-checked after waiting for a concurrent claimer's row lock: a claimed row is not claimed twice
    AND d.status = 'pending' AND (d.locked_until IS NULL OR d.locked_until < now())
    RETURNING d.*`.execute(db);
  return rows;
}

/**
 * After a delivery went out, the next one of the same receiver and conversation, if it is due: the worker
 * goes on down the line without a new global claim, so one busy conversation drains quickly in order.
 */
export async function claimNextInLine(db: Db, previous: WebhookDelivery, timeoutMs: number): Promise<WebhookDelivery | undefined> {
  if (previous.conversation_id === null) return undefined;
  const { rows } = await sql<WebhookDelivery>`
    UPDATE webhook_deliveries d SET locked_until = now() + make_interval(secs => ${lockSeconds(timeoutMs)})
    WHERE d.id = (
      SELECT c.id FROM webhook_deliveries c
      WHERE c.status = 'pending' AND c.target_type = ${previous.target_type} AND c.target_id = ${previous.target_id}
        AND c.conversation_id = ${previous.conversation_id}
      ORDER BY c.event_seq LIMIT 1
      FOR UPDATE)
    AND d.next_attempt_at <= now() AND (d.locked_until IS NULL OR d.locked_until < now())
    AND NOT EXISTS (SELECT 1 FROM webhooks w WHERE d.target_type = 'webhook' AND w.id = d.target_id AND w.status = 'paused')
    RETURNING d.*`.execute(db);
  return rows[0];
}

function retryable(status: number | null): boolean {
  return status === null || status === 408 || status === 425 || status === 429 || status >= 500;
}

export function backoffMs(attempt: number, baseMs: number): number {
  const delay = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(delay * (0.8 + Math.random() * 0.4));
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

  // One statement records the attempt, moves the delivery on and (when it gave up) pauses its webhook.
  const pause = giveUp && delivery.target_type === 'webhook' && retryable(statusCode);
  const recorded = db.with('attempt', (qb) =>
    qb.insertInto('webhook_attempts').values({ delivery_id: delivery.id, status_code: statusCode, error, latency_ms: latency, response_excerpt: excerpt }),
  );
  // Failing for the whole retry window: pause visibly; its pending deliveries wait for a resume.
  const withPause = pause
    ? recorded.with('paused', (qb) =>
        qb
          .updateTable('webhooks')
          .set({ status: 'paused', paused_reason: `delivery ${delivery.id} failed for ${Math.round(age / 60000)} min: ${error}`, updated_at: new Date() })
          .where('id', '=', delivery.target_id),
      )
    : recorded;
  await withPause
    .updateTable('webhook_deliveries')
    .set({
      attempts,
      locked_until: null,
      last_status_code: statusCode,
      last_error: ok ? null : error,
      last_latency_ms: latency,
      ...(ok
        ? { status: 'delivered', delivered_at: new Date() }
        : giveUp
          ? { status: 'failed' }
          : { next_attempt_at: new Date(Date.now() + backoffMs(attempts, config.webhooks.retryBaseMs)) }),
    })
    .where('id', '=', delivery.id)
    // A redeliver requested while this attempt was in flight cleared the claim: the attempt is logged, but the
    // delivery stays pending so the redelivery still goes out.
    .where('locked_until', 'is not', null)
    .execute();
  if (giveUp && delivery.target_type === 'agent_bot') await handOffFromFailedBot(db, delivery);
  return ok;
}
