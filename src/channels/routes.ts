import type { App } from '../api/types.ts';
import { CHANNEL_ADAPTERS } from './registry.ts';

/** Every channel adapter's provider webhooks, at the server's root (e.g. /webhooks/telegram/:bot_token). */
export async function channelRoutes(app: App): Promise<void> {
  for (const adapter of CHANNEL_ADAPTERS) await app.register(adapter.routes);
}
