import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import {
  CONTACT_STATUSES,
  getContactByPhone,
  getContactByUuid,
  listContactPage,
} from '../../sessions-app/contact-list.ts';
import { PhoneParams } from './schema.ts';
import contactTagRoutes from './tags.ts';
import contactWriteRoutes from './writes.ts';
import { envelope, PageOf, PageQuery, pageOrder, paging } from '../../page.ts';
import { ContactDetailsQuery, ContactSchema, presentContact } from '../../presenters/contact.ts';
import { DateQuery, IdParams, Literals, queryRange } from '../../schema.ts';

const tags = ['WTS Contacts'];

const ListQuery = Type.Object({
  IncludeDetails: Type.Optional(ContactDetailsQuery),
  Status: Type.Optional(Literals(CONTACT_STATUSES)),
  'CreatedAt.After': Type.Optional(DateQuery),
  'CreatedAt.Before': Type.Optional(DateQuery),
  'UpdatedAt.After': Type.Optional(DateQuery),
  'UpdatedAt.Before': Type.Optional(DateQuery),
  ...PageQuery,
});
const ShowQuery = Type.Object({ IncludeDetails: Type.Optional(ContactDetailsQuery) });

/** Contacts by their public uuid; the list answers WTS's page envelope. */
export default async function contactRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/v1/contact',
    {
      config: { policy: 'contacts.read' },
      schema: { tags, summary: 'List contacts', querystring: ListQuery, response: { 200: PageOf(ContactSchema) } },
    },
    async (request) => {
      const q = request.query;
      const page = paging(q, { orderBy: 'createdAt', orderDirection: 'ASCENDING' });
      const { rows, total } = await listContactPage(db, request.auth.account.id, {
        status: q.Status,
        createdAt: queryRange(q, 'CreatedAt'),
        updatedAt: queryRange(q, 'UpdatedAt'),
        ...pageOrder(page),
      });
      const include = new Set(q.IncludeDetails);
      return envelope(
        rows.map((c) => presentContact(c, request.auth.account.uuid, include)),
        total,
        page,
      );
    },
  );

  app.get(
    '/v1/contact/:id',
    {
      config: { policy: 'contacts.read' },
      schema: {
        tags,
        summary: 'Show a contact',
        params: IdParams,
        querystring: ShowQuery,
        response: { 200: ContactSchema },
      },
    },
    async (request) => {
      const contact = await getContactByUuid(db, request.auth.account.id, request.params.id);
      return presentContact(contact, request.auth.account.uuid, new Set(request.query.IncludeDetails));
    },
  );

  app.get(
    '/v1/contact/phonenumber/:phone',
    {
      config: { policy: 'contacts.read' },
      schema: {
        tags,
        summary: 'Show a contact by phone number',
        params: PhoneParams,
        querystring: ShowQuery,
        response: { 200: ContactSchema },
      },
    },
    async (request) => {
      const contact = await getContactByPhone(db, request.auth.account.id, request.params.phone);
      return presentContact(contact, request.auth.account.uuid, new Set(request.query.IncludeDetails));
    },
  );

  await app.register(contactWriteRoutes);
  await app.register(contactTagRoutes);
}
