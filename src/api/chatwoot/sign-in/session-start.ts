import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../../../db/types.ts';
import { AppError } from '../../../errors.ts';
import { createSession, csrfTokenFor } from '../../../domain/auth/sessions.ts';
import { getProfile } from '../../../domain/users/repository.ts';
import { setSessionCookie } from '../../cookies.ts';
import { presentProfile } from '../user/profile/schema.ts';

/**
 * A browser posting one of our sign-in forms from another site (login CSRF) names that site in Origin. Ours
 * is the host the request came to, or PUBLIC_URL's (behind a proxy that rewrites Host, the one users type).
 */
export function refuseOtherSites(request: FastifyRequest, publicHost: string): void {
  const origin = request.headers.origin;
  if (origin === undefined) return; // tools send none
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host !== request.headers.host && host !== publicHost)
    throw new AppError('forbidden', 'Sign-in from another site is not allowed');
}

/**
 * Signs the user in (a new session): the HttpOnly cookie and its CSRF token for pages, Chatwoot's devise
 * headers for tools, and devise-token-auth's body.
 */
export async function beginSession(request: FastifyRequest, reply: FastifyReply, user: Pick<User, 'id' | 'email'>) {
  const { db, config } = request.server.deps;
  const session = await createSession(db, user.id, config.sessionTtlMs, {
    userAgent: request.headers['user-agent'],
    ipAddress: request.ip,
  });
  setSessionCookie(reply, session.token, session.expiresAt);
  reply.headers({ 'x-csrf-token': csrfTokenFor(session.token), 'cache-control': 'no-store' });
  // Tools get Chatwoot's devise headers. A page (it sends Origin) gets only the HttpOnly cookie: the same
  // token in a header its scripts can read would undo HttpOnly.
  if (request.headers.origin === undefined) {
    reply.headers({
      'access-token': session.token,
      'token-type': 'Bearer',
      client: session.clientId,
      expiry: String(Math.floor(session.expiresAt.getTime() / 1000)),
      uid: user.email,
    });
  }
  return { data: presentProfile(await getProfile(db, user.id), undefined) };
}
