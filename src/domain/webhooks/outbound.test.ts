import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { RESPONSE_LIMIT, sendOutbound } from './outbound.ts';
import type { Resolver } from './ssrf.ts';
import { cleanUpAfterFile } from '../../../test/helpers/cleanup.ts';

/** A loopback server answering with `handler`; counts the requests that reached it. */
async function server(handler: http.RequestListener) {
  let requests = 0;
  const s = http.createServer((req, res) => {
    requests++;
    handler(req, res);
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  cleanUpAfterFile(() => {
    s.closeAllConnections();
    return new Promise<void>((resolve) => s.close(() => resolve()));
  });
  return { port: (s.address() as AddressInfo).port, requests: () => requests };
}

describe('outbound requests', () => {
  it('connect to the address that was checked: a name re-resolving to loopback afterwards reaches nothing', async () => {
    const target = await server((_req, res) => res.end('internal secrets'));
    const lookups: string[] = [];
    // The attacker's DNS: a public address for the check, loopback for any later lookup.
    const rebinding: Resolver = async (hostname) => {
      lookups.push(hostname);
      return [{ address: lookups.length === 1 ? '203.0.113.7' : '127.0.0.1', family: 4 }];
    };
    const sent = sendOutbound({
      url: `http://rebind.example:${target.port}/hook`,
      headers: {},
      body: '{}',
      timeoutMs: 300,
      allowPrivateNetworks: false,
      resolve: rebinding,
    });
    await expect(sent).rejects.toThrow();
    expect(lookups).toEqual(['rebind.example']);
    expect(target.requests()).toBe(0);
  });

  it('refuse a name with any private address among its answers', async () => {
    const mixed: Resolver = async () => [
      { address: '203.0.113.7', family: 4 },
      { address: '::ffff:7f00:1', family: 6 },
    ];
    await expect(
      sendOutbound({
        url: 'http://mixed.example/',
        headers: {},
        timeoutMs: 300,
        allowPrivateNetworks: false,
        resolve: mixed,
      }),
    ).rejects.toMatchObject({
      kind: 'validation',
      message: 'Url points to a private or loopback network',
    });
  });

  it('send the URL’s host name in Host while connecting to the resolved address', async () => {
    let host: string | undefined;
    const target = await server((req, res) => {
      host = req.headers.host;
      res.end('ok');
    });
    const loopback: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const response = await sendOutbound({
      url: `http://receiver.example:${target.port}/x`,
      headers: {},
      body: '{}',
      timeoutMs: 2_000,
      allowPrivateNetworks: true,
      resolve: loopback,
    });
    expect(response).toMatchObject({ status: 200, truncated: false });
    expect(response.body.toString()).toBe('ok');
    expect(host).toBe(`receiver.example:${target.port}`);
  });

  it('read at most the limit of an endless answer', async () => {
    const target = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const response = await sendOutbound({
      url: `http://127.0.0.1:${target.port}/`,
      headers: {},
      body: '{}',
      timeoutMs: 10_000,
      allowPrivateNetworks: true,
    });
    expect(response.status).toBe(200);
    expect(response.truncated).toBe(true);
    expect(response.body.length).toBe(RESPONSE_LIMIT);
  });

  it('give up at the deadline on an answer trickling in byte by byte', async () => {
    const target = await server((_req, res) => {
      res.writeHead(200);
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write('.')), 50);
    });
    await expect(
      sendOutbound({
        url: `http://127.0.0.1:${target.port}/`,
        headers: {},
        timeoutMs: 400,
        allowPrivateNetworks: true,
      }),
    ).rejects.toMatchObject({
      name: 'TimeoutError',
      message: 'timeout after 400 ms',
    });
  });
});
