import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { principalForToken } from '../../domain/auth/principals.ts';
import { companyOf } from '../../domain/accounts/token-account.ts';
import { readToken } from '../chatwoot/auth.ts';
import { CHATWOOT_MESSAGES as M } from '../chatwoot/errors.ts';

export interface McpCaller {
  token: string;
  /** The account the tools act in: `?account_id=` or, without it, the user's first account (a bot's own). */
  accountId: number;
  kind: 'user' | 'bot';
  /** The account the WTS dialect speaks for with this token (a user's first account; none for bots). */
  companyAccountId?: number;
}

function requestedAccountId(request: FastifyRequest): number | undefined {
  const raw = (request.query as { account_id?: string } | undefined)?.account_id ?? request.headers['x-account-id'];
  if (raw === undefined) return undefined;
  const id = Number(Array.isArray(raw) ? raw[0] : raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('bad_request', 'account_id must be a positive integer');
  return id;
}

/**
 * The token's principal, resolved as the Chatwoot dialect resolves `api_access_token` (a user's or an agent
 * bot's). Membership, role and inbox scoping are checked again by every route a tool calls.
 */
export async function mcpCaller(request: FastifyRequest): Promise<McpCaller> {
  const token = readToken(request);
  if (!token) throw new AppError('unauthenticated', M.unauthenticated);
  const { db } = request.server.deps;
  const principal = await principalForToken(db, token);
  if (!principal || principal.kind === 'platform_app') throw new AppError('invalid_token', M.invalidToken);
  const asked = requestedAccountId(request);
  if (principal.kind === 'bot') {
    const accountId = asked ?? principal.bot.account_id ?? undefined;
    if (!accountId) throw new AppError('bad_request', 'This bot belongs to no account: pass ?account_id=');
    return { token, accountId, kind: 'bot' };
  }
  const companyAccountId = (await companyOf(db, principal.user.id))?.account.id;
  const accountId = asked ?? companyAccountId;
  if (!accountId) throw new AppError('not_account_member', M.notMember);
  return { token, accountId, kind: 'user', companyAccountId };
}
