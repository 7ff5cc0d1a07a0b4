import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimits } from '../../config.ts';
import type { Db } from '../../db/pool.ts';
import { AppError } from '../../errors.ts';
import { tokenDigest } from '../../domain/auth/secrets.ts';
import { readToken } from '../chatwoot/auth.ts';
import { INTERNAL_CALL_HEADER, INTERNAL_CALL_SECRET } from '../mcp/internal-call.ts';
import { clientKey } from '../rate-limiter.ts';
import { postgresCounters, redisCounters, type CounterStore } from './store.ts';

interface Bucket {
  key: string;
  limit: number;
}

/** Provider webhooks (they retry on their own schedule and are authenticated by their path secret) and health checks. */
function exempt(request: FastifyRequest): boolean {
  const path = request.url;
  if (path.startsWith('/webhooks/') || path === '/health' || path.startsWith('/health?')) return true;
  return request.headers[INTERNAL_CALL_HEADER] === INTERNAL_CALL_SECRET;
}

const SIGN_IN = /^\/auth\/(sign_in|password)(\/|\?|$)/;
const PUBLIC = /^\/(public\/api\/|api\/v1\/widget(\/|\?|$))/;

/** The limits a request counts against: its address always, its token if it has one, and its path's tighter one. */
function bucketsFor(request: FastifyRequest, limits: RateLimits): Bucket[] {
  const ip = clientKey(request.ip);
  const buckets: Bucket[] = [];
  if (limits.perIp > 0) buckets.push({ key: `ip:${ip}`, limit: limits.perIp });
  // Chatwoot's api_access_token, or Authorization: Bearer (WTS, MCP); counted by its digest, never stored as sent.
  const token = readToken(request) ?? request.headers.authorization?.trim();
  if (token && limits.perToken > 0) buckets.push({ key: `token:${tokenDigest(token)}`, limit: limits.perToken });
  if (limits.signInPerIp > 0 && request.method !== 'GET' && SIGN_IN.test(request.url))
    buckets.push({ key: `sign_in:${ip}`, limit: limits.signInPerIp });
  if (limits.publicPerIp > 0 && PUBLIC.test(request.url))
    buckets.push({ key: `public:${ip}`, limit: limits.publicPerIp });
  return buckets;
}

export function counterStore(db: Db, limits: RateLimits): CounterStore | undefined {
  if (limits.store === 'off') return undefined;
  return limits.store === 'redis' ? redisCounters(limits.redisUrl!) : postgresCounters(db, limits.windowMs);
}

/**
 * onRequest hook: counts the request in every bucket it belongs to (one round trip to the store), sets the
 * RateLimit-* headers of the tightest one and refuses with 429 once any is spent. The error handler gives the
 * 429 the dialect's error body and its Retry-After. A store that fails lets requests through (and says so in the log).
 */
export function rateLimitHook(store: CounterStore, limits: RateLimits) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (exempt(request)) return;
    const buckets = bucketsFor(request, limits);
    if (buckets.length === 0) return;
    const now = Date.now();
    const windowStart = now - (now % limits.windowMs);
    let counts: number[];
    try {
      counts = await store.hit(
        buckets.map((b) => b.key),
        windowStart,
        limits.windowMs,
      );
    } catch (err) {
      request.log.warn({ err }, 'rate limit store unavailable: request let through');
      return;
    }
    let tightest = 0;
    buckets.forEach((bucket, i) => {
      if (bucket.limit - counts[i] < buckets[tightest].limit - counts[tightest]) tightest = i;
    });
    const { limit } = buckets[tightest];
    const resetSeconds = Math.max(1, Math.ceil((windowStart + limits.windowMs - now) / 1000));
    reply.header('ratelimit-limit', String(limit));
    reply.header('ratelimit-remaining', String(Math.max(0, limit - counts[tightest])));
    reply.header('ratelimit-reset', String(resetSeconds));
    if (counts[tightest] > limit) {
      throw new AppError('rate_limited', `Too many requests: retry in ${resetSeconds} s`, [], {
        retryAfterSeconds: resetSeconds,
      });
    }
  };
}
