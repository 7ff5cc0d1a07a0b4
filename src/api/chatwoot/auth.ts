import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { isAllowed } from '../../domain/auth/policies.ts';
import {
  botInboxIds,
  findAccount,
  principalFor,
  principalForToken,
  type Credential,
} from '../../domain/auth/principals.ts';
import { csrfTokenMatches, touchSession } from '../../domain/auth/sessions.ts';
import { tokenDigest } from '../../domain/auth/secrets.ts';
import { readCookie, SESSION_COOKIE, setSessionCookie } from '../cookies.ts';
import { CHATWOOT_MESSAGES as M } from './errors.ts';

/** Chatwoot reads `api_access_token` (also as `Api-Access-Token`); SDKs add `Authorization: Bearer`. */
export function readToken(request: FastifyRequest): string | undefined {
  const headers = request.headers;
  const direct = headers.api_access_token ?? headers['api-access-token'];
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

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/**
 * What the request presents, in Chatwoot's order: an API access token; else the dashboard's devise headers
 * (`access-token`, `client`, `uid`, as Chatwoot's own sign-in hands out); else our dashboard's cookie.
 */
export function readCredential(request: FastifyRequest): { credential: Credential; viaCookie: boolean } | undefined {
  const token = readToken(request);
  if (token) return { credential: { kind: 'token', token }, viaCookie: false };
  const sessionToken = header(request, 'access-token');
  if (sessionToken) {
    const credential: Credential = {
      kind: 'session',
      token: sessionToken,
      clientId: header(request, 'client') ?? '',
      uid: header(request, 'uid') ?? '',
    };
    return { credential, viaCookie: false };
  }
  const cookie = readCookie(request, SESSION_COOKIE);
  return cookie ? { credential: { kind: 'session', token: cookie }, viaCookie: true } : undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A cookie is sent by the browser whoever built the request: a state change must also prove it came from our page. */
export function requireCsrfToken(request: FastifyRequest, sessionToken: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (!csrfTokenMatches(sessionToken, header(request, 'x-csrf-token'))) throw new AppError('forbidden', M.csrfMissing);
}

/** onRequest hook for /api/v1: a user or agent-bot token, or a user's session (their access to the named account comes along). */
export async function authenticateUserOrBot(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const presented = readCredential(request);
  if (!presented) throw new AppError('unauthenticated', M.unauthenticated);
  const { credential, viaCookie } = presented;
  const { db, config } = request.server.deps;
  const principal = await principalFor(db, credential, namedAccountId(request));
  if (!principal || principal.kind === 'platform_app') {
    throw new AppError('invalid_token', credential.kind === 'session' ? M.sessionExpired : M.invalidToken);
  }
  if (credential.kind === 'token') {
    const { token } = credential;
    request.caller =
      principal.kind === 'user'
        ? { token, user: principal.user, access: principal.access }
        : { token, bot: principal.bot };
    return;
  }
  if (viaCookie) requireCsrfToken(request, credential.token);
  if (principal.kind !== 'user') throw new AppError('invalid_token', M.sessionExpired); // sessions are only users'
  // A session slides at most once a minute (the principal read says when): the cookie slides with it, or an
  // active user would be signed out a fixed time after signing in.
  const expires = principal.sessionIdle
    ? await touchSession(db, tokenDigest(credential.token), config.sessionTtlMs)
    : undefined;
  if (expires && viaCookie) setSessionCookie(reply, credential.token, expires);
  request.caller = { session: { token: credential.token, viaCookie }, user: principal.user, access: principal.access };
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
