import type { FastifyRequest } from 'fastify';
import { widgetVisitor, type WidgetVisitor } from '../../../domain/widget/visitor.ts';
import { validation } from '../../../errors.ts';
import { browserInfo, browserLanguage } from '../../../domain/widget/browser.ts';

/**
 * The visitor a widget API request speaks for. Chatwoot's widget names its inbox with `website_token` in the
 * query string (its mobile SDKs sometimes in the body) and its contact with the `X-Auth-Token` header.
 */
export function requestVisitor(request: FastifyRequest): Promise<WidgetVisitor> {
  const query = request.query as { website_token?: string } | undefined;
  const body = request.body as { website_token?: unknown } | undefined;
  const token = query?.website_token ?? (typeof body?.website_token === 'string' ? body.website_token : undefined);
  if (!token) throw validation('website_token is required', ['website_token']);
  return widgetVisitor(request.server.deps.db, token, request.headers['x-auth-token'] as string | undefined);
}

/** What Chatwoot keeps in a widget conversation's additional_attributes: the browser, when and where it started. */
export function conversationOrigin(
  request: FastifyRequest,
  timestamp: string | undefined,
  referer: string | undefined,
): Record<string, unknown> {
  return {
    browser_language: browserLanguage(request.headers['accept-language']),
    browser: browserInfo(request.headers['user-agent']),
    initiated_at: { timestamp: timestamp ?? null },
    referer: referer ?? null,
  };
}
