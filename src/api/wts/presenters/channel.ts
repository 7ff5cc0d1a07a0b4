import { Type, type Static } from 'typebox';
import type { Inbox } from '../../../db/types.ts';
import { iso, Nullable } from '../schema.ts';

/** Our channel types as WTS platform names (WTS knows WhatsApp, Instagram, Messenger; we add ours). */
const PLATFORMS: Record<string, string> = {
  'Channel::Api': 'API',
  'Channel::WebWidget': 'WEBCHAT',
  'Channel::Email': 'EMAIL',
  'Channel::Whatsapp': 'WHATSAPP',
  'Channel::Instagram': 'INSTAGRAM',
  'Channel::FacebookPage': 'MESSENGER',
  'Channel::Telegram': 'TELEGRAM',
  'Channel::Sms': 'SMS',
};

export function platformOf(inbox: Inbox): string {
  return PLATFORMS[inbox.channel_type] ?? inbox.channel_type.replace(/^Channel::/, '').toUpperCase();
}

/** The address contacts reach the channel at: its phone number, email or website, else its name. */
function humanId(inbox: Inbox): string {
  const channel = (inbox.channel ?? {}) as Record<string, unknown>;
  const address = channel.phone_number ?? channel.email ?? channel.website_url;
  if (typeof address === 'string' && address) return address;
  // A Telegram bot is reached at @its_name.
  return typeof channel.bot_name === 'string' && channel.bot_name ? `@${channel.bot_name}` : inbox.name;
}

export const ChannelIdentitySchema = Type.Object({
  humanId: Type.String(),
  platform: Type.String(),
  provider: Nullable(Type.String()),
  providerVariable: Nullable(Type.String()),
  pictureUrl: Nullable(Type.String()),
  displayName: Type.String(),
});

export function presentChannelIdentity(inbox: Inbox): Static<typeof ChannelIdentitySchema> {
  return {
    humanId: humanId(inbox),
    platform: platformOf(inbox),
    provider: inbox.channel_type,
    providerVariable: null,
    pictureUrl: inbox.avatar_url,
    displayName: inbox.name,
  };
}

/** PublicChannelDTO: an inbox as a WTS channel. */
export const ChannelSchema = Type.Object({
  id: Type.String(),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  active: Type.Boolean(),
  type: Type.String(),
  number: Nullable(Type.String()),
  numberFormatted: Nullable(Type.String()),
  identity: ChannelIdentitySchema,
});

export function presentChannel(inbox: Inbox): Static<typeof ChannelSchema> {
  const channel = (inbox.channel ?? {}) as Record<string, unknown>;
  const phone = channel.phone_number;
  return {
    id: inbox.uuid,
    createdAt: iso(inbox.created_at),
    updatedAt: iso(inbox.updated_at),
    // A channel whose login the provider refuses (an email inbox's IMAP) takes no messages until it is fixed.
    active: channel.reauthorization_required !== true,
    type: platformOf(inbox),
    number: typeof phone === 'string' ? phone : null,
    numberFormatted: typeof phone === 'string' ? phone : null,
    identity: presentChannelIdentity(inbox),
  };
}
