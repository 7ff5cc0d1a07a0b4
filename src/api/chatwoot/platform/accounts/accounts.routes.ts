import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { createAppAccount, deleteAppAccount, updateAppAccount } from '../../../../domain/platform/commands.ts';
import { getAppAccount, listAppAccounts } from '../../../../domain/platform/repository.ts';
import { PlatformAccountSchema, platformAppId, presentPlatformAccount, security } from '../../presenters/platform.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import { AccountParams, CreateAccountBody, UpdateAccountBody } from './schema.ts';

const tags = ['Platform: Accounts'];
const one = { 200: PlatformAccountSchema };

export default async function platformAccountRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/accounts',
    {
      schema: {
        tags,
        security,
        summary: 'Accounts this app created',
        response: { 200: Type.Array(PlatformAccountSchema) },
      },
    },
    async (request) => (await listAppAccounts(db, platformAppId(request))).map(presentPlatformAccount),
  );

  app.post(
    '/accounts',
    {
      config: { bodyWrapper: 'account' },
      schema: { tags, security, summary: 'Create an account', body: CreateAccountBody, response: one },
    },
    async (request) => presentPlatformAccount(await createAppAccount(db, platformAppId(request), request.body)),
  );

  app.get(
    '/accounts/:id',
    { schema: { tags, security, summary: 'Show an account', params: AccountParams, response: one } },
    async (request) => presentPlatformAccount(await getAppAccount(db, platformAppId(request), request.params.id)),
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/accounts/:id',
    config: { bodyWrapper: 'account' },
    schema: {
      tags,
      security,
      summary: 'Update an account',
      params: AccountParams,
      body: UpdateAccountBody,
      response: one,
    },
    handler: async (request) =>
      presentPlatformAccount(await updateAppAccount(db, platformAppId(request), request.params.id, request.body)),
  });

  app.delete(
    '/accounts/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete an account and everything in it',
        params: AccountParams,
        response: { 200: Empty },
      },
    },
    async (request, reply) => {
      await deleteAppAccount(db, platformAppId(request), request.params.id);
      return sendEmpty(reply);
    },
  );
}
