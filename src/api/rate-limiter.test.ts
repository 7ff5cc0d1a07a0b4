import { describe, expect, it } from 'vitest';
import { clientKey, RateLimiter } from './rate-limiter.ts';

describe('rate limiter (token bucket per client)', () => {
  it('allows the per-minute budget at once, then one more per 1/perMinute of a minute, with the wait to the next', () => {
    let now = 0;
    const limiter = new RateLimiter(60, { now: () => now });
    for (let i = 0; i < 60; i++) expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 1_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    now += 60_000;
    for (let i = 0; i < 60; i++) expect(limiter.take('a').allowed).toBe(true);
  });

  it('says how long to wait when the budget is slow', () => {
    let now = 0;
    const limiter = new RateLimiter(2, { now: () => now });
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    now += 29_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('keeps at most maxClients buckets, dropping refilled ones first', () => {
    let now = 0;
    const limiter = new RateLimiter(1, { now: () => now, maxClients: 2 });
    limiter.take('a');
    now += 60_000; // a's bucket has refilled
    limiter.take('b');
    limiter.take('c');
    expect(limiter.take('b').allowed).toBe(false); // b was kept, a dropped
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('keys IPv4 by address and IPv6 by its /64', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
});
