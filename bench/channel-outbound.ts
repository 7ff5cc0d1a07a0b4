import { performance } from 'node:perf_hooks';
import type { App } from '../src/api/types.ts';
import type { Config } from '../src/config.ts';
import type { DatabaseHandle } from '../src/db/pool.ts';
import { createMessage, MESSAGE_TYPE } from '../src/domain/messages/commands.ts';
import { QUIET, startWorkers } from '../src/workers.ts';

/**
 * The outbound half of a channel bench (Telegram, WhatsApp): `sends` agent replies spread over the inbox's
 * conversations, fanned out by the event worker and sent by the channel engine to the provider's loopback fake.
 * Answers the seconds from the first reply to the last send recorded as sent.
 */
export async function measureOutboundSends(
  database: DatabaseHandle,
  config: Config,
  app: App,
  inboxId: number,
  userId: number,
  sends: number,
): Promise<number> {
  const db = database.db;
  const conversations = await db
    .selectFrom('conversations')
    .select(['id', 'account_id'])
    .where('inbox_id', '=', inboxId)
    .execute();
  const workers = await startWorkers(database, config, app.deps, QUIET, ['events', 'channels']);
  try {
    const started = performance.now();
    for (let i = 0; i < sends; i++) {
      await createMessage(db, conversations[i % conversations.length], {
        messageType: MESSAGE_TYPE.outgoing,
        content: `reply ${i}`,
        sender: { type: 'User', id: userId },
      });
    }
    const sent = async () =>
      Number(
        (
          await db
            .selectFrom('channel_sends')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('status', '=', 'sent')
            .executeTakeFirstOrThrow()
        ).n,
      );
    await waitUntil(async () => (await sent()) === sends, 120_000);
    return (performance.now() - started) / 1000;
  } finally {
    await workers.stop();
  }
}

async function waitUntil(ok: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await ok())) {
    if (performance.now() > deadline) throw new Error('bench: timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
