import { sql, type SqlBool } from 'kysely';
import type { App } from '../../../types.ts';
import {
  createContact,
  deleteContact,
  removeCustomAttributes,
  updateContact,
} from '../../../../domain/contacts/commands.ts';
import {
  contactInboxesFor,
  getContact,
  listContacts,
  searchCondition,
} from '../../../../domain/contacts/repository.ts';
import { contactFilter } from '../../../../domain/contacts/filter.ts';
import { filterConditionsOf } from '../custom_filters/apply.ts';
import { presentContact, presentInboxRecord } from '../../presenters/contact.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import {
  ContactFilterQuery,
  ContactParams,
  ContactPayload,
  CreateBody,
  CreateResponse,
  DestroyAttributesBody,
  FilterBody,
  FilterQuery,
  ListQuery,
  ListResponse,
  SearchQuery,
  UpdateBody,
} from './schema.ts';
import { currentPage, pageNumber, presentContacts } from './pages.ts';
import contactRelations from './relations.ts';
import contactImportExport from './import-export.ts';

const tags = ['Contacts'];

export default async function contactRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/contacts',
    {
      config: { policy: 'contacts.read' },
      schema: { tags, summary: 'List contacts', querystring: ListQuery, response: { 200: ListResponse } },
    },
    async (request) => {
      const { page, sort, labels, include_contact_inboxes, include_labels } = request.query;
      const accountId = request.auth.account.id;
      const { contacts, count } = await listContacts(db, accountId, {
        page: pageNumber(page),
        sort,
        labels,
        resolvedOnly: true,
      });
      return {
        meta: { count, current_page: currentPage(page) },
        payload: await presentContacts(db, accountId, contacts, include_contact_inboxes !== false, include_labels),
      };
    },
  );

  app.get(
    '/contacts/search',
    {
      config: { policy: 'contacts.read' },
      schema: { tags, summary: 'Search contacts', querystring: SearchQuery, response: { 200: ListResponse } },
    },
    async (request) => {
      const { q, page, sort, include_contact_inboxes, include_labels } = request.query;
      const accountId = request.auth.account.id;
      if (!q?.trim()) return { meta: { count: null, current_page: currentPage(page) }, payload: [] };
      const { contacts, count } = await listContacts(db, accountId, {
        page: pageNumber(page),
        sort,
        where: searchCondition(q.trim()),
        resolvedOnly: true,
      });
      return {
        meta: { count, current_page: currentPage(page) },
        payload: await presentContacts(db, accountId, contacts, include_contact_inboxes !== false, include_labels),
      };
    },
  );

  app.post(
    '/contacts/filter',
    {
      config: { policy: 'contacts.read' },
      schema: {
        tags,
        summary: 'Filter contacts',
        querystring: ContactFilterQuery,
        body: FilterBody,
        response: { 200: ListResponse },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      const { sort, q, include_labels } = request.query;
      const page = request.body.page ?? request.query.page;
      const filter = await contactFilter(db, accountId, await filterConditionsOf(db, request, 'contact'));
      const where = q?.trim() ? sql<SqlBool>`(${filter} AND ${searchCondition(q.trim())})` : filter;
      const { contacts, count } = await listContacts(db, accountId, {
        page: pageNumber(page),
        sort,
        where,
        resolvedOnly: false,
      });
      return {
        meta: { count, current_page: currentPage(page) },
        payload: await presentContacts(db, accountId, contacts, true, include_labels),
      };
    },
  );

  app.get(
    '/contacts/active',
    {
      config: { policy: 'contacts.read' },
      schema: { tags, summary: 'Contacts online now', querystring: FilterQuery, response: { 200: ListResponse } },
    },
    // Presence arrives with the realtime gateway; until a contact connects, none is online.
    async (request) => ({ meta: { count: 0, current_page: currentPage(request.query.page) }, payload: [] }),
  );

  app.post(
    '/contacts',
    {
      config: { policy: 'contacts.write', bodyWrapper: 'contact' },
      schema: { tags, summary: 'Create a contact', body: CreateBody, response: { 200: CreateResponse } },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      const { contact, contactInbox, inbox } = await createContact(db, accountId, request.body, request.auth.inboxIds);
      const inboxes = await contactInboxesFor(db, accountId, [contact.id]);
      return {
        payload: {
          contact: presentContact(contact, inboxes.get(contact.id) ?? []),
          contact_inbox: {
            inbox: inbox ? presentInboxRecord(inbox) : null,
            source_id: contactInbox?.source_id ?? null,
          },
        },
      };
    },
  );

  app.get(
    '/contacts/:id',
    {
      config: { policy: 'contacts.read' },
      schema: { tags, summary: 'Show a contact', params: ContactParams, response: { 200: ContactPayload } },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      const contact = await getContact(db, accountId, request.params.id);
      return { payload: (await presentContacts(db, accountId, [contact]))[0] };
    },
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/contacts/:id',
    config: { policy: 'contacts.write', bodyWrapper: 'contact' },
    schema: {
      tags,
      summary: 'Update a contact',
      params: ContactParams,
      body: UpdateBody,
      response: { 200: ContactPayload },
    },
    handler: async (request) => {
      const accountId = request.auth.account.id;
      const contact = await updateContact(db, accountId, request.params.id, request.body);
      return { payload: (await presentContacts(db, accountId, [contact]))[0] };
    },
  });

  app.delete(
    '/contacts/:id',
    {
      config: { policy: 'contacts.delete' },
      schema: { tags, summary: 'Delete a contact', params: ContactParams, response: { 200: Empty } },
    },
    async (request, reply) => {
      await deleteContact(db, request.auth.account.id, request.params.id);
      return sendEmpty(reply);
    },
  );

  app.delete(
    '/contacts/:id/avatar',
    {
      config: { policy: 'contacts.write' },
      schema: { tags, summary: 'Remove the avatar', params: ContactParams, response: { 200: ContactPayload } },
    },
    async (request) => {
      const contact = await updateContact(db, request.auth.account.id, request.params.id, { avatar_url: null });
      return { payload: presentContact(contact) };
    },
  );

  app.post(
    '/contacts/:id/destroy_custom_attributes',
    {
      config: { policy: 'contacts.write' },
      schema: {
        tags,
        summary: 'Remove custom attributes',
        params: ContactParams,
        body: DestroyAttributesBody,
        response: { 200: ContactPayload },
      },
    },
    async (request) => {
      const contact = await removeCustomAttributes(
        db,
        request.auth.account.id,
        request.params.id,
        request.body.custom_attributes,
      );
      return { payload: presentContact(contact) };
    },
  );

  await app.register(contactRelations);
  await app.register(contactImportExport);
}
