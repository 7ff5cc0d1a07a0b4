import type { ChannelAdapter } from '../adapter.ts';
import { beforeTelegramDelete, createTelegramInbox, TELEGRAM_CHANNEL_TYPE } from './setup.ts';
import { deleteTelegramMessage, sendTelegramMessage, telegramTyping } from './outbound.ts';
import { telegramRoutes } from './telegram.routes.ts';

export const telegramAdapter: ChannelAdapter = {
  channelType: TELEGRAM_CHANNEL_TYPE,
  shortType: 'telegram',
  secretPathPrefix: '/webhooks/telegram/',
  createInbox: createTelegramInbox,
  beforeDelete: beforeTelegramDelete,
  send: sendTelegramMessage,
  remove: deleteTelegramMessage,
  typing: telegramTyping,
  routes: telegramRoutes,
};
