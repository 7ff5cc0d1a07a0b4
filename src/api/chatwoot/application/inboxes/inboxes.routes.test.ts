import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
const db = ctx.database.db;
const base = `/api/v1/accounts/${acme.account_id}`;
const agent = await ctx.member(acme.account_id, 'agent', 'Inbox Agent');

const WIDGET_KEYS = [
  'allowed_domains',
  'widget_color',
  'website_url',
  'hmac_mandatory',
  'welcome_title',
  'welcome_tagline',
  'web_widget_script',
  'website_token',
  'selected_feature_flags',
  'reply_time',
  'messaging_service_sid',
  'phone_number',
  'provider',
];

describe('inboxes', () => {
  it('creates an API inbox and answers the bare Inbox with inbox_identifier and the admin-only hmac_token', async () => {
    const res = await acme.api.post(`${base}/inboxes`, {
      name: 'Shop API',
      greeting_enabled: true,
      greeting_message: 'Hi!',
      timezone: 'Europe/Lisbon',
      sender_name_type: 'professional',
      business_name: 'Shop',
      lock_to_single_conversation: true,
      channel: {
        type: 'api',
        webhook_url: 'https://hooks.example.com/in',
        hmac_mandatory: true,
        additional_attributes: { source: 'erp' },
      },
    });
    expect(res.status).toBe(200);
    const inbox = res.body;
    expect(inbox).toMatchObject({
      id: expect.any(Number),
      channel_id: inbox.id,
      name: 'Shop API',
      channel_type: 'Channel::Api',
      avatar_url: '',
      greeting_enabled: true,
      greeting_message: 'Hi!',
      timezone: 'Europe/Lisbon',
      sender_name_type: 'professional',
      business_name: 'Shop',
      lock_to_single_conversation: true,
      enable_auto_assignment: true,
      webhook_url: 'https://hooks.example.com/in',
      hmac_mandatory: true,
      additional_attributes: { source: 'erp' },
      inbox_identifier: expect.any(String),
      hmac_token: expect.any(String),
      callback_webhook_url: null,
      widget_color: null,
      website_token: null,
    });
    for (const key of WIDGET_KEYS) expect(inbox, key).toHaveProperty(key);
    expect(inbox.working_hours).toHaveLength(7);
    expect(inbox.working_hours[1]).toEqual({
      day_of_week: 1,
      closed_all_day: false,
      open_hour: 9,
      open_minutes: 0,
      close_hour: 17,
      close_minutes: 0,
      open_all_day: false,
    });
    const row = await db.selectFrom('inboxes').selectAll().where('id', '=', inbox.id).executeTakeFirstOrThrow();
    expect(inbox.inbox_identifier).toBe(row.identifier);
    const event = await db.selectFrom('events').select('name').where('inbox_id', '=', inbox.id).execute();
    expect(event.map((e) => e.name)).toEqual(['inbox.created']);
  });

  it('creates a website inbox with widget settings and script', async () => {
    const res = await acme.api.post(`${base}/inboxes`, {
      name: 'Website',
      channel: {
        type: 'web_widget',
        website_url: 'https://acme.example',
        widget_color: '#ff0000',
        welcome_title: 'Hello there',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      channel_type: 'Channel::WebWidget',
      website_url: 'https://acme.example',
      widget_color: '#ff0000',
      welcome_title: 'Hello there',
      reply_time: 'in_a_few_minutes',
      hmac_mandatory: false,
      pre_chat_form_enabled: false,
      continuity_via_email: true,
      website_token: expect.any(String),
      web_widget_script: expect.stringContaining('websiteToken'),
    });
    expect(res.body).not.toHaveProperty('inbox_identifier');
  });

  it('reads the text "null" as null and accepts the channel as JSON text (n8n)', async () => {
    const res = await acme.api.post(`${base}/inboxes`, {
      name: 'Nulls',
      avatar: '',
      greeting_message: 'null',
      business_name: 'null',
      enable_email_collect: 'null',
      channel: '{"type": "api", "webhook_url": "null"}',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      greeting_message: null,
      business_name: null,
      enable_email_collect: true,
      webhook_url: null,
    });
  });

  it('rejects bad input with a 422 naming the field', async () => {
    for (const [body, field] of [
      [{ name: '', avatar: '', channel: {} }, 'name'],
      [{ name: 'X', channel: {} }, 'channel.type'],
      [{ name: 'X', channel: { type: 'telegram' } }, 'channel.bot_token'],
      [{ name: 'X', channel: { type: 'sms' } }, 'channel.type'],
      [{ name: 'X', channel: { type: 'web_widget' } }, 'channel.website_url'],
      [{ name: 'X', channel: { type: 'api', webhook_url: 'not a url' } }, 'channel.webhook_url'],
      [{ name: 'X', timezone: 'Mars/Olympus', channel: { type: 'api' } }, 'timezone'],
      [{ name: 'X', sender_name_type: 'robot', channel: { type: 'api' } }, 'sender_name_type'],
    ] as const) {
      const res = await acme.api.post(`${base}/inboxes`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.attributes, JSON.stringify(body)).toEqual([field]);
    }
  });

  it('lists {payload} ordered by name; agents see only their inboxes and no hmac_token', async () => {
    const zulu = (await acme.api.post(`${base}/inboxes`, { name: 'zulu', channel: { type: 'api' } })).body;
    await acme.api.post(`${base}/inboxes`, { name: 'Alpha', channel: { type: 'api' } });
    const all = await acme.api.get(`${base}/inboxes`);
    expect(all.status).toBe(200);
    const names = all.body.payload.map((i: any) => i.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(names.length).toBeGreaterThanOrEqual(2);
    await db
      .insertInto('inbox_members')
      .values({ account_id: acme.account_id, inbox_id: zulu.id, user_id: agent.userId })
      .execute();
    const mine = await agent.api.get(`${base}/inboxes`);
    expect(mine.body.payload.map((i: any) => i.id)).toEqual([zulu.id]);
    expect(mine.body.payload[0]).not.toHaveProperty('hmac_token');
    expect((await agent.api.get(`${base}/inboxes/${zulu.id}`)).body).toMatchObject({ id: zulu.id, name: 'zulu' });
    const other = all.body.payload.find((i: any) => i.id !== zulu.id);
    expect(await agent.api.get(`${base}/inboxes/${other.id}`)).toMatchObject({
      status: 401,
      body: { error: 'You are not authorized to do this action' },
    });
  });

  it('updates with PATCH and PUT: fields, channel merged, working hours by day', async () => {
    const inbox = (
      await acme.api.post(`${base}/inboxes`, {
        name: 'Editable',
        channel: { type: 'api', webhook_url: 'https://a.example/hook', additional_attributes: { a: 1 } },
      })
    ).body;
    let res = await acme.api.patch(`${base}/inboxes/${inbox.id}`, {
      name: 'Edited',
      enable_auto_assignment: false,
      working_hours_enabled: true,
      out_of_office_message: 'Closed',
      working_hours: [
        { day_of_week: 6, closed_all_day: false, open_hour: 10, open_minutes: 0, close_hour: 14, close_minutes: 30 },
        { day_of_week: 1, closed_all_day: true },
      ],
      channel: { hmac_mandatory: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Edited',
      enable_auto_assignment: false,
      working_hours_enabled: true,
      out_of_office_message: 'Closed',
      hmac_mandatory: true,
      webhook_url: 'https://a.example/hook',
      additional_attributes: { a: 1 },
    });
    expect(res.body.working_hours[6]).toMatchObject({
      day_of_week: 6,
      closed_all_day: false,
      open_hour: 10,
      close_hour: 14,
      close_minutes: 30,
    });
    expect(res.body.working_hours[1]).toMatchObject({ closed_all_day: true, open_hour: null });
    expect(res.body.working_hours[2]).toMatchObject({ closed_all_day: false, open_hour: 9 });
    res = await acme.api.put(`${base}/inboxes/${inbox.id}`, {
      out_of_office_message: 'null',
      channel: { webhook_url: 'https://b.example/hook' },
    });
    expect(res.body).toMatchObject({
      name: 'Edited',
      out_of_office_message: null,
      webhook_url: 'https://b.example/hook',
      hmac_mandatory: true,
    });
    const events = await db
      .selectFrom('events')
      .select(['name', 'data'])
      .where('inbox_id', '=', inbox.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.name)).toEqual(['inbox.created', 'inbox.updated', 'inbox.updated']);
    expect(events[1].data.changed_attributes).toHaveProperty('name', {
      previous_value: 'Editable',
      current_value: 'Edited',
    });
  });

  it('accepts the n8n node’s update defaults and rejects bad update input', async () => {
    const inbox = (await acme.api.post(`${base}/inboxes`, { name: 'Keep', channel: { type: 'api' } })).body;
    const res = await acme.api.patch(`${base}/inboxes/${inbox.id}`, {
      name: '',
      enable_auto_assignment: true,
      avatar: '',
      channel: {},
    });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Keep');
    expect(
      (await acme.api.patch(`${base}/inboxes/${inbox.id}`, { working_hours: [{ day_of_week: 9 }] })).body.attributes,
    ).toEqual(['working_hours.0.day_of_week']);
    expect(
      (await acme.api.patch(`${base}/inboxes/${inbox.id}`, { greeting_enabled: 'perhaps' })).body.attributes,
    ).toEqual(['greeting_enabled']);
  });

  it('deletes with Chatwoot’s message, then 404', async () => {
    const inbox = (await acme.api.post(`${base}/inboxes`, { name: 'Doomed', channel: { type: 'api' } })).body;
    const res = await acme.api.delete(`${base}/inboxes/${inbox.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: 'Your inbox deletion request will be processed in some time.' });
    expect(await acme.api.get(`${base}/inboxes/${inbox.id}`)).toMatchObject({
      status: 404,
      body: { error: 'Resource could not be found' },
    });
  });

  it('refuses writes to agents with the policy 401', async () => {
    const inbox = (await acme.api.post(`${base}/inboxes`, { name: 'Guarded', channel: { type: 'api' } })).body;
    const denied = { status: 401, body: { error: 'You are not authorized to do this action' } };
    expect(await agent.api.post(`${base}/inboxes`, { name: 'X', channel: { type: 'api' } })).toMatchObject(denied);
    expect(await agent.api.patch(`${base}/inboxes/${inbox.id}`, { name: 'X' })).toMatchObject(denied);
    expect(await agent.api.delete(`${base}/inboxes/${inbox.id}`)).toMatchObject(denied);
  });

  it('answers 404 for another account’s inbox addressed under this account', async () => {
    const theirs = (
      await globex.api.post(`/api/v1/accounts/${globex.account_id}/inboxes`, {
        name: 'Theirs',
        channel: { type: 'api' },
      })
    ).body;
    for (const res of [
      await acme.api.get(`${base}/inboxes/${theirs.id}`),
      await acme.api.patch(`${base}/inboxes/${theirs.id}`, { name: 'stolen' }),
      await acme.api.delete(`${base}/inboxes/${theirs.id}`),
    ]) {
      expect(res).toMatchObject({ status: 404, body: { error: 'Resource could not be found' } });
    }
    expect((await globex.api.get(`/api/v1/accounts/${globex.account_id}/inboxes/${theirs.id}`)).body.name).toBe(
      'Theirs',
    );
  });

  it('lists with a fixed number of SQL statements however many inboxes there are', async () => {
    const statements = async () => {
      const before = ctx.database.counter.count;
      expect((await acme.api.get(`${base}/inboxes`)).status).toBe(200);
      return ctx.database.counter.count - before;
    };
    const few = await statements();
    for (let i = 0; i < 5; i++) await acme.api.post(`${base}/inboxes`, { name: `Bulk ${i}`, channel: { type: 'api' } });
    expect(await statements()).toBe(few);
  });
});
