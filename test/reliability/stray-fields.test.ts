import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { conversationFixture } from '../helpers/fixtures.ts';

/**
 * Found by the fuzzer: update commands wrote every field of the body into columns, so a stray
 * `account_id` (or `status`, `id`) in a PATCH moved or changed rows it should not. Unknown fields are
 * ignored now, as Chatwoot (Rails strong parameters) ignores them.
 */
const ctx = await createTestContext();
const a = await conversationFixture(ctx, 'Alpha');
const b = await conversationFixture(ctx, 'Beta');
const db = ctx.database.db;
const alphaPlatform = await ctx.platformApp({ accountIds: [a.account.account_id] });
const stray = { account_id: b.account.account_id, id: 987654, created_at: '2001-01-01T00:00:00Z', not_a_column: 'x' };

describe('stray fields in update bodies', () => {
  it('neither move nor change the row, nor fail', async () => {
    const webhook = await a.api.post(`${a.base}/webhooks`, {
      url: 'https://203.0.113.7/hook',
      subscriptions: ['message_created'],
    });
    const attribute = await a.api.post(`${a.base}/custom_attribute_definitions`, {
      attribute_display_name: 'Plan',
      attribute_key: 'plan',
      attribute_model: 'contact_attribute',
    });
    const agent = await ctx.member(a.account.account_id, 'agent', 'Stray Agent');
    const updates = [
      () => a.api.patch(`${a.base}/webhooks/${webhook.body.payload.webhook.id}`, { ...stray, name: 'renamed' }),
      () =>
        a.api.patch(`${a.base}/custom_attribute_definitions/${attribute.body.id}`, {
          ...stray,
          attribute_display_name: 'Tier',
        }),
      () => a.api.patch(`${a.base}/contacts/${a.contact.id}`, { ...stray, name: 'Renamed Roe' }),
      () =>
        a.api.patch(`${a.base}/agents/${agent.userId}`, { ...stray, user_id: b.account.user_id, availability: 'busy' }),
      () =>
        a.api.patch(`/api/v1/accounts/${a.account.account_id}`, {
          ...stray,
          status: 'suspended',
          name: 'Alpha Renamed',
        }),
      () =>
        alphaPlatform.patch(`/platform/api/v1/accounts/${a.account.account_id}`, { ...stray, name: 'Alpha Platform' }),
    ];
    for (const update of updates) {
      const response = await update();
      expect(response.status, response.text).toBe(200);
    }

    const owners = await Promise.all([
      db
        .selectFrom('webhooks')
        .select(['account_id', 'name'])
        .where('id', '=', webhook.body.payload.webhook.id)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('custom_attribute_definitions')
        .select(['account_id', 'attribute_display_name as name'])
        .where('id', '=', attribute.body.id)
        .executeTakeFirstOrThrow(),
      db.selectFrom('contacts').select(['account_id', 'name']).where('id', '=', a.contact.id).executeTakeFirstOrThrow(),
    ]);
    expect(owners).toEqual([
      { account_id: a.account.account_id, name: 'renamed' },
      { account_id: a.account.account_id, name: 'Tier' },
      { account_id: a.account.account_id, name: 'Renamed Roe' },
    ]);
    const membership = await db
      .selectFrom('account_users')
      .select(['account_id', 'user_id', 'availability'])
      .where('user_id', '=', agent.userId)
      .execute();
    expect(membership).toEqual([{ account_id: a.account.account_id, user_id: agent.userId, availability: 'busy' }]);
    const account = await db
      .selectFrom('accounts')
      .select(['id', 'status', 'name'])
      .where('id', '=', a.account.account_id)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ id: a.account.account_id, status: 'active', name: 'Alpha Platform' });
    expect(await db.selectFrom('accounts').select('id').where('id', '=', 987654).executeTakeFirst()).toBeUndefined();
  });
});
