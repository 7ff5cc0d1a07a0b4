import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { isAllowed } from '../../domain/auth/policies.ts';
import { botInboxIds, findAccount, principalForToken } from '../../domain/auth/principals.ts';
import { CHATWOOT_MESSAGES as M } from './errors.ts';

/** Chatwoot reads `api_access_token` (also as `Api-Access-Token`); SDKs add `Authorization: Bearer`. */
export function readToken(request: FastifyRequest): string | undefined {
  const headers = request.headers;
  const direct = headers['api_access_token'] ?? headers['api-access-token'];
  const value = Array.isArray(direct) ? direct[0] : direct;
  if (value) return value.trim();
  const authorization = headers.authorization;
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i);
  return bearer ? bearer[1].trim() : undefined;
}

/** The `:account_id` a route names, when it is a usable id. */
function namedAccountId(request: FastifyRequest): number | undefined {
  const raw = (request.params as { account_id?: string } | undefined)?.account_id;
  const accountId = Number(raw);
  return raw !== undefined && Number.isSafeInteger(accountId) && accountId > 0 ? accountId : undefined;
}

/** onRequest hook for /api/v1: a user or agent-bot token (a user's access to the named account comes along). */
export async function authenticateUserOrBot(request: FastifyRequest): Promise<void> {
  const token = readToken(request);
  if (!token) throw new AppError('unauthenticated', M.unauthenticated);
  const principal = await principalForToken(request.server.deps.db, token, namedAccountId(request));
  if (!principal || principal.kind === 'platform_app') throw new AppError('invalid_token', M.invalidToken);
  request.caller = principal.kind === 'user' ? { token, user: principal.user, access: principal.access } : { token, bot: principal.bot };
}

/** onRequest hook for /platform/api/v1: a platform app token. */
export async function authenticatePlatformApp(request: FastifyRequest): Promise<void> {
  const token = readToken(request);
  if (!token) throw new AppError('unauthenticated', M.unauthenticated);
  const principal = await principalForToken(request.server.deps.db, token);
  if (principal?.kind !== 'platform_app') throw new AppError('invalid_token', M.invalidPlatformToken);
  request.caller = { token, platformAppId: principal.platformAppId };
}

/** preHandler for /api/v1/accounts/:account_id/*: account, membership, then the route's policy. */
export async function authorizeAccount(request: FastifyRequest): Promise<void> {
  const { db } = request.server.deps;
  const accountId = namedAccountId(request);
  if (accountId === undefined) throw new AppError('not_found', 'Resource could not be found');
  const { user, bot, access } = request.caller;
  if (user) {
    if (!access) throw new AppError('not_found', 'Resource could not be found');
    const { account, role } = access;
    if (!role) throw new AppError('not_account_member', M.notMember);
    if (account.status === 'suspended') throw new AppError('account_suspended', M.suspended);
    request.auth = { account, actor: role, user, inboxIds: role === 'agent' ? access.inboxIds : undefined };
    return authorizeAction(request);
  }
  const account = await findAccount(db, accountId);
  if (!account) throw new AppError('not_found', 'Resource could not be found');
  if (bot) {
    const inboxIds = await botInboxIds(db, bot, accountId);
    if (!inboxIds) throw new AppError('not_account_member', M.botNotMember);
    if (account.status === 'suspended') throw new AppError('account_suspended', M.suspended);
    // A bot acts on the conversations of the inboxes it is attached to, nothing else (domain/inboxes/access.ts).
    request.auth = { account, actor: 'bot', bot, inboxIds };
  }
  authorizeAction(request);
}

/** The route's policy for the actor found. */
function authorizeAction(request: FastifyRequest): void {
  const action = request.routeOptions.config.policy;
  if (!action) throw new AppError('forbidden', 'You are not authorized to do this action');
  if (!isAllowed(action, request.auth.actor)) {
    throw request.auth.actor === 'bot'
      ? new AppError('bot_forbidden', M.botForbidden)
      : new AppError('forbidden', 'You are not authorized to do this action');
  }
}
