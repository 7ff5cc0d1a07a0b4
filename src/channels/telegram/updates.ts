import type { TelegramEntity } from './entities.ts';

/** The parts of Bot API updates the adapter reads (https://core.telegram.org/bots/api#update). */
export interface TelegramUser {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface TelegramFile {
  file_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

export interface TelegramMessage {
  message_id: number;
  from?: TelegramUser;
  chat: { id: number; type: string };
  text?: string;
  entities?: TelegramEntity[];
  caption?: string;
  caption_entities?: TelegramEntity[];
  /** Set on every message of an album (photos/videos or documents sent together). */
  media_group_id?: string;
  photo?: TelegramFile[];
  document?: TelegramFile;
  reply_to_message?: { message_id: number };
}

export interface TelegramCallbackQuery {
  id: string;
  from: TelegramUser;
  message?: { message_id: number; chat: { id: number; type: string } };
  data?: string;
}

export interface TelegramUpdate {
  update_id: number;
  message?: TelegramMessage;
  edited_message?: TelegramMessage;
  callback_query?: TelegramCallbackQuery;
}

/** Telegram's message ids count per chat: the inbox-wide id of a message names its chat too. */
export const messageKey = (message: Pick<TelegramMessage, 'chat' | 'message_id'>) =>
  `message:${message.chat.id}:${message.message_id}`;
/** An album's parts share their media_group_id (unique per chat). */
export const albumKey = (message: Pick<TelegramMessage, 'chat'> & { media_group_id: string }) =>
  `album:${message.chat.id}:${message.media_group_id}`;
/** Callback query ids are unique per bot. */
export const callbackKey = (query: TelegramCallbackQuery) => `callback:${query.id}`;

export function contactOf(user: TelegramUser) {
  return {
    sourceId: String(user.id),
    name: [user.first_name, user.last_name].filter(Boolean).join(' ') || user.username || String(user.id),
    additionalAttributes: {
      username: user.username ?? null,
      language_code: user.language_code ?? null,
      social_telegram_user_id: user.id,
      social_telegram_user_name: user.username ?? null,
    },
  };
}
