import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cleanUpAfterFile, closeServer } from './cleanup.ts';

export interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: any;
  at: number;
}

/** A real HTTP receiver on loopback that records every request; `respond` decides the status. */
export async function startReceiver(
  respond: (request: Received, index: number) => number | Promise<number> = () => 200,
) {
  const received: Received[] = [];
  let calls = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', async () => {
      const entry: Received = { headers: req.headers, raw, body: raw ? JSON.parse(raw) : undefined, at: Date.now() };
      const status = await respond(entry, calls++);
      received.push({ ...entry, status } as Received);
      res.statusCode = status;
      res.end(status >= 400 ? 'receiver says no' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  cleanUpAfterFile(() => closeServer(server));
  return {
    url,
    received,
    /** Waits until `predicate` holds for the received list (polling), or fails after `timeoutMs`. */
    async waitFor(predicate: (received: Received[]) => boolean, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline)
          throw new Error(`receiver: condition not met in ${timeoutMs} ms; got ${received.length} requests`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}
