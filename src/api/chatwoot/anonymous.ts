import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, validation } from '../../errors.ts';
import type { App } from '../types.ts';
import { clientKey, type RateLimiter } from '../rate-limiter.ts';

/**
 * What a client without a token (the Client API, the website widget's API) may make the server do. Every
 * write stores rows and fans out events, so each client address gets a budget of writes per minute, and
 * every body a ceiling: a message's content is at most 150,000 characters as in Chatwoot, and even written
 * as escaped JSON (`\ud83d\ude00`, as Python's json.dumps sends emoji: 6 bytes a UTF-16 unit) it fits.
 */
export const ANONYMOUS_BODY_LIMIT = 2 * 1024 * 1024;
/** Free-form objects a contact or visitor sends (kept on the contact, the conversation or an event). */
export const MAX_ATTRIBUTES_BYTES = 16 * 1024;
const FREE_FORM_FIELDS = ['custom_attributes', 'additional_attributes', 'event_info'] as const;

const label = (field: string) => field[0].toUpperCase() + field.slice(1).replace(/_/g, ' ');

function checkFreeFormSizes(request: FastifyRequest): void {
  const body = request.body;
  if (!body || typeof body !== 'object') return;
  for (const field of FREE_FORM_FIELDS) {
    const value = Object.hasOwn(body, field) ? (body as Record<string, unknown>)[field] : undefined;
    if (value === undefined || value === null) continue;
    if (Buffer.byteLength(JSON.stringify(value)) > MAX_ATTRIBUTES_BYTES) {
      throw validation(`${label(field)} is too large (at most ${MAX_ATTRIBUTES_BYTES} bytes as JSON)`, [field]);
    }
  }
}

/** Hooks for an anonymous API scope; call it before the scope's routes are registered, after its input normalizer. */
export function limitAnonymousRequests(scope: App, writes: RateLimiter | undefined): void {
  scope.addHook('onRoute', (route) => {
    route.bodyLimit ??= ANONYMOUS_BODY_LIMIT;
  });
  if (writes) {
    // onRequest: refused before its body is read.
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.method === 'GET' || request.method === 'HEAD') return;
      const verdict = writes.take(clientKey(request.ip));
      if (verdict.allowed) return;
      reply.header('retry-after', String(verdict.retryAfterSeconds));
      throw new AppError(
        'rate_limited',
        `Too many requests from this address: retry in ${verdict.retryAfterSeconds} s`,
      );
    });
  }
  scope.addHook('preValidation', async (request: FastifyRequest) => checkFreeFormSizes(request));
}
