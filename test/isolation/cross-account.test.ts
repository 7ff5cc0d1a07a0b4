import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { conversationFixture } from '../helpers/fixtures.ts';

/**
 * Tenant isolation swept over every account-scoped route of the generated OpenAPI document: account A's
 * administrator addresses account B's resources (1) under A's account URL and (2) under B's account URL.
 * Nothing of B may be read or changed.
 */
const ctx = await createTestContext();
const a = await conversationFixture(ctx, 'Alpha');
const b = await conversationFixture(ctx, 'Beta');
const db = ctx.database.db;

// B gets more conversations than A, so B's newest display id does not exist in A.
await a.openConversation();
for (let i = 0; i < 3; i++) await b.openConversation(b.api, { message: { content: `b secret ${i}` } });
const bConversation = (await b.api.get(`${b.base}/conversations`, { status: 'all' })).body.data.payload[0];
const bMessage = await db
  .selectFrom('messages')
  .select('id')
  .where('account_id', '=', b.account.account_id)
  .orderBy('id', 'desc')
  .executeTakeFirstOrThrow();
const bTeam = await db
  .insertInto('teams')
  .values({ account_id: b.account.account_id, name: 'beta-team' })
  .returning('id')
  .executeTakeFirstOrThrow();
const bLabel = await db
  .insertInto('labels')
  .values({ account_id: b.account.account_id, title: 'beta-label' })
  .returning('id')
  .executeTakeFirstOrThrow();
const bCanned = await db
  .insertInto('canned_responses')
  .values({ account_id: b.account.account_id, short_code: 'beta', content: 'x' })
  .returning('id')
  .executeTakeFirstOrThrow();
const bAttr = await db
  .insertInto('custom_attribute_definitions')
  .values({
    account_id: b.account.account_id,
    attribute_display_name: 'Beta',
    attribute_key: 'beta',
    attribute_model: 'contact_attribute',
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const bBot = await db
  .insertInto('agent_bots')
  .values({ account_id: b.account.account_id, name: 'Beta bot' })
  .returning('id')
  .executeTakeFirstOrThrow();
const bWebhook = await db
  .insertInto('webhooks')
  .values({
    account_id: b.account.account_id,
    url: 'https://203.0.113.50/hook',
    subscriptions: ['message_created'],
    secret: 'beta-secret',
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const bChatbot = (
  await b.api.post(`${b.base}/chatbots`, {
    name: 'Beta flow',
    definition: { start: 'a', steps: [{ id: 'a', kind: 'complete', text: 'beta' }] },
  })
).body;
const bRule = await db
  .insertInto('automation_rules')
  .values({
    account_id: b.account.account_id,
    name: 'Beta rule',
    event_name: 'message_created',
    conditions: '[]',
    actions: JSON.stringify([{ action_name: 'add_label', action_params: ['beta'] }]),
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const bFilter = await db
  .insertInto('custom_filters')
  .values({
    account_id: b.account.account_id,
    user_id: b.account.user_id,
    name: 'Beta view',
    filter_type: 'conversation',
    query: JSON.stringify({ payload: [] }),
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const bApp = await db
  .insertInto('dashboard_apps')
  .values({
    account_id: b.account.account_id,
    title: 'Beta panel',
    content: JSON.stringify([{ type: 'frame', url: 'https://beta.example/panel' }]),
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const bMacro = await db
  .insertInto('macros')
  .values({
    account_id: b.account.account_id,
    name: 'Beta macro',
    visibility: 'global',
    actions: JSON.stringify([{ action_name: 'add_label', action_params: ['beta'] }]),
    created_by_id: b.account.user_id,
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const bPortal = await db
  .insertInto('portals')
  .values({ account_id: b.account.account_id, name: 'Beta help', slug: 'beta-help' })
  .returning('id')
  .executeTakeFirstOrThrow();
const bCategory = await db
  .insertInto('portal_categories')
  .values({ account_id: b.account.account_id, portal_id: bPortal.id, name: 'Beta category', slug: 'beta' })
  .returning('id')
  .executeTakeFirstOrThrow();
const bArticle = await db
  .insertInto('portal_articles')
  .values({
    account_id: b.account.account_id,
    portal_id: bPortal.id,
    title: 'Beta article',
    slug: 'beta-article',
    content: 'beta',
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const bHook = await db
  .insertInto('integration_hooks')
  .values({
    account_id: b.account.account_id,
    app_id: 'slack',
    settings: JSON.stringify({ webhook_url: 'https://hooks.slack.com/services/beta' }),
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const bNote = await db
  .insertInto('contact_notes')
  .values({ account_id: b.account.account_id, contact_id: b.contact.id, content: 'beta note' })
  .returning('id')
  .executeTakeFirstOrThrow();

/** Which id of B each path parameter gets, by the collection it follows. */
function idFor(collection: string, param: string): number {
  if (param === 'conversation_id') return bConversation.id;
  if (param === 'message_id') return bMessage.id;
  if (param === 'note_id') return bNote.id;
  if (param === 'delivery_id') return '00000000-0000-4000-8000-000000000000' as never;
  if (collection === 'chatbots') return bChatbot.id as never;
  if (collection === 'hooks') return bHook.id;
  const byCollection: Record<string, number> = {
    contacts: b.contact.id,
    conversations: bConversation.id,
    inboxes: b.inbox.id,
    inbox_members: b.inbox.id,
    teams: bTeam.id,
    agents: b.account.user_id,
    labels: bLabel.id,
    canned_responses: bCanned.id,
    custom_attribute_definitions: bAttr.id,
    agent_bots: bBot.id,
    notes: bNote.id,
    webhooks: bWebhook.id,
    automation_rules: bRule.id,
    custom_filters: bFilter.id,
    dashboard_apps: bApp.id,
    macros: bMacro.id,
    // A portal is addressed by slug or id; the id is the harder case (the slug lookup is scoped the same way).
    portals: bPortal.id,
    categories: bCategory.id,
    articles: bArticle.id,
  };
  if (!(collection in byCollection)) throw new Error(`no id of B for {${param}} after /${collection}`);
  return byCollection[collection];
}

function fill(template: string, accountId: number): string {
  const segments = template.split('/');
  return segments
    .map((segment, i) => {
      const match = /^\{(.+)\}$/.exec(segment);
      if (!match) return segment;
      if (match[1] === 'account_id') return String(accountId);
      return String(idFor(segments[i - 1], match[1]));
    })
    .join('/');
}

const spec = (await ctx.client().get('/openapi.json')).body;
const routes: { method: string; template: string }[] = [];
for (const [template, item] of Object.entries<Record<string, unknown>>(spec.paths)) {
  if (!template.startsWith('/api/v1/accounts/{account_id}/') || !/\{(?!account_id)/.test(template)) continue;
  // The integration apps are a catalogue every account shares (named, not owned): nothing of B's to reach.
  if (template.includes('/integrations/apps/')) continue;
  for (const method of Object.keys(item))
    if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) routes.push({ method, template });
}

describe('cross-account isolation', () => {
  it('finds the id-bearing account routes to sweep', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it('answers 404 (or a 4xx before any lookup) when A addresses B’s ids under A’s account', async () => {
    const leaks: string[] = [];
    for (const { method, template } of routes) {
      const path = fill(template, a.account.account_id);
      const res = await a.api[method as 'get'](path, method === 'get' ? undefined : ({} as never));
      const ok = method === 'get' ? res.status === 404 : res.status === 404 || res.status === 422 || res.status === 400;
      if (!ok) leaks.push(`${method.toUpperCase()} ${template} → ${res.status} ${res.text.slice(0, 120)}`);
    }
    expect(leaks).toEqual([]);
  });

  it('answers 401 when A’s token addresses B’s account at all', async () => {
    const wrong: string[] = [];
    for (const { method, template } of routes) {
      const res = await a.api[method as 'get'](
        fill(template, b.account.account_id),
        method === 'get' ? undefined : ({} as never),
      );
      if (res.status !== 401) wrong.push(`${method.toUpperCase()} ${template} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('left B’s data as it was', async () => {
    const shown = await b.api.get(`${b.base}/conversations/${bConversation.id}`);
    expect(shown.body).toMatchObject({
      status: bConversation.status,
      labels: bConversation.labels,
      priority: bConversation.priority,
    });
    const contact = await b.api.get(`${b.base}/contacts/${b.contact.id}`);
    expect(contact.body.payload).toMatchObject({ name: b.contact.name, email: b.contact.email });
    const note = await db.selectFrom('contact_notes').select('content').where('id', '=', bNote.id).executeTakeFirst();
    expect(note?.content).toBe('beta note');
    const message = await db.selectFrom('messages').select('content').where('id', '=', bMessage.id).executeTakeFirst();
    expect(message?.content).not.toBe('This message was deleted');
  });
});
