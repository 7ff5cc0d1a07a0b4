import { hasOwnName } from '../../../../domain/contacts/visitor-name.ts';
import type { Contact, ContactInbox } from '../../../../db/types.ts';
import type { App } from '../../../types.ts';
import { removeCustomAttributes } from '../../../../domain/contacts/commands.ts';
import { updatePublicContact } from '../../../../domain/contacts/public.ts';
import { setWidgetUser } from '../../../../domain/widget/visitor.ts';
import { issueWidgetToken } from '../../../../domain/widget/token.ts';
import { requestVisitor } from '../visitor.ts';
import { WebsiteTokenQuery } from '../schema.ts';
import {
  DestroyCustomAttributesBody,
  SetUserBody,
  UpdateContactBody,
  WidgetContactSchema,
  WidgetContactShowSchema,
} from './schema.ts';

const tags = ['Widget API'];

function presentShow(contact: Contact, contactInbox: ContactInbox) {
  return {
    id: contact.id,
    name: contact.name || null,
    email: contact.email,
    phone_number: contact.phone_number,
    identifier: contact.identifier,
    has_email: Boolean(contact.email),
    has_name: hasOwnName(contact.name),
    has_phone_number: Boolean(contact.phone_number),
    source_id: contactInbox.source_id,
    pubsub_token: contactInbox.pubsub_token,
    custom_attributes: contact.custom_attributes,
  };
}

const present = (contact: Contact, contactInbox: ContactInbox, widgetAuthToken?: string) => ({
  id: contact.id,
  name: contact.name || null,
  email: contact.email,
  phone_number: contact.phone_number,
  pubsub_token: contactInbox.pubsub_token,
  ...(widgetAuthToken ? { widget_auth_token: widgetAuthToken } : {}),
});

/** The visitor's own contact: `GET/PATCH /api/v1/widget/contact`, `PATCH …/set_user`, `POST …/destroy_custom_attributes`. */
export default async function widgetContactRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/contact',
    {
      schema: {
        tags,
        summary: "The visitor's contact",
        security: [],
        querystring: WebsiteTokenQuery,
        response: { 200: WidgetContactShowSchema },
      },
    },
    async (request) => {
      const { contact, contactInbox } = await requestVisitor(request);
      return presentShow(contact, contactInbox);
    },
  );

  app.patch(
    '/contact',
    {
      schema: {
        tags,
        summary: 'Update the visitor’s contact (name, email, phone, custom attributes)',
        security: [],
        querystring: WebsiteTokenQuery,
        body: UpdateContactBody,
        response: { 200: WidgetContactSchema },
      },
    },
    async (request) => {
      const visitor = await requestVisitor(request);
      const { website_token: _t, identifier, identifier_hash, ...fields } = request.body;
      // Chatwoot's widget sends setUser's identifier here too: then it is setUser.
      if (identifier) {
        const { contact, contactInbox, switched } = await setWidgetUser(db, visitor, {
          ...fields,
          identifier,
          identifier_hash,
        });
        return present(
          contact,
          contactInbox,
          switched ? issueWidgetToken(visitor.inbox, contactInbox.source_id) : undefined,
        );
      }
      const contact = await updatePublicContact(db, visitor.inbox, visitor.contactInbox.source_id, fields);
      return present(contact, visitor.contactInbox);
    },
  );

  app.patch(
    '/contact/set_user',
    {
      schema: {
        tags,
        summary: 'Identify the visitor ($chatwoot.setUser), with identifier_hash when the inbox verifies identities',
        security: [],
        querystring: WebsiteTokenQuery,
        body: SetUserBody,
        response: { 200: WidgetContactSchema },
      },
    },
    async (request) => {
      const visitor = await requestVisitor(request);
      const { website_token: _t, ...input } = request.body;
      const { contact, contactInbox, switched } = await setWidgetUser(db, visitor, input);
      return present(
        contact,
        contactInbox,
        switched ? issueWidgetToken(visitor.inbox, contactInbox.source_id) : undefined,
      );
    },
  );

  app.post(
    '/contact/destroy_custom_attributes',
    {
      schema: {
        tags,
        summary: 'Remove custom attributes from the visitor’s contact',
        security: [],
        querystring: WebsiteTokenQuery,
        body: DestroyCustomAttributesBody,
        response: { 200: WidgetContactShowSchema },
      },
    },
    async (request) => {
      const { contact, contactInbox } = await requestVisitor(request);
      const updated = await removeCustomAttributes(db, contact.account_id, contact.id, request.body.custom_attributes);
      return presentShow(updated, contactInbox);
    },
  );
}
