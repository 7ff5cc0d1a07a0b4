import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../types.ts';
import { AppError } from '../../../errors.ts';
import { principalFor } from '../../../domain/auth/principals.ts';
import { createSession, csrfTokenFor, endSession } from '../../../domain/auth/sessions.ts';
import { signIn } from '../../../domain/auth/sign-in.ts';
import { getProfile } from '../../../domain/users/repository.ts';
import { setSessionCookie } from '../../cookies.ts';
import { clientKey } from '../../rate-limiter.ts';
import { readCredential, requireCsrfToken } from '../auth.ts';
import { CHATWOOT_MESSAGES as M } from '../errors.ts';
import { presentProfile } from '../user/profile/schema.ts';
import { SignedInSchema, SignedOutSchema, SignInBody, ValidatedSchema } from './schema.ts';

const tags = ['Sign-in'];

/**
 * A browser posting our sign-in form from another site (login CSRF) names that site in Origin. Ours is the
 * host the request came to, or PUBLIC_URL's (behind a proxy that rewrites Host, the one users type).
 */
function sameOrigin(request: FastifyRequest, publicHost: string): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true; // tools send none
  try {
    const host = new URL(origin).host;
    return host === request.headers.host || host === publicHost;
  } catch {
    return false;
  }
}

/** The signed-in session behind a request (cookie or devise headers), or a 401. */
async function currentSession(request: FastifyRequest) {
  const presented = readCredential(request);
  if (!presented || presented.credential.kind !== 'session') throw new AppError('unauthenticated', M.unauthenticated);
  const principal = await principalFor(request.server.deps.db, presented.credential);
  if (principal?.kind !== 'user') throw new AppError('invalid_token', M.sessionExpired);
  if (presented.viaCookie) requireCsrfToken(request, presented.credential.token);
  return { user: principal.user, token: presented.credential.token, viaCookie: presented.viaCookie };
}

/**
 * Chatwoot's sign-in (devise-token-auth): the same credentials, body and headers, so tools that log in the
 * Chatwoot way keep working; browsers also get the HttpOnly session cookie and its CSRF token.
 */
export default async function signInRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;
  const publicHost = new URL(config.publicUrl).host;

  app.post(
    '/auth/sign_in',
    { schema: { tags, summary: 'Sign in with email and password', body: SignInBody, response: { 200: SignedInSchema } } },
    async (request, reply) => {
      if (!sameOrigin(request, publicHost)) throw new AppError('forbidden', 'Sign-in from another site is not allowed');
      const user = await signIn(db, request.body.email, request.body.password, clientKey(request.ip));
      const session = await createSession(db, user.id, config.sessionTtlMs, { userAgent: request.headers['user-agent'], ipAddress: request.ip });
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
    },
  );

  app.get(
    '/auth/validate_token',
    { schema: { tags, summary: 'The signed-in user, if the session is valid', response: { 200: ValidatedSchema } } },
    async (request, reply: FastifyReply) => {
      const { user, token } = await currentSession(request);
      reply.headers({ 'x-csrf-token': csrfTokenFor(token), 'cache-control': 'no-store' });
      return { success: true, data: presentProfile(await getProfile(db, user.id), undefined) };
    },
  );

  app.delete(
    '/auth/sign_out',
    { schema: { tags, summary: 'Sign out (ends this session)', response: { 200: SignedOutSchema } } },
    async (request, reply) => {
      const { token } = await currentSession(request);
      await endSession(db, token);
      setSessionCookie(reply, '', null);
      return { success: true };
    },
  );
}
