import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../types.ts';
import { loadRouteModules } from '../route-modules.ts';
import type { UploadLimits } from '../../config.ts';
import { readRequestBody } from '../body/request-body.ts';
import { normalizeObject } from './normalize.ts';
import { authenticatePlatformApp, authenticateUserOrBot, authorizeAccount } from './auth.ts';
import { limitAnonymousRequests } from './anonymous.ts';
import { RateLimiter } from '../rate-limiter.ts';

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
  const { default: signInRoutes } = await import('./sign-in/sign-in.routes.ts');
  const { default: passwordRoutes } = await import('./sign-in/password-routes.ts');
  const { default: reportRoutes } = await import('./v2/reports/reports.routes.ts');
  const { default: summaryReportRoutes } = await import('./v2/reports/summary-reports.routes.ts');
  const { default: liveReportRoutes } = await import('./v2/reports/live-reports.routes.ts');
  const { default: csatRoutes } = await import('./csat/csat.routes.ts');
  const { publicSurveyRoutes, surveyPageRoutes } = await import('./csat/survey.routes.ts');
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
          await scoped.register(csatRoutes);
        },
        { prefix: '/accounts/:account_id' },
      );
    },
    { prefix: '/api/v1' },
  );

  // Chatwoot's v2 Application API (reports), with the same token, account and policy checks as v1.
  await app.register(
    async (api) => {
      api.addHook('onRequest', authenticateUserOrBot);
      await api.register(
        async (scoped) => {
          scoped.addHook('preValidation', authorizeAccount);
          scoped.addHook('preValidation', normalizeInput);
          await scoped.register(reportRoutes);
          await scoped.register(summaryReportRoutes);
          await scoped.register(liveReportRoutes);
        },
        { prefix: '/accounts/:account_id' },
      );
    },
    { prefix: '/api/v2' },
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
      await clientApi.register(publicSurveyRoutes);
    },
    { prefix: '/public/api/v1' },
  );

  // The page a CSAT survey link opens (no token: the conversation UUID is the credential, as in Chatwoot).
  await app.register(async (page) => {
    limitAnonymousRequests(page, anonymousWrites);
    await page.register(surveyPageRoutes);
  });

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
