import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/pool.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';
import { attemptSend } from '../channels/outbound-deliver.ts';
import { CHANNEL_SENDS_CHANNEL } from '../channels/outbound-plan.ts';
import { startJobQueue, type JobsLog } from './boss.ts';
import { startNotifiedSweep } from './notified-sweep.ts';
import { repeat } from './repeat.ts';
import { imapInboxIds } from '../channels/email/setup.ts';

/** Sends one outgoing message through its channel; retried by pg-boss with exponential backoff. */
export const CHANNEL_SEND_QUEUE = 'channel-send';

/** Reads one email inbox's IMAP mailbox; at most one such job per inbox is queued or running at a time. */
export const IMAP_POLL_QUEUE = 'email-imap-poll';

const SWEEP_MS = 1000;
const SWEEP_BATCH = 200;

export interface ChannelEngine {
  /** The built-in SMTP receiver's port, when SMTP_INBOUND_PORT turned it on. */
  emailInboundPort?: number;
  /** Queues an IMAP poll of every IMAP inbox now (the timer does it every IMAP_POLL_SECONDS). */
  pollImapNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The channel engine of one process: queued sends (channel_sends, planned by the event fan-out) become
 * pg-boss jobs; a job makes one attempt (channels/outbound-deliver.ts) and fails when it should be tried
 * again, so pg-boss retries it after its backoff. The row, not the job, says whether a message still needs
 * sending, so a job that runs twice sends once. Any number of processes can run it on one database.
 */
export async function startChannelEngine(
  database: DatabaseHandle,
  config: Config,
  storage: ObjectStorage,
  log: JobsLog,
): Promise<ChannelEngine> {
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

  /**
   * Queued sends become jobs, in one insert (a message's singleton key keeps it to one job: a row left queued
   * by a crash between the two statements is not sent twice); answers whether more wait.
   */
  async function enqueueQueued(): Promise<boolean> {
    const queued = await db
      .selectFrom('channel_sends')
      .select('message_id')
      .where('status', '=', 'queued')
      .orderBy('created_at')
      .limit(SWEEP_BATCH)
      .execute();
    if (!queued.length) return false;
    const ids = queued.map((row) => row.message_id);
    await boss.insert(
      CHANNEL_SEND_QUEUE,
      ids.map((messageId) => ({ data: { messageId }, singletonKey: String(messageId) })),
    );
    await db
      .updateTable('channel_sends')
      .set({ status: 'enqueued' })
      .where('message_id', 'in', ids)
      .where('status', '=', 'queued')
      .execute();
    return queued.length === SWEEP_BATCH;
  }

  // Batches settled job by job (a retry fails only its own job); a full batch fetches the next at once.
  await boss.work<
    { messageId: number },
    undefined,
    {
      localConcurrency: number;
      batchSize: number;
      burstWhenBatchFull: true;
      perJobResults: true;
      pollingIntervalSeconds: number;
    }
  >(
    CHANNEL_SEND_QUEUE,
    { localConcurrency: 2, batchSize: 8, burstWhenBatchFull: true, perJobResults: true, pollingIntervalSeconds: 0.5 },
    async (jobs) =>
      Promise.all(
        jobs.map(async (job) => {
          try {
            if ((await attemptSend(ctx, job.data.messageId)) === 'done')
              return { id: job.id, status: 'completed' as const };
          } catch (error) {
            log.warn({ err: error, message: job.data.messageId }, 'channel engine: send attempt failed, will retry');
          }
          return {
            id: job.id,
            status: 'failed' as const,
            output: { message: `message ${job.data.messageId} not sent yet` },
          };
        }),
      ),
  );

  // IMAP polling: every process's timer queues a poll per IMAP inbox; the queue's `exclusive` policy keeps it to
  // one queued or running poll per inbox across processes. A failed poll is recorded on the inbox and simply
  // waits for the next round (no retries: the next round is the retry).
  await boss.createQueue(IMAP_POLL_QUEUE, {
    policy: 'exclusive',
    retryLimit: 0,
    expireInSeconds: Math.ceil((timeoutMs * 6) / 1000) + 60,
  });
  // imapflow loads only with the first poll: a process without IMAP inboxes never pays for it.
  async function pollImapNow(): Promise<void> {
    for (const inboxId of await imapInboxIds(ctx))
      await boss.send(IMAP_POLL_QUEUE, { inboxId }, { singletonKey: `inbox:${inboxId}` });
  }
  await boss.work<{ inboxId: number }>(
    IMAP_POLL_QUEUE,
    { localConcurrency: 2, batchSize: 1, pollingIntervalSeconds: 0.5 },
    async ([job]) => {
      const { pollImapInbox } = await import('../channels/email/imap.ts');
      // A full batch: the rest of the mailbox is read at once, not a whole interval later.
      while ((await pollImapInbox(ctx, job.data.inboxId)).more);
    },
  );
  const imapTimer = repeat(
    config.channels.imapPollSeconds * 1000,
    () => pollImapNow().catch((err) => log.warn({ err }, 'channel engine: IMAP polls not queued')),
    { now: true },
  );

  const sweep = await startNotifiedSweep(
    database,
    { channel: CHANNEL_SENDS_CHANNEL, intervalMs: SWEEP_MS, name: 'channel engine' },
    enqueueQueued,
    log,
  );
  const { emailInboundPort, emailInboundHost } = config.channels;
  // smtp-server and the mail parser load only when the receiver is on.
  const receiver =
    emailInboundPort === undefined
      ? undefined
      : await (await import('../channels/email/receiver.ts')).startEmailReceiver(
          ctx,
          emailInboundPort,
          emailInboundHost,
        );

  return {
    emailInboundPort: receiver?.port,
    pollImapNow,
    async stop() {
      await imapTimer.stop();
      await receiver?.stop();
      await sweep.stop();
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
