import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../types.ts';
import { loadRouteModules } from '../route-modules.ts';
import { authenticateWts } from './auth.ts';
import { canonicalInput } from './query.ts';
import { readRequestBody } from '../body/request-body.ts';

/** The WTS dialect owns these path prefixes (its services); everything else speaks Chatwoot. */
const SERVICES = ['chat', 'core', 'crm'] as const;

export function isWtsPath(url: string): boolean {
  return SERVICES.some((service) => url.startsWith(`/${service}/`));
}

async function canonicalizeInput(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  // Bodies are read as in the Chatwoot dialect: forms become plain fields, no body is no fields.
  await readRequestBody(request, reply, request.server.deps.config.uploads.authenticated);
  const schema = request.routeOptions.schema as { querystring?: object; body?: object } | undefined;
  request.query = canonicalInput(request.query, schema?.querystring) as typeof request.query;
  request.body = canonicalInput(request.body, schema?.body);
}

/** WTS Chat's API: `/chat/v{n}/…`, `/core/v{n}/…` and `/crm/v{n}/…`, authenticated with a user's access token. */
export async function wtsApi(app: App): Promise<void> {
  for (const service of SERVICES) {
    const modules = await loadRouteModules(path.join(import.meta.dirname, service));
    await app.register(
      async (api) => {
        api.addHook('onRequest', authenticateWts);
        api.addHook('preValidation', canonicalizeInput);
        for (const routes of modules) await api.register(routes);
      },
      { prefix: `/${service}` },
    );
  }
}
