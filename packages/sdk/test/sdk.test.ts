/**
 * @switchboard/sdk against a running Switchboard (listening on 127.0.0.1, real PostgreSQL), through the built
 * dist/: the generated types match the served /openapi.json, both dialects' calls and paged lists, and a real
 * webhook delivery's signature verified with Web Crypto.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { startReceiver } from '../../../test/helpers/receiver.ts';
import { insertInbox } from '../../../src/domain/inboxes/repository.ts';
import { generateTypes } from '../scripts/openapi-to-ts.ts';
import { builtSdk, listening, sdkDir } from './support.ts';

const ctx = await createTestContext({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }, { worker: true });
let sdk: Awaited<ReturnType<typeof builtSdk>>;
let base: string;

beforeAll(async () => {
  sdk = await builtSdk();
  base = await listening(ctx);
});

/** An account, its API inbox, and an SDK client that also records every URL it fetched. */
async function setUp(name: string) {
  const account = await ctx.account(name);
  const inbox = await insertInbox(ctx.database.db, account.account_id, {
    name: 'SDK API',
    channel_type: 'Channel::Api',
  });
  const urls: string[] = [];
  const client = sdk.createClient({
    baseUrl: base,
    token: account.api_access_token,
    fetch: (url, init) => (urls.push(String(url)), fetch(url, init)),
  });
  return { account, inbox, client, urls, account_id: String(account.account_id) };
}

describe('@switchboard/sdk', () => {
  it('matches the served /openapi.json: the committed types are what the generator makes of it (SDK_UPDATE=1 rewrites them)', async () => {
    const document = await (await fetch(`${base}/openapi.json`)).json();
    const generated = generateTypes(document);
    const committed = path.join(sdkDir, 'src/paths.ts');
    if (process.env.SDK_UPDATE === '1') fs.writeFileSync(committed, generated);
    expect(
      generated === fs.readFileSync(committed, 'utf8'),
      'packages/sdk/src/paths.ts drifted from /openapi.json: run `SDK_UPDATE=1 npm test -- packages/sdk` and commit',
    ).toBe(true);
    expect(sdk.PAGED_PATHS).toEqual(
      expect.arrayContaining(['/api/v1/accounts/{account_id}/contacts', '/core/v1/contact', '/chat/v1/session']),
    );
  });

  it('creates a contact, a conversation and a message in the Chatwoot dialect, and pages through every contact', async () => {
    const { client, inbox, account_id, urls } = await setUp('SDK Chatwoot');
    const created = await client.post('/api/v1/accounts/{account_id}/contacts', {
      path: { account_id },
      body: { name: 'Ana', email: 'ana@example.com', inbox_id: inbox.id },
    });
    const contact = created.payload.contact;
    const conversation = await client.post('/api/v1/accounts/{account_id}/conversations', {
      path: { account_id },
      body: { inbox_id: inbox.id, contact_id: contact.id },
    });
    const message = await client.post('/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages', {
      path: { account_id, conversation_id: conversation.id },
      body: { content: 'Hello from the SDK', message_type: 'outgoing' },
    });
    expect(message).toMatchObject({ content: 'Hello from the SDK', conversation_id: conversation.id });
    const messages = await client.get('/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages', {
      path: { account_id, conversation_id: conversation.id },
    });
    expect(messages.payload.map((m: { content: string | null }) => m.content)).toContain('Hello from the SDK');

    for (let i = 0; i < 20; i++)
      await client.post('/api/v1/accounts/{account_id}/contacts', {
        path: { account_id },
        body: { name: `Contact ${i}`, email: `contact${i}@example.com` },
      });
    urls.length = 0;
    const names: string[] = [];
    for await (const c of client.paginate('/api/v1/accounts/{account_id}/contacts', {
      path: { account_id },
      query: { sort: 'name' },
    }))
      names.push(c.name!);
    expect(names).toHaveLength(21);
    expect(new Set(names).size).toBe(21);
    expect(urls.map((u) => new URL(u).searchParams.get('page'))).toEqual(['1', '2']);

    const missing = await client
      .get('/api/v1/accounts/{account_id}/contacts/{id}', { path: { account_id, id: 999_999 } })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(sdk.SwitchboardError);
    expect(missing).toMatchObject({ status: 404 });
  });

  it('walks a WTS list by its page envelope (PageNumber/PageSize until hasMorePages is false)', async () => {
    const { client, urls } = await setUp('SDK WTS');
    for (let i = 0; i < 7; i++)
      await client.post('/core/v1/contact', { body: { name: `Cliente ${i}`, phoneNumber: `+551199990000${i}` } });
    urls.length = 0;
    const ids: string[] = [];
    for await (const c of client.paginate('/core/v1/contact', { query: { PageSize: 3, OrderBy: 'createdAt' } }))
      ids.push(c.id);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect(urls.map((u) => new URL(u).searchParams.get('PageNumber'))).toEqual(['1', '2', '3']);
    const limited: string[] = [];
    for await (const c of client.paginate('/core/v1/contact', { query: { PageSize: 3 }, maxPages: 1 }))
      limited.push(c.id);
    expect(limited).toHaveLength(3);
    const bad = await client.get('/core/v1/contact', { query: { PageSize: 1000 } }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 400, body: { error: true } });
  });

  it('verifies real deliveries of a Chatwoot webhook and a WTS subscription, and refuses a tampered one', async () => {
    const { client, inbox, account_id } = await setUp('SDK webhooks');
    const receiver = await startReceiver();
    const hook = await client.post('/api/v1/accounts/{account_id}/webhooks', {
      path: { account_id },
      body: { url: receiver.url, subscriptions: ['contact_created'] },
    });
    const subscription = await client.post('/core/v1/webhook/subscription', {
      body: { name: 'SDK', url: receiver.url, events: ['CONTACT_NEW'] },
    });
    await client.post('/api/v1/accounts/{account_id}/contacts', {
      path: { account_id },
      body: { name: 'Signed', inbox_id: inbox.id },
    });
    await receiver.waitFor((r) => r.length >= 2);

    const chatwoot = receiver.received.find((r) => r.body.event === 'contact_created')!;
    const wts = receiver.received.find((r) => r.body.eventType === 'CONTACT_NEW')!;
    const chatwootCheck = await sdk.verifyWebhook({
      secret: hook.payload.webhook.secret,
      body: chatwoot.raw,
      headers: chatwoot.headers as Record<string, string>,
    });
    expect(chatwootCheck).toMatchObject({ valid: true, deliveryId: chatwoot.headers['x-chatwoot-delivery'] });
    const asHeaders = new Headers(wts.headers as Record<string, string>);
    expect(
      await sdk.verifyWebhook({
        secret: subscription.secret,
        body: new TextEncoder().encode(wts.raw),
        headers: asHeaders,
      }),
    ).toMatchObject({ valid: true });

    expect(
      await sdk.verifyWebhook({
        secret: subscription.secret,
        body: chatwoot.raw,
        headers: chatwoot.headers as Record<string, string>,
      }),
    ).toEqual({ valid: false, reason: 'signature mismatch' });
    expect(
      await sdk.verifyWebhook({
        secret: hook.payload.webhook.secret,
        body: chatwoot.raw.replace('Signed', 'Forged'),
        headers: chatwoot.headers as Record<string, string>,
      }),
    ).toEqual({ valid: false, reason: 'signature mismatch' });
    expect(
      await sdk.verifyWebhook({
        secret: hook.payload.webhook.secret,
        body: chatwoot.raw,
        headers: chatwoot.headers as Record<string, string>,
        now: Date.now() + 3_600_000,
      }),
    ).toEqual({ valid: false, reason: 'stale timestamp' });
    expect(await sdk.verifyWebhook({ secret: 'x', body: '{}', headers: {} })).toEqual({
      valid: false,
      reason: 'missing headers',
    });
  });
});

/** Never called: the typed client refuses these at compile time (the root tsconfig type-checks this file). */
export function typedMisuse(client: import('../src/index.ts').SwitchboardClient) {
  // @ts-expect-error an undocumented path
  void client.get('/api/v1/nowhere');
  // @ts-expect-error a path with parameters needs them
  void client.get('/api/v1/accounts/{account_id}/contacts');
  // @ts-expect-error a query parameter the operation does not take
  void client.get('/core/v1/contact', { query: { Page: 2 } });
  // @ts-expect-error only paged lists paginate
  void client.paginate('/api/v1/profile');
}
