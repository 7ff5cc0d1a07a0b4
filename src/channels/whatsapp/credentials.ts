import type { ChannelWhatsapp } from '../../db/types.ts';
import { openCredential, openNullable } from '../../domain/auth/credentials.ts';
import type { ChannelContext } from '../adapter.ts';

/** The channel row with its access token and app secret opened, for the calls to Meta and the signature check. */
export function openCredentials(ctx: Pick<ChannelContext, 'config'>, channel: ChannelWhatsapp): ChannelWhatsapp {
  return {
    ...channel,
    api_key: openCredential(ctx.config, channel.api_key),
    app_secret: openNullable(ctx.config, channel.app_secret),
  };
}
