/**
 * Retries against a running server with rate limits on (PostgreSQL store, 2 requests a token per 1 s window):
 * the third call answers 429 with Retry-After, the SDK waits that long and its retry succeeds; with retrying
 * off, or a Retry-After beyond maxDelayMs, the 429 surfaces as a SwitchboardError at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { builtSdk, listening } from './support.ts';

const ctx = await createTestContext({
  RATE_LIMIT_STORE: 'postgres',
  RATE_LIMIT_WINDOW_SECONDS: '1',
  RATE_LIMIT_PER_TOKEN: '2',
  RATE_LIMIT_PER_IP: '1000',
});
let sdk: Awaited<ReturnType<typeof builtSdk>>;
let base: string;

beforeAll(async () => {
  sdk = await builtSdk();
  base = await listening(ctx);
});

describe('@switchboard/sdk retries', () => {
  it('waits out a 429 for as long as Retry-After says, then succeeds; gives up when told not to wait', async () => {
    const account = await ctx.account('SDK retries');
    const retries: { status: number; delayMs: number; attempt: number }[] = [];
    const client = sdk.createClient({
      baseUrl: base,
      token: account.api_access_token,
      retry: { retries: 5 },
      onRetry: (r) => retries.push(r),
    });
    const noRetry = sdk.createClient({ baseUrl: base, token: account.api_access_token, retry: { retries: 0 } });
    const impatient = sdk.createClient({ baseUrl: base, token: account.api_access_token, retry: { maxDelayMs: 0 } });

    // Spend the window's budget until a 429 is seen without retrying, then retry through it.
    let refused: unknown;
    for (let i = 0; i < 10 && !refused; i++)
      refused = await noRetry.get('/api/v1/profile').then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(refused).toBeInstanceOf(sdk.SwitchboardError);
    expect(refused).toMatchObject({ status: 429, body: { error: expect.stringMatching(/^Too many requests/) } });
    expect(Number((refused as InstanceType<typeof sdk.SwitchboardError>).headers.get('retry-after'))).toBeGreaterThan(
      0,
    );
    // Retry-After is at least 1 s, beyond maxDelayMs 0: the 429 surfaces, in the WTS dialect's envelope here.
    let impatientRefusal: unknown;
    for (let i = 0; i < 10 && !impatientRefusal; i++)
      impatientRefusal = await impatient.get('/core/v1/contact').then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(impatientRefusal).toMatchObject({ status: 429, body: { key: 'ERROR_TOO_MANY_REQUESTS' } });

    // Two requests a window: within three calls one meets a 429, waits and still answers.
    for (let i = 0; i < 3 && retries.length === 0; i++)
      expect((await client.get('/api/v1/profile')).id).toBe(account.user_id);
    expect(retries.length).toBeGreaterThan(0);
    expect(retries[0]).toMatchObject({ status: 429, attempt: 1 });
    expect(retries[0].delayMs).toBeGreaterThan(0);
    expect(retries[0].delayMs).toBeLessThanOrEqual(1000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(sdk.retryAfterMs('2')).toBe(2000);
    expect(sdk.retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(sdk.retryAfterMs('soon')).toBeUndefined();
    expect(sdk.retryAfterMs(null)).toBeUndefined();
  });
});
