import type { App } from '../../../types.ts';
import { updateAccount } from '../../../../domain/accounts/repository.ts';
import { AccountSchema, UpdateAccountBody, presentAccount } from './schema.ts';

const tags = ['Account'];

export default async function accountRoutes(app: App): Promise<void> {
  app.get(
    '/',
    {
      config: { policy: 'account.show' },
      schema: { tags, summary: 'Show the account', response: { 200: AccountSchema } },
    },
    async (request) => presentAccount(request.auth.account, app.deps.config.version),
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/',
    config: { policy: 'account.update', bodyWrapper: 'account' },
    schema: { tags, summary: 'Update the account', body: UpdateAccountBody, response: { 200: AccountSchema } },
    handler: async (request) => {
      const { industry, company_size, timezone, ...changes } = request.body;
      const extra = Object.fromEntries(
        Object.entries({ industry, company_size, timezone }).filter(([, v]) => v !== undefined),
      );
      const account = await updateAccount(app.deps.db, request.auth.account.id, {
        ...changes,
        ...(Object.keys(extra).length
          ? { custom_attributes: { ...request.auth.account.custom_attributes, ...extra } }
          : {}),
      });
      return presentAccount(account, app.deps.config.version);
    },
  });
}
