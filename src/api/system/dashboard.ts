import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../types.ts';

/** Where `npm install` (scripts/build-web.js) puts the built dashboard. */
export const DASHBOARD_DIST = path.resolve(import.meta.dirname, '../../../web/dashboard/dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface Asset {
  type: string;
  raw: Buffer;
  gzip: Buffer;
  brotli: Buffer;
}

/** A built web app is a few hundred KiB: kept in memory, compressed once at start, never read from disk again. */
export function loadAssets(dist: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        const raw = fs.readFileSync(file);
        const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
        assets.set('/' + path.relative(dist, file).split(path.sep).join('/'), {
          type,
          raw,
          gzip: zlib.gzipSync(raw, { level: 9 }),
          brotli: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        });
      }
    }
  };
  if (fs.existsSync(dist)) walk(dist);
  return assets;
}

// The page loads only its own scripts and styles, talks only to its own origin (API and /cable), and is
// never framed: an injected string cannot pull code from elsewhere or send data out.
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https: http:; media-src 'self' blob: https: http:; connect-src 'self' ws: wss:; frame-src 'self' https: http:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
};

export function send(request: FastifyRequest, reply: FastifyReply, asset: Asset, cache: string) {
  const accepts = String(request.headers['accept-encoding'] ?? '');
  const [body, encoding] = /\bbr\b/.test(accepts)
    ? [asset.brotli, 'br']
    : /\bgzip\b/.test(accepts)
      ? [asset.gzip, 'gzip']
      : [asset.raw, undefined];
  reply.header('content-type', asset.type).header('cache-control', cache).header('vary', 'accept-encoding');
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(body);
}

/** Serves the agent dashboard: `/` and `/app/*` get the single page, `/assets/*` its hashed files. */
export async function dashboardRoutes(app: App, options: { dist?: string } = {}): Promise<void> {
  const assets = loadAssets(options.dist ?? DASHBOARD_DIST);
  const page = assets.get('/index.html');

  const servePage = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!page) {
      return reply
        .status(503)
        .header('content-type', 'text/plain; charset=utf-8')
        .send(
          'The dashboard is not built. Run `npm install` (it builds web/dashboard), then start Switchboard again.\n',
        );
    }
    reply.headers(PAGE_HEADERS);
    return send(request, reply, page, 'no-cache');
  };

  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/app'));
  app.get('/app', { schema: { hide: true } }, servePage);
  app.get('/app/*', { schema: { hide: true } }, servePage);
  app.get('/assets/*', { schema: { hide: true } }, async (request, reply) => {
    const asset = assets.get(request.url.split('?')[0]);
    if (!asset) return reply.status(404).header('content-type', 'text/plain; charset=utf-8').send('Not found\n');
    // File names carry a content hash: a new build has new names, so a browser may keep these for a year.
    return send(request, reply, asset, 'public, max-age=31536000, immutable');
  });
  for (const file of ['/favicon.svg']) {
    app.get(file, { schema: { hide: true } }, async (request, reply) => {
      const asset = assets.get(file);
      if (!asset) return reply.status(404).send();
      return send(request, reply, asset, 'public, max-age=86400');
    });
  }
}
