import type { FastifyRequest } from 'fastify';
import type { App } from '../../../types.ts';
import type { Inbox } from '../../../../db/types.ts';
import { createInbox, deleteInbox, updateInbox } from '../../../../domain/inboxes/commands.ts';
import { getInbox, getVisibleInbox, listInboxes } from '../../../../domain/inboxes/repository.ts';
import { checkOptionalUrl } from '../../../../domain/webhooks/ssrf.ts';
import { CHANNEL_TYPES, presentInbox } from '../../presenters/inbox.ts';
import {
  CreateInboxBody,
  DeletedInbox,
  TemplateSyncAnswer,
  InboxList,
  InboxParams,
  InboxSchema,
  UpdateInboxBody,
  nullTexts,
} from './schema.ts';
import inboxActions from './actions.ts';
import { adapterForShortType, adapterForType } from '../../../../channels/registry.ts';
import { syncInboxTemplates } from '../../../../channels/whatsapp/templates.ts';

const tags = ['Inboxes'];

export default async function inboxRoutes(app: App): Promise<void> {
  const { db, config, storage } = app.deps;
  const channels = { db, config, storage, log: app.log };
  const present = (request: FastifyRequest, inbox: Inbox) =>
    presentInbox(inbox, { isAdmin: request.auth.actor === 'administrator', publicUrl: config.publicUrl });

  app.get(
    '/inboxes',
    {
      config: { policy: 'inboxes.read' },
      schema: { tags, summary: 'List the inboxes the caller may see', response: { 200: InboxList } },
    },
    async (request) => ({
      payload: (await listInboxes(db, request.auth.account.id, request.auth.inboxIds)).map((inbox) =>
        present(request, inbox),
      ),
    }),
  );

  app.get(
    '/inboxes/:id',
    {
      config: { policy: 'inboxes.read' },
      schema: { tags, summary: 'Show an inbox', params: InboxParams, response: { 200: InboxSchema } },
    },
    async (request) =>
      present(request, await getVisibleInbox(db, request.auth.account.id, request.params.id, request.auth.inboxIds)),
  );

  app.post(
    '/inboxes',
    {
      config: { policy: 'inboxes.manage' },
      preValidation: nullTexts,
      schema: {
        tags,
        summary: 'Create an API or website inbox',
        body: CreateInboxBody,
        response: { 200: InboxSchema },
      },
    },
    async (request) => {
      const { channel, ...fields } = request.body;
      const { type, ...channelSettings } = channel;
      const adapter = adapterForShortType(type);
      if (adapter)
        return present(request, await adapter.createInbox(channels, request.auth.account.id, fields, channelSettings));
      await checkOptionalUrl(channel.webhook_url, config.webhooks.allowPrivateNetworks, 'channel.webhook_url');
      return present(
        request,
        await createInbox(db, request.auth.account.id, CHANNEL_TYPES[type], { ...fields, channel: channelSettings }),
      );
    },
  );

  app.post(
    '/inboxes/:id/sync_templates',
    {
      config: { policy: 'inboxes.manage' },
      schema: {
        tags,
        summary: "Sync a WhatsApp inbox's message templates",
        params: InboxParams,
        response: { 200: TemplateSyncAnswer },
      },
    },
    async (request) => {
      await syncInboxTemplates(channels, await getInbox(db, request.auth.account.id, request.params.id));
      return { message: 'Template sync initiated successfully' };
    },
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/inboxes/:id',
    config: { policy: 'inboxes.manage' },
    preValidation: nullTexts,
    schema: {
      tags,
      summary: 'Update an inbox (channel settings merged)',
      params: InboxParams,
      body: UpdateInboxBody,
      response: { 200: InboxSchema },
    },
    handler: async (request) => {
      await checkOptionalUrl(
        request.body.channel?.webhook_url,
        config.webhooks.allowPrivateNetworks,
        'channel.webhook_url',
      );
      return present(request, await updateInbox(db, request.auth.account.id, request.params.id, request.body));
    },
  });

  app.delete(
    '/inboxes/:id',
    {
      config: { policy: 'inboxes.manage' },
      schema: { tags, summary: 'Delete an inbox', params: InboxParams, response: { 200: DeletedInbox } },
    },
    async (request) => {
      const inbox = await getInbox(db, request.auth.account.id, request.params.id);
      const adapter = adapterForType(inbox.channel_type);
      const afterDelete = adapter ? await adapter.beforeDelete(channels, inbox) : undefined;
      await deleteInbox(db, request.auth.account.id, request.params.id);
      await afterDelete?.();
      return { message: 'Your inbox deletion request will be processed in some time.' };
    },
  );

  await app.register(inboxActions);
}
