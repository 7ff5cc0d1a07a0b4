import type { App } from '../../../types.ts';
import {
  createAppUser,
  deleteAppUser,
  mintUserToken,
  ssoLoginUrl,
  updateAppUser,
} from '../../../../domain/platform/commands.ts';
import { getAppUser } from '../../../../domain/platform/repository.ts';
import { platformAppId, security } from '../../presenters/platform.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import {
  CreateUserBody,
  LoginResponse,
  PlatformUserSchema,
  TokenResponse,
  UpdateUserBody,
  UserParams,
  presentPlatformUser,
} from './schema.ts';

const tags = ['Platform: Users'];
const one = { 200: PlatformUserSchema };

export default async function platformUserRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;

  app.post(
    '/users',
    {
      config: { bodyWrapper: 'user' },
      schema: {
        tags,
        security,
        summary: 'Create a user (or adopt the user with that email)',
        body: CreateUserBody,
        response: one,
      },
    },
    async (request) => {
      const created = await createAppUser(db, platformAppId(request), request.body);
      return presentPlatformUser(created, created.accessToken);
    },
  );

  app.get(
    '/users/:id',
    { schema: { tags, security, summary: 'Show a user', params: UserParams, response: one } },
    async (request) => presentPlatformUser(await getAppUser(db, platformAppId(request), request.params.id)),
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/users/:id',
    config: { bodyWrapper: 'user' },
    schema: {
      tags,
      security,
      summary: 'Update a user (custom_attributes are merged)',
      params: UserParams,
      body: UpdateUserBody,
      response: one,
    },
    handler: async (request) =>
      presentPlatformUser(await updateAppUser(db, platformAppId(request), request.params.id, request.body)),
  });

  app.delete(
    '/users/:id',
    { schema: { tags, security, summary: 'Delete a user', params: UserParams, response: { 200: Empty } } },
    async (request, reply) => {
      await deleteAppUser(db, platformAppId(request), request.params.id);
      return sendEmpty(reply);
    },
  );

  app.get(
    '/users/:id/login',
    {
      schema: {
        tags,
        security,
        summary: 'Dashboard SSO link (the token is not yet redeemable)',
        params: UserParams,
        response: { 200: LoginResponse },
      },
    },
    async (request) => ({ url: await ssoLoginUrl(db, platformAppId(request), request.params.id, config.publicUrl) }),
  );

  app.post(
    '/users/:id/token',
    {
      schema: {
        tags,
        security,
        summary: 'Mint an API access token for the user',
        params: UserParams,
        response: { 200: TokenResponse },
      },
    },
    async (request) => {
      const { user, accessToken } = await mintUserToken(db, platformAppId(request), request.params.id);
      const { id, name, display_name, email, pubsub_token } = user;
      return { access_token: accessToken, expiry: null, user: { id, name, display_name, email, pubsub_token } };
    },
  );
}
