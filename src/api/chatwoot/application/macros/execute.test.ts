import { describe, expect, it, vi } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';
import { performNextMacroRun } from '../../../../domain/macros/runs.ts';
import { startMacroRunner } from '../../../../jobs/macros.ts';

/** Executing a macro answers at once; the queued run applies the actions in order with the agent as performer. */
const ctx = await createTestContext();
const acme = await conversationFixture(ctx, 'AcmeExec');
const globex = await conversationFixture(ctx, 'GlobexExec');
const agent = await ctx.member(acme.account.account_id, 'agent', 'Ada Exec');

async function drain() {
  while (await performNextMacroRun(ctx.database.db, ctx.app.deps.mailer));
}

describe('macro execute', () => {
  it('applies label, assignment and message on each conversation, by the agent; other accounts untouched', async () => {
    const first = await acme.openConversation();
    const second = await acme.openConversation();
    const foreign = await globex.openConversation();
    const macro = (
      await agent.api.post(`${acme.base}/macros`, {
        name: 'Take it',
        actions: [
          { action_name: 'add_label', action_params: ['vip'] },
          { action_name: 'assign_agent', action_params: [999999] },
          { action_name: 'assign_agent', action_params: [agent.userId] },
          { action_name: 'send_message', action_params: ['On it'] },
        ],
      })
    ).body.payload;
    const res = await agent.api.post(`${acme.base}/macros/${macro.id}/execute`, {
      conversation_ids: [first.id, second.id, foreign.id],
    });
    expect(res.status, res.text).toBe(200);
    await drain();

    for (const conversation of [first, second]) {
      const shown = (await acme.api.get(`${acme.base}/conversations/${conversation.id}`)).body;
      expect(shown.labels).toEqual(['vip']);
      expect(shown.meta.assignee?.id).toBe(agent.userId);
      const messages = (await acme.api.get(`${acme.base}/conversations/${conversation.id}/messages`)).body.payload;
      const sent = messages.find((m: any) => m.content === 'On it');
      expect(sent).toMatchObject({ message_type: 1, sender: { id: agent.userId } });
      expect(messages.some((m: any) => m.message_type === 2 && String(m.content).includes('by Ada Exec'))).toBe(true);
    }
    const run = await ctx.database.db
      .selectFrom('macro_runs')
      .selectAll()
      .where('macro_id', '=', macro.id)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('done');
    expect(run.log.filter((entry) => entry.status === 'failed').map((entry) => entry.detail)).toEqual([
      'agent 999999 is not a member of this account',
      'agent 999999 is not a member of this account',
    ]);
    const untouched = (await globex.api.get(`${globex.base}/conversations/${foreign.id}`)).body;
    expect(untouched.labels).toEqual([]);
    expect(untouched.meta.assignee ?? null).toBeNull();
  });

  it('the runner started with the server performs a queued run after the 200', async () => {
    const conversation = await acme.openConversation();
    const macro = (
      await acme.api.post(`${acme.base}/macros`, {
        name: 'Resolve',
        visibility: 'global',
        actions: [{ action_name: 'resolve_conversation', action_params: [] }],
      })
    ).body.payload;
    const runner = await startMacroRunner(ctx.database, ctx.app.deps.mailer, { warn() {}, error() {} });
    try {
      expect(
        (await agent.api.post(`${acme.base}/macros/${macro.id}/execute`, { conversation_ids: [conversation.id] }))
          .status,
      ).toBe(200);
      await vi.waitFor(
        async () =>
          expect((await acme.api.get(`${acme.base}/conversations/${conversation.id}`)).body.status).toBe('resolved'),
        { timeout: 20000, interval: 100 },
      );
    } finally {
      await runner.stop();
    }
  });
});
