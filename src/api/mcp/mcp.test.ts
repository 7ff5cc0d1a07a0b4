import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createTestContext } from '../../../test/helpers/context.ts';
import { chatbotFixture, SIMPLE_FLOW } from '../../../test/helpers/chatbot-fixture.ts';

const ctx = await createTestContext({}, { worker: true, chatbots: true });
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
});

const clients: Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

async function connect(token: string, query = ''): Promise<Client> {
  const client = new Client({ name: 'switchboard-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp${query}`), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  clients.push(client);
  return client;
}

async function call(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<{ result: CallToolResult; json: any }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = (result.content[0] as { text: string }).text;
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { result, json };
}

const TOOLS = [
  'add_private_note',
  'assign_conversation',
  'create_contact',
  'label_conversation',
  'list_agents',
  'list_chatbots',
  'list_conversations',
  'list_inboxes',
  'list_teams',
  'read_conversation',
  'reply',
  'search_contacts',
  'set_conversation_status',
  'start_chatbot',
  'update_contact',
];

describe('MCP server at /mcp', () => {
  it('lists its tools, each described for a model, and its resources', async () => {
    const f = await chatbotFixture(ctx, 'Listing');
    const client = await connect(f.account.api_access_token);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
    for (const tool of tools) expect(tool.description!.length).toBeGreaterThan(80);
    expect((await client.listTools()).tools.find((t) => t.name === 'search_contacts')!.description).toMatch(
      /before create_contact/,
    );
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri).sort()).toEqual(['switchboard://canned_responses', 'switchboard://labels']);
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((r) => r.uriTemplate)).toEqual([
      'switchboard://conversations/{conversation_id}/transcript',
    ]);
  });

  it("runs every tool as the token's administrator, through the same domain as the APIs", async () => {
    const f = await chatbotFixture(ctx, 'Tools');
    const client = await connect(f.account.api_access_token);
    const base = f.base;

    const found = await call(client, 'search_contacts', { query: 'jane-tools@example.com' });
    expect(found.json.payload.map((c: any) => c.id)).toEqual([f.contact.id]);

    const created = await call(client, 'create_contact', {
      name: 'Rui Costa',
      phone_number: '+351910000001',
      inbox_id: f.inbox.id,
    });
    const ruiId = created.json.payload.contact.id;
    expect(created.json.payload.contact).toMatchObject({ name: 'Rui Costa', phone_number: '+351910000001' });
    const duplicate = await call(client, 'create_contact', { name: 'Rui again', phone_number: '+351910000001' });
    expect(duplicate.result.isError).toBe(true);

    const updated = await call(client, 'update_contact', {
      contact_id: ruiId,
      email: 'rui@example.com',
      custom_attributes: { plan: 'gold' },
    });
    expect(updated.json.payload).toMatchObject({ email: 'rui@example.com', custom_attributes: { plan: 'gold' } });

    const conversation = await f.openConversation();
    const id = conversation.id as number;
    await f.incoming(id, 'Where is my order?');

    const listed = await call(client, 'list_conversations', { status: 'open', inbox_id: f.inbox.id });
    expect(listed.json.data.payload.map((c: any) => c.id)).toContain(id);
    expect((await call(client, 'list_conversations', { status: 'resolved' })).json.data.payload).toEqual([]);

    expect((await call(client, 'reply', { conversation_id: id, content: 'It ships today.' })).json).toMatchObject({
      content: 'It ships today.',
      private: false,
    });
    expect(
      (await call(client, 'add_private_note', { conversation_id: id, content: 'Checked the warehouse.' })).json,
    ).toMatchObject({ private: true });

    const read = await call(client, 'read_conversation', { conversation_id: id });
    expect(read.json.conversation.id).toBe(id);
    expect(read.json.messages.map((m: any) => m.content)).toEqual(
      expect.arrayContaining(['Where is my order?', 'It ships today.', 'Checked the warehouse.']),
    );

    await f.api.post(`${base}/labels`, { title: 'billing' });
    await f.api.post(`${base}/labels`, { title: 'vip' });
    expect(
      (await call(client, 'label_conversation', { conversation_id: id, add: ['billing', 'vip'] })).json.payload.sort(),
    ).toEqual(['billing', 'vip']);
    expect((await call(client, 'label_conversation', { conversation_id: id, remove: ['vip'] })).json.payload).toEqual([
      'billing',
    ]);

    const agents = await call(client, 'list_agents');
    const me = agents.json.find((a: any) => a.id === f.account.user_id);
    expect(me).toBeTruthy();
    const team = (await f.api.post(`${base}/teams`, { name: 'Support' })).body;
    expect((await call(client, 'list_teams')).json.map((t: any) => t.name)).toEqual(['support']);
    expect((await call(client, 'list_inboxes')).json.payload.map((i: any) => i.id)).toEqual([f.inbox.id]);
    await call(client, 'assign_conversation', { conversation_id: id, assignee_id: me.id, team_id: team.id });
    const assigned = (await f.api.get(`${base}/conversations/${id}`)).body;
    expect(assigned.meta.assignee.id).toBe(me.id);
    expect(assigned.meta.team.id).toBe(team.id);

    await call(client, 'set_conversation_status', { conversation_id: id, status: 'resolved', priority: 'urgent' });
    const changed = (await f.api.get(`${base}/conversations/${id}`)).body;
    expect(changed).toMatchObject({ status: 'resolved', priority: 'urgent' });

    const bot = await f.createBot(SIMPLE_FLOW);
    expect((await call(client, 'list_chatbots')).json.items.map((b: any) => b.id)).toEqual([bot.id]);
    const started = await call(client, 'start_chatbot', {
      bot_key: bot.key,
      from: 'Shop API',
      to: '+5511999990042',
      force_start_session: true,
    });
    expect(started.json).toMatchObject({ status: 'QUEUED', botId: bot.id, session: { status: 'STARTED' } });

    const transcript = await client.readResource({ uri: `switchboard://conversations/${id}/transcript` });
    const text = (transcript.contents[0] as { text: string }).text;
    expect(text).toMatch(/Contact \(Jane Roe\): Where is my order\?/);
    expect(text).toMatch(/Private note.*Checked the warehouse\./);
    const labels = JSON.parse(
      ((await client.readResource({ uri: 'switchboard://labels' })).contents[0] as { text: string }).text,
    );
    expect(labels.payload.map((l: any) => l.title).sort()).toEqual(['billing', 'vip']);
    await f.api.post(`${base}/canned_responses`, { short_code: 'ship', content: 'It ships within 24 hours.' });
    const canned = JSON.parse(
      ((await client.readResource({ uri: 'switchboard://canned_responses' })).contents[0] as { text: string }).text,
    );
    expect(canned.map((c: any) => c.short_code)).toEqual(['ship']);
  });

  it('sees only what the Chatwoot API shows the token: an agent outside the inbox is refused', async () => {
    const f = await chatbotFixture(ctx, 'Scoped');
    const conversation = await f.openConversation();
    const agent = await ctx.member(f.account.account_id, 'agent', 'Outsider');
    const client = await connect(agent.token);
    const read = await call(client, 'read_conversation', { conversation_id: conversation.id });
    expect(read.result.isError).toBe(true);
    expect(read.json).toMatch(/^Not (found|allowed)/);
    const reply = await call(client, 'reply', { conversation_id: conversation.id, content: 'hi' });
    expect(reply.result.isError).toBe(true);
    expect((await call(client, 'list_conversations', { status: 'all' })).json.data.payload).toEqual([]);
    await expect(
      client.readResource({ uri: `switchboard://conversations/${conversation.id}/transcript` }),
    ).rejects.toThrow();
    const messages = (await f.api.get(`${f.base}/conversations/${conversation.id}/messages`)).body.payload;
    expect(messages.map((m: any) => m.content)).not.toContain('hi');

    // another account's id in the URL: the membership check of the API refuses it
    const other = await chatbotFixture(ctx, 'Elsewhere');
    const stranger = await connect(agent.token, `?account_id=${other.account.account_id}`);
    expect((await call(stranger, 'search_contacts', { query: 'jane' })).json).toMatch(/^Not allowed/);
  });

  it('holds an agent-bot token to what bots may do: no contact search, replies only in its inboxes', async () => {
    const f = await chatbotFixture(ctx, 'Botted');
    const conversation = await f.openConversation();
    const bot = (
      await f.api.post(`${f.base}/agent_bots`, { name: 'Helper', outgoing_url: 'https://bots.example/helper' })
    ).body;
    const client = await connect(bot.access_token);
    const search = await call(client, 'search_contacts', { query: 'jane' });
    expect(search.result.isError).toBe(true);
    expect(search.json).toMatch(/^Not allowed \(HTTP 401\)/);
    expect(
      (await call(client, 'reply', { conversation_id: conversation.id, content: 'from a stranger bot' })).result
        .isError,
    ).toBe(true);
    expect(
      (await call(client, 'start_chatbot', { bot_key: 'x', from: 'Shop API', to: '+5511999990043' })).json,
    ).toMatch(/only a user's token/);

    expect(
      (await f.api.post(`${f.base}/inboxes/${f.inbox.id}/set_agent_bot`, { agent_bot: bot.id })).status,
    ).toBeLessThan(300);
    const reply = await call(client, 'reply', { conversation_id: conversation.id, content: 'Hello from the bot' });
    expect(reply.result.isError).toBeFalsy();
    expect(reply.json).toMatchObject({ content: 'Hello from the bot', sender: { type: 'agent_bot' } });
  });

  it("answers 401 to a missing or unknown token, in Chatwoot's error shape", async () => {
    const missing = await fetch(`${baseUrl}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: '{}',
    });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ errors: ['You need to sign in or sign up before continuing.'] });
    await expect(connect('not-a-token')).rejects.toThrow(/401|Invalid Access Token/);
  });
});
