import type { ChannelAdapter } from '../adapter.ts';
import { beforeWhatsappDelete, createWhatsappInbox, WHATSAPP_CHANNEL_TYPE } from './setup.ts';
import { sendWhatsappMessage, whatsappTyping } from './outbound.ts';
import { whatsappRoutes } from './whatsapp.routes.ts';

export const whatsappAdapter: ChannelAdapter = {
  channelType: WHATSAPP_CHANNEL_TYPE,
  shortType: 'whatsapp',
  createInbox: createWhatsappInbox,
  beforeDelete: beforeWhatsappDelete,
  send: sendWhatsappMessage,
  typing: whatsappTyping,
  routes: whatsappRoutes,
};
