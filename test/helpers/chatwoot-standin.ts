// Fills an account of a running Switchboard through its Chatwoot Application API, so it can stand in for a
// Chatwoot to import from (tests and the import bench). Plain fetch: no test-framework imports here.
import { formData, PNG_PIXEL } from './multipart.ts';

export interface StandInSize {
  contacts: number;
  conversations: number;
  /** Messages sent in each conversation (beyond the activity messages status changes leave). */
  messagesPerConversation: number;
}

export interface StandIn {
  inboxIds: number[];
  agentIds: number[];
  teamIds: number[];
  contactIds: number[];
  conversationIds: number[];
  /** The conversation holding the message with an attachment. */
  attachmentConversationId: number;
}

export function standInApi(baseUrl: string, accountId: number, token: string) {
  const root = `${baseUrl}/api/v1/accounts/${accountId}`;
  const send = async (method: string, path: string, body?: unknown): Promise<any> => {
    const response = await fetch(root + path, {
      method,
      headers: { api_access_token: token, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return {
    root,
    get: (path: string) => send('GET', path),
    post: (path: string, body: unknown = {}) => send('POST', path, body),
    async upload(path: string, fields: Record<string, string>, file: { filename: string; type: string; body: Buffer }) {
      const { payload, contentType } = formData(fields, [file]);
      const response = await fetch(root + path, {
        method: 'POST',
        headers: { api_access_token: token, 'content-type': contentType },
        body: new Uint8Array(payload),
      });
      if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
      return response.json();
    },
  };
}

const STATUSES = ['open', 'resolved', 'pending', 'snoozed'] as const;
const PRIORITIES = [null, 'low', 'medium', 'high', 'urgent'] as const;

/** Two API inboxes and a website inbox, agents, teams, labels, attribute definitions, canned responses, contacts, conversations. */
export async function seedStandIn(
  baseUrl: string,
  accountId: number,
  token: string,
  size: StandInSize,
): Promise<StandIn> {
  const api = standInApi(baseUrl, accountId, token);
  const inboxes = [
    await api.post('/inboxes', {
      name: 'Support API',
      channel: { type: 'api' },
      greeting_enabled: true,
      greeting_message: 'Hi there',
    }),
    await api.post('/inboxes', { name: 'Sales API', channel: { type: 'api' } }),
    await api.post('/inboxes', {
      name: 'Website',
      channel: { type: 'web_widget', website_url: 'https://shop.example' },
    }),
  ];
  const agents = [
    await api.post('/agents', { name: 'Ann Agent', email: 'ann@source.example', role: 'agent' }),
    await api.post('/agents', { name: 'Bob Boss', email: 'bob@source.example', role: 'administrator' }),
  ];
  const teams = [
    await api.post('/teams', { name: 'Billing', description: 'Money things' }),
    await api.post('/teams', { name: 'Tech' }),
  ];
  await api.post(`/teams/${teams[0].id}/team_members`, { user_ids: [agents[0].id] });
  await api.post(`/teams/${teams[1].id}/team_members`, { user_ids: agents.map((a) => a.id) });
  await api.post('/inbox_members', { inbox_id: inboxes[0].id, user_ids: agents.map((a) => a.id) });
  for (const [title, color] of [
    ['vip', '#FF0000'],
    ['billing', '#00FF00'],
    ['bug', '#0000FF'],
  ])
    await api.post('/labels', { title, color, description: `${title} things` });
  await api.post('/custom_attribute_definitions', {
    attribute_display_name: 'Plan',
    attribute_display_type: 'list',
    attribute_key: 'plan',
    attribute_model: 'contact_attribute',
    attribute_values: ['free', 'pro'],
  });
  await api.post('/custom_attribute_definitions', {
    attribute_display_name: 'Order number',
    attribute_display_type: 'text',
    attribute_key: 'order_number',
    attribute_model: 'conversation_attribute',
  });
  await api.post('/canned_responses', { short_code: 'thanks', content: 'Thank you for writing!' });
  await api.post('/canned_responses', { short_code: 'bye', content: 'Have a nice day.' });

  const contactIds: number[] = [];
  for (let i = 0; i < size.contacts; i++) {
    const inbox = inboxes[i % 2];
    const { payload } = await api.post('/contacts', {
      name: `Customer ${i}`,
      email: `customer${i}@example.com`,
      ...(i % 3 === 0 ? { phone_number: `+1555000${String(i).padStart(4, '0')}` } : {}),
      custom_attributes: { plan: i % 2 ? 'pro' : 'free' },
      additional_attributes: { city: 'Lisbon' },
      inbox_id: inbox.id,
      source_id: `src-${i}`,
    });
    contactIds.push(payload.contact.id);
  }
  // A visitor without email, phone or identifier: Chatwoot's contact list leaves such contacts out.
  const visitor = (await api.post('/contacts', { name: 'Anonymous visitor', inbox_id: inboxes[0].id })).payload.contact;

  const conversationIds: number[] = [];
  for (let i = 0; i < size.conversations; i++) {
    const contactId = i === 0 ? visitor.id : contactIds[i % contactIds.length];
    const inboxId = i === 0 ? inboxes[0].id : inboxes[contactIds.indexOf(contactId) % 2].id;
    const conversation = await api.post('/conversations', {
      inbox_id: inboxId,
      contact_id: contactId,
      ...(i % 2 ? { assignee_id: agents[i % agents.length].id } : {}),
      ...(i % 3 === 0 ? { team_id: teams[i % 2].id } : {}),
      custom_attributes: { order_number: `A-${i}` },
    });
    conversationIds.push(conversation.id);
    for (let m = 0; m < size.messagesPerConversation; m++) {
      const incoming = m % 2 === 0;
      await api.post(`/conversations/${conversation.id}/messages`, {
        content: `${incoming ? 'Question' : 'Answer'} ${m} in conversation ${i}`,
        message_type: incoming ? 'incoming' : 'outgoing',
        private: !incoming && m % 5 === 3,
      });
    }
    const labels = [['vip'], ['billing', 'bug'], []][i % 3];
    if (labels.length) await api.post(`/conversations/${conversation.id}/labels`, { labels });
    const priority = PRIORITIES[i % PRIORITIES.length];
    if (priority) await api.post(`/conversations/${conversation.id}/toggle_priority`, { priority });
    const status = STATUSES[i % STATUSES.length];
    if (status !== 'open') {
      await api.post(`/conversations/${conversation.id}/toggle_status`, {
        status,
        ...(status === 'snoozed' ? { snoozed_until: Math.floor(Date.now() / 1000) + 86_400 } : {}),
      });
    }
  }
  const attachmentConversationId = conversationIds[1 % conversationIds.length];
  await api.upload(
    `/conversations/${attachmentConversationId}/messages`,
    { content: 'the picture you asked for', message_type: 'outgoing' },
    { filename: 'pixel.png', type: 'image/png', body: PNG_PIXEL },
  );
  return {
    inboxIds: inboxes.map((inbox) => inbox.id),
    agentIds: agents.map((agent) => agent.id),
    teamIds: teams.map((team) => team.id),
    contactIds: [...contactIds, visitor.id],
    conversationIds,
    attachmentConversationId,
  };
}
