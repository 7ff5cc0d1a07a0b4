import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase } from '../helpers/database.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { bootstrap } from '../../src/domain/accounts/bootstrap.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/pool.ts';
import { cleanUpAfterFile } from '../helpers/cleanup.ts';

/**
 * kill -9 of the server process while a chatbot run is in the middle of a step (an HTTP call the flow waits
 * on). The run's state is in PostgreSQL and its job in pg-boss: after a restart the run is taken up again from
 * the step it was in, and completes; the message sent before the crash is not sent a second time.
 */

/** The flow's HTTP step target: the first call hangs (the process dies waiting for it), later ones answer. */
async function startHangingApi() {
  const calls: string[] = [];
  let firstCall!: () => void;
  const called = new Promise<void>((resolve) => (firstCall = resolve));
  const server = http.createServer((req, res) => {
    calls.push(req.url!);
    if (calls.length === 1) {
      firstCall();
      return; // never answered: the caller is killed while waiting
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ n: 7 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanUpAfterFile(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, called };
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('kill -9 in the middle of a chatbot run', () => {
  it('completes the run after a restart, sending each bot message once', async () => {
    const database = await createTestDatabase();
    onTestFinished(() => database.drop());
    await migrate(database.url);
    const handle = openDatabase(database.url, { max: 2 });
    onTestFinished(() => handle.close());
    const boot = await bootstrap(handle.db, { accountName: 'Crashy bots' });
    const api = await startHangingApi();
    const env = { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' };

    let server: ServerProcess = await startServerProcess(database.url, env);
    try {
      const call = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(`${server.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${boot.api_access_token}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as any };
      };

      const inbox = await call('POST', `/api/v1/accounts/${boot.account_id}/inboxes`, {
        name: 'Shop API',
        channel: { type: 'api' },
      });
      expect(inbox.status).toBe(200);
      const bot = await call('POST', '/chat/v1/chatbot', {
        name: 'Crash bot',
        definition: {
          start: 'hello',
          steps: [
            { id: 'hello', kind: 'message', text: 'one', next: 'lookup' },
            { id: 'lookup', kind: 'http', method: 'GET', url: `${api.url}/count`, map: { n: 'n' }, next: 'tell' },
            { id: 'tell', kind: 'message', text: 'two ({{n}})', next: 'bye' },
            { id: 'bye', kind: 'complete', text: 'bye' },
          ],
        },
      });
      expect(bot.status).toBe(201);
      const sent = await call('POST', '/chat/v1/chatbot/send', {
        botKey: bot.body.key,
        from: 'Shop API',
        to: '+5511955550001',
      });
      expect(sent.body).toMatchObject({ status: 'QUEUED' });

      await api.called;
      const midway = await call('GET', `/chat/v1/send/chatbot/${sent.body.id}`);
      expect(midway.body).toMatchObject({ status: 'RUNNING', currentStep: 'lookup' });
      await server.kill();

      server = await startServerProcess(database.url, env);
      // The dead process's job stops heartbeating; pg-boss's supervision retries it (≈ a minute at most).
      const done = await until(
        () => call('GET', `/chat/v1/send/chatbot/${sent.body.id}`),
        (d) => d.body.status === 'COMPLETED' || d.body.status === 'FAILED',
        100_000,
      );
      expect(done.body).toMatchObject({ status: 'COMPLETED', statusDescription: 'completed the session' });
      expect(api.calls).toEqual(['/count', '/count']);

      const { rows } = await sql<{ content: string }>`
        SELECT m.content FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE c.uuid = ${sent.body.sessionId}::uuid AND m.message_type = 1 ORDER BY m.id`.execute(handle.db);
      expect(rows.map((r) => r.content)).toEqual(['one', 'two (7)', 'bye']);
      expect((await call('GET', `/chat/v1/session/${sent.body.sessionId}`)).body.status).toBe('COMPLETED');
    } finally {
      // A server that does not stop when asked is killed: it must not outlive the test (it holds our stderr).
      await Promise.race([server.stop(), new Promise((r) => setTimeout(r, 10_000))]);
      await server.kill();
    }
  }, 150_000);
});
