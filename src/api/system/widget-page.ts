import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../types.ts';
import { frameAncestors } from '../../domain/widget/allowed-domains.ts';
import { loadAssets, send } from './dashboard.ts';

/** Where `npm install` (scripts/build-web.js) puts the widget page and the page script. */
export const WIDGET_DIST = path.resolve(import.meta.dirname, '../../../web/widget/dist');
export const SDK_DIST = path.resolve(import.meta.dirname, '../../../web/widget-sdk/dist');

/**
 * The widget page loads only its own files and talks only to its own origin (the widget API and /cable).
 * Unlike the dashboard it is meant to be framed — but only by the sites the inbox allows.
 */
function pageHeaders(ancestors: string) {
  return {
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https: http:; media-src 'self' blob: https: http:; connect-src 'self' ws: wss:; frame-ancestors ${ancestors}; base-uri 'none'; form-action 'self'; object-src 'none'`,
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
  };
}

const WidgetPageQuery = Type.Object(
  { website_token: Type.Optional(Type.String({ maxLength: 255 })) },
  { additionalProperties: true },
);

/** `/widget?website_token=…` (the iframe's page), `/widget/assets/*`, and `/packs/js/sdk.js` (Chatwoot's path). */
export async function widgetPageRoutes(app: App, options: { dist?: string; sdkDist?: string } = {}): Promise<void> {
  const { db } = app.deps;
  const assets = loadAssets(options.dist ?? WIDGET_DIST);
  const sdk = loadAssets(options.sdkDist ?? SDK_DIST).get('/sdk.js');
  const page = assets.get('/index.html');
  const text = (reply: FastifyReply, status: number, body: string) =>
    reply.status(status).header('content-type', 'text/plain; charset=utf-8').send(body);

  app.get(
    '/widget',
    { schema: { hide: true, querystring: WidgetPageQuery } },
    async (request: FastifyRequest<{ Querystring: { website_token?: string } }>, reply) => {
      const token = request.query.website_token;
      const inbox = token
        ? await db
            .selectFrom('inboxes')
            .select(['channel'])
            .where('identifier', '=', token)
            .where('channel_type', '=', 'Channel::WebWidget')
            .executeTakeFirst()
        : undefined;
      if (!inbox) {
        reply.headers(pageHeaders("'none'"));
        return text(reply, 404, 'No website widget has this token.\n');
      }
      reply.headers(pageHeaders(frameAncestors((inbox.channel as { allowed_domains?: unknown }).allowed_domains)));
      if (!page)
        return text(
          reply,
          503,
          'The widget is not built. Run `npm install` (it builds web/widget), then start Switchboard again.\n',
        );
      return send(request, reply, page, 'no-cache');
    },
  );

  app.get('/widget/assets/*', { schema: { hide: true } }, async (request, reply) => {
    const asset = assets.get(request.url.split('?')[0].slice('/widget'.length));
    if (!asset) return text(reply, 404, 'Not found\n');
    return send(request, reply, asset, 'public, max-age=31536000, immutable');
  });

  app.get('/packs/js/sdk.js', { schema: { hide: true } }, async (request, reply) => {
    if (!sdk) return text(reply, 503, 'The widget script is not built. Run `npm install`.\n');
    // Websites load it from their own pages: any site may, under its own policy; the name never changes,
    // so it is cached for an hour only.
    reply.header('cross-origin-resource-policy', 'cross-origin').header('x-content-type-options', 'nosniff');
    return send(request, reply, sdk, 'public, max-age=3600');
  });
}
