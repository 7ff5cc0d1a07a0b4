import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { validation } from '../../errors.ts';
import { signBody } from '../../events/signature.ts';
import { describeOutboundError, sendOutbound } from '../webhooks/outbound.ts';
import { chatbotDb, DISPATCH_STATUS, type CallbackOutcome } from './tables.ts';

/**
 * Dispatch callbacks: `callbackUrl` of `POST /chat/v1/chatbot/send` is told when the chatbot starts and how its
 * dispatch ends (WTS: "a webhook when the chatbot is started or fails"; we also say SKIPPED, COMPLETED and
 * STOPPED, each once). The runs' trigger writes a chatbot_callbacks row in the transaction that changes the
 * run; the engine turns it into a job (jobs/chatbots.ts) that POSTs it here: SSRF-guarded as webhooks are,
 * signed as webhooks are (`X-Chatwoot-Signature: sha256=HMAC(chatbot's callback secret, "<timestamp>.<body>")`),
 * and retried with backoff on network errors, 408/425/429 and 5xx.
 */

export const MAX_CALLBACK_ATTEMPTS = 8;
const EXCERPT = 300;

/** The URL a dispatch may be given: absolute http(s). Whether it resolves to a public address is checked at each send. */
export function checkCallbackUrl(url: string | undefined): string | undefined {
  if (url === undefined || url.trim() === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw validation(`callbackUrl is not a valid URL: ${url}`, ['callbackUrl']);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw validation('callbackUrl must be an http(s) URL', ['callbackUrl']);
  return parsed.toString();
}

/** Callbacks not sent yet and without a live job (none, or one sent long enough ago to be lost): marked and answered. */
export async function callbacksToEnqueue(db: Db, limit = 100, staleAfterSeconds = 1800): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    UPDATE chatbot_callbacks SET enqueued_at = now()
    WHERE id IN (SELECT id FROM chatbot_callbacks
                 WHERE delivered_at IS NULL AND failed_at IS NULL
                   AND (enqueued_at IS NULL OR enqueued_at < now() - make_interval(secs => ${staleAfterSeconds}))
                 ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id`.execute(db);
  return rows.map((r) => Number(r.id));
}

/** The body of a callback, in WTS's webhook envelope; built once per job so its retries send the same bytes. */
export async function callbackBody(db: Db, callbackId: number): Promise<string | undefined> {
  const row = await chatbotDb(db)
    .selectFrom('chatbot_callbacks as cb')
    .innerJoin('chatbot_runs as r', 'r.id', 'cb.run_id')
    .innerJoin('chatbots as c', 'c.id', 'r.chatbot_id')
    .innerJoin('agent_bots as b', 'b.id', 'c.agent_bot_id')
    .leftJoin('conversations as s', 's.id', 'r.conversation_id')
    .leftJoin('contacts as ct', 'ct.id', 'r.contact_id')
    .select([
      'cb.uuid',
      'cb.outcome',
      'cb.created_at',
      'r.uuid as run_uuid',
      'r.status',
      'r.reason',
      'r.sender_id',
      'r.version',
    ])
    .select(['b.uuid as bot_uuid', 'c.key as bot_key', 's.uuid as session_uuid', 'ct.uuid as contact_uuid'])
    .where('cb.id', '=', callbackId)
    .executeTakeFirst();
  if (!row) return undefined;
  const outcome = row.outcome as CallbackOutcome;
  const final = outcome !== 'STARTED';
  return JSON.stringify({
    eventType: `CHATBOT_${outcome}`,
    date: new Date(row.created_at).toISOString(),
    content: {
      id: row.run_uuid,
      botId: row.bot_uuid,
      botKey: row.bot_key,
      botVersion: row.version,
      sessionId: row.session_uuid,
      contactId: row.contact_uuid,
      senderId: row.sender_id,
      status: final ? outcome : DISPATCH_STATUS.running,
      statusDescription: final ? row.reason : null,
      skipReason: outcome === 'SKIPPED' ? row.reason : null,
      failureReason: outcome === 'FAILED' ? row.reason : null,
    },
    changeMetadata: null,
  });
}

export interface CallbackTransport {
  allowPrivateNetworks: boolean;
  timeoutMs: number;
  userAgent: string;
}

const retryable = (status: number | null) =>
  status === null || status === 408 || status === 425 || status === 429 || status >= 500;

/**
 * One attempt at a callback. Answers 'delivered', 'failed' (given up: refused for good, or out of attempts)
 * or 'retry' (the job should be retried later). The attempt is recorded on the row either way.
 */
export async function sendCallback(
  db: Db,
  transport: CallbackTransport,
  callbackId: number,
  body: string,
): Promise<'delivered' | 'failed' | 'retry'> {
  const row = await chatbotDb(db)
    .selectFrom('chatbot_callbacks as cb')
    .innerJoin('chatbot_runs as r', 'r.id', 'cb.run_id')
    .innerJoin('chatbots as c', 'c.id', 'r.chatbot_id')
    .select(['cb.uuid', 'cb.url', 'cb.attempts', 'cb.delivered_at', 'cb.failed_at', 'c.callback_secret'])
    .where('cb.id', '=', callbackId)
    .executeTakeFirst();
  if (!row || row.delivered_at || row.failed_at) return 'delivered';

  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': transport.userAgent,
    'x-chatwoot-delivery': row.uuid,
    'x-chatwoot-timestamp': String(timestamp),
    'x-chatwoot-signature': signBody(row.callback_secret, timestamp, body),
  };
  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await sendOutbound({
      url: row.url,
      headers,
      body,
      timeoutMs: transport.timeoutMs,
      allowPrivateNetworks: transport.allowPrivateNetworks,
      field: 'callbackUrl',
    });
    status = response.status;
    if (status < 200 || status >= 300) error = `HTTP ${status}: ${response.body.toString('utf8').slice(0, EXCERPT)}`;
  } catch (caught) {
    const e = caught as Error & { kind?: string };
    // An address the guard refuses (private network, not http) will not become acceptable by waiting; DNS may.
    if (e.kind === 'validation' && !/does not resolve/.test(e.message)) status = 0;
    error = describeOutboundError(caught);
  }
  const attempts = row.attempts + 1;
  const outcome = !error ? 'delivered' : retryable(status) && attempts < MAX_CALLBACK_ATTEMPTS ? 'retry' : 'failed';
  await chatbotDb(db)
    .updateTable('chatbot_callbacks')
    .set({
      attempts,
      last_status_code: status || null,
      last_error: error,
      ...(outcome === 'delivered'
        ? { delivered_at: new Date() }
        : outcome === 'failed'
          ? { failed_at: new Date() }
          : {}),
    })
    .where('id', '=', callbackId)
    .execute();
  return outcome;
}
