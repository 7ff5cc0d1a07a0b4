import { describe, inject } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { crossProcessTests } from '../../../test/helpers/cross-process.ts';

// No catch-up reads during the test: only the transport can bring the event over.
const redisUrl = inject('redisUrl');
const env = { REALTIME_TRANSPORT: 'redis', REDIS_URL: redisUrl, REALTIME_CATCHUP_MS: '600000' };
const ctx = redisUrl ? await createTestContext(env) : undefined;

describe.skipIf(!ctx)('Redis transport', () => crossProcessTests(ctx!, env, 'redis'));
