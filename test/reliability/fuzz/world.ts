import type { TestContext } from '../../helpers/context.ts';
import { conversationFixture } from '../../helpers/fixtures.ts';

/**
 * A real account to fuzz against: an administrator (Chatwoot and WTS tokens), an installation platform app
 * granted it and its administrator,
 * and one real row behind every path parameter of the OpenAPI document, so fuzzed requests reach the
 * handlers' deepest code instead of stopping at a 404.
 */
export interface World {
  accountId: number;
  userToken: string;
  platformToken: string;
  /** Real values by path parameter, for parameters whose meaning does not depend on the collection. */
  params: Record<string, string>;
  /** Real ids by the collection a `{id}` follows (`/teams/{id}` → teams). */
  byCollection: Record<string, string>;
  /** Whether the account, its token and the fixture rows survived the requests so far. */
  intact(): Promise<boolean>;
}

export async function createWorld(ctx: TestContext, name: string): Promise<World> {
  const db = ctx.database.db;
  const f = await conversationFixture(ctx, name);
  const accountId = f.account.account_id;
  const conversation = await f.openConversation(f.api, { message: { content: 'hello from the fuzz world' } });
  const message = await db
    .selectFrom('messages')
    .select(['id', 'uuid'])
    .where('account_id', '=', accountId)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const noteMessage = await f.api.post(`${f.base}/conversations/${conversation.id}/messages`, {
    content: 'fuzz note',
    private: true,
  });
  const privateNote = await db
    .selectFrom('messages')
    .select('uuid')
    .where('id', '=', noteMessage.body.id)
    .executeTakeFirstOrThrow();
  const phone = `+55119${String(accountId).padStart(8, '0')}`;
  await db.updateTable('contacts').set({ phone_number: phone }).where('id', '=', f.contact.id).execute();
  const agent = await ctx.member(accountId, 'agent', 'Fuzz Agent');
  const team = await db
    .insertInto('teams')
    .values({ account_id: accountId, name: `${name}-team` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('team_members')
    .values({ account_id: accountId, team_id: team.id, user_id: agent.userId })
    .execute();
  const label = await db
    .insertInto('labels')
    .values({ account_id: accountId, title: `${name.toLowerCase()}-label` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const canned = await db
    .insertInto('canned_responses')
    .values({ account_id: accountId, short_code: 'fuzz', content: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const savedFilter = await db
    .insertInto('custom_filters')
    .values({ account_id: accountId, user_id: f.account.user_id, name: 'fuzz', query: '{"payload":[]}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const attribute = await db
    .insertInto('custom_attribute_definitions')
    .values({
      account_id: accountId,
      attribute_display_name: 'Fuzz',
      attribute_key: 'fuzz',
      attribute_model: 'contact_attribute',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const bot = await db
    .insertInto('agent_bots')
    .values({ account_id: accountId, name: 'Fuzz bot' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const webhook = await db
    .insertInto('webhooks')
    .values({
      account_id: accountId,
      url: 'https://203.0.113.60/hook',
      subscriptions: ['message_created'],
      secret: 'fuzz-secret',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const note = await db
    .insertInto('contact_notes')
    .values({ account_id: accountId, contact_id: f.contact.id, content: 'fuzz note' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const event = await db
    .selectFrom('events')
    .select(['id', 'seq', 'name'])
    .where('account_id', '=', accountId)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const delivery = await db
    .insertInto('webhook_deliveries')
    .values({
      account_id: accountId,
      event_id: event.id,
      event_seq: event.seq,
      event_name: event.name,
      target_type: 'webhook',
      target_id: webhook.id,
      url: 'https://203.0.113.60/hook',
      payload: JSON.stringify({ event: event.name }),
      status: 'delivered',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A flow chatbot, when this build has the WTS chatbot API (a one-step flow is the smallest valid one).
  const wts = ctx.client(undefined, { authorization: `Bearer ${f.account.api_access_token}` });
  const chatbot = await wts.post('/chat/v1/chatbot', {
    name: 'Fuzz flow',
    definition: { start: 'only', steps: [{ id: 'only', kind: 'message', text: 'fuzz' }] },
  });
  // A CRM panel with a step, a card on it (linking the contact) and a note on the card, when this build has the CRM.
  const contactUuid = (
    await db.selectFrom('contacts').select('uuid').where('id', '=', f.contact.id).executeTakeFirstOrThrow()
  ).uuid;
  const panel = await wts.post('/crm/v1/panel', { title: 'Fuzz panel', steps: [{ title: 'Fuzz step' }] });
  const card =
    panel.status === 200
      ? await wts.post('/crm/v1/panel/card', {
          stepId: panel.body.steps[0].id,
          title: 'Fuzz card',
          contactIds: [contactUuid],
        })
      : undefined;
  const cardNote =
    card?.status === 200
      ? await wts.post(`/crm/v1/panel/card/${card.body.id}/note`, { text: 'fuzz card note' })
      : undefined;
  const crmParams: Record<string, string> =
    panel.status === 200 && card?.status === 200 && cardNote?.status === 200
      ? { stepId: panel.body.steps[0].id, cardId: card.body.id, noteId: cardNote.body.id }
      : {};
  const crmCollections: Record<string, string> =
    panel.status === 200 && card?.status === 200 ? { panel: panel.body.id, card: card.body.id } : {};
  const platform = await ctx.platformApp({ accountIds: [accountId], userIds: [f.account.user_id] });
  const platformBot = await platform.post('/platform/api/v1/agent_bots', { name: 'Fuzz platform bot' });
  if (platformBot.status !== 200) throw new Error(`platform bot: ${platformBot.status} ${platformBot.text}`);
  const uuids = async (table: 'conversations' | 'contacts' | 'users' | 'teams' | 'labels' | 'inboxes', id: number) =>
    (await db.selectFrom(table).select('uuid').where('id', '=', id).executeTakeFirstOrThrow()).uuid;
  const inbox = await db
    .selectFrom('inboxes')
    .select(['identifier', 'uuid'])
    .where('id', '=', f.inbox.id)
    .executeTakeFirstOrThrow();
  const conversationRow = await db
    .selectFrom('conversations')
    .select(['id', 'uuid'])
    .where('account_id', '=', accountId)
    .where('display_id', '=', conversation.id)
    .executeTakeFirstOrThrow();

  const params: Record<string, string> = {
    account_id: String(accountId),
    conversation_id: String(conversation.id),
    message_id: String(message.id),
    note_id: String(note.id),
    delivery_id: delivery.id,
    inbox_id: String(f.inbox.id),
    inbox_identifier: inbox.identifier,
    contact_identifier: f.sourceId,
    phone,
    ...crmParams,
  };
  const byCollection: Record<string, string> = {
    // Chatwoot application API: integer ids
    contacts: String(f.contact.id),
    conversations: String(conversation.id),
    inboxes: String(f.inbox.id),
    teams: String(team.id),
    agents: String(agent.userId),
    labels: String(label.id),
    canned_responses: String(canned.id),
    custom_filters: String(savedFilter.id),
    apps: 'webhook',
    custom_attribute_definitions: String(attribute.id),
    agent_bots: String(bot.id),
    webhooks: String(webhook.id),
    notes: String(note.id),
    // the flow builder's chatbots (the same flow as the WTS `chatbot`, by its uuid)
    ...(chatbot.status === 201 ? { chatbots: String(chatbot.body.id) } : {}),
    // Platform API (`/platform/api/v1/<collection>/{id}`), the keys prefixed so they do not clash
    'platform:accounts': String(accountId),
    'platform:agent_bots': String(platformBot.body.id),
    'platform:users': String(f.account.user_id),
    // WTS dialect: UUIDs
    session: conversationRow.uuid,
    contact: await uuids('contacts', f.contact.id),
    agent: await uuids('users', agent.userId),
    department: await uuids('teams', team.id),
    tag: await uuids('labels', label.id),
    channel: inbox.uuid,
    message: message.uuid,
    note: privateNote.uuid,
    ...(chatbot.status === 201 ? { chatbot: String(chatbot.body.id) } : {}),
    ...crmCollections,
  };

  return {
    accountId,
    userToken: f.account.api_access_token,
    platformToken: platform.token,
    params,
    byCollection,
    async intact() {
      const account = await db.selectFrom('accounts').select('status').where('id', '=', accountId).executeTakeFirst();
      if (!account || account.status === 'suspended') return false;
      const profile = await f.api.get('/api/v1/profile');
      if (profile.status !== 200) return false;
      const granted = await platform.get(`/platform/api/v1/accounts/${accountId}`);
      if (granted.status !== 200) return false;
      const rows = await Promise.all([
        db.selectFrom('conversations').select('id').where('id', '=', conversationRow.id).executeTakeFirst(),
        db.selectFrom('contacts').select('id').where('id', '=', f.contact.id).executeTakeFirst(),
        db.selectFrom('inboxes').select('id').where('identifier', '=', inbox.identifier).executeTakeFirst(),
        db.selectFrom('contact_inboxes').select('id').where('source_id', '=', f.sourceId).executeTakeFirst(),
        db.selectFrom('messages').select('id').where('id', '=', message.id).executeTakeFirst(),
        db.selectFrom('teams').select('id').where('id', '=', team.id).executeTakeFirst(),
        db.selectFrom('labels').select('id').where('id', '=', label.id).executeTakeFirst(),
        db
          .selectFrom('account_users')
          .select('id')
          .where('user_id', '=', agent.userId)
          .where('account_id', '=', accountId)
          .executeTakeFirst(),
        db.selectFrom('webhooks').select('id').where('id', '=', webhook.id).executeTakeFirst(),
        db.selectFrom('agent_bots').select('id').where('id', '=', bot.id).executeTakeFirst(),
        db.selectFrom('contact_notes').select('id').where('id', '=', note.id).executeTakeFirst(),
        db.selectFrom('canned_responses').select('id').where('id', '=', canned.id).executeTakeFirst(),
        db.selectFrom('custom_filters').select('id').where('id', '=', savedFilter.id).executeTakeFirst(),
        db.selectFrom('custom_attribute_definitions').select('id').where('id', '=', attribute.id).executeTakeFirst(),
      ]);
      return rows.every(Boolean);
    },
  };
}

/** The real value for one `{param}` of a path template, or undefined when the world has none. */
export function realParam(
  world: World,
  template: string,
  segments: string[],
  index: number,
  param: string,
): string | undefined {
  if (param !== 'id') return world.params[param];
  const collection = segments[index - 1];
  if (template.startsWith('/platform/')) return world.byCollection[`platform:${collection}`];
  return world.byCollection[collection];
}
