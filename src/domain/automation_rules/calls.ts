import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { AppError } from '../../errors.ts';
import type { AutomationCall, AutomationCallAttempt } from '../../db/types.ts';
import { describeOutboundError, sendOutbound } from '../webhooks/outbound.ts';
import { replaceCustomAttributes, setLabels } from '../conversations/commands.ts';
import { updateContact } from '../contacts/commands.ts';
import { atDepth } from './depth.ts';
import { valueAtPath, type ResponseMapping } from './http-request.ts';

/** Attempts per call: the first and four retries, the waits doubling from retryBaseMs. */
export const MAX_CALL_ATTEMPTS = 5;
const CLAIM_MS = 2 * 60_000;

interface CallRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeout_ms: number | null;
  response_mapping: ResponseMapping[];
}

export interface CallTransport {
  allowPrivateNetworks: boolean;
  /** Used when the action names no timeout (send_webhook_event): the webhooks' own. */
  timeoutMs: number;
  retryBaseMs: number;
}

export async function claimCalls(db: Db, limit: number): Promise<AutomationCall[]> {
  const { rows } = await sql<AutomationCall>`
    UPDATE automation_calls SET claimed_until = now() + ${`${CLAIM_MS} milliseconds`}::interval
    WHERE id IN (
      SELECT id FROM automation_calls
      WHERE status = 'pending' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
      ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING *`.execute(db);
  return rows;
}

/** Writes the mapped values of a JSON answer where the mapping says (conversation/contact custom attributes, labels). */
async function applyMapping(
  db: Db,
  call: AutomationCall,
  answer: unknown,
  mappings: ResponseMapping[],
): Promise<string[]> {
  const run = await db
    .selectFrom('automation_runs')
    .select('conversation_id')
    .where('id', '=', call.run_id)
    .executeTakeFirstOrThrow();
  const applied: string[] = [];
  const conversationAttributes: Record<string, unknown> = {};
  const contactAttributes: Record<string, unknown> = {};
  const labels: string[] = [];
  for (const { from, to } of mappings) {
    const value = valueAtPath(answer, from);
    if (value === undefined) continue;
    applied.push(to);
    if (to === 'conversation.labels') labels.push(...(Array.isArray(value) ? value : [value]).map(String));
    else if (to.startsWith('conversation.custom_attributes.'))
      conversationAttributes[to.slice('conversation.custom_attributes.'.length)] = value;
    else contactAttributes[to.slice('contact.custom_attributes.'.length)] = value;
  }
  if (!applied.length || run.conversation_id === null) return applied;
  const conversation = await db
    .selectFrom('conversations')
    .selectAll()
    .where('account_id', '=', call.account_id)
    .where('id', '=', run.conversation_id)
    .executeTakeFirst();
  if (!conversation) return [];
  if (Object.keys(conversationAttributes).length)
    await replaceCustomAttributes(db, conversation, { ...conversation.custom_attributes, ...conversationAttributes });
  if (Object.keys(contactAttributes).length)
    await updateContact(db, call.account_id, conversation.contact_id, { custom_attributes: contactAttributes });
  if (labels.length) {
    const fresh = await db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversation.id)
      .executeTakeFirstOrThrow();
    await setLabels(db, fresh, [...fresh.labels, ...labels]);
  }
  return applied;
}

/**
 * One attempt of a claimed call. A 2xx answer ends it (and its response mapping is applied, at the run's depth);
 * anything else is recorded and tried again later, until MAX_CALL_ATTEMPTS, then the call has failed for good.
 */
export async function attemptCall(
  db: Db,
  transport: CallTransport,
  call: AutomationCall,
): Promise<AutomationCall['status']> {
  const request = call.request as unknown as CallRequest;
  const attempt: AutomationCallAttempt = { attempted_at: new Date().toISOString(), status_code: null, error: null };
  let succeeded = false;
  // The network guard's refusal (a private or loopback address, a bad URL) will not change by retrying.
  let refused = false;
  let mappingNote: string | null = null;
  try {
    const response = await sendOutbound({
      url: request.url,
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      timeoutMs: request.timeout_ms ?? transport.timeoutMs,
      allowPrivateNetworks: transport.allowPrivateNetworks,
    });
    attempt.status_code = response.status;
    succeeded = response.status >= 200 && response.status < 300;
    if (!succeeded) attempt.error = `HTTP ${response.status}`;
    else if (request.response_mapping.length) {
      let answer: unknown;
      try {
        answer = JSON.parse(response.body.toString('utf8'));
      } catch {
        mappingNote = 'the answer is not JSON: nothing mapped';
      }
      if (answer !== undefined) {
        const applied = await atDepth(db, call.depth, (marked) =>
          applyMapping(marked, call, answer, request.response_mapping),
        );
        mappingNote = applied.length ? `mapped ${applied.join(', ')}` : 'no mapped path in the answer';
      }
    }
  } catch (error) {
    refused = error instanceof AppError;
    attempt.error = refused ? (error as AppError).message : describeOutboundError(error);
  }
  const attempts = call.attempts + 1;
  const status = succeeded ? 'succeeded' : refused || attempts >= MAX_CALL_ATTEMPTS ? 'failed' : 'pending';
  await db
    .updateTable('automation_calls')
    .set({
      status,
      attempts,
      last_status_code: attempt.status_code,
      last_error: succeeded ? mappingNote : attempt.error,
      attempt_log: sql`attempt_log || ${JSON.stringify([attempt])}::jsonb`,
      claimed_until: null,
      next_attempt_at: new Date(Date.now() + transport.retryBaseMs * 2 ** (attempts - 1)),
      ...(status === 'pending' ? {} : { finished_at: new Date() }),
    })
    .where('id', '=', call.id)
    .execute();
  return status;
}
