import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { conversationFixture } from '../../../test/helpers/fixtures.ts';
import { insertInbox } from '../../domain/inboxes/repository.ts';
import { createMessage, MESSAGE_TYPE } from '../../domain/messages/commands.ts';
import { createConversation } from '../../domain/conversations/commands.ts';

/**
 * What a client without a token can make the server do: a budget of writes per address, a ceiling on every
 * body and on the free-form objects kept from it, and lists that stop.
 */
const ctx = await createTestContext({ PUBLIC_API_RATE_LIMIT: '5' });
const f = await conversationFixture(ctx, 'Anon');
const inboxPath = `/public/api/v1/inboxes/${f.inbox.identifier}`;
const widget = await insertInbox(ctx.database.db, f.account.account_id, {
  name: 'Website',
  channel_type: 'Channel::WebWidget',
});

function from(context: TestContext, address: string, headers: Record<string, string> = {}) {
  return async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await context.app.inject({
      method,
      url,
      remoteAddress: address,
      headers,
      ...(payload ? { payload } : {}),
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: response.body ? JSON.parse(response.body) : undefined,
    };
  };
}

describe('anonymous writes per client address', () => {
  it('allow PUBLIC_API_RATE_LIMIT writes a minute, then answer 429 with Retry-After in Chatwoot’s error shape', async () => {
    const visitor = from(ctx, '203.0.113.10');
    for (let i = 0; i < 5; i++)
      expect((await visitor('POST', `${inboxPath}/contacts`, { name: `V${i}` })).status).toBe(200);
    const refused = await visitor('POST', `${inboxPath}/contacts`, { name: 'one too many' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.body).toEqual({
      error: expect.stringMatching(/^Too many requests from this address: retry in \d+ s$/),
    });
    // The widget API shares the budget; reads are not counted; another address has its own.
    expect((await visitor('POST', `/api/v1/widget/config?website_token=${widget.identifier}`)).status).toBe(429);
    expect((await visitor('GET', inboxPath)).status).toBe(200);
    expect((await from(ctx, '203.0.113.11')('POST', `${inboxPath}/contacts`, { name: 'neighbour' })).status).toBe(200);
  });

  it('key on the connection’s address: X-Forwarded-For is ignored unless TRUST_PROXY says so', async () => {
    const spoofing = (n: number) => from(ctx, '203.0.113.20', { 'x-forwarded-for': `198.51.100.${n}` });
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await spoofing(i)('POST', `${inboxPath}/contacts`, { name: `S${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);

    const proxied = await createTestContext({ PUBLIC_API_RATE_LIMIT: '1', TRUST_PROXY: '127.0.0.1' });
    const g = await conversationFixture(proxied, 'Proxied');
    const path = `/public/api/v1/inboxes/${g.inbox.identifier}/contacts`;
    const behindProxy = (client: string) =>
      from(proxied, '127.0.0.1', { 'x-forwarded-for': client })('POST', path, { name: client });
    expect((await behindProxy('198.51.100.1')).status).toBe(200);
    expect((await behindProxy('198.51.100.2')).status).toBe(200);
    expect((await behindProxy('198.51.100.1')).status).toBe(429);
    // An untrusted peer's header is not believed.
    expect(
      (await from(proxied, '203.0.113.30', { 'x-forwarded-for': '198.51.100.3' })('POST', path, { name: 'x' })).status,
    ).toBe(200);
    expect(
      (await from(proxied, '203.0.113.30', { 'x-forwarded-for': '198.51.100.4' })('POST', path, { name: 'y' })).status,
    ).toBe(429);
  });
});

describe('anonymous bodies', () => {
  it('are refused past 2 MiB (413) and free-form objects past 16 KiB (422 naming the field)', async () => {
    const visitor = from(ctx, '203.0.113.40');
    const huge = await visitor('POST', `${inboxPath}/contacts`, {
      name: 'big',
      custom_attributes: { blob: 'x'.repeat(2_200_000) },
    });
    expect(huge.status).toBe(413);
    const attributes = await visitor('POST', `${inboxPath}/contacts`, {
      name: 'big',
      custom_attributes: { blob: 'x'.repeat(17_000) },
    });
    expect(attributes).toMatchObject({
      status: 422,
      body: { message: expect.stringContaining('Custom attributes is too large'), attributes: ['custom_attributes'] },
    });
    const event = await from(ctx, '203.0.113.41')('POST', `/api/v1/widget/events?website_token=${widget.identifier}`, {
      name: 'webwidget.triggered',
      event_info: { referer: 'x'.repeat(17_000) },
    });
    expect(event).toMatchObject({ status: 422, body: { attributes: ['event_info'] } });
    const fine = await visitor('POST', `${inboxPath}/contacts`, {
      name: 'fine',
      custom_attributes: { plan: 'free' },
      additional_attributes: { city: 'Porto' },
    });
    expect(fine.status).toBe(200);
    // The longest message taken (150,000 UTF-16 units), all emoji escaped as ASCII JSON, still gets through.
    const conversation = (await visitor('POST', `${inboxPath}/contacts/${fine.body.source_id}/conversations`, {})).body;
    const escaped = `{"content":"${'\\ud83d\\ude00'.repeat(75_000)}"}`;
    const longest = await ctx.app.inject({
      method: 'POST',
      url: `${inboxPath}/contacts/${fine.body.source_id}/conversations/${conversation.id}/messages`,
      remoteAddress: '203.0.113.42',
      headers: { 'content-type': 'application/json' },
      payload: escaped,
    });
    expect(longest.statusCode).toBe(200);
  });
});

describe('attributes merged into a contact', () => {
  it('stop growing at 64 KiB: each update is merged into what is stored, so small updates add up', async () => {
    const contact = (await from(ctx, '203.0.113.60')('POST', `${inboxPath}/contacts`, { name: 'Collector' })).body;
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const update = await ctx.app.inject({
        method: 'PATCH',
        url: `${inboxPath}/contacts/${contact.source_id}`,
        remoteAddress: `203.0.113.${61 + i}`,
        payload: { custom_attributes: { [`k${i}`]: 'x'.repeat(15_000) } },
      });
      statuses.push(update.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 422, 422]);
  });
});

describe('anonymous lists', () => {
  it('show a contact its latest 100 conversations, each with its latest 100 messages', async () => {
    const visitor = from(ctx, '203.0.113.50');
    const contact = (await visitor('POST', `${inboxPath}/contacts`, { name: 'Chatty' })).body;
    const inbox = { id: f.inbox.id, account_id: f.account.account_id };
    const conversations = [];
    for (let i = 0; i < 102; i++)
      conversations.push(
        await createConversation(ctx.database.db, inbox.account_id, { sourceId: contact.source_id, inboxId: inbox.id }),
      );
    const last = conversations.at(-1)!;
    for (let i = 0; i < 103; i++)
      await createMessage(ctx.database.db, last, {
        messageType: MESSAGE_TYPE.incoming,
        content: `m${i}`,
        sender: { type: 'Contact', id: contact.id },
      });
    const listed = await visitor('GET', `${inboxPath}/contacts/${contact.source_id}/conversations`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((c: { id: number }) => c.id)).toEqual(conversations.slice(2).map((c) => c.display_id));
    const newest = listed.body.at(-1);
    expect(newest.messages).toHaveLength(100);
    expect(newest.messages[0].content).toBe('m3');
    expect(newest.messages.at(-1).content).toBe('m102');
  });
});
