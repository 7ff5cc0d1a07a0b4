import path from 'node:path';
import type { Db } from '../../db/pool.ts';
import type { Message } from '../../db/types.ts';
import { randomToken } from '../auth/secrets.ts';
import { insertMessage, MESSAGE_TYPE } from '../messages/commands.ts';
import type { Choice } from './definition.ts';
import { ownValue } from '../own.ts';

/** A message a step sends, already rendered. */
export interface BotMessage {
  text?: string;
  mediaUrl?: string;
  choices?: Choice[];
  choiceStyle?: 'buttons' | 'list';
}

const MEDIA_TYPES: Record<string, [string, string]> = {
  jpg: ['image', 'image/jpeg'],
  jpeg: ['image', 'image/jpeg'],
  png: ['image', 'image/png'],
  gif: ['image', 'image/gif'],
  webp: ['image', 'image/webp'],
  mp3: ['audio', 'audio/mpeg'],
  ogg: ['audio', 'audio/ogg'],
  mp4: ['video', 'video/mp4'],
  pdf: ['file', 'application/pdf'],
};

/**
 * Sends a bot message as an ordinary outgoing message from the chatbot's agent bot, in the caller's
 * transaction (so message.created reaches webhooks and realtime like any other). Choices are Chatwoot's
 * `input_select` items; a media URL is an attachment pointing at that URL.
 */
export async function sendBotMessage(
  trx: Db,
  conversationId: number,
  agentBotId: number,
  message: BotMessage,
): Promise<Message> {
  const items = message.choices?.map((c) => ({ title: c.title, value: c.value ?? c.title }));
  const { message: stored } = await insertMessage(trx, conversationId, {
    messageType: MESSAGE_TYPE.outgoing,
    content: message.text || (items?.length ? null : (message.mediaUrl ?? null)),
    contentType: items?.length ? 'input_select' : 'text',
    contentAttributes: items?.length ? { items } : {},
    additionalAttributes: {
      chatbot: true,
      ...(items?.length ? { choice_style: message.choiceStyle ?? (items.length <= 3 ? 'buttons' : 'list') } : {}),
    },
    sender: { type: 'AgentBot', id: agentBotId },
  });
  if (message.mediaUrl) {
    const url = new URL(message.mediaUrl);
    const filename = path.basename(url.pathname) || 'media';
    const extension = path.extname(filename).replace(/^\./, '').toLowerCase();
    const [fileType, contentType] = ownValue(MEDIA_TYPES, extension) ?? ['file', 'application/octet-stream'];
    await trx
      .insertInto('attachments')
      .values({
        account_id: stored.account_id,
        message_id: stored.id,
        file_type: fileType,
        filename,
        content_type: contentType,
        extension: extension || null,
        file_size: 0,
        external_url: message.mediaUrl,
        access_key: randomToken(16),
      })
      .execute();
  }
  return stored;
}
