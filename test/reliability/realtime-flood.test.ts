import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database.ts';
import { recordBacklog } from '../helpers/backlog.ts';
import { freePort } from '../../bench/startup.ts';
import { bootstrap } from '../../src/domain/accounts/bootstrap.ts';
import { insertInbox } from '../../src/domain/inboxes/repository.ts';
import { createContact } from '../../src/domain/contacts/commands.ts';
import { createConversation } from '../../src/domain/conversations/commands.ts';
import { openDatabase } from '../../src/db/pool.ts';
import { migrate } from '../../src/db/migrate.ts';
import { startServerProcess } from './support/server-process.ts';

/**
 * Issue 11 item 3: widget contacts (whose pubsub tokens anyone gets from the Client API) open sockets and
 * subscribe with `cursor: 0` over and over, against an account with a large backlog in their own
 * conversations. /health, timed from its own process, must stay close to its unloaded latency, and the
 * caps (sockets per IP and per identity, subscriptions per socket) must answer as designed, and another
 * client's resume must still get its turn. The server runs with its default limits.
 */
const SOCKETS = 60; // the IP cap (50) refuses 10
const SUBSCRIBES = 12; // the per-socket cap (10) rejects 2
const BACKLOG = 4_500; // per contact: 9,000 in all, under REALTIME_REPLAY_MAX_EVENTS (10,000) so every resume replays
const BASELINE_MS = 3_000;
const FLOOD_MS = 8_000;

const database = await createTestDatabase();
afterAll(() => database.drop());
await migrate(database.url);
const handle = openDatabase(database.url, { max: 2 });
afterAll(() => handle.close());
const boot = await bootstrap(handle.db, { accountName: 'Flooded' });
const inbox = await insertInbox(handle.db, boot.account_id, { name: 'Widget', channel_type: 'Channel::Api' });
const tokens: string[] = [];
for (const name of ['Flood One', 'Flood Two']) {
  const { contactInbox } = await createContact(handle.db, boot.account_id, { name, inbox_id: inbox.id });
  const conversation = await createConversation(handle.db, boot.account_id, {
    sourceId: contactInbox!.source_id,
    inboxId: inbox.id,
  });
  await recordBacklog(handle.db, boot.account_id, conversation.id, BACKLOG);
  tokens.push(contactInbox!.pubsub_token);
}

const agent = await handle.db
  .selectFrom('users')
  .select('pubsub_token')
  .where('id', '=', boot.user_id)
  .executeTakeFirstOrThrow();
const lastSeq = (
  await handle.db
    .selectFrom('accounts')
    .select('last_event_seq')
    .where('id', '=', boot.account_id)
    .executeTakeFirstOrThrow()
).last_event_seq;
const AGENT_MISSED = 300;

const port = await freePort();
const server = await startServerProcess({ DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1' });
afterAll(() => {
  server.child.kill('SIGKILL');
  return server.exited;
});
const base = `http://127.0.0.1:${port}`;

const prober = path.resolve(import.meta.dirname, 'support/health-prober.ts');
async function probeHealth(durationMs: number) {
  const { stdout } = await promisify(execFile)(process.execPath, [prober, `${base}/health`, String(durationMs)], {
    timeout: durationMs + 60_000,
  });
  const { latencies, statuses } = JSON.parse(stdout) as { latencies: number[]; statuses: Record<string, number> };
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1)!, statuses };
}

interface FloodSocket {
  greeting?: { type: string; reason?: string; reconnect?: boolean };
  confirmed: number;
  rejected: number;
  frames: number;
  socket: WebSocket;
}

/** A socket that subscribes with each identifier; it only counts what it gets. */
function countingSocket(identifiers: Record<string, unknown>[], localAddress = '127.0.0.1'): FloodSocket {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/cable`, { localAddress });
  const state: FloodSocket = { confirmed: 0, rejected: 0, frames: 0, socket };
  socket.on('error', () => {});
  socket.on('message', (raw) => {
    const text = String(raw);
    if (text.startsWith('{"identifier"') && text.includes('"message"')) return void state.frames++;
    const message = JSON.parse(text);
    if (message.type === 'welcome' || message.type === 'disconnect') state.greeting ??= message;
    if (message.type === 'welcome') {
      for (const identifier of identifiers)
        socket.send(
          JSON.stringify({
            command: 'subscribe',
            identifier: JSON.stringify({ channel: 'RoomChannel', ...identifier }),
          }),
        );
    }
    if (message.type === 'confirm_subscription') state.confirmed++;
    if (message.type === 'reject_subscription') state.rejected++;
  });
  return state;
}

/** SUBSCRIBES subscriptions with distinct identifiers, each resuming from the very beginning. */
const floodSocket = (token: string) =>
  countingSocket(Array.from({ length: SUBSCRIBES }, (_, n) => ({ pubsub_token: token, n, cursor: 0 })));

async function until(condition: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('subscription and replay flood', () => {
  it('keeps /health responsive and answers the caps as designed', async () => {
    const baseline = await probeHealth(BASELINE_MS);
    const sockets = Array.from({ length: SOCKETS }, (_, i) => floodSocket(tokens[i % tokens.length]));
    const flood = probeHealth(FLOOD_MS);
    const answered = (s: FloodSocket) => s.greeting?.type === 'disconnect' || s.confirmed + s.rejected === SUBSCRIBES;
    await until(() => sockets.every(answered), 30_000, 'every socket answered');
    // Meanwhile an agent (from another address: the flood holds all of 127.0.0.1's sockets) comes back
    // after missing a few hundred events: its replay takes turns with the flood's instead of waiting it out.
    const resumedAt = performance.now();
    const dashboard = countingSocket(
      [
        {
          pubsub_token: agent.pubsub_token,
          account_id: boot.account_id,
          user_id: boot.user_id,
          cursor: lastSeq - AGENT_MISSED,
        },
      ],
      '127.0.0.2',
    );
    await until(() => dashboard.frames >= AGENT_MISSED, 30_000, 'the agent’s replay');
    const agentReplayMs = performance.now() - resumedAt;
    const underFlood = await flood;
    const frames = sockets.reduce((sum, s) => sum + s.frames, 0);
    console.log(
      `/health baseline p50 ${baseline.p50.toFixed(1)} ms, p99 ${baseline.p99.toFixed(1)} ms (${baseline.count} requests); ` +
        `under flood p50 ${underFlood.p50.toFixed(1)} ms, p99 ${underFlood.p99.toFixed(1)} ms, max ${underFlood.max.toFixed(1)} ms (${underFlood.count} requests); ` +
        `${frames} replay frames delivered meanwhile; the agent's ${AGENT_MISSED}-event resume took ${agentReplayMs.toFixed(0)} ms`,
    );
    for (const s of [...sockets, dashboard]) s.socket.terminate();

    expect(underFlood.statuses).toEqual({ 200: underFlood.count });
    // Measured on a 2-core machine shared with other test runs (load ~9): p99 40-100 ms under the flood;
    // before the caps and the paged, queued replay it was 7.5 s (two answers in eight seconds).
    expect(underFlood.p99).toBeLessThan(Math.max(10 * baseline.p99, 750));

    const refused = sockets.filter((s) => s.greeting?.type === 'disconnect');
    expect(refused.length).toBe(SOCKETS - 50);
    expect(refused.every((s) => s.greeting!.reason === 'too_many_connections' && s.greeting!.reconnect === false)).toBe(
      true,
    );
    const welcomed = sockets.filter((s) => s.greeting?.type === 'welcome');
    // Per token, 20 sockets hold subscriptions (10 each, the 11th and 12th rejected); the other 5 get none.
    const holding = welcomed.filter((s) => s.confirmed > 0);
    expect(holding.length).toBe(2 * 20);
    expect(holding.every((s) => s.confirmed === 10 && s.rejected === 2)).toBe(true);
    expect(welcomed.filter((s) => s.confirmed === 0).every((s) => s.rejected === SUBSCRIBES)).toBe(true);
    // The replays did work meanwhile: they were queued and paged, not refused.
    expect(frames).toBeGreaterThan(0);
  }, 120_000);
});
