import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';
import { performNextMacroRun } from '../../../../domain/macros/runs.ts';

/** Chatwoot renders Liquid variables in outgoing message content when the message is created. */
const ctx = await createTestContext();
const acme = await conversationFixture(ctx, 'AcmeVars');
const agent = await ctx.member(acme.account.account_id, 'agent', 'ada lovelace');
await ctx.database.db
  .insertInto('inbox_members')
  .values({ account_id: acme.account.account_id, inbox_id: acme.inbox.id, user_id: agent.userId })
  .execute();
await ctx.database.db
  .updateTable('contacts')
  .set({ name: 'jane van roe', phone_number: '+15550001', custom_attributes: JSON.stringify({ plan: 'gold' }) })
  .where('id', '=', acme.contact.id)
  .execute();

const messagesOf = async (displayId: number) =>
  (await acme.api.get(`${acme.base}/conversations/${displayId}/messages`)).body.payload as any[];

describe('message variables', () => {
  it('an agent message renders contact, agent, conversation, inbox, account and custom attribute variables', async () => {
    const conversation = await acme.openConversation(acme.api, { custom_attributes: { order: 'A-1' } });
    const content =
      'Hi {{contact.name}} / {{contact.first_name}} {{contact.last_name}} / {{contact.email}} {{contact.phone}} {{contact.phone_number}} #{{contact.id}} | ' +
      '{{agent.name}} {{agent.first_name}} {{agent.email}} | {{conversation.id}}={{conversation.display_id}} | {{inbox.name}} | {{account.name}} | ' +
      '{{contact.custom_attribute.plan}} {{conversation.custom_attribute.order}} | [{{contact.unknown}}] `{{contact.name}}`';
    const res = await agent.api.post(`${acme.base}/conversations/${conversation.id}/messages`, { content });
    expect(res.status, res.text).toBe(200);
    const email = acme.contact.email;
    const agentEmail = (
      await ctx.database.db.selectFrom('users').select('email').where('id', '=', agent.userId).executeTakeFirstOrThrow()
    ).email;
    const expected =
      `Hi Jane Van Roe / Jane Roe / ${email} +15550001 +15550001 #${acme.contact.id} | ` +
      `ada lovelace Ada ${agentEmail} | ${conversation.id}=${conversation.id} | Shop API | AcmeVars | ` +
      'gold A-1 | [] `{{contact.name}}`';
    expect(res.body.content).toBe(expected);
    expect((await messagesOf(conversation.id)).find((m) => m.id === res.body.id).content).toBe(expected);
  });

  it('incoming messages keep braces as written; a canned response used in a message is rendered', async () => {
    const conversation = await acme.openConversation();
    const incoming = await acme.incoming(conversation.id, 'my code is {{contact.name}}');
    expect(incoming.content).toBe('my code is {{contact.name}}');
    const canned = (
      await acme.api.post(`${acme.base}/canned_responses`, {
        short_code: 'hello',
        content: 'Hello {{contact.first_name}}, this is {{agent.name}}',
      })
    ).body;
    expect(canned.content).toBe('Hello {{contact.first_name}}, this is {{agent.name}}');
    const sent = await agent.api.post(`${acme.base}/conversations/${conversation.id}/messages`, {
      content: canned.content,
      private: true,
    });
    expect(sent.body.content).toBe('Hello Jane, this is ada lovelace');
  });

  it('a conversation created with a message renders it, the sender being the agent', async () => {
    const created = await acme.openConversation(agent.api, {
      message: { content: 'Welcome {{contact.first_name}} from {{agent.first_name}}' },
    });
    const messages = await messagesOf(created.id);
    expect(messages.map((m) => m.content)).toContain('Welcome Jane from Ada');
  });

  it('macro send_message and add_private_note render with the performing agent', async () => {
    const conversation = await acme.openConversation();
    const macro = (
      await agent.api.post(`${acme.base}/macros`, {
        name: 'Greet',
        actions: [
          {
            action_name: 'send_message',
            action_params: ['Hi {{contact.first_name}}, {{agent.name}} here ({{conversation.display_id}})'],
          },
          {
            action_name: 'add_private_note',
            action_params: ['noted by {{agent.first_name}} for {{contact.custom_attribute.plan}}'],
          },
        ],
      })
    ).body.payload;
    expect(
      (await agent.api.post(`${acme.base}/macros/${macro.id}/execute`, { conversation_ids: [conversation.id] })).status,
    ).toBe(200);
    while (await performNextMacroRun(ctx.database.db, ctx.app.deps.mailer));
    const contents = (await messagesOf(conversation.id)).map((m) => m.content);
    expect(contents).toContain(`Hi Jane, ada lovelace here (${conversation.id})`);
    expect(contents).toContain('noted by Ada for gold');
  });
});
