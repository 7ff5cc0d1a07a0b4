import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test/helpers/context.ts';
import { conversationFixture } from '../../test/helpers/fixtures.ts';
import { connectCable, type CableClient } from '../../test/helpers/cable.ts';
import { startServerProcess } from '../../test/helpers/server-process.ts';

const env = { REALTIME_PRESENCE_GRACE_MS: '300' };
const ctx = await createTestContext(env);
const url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
const db = ctx.database.db;
const f = await conversationFixture(ctx, 'Presence');
const agent = await ctx.member(f.account.account_id, 'agent', 'Pat Present');
const userId = f.account.user_id;

async function dashboard(base: string, who: number): Promise<CableClient> {
  const { pubsub_token } = await db
    .selectFrom('users')
    .select('pubsub_token')
    .where('id', '=', who)
    .executeTakeFirstOrThrow();
  const cable = await connectCable(base);
  expect(await cable.subscribe({ pubsub_token, account_id: f.account.account_id, user_id: who })).toBe(
    'confirm_subscription',
  );
  return cable;
}

const latest = (cable: CableClient) => cable.presence.at(-1)?.data;
async function statusOf(id: number): Promise<string> {
  const agents = (await f.api.get(`${f.base}/agents`)).body as { id: number; availability_status: string }[];
  return agents.find((a) => a.id === id)!.availability_status;
}

describe('presence', () => {
  it('shows a connected agent online, with the availability they chose, and offline after the grace period', async () => {
    expect(await statusOf(agent.userId)).toBe('offline');
    const admin = await dashboard(url, userId);
    await admin.waitFor(() => latest(admin)?.users?.[userId] === 'online');
    expect(latest(admin)).toEqual({ account_id: f.account.account_id, users: { [userId]: 'online' }, contacts: {} });

    const pat = await dashboard(url, agent.userId);
    await admin.waitFor(() => latest(admin)?.users?.[agent.userId] === 'online');
    expect(await statusOf(agent.userId)).toBe('online');

    expect(
      (
        await agent.api.post('/api/v1/profile/availability', {
          profile: { account_id: f.account.account_id, availability: 'busy' },
        })
      ).status,
    ).toBe(200);
    await admin.waitFor(() => latest(admin)?.users?.[agent.userId] === 'busy');
    expect(await statusOf(agent.userId)).toBe('busy');
    const profile = (await agent.api.get('/api/v1/profile')).body;
    expect(profile.accounts[0]).toMatchObject({ availability: 'busy', availability_status: 'busy' });

    await pat.close();
    expect(await statusOf(agent.userId)).toBe('busy'); // within the grace period: a reload is not a logout
    await admin.waitFor(() => latest(admin) !== undefined && !(String(agent.userId) in latest(admin).users));
    expect(await statusOf(agent.userId)).toBe('offline');
    await admin.close();
  });

  it('answers update_presence with the map, and shows widget contacts to dashboards', async () => {
    const admin = await dashboard(url, userId);
    const visitor = ctx.client();
    const inbox = `/public/api/v1/inboxes/${f.inbox.identifier}`;
    const contact = (await visitor.post(`${inbox}/contacts`, { name: 'Present Visitor' })).body;
    const widget = await connectCable(url);
    expect(await widget.subscribe({ pubsub_token: contact.pubsub_token })).toBe('confirm_subscription');
    await widget.waitFor(() => widget.presence.length > 0);
    expect(widget.presence[0].data).toEqual({ account_id: f.account.account_id, users: { [userId]: 'online' } }); // no contacts for a contact
    await admin.waitFor(() => latest(admin)?.contacts?.[contact.id] === 'online');

    const before = admin.presence.length;
    admin.perform('update_presence');
    await admin.waitFor(() => admin.presence.length > before);
    expect(latest(admin).contacts).toEqual({ [contact.id]: 'online' });

    await widget.close();
    await admin.waitFor(() => latest(admin) !== undefined && !(String(contact.id) in latest(admin).contacts));
    await admin.close();
  });

  it('is right across two server processes', async () => {
    const other = await startServerProcess(ctx.config.databaseUrl!, env);
    try {
      const admin = await dashboard(url, userId);
      const pat = await dashboard(other.url, agent.userId);
      await admin.waitFor(() => latest(admin)?.users?.[agent.userId] !== undefined);
      expect(await statusOf(agent.userId)).toBe('busy');
      await pat.close();
      await admin.waitFor(() => latest(admin) !== undefined && !(String(agent.userId) in latest(admin).users));
      expect(await statusOf(agent.userId)).toBe('offline');
      await admin.close();
    } finally {
      await other.stop();
    }
  }, 60_000);
});
