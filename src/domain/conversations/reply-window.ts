import type { Db } from '../../db/pool.ts';
import type { Conversation } from '../../db/types.ts';
import { unprocessable } from '../../errors.ts';
import { MESSAGE_TYPE } from '../messages/commands.ts';

/** Channels whose provider only takes free-form replies within 24 hours of the contact's last message (Meta's customer-service window). */
const WINDOWED_CHANNELS = ['Channel::Whatsapp'];
const WINDOW_MS = 24 * 60 * 60 * 1000;

export const WINDOW_CLOSED_MESSAGE =
  'The 24-hour customer service window is closed: the contact has not written in the last 24 hours, so only a message template can be sent';

/**
 * An inbox's channel type never changes and inbox ids are never reused, so it is remembered: the check costs
 * no statement on the hot path of every other channel's messages. Remembered per database (ids of two
 * databases collide): keyed by the dialect adapter, which a transaction shares with its root handle.
 */
const channelTypesByDatabase = new WeakMap<object, Map<number, string>>();
const MAX_REMEMBERED = 10_000;

function rememberedChannelTypes(db: Db): Map<number, string> {
  const database = db.getExecutor().adapter;
  let types = channelTypesByDatabase.get(database);
  if (!types) channelTypesByDatabase.set(database, (types = new Map()));
  return types;
}

async function channelTypeOf(
  db: Db,
  conversation: Pick<Conversation, 'account_id' | 'inbox_id'>,
): Promise<string | undefined> {
  const channelTypes = rememberedChannelTypes(db);
  const known = channelTypes.get(conversation.inbox_id);
  if (known) return known;
  const inbox = await db
    .selectFrom('inboxes')
    .select('channel_type')
    .where('id', '=', conversation.inbox_id)
    .where('account_id', '=', conversation.account_id)
    .executeTakeFirst();
  if (!inbox) return undefined;
  if (channelTypes.size >= MAX_REMEMBERED) channelTypes.clear();
  channelTypes.set(conversation.inbox_id, inbox.channel_type);
  return inbox.channel_type;
}

/** Whether the contact wrote within the last 24 hours (true for channels without a window). */
export async function replyWindowOpen(
  db: Db,
  conversation: Pick<Conversation, 'id' | 'account_id' | 'inbox_id'>,
  now = Date.now(),
): Promise<boolean> {
  const channelType = await channelTypeOf(db, conversation);
  if (!channelType || !WINDOWED_CHANNELS.includes(channelType)) return true;
  const last = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('account_id', '=', conversation.account_id)
    .where('conversation_id', '=', conversation.id)
    .where('message_type', '=', MESSAGE_TYPE.incoming)
    .executeTakeFirst();
  return Boolean(last?.at) && now - new Date(last!.at as Date).getTime() < WINDOW_MS;
}

export const DISPATCH_WINDOW_CLOSED_MESSAGE =
  'The 24-hour customer service window is closed for this WhatsApp contact (it has not written in the last 24 hours), so a chatbot cannot start with free text: send a message template with botKey (POST /chat/v1/message/send), and the chatbot starts when the contact replies';

/**
 * Whether the contact wrote in the inbox within the last 24 hours, over all its conversations there (Meta's
 * window is the number's and the contact's, not one conversation's). A contact not known yet (`contactId`
 * undefined) never wrote. True for channels without a window.
 */
export async function contactWindowOpen(
  db: Db,
  inbox: { account_id: number; inbox_id: number },
  contactId: number | undefined,
  now = Date.now(),
): Promise<boolean> {
  const channelType = await channelTypeOf(db, inbox);
  if (!channelType || !WINDOWED_CHANNELS.includes(channelType)) return true;
  if (contactId === undefined) return false;
  const last = await db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select((eb) => eb.fn.max('messages.created_at').as('at'))
    .where('messages.account_id', '=', inbox.account_id)
    .where('conversations.account_id', '=', inbox.account_id)
    .where('conversations.inbox_id', '=', inbox.inbox_id)
    .where('conversations.contact_id', '=', contactId)
    .where('messages.message_type', '=', MESSAGE_TYPE.incoming)
    .executeTakeFirst();
  return Boolean(last?.at) && now - new Date(last!.at as Date).getTime() < WINDOW_MS;
}

/** A public, non-template message to a contact outside the window: refused (422) before anything is stored. */
export async function checkReplyWindow(
  db: Db,
  conversation: Pick<Conversation, 'id' | 'account_id' | 'inbox_id'>,
  send: { isPrivate: boolean; isTemplate: boolean },
): Promise<void> {
  if (send.isPrivate || send.isTemplate) return;
  if (!(await replyWindowOpen(db, conversation))) throw unprocessable(WINDOW_CLOSED_MESSAGE, ['template_params']);
}
