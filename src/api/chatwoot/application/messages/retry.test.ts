import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const other = await ctx.account('Globex');

describe('retrying a message its channel failed to deliver', () => {
  it('moves a failed message back to sent, clears the reason and fires message.updated; anything else is refused', async () => {
    const conversation = await f.openConversation();
    const sent = (
      await f.api.post(`${f.base}/conversations/${conversation.id}/messages`, { content: 'Your order shipped' })
    ).body;
    const path = `${f.base}/conversations/${conversation.id}/messages/${sent.id}`;
    const notFailed = await f.api.post(`${path}/retry`);
    expect(notFailed).toMatchObject({ status: 422, body: { error: 'Only a failed message can be retried' } });

    const failed = await f.api.patch(path, { status: 'failed', external_error: 'Number is not on WhatsApp' });
    expect(failed.body).toMatchObject({
      status: 'failed',
      content_attributes: { external_error: 'Number is not on WhatsApp' },
    });
    const before = await ctx.database.db
      .selectFrom('events')
      .select('id')
      .where('name', '=', 'message.updated')
      .where('message_id', '=', sent.id)
      .execute();

    const retried = await f.api.post(`${path}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: sent.id, status: 'sent' });
    expect(retried.body.content_attributes.external_error).toBeUndefined();
    const after = await ctx.database.db
      .selectFrom('events')
      .select('id')
      .where('name', '=', 'message.updated')
      .where('message_id', '=', sent.id)
      .execute();
    expect(after.length).toBe(before.length + 1);

    // another account's token names nothing here
    const foreign = await ctx
      .client(other.api_access_token)
      .post(`/api/v1/accounts/${other.account_id}/conversations/${conversation.id}/messages/${sent.id}/retry`);
    expect(foreign.status).toBe(404);
  });
});
