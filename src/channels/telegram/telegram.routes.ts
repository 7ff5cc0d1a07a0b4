import { Type } from 'typebox';
import type { App } from '../../api/types.ts';
import { AppError } from '../../errors.ts';
import { ProviderError, type ChannelContext } from '../adapter.ts';
import { authenticateTelegramCall, handleTelegramUpdate } from './inbound.ts';
import type { TelegramUpdate } from './updates.ts';

const Params = Type.Object({ bot_token: Type.String({ minLength: 1, maxLength: 200 }) });
const Update = Type.Object({ update_id: Type.Integer() }, { additionalProperties: true });

/** `POST /webhooks/telegram/:bot_token`: Telegram's webhook, as Chatwoot routes it. */
export async function telegramRoutes(app: App): Promise<void> {
  const ctx: ChannelContext = { db: app.deps.db, config: app.deps.config, storage: app.deps.storage, log: app.log };
  app.post(
    '/webhooks/telegram/:bot_token',
    { schema: { hide: true, params: Params, body: Update } },
    async (request, reply) => {
      const secret = request.headers['x-telegram-bot-api-secret-token'];
      const bot = await authenticateTelegramCall(
        ctx,
        request.params.bot_token,
        typeof secret === 'string' ? secret : undefined,
      );
      try {
        await handleTelegramUpdate(ctx, bot, request.body as unknown as TelegramUpdate);
      } catch (error) {
        // Telegram delivers the update again after a non-2xx answer.
        if (error instanceof ProviderError) throw new AppError('unavailable', `Telegram: ${error.reason}`);
        throw error;
      }
      return reply.send({ ok: true });
    },
  );
}
