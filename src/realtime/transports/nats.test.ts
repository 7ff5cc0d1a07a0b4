import { describe, inject } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { crossProcessTests } from '../../../test/helpers/cross-process.ts';

// No catch-up reads during the test: only the transport can bring the event over.
const natsUrl = inject('natsUrl');
const env = { REALTIME_TRANSPORT: 'nats', NATS_URL: natsUrl, REALTIME_CATCHUP_MS: '600000' };
const ctx = natsUrl ? await createTestContext(env) : undefined;

describe.skipIf(!ctx)('NATS transport', () => crossProcessTests(ctx!, env, 'nats'));
