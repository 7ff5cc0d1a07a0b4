import './dialects.ts';
import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import addFormats from 'ajv-formats';
import secureJson from 'secure-json-parse';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/pool.ts';
import type { App, Deps } from './api/types.ts';
import type { Mailer } from './domain/mail/mailer.ts';
import { toAppError } from './api/http-errors.ts';
import { chatwootErrorBody, chatwootErrorStatus, deviseErrorBody } from './api/chatwoot/errors.ts';
import { registerMultipart } from './api/multipart.ts';
import { registerFormBodies } from './api/body/form.ts';
import { systemRoutes } from './api/system/system.routes.ts';
import { attachmentRoutes } from './api/system/attachments.ts';
import { actionFileRoutes } from './api/system/action-files.ts';
import { dashboardRoutes } from './api/system/dashboard.ts';
import { widgetPageRoutes } from './api/system/widget-page.ts';
import { chatwootApi } from './api/chatwoot/index.ts';
import { isWtsPath, wtsApi } from './api/wts/index.ts';
import { wtsErrorResponse } from './api/wts/errors.ts';
import { channelRoutes, redactChannelSecrets } from './channels/channels.routes.ts';
import { AppError } from './errors.ts';
import { createStorage } from './storage/create.ts';
import { counterStore, rateLimitHook } from './api/rate-limit/limiter.ts';
import { mcpRoutes } from './api/mcp/mcp.routes.ts';
import { cableRoutes } from './api/chatwoot/realtime/cable.ts';
import { RealtimeHub } from './realtime/hub.ts';
import { createTransport } from './realtime/create-transport.ts';

/** The dialect switch for errors: paths the WTS dialect owns get its error body, the rest Chatwoot's. */
function errorResponse(url: string, error: AppError): { status: number; body: unknown } {
  if (isWtsPath(url)) return wtsErrorResponse(error);
  return {
    status: chatwootErrorStatus(error),
    body: url.startsWith('/auth/') ? deviseErrorBody(error) : chatwootErrorBody(error),
  };
}

const MAX_JSON_DEPTH = 64;

function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/** Fastify's request fields, with the secrets some providers put in webhook paths (a Telegram bot token) left out. */
const requestSerializer = (request: {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) => ({
  method: request.method,
  url: redactChannelSecrets(request.url),
  host: request.host,
  remoteAddress: request.ip,
  remotePort: request.socket?.remotePort,
});

function loggerOptions(options: AppOptions): boolean | object {
  if (options.logger === false) return false;
  const given = typeof options.logger === 'object' ? options.logger : { level: options.config.logLevel };
  return { ...given, serializers: { ...(given as { serializers?: object }).serializers, req: requestSerializer } };
}

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  mailer: Mailer;
  logger?: boolean | object;
}

/** Builds the HTTP application; main.ts listens, tests inject. */
export async function buildApp(options: AppOptions): Promise<App> {
  const limits = options.config.http;
  const app = Fastify({
    logger: loggerOptions(options),
    bodyLimit: 4 * 1024 * 1024,
    // Node holds a connection as long as its client keeps trickling bytes unless told otherwise: one client
    // could hold sockets and parsers for minutes each. Websockets are not cut: ws clears the socket's idle
    // timeout on upgrade, and an upgraded socket is no longer a request.
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    // Node checks the request and header deadlines every connectionsCheckingInterval (30 s by default), so a
    // deadline of seconds would be overrun by up to half a minute.
    http: {
      headersTimeout: limits.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(5_000, Math.max(100, Math.floor(limits.headersTimeoutMs / 4))),
    },
    // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (a number: that many hops).
    trustProxy: typeof limits.trustProxy === 'number' ? trustHops(limits.trustProxy) : limits.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 500 },
    // A malformed percent-encoding or an over-long path parameter is answered by the router itself: route it
    // through the catalogue so it gets the dialect's error body like every other 4xx.
    frameworkErrors: (error, request, reply) => {
      const { status, body } = errorResponse(request.url, toAppError(error));
      void (reply as FastifyReply).status(status).send(body);
    },
    ajv: {
      customOptions: { coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: false } as never,
      plugins: [addFormats as never],
    },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  const deps: Deps = {
    db: options.database.db,
    database: options.database,
    config: options.config,
    mailer: options.mailer,
    storage: createStorage(options.config),
  };
  app.decorate('deps', deps);
  app.decorateRequest('caller', null as never);
  app.decorateRequest('auth', null as never);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.kind === 'internal') request.log.error({ err: error }, 'unhandled error');
    else if (appError.kind === 'unavailable') request.log.warn({ err: error }, 'database unavailable');
    const { status, body } = errorResponse(request.url, appError);
    if (appError.retryAfterSeconds) reply.header('retry-after', String(appError.retryAfterSeconds));
    reply.status(status).send(body);
  });
  // Before every route's own hooks: a flood of bad tokens is refused before any of them is looked up.
  const counters = counterStore(options.database.db, options.config.rateLimits);
  if (counters) {
    app.addHook('onRequest', rateLimitHook(counters, options.config.rateLimits));
    app.addHook('onClose', () => counters.close());
  }
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = errorResponse(request.url, new AppError('not_found', 'Resource could not be found'));
    reply.status(status).send(body);
  });

  // Real clients (the n8n node among them) send `Content-Type: application/json` on every request, bodiless
  // GETs and DELETEs included: an empty JSON body is no body, not an error.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = (body as string).trim();
    if (text === '') return done(null, undefined);
    try {
      // JSON.parse keeps `__proto__` (and `constructor.prototype`) as ordinary keys; copied onto another object
      // by assignment they become its prototype, and fields the client left out are read from it. Dropped here,
      // like any key no schema knows (Fastify's own parser refuses them; Rails would ignore them).
      const value = secureJson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' });
      // Thousands of nested levels parse fine but overflow the stack of whatever walks them next (the
      // validator, the driver's JSON encoding): refuse them here, as malformed input.
      if (nestedDeeperThan(value, MAX_JSON_DEPTH)) throw new Error(`nested deeper than ${MAX_JSON_DEPTH} levels`);
      done(null, value);
    } catch (error) {
      const invalid = new Error((error as Error).message) as Error & { statusCode: number; code: string };
      invalid.statusCode = 400;
      invalid.code = 'FST_ERR_CTP_INVALID_JSON_BODY';
      done(invalid, undefined);
    }
  });
  registerFormBodies(app);
  await registerMultipart(app);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Switchboard API',
        version: options.config.version,
        description: 'Chatwoot-compatible Application, Platform and Client APIs, and the WTS dialect.',
      },
      security: [{ userApiKey: [] }],
      components: {
        securitySchemes: {
          userApiKey: { type: 'apiKey', in: 'header', name: 'api_access_token' },
          platformAppApiKey: { type: 'apiKey', in: 'header', name: 'api_access_token' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(systemRoutes);
  await app.register(attachmentRoutes);
  await app.register(actionFileRoutes);
  await app.register(dashboardRoutes);
  await app.register(widgetPageRoutes);
  await app.register(chatwootApi);
  await app.register(wtsApi);
  await app.register(channelRoutes);
  await app.register(mcpRoutes);

  const { realtime } = options.config;
  const hub = new RealtimeHub(options.database, {
    publicUrl: options.config.publicUrl,
    transport: await createTransport(options.config, options.database),
    catchUpMs: realtime.catchUpMs,
    presenceGraceMs: realtime.presenceGraceMs,
    replay: { maxEvents: realtime.replayMaxEvents, concurrency: realtime.replayConcurrency },
  });
  await hub.start();
  app.decorate('hub', hub);
  app.addHook('onClose', () => hub.stop());
  await app.register((instance) => cableRoutes(instance as App, hub));
  return app;
}
