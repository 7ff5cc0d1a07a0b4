import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const other = await ctx.account('Globex');
const base = `/api/v1/accounts/${acme.account_id}/agent_bots`;
const agent = await ctx.member(acme.account_id, 'agent');
const system = await ctx.database.db
  .insertInto('agent_bots')
  .values({ account_id: null, name: 'System bot', outgoing_url: 'https://system.example/hook' })
  .returningAll()
  .executeTakeFirstOrThrow();

/** Whether a token is live: a bot token reaching a bots-forbidden endpoint is told so, a dead one is invalid. */
async function tokenIsLive(token: string): Promise<boolean> {
  const res = await ctx.client(token).get(`/api/v1/accounts/${acme.account_id}/labels`);
  return res.body.error === 'Access to this endpoint is not authorized for bots';
}

describe('agent bots (account API)', () => {
  let bot: { id: number; access_token: string };

  it('creates a bot and answers the AgentBot shape with its freshly minted token', async () => {
    const res = await acme.api.post(base, {
      name: 'Triage',
      description: 'First line',
      outgoing_url: 'https://bots.example/triage',
      bot_type: 'webhook',
      bot_config: { lang: 'en' },
      avatar_url: 'https://cdn.example/bot.png',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.any(Number),
      name: 'Triage',
      description: 'First line',
      thumbnail: 'https://cdn.example/bot.png',
      outgoing_url: 'https://bots.example/triage',
      bot_type: 'webhook',
      bot_config: { lang: 'en' },
      account_id: acme.account_id,
      access_token: expect.any(String),
      system_bot: false,
    });
    bot = res.body;
    expect(await tokenIsLive(bot.access_token)).toBe(true);
    const stored = await ctx.database.db
      .selectFrom('access_tokens')
      .select('token_digest')
      .where('owner_type', '=', 'AgentBot')
      .where('owner_id', '=', bot.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0].token_digest).not.toBe(bot.access_token);
  });

  it('lists the account’s bots and system bots; system bots hide outgoing_url; no token is shown', async () => {
    const res = await agent.api.get(base);
    expect(res.status).toBe(200);
    expect(res.body.map((b: { id: number }) => b.id)).toEqual([system.id, bot.id]);
    expect(res.body[0]).toEqual({
      id: system.id,
      name: 'System bot',
      description: null,
      thumbnail: '',
      bot_type: 'webhook',
      bot_config: {},
      account_id: null,
      system_bot: true,
    });
    expect(res.body[1]).not.toHaveProperty('access_token');
    expect((await agent.api.get(`${base}/${system.id}`)).body).toMatchObject({ id: system.id, system_bot: true });
  });

  it('updates with PATCH and PUT (nested under agent_bot too) and removes the avatar', async () => {
    let res = await acme.api.patch(`${base}/${bot.id}`, { name: 'Triage 2', description: '', outgoing_url: '' });
    expect(res.body).toMatchObject({
      name: 'Triage 2',
      description: 'First line',
      outgoing_url: 'https://bots.example/triage',
    });
    expect(res.body).not.toHaveProperty('access_token');
    res = await acme.api.put(`${base}/${bot.id}`, { agent_bot: { bot_config: { lang: 'pt' } } });
    expect(res.body.bot_config).toEqual({ lang: 'pt' });
    res = await acme.api.delete(`${base}/${bot.id}/avatar`);
    expect(res).toMatchObject({ status: 200, body: { id: bot.id, thumbnail: '' } });
  });

  it('resets the access token: the new one works, the old one stops', async () => {
    const res = await acme.api.post(`${base}/${bot.id}/reset_access_token`);
    expect(res.status).toBe(200);
    expect(res.body.access_token).toEqual(expect.any(String));
    expect(res.body.access_token).not.toBe(bot.access_token);
    expect(await tokenIsLive(res.body.access_token)).toBe(true);
    expect(await tokenIsLive(bot.access_token)).toBe(false);
  });

  it('rejects bad input with 422 naming the field', async () => {
    expect(await acme.api.post(base, { name: '', description: '', outgoing_url: '' })).toMatchObject({
      status: 422,
      body: { attributes: ['name'] },
    });
    expect(await acme.api.post(base, { name: 'x', outgoing_url: 'ftp://x.example' })).toMatchObject({
      status: 422,
      body: { attributes: ['outgoing_url'] },
    });
    expect(await acme.api.post(base, { name: 'x', bot_type: 'csml' })).toMatchObject({
      status: 422,
      body: { attributes: ['bot_type'] },
    });
    expect(await acme.api.patch(`${base}/${bot.id}`, { bot_config: 'not an object' })).toMatchObject({
      status: 422,
      body: { attributes: ['bot_config'] },
    });
  });

  it('refuses agents every write with the Chatwoot policy 401', async () => {
    const denied = { status: 401, body: { error: 'You are not authorized to do this action' } };
    expect(await agent.api.post(base, { name: 'x' })).toMatchObject(denied);
    expect(await agent.api.patch(`${base}/${bot.id}`, { name: 'x' })).toMatchObject(denied);
    expect(await agent.api.delete(`${base}/${bot.id}`)).toMatchObject(denied);
    expect(await agent.api.delete(`${base}/${bot.id}/avatar`)).toMatchObject(denied);
    expect(await agent.api.post(`${base}/${bot.id}/reset_access_token`)).toMatchObject(denied);
  });

  it('answers 404 for another account’s bot, and treats system bots as read-only', async () => {
    const theirs = await other.api.post(`/api/v1/accounts/${other.account_id}/agent_bots`, { name: 'Theirs' });
    const notFound = { status: 404, body: { error: 'Resource could not be found' } };
    expect(await acme.api.get(`${base}/${theirs.body.id}`)).toMatchObject(notFound);
    expect(await acme.api.patch(`${base}/${theirs.body.id}`, { name: 'Mine' })).toMatchObject(notFound);
    expect(await acme.api.post(`${base}/${theirs.body.id}/reset_access_token`)).toMatchObject(notFound);
    expect(await acme.api.delete(`${base}/${theirs.body.id}`)).toMatchObject(notFound);
    expect((await acme.api.get(base)).body.map((b: { id: number }) => b.id)).not.toContain(theirs.body.id);
    expect(await acme.api.patch(`${base}/${system.id}`, { name: 'Hijacked' })).toMatchObject(notFound);
    expect(await acme.api.post(`${base}/${system.id}/reset_access_token`)).toMatchObject(notFound);
    expect(await acme.api.delete(`${base}/${system.id}`)).toMatchObject(notFound);
  });

  it('deletes with 200 and an empty body, and its token dies with it', async () => {
    const created = await acme.api.post(base, { name: 'Short-lived' });
    const res = await acme.api.delete(`${base}/${created.body.id}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await acme.api.get(`${base}/${created.body.id}`)).status).toBe(404);
    expect(await ctx.client(created.body.access_token).get(`/api/v1/accounts/${acme.account_id}/labels`)).toMatchObject(
      {
        status: 401,
        body: { error: 'Invalid Access Token' },
      },
    );
  });
});
