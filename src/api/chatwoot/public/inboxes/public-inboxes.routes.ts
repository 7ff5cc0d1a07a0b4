import type { App } from '../../../types.ts';
import {
  createPublicContact,
  inboxByIdentifier,
  showPublicContact,
  updatePublicContact,
} from '../../../../domain/contacts/public.ts';
import {
  ContactRecordSchema,
  PublicContactSchema,
  PublicInboxSchema,
  presentContactRecord,
  presentPublicInbox,
} from '../../presenters/public.ts';
import { ContactParams, CreateContactBody, InboxParams, ShowContactQuery, UpdateContactBody } from './schema.ts';
import publicConversationRoutes from './conversations.ts';

const tags = ['Client API'];

function presentPublicContact(ci: {
  source_id: string;
  pubsub_token: string;
  contact: { id: number; name: string; email: string | null; phone_number: string | null };
}) {
  return {
    source_id: ci.source_id,
    pubsub_token: ci.pubsub_token,
    id: ci.contact.id,
    name: ci.contact.name,
    email: ci.contact.email,
    phone_number: ci.contact.phone_number,
  };
}

/** Chatwoot's Client API: no token — the inbox identifier and the contact's source id are the credentials. */
export default async function publicInboxRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/inboxes/:inbox_identifier',
    {
      schema: {
        tags,
        summary: 'Inbox information',
        security: [],
        params: InboxParams,
        response: { 200: PublicInboxSchema },
      },
    },
    async (request) => presentPublicInbox(await inboxByIdentifier(db, request.params.inbox_identifier)),
  );

  app.post(
    '/inboxes/:inbox_identifier/contacts',
    {
      config: { bodyWrapper: 'contact' },
      schema: {
        tags,
        summary: 'Create a contact (returns source_id and pubsub_token)',
        security: [],
        params: InboxParams,
        body: CreateContactBody,
        response: { 200: PublicContactSchema },
      },
    },
    async (request) => {
      const inbox = await inboxByIdentifier(db, request.params.inbox_identifier);
      return presentPublicContact(await createPublicContact(db, inbox, request.body));
    },
  );

  app.get(
    '/inboxes/:inbox_identifier/contacts/:contact_identifier',
    {
      schema: {
        tags,
        summary: 'Get the contact',
        security: [],
        params: ContactParams,
        querystring: ShowContactQuery,
        response: { 200: PublicContactSchema },
      },
    },
    async (request) => {
      const inbox = await inboxByIdentifier(db, request.params.inbox_identifier);
      return presentPublicContact(
        await showPublicContact(db, inbox, request.params.contact_identifier, request.query.identifier_hash),
      );
    },
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/inboxes/:inbox_identifier/contacts/:contact_identifier',
    config: { bodyWrapper: 'contact' },
    schema: {
      tags,
      summary: 'Update (identify) the contact',
      security: [],
      params: ContactParams,
      body: UpdateContactBody,
      response: { 200: ContactRecordSchema },
    },
    handler: async (request) => {
      const inbox = await inboxByIdentifier(db, request.params.inbox_identifier);
      return presentContactRecord(
        await updatePublicContact(db, inbox, request.params.contact_identifier, request.body),
      );
    },
  });

  await app.register(publicConversationRoutes);
}
