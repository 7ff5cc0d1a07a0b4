import { describe } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { LIMIT_ENV, sharedLimitTests } from './support.ts';

// Redis outlives a test run: no per-address limit here, or loopback's count would carry over between runs.
const env = { ...LIMIT_ENV, RATE_LIMIT_PER_IP: '0', RATE_LIMIT_STORE: 'redis', REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', REALTIME_TRANSPORT: 'postgres' };
const ctx = await createTestContext(env);

describe('rate limits in Redis', () => {
  sharedLimitTests(ctx, env, 'redis');
});
