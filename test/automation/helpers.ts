import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cleanUpAfterFile, closeServer } from '../helpers/cleanup.ts';
import type { Client, TestContext } from '../helpers/context.ts';

/** Fans out and runs automation until no event is undispatched and no run waits (rules' changes are events too). */
export async function settle(ctx: TestContext): Promise<void> {
  const { db } = ctx.database;
  for (let i = 0; i < 12; i++) {
    await ctx.worker!.idle();
    await ctx.automation!.idle();
    const pending = await db
      .selectFrom('events')
      .select('id')
      .where('dispatched_at', 'is', null)
      .limit(1)
      .executeTakeFirst();
    const busy = await db
      .selectFrom('automation_runs')
      .select('id')
      .where('status', 'in', ['queued', 'running'])
      .limit(1)
      .executeTakeFirst();
    if (!pending && !busy) return;
  }
  throw new Error('automation did not settle');
}

/** Polls `check` until it answers true (or fails after timeoutMs). */
export async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function createRule(api: Client, base: string, rule: Record<string, unknown>) {
  const res = await api.post(`${base}/automation_rules`, {
    name: 'rule',
    event_name: 'message_created',
    conditions: [],
    ...rule,
  });
  if (res.status !== 200) throw new Error(`rule create failed: ${res.text}`);
  return res.body;
}

export interface JsonRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/** A loopback HTTP server answering JSON; `answer` picks status and body per request. */
export async function startJsonReceiver(
  answer: (request: JsonRequest, index: number) => { status: number; body?: unknown },
) {
  const received: JsonRequest[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: raw ? JSON.parse(raw) : undefined,
      };
      const { status, body } = answer(request, received.length);
      received.push(request);
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.end(body === undefined ? '' : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanUpAfterFile(() => closeServer(server));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}
