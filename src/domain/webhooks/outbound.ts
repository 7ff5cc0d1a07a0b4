import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { bareHost, systemResolver, vetUrl, type Resolver } from './ssrf.ts';

/**
 * Every request Switchboard makes to a URL someone gave it (webhooks, agent bots, chatbot callbacks, the
 * chatbot `http` step) goes through `sendOutbound`:
 * - the URL is vetted once (ssrf.ts) and the connection goes to exactly the address that was checked — the
 *   Host header and TLS server name stay the URL's host — so a name re-resolving to loopback between the check
 *   and the connection (DNS rebinding) reaches nothing;
 * - one deadline covers resolving, connecting, the answer's headers and its body: a receiver trickling its
 *   answer cannot hold a delivery slot past the timeout;
 * - at most `maxResponseBytes` of the answer are read, the rest is left unread (the connection is closed).
 * Redirects are not followed (a 3xx is an answer like any other).
 */
export const RESPONSE_LIMIT = 64 * 1024;

export interface OutboundRequest {
  url: string;
  method?: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  allowPrivateNetworks: boolean;
  maxResponseBytes?: number;
  /** How the URL's field is named in a refusal (422 attributes, messages). */
  field?: string;
  resolve?: Resolver;
}

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The answer's first maxResponseBytes bytes. */
  body: Buffer;
  /** The answer was longer than that (the rest was not read). */
  truncated: boolean;
}

/** Kept-alive connections are pooled per address connected to (and TLS server name), never per host name. */
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

export class OutboundTimeoutError extends Error {
  override name = 'TimeoutError';
}

/** What to log for a failed request: "timeout after N ms", a network error's code, or its message. */
export function describeOutboundError(error: unknown): string {
  const e = error as Error & { code?: string };
  return e.name === 'TimeoutError' ? e.message : (e.code ?? e.message);
}

export async function sendOutbound(request: OutboundRequest): Promise<OutboundResponse> {
  const limit = request.maxResponseBytes ?? RESPONSE_LIMIT;
  const timeout = new OutboundTimeoutError(`timeout after ${request.timeoutMs} ms`);
  let timer: NodeJS.Timeout | undefined;
  let abort: (error: Error) => void = () => {};
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort(timeout);
      reject(timeout);
    }, request.timeoutMs);
  });
  expired.catch(() => {});
  try {
    const target = await Promise.race([
      vetUrl(request.url, request.allowPrivateNetworks, request.field, request.resolve ?? systemResolver),
      expired,
    ]);
    return await Promise.race([exchange(request, target, limit, (cancel) => (abort = cancel)), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function exchange(
  request: OutboundRequest,
  target: { url: URL; address: string; family: number },
  limit: number,
  onAbort: (cancel: (error: Error) => void) => void,
): Promise<OutboundResponse> {
  const { url } = target;
  return new Promise((resolve, reject) => {
    const outgoing = (url.protocol === 'https:' ? https : http).request({
      protocol: url.protocol,
      host: target.address,
      family: target.family,
      port: url.port || (url.protocol === 'https:' ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: request.method ?? 'POST',
      headers: {
        ...request.headers,
        host: url.host,
        ...(request.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(request.body)) }),
      },
      ...(url.protocol === 'https:' && !net.isIP(bareHost(url)) ? { servername: url.hostname } : {}),
      agent: agents[url.protocol as 'http:' | 'https:'],
    });
    onAbort((error) => outgoing.destroy(error));
    outgoing.on('error', reject);
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (truncated: boolean) =>
        resolve({
          status: incoming.statusCode ?? 0,
          headers: incoming.headers,
          body: Buffer.concat(chunks).subarray(0, limit),
          truncated,
        });
      incoming.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size > limit) {
          finish(true);
          incoming.destroy();
        }
      });
      incoming.on('end', () => finish(false));
      incoming.on('error', reject);
    });
    outgoing.end(request.body);
  });
}
