import type { FastifyRequest } from 'fastify';
import type { App } from '../../types.ts';
import { AppError } from '../../../errors.ts';
import { resetPasswordMail } from '../../../domain/auth/password-mail.ts';
import {
  issueResetLink,
  resetLinkUrl,
  resetPasswordWithLink,
  RESET_LINK_TTL_MS,
} from '../../../domain/auth/password-reset.ts';
import { findUserByEmail } from '../../../domain/users/repository.ts';
import { clientKey, RateLimiter } from '../../rate-limiter.ts';
import { beginSession, refuseOtherSites } from './session-start.ts';
import { ForgotPasswordAnswer, ForgotPasswordBody, ResetPasswordBody } from './password-schema.ts';
import { SignedInSchema } from './schema.ts';

const tags = ['Sign-in'];
/** Reset requests and link redemptions one client address may make a minute. */
const REQUESTS_PER_MINUTE = 10;
export const RESET_REQUESTED = 'Request for password reset is successful. Check your mail for instructions.';

/**
 * Chatwoot's password reset (devise's /auth/password): ask for a link by email, then set a password with it.
 * Unlike Chatwoot, an unknown email is answered like a known one (no one learns who has an account here).
 */
export default async function passwordRoutes(app: App): Promise<void> {
  const { db, config, mailer } = app.deps;
  const publicHost = new URL(config.publicUrl).host;
  const limiter = new RateLimiter(REQUESTS_PER_MINUTE);
  const budget = async (request: FastifyRequest) => {
    const verdict = limiter.take(clientKey(request.ip));
    if (verdict.allowed) return;
    throw new AppError(
      'rate_limited',
      `Too many requests from this address: retry in ${verdict.retryAfterSeconds} s`,
      [],
      { retryAfterSeconds: verdict.retryAfterSeconds },
    );
  };

  app.post(
    '/auth/password',
    {
      onRequest: budget,
      schema: {
        tags,
        summary: 'Mail a password reset link',
        body: ForgotPasswordBody,
        response: { 200: ForgotPasswordAnswer },
      },
    },
    async (request) => {
      if (!mailer.configured) {
        throw new AppError(
          'unprocessable',
          'This server sends no email (SMTP_URL is not set): ask your operator to run npx switchboard reset-password EMAIL',
          ['email'],
        );
      }
      const user = await findUserByEmail(db, request.body.email.trim());
      const token = user ? await issueResetLink(db, user.id, RESET_LINK_TTL_MS, { throttle: true }) : undefined;
      // Sent after the answer, so a known address takes no longer to answer than an unknown one.
      if (user && token) {
        void mailer
          .send(resetPasswordMail(user.email, resetLinkUrl(config.publicUrl, token)))
          .catch((err: unknown) => request.log.warn({ err, userId: user.id }, 'password reset mail failed'));
      }
      return { message: RESET_REQUESTED };
    },
  );

  app.put(
    '/auth/password',
    {
      onRequest: budget,
      schema: {
        tags,
        summary: 'Set a new password with a reset or invitation link, and sign in',
        body: ResetPasswordBody,
        response: { 200: SignedInSchema },
      },
    },
    async (request, reply) => {
      refuseOtherSites(request, publicHost);
      const { reset_password_token: token, password, password_confirmation: confirmation } = request.body;
      const user = await resetPasswordWithLink(db, token, password, confirmation);
      return beginSession(request, reply, user);
    },
  );
}
