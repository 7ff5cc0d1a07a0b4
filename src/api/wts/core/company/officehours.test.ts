import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';

/** Office hours read from the inboxes' working hours, and an agent's status as Chatwoot's availability. */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Acme');
const { api, base, wts } = f;
const agent = await ctx.member(f.account.account_id, 'agent', 'Status Agent');
const agentUuid = await f.userUuid(agent.userId);
const asAgent = ctx.client(undefined, { authorization: `Bearer ${agent.token}` });
const other = await wtsFixture(ctx, 'Globex');

const chatwootAvailability = async () =>
  (await agent.api.get('/api/v1/profile')).body.accounts.find((a: any) => a.id === f.account.account_id).availability;

describe('GET /core/v1/company/officehours', () => {
  it('without an inbox enforcing hours: not limited, the oldest inbox’s week', async () => {
    const res = await wts.get('/core/v1/company/officehours');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ limitHours: false, offlineResponse: null, timezoneDiff: 0, timezone: 'UTC' });
    expect(res.body.days).toHaveLength(7);
    expect(res.body.days[0]).toMatchObject({ dayWeek: 'SUNDAY', active: false, periods: [] });
    expect(res.body.days[1]).toMatchObject({
      dayWeek: 'MONDAY',
      active: true,
      periods: [{ startTime: '09:00', endTime: '17:00' }],
    });
  });

  it('answers the hours of the inbox that enforces them, in its time zone; agents may read them', async () => {
    const inbox = (await api.post(`${base}/inboxes`, { name: 'Hours', channel: { type: 'api' } })).body;
    const res = await api.patch(`${base}/inboxes/${inbox.id}`, {
      working_hours_enabled: true,
      out_of_office_message: 'Back at 8',
      timezone: 'America/Sao_Paulo',
      working_hours: [
        { day_of_week: 6, closed_all_day: false, open_hour: 8, open_minutes: 30, close_hour: 12, close_minutes: 0 },
        { day_of_week: 2, open_all_day: true },
      ],
    });
    expect(res.status, res.text).toBe(200);
    const hours = (await asAgent.get('/core/v1/company/officehours')).body;
    expect(hours).toMatchObject({
      limitHours: true,
      offlineResponse: 'Back at 8',
      timezone: 'America/Sao_Paulo',
      timezoneDiff: -3,
    });
    expect(hours.days[6]).toMatchObject({
      dayWeek: 'SATURDAY',
      active: true,
      periods: [{ startTime: '08:30', endTime: '12:00' }],
    });
    expect(hours.days[2]).toMatchObject({ periods: [{ startTime: '00:00', endTime: '23:59' }] });
    expect(new Set(hours.days.map((d: any) => d.id)).size).toBe(7);
    expect((await other.wts.get('/core/v1/company/officehours')).body.limitHours).toBe(false);
  });
});

describe('POST /core/v1/agent/{id}/status', () => {
  it('sets the availability Chatwoot shows, and reads back what Chatwoot set', async () => {
    const away = await wts.post(`/core/v1/agent/${agentUuid}/status`, { status: 'away' });
    expect(away.status, away.text).toBe(200);
    expect(away.body).toMatchObject({ id: agentUuid, availability: 'UNAVAILABLE' });
    expect(await chatwootAvailability()).toBe('busy');
    await wts.post(`/core/v1/agent/${agentUuid}/status`, { status: 'OFFLINE' });
    expect(await chatwootAvailability()).toBe('offline');
    expect((await wts.post(`/core/v1/agent/${agentUuid}/status`, { status: 'Active' })).body.availability).toBe(
      'AVAILABLE',
    );
    expect(await chatwootAvailability()).toBe('online');
    const agents = (await api.get(`${base}/agents`)).body;
    expect(agents.find((a: any) => a.id === agent.userId)).toHaveProperty('availability_status');

    const set = await agent.api.post('/api/v1/profile/availability', {
      profile: { account_id: f.account.account_id, availability: 'offline' },
    });
    expect(set.status, set.text).toBe(200);
    expect((await wts.get(`/core/v1/agent/${agentUuid}`)).body.availability).toBe('UNAVAILABLE');
  });

  it('refuses bad input, Blocked, an agent’s token, and another account’s user', async () => {
    for (const status of ['Blocked', 'sleeping', '']) {
      const res = await wts.post(`/core/v1/agent/${agentUuid}/status`, { status });
      expect(res, status).toMatchObject({ status: 400, body: { error: true, httpStatusCode: 400 } });
    }
    expect(await chatwootAvailability()).toBe('offline');
    expect((await asAgent.post(`/core/v1/agent/${agentUuid}/status`, { status: 'ONLINE' })).status).toBe(403);
    expect(
      (await wts.post(`/core/v1/agent/${await other.userUuid(other.account.user_id)}/status`, { status: 'ONLINE' }))
        .status,
    ).toBe(404);
    expect(await chatwootAvailability()).toBe('offline');
  });
});
