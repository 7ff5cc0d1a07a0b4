import type { App } from '../../../types.ts';
import { removeAccountUser, upsertAccountUser } from '../../../../domain/platform/commands.ts';
import { listAccountUsers } from '../../../../domain/platform/repository.ts';
import { platformAppId, presentAccountUser, security } from '../../presenters/platform.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import { AccountUserList, AccountUserSchema, AccountUsersParams, RemoveBody, UpsertBody } from './schema.ts';

const tags = ['Platform: Account Users'];
const url = '/accounts/:account_id/account_users';

export default async function platformAccountUserRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    url,
    {
      schema: {
        tags,
        security,
        summary: 'Members of an account',
        params: AccountUsersParams,
        response: { 200: AccountUserList },
      },
    },
    async (request) =>
      (await listAccountUsers(db, platformAppId(request), request.params.account_id)).map(presentAccountUser),
  );

  app.post(
    url,
    {
      config: { bodyWrapper: 'account_user' },
      schema: {
        tags,
        security,
        summary: 'Add a member or change their role',
        params: AccountUsersParams,
        body: UpsertBody,
        response: { 200: AccountUserSchema },
      },
    },
    async (request) =>
      presentAccountUser(await upsertAccountUser(db, platformAppId(request), request.params.account_id, request.body)),
  );

  app.delete(
    url,
    {
      config: { bodyWrapper: 'account_user' },
      schema: {
        tags,
        security,
        summary: 'Remove a member',
        params: AccountUsersParams,
        body: RemoveBody,
        response: { 200: Empty },
      },
    },
    async (request, reply) => {
      await removeAccountUser(db, platformAppId(request), request.params.account_id, request.body.user_id);
      return sendEmpty(reply);
    },
  );
}
