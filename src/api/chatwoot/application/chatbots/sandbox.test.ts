import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

/** The Test panel's sandbox: the flow runs turn by turn on the engine's handlers, and nothing real changes. */
const ctx = await createTestContext();
const admin = await ctx.account('Sandbox');
const url = `/api/v1/accounts/${admin.account_id}/chatbots/sandbox`;

const definition = {
  start: 'menu',
  steps: [
    {
      id: 'menu',
      kind: 'ask',
      text: 'Hi {{contact.name}}: sales or support?',
      saveAs: 'topic',
      choices: [{ title: 'Sales', next: 'sales' }, { title: 'Support' }],
      next: 'support',
    },
    { id: 'sales', kind: 'set', target: 'contact', key: 'interest', value: '{{vars.topic}}', next: 'tagged' },
    { id: 'tagged', kind: 'tag', action: 'add', tag: 'lead', next: 'pause' },
    { id: 'pause', kind: 'wait', seconds: 60, next: 'done' },
    { id: 'done', kind: 'complete', text: 'Thanks, {{contact.name}}, about {{topic}}' },
    {
      id: 'support',
      kind: 'handoff',
      departmentId: '00000000-0000-4000-8000-00000000abcd',
      text: 'A person will help',
    },
  ],
};

describe('POST /api/v1/accounts/:id/chatbots/sandbox', () => {
  it('asks, takes the picked choice, pretends the contact changes, skips the wait and completes', async () => {
    const first = await admin.api.post(url, { definition });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ status: 'waiting', reason: null, state: { step: 'menu' } });
    expect(first.body.messages).toEqual([
      {
        step: 'menu',
        text: 'Hi Sandbox visitor: sales or support?',
        choices: [{ title: 'Sales', next: 'sales' }, { title: 'Support' }],
      },
    ]);

    const second = await admin.api.post(url, { definition, state: first.body.state, reply: '1' });
    expect(second.body).toMatchObject({ status: 'finished', reason: 'would complete the session' });
    expect(second.body.messages).toEqual([{ step: 'done', text: 'Thanks, Sandbox visitor, about Sales' }]);
    expect(second.body.events.map((e: { text: string }) => e.text)).toEqual([
      'would set contact interest = "Sales"',
      'would add tag "lead"',
      'would wait 60 s (the sandbox goes on at once)',
    ]);
    expect(second.body.state).toMatchObject({
      step: null,
      variables: { topic: 'Sales', reply: '1' },
      contact: { email: null, phone: null, fields: { interest: 'Sales' }, tags: ['lead'] },
    });

    const other = await admin.api.post(url, { definition, state: first.body.state, reply: 'help me' });
    expect(other.body).toMatchObject({
      status: 'finished',
      reason: 'would hand the session off to department 00000000-0000-4000-8000-00000000abcd',
    });
    expect(other.body.messages).toEqual([{ step: 'support', text: 'A person will help' }]);

    const db = ctx.database.db;
    const counts = await Promise.all(
      ['contacts', 'conversations', 'messages', 'labels'].map(async (table) =>
        Number(
          (
            await db
              .selectFrom(table as 'contacts')
              .where('account_id', '=', admin.account_id)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ),
    );
    expect(counts).toEqual([0, 0, 0, 0]);
  });

  it('refuses an invalid flow naming the step, and agents', async () => {
    const res = await admin.api.post(url, {
      definition: { start: 'a', steps: [{ id: 'a', kind: 'message', next: 'nowhere', text: 'x' }] },
    });
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual([
      { attribute: 'definition.steps.a.next', message: 'step "a": next "nowhere" is not a step of this flow' },
    ]);
    const agent = await ctx.member(admin.account_id, 'agent');
    expect((await agent.api.post(url, { definition })).status).toBe(401);
  });
});
