import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { listAccountInboxes } from '../../../../domain/inboxes/visible.ts';
import { ChannelSchema, presentChannel } from '../../presenters/channel.ts';
import { Literals } from '../../schema.ts';

const ChannelQuery = Type.Object({
  ChannelType: Type.Optional(Literals(['All', 'Whatsapp', 'Messenger', 'Instagram', 'Telegram'] as const)),
});

/** `GET /chat/v1/channel`: the inboxes the caller sees, as a bare array (the WTS n8n node maps it directly). */
export default async function channelRoutes(app: App): Promise<void> {
  app.get(
    '/v1/channel',
    {
      config: { policy: 'inboxes.read' },
      schema: {
        tags: ['WTS Channels'],
        summary: 'List channels',
        querystring: ChannelQuery,
        response: { 200: Type.Array(ChannelSchema) },
      },
    },
    async (request) => {
      const inboxes = await listAccountInboxes(app.deps.db, request.auth.account.id, request.auth.inboxIds);
      const channels = inboxes.map(presentChannel);
      const type = request.query.ChannelType as string | undefined;
      return type && type !== 'All' ? channels.filter((c) => c.type === type.toUpperCase()) : channels;
    },
  );
}
