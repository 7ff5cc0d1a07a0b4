import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { isAllowed } from '../../domain/auth/policies.ts';
import { memberInboxIds, principalForToken } from '../../domain/auth/principals.ts';
import { companyOf } from '../../domain/accounts/token-account.ts';
import { WTS_MESSAGES as M } from './errors.ts';

/** WTS clients send `Authorization: Bearer <token>` (the n8n node) or the bare token (the docs' examples). */
export function readWtsToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization?.trim();
  if (!header) return undefined;
  const token = header.replace(/^Bearer\s+/i, '').trim();
  return token || undefined;
}

/**
 * onRequest hook for /chat and /core: a user's access token (the same ones the Chatwoot dialect takes),
 * speaking for the user's company (domain/accounts/token-account.ts), then the route's policy.
 */
export async function authenticateWts(request: FastifyRequest): Promise<void> {
  if (request.routeOptions.config.signedUrl) return;
  const { db } = request.server.deps;
  const token = readWtsToken(request);
  if (!token) throw new AppError('unauthenticated', M.unauthenticated);
  const principal = await principalForToken(db, token);
  if (principal?.kind !== 'user') throw new AppError('invalid_token', M.invalidToken);
  const company = await companyOf(db, principal.user.id);
  if (!company) throw new AppError('not_account_member', M.noCompany);
  if (company.account.status === 'suspended') throw new AppError('account_suspended', M.suspended);
  const { account, role } = company;
  const inboxIds = role === 'agent' ? await memberInboxIds(db, account.id, principal.user.id) : undefined;
  request.caller = { token, user: principal.user };
  request.auth = { account, actor: role, user: principal.user, inboxIds };

  const action = request.routeOptions.config.policy;
  if (!action || !isAllowed(action, role)) throw new AppError('forbidden', M.forbidden);
}
