import { expect, it } from 'vitest';
import type { TestContext } from '../helpers/context.ts';
import { startServerProcess } from '../helpers/server-process.ts';

/** Limits small enough to spend in a test; an hour's window so no test straddles two (see awayFromWindowEdge). */
export const LIMIT_ENV = {
  RATE_LIMIT_WINDOW_SECONDS: '3600',
  RATE_LIMIT_PER_TOKEN: '6',
  RATE_LIMIT_PER_IP: '40',
  RATE_LIMIT_SIGN_IN_PER_IP: '3',
  RATE_LIMIT_PUBLIC_PER_IP: '4',
};

/** Fixed windows restart on the hour: a test that would start within 20 s of that waits for the new window. */
export async function awayFromWindowEdge(windowMs = 3_600_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < 20_000) await new Promise((r) => setTimeout(r, left + 50));
}

/** The in-process server's URL, listening on a loopback port from the first call on. */
export async function listening(ctx: TestContext): Promise<string> {
  const address = ctx.app.server.address();
  if (address && typeof address === 'object') return `http://127.0.0.1:${address.port}`;
  return ctx.app.listen({ port: 0, host: '127.0.0.1' });
}

/** Both processes count one token against one limit: 6 a window, whichever process answers. */
export function sharedLimitTests(ctx: TestContext, env: Record<string, string>, store: string): void {
  it(`shares one token's budget between two server processes (${store})`, { timeout: 150_000 }, async () => {
    await awayFromWindowEdge();
    const here = await listening(ctx);
    const account = await ctx.account(`Shared ${store}`);
    const other = await startServerProcess(ctx.config.databaseUrl!, env);
    try {
      const get = (base: string) =>
        fetch(`${base}/api/v1/profile`, { headers: { api_access_token: account.api_access_token } });
      const answers: Response[] = [];
      for (let i = 0; i < 3; i++) answers.push(await get(here), await get(other.url));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(answers.map((r) => Number(r.headers.get('ratelimit-remaining')))).toEqual([5, 4, 3, 2, 1, 0]);
      for (const base of [other.url, here]) {
        const refused = await get(base);
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(refused.headers.get('ratelimit-limit')).toBe('6');
        expect(await refused.json()).toEqual({ error: expect.stringMatching(/^Too many requests/) });
      }
    } finally {
      await other.stop();
    }
  });
}
