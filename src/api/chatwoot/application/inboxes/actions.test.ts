import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
const db = ctx.database.db;
const base = `/api/v1/accounts/${acme.account_id}`;
const ann = await ctx.member(acme.account_id, 'agent', 'Ann');
const bob = await ctx.member(acme.account_id, 'agent', 'Bob');
await ctx.member(acme.account_id, 'agent', 'Nobody');

const newInbox = async (name: string) =>
  (await acme.api.post(`${base}/inboxes`, { name, channel: { type: 'api' } })).body;
const one = await newInbox('One');
const two = await newInbox('Two');
await db
  .insertInto('inbox_members')
  .values([
    { account_id: acme.account_id, inbox_id: one.id, user_id: ann.userId },
    { account_id: acme.account_id, inbox_id: one.id, user_id: bob.userId },
    { account_id: acme.account_id, inbox_id: two.id, user_id: bob.userId },
  ])
  .execute();
const theirs = (
  await globex.api.post(`/api/v1/accounts/${globex.account_id}/inboxes`, { name: 'Theirs', channel: { type: 'api' } })
).body;
const accountBot = await db
  .insertInto('agent_bots')
  .values({ account_id: acme.account_id, name: 'Acme bot', outgoing_url: 'https://bot.example/in' })
  .returningAll()
  .executeTakeFirstOrThrow();
const systemBot = await db
  .insertInto('agent_bots')
  .values({ account_id: null, name: 'System bot', outgoing_url: 'https://sys.example/in' })
  .returningAll()
  .executeTakeFirstOrThrow();
const foreignBot = await db
  .insertInto('agent_bots')
  .values({ account_id: globex.account_id, name: 'Globex bot' })
  .returningAll()
  .executeTakeFirstOrThrow();

const names = (res: { body: any }) => res.body.payload.map((a: any) => a.name);

describe('inbox actions', () => {
  it('lists assignable agents of an inbox: its members and every administrator, as {payload: [Agent]}', async () => {
    const res = await ann.api.get(`${base}/inboxes/${one.id}/assignable_agents`);
    expect(res.status).toBe(200);
    expect(res.body.payload.map((a: any) => a.id).sort()).toEqual([ann.userId, bob.userId, acme.user_id].sort());
    expect(res.body.payload.find((a: any) => a.id === acme.user_id)).toMatchObject({
      role: 'administrator',
      account_id: acme.account_id,
    });
    expect(names(res)).not.toContain('Nobody');
  });

  it('lists agents assignable in all of several inboxes (inbox_ids[] or JSON text)', async () => {
    const res = await acme.api.get(`${base}/assignable_agents`, { 'inbox_ids[]': [one.id, two.id] });
    expect(res.status).toBe(200);
    expect(res.body.payload.map((a: any) => a.id).sort()).toEqual([acme.user_id, bob.userId].sort());
    const n8n = await acme.api.get(`${base}/assignable_agents`, { inbox_ids: `["${one.id}"]` });
    expect(n8n.body.payload.map((a: any) => a.id)).toContain(ann.userId);
    expect((await acme.api.get(`${base}/assignable_agents`)).body.attributes).toEqual(['inbox_ids']);
    expect((await acme.api.get(`${base}/assignable_agents`, { 'inbox_ids[]': [one.id, theirs.id] })).status).toBe(404);
    expect((await ann.api.get(`${base}/assignable_agents`, { 'inbox_ids[]': [two.id] })).status).toBe(401);
  });

  it('attaches an account bot, shows it, swaps to a system bot and detaches', async () => {
    expect((await acme.api.get(`${base}/inboxes/${one.id}/agent_bot`)).body).toEqual({});
    let res = await acme.api.post(`${base}/inboxes/${one.id}/set_agent_bot`, { agent_bot: String(accountBot.id) });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    res = await ann.api.get(`${base}/inboxes/${one.id}/agent_bot`);
    expect(res.body).toEqual({
      agent_bot: {
        id: accountBot.id,
        name: 'Acme bot',
        description: null,
        thumbnail: '',
        outgoing_url: 'https://bot.example/in',
        bot_type: 'webhook',
        bot_config: {},
        account_id: acme.account_id,
        system_bot: false,
      },
    });
    await acme.api.post(`${base}/inboxes/${one.id}/set_agent_bot`, { agent_bot: systemBot.id });
    res = await acme.api.get(`${base}/inboxes/${one.id}/agent_bot`);
    expect(res.body.agent_bot).toMatchObject({ id: systemBot.id, system_bot: true, account_id: null });
    expect(res.body.agent_bot).not.toHaveProperty('outgoing_url');
    expect(
      await db.selectFrom('agent_bot_inboxes').select('agent_bot_id').where('inbox_id', '=', one.id).execute(),
    ).toEqual([{ agent_bot_id: systemBot.id }]);
    // n8n's untouched default (0) and null both detach
    await acme.api.post(`${base}/inboxes/${one.id}/set_agent_bot`, { agent_bot: 0 });
    expect((await acme.api.get(`${base}/inboxes/${one.id}/agent_bot`)).body).toEqual({});
    await acme.api.post(`${base}/inboxes/${one.id}/set_agent_bot`, { agent_bot: accountBot.id });
    await acme.api.post(`${base}/inboxes/${one.id}/set_agent_bot`, { agent_bot: null });
    expect((await acme.api.get(`${base}/inboxes/${one.id}/agent_bot`)).body).toEqual({});
    await acme.api.post(`${base}/inboxes/${one.id}/set_agent_bot`, { agent_bot: accountBot.id });
    const bare = await ctx.app.inject({
      method: 'POST',
      url: `${base}/inboxes/${one.id}/set_agent_bot`,
      headers: { api_access_token: acme.api_access_token },
    });
    expect(bare.statusCode).toBe(200);
    expect((await acme.api.get(`${base}/inboxes/${one.id}/agent_bot`)).body).toEqual({});
  });

  it('refuses another account’s bot and bad bot ids', async () => {
    expect((await acme.api.post(`${base}/inboxes/${one.id}/set_agent_bot`, { agent_bot: foreignBot.id })).status).toBe(
      404,
    );
    expect(
      (await acme.api.post(`${base}/inboxes/${one.id}/set_agent_bot`, { agent_bot: 'abc' })).body.attributes,
    ).toEqual(['agent_bot']);
  });

  it('removes the avatar with an empty 200', async () => {
    await db.updateTable('inboxes').set({ avatar_url: 'https://cdn.example/a.png' }).where('id', '=', two.id).execute();
    const res = await acme.api.delete(`${base}/inboxes/${two.id}/avatar`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await acme.api.get(`${base}/inboxes/${two.id}`)).body.avatar_url).toBe('');
  });

  it('refuses agents the admin actions with the policy 401', async () => {
    const denied = { status: 401, body: { error: 'You are not authorized to do this action' } };
    expect(await ann.api.post(`${base}/inboxes/${one.id}/set_agent_bot`, { agent_bot: accountBot.id })).toMatchObject(
      denied,
    );
    expect(await ann.api.delete(`${base}/inboxes/${one.id}/avatar`)).toMatchObject(denied);
    expect(await ann.api.get(`${base}/inboxes/${two.id}/assignable_agents`)).toMatchObject(denied);
  });

  it('answers 404 for another account’s inbox addressed under this account', async () => {
    for (const res of [
      await acme.api.get(`${base}/inboxes/${theirs.id}/assignable_agents`),
      await acme.api.get(`${base}/inboxes/${theirs.id}/agent_bot`),
      await acme.api.post(`${base}/inboxes/${theirs.id}/set_agent_bot`, { agent_bot: accountBot.id }),
      await acme.api.delete(`${base}/inboxes/${theirs.id}/avatar`),
    ]) {
      expect(res).toMatchObject({ status: 404, body: { error: 'Resource could not be found' } });
    }
    expect(await db.selectFrom('agent_bot_inboxes').select('id').where('inbox_id', '=', theirs.id).execute()).toEqual(
      [],
    );
  });
});
