import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { notFound } from '../../errors.ts';
import {
  ACTIVE_RUN_STATUSES,
  chatbotDb,
  RUNS_CHANNEL,
  type ChatbotRun,
  type RunInput,
  type RunStatus,
} from './tables.ts';
import { inTransaction } from '../../db/transaction.ts';
import { isUuid } from '../uuid.ts';

/**
 * The run table is the engine's whole state; these are its transitions. Each guarded by the status it
 * leaves, so a run stopped by an agent while a step executes is not revived by the step finishing.
 */

async function notifyQueued(trx: Db, runId: number) {
  await sql`SELECT pg_notify(${RUNS_CHANNEL}, ${String(runId)})`.execute(trx);
}

export interface NewRun {
  accountId: number;
  chatbotId: number;
  version: number;
  conversationId: number | null;
  contactId: number | null;
  /** `waiting` (with no step yet): the flow starts with the contact's next reply. */
  status: Extract<RunStatus, 'queued' | 'skipped' | 'waiting'>;
  reason?: string | null;
  senderId?: string | null;
  currentStep?: string | null;
  callbackUrl?: string | null;
}

export async function insertRun(trx: Db, run: NewRun): Promise<ChatbotRun> {
  const now = new Date();
  const row = await chatbotDb(trx)
    .insertInto('chatbot_runs')
    .values({
      account_id: run.accountId,
      chatbot_id: run.chatbotId,
      version: run.version,
      conversation_id: run.conversationId,
      contact_id: run.contactId,
      status: run.status,
      reason: run.reason ?? null,
      sender_id: run.senderId ?? null,
      callback_url: run.callbackUrl ?? null,
      current_step: run.currentStep ?? null,
      finished_at: run.status === 'skipped' ? now : null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (row.status === 'queued') await notifyQueued(trx, row.id);
  return row;
}

export async function getRun(db: Db, runId: number): Promise<ChatbotRun | undefined> {
  return chatbotDb(db).selectFrom('chatbot_runs').selectAll().where('id', '=', runId).executeTakeFirst();
}

export async function activeRunOf(db: Db, conversationId: number): Promise<ChatbotRun | undefined> {
  return chatbotDb(db)
    .selectFrom('chatbot_runs')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('status', 'in', ACTIVE_RUN_STATUSES)
    .executeTakeFirst();
}

/** Ends the active runs of a session or of a chatbot; answers the sessions whose run it stopped. */
export async function stopRuns(
  db: Db,
  of: { conversationId?: number; chatbotId?: number },
  reason: string,
): Promise<number[]> {
  const rows = await chatbotDb(db)
    .updateTable('chatbot_runs')
    .set((eb) => ({
      status: 'stopped',
      reason,
      wait_until: null,
      wait_token: eb('wait_token', '+', 1),
      finished_at: new Date(),
      updated_at: new Date(),
    }))
    .where('status', 'in', ACTIVE_RUN_STATUSES)
    .$if(of.conversationId !== undefined, (q) => q.where('conversation_id', '=', of.conversationId!))
    .$if(of.chatbotId !== undefined, (q) => q.where('chatbot_id', '=', of.chatbotId!))
    .returning('conversation_id')
    .execute();
  return rows.map((r) => r.conversation_id).filter((id): id is number => id !== null);
}

/** Takes a queued run for execution (or one a crashed job left running: the job queue runs one job per run). */
export async function claimRun(db: Db, runId: number): Promise<ChatbotRun | undefined> {
  const now = new Date();
  return chatbotDb(db)
    .updateTable('chatbot_runs')
    .set((eb) => ({
      status: 'running',
      enqueued_at: null,
      started_at: eb.fn.coalesce('started_at', eb.val(now)),
      updated_at: now,
    }))
    .where('id', '=', runId)
    .where('status', 'in', ['queued', 'running'])
    .returningAll()
    .executeTakeFirst();
}

export interface Progress {
  currentStep?: string | null;
  variables?: Record<string, unknown>;
  stepsExecuted?: number;
  input?: RunInput | null;
}

function progressValues(p: Progress) {
  return {
    ...(p.currentStep !== undefined ? { current_step: p.currentStep } : {}),
    ...(p.variables !== undefined ? { variables: JSON.stringify(p.variables) } : {}),
    ...(p.input !== undefined ? { input: p.input === null ? null : JSON.stringify(p.input) } : {}),
    ...(p.stepsExecuted ? { steps_executed: sql<number>`steps_executed + ${p.stepsExecuted}` } : {}),
    updated_at: new Date(),
  };
}

/** Locks a running run for a step that writes in the same transaction; undefined if it was stopped meanwhile. */
export async function lockRunning(trx: Db, runId: number): Promise<ChatbotRun | undefined> {
  return chatbotDb(trx)
    .selectFrom('chatbot_runs')
    .selectAll()
    .where('id', '=', runId)
    .where('status', '=', 'running')
    .forUpdate()
    .executeTakeFirst();
}

/** Records a step's effect on the run; false if the run is no longer running (stopped by an agent). */
export async function saveProgress(db: Db, runId: number, p: Progress): Promise<boolean> {
  const result = await chatbotDb(db)
    .updateTable('chatbot_runs')
    .set(progressValues(p))
    .where('id', '=', runId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Parks a running run until a reply (`waiting`) or a delay's end (`sleeping`); answers the token a wake-up must carry. */
export async function parkRun(
  db: Db,
  runId: number,
  status: 'waiting' | 'sleeping',
  until: Date | null,
  p: Progress,
): Promise<number | undefined> {
  const row = await chatbotDb(db)
    .updateTable('chatbot_runs')
    .set((eb) => ({ ...progressValues(p), status, wait_until: until, wait_token: eb('wait_token', '+', 1) }))
    .where('id', '=', runId)
    .where('status', '=', 'running')
    .returning('wait_token')
    .executeTakeFirst();
  return row?.wait_token;
}

export async function finishRun(
  db: Db,
  runId: number,
  status: 'completed' | 'failed',
  reason: string | null,
  p: Progress = {},
): Promise<boolean> {
  const result = await chatbotDb(db)
    .updateTable('chatbot_runs')
    .set({ ...progressValues(p), status, reason, wait_until: null, finished_at: new Date() })
    .where('id', '=', runId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A delay ended or a reply timed out: the run is queued again, if it still waits with that token. */
export async function wakeRun(db: Db, runId: number, token: number): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const row = await chatbotDb(trx)
      .updateTable('chatbot_runs')
      .set((eb) => ({
        status: 'queued',
        input: JSON.stringify({ kind: 'timeout' }),
        wait_until: null,
        wait_token: eb('wait_token', '+', 1),
        enqueued_at: null,
        updated_at: new Date(),
      }))
      .where('id', '=', runId)
      .where('wait_token', '=', token)
      .where('status', 'in', ['waiting', 'sleeping'])
      .returning('id')
      .executeTakeFirst();
    if (row) await notifyQueued(trx, row.id);
    return Boolean(row);
  });
}

/** The contact answered a run waiting for a reply: queue it with the reply as input (in the caller's transaction). */
export async function deliverReply(trx: Db, conversationId: number, input: RunInput): Promise<boolean> {
  const row = await chatbotDb(trx)
    .updateTable('chatbot_runs')
    .set((eb) => ({
      status: 'queued',
      input: JSON.stringify(input),
      wait_until: null,
      wait_token: eb('wait_token', '+', 1),
      enqueued_at: null,
      updated_at: new Date(),
    }))
    .where('conversation_id', '=', conversationId)
    .where('status', '=', 'waiting')
    .returning('id')
    .executeTakeFirst();
  if (row) await notifyQueued(trx, row.id);
  return Boolean(row);
}

/** Queued runs no job was sent for (or whose job was sent long ago and lost): marks and answers them. */
export async function runsToEnqueue(db: Db, limit = 100, staleAfterSeconds = 60): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    UPDATE chatbot_runs SET enqueued_at = now()
    WHERE id IN (SELECT id FROM chatbot_runs
                 WHERE status = 'queued' AND (enqueued_at IS NULL OR enqueued_at < now() - make_interval(secs => ${staleAfterSeconds}))
                 ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id`.execute(db);
  return rows.map((r) => r.id);
}

/** Waits whose time passed some seconds ago without their wake-up job (lost, or the queue was down). */
export async function overdueWaits(db: Db, graceSeconds = 5): Promise<{ id: number; wait_token: number }[]> {
  return chatbotDb(db)
    .selectFrom('chatbot_runs')
    .select(['id', 'wait_token'])
    .where('status', 'in', ['waiting', 'sleeping'])
    .where('wait_until', '<', new Date(Date.now() - graceSeconds * 1000))
    .limit(100)
    .execute();
}

/** Runs queued or executing right now, in the whole database. */
export async function busyRunCount(db: Db): Promise<number> {
  const row = await chatbotDb(db)
    .selectFrom('chatbot_runs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A dispatch as its status endpoint shows it: the run with the public ids of its bot, session and contact. */
export type Dispatch = ChatbotRun & {
  bot_uuid: string;
  bot_key: string;
  session_uuid: string | null;
  contact_uuid: string | null;
};

export async function getDispatch(db: Db, accountId: number, uuid: string): Promise<Dispatch> {
  const row = isUuid(uuid)
    ? await chatbotDb(db)
        .selectFrom('chatbot_runs as r')
        .innerJoin('chatbots as c', 'c.id', 'r.chatbot_id')
        .innerJoin('agent_bots as b', 'b.id', 'c.agent_bot_id')
        .leftJoin('conversations as s', 's.id', 'r.conversation_id')
        .leftJoin('contacts as ct', 'ct.id', 'r.contact_id')
        .selectAll('r')
        .select(['b.uuid as bot_uuid', 'c.key as bot_key', 's.uuid as session_uuid', 'ct.uuid as contact_uuid'])
        .where('r.account_id', '=', accountId)
        .where('r.uuid', '=', uuid)
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound('Chatbot dispatch');
  return row;
}

/**
 * Runs left `running` far longer than any step takes (their job lost with its queue's data): queued again, so
 * the sweep sends them a new job. A step is bounded (HTTP steps by their 30 s timeout), ten minutes is not.
 */
export async function requeueStalledRuns(db: Db, stalledAfterSeconds = 600): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    UPDATE chatbot_runs SET status = 'queued', enqueued_at = NULL, updated_at = now()
    WHERE status = 'running' AND updated_at < now() - make_interval(secs => ${stalledAfterSeconds})
    RETURNING id`.execute(db);
  return rows.length;
}
