import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../types.ts';
import { AppError } from '../../../errors.ts';
import { principalFor } from '../../../domain/auth/principals.ts';
import { csrfTokenFor, endSession } from '../../../domain/auth/sessions.ts';
import { signIn } from '../../../domain/auth/sign-in.ts';
import { getProfile } from '../../../domain/users/repository.ts';
import { setSessionCookie } from '../../cookies.ts';
import { beginSession, refuseOtherSites } from './session-start.ts';
import { clientKey } from '../../rate-limiter.ts';
import { readCredential, requireCsrfToken } from '../auth.ts';
import { CHATWOOT_MESSAGES as M } from '../errors.ts';
import { presentProfile } from '../user/profile/schema.ts';
import { SignedInSchema, SignedOutSchema, SignInBody, ValidatedSchema } from './schema.ts';

const tags = ['Sign-in'];

/** The signed-in session behind a request (cookie or devise headers), or a 401. */
async function currentSession(request: FastifyRequest) {
  const presented = readCredential(request);
  if (presented?.credential.kind !== 'session') throw new AppError('unauthenticated', M.unauthenticated);
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
    {
      schema: { tags, summary: 'Sign in with email and password', body: SignInBody, response: { 200: SignedInSchema } },
    },
    async (request, reply) => {
      refuseOtherSites(request, publicHost);
      const user = await signIn(db, request.body.email, request.body.password, clientKey(request.ip));
      return beginSession(request, reply, user);
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
