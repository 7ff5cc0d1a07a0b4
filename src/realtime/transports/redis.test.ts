import { describe } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { crossProcessTests } from '../../../test/helpers/cross-process.ts';

// No catch-up reads during the test: only the transport can bring the event over.
const env = { REALTIME_TRANSPORT: 'redis', REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', REALTIME_CATCHUP_MS: '600000' };
const ctx = await createTestContext(env);

describe('Redis transport', () => crossProcessTests(ctx, env, 'redis'));
