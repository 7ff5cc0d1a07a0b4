import net from 'node:net';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';

/**
 * A client that trickles its request (a byte every 200 ms) held its connection for as long as it liked: 75 s
 * at 1 byte / 5 s in the report, and a few hundred such clients hold every socket. The request, header and
 * idle deadlines close them; an upgraded websocket, quiet between its pings, stays open.
 */
const ctx = await createTestContext({
  HTTP_REQUEST_TIMEOUT_MS: '1500',
  HTTP_HEADERS_TIMEOUT_MS: '1000',
  HTTP_IDLE_TIMEOUT_MS: '2000',
});
await ctx.app.listen({ port: 0, host: '127.0.0.1' });
const { port } = ctx.app.server.address() as AddressInfo;
const BOUND_MS = 15_000;

const sockets: net.Socket[] = [];
afterAll(() => sockets.forEach((s) => s.destroy()));

/** Opens a raw connection, writes `head`, then one byte of `drip` every 200 ms; resolves when the server closes it. */
function trickle(head: string, drip: string): { closed: Promise<number> } {
  const started = Date.now();
  const socket = net.connect(port, '127.0.0.1');
  sockets.push(socket);
  socket.on('data', () => {});
  socket.on('error', () => {});
  socket.write(head);
  let i = 0;
  const timer = setInterval(() => drip && socket.writable && socket.write(drip[i++ % drip.length]), 200);
  const closed = new Promise<number>((resolve) =>
    socket.once('close', () => {
      clearInterval(timer);
      resolve(Date.now() - started);
    }),
  );
  return { closed };
}

/** The promise's value, or a failure once the bound has passed (the connection was never closed). */
async function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: still open after ${BOUND_MS} ms`)), BOUND_MS)),
  );
  try {
    return await Promise.race([promise, bound]);
  } finally {
    clearTimeout(timer);
  }
}

describe('slow and idle clients', () => {
  it('a body trickled a byte at a time is cut at the request deadline', { timeout: BOUND_MS + 5_000 }, async () => {
    const head = `POST /public/api/v1/inboxes/nope/contacts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n`;
    await within(trickle(head, 'x').closed, 'trickled body');
  });

  it('headers trickled a byte at a time are cut at the header deadline', { timeout: BOUND_MS + 5_000 }, async () => {
    await within(trickle('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 'abcdefgh').closed, 'trickled headers');
  });

  it('a connection that sends nothing is closed', { timeout: BOUND_MS + 5_000 }, async () => {
    await within(trickle('', '').closed, 'silent connection');
  });

  it('a keep-alive connection quiet for longer than the header deadline still serves its next request', {
    timeout: BOUND_MS + 5_000,
  }, async () => {
    const socket = net.connect(port, '127.0.0.1');
    sockets.push(socket);
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    const answers = (n: number) =>
      within(
        new Promise<void>((resolve) => {
          const check = setInterval(
            () => received.split('HTTP/1.1 200').length > n && (clearInterval(check), resolve()),
            20,
          );
        }),
        `answer ${n}`,
      );
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await answers(1);
    // Quiet for as long as trickled headers take to be cut (the header deadline), then ask again.
    await within(trickle('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 'abcdefgh').closed, 'trickled headers');
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await answers(2);
  });

  it('an ordinary request still answers, and an upgraded websocket outlives every deadline', {
    timeout: 3 * BOUND_MS,
  }, async () => {
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    const socket = new WebSocket(`ws://127.0.0.1:${port}/cable`);
    let pings = 0;
    const replies: string[] = [];
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw));
      if (message.type === 'ping') pings++;
      else replies.push(message.type);
    });
    let closed = false;
    socket.on('close', () => (closed = true));
    await within(new Promise((resolve) => socket.once('open', resolve)), 'websocket open');
    // Outlive the request deadline (the trickled body's lifetime), then two more of the cable's 3 s pings: the
    // gaps between them are longer than the 2 s idle deadline, so a socket the deadlines applied to is gone.
    await within(
      trickle(`POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n`, 'x').closed,
      'trickled body beside the websocket',
    );
    const seen = pings;
    await within(
      new Promise<void>((resolve) => {
        const check = setInterval(() => (pings >= seen + 2 || closed) && (clearInterval(check), resolve()), 50);
      }),
      'two pings',
    );
    expect(closed).toBe(false);
    socket.send(
      JSON.stringify({
        command: 'subscribe',
        identifier: JSON.stringify({ channel: 'RoomChannel', pubsub_token: 'nobody' }),
      }),
    );
    await within(
      new Promise<void>((resolve) => {
        const check = setInterval(
          () => replies.some((t) => t.endsWith('_subscription')) && (clearInterval(check), resolve()),
          50,
        );
      }),
      'subscription answer',
    );
    socket.close();
  });
});
