import { describe, inject } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { LIMIT_ENV, sharedLimitTests } from './support.ts';

// Redis outlives a test run: no per-address limit here, or loopback's count would carry over between runs.
const redisUrl = inject('redisUrl');
const env = {
  ...LIMIT_ENV,
  RATE_LIMIT_PER_IP: '0',
  RATE_LIMIT_STORE: 'redis',
  REDIS_URL: redisUrl,
  REALTIME_TRANSPORT: 'postgres',
};
const ctx = redisUrl ? await createTestContext(env) : undefined;

describe.skipIf(!ctx)('rate limits in Redis', () => {
  sharedLimitTests(ctx!, env, 'redis');
});
