import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Database } from '../../db/types.ts';
import type { FlowDefinition } from './definition.ts';

/** The tables of migration 20261123140000_chatbots, typed for Kysely beside the shared schema. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, T | string | undefined, T | string>;

export const ACTIVE_RUN_STATUSES = ['queued', 'running', 'waiting', 'sleeping'] as const;
export const RUN_STATUSES = [...ACTIVE_RUN_STATUSES, 'skipped', 'completed', 'failed', 'stopped'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A run's status as a dispatch shows it (WTS's upper-case words; the waits are RUNNING with what they wait for). */
export const DISPATCH_STATUS: Record<RunStatus, string> = {
  queued: 'QUEUED',
  running: 'RUNNING',
  waiting: 'RUNNING',
  sleeping: 'RUNNING',
  skipped: 'SKIPPED',
  completed: 'COMPLETED',
  failed: 'FAILED',
  stopped: 'STOPPED',
};

/** What woke a run: the contact's reply, or the end of a wait. */
export type RunInput = { kind: 'reply'; text: string; messageId: number } | { kind: 'timeout' };

export interface ChatbotsTable {
  id: Generated<number>;
  account_id: number;
  agent_bot_id: number;
  key: Generated<string>;
  version: Generated<number>;
  /** Signs the dispatch callbacks (migration 20261123160000). */
  callback_secret: Generated<string>;
  archived_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ChatbotVersionsTable {
  id: Generated<number>;
  account_id: number;
  chatbot_id: number;
  version: number;
  definition: Json<FlowDefinition>;
  created_at: Timestamp;
}

export interface ChatbotRunsTable {
  id: Generated<number>;
  uuid: Generated<string>;
  account_id: number;
  chatbot_id: number;
  version: number;
  conversation_id: number | null;
  contact_id: number | null;
  status: RunStatus;
  reason: string | null;
  current_step: string | null;
  variables: Json<Record<string, unknown>>;
  input: Json<RunInput | null>;
  wait_until: NullableTimestamp;
  wait_token: Generated<number>;
  steps_executed: Generated<number>;
  enqueued_at: NullableTimestamp;
  sender_id: string | null;
  /** Where the dispatch's outcomes are POSTed (`callbackUrl`), if anywhere. */
  callback_url: string | null;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An outcome of a run to POST to its callback URL, written by the runs' trigger (migration 20261123160000). */
export interface ChatbotCallbacksTable {
  id: Generated<number>;
  uuid: Generated<string>;
  account_id: number;
  run_id: number;
  outcome: CallbackOutcome;
  url: string;
  enqueued_at: NullableTimestamp;
  attempts: Generated<number>;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: NullableTimestamp;
  failed_at: NullableTimestamp;
  created_at: Timestamp;
}
export type CallbackOutcome = 'STARTED' | 'SKIPPED' | 'COMPLETED' | 'FAILED' | 'STOPPED';

export type ChatbotTables = {
  chatbots: ChatbotsTable;
  chatbot_versions: ChatbotVersionsTable;
  chatbot_runs: ChatbotRunsTable;
  chatbot_callbacks: ChatbotCallbacksTable;
};

export type ChatbotRow = Selectable<ChatbotsTable>;
export type ChatbotRun = Selectable<ChatbotRunsTable>;

/**
 * The shared database handle (or transaction) with the chatbot tables narrowed to the shapes above (statuses,
 * the flow definition, a run's input), in place of their generated types in db/types.ts.
 */
export function chatbotDb(db: Db): Kysely<Omit<Database, keyof ChatbotTables> & ChatbotTables> {
  return db as unknown as Kysely<Omit<Database, keyof ChatbotTables> & ChatbotTables>;
}

/** Channel the dispatcher and the reply planner notify when a run is queued (the scheduler listens). */
export const RUNS_CHANNEL = 'switchboard_chatbot_runs';
