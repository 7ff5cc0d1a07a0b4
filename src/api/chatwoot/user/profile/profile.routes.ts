import type { FastifyRequest } from 'fastify';
import type { App } from '../../../types.ts';
import { AppError } from '../../../../errors.ts';
import { resetAccessToken, setAvailability, updateProfile } from '../../../../domain/users/commands.ts';
import { getProfile } from '../../../../domain/users/repository.ts';
import { CHATWOOT_MESSAGES as M } from '../../errors.ts';
import { AvailabilityBody, ProfileSchema, UpdateProfileBody, presentProfile } from './schema.ts';

const tags = ['Profile'];

/** The profile is a person's: a bot token is refused before anything is read. */
async function usersOnly(request: FastifyRequest): Promise<void> {
  if (!request.caller.user) throw new AppError('bot_forbidden', M.botForbidden);
}

export default async function profileRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  app.addHook('onRequest', usersOnly);
  const user = (request: FastifyRequest) => request.caller.user!;

  app.get(
    '/profile',
    { schema: { tags, summary: 'The signed-in user', response: { 200: ProfileSchema } } },
    // Tokens are stored hashed: the one shown is the caller's own, the one this request came with.
    async (request) => presentProfile(await getProfile(db, user(request).id), request.caller.token),
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/profile',
    config: { bodyWrapper: 'profile' },
    schema: { tags, summary: 'Update the signed-in user', body: UpdateProfileBody, response: { 200: ProfileSchema } },
    handler: async (request) =>
      presentProfile(
        await updateProfile(db, user(request), request.body, request.caller.session?.token),
        request.caller.token,
      ),
  });

  app.post(
    '/profile/availability',
    {
      config: { bodyWrapper: 'profile' },
      schema: {
        tags,
        summary: 'Set availability in one account',
        body: AvailabilityBody,
        response: { 200: ProfileSchema },
      },
    },
    async (request) => {
      const { account_id, availability } = request.body;
      const profile = await setAvailability(
        db,
        user(request).id,
        account_id,
        availability === 'available' ? 'online' : availability,
      );
      app.hub.presence.changed(account_id); // dashboards see the new availability at once
      return presentProfile(profile, request.caller.token);
    },
  );

  app.post(
    '/profile/reset_access_token',
    { schema: { tags, summary: 'Replace the access token', response: { 200: ProfileSchema } } },
    async (request) => {
      const { token, profile } = await resetAccessToken(db, user(request).id);
      return presentProfile(profile, token);
    },
  );
}
