import { describe } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { crossProcessTests } from '../../../test/helpers/cross-process.ts';

// No catch-up reads during the test: only LISTEN/NOTIFY can bring the event over.
const env = { REALTIME_TRANSPORT: 'postgres', REALTIME_CATCHUP_MS: '600000' };
const ctx = await createTestContext(env);

describe('LISTEN/NOTIFY transport (the default)', () => crossProcessTests(ctx, env, 'postgres'));
