import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../types.ts';
import type { UploadLimits } from '../../config.ts';
import { readRequestBody } from '../body/request-body.ts';
import { normalizeObject } from './normalize.ts';
import { authenticatePlatformApp, authenticateUserOrBot, authorizeAccount } from './auth.ts';
import { limitAnonymousRequests } from './anonymous.ts';
import { RateLimiter } from '../rate-limiter.ts';

type RouteModule = { default: (app: App) => Promise<void> };

/** Every `<dir>/<resource>/routes.ts` is a Fastify plugin; adding a resource is adding a folder. */
async function loadRouteModules(dir: string): Promise<RouteModule['default'][]> {
  const modules: RouteModule['default'][] = [];
  if (!fs.existsSync(dir)) return modules;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name, 'routes.ts');
    if (entry.isDirectory() && fs.existsSync(file)) {
      modules.push(((await import(pathToFileURL(file).href)) as RouteModule).default);
    }
  }
  return modules;
}

/** preValidation: the body read as Rails would (multipart with these limits) and every body and query in canonical shape. */
function inputNormalizer(uploadLimits: UploadLimits) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    await readRequestBody(request, reply, uploadLimits);
    const schema = request.routeOptions.schema as { querystring?: object; body?: object } | undefined;
    request.query = normalizeObject(request.query, schema?.querystring) as typeof request.query;
    request.body = normalizeObject(request.body, schema?.body, request.routeOptions.config.bodyWrapper);
  };
}

export async function chatwootApi(app: App): Promise<void> {
  const here = import.meta.dirname;
  const accountRoutes = await loadRouteModules(path.join(here, 'application'));
  const userRoutes = await loadRouteModules(path.join(here, 'user'));
  const platformRoutes = await loadRouteModules(path.join(here, 'platform'));
  const publicRoutes = await loadRouteModules(path.join(here, 'public'));
  const widgetRoutes = await loadRouteModules(path.join(here, 'widget'));
  const { default: signInRoutes } = await import('./sign-in/routes.ts');
  const { default: passwordRoutes } = await import('./sign-in/password-routes.ts');
  const { default: helpCenterPages } = await import('./help_center/hc.routes.ts');
  const { uploads } = app.deps.config;
  const normalizeInput = inputNormalizer(uploads.authenticated);
  // The Client and widget APIs take no token: anyone may post there, so their uploads are held tighter.
  const normalizeAnonymousInput = inputNormalizer(uploads.anonymous);

  await app.register(
    async (api) => {
      api.addHook('onRequest', authenticateUserOrBot);
      await api.register(async (user) => {
        user.addHook('preValidation', normalizeInput);
        for (const routes of userRoutes) await user.register(routes);
      });
      await api.register(
        async (scoped) => {
          // The account and the route's policy first: a caller refused there never gets a file into storage.
          scoped.addHook('preValidation', authorizeAccount);
          scoped.addHook('preValidation', normalizeInput);
          for (const routes of accountRoutes) await scoped.register(routes);
        },
        { prefix: '/accounts/:account_id' },
      );
    },
    { prefix: '/api/v1' },
  );

  await app.register(
    async (platform) => {
      platform.addHook('onRequest', authenticatePlatformApp);
      platform.addHook('preValidation', normalizeInput);
      for (const routes of platformRoutes) await platform.register(routes);
    },
    { prefix: '/platform/api/v1' },
  );

  // Chatwoot's sign-in (devise-token-auth routes under /auth) and the dashboard's session cookie.
  await app.register(async (auth) => {
    auth.addHook('preValidation', normalizeAnonymousInput);
    await auth.register(signInRoutes);
    await auth.register(passwordRoutes);
  });

  // The public Help Center (/hc/:portal_slug/...): read-only pages and the widget's article search.
  await app.register(helpCenterPages);

  // One budget of anonymous writes per client address, shared by the Client and widget APIs.
  const { publicWritesPerMinute } = app.deps.config.http;
  const anonymousWrites = publicWritesPerMinute > 0 ? new RateLimiter(publicWritesPerMinute) : undefined;

  // The Client API needs no token (n8n sends one anyway: it is ignored).
  await app.register(
    async (clientApi) => {
      clientApi.addHook('preValidation', normalizeAnonymousInput);
      limitAnonymousRequests(clientApi, anonymousWrites);
      for (const routes of publicRoutes) await clientApi.register(routes);
    },
    { prefix: '/public/api/v1' },
  );

  // The website widget's API: the website_token names the inbox, X-Auth-Token the contact.
  await app.register(
    async (widgetApi) => {
      widgetApi.addHook('preValidation', normalizeAnonymousInput);
      limitAnonymousRequests(widgetApi, anonymousWrites);
      for (const routes of widgetRoutes) await widgetApi.register(routes);
    },
    { prefix: '/api/v1/widget' },
  );
}
