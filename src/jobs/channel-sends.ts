import pg from 'pg';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/pool.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';
import { attemptSend } from '../channels/outbound-deliver.ts';
import { CHANNEL_SENDS_CHANNEL } from '../channels/outbound-plan.ts';
import { startJobQueue, type JobsLog } from './boss.ts';

/** Sends one outgoing message through its channel; retried by pg-boss with exponential backoff. */
export const CHANNEL_SEND_QUEUE = 'channel-send';

const SWEEP_MS = 1000;

export interface ChannelEngine {
  stop(): Promise<void>;
}

/**
 * The channel engine of one process: queued sends (channel_sends, planned by the event fan-out) become
 * pg-boss jobs; a job makes one attempt (channels/outbound-deliver.ts) and fails when it should be tried
 * again, so pg-boss retries it after its backoff. The row, not the job, says whether a message still needs
 * sending, so a job that runs twice sends once. Any number of processes can run it on one database.
 */
export async function startChannelEngine(database: DatabaseHandle, config: Config, storage: ObjectStorage, log: JobsLog): Promise<ChannelEngine> {
  const { db } = database;
  const boss = await startJobQueue(database, log);
  const { sendAttempts, sendRetryDelaySeconds, timeoutMs } = config.channels;
  await boss.createQueue(CHANNEL_SEND_QUEUE, {
    retryLimit: sendAttempts,
    retryDelay: sendRetryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: Math.ceil((timeoutMs * 4) / 1000) + 60,
  });
  const ctx = { db, config, storage, log };

  let running = true;
  let sweeping: Promise<void> | undefined;
  let again = false;
  function sweep(): Promise<void> {
    if (sweeping) {
      again = true;
      return sweeping;
    }
    sweeping = (async () => {
      do {
        again = false;
        try {
          const queued = await db.selectFrom('channel_sends').select('message_id').where('status', '=', 'queued').orderBy('created_at').limit(100).execute();
          for (const { message_id } of queued) {
            await boss.send(CHANNEL_SEND_QUEUE, { messageId: message_id }, { singletonKey: String(message_id) });
            await db.updateTable('channel_sends').set({ status: 'enqueued' }).where('message_id', '=', message_id).where('status', '=', 'queued').execute();
          }
          if (queued.length === 100) again = true;
        } catch (error) {
          if (running) log.warn({ err: error }, 'channel engine: sweep failed, retrying');
        }
      } while (again && running);
    })().finally(() => {
      sweeping = undefined;
    });
    return sweeping;
  }

  await boss.work<{ messageId: number }>(CHANNEL_SEND_QUEUE, { pollingIntervalSeconds: 0.5, localConcurrency: 2 }, async ([job]) => {
    if ((await attemptSend(ctx, job.data.messageId)) === 'retry') throw new Error(`message ${job.data.messageId} not sent yet`);
  });

  const listener = new pg.Client(database.pool.options);
  try {
    await listener.connect();
    listener.on('notification', () => void sweep());
    listener.on('error', () => {});
    await listener.query(`LISTEN ${CHANNEL_SENDS_CHANNEL}`);
  } catch (error) {
    log.warn({ err: error }, 'channel engine: LISTEN failed; sweeping only');
  }
  const timer = setInterval(() => void sweep(), SWEEP_MS);
  await sweep();

  return {
    async stop() {
      running = false;
      clearInterval(timer);
      await listener.end().catch(() => {});
      await sweeping;
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
