import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';

type Row = Record<string, unknown>;
/** What the database's insert_message answers: null when the conversation does not exist. */
export type StoredMessage = { message: Row; conversation: Row; contact: Row | null } | null;

interface Pending {
  conversationId: number;
  fields: string;
  resolve: (stored: StoredMessage) => void;
  reject: (error: unknown) => void;
}

/** Messages written together at most (one statement, one transaction). */
const MAX_BATCH = 50;

/** An error PostgreSQL answered the statement with (a SQLSTATE outside connection and shutdown classes). */
export function refusedByDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08') && !code.startsWith('57');
}

// The notify columns let the driver report each NOTIFY once the statement's transaction commits.
export async function storeMessage(db: Db, conversationId: number, fields: string): Promise<StoredMessage> {
  const { rows } = await sql<{ result: StoredMessage; notify_channel: string; notify_payload: string }>`
    SELECT result, result->>'notify_channel' AS notify_channel, result->>'notify_payload' AS notify_payload
    FROM insert_message(${conversationId}::bigint, ${fields}::jsonb) AS r(result)`.execute(db);
  return rows[0]?.result ?? null;
}

async function storeMessages(db: Db, batch: Pending[]): Promise<StoredMessage[]> {
  const { rows } = await sql<{ result: StoredMessage; notify_channel: string; notify_payload: string }>`
    SELECT result, result->>'notify_channel' AS notify_channel, result->>'notify_payload' AS notify_payload
    FROM insert_messages(${batch.map((p) => p.conversationId)}::bigint[], ${batch.map((p) => p.fields)}::jsonb[]) WITH ORDINALITY AS r(result, ord)
    ORDER BY ord`.execute(db);
  return rows.map((r) => r.result);
}

/**
 * Group commit for messages written on their own (not inside a caller's transaction). Each account has one
 * write in flight at a time — its messages serialize on the account's event sequence anyway; accounts write
 * in parallel. A message that finds its account's line free goes at once, alone (no waiting at low load);
 * those that arrive meanwhile go together in the next write, as one transaction (the database's
 * insert_messages). Each still gets its answer only after its own transaction committed. If the database
 * refuses a batch, its messages are written one by one, so one bad message fails alone.
 */
export class MessageWriter {
  private readonly db: Db;
  /** Per account: the messages waiting for the write in flight to finish. */
  private readonly lines = new Map<number, Pending[]>();

  constructor(db: Db) {
    this.db = db;
  }

  write(accountId: number, conversationId: number, fields: string): Promise<StoredMessage> {
    return new Promise((resolve, reject) => {
      const pending = { conversationId, fields, resolve, reject };
      const line = this.lines.get(accountId);
      if (line) return void line.push(pending);
      this.lines.set(accountId, []);
      void this.drain(accountId, [pending]);
    });
  }

  /** Writes `batch`, then whatever queued behind it, until the account's line is empty. */
  private async drain(accountId: number, batch: Pending[]): Promise<void> {
    while (batch.length) {
      await this.flush(batch);
      const waiting = this.lines.get(accountId)!;
      batch = waiting.splice(0, MAX_BATCH);
    }
    this.lines.delete(accountId);
  }

  private async flush(batch: Pending[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const stored = await storeMessages(this.db, batch);
        batch.forEach((p, i) => p.resolve(stored[i] ?? null));
        return;
      } catch (error) {
        // The database refused the statement, so nothing of it was stored: one of them is at fault (or the
        // batch met a deadlock), and each on its own says which. A lost connection may have lost the answer
        // to a commit: writing them again could store them twice, so they fail together (503).
        if (!refusedByDatabase(error)) {
          batch.forEach((p) => p.reject(error));
          return;
        }
      }
    }
    for (const p of batch) await storeMessage(this.db, p.conversationId, p.fields).then(p.resolve, p.reject);
  }
}

const writers = new WeakMap<Db, MessageWriter>();

/** The process's writer for a database handle. */
export function messageWriter(db: Db): MessageWriter {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new MessageWriter(db)));
  return writer;
}
