import { Type } from 'typebox';
import type { App } from '../../api/types.ts';
import { AppError } from '../../errors.ts';
import { ProviderError, type ChannelContext } from '../adapter.ts';
import { handleWhatsappWebhook, signatureHolds, verifiesToken, whatsappInboxFor } from './inbound.ts';
import type { WhatsappWebhook } from './payload.ts';

const Params = Type.Object({ phone_number: Type.String({ minLength: 2, maxLength: 32 }) });
const Handshake = Type.Object(
  {
    'hub.mode': Type.Optional(Type.String({ maxLength: 50 })),
    'hub.verify_token': Type.Optional(Type.String({ maxLength: 500 })),
    'hub.challenge': Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: true },
);

/** The body as received: the signature is over these exact bytes. */
interface RawJson {
  raw: string;
  value: unknown;
}

/**
 * `GET /webhooks/whatsapp/:phone_number`: Meta's verification handshake (the challenge echoed when the verify
 * token matches, else 403). `POST`: the webhook, refused with 401 unless X-Hub-Signature-256 holds.
 */
export async function whatsappRoutes(app: App): Promise<void> {
  const ctx: ChannelContext = { db: app.deps.db, config: app.deps.config, storage: app.deps.storage, log: app.log };
  // Here only (this plugin's scope): JSON kept with its raw text, which the signature is checked against.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, { raw: body as string, value: JSON.parse(body as string) } satisfies RawJson);
    } catch {
      done(null, { raw: body as string, value: undefined } satisfies RawJson);
    }
  });

  app.get(
    '/webhooks/whatsapp/:phone_number',
    { schema: { hide: true, params: Params, querystring: Handshake } },
    async (request, reply) => {
      const query = request.query;
      const whatsapp = await whatsappInboxFor(ctx, request.params.phone_number);
      if (query['hub.mode'] !== 'subscribe' || !verifiesToken(whatsapp, query['hub.verify_token'])) {
        throw new AppError('operation_not_allowed', 'Error; wrong verify token');
      }
      return reply.type('text/plain').send(query['hub.challenge'] ?? '');
    },
  );

  app.post('/webhooks/whatsapp/:phone_number', { schema: { hide: true, params: Params } }, async (request, reply) => {
    const whatsapp = await whatsappInboxFor(ctx, request.params.phone_number);
    const body = request.body as RawJson | undefined;
    const signature = request.headers['x-hub-signature-256'];
    if (!body || !signatureHolds(ctx, whatsapp, body.raw, typeof signature === 'string' ? signature : undefined)) {
      throw new AppError('unauthenticated', 'Invalid signature');
    }
    if (!body.value || typeof body.value !== 'object') throw new AppError('bad_request', 'Invalid JSON body');
    try {
      await handleWhatsappWebhook(ctx, whatsapp, body.value as WhatsappWebhook);
    } catch (error) {
      // Meta delivers the call again after a non-2xx answer.
      if (error instanceof ProviderError) throw new AppError('unavailable', `WhatsApp: ${error.reason}`);
      throw error;
    }
    return reply.send({ ok: true });
  });
}
