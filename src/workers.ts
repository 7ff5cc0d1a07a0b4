import './dialects.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/pool.ts';
import type { Mailer } from './domain/mail/mailer.ts';
import type { ObjectStorage } from './storage/object-storage.ts';
import type { JobsLog } from './jobs/boss.ts';
import { startEventWorker, type Worker } from './events/worker.ts';
import { startChatbotEngine, type ChatbotEngine } from './jobs/chatbots.ts';
import { startChannelEngine, type ChannelEngine } from './jobs/channel-sends.ts';
import { startAutomationEngine, type AutomationEngine } from './jobs/automations.ts';
import { startMacroRunner } from './jobs/macros.ts';
import { startScheduledSender } from './jobs/scheduled-sends.ts';
import { startAuthMaintenance } from './jobs/auth-maintenance.ts';
import { startAutoResolve } from './jobs/auto-resolve.ts';
import { startStorageMaintenance } from './jobs/storage-maintenance.ts';
import type { NotifiedSweep } from './jobs/notified-sweep.ts';

/** The background parts of a Switchboard process, each of which a test may run alone. */
export const WORKER_KINDS = [
  'events',
  'chatbots',
  'channels',
  'automation',
  'macros',
  'scheduler',
  'maintenance',
] as const;
export type WorkerKind = (typeof WORKER_KINDS)[number];

export type WorkersLog = JobsLog & {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
};

/** For tests and benches: workers that say nothing. */
export const QUIET: WorkersLog = { info() {}, warn() {}, error() {} };

export interface Workers {
  events?: Worker;
  chatbots?: ChatbotEngine;
  channels?: ChannelEngine;
  automation?: AutomationEngine;
  macros?: { stop(): Promise<void> };
  scheduler?: NotifiedSweep;
  /** Stops what was started, the engines that feed jobs first and the outbox worker after them. */
  stop(): Promise<void>;
}

/**
 * Starts the background workers of one process: all of them in `switchboard start` (main.ts), the ones a test
 * or bench asks for elsewhere. The one place that knows what a running Switchboard is made of.
 */
export async function startWorkers(
  database: DatabaseHandle,
  config: Config,
  deps: { storage: ObjectStorage; mailer: Mailer },
  log: WorkersLog,
  kinds: Iterable<WorkerKind> = WORKER_KINDS,
): Promise<Workers> {
  const want = new Set(kinds);
  const events = want.has('events') ? startEventWorker(database, config, log) : undefined;
  const chatbots = want.has('chatbots') ? await startChatbotEngine(database, config, log) : undefined;
  const channels = want.has('channels') ? await startChannelEngine(database, config, deps.storage, log) : undefined;
  const automation = want.has('automation')
    ? startAutomationEngine(database, config, deps.mailer, log, deps.storage)
    : undefined;
  const maintenance = want.has('maintenance')
    ? [
        startStorageMaintenance(database.db, deps.storage, config, log),
        startAuthMaintenance(database.db, log),
        startAutoResolve(database, log),
      ]
    : [];
  const macros = want.has('macros') ? await startMacroRunner(database, deps.mailer, log, deps.storage) : undefined;
  const scheduler = want.has('scheduler') ? await startScheduledSender(database, log) : undefined;
  return {
    events,
    chatbots,
    channels,
    automation,
    macros,
    scheduler,
    async stop() {
      await scheduler?.stop();
      await macros?.stop();
      await chatbots?.stop();
      await channels?.stop();
      await automation?.stop();
      for (const part of maintenance) await part.stop();
      await events?.stop();
    },
  };
}
