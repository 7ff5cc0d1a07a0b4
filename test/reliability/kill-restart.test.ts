import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { closeServer } from '../helpers/cleanup.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { freePort } from '../../bench/startup.ts';
import { bootstrap } from '../../src/domain/accounts/bootstrap.ts';
import { openDatabase } from '../../src/db/pool.ts';
import { migrate } from '../../src/db/migrate.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/switchboard.js');

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  for (let i = 0; i < 600 && !output.includes('is ready at'); i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

describe('kill -9 between commit and delivery', () => {
  it('delivers the committed event after a restart', async () => {
    const database = await createTestDatabase();
    onTestFinished(() => database.drop());
    await migrate(database.url);
    const handle = openDatabase(database.url, { max: 2 });
    const boot = await bootstrap(handle.db, { accountName: 'Crashy' });
    onTestFinished(() => handle.close());

    const port = await freePort();
    const receiverPort = await freePort(); // nothing listens yet: deliveries fail and wait for a retry
    const env = {
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_TIMEOUT_MS: '1000',
    };
    const headers = { api_access_token: boot.api_access_token, 'content-type': 'application/json' };
    const base = `http://127.0.0.1:${port}/api/v1/accounts/${boot.account_id}`;

    let server = await startServer(env);
    const webhook = await fetch(`${base}/webhooks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: `http://127.0.0.1:${receiverPort}/hook`, subscriptions: ['contact_created'] }),
    });
    expect(webhook.status).toBe(200);
    const created = await fetch(`${base}/contacts`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Survivor', email: 'survivor@example.com' }),
    });
    expect(created.status).toBe(200);
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));

    const received: { delivery: string; body: any }[] = [];
    const receiver = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        received.push({ delivery: String(req.headers['x-chatwoot-delivery']), body: JSON.parse(raw) });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(receiverPort, '127.0.0.1', resolve));
    onTestFinished(() => closeServer(receiver));

    server = await startServer(env);
    try {
      // Once the worker has recorded the delivery as delivered, nothing can send it again: count then.
      const recorded = () =>
        handle.db.selectFrom('webhook_deliveries').select('status').where('account_id', '=', boot.account_id).execute();
      for (let i = 0; i < 300; i++) {
        const rows = await recorded();
        if (rows.length > 0 && rows.every((row) => row.status === 'delivered')) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await recorded()).map((row) => row.status)).toEqual(['delivered']);
      expect(received).toHaveLength(1);
      expect(received[0].body).toMatchObject({ event: 'contact_created', name: 'Survivor' });
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  }, 60_000);
});
