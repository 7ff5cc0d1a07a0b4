import { sql } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';
import { formData, PNG_PIXEL } from '../../../../../test/helpers/multipart.ts';
import { startMacroRunner } from '../../../../jobs/macros.ts';
import type { ObjectStorage } from '../../../../storage/object-storage.ts';

/** A macro run is a pg-boss job: a transient failure is retried with backoff and resumes; past the limit the run is failed. */
const ctx = await createTestContext();
const acme = await conversationFixture(ctx, 'AcmeRetry');
const db = ctx.database.db;

/** Object storage that is "unreachable" for the next `failures` reads (a connection reset, as a store going away gives). */
const flaky = { failures: 0 };
const storage: ObjectStorage = {
  put: (key, body) => ctx.app.deps.storage.put(key, body),
  delete: (key) => ctx.app.deps.storage.delete(key),
  async get(key) {
    if (flaky.failures > 0) {
      flaky.failures--;
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    }
    return ctx.app.deps.storage.get(key);
  },
};
const runner = await startMacroRunner(ctx.database, ctx.app.deps.mailer, { warn() {}, error() {} }, storage, {
  retryLimit: 2,
  retryDelaySeconds: 1,
});
afterAll(() => runner.stop());

async function macroWithFile(name: string) {
  const form = formData({}, [{ field: 'attachment', filename: 'pixel.png', type: 'image/png', body: PNG_PIXEL }]);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `${acme.base}/macros/attach_file`,
    headers: { api_access_token: acme.account.api_access_token, 'content-type': form.contentType },
    payload: form.payload,
  });
  const blobId = JSON.parse(res.body).blob_id;
  return (
    await acme.api.post(`${acme.base}/macros`, {
      name,
      visibility: 'global',
      actions: [
        { action_name: 'add_label', action_params: ['first'] },
        { action_name: 'send_attachment', action_params: [blobId] },
        { action_name: 'add_label', action_params: ['after'] },
      ],
    })
  ).body.payload;
}
const runOf = (macroId: number) =>
  db.selectFrom('macro_runs').selectAll().where('macro_id', '=', macroId).executeTakeFirstOrThrow();

describe('macro run retries', () => {
  it('a transient failure is retried and the run resumes at the failed step (no step done twice)', async () => {
    const macro = await macroWithFile('Flaky once');
    const conversation = await acme.openConversation();
    flaky.failures = 1;
    expect(
      (await acme.api.post(`${acme.base}/macros/${macro.id}/execute`, { conversation_ids: [conversation.id] })).status,
    ).toBe(200);
    await vi.waitFor(async () => expect((await runOf(macro.id)).status).toBe('done'), {
      timeout: 30_000,
      interval: 200,
    });
    const run = await runOf(macro.id);
    expect(run.attempts).toBe(2);
    expect(run.log.map((e) => [e.action_name, e.status])).toEqual([
      ['add_label', 'done'],
      ['send_attachment', 'done'],
      ['add_label', 'done'],
    ]);
    const messages = (await acme.api.get(`${acme.base}/conversations/${conversation.id}/messages`)).body
      .payload as any[];
    expect(messages.filter((m) => m.attachments?.length)).toHaveLength(1);
    expect((await acme.api.get(`${acme.base}/conversations/${conversation.id}`)).body.labels.sort()).toEqual([
      'after',
      'first',
    ]);
  });

  it('a failure that outlasts the retries marks the run failed with its error, the steps before it kept', async () => {
    const macro = await macroWithFile('Always down');
    const conversation = await acme.openConversation();
    flaky.failures = 100;
    await acme.api.post(`${acme.base}/macros/${macro.id}/execute`, { conversation_ids: [conversation.id] });
    await vi.waitFor(async () => expect((await runOf(macro.id)).status).toBe('failed'), {
      timeout: 40_000,
      interval: 200,
    });
    flaky.failures = 0;
    const run = await runOf(macro.id);
    expect(run).toMatchObject({ attempts: 3, error: 'socket hang up' });
    expect(run.finished_at).not.toBeNull();
    expect(run.log.map((e) => e.action_name)).toEqual(['add_label']);
    // pg-boss shows the job failed too, after its two retries.
    const jobOf = async () =>
      (
        await sql<{
          state: string;
          retry_count: number;
        }>`SELECT state, retry_count FROM pgboss.job WHERE name = 'macro-run' AND data->>'runId' = ${String(run.id)}`.execute(
          db,
        )
      ).rows[0];
    await vi.waitFor(async () => expect(await jobOf()).toMatchObject({ state: 'failed', retry_count: 2 }), {
      timeout: 10_000,
      interval: 100,
    });
  });
});
