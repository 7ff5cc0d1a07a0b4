import type { ChannelAdapter } from '../adapter.ts';
import { sendEmailMessage } from './outbound.ts';
import { beforeEmailDelete, createEmailInbox, EMAIL_CHANNEL_TYPE } from './setup.ts';

/** Email inboxes: inbound through the built-in SMTP receiver (receiver.ts) and IMAP polling, outbound through SMTP. */
export const emailAdapter: ChannelAdapter = {
  channelType: EMAIL_CHANNEL_TYPE,
  shortType: 'email',
  createInbox: createEmailInbox,
  beforeDelete: beforeEmailDelete,
  send: sendEmailMessage,
  routes: async () => {},
};
