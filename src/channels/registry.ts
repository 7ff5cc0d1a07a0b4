import type { ChannelAdapter } from './adapter.ts';
import { emailAdapter } from './email/adapter.ts';
import { telegramAdapter } from './telegram/adapter.ts';
import { whatsappAdapter } from './whatsapp/adapter.ts';

/** Every channel adapter; adding a channel is adding its folder and a line here. */
export const CHANNEL_ADAPTERS: readonly ChannelAdapter[] = [telegramAdapter, whatsappAdapter, emailAdapter];

export function adapterForType(channelType: string): ChannelAdapter | undefined {
  return CHANNEL_ADAPTERS.find((adapter) => adapter.channelType === channelType);
}

export function adapterForShortType(shortType: string): ChannelAdapter | undefined {
  return CHANNEL_ADAPTERS.find((adapter) => adapter.shortType === shortType);
}

export const ADAPTER_CHANNEL_TYPES = CHANNEL_ADAPTERS.map((adapter) => adapter.channelType);
