import type { App } from '../api/types.ts';
import { CHANNEL_ADAPTERS } from './registry.ts';

/** A request path with the secrets adapters put in their webhook paths replaced, for logs. */
export function redactChannelSecrets(url: string): string {
  for (const { secretPathPrefix: prefix } of CHANNEL_ADAPTERS) {
    if (prefix && url.startsWith(prefix))
      return prefix + '[redacted]' + url.slice(prefix.length).replace(/^[^/?#]*/, '');
  }
  return url;
}

/** Every channel adapter's provider webhooks, at the server's root (e.g. /webhooks/telegram/:bot_token). */
export async function channelRoutes(app: App): Promise<void> {
  for (const adapter of CHANNEL_ADAPTERS) await app.register(adapter.routes);
}
