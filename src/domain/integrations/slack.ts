import type { Db } from '../../db/pool.ts';
import type { Conversation, DomainEvent, IntegrationHook, Message } from '../../db/types.ts';
import type { PlannedDelivery } from '../../events/planners.ts';
import { MESSAGE_TYPE } from '../messages/message-type.ts';

/**
 * Slack notifications, by incoming webhook: a new conversation and every public incoming or outgoing message
 * (never a private note, never an activity message) of the account — or of the hook's inbox — becomes a
 * delivery to the hook's `settings.webhook_url`. Deliveries go out through the webhook pipeline (events/deliver.ts):
 * in conversation order, retried with backoff, every attempt logged, a delivery that keeps failing marked failed.
 */
const SLACK_EVENTS = new Set(['conversation.created', 'message.created']);
/** Slack refuses a section text over 3,000 characters. */
const SECTION_LIMIT = 2_900;

/** Slack's mrkdwn takes &, < and > as control characters: escaped, a message cannot forge a link or a mention. */
const escapeMrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

interface Scene {
  conversation: Conversation;
  contactName: string;
  inboxName: string;
  link: string;
}

export interface SlackPayload {
  text: string;
  blocks: Record<string, unknown>[];
}

function blocks(headline: string, body: string | null, scene: Scene): Record<string, unknown>[] {
  return [
    { type: 'section', text: { type: 'mrkdwn', text: headline } },
    ...(body === null ? [] : [{ type: 'section', text: { type: 'mrkdwn', text: body } }]),
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `*Contact:* ${escapeMrkdwn(scene.contactName)}` },
        { type: 'mrkdwn', text: `*Inbox:* ${escapeMrkdwn(scene.inboxName)}` },
        { type: 'mrkdwn', text: `<${scene.link}|Open conversation #${scene.conversation.display_id}>` },
      ],
    },
  ];
}

export function conversationNotice(scene: Scene): SlackPayload {
  const id = scene.conversation.display_id;
  return {
    text: `New conversation #${id} from ${scene.contactName} in ${scene.inboxName}: ${scene.link}`,
    blocks: blocks(
      `:speech_balloon: *New conversation <${scene.link}|#${id}>* from *${escapeMrkdwn(scene.contactName)}* in _${escapeMrkdwn(scene.inboxName)}_`,
      null,
      scene,
    ),
  };
}

export function messageNotice(scene: Scene, message: Message, author: string): SlackPayload {
  const id = scene.conversation.display_id;
  const incoming = message.message_type === MESSAGE_TYPE.incoming;
  const content = message.content?.trim() ? message.content.trim() : '(no text: attachments only)';
  const verb = incoming ? 'wrote' : 'replied';
  return {
    text: clip(`${author} ${verb} in conversation #${id} (${scene.inboxName}): ${content}`, SECTION_LIMIT),
    blocks: blocks(
      `${incoming ? ':inbox_tray:' : ':outbox_tray:'} *${escapeMrkdwn(author)}* ${verb} in <${scene.link}|conversation #${id}>`,
      clip(escapeMrkdwn(content), SECTION_LIMIT)
        .split('\n')
        .map((line) => `>${line}`)
        .join('\n'),
      scene,
    ),
  };
}

/** A message Slack hears of: public, and written by the contact or to them. */
const notifiable = (message: Message) =>
  !message.private &&
  (message.message_type === MESSAGE_TYPE.incoming ||
    message.message_type === MESSAGE_TYPE.outgoing ||
    message.message_type === MESSAGE_TYPE.template);

/**
 * The Slack deliveries a batch of events wants, read with a fixed number of statements: the batch's accounts'
 * enabled Slack hooks (one statement, and nothing more when there are none), then the conversations, messages,
 * contacts, inboxes and authors the notices name.
 */
export async function planSlackNotifications(
  db: Db,
  events: DomainEvent[],
  publicUrl: string,
): Promise<PlannedDelivery[]> {
  const relevant = events.filter((e) => SLACK_EVENTS.has(e.name) && e.conversation_id !== null);
  if (!relevant.length) return [];
  const hooks: IntegrationHook[] = await db
    .selectFrom('integration_hooks')
    .selectAll()
    .where('account_id', 'in', [...new Set(relevant.map((e) => e.account_id))])
    .where('app_id', '=', 'slack')
    .where('enabled', '=', true)
    .orderBy('id')
    .execute();
  if (!hooks.length) return [];
  const heard = relevant.filter((e) => hooks.some((h) => h.account_id === e.account_id));
  const messageIds = heard
    .filter((e) => e.name === 'message.created' && e.message_id !== null)
    .map((e) => e.message_id!);
  const [conversations, messages] = await Promise.all([
    db
      .selectFrom('conversations')
      .selectAll()
      .where('id', 'in', [...new Set(heard.map((e) => e.conversation_id!))])
      .execute(),
    messageIds.length
      ? db.selectFrom('messages').selectAll().where('id', 'in', messageIds).execute()
      : Promise.resolve([] as Message[]),
  ]);
  const users = [
    ...new Set(messages.filter((m) => m.sender_type === 'User' && m.sender_id !== null).map((m) => m.sender_id!)),
  ];
  const bots = [
    ...new Set(messages.filter((m) => m.sender_type === 'AgentBot' && m.sender_id !== null).map((m) => m.sender_id!)),
  ];
  const [contacts, inboxes, userRows, botRows] = await Promise.all([
    db
      .selectFrom('contacts')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(conversations.map((c) => c.contact_id))])
      .execute(),
    db
      .selectFrom('inboxes')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(conversations.map((c) => c.inbox_id))])
      .execute(),
    users.length
      ? db.selectFrom('users').select(['id', 'name', 'display_name']).where('id', 'in', users).execute()
      : Promise.resolve([]),
    bots.length
      ? db.selectFrom('agent_bots').select(['id', 'name']).where('id', 'in', bots).execute()
      : Promise.resolve([]),
  ]);
  const conversationById = new Map(conversations.map((c) => [c.id, c]));
  const messageById = new Map(messages.map((m) => [m.id, m]));
  const contactName = new Map(contacts.map((c) => [c.id, c.name?.trim() || 'A contact']));
  const inboxName = new Map(inboxes.map((i) => [i.id, i.name]));
  const userName = new Map(userRows.map((u) => [u.id, u.display_name?.trim() || u.name]));
  const botName = new Map(botRows.map((b) => [b.id, b.name]));

  const planned: PlannedDelivery[] = [];
  for (const event of heard) {
    const conversation = conversationById.get(event.conversation_id!);
    if (!conversation || conversation.account_id !== event.account_id) continue;
    const scene: Scene = {
      conversation,
      contactName: contactName.get(conversation.contact_id) ?? 'A contact',
      inboxName: inboxName.get(conversation.inbox_id) ?? 'an inbox',
      link: `${publicUrl}/app/accounts/${conversation.account_id}/conversations/${conversation.display_id}`,
    };
    let payload: SlackPayload;
    if (event.name === 'conversation.created') payload = conversationNotice(scene);
    else {
      const message = event.message_id === null ? undefined : messageById.get(event.message_id);
      if (!message || !notifiable(message)) continue;
      const author =
        message.message_type === MESSAGE_TYPE.incoming
          ? scene.contactName
          : message.sender_type === 'User'
            ? (userName.get(message.sender_id!) ?? 'An agent')
            : message.sender_type === 'AgentBot'
              ? (botName.get(message.sender_id!) ?? 'A bot')
              : 'Switchboard';
      payload = messageNotice(scene, message, author);
    }
    for (const hook of hooks) {
      if (hook.account_id !== event.account_id) continue;
      if (hook.inbox_id !== null && hook.inbox_id !== conversation.inbox_id) continue; // an inbox's hook hears only it
      planned.push({
        event,
        targetType: 'integration_hook',
        targetId: hook.id,
        url: hook.settings.webhook_url,
        secret: null,
        eventName: event.name.replace('.', '_'),
        payload: { ...payload },
      });
    }
  }
  return planned;
}
