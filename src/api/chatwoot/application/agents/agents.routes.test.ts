import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
const db = ctx.database.db;
const base = `/api/v1/accounts/${acme.account_id}`;
const agent = await ctx.member(acme.account_id, 'agent', 'Zed Agent');

const AGENT_KEYS = [
  'account_id',
  'auto_offline',
  'availability_status',
  'available_name',
  'confirmed',
  'email',
  'id',
  'name',
  'provider',
  'role',
  'thumbnail',
];

describe('agents', () => {
  it('lists members as a bare array of Agent ordered by name', async () => {
    await ctx.member(acme.account_id, 'agent', 'anna Early');
    const res = await agent.api.get(`${base}/agents`);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    const names = res.body.map((a: any) => a.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const zed = res.body.find((a: any) => a.id === agent.userId);
    expect(Object.keys(zed).sort()).toEqual(AGENT_KEYS);
    expect(zed).toMatchObject({
      account_id: acme.account_id,
      role: 'agent',
      provider: 'email',
      confirmed: true,
      availability_status: 'offline',
      available_name: 'Zed Agent',
      thumbnail: '',
    });
    expect(res.body.some((a: any) => a.id === globex.user_id)).toBe(false);
  });

  it('creates a new user without a password, nested or flat', async () => {
    const res = await acme.api.post(`${base}/agents`, {
      agent: {
        name: 'New Person',
        email: 'new.person@example.com',
        role: 'administrator',
        availability: 'busy',
        auto_offline: false,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'New Person',
      email: 'new.person@example.com',
      role: 'administrator',
      availability_status: 'busy',
      auto_offline: false,
      account_id: acme.account_id,
    });
    const user = await db.selectFrom('users').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(user.password_hash).toBeNull();
    const membership = await db
      .selectFrom('account_users')
      .selectAll()
      .where('user_id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(membership.inviter_id).toBe(acme.user_id);
  });

  it('adds an existing user of another account, keeping their user record', async () => {
    const res = await acme.api.post(`${base}/agents`, { email: globex.email.toUpperCase() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: globex.user_id,
      role: 'agent',
      availability_status: 'offline',
      auto_offline: true,
    }); // auto_offline and not connected
    const again = await acme.api.post(`${base}/agents`, { email: globex.email });
    expect(again.status).toBe(422);
    expect(again.body.attributes).toEqual(['email']);
  });

  it('accepts what the n8n node sends (availability_status "available", empty name)', async () => {
    const res = await acme.api.post(`${base}/agents`, {
      name: 'N8n Agent',
      email: 'n8n.agent@example.com',
      role: 'agent',
      availability_status: 'available',
      auto_offline: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.availability_status).toBe('offline'); // auto_offline and not connected: offline whatever was chosen
    const chosen = await db
      .selectFrom('account_users')
      .select('availability')
      .where('user_id', '=', res.body.id)
      .where('account_id', '=', acme.account_id)
      .executeTakeFirstOrThrow();
    expect(chosen.availability).toBe('online');
    const empty = await acme.api.post(`${base}/agents`, {
      name: '',
      email: '',
      role: 'agent',
      availability_status: 'available',
      auto_offline: true,
    });
    expect(empty.status).toBe(422);
    expect(empty.body.attributes).toEqual(['email']);
  });

  it('rejects bad input with a 422 naming the field', async () => {
    for (const [body, field] of [
      [{ email: 'not-an-email', name: 'X' }, 'email'],
      [{ email: 'x@example.com', name: 'X', role: 'owner' }, 'role'],
      [{ email: 'x@example.com', name: 'X', availability: 'away' }, 'availability'],
    ] as const) {
      const res = await acme.api.post(`${base}/agents`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.attributes).toEqual([field]);
    }
  });

  it('updates name, role, availability and auto_offline with PATCH and PUT; ids may be numeric strings', async () => {
    const member = await ctx.member(acme.account_id, 'agent', 'Before');
    let res = await acme.api.patch(`${base}/agents/${member.userId}`, {
      name: 'After',
      role: 'administrator',
      availability: 'available',
      auto_offline: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: member.userId,
      name: 'After',
      role: 'administrator',
      availability_status: 'online',
      auto_offline: false,
    });
    res = await acme.api.put(`${base}/agents/${member.userId}`, { agent: { availability: 'offline' } });
    expect(res.body).toMatchObject({ name: 'After', role: 'administrator', availability_status: 'offline' });
    expect((await acme.api.patch(`${base}/agents/${member.userId}`, { role: 'boss' })).body.attributes).toEqual([
      'role',
    ]);
  });

  it('removes an agent from the account, their inboxes and teams, and unassigns them', async () => {
    const member = await ctx.member(acme.account_id, 'agent', 'Leaving');
    const inbox = await db
      .insertInto('inboxes')
      .values({
        account_id: acme.account_id,
        name: 'I',
        channel_type: 'Channel::Api',
        identifier: 'leave-inbox',
        hmac_token: 'h',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('inbox_members')
      .values({ account_id: acme.account_id, inbox_id: inbox.id, user_id: member.userId })
      .execute();
    const team = await db
      .insertInto('teams')
      .values({ account_id: acme.account_id, name: 'leavers' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('team_members')
      .values({ account_id: acme.account_id, team_id: team.id, user_id: member.userId })
      .execute();
    const res = await acme.api.delete(`${base}/agents/${member.userId}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(await db.selectFrom('account_users').select('id').where('user_id', '=', member.userId).execute()).toEqual(
      [],
    );
    expect(await db.selectFrom('inbox_members').select('id').where('user_id', '=', member.userId).execute()).toEqual(
      [],
    );
    expect(await db.selectFrom('team_members').select('id').where('user_id', '=', member.userId).execute()).toEqual([]);
    expect((await acme.api.delete(`${base}/agents/${member.userId}`)).status).toBe(404);
  });

  it('bulk-creates by email (JSON text list as n8n sends it), skipping bad ones, with an empty 200', async () => {
    const res = await acme.api.post(`${base}/agents/bulk_create`, {
      emails: '["bulk.one@example.com","broken","bulk.two@example.com"]',
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const list = (await acme.api.get(`${base}/agents`)).body.map((a: any) => a.email);
    expect(list).toEqual(expect.arrayContaining(['bulk.one@example.com', 'bulk.two@example.com']));
    const one = (await acme.api.get(`${base}/agents`)).body.find((a: any) => a.email === 'bulk.one@example.com');
    expect(one.name).toBe('bulk.one');
    expect((await acme.api.post(`${base}/agents/bulk_create`, {})).body.attributes).toEqual(['emails']);
  });

  it('refuses every write to an agent with the Chatwoot policy 401', async () => {
    const denied = { error: 'You are not authorized to do this action' };
    for (const res of [
      await agent.api.post(`${base}/agents`, { name: 'X', email: 'x.denied@example.com' }),
      await agent.api.patch(`${base}/agents/${agent.userId}`, { role: 'administrator' }),
      await agent.api.delete(`${base}/agents/${acme.user_id}`),
      await agent.api.post(`${base}/agents/bulk_create`, { emails: ['y.denied@example.com'] }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(denied);
    }
  });

  it('answers 404 for a user of another account addressed under this one', async () => {
    const outsider = await ctx.member(globex.account_id, 'agent', 'Outsider');
    expect(await acme.api.patch(`${base}/agents/${outsider.userId}`, { name: 'hijack' })).toMatchObject({
      status: 404,
      body: { error: 'Resource could not be found' },
    });
    expect((await acme.api.delete(`${base}/agents/${outsider.userId}`)).status).toBe(404);
    const still = await db.selectFrom('account_users').select('id').where('user_id', '=', outsider.userId).execute();
    expect(still).toHaveLength(1);
  });

  it('lists with a fixed number of SQL statements however many agents there are', async () => {
    const statements = async () => {
      const before = ctx.database.counter.count;
      expect((await acme.api.get(`${base}/agents`)).status).toBe(200);
      return ctx.database.counter.count - before;
    };
    const few = await statements();
    for (let i = 0; i < 5; i++) await ctx.member(acme.account_id, 'agent');
    expect(await statements()).toBe(few);
  });
});
