import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import type { Contact } from '../../../../db/types.ts';
import { createWtsContact, saveWtsContacts, updateWtsContact } from '../../sessions-app/contact-writes.ts';
import {
  contactsByIds,
  getContactByPhone,
  getContactByUuid,
  listContactPage,
} from '../../sessions-app/contact-list.ts';
import { resolveTags } from '../../../../domain/labels/tag-refs.ts';
import { validation } from '../../../../errors.ts';
import { envelope, PageOf, pageOrder, paging } from '../../page.ts';
import { ContactSchema, presentContact, type ContactDetail } from '../../presenters/contact.ts';
import { bodyRange, IdParams } from '../../schema.ts';
import { BatchBody, CreateBody, FilterBody, PhoneParams, UpdateBody } from './schema.ts';

const tags = ['WTS Contacts'];
const ALL_DETAILS = new Set<ContactDetail>(['Tags', 'CustomFields']);
const response = { 200: ContactSchema };

/** A create item without what Switchboard does not take on a contact write (sequences: refused by name, never dropped). */
function contactInput<T extends { sequenceIds?: string[] }>(item: T, prefix = '') {
  const { sequenceIds, ...input } = item;
  if (sequenceIds?.length)
    throw validation(`${prefix}sequenceIds: enrol contacts through /chat/v1/sequence/{id}/contact`, [
      `${prefix}sequenceIds`,
    ]);
  return input;
}

/** The contact a write answers, re-read with its tags and custom fields. */
export async function presentWritten(request: FastifyRequest, contact: Contact) {
  const row = await getContactByUuid(request.server.deps.db, request.auth.account.id, contact.uuid);
  return presentContact(row, request.auth.account.uuid, ALL_DETAILS);
}

export default async function contactWriteRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.post(
    '/v1/contact',
    {
      config: { policy: 'contacts.write' },
      schema: { tags, summary: 'Create (upsert / getIfExists)', body: CreateBody, response },
    },
    async (request) => {
      const { options, ...item } = request.body;
      const { contact } = await createWtsContact(db, request.auth.account.id, contactInput(item), options);
      return presentWritten(request, contact);
    },
  );

  app.post(
    '/v2/contact/batch',
    {
      config: { policy: 'contacts.write' },
      schema: {
        tags,
        summary: 'Save up to 100 contacts (an existing phone number or email is updated)',
        body: BatchBody,
        response: { 200: Type.Array(ContactSchema) },
      },
    },
    async (request) => {
      const { items, options } = request.body;
      const inputs = items.map((item, i) => contactInput(item, `items[${i}].`));
      const saved = await saveWtsContacts(db, request.auth.account.id, inputs, options);
      const rows = await contactsByIds(
        db,
        request.auth.account.id,
        saved.map((c) => c.id),
      );
      return saved.map((c) => presentContact(rows.get(c.id)!, request.auth.account.uuid, ALL_DETAILS));
    },
  );

  for (const version of ['v1', 'v2']) {
    app.put(
      `/${version}/contact/:id`,
      {
        config: { policy: 'contacts.write' },
        schema: { tags, summary: 'Update', params: IdParams, body: UpdateBody, response },
      },
      async (request) => {
        const { fields, options, ...input } = request.body;
        const current = await getContactByUuid(db, request.auth.account.id, request.params.id);
        return presentWritten(
          request,
          await updateWtsContact(db, request.auth.account.id, current.id, input, {
            fields,
            tagOperation: options?.tagsOperation,
          }),
        );
      },
    );
  }

  app.put(
    '/v1/contact/phonenumber/:phone',
    {
      config: { policy: 'contacts.write' },
      schema: { tags, summary: 'Update by phone number', params: PhoneParams, body: UpdateBody, response },
    },
    async (request) => {
      const { fields, options, ...input } = request.body;
      const current = await getContactByPhone(db, request.auth.account.id, request.params.phone);
      return presentWritten(
        request,
        await updateWtsContact(db, request.auth.account.id, current.id, input, {
          fields,
          tagOperation: options?.tagsOperation,
        }),
      );
    },
  );

  app.post(
    '/v1/contact/filter',
    {
      config: { policy: 'contacts.read' },
      schema: { tags, summary: 'Filter', body: FilterBody, response: { 200: PageOf(ContactSchema) } },
    },
    async (request) => {
      const b = request.body;
      const accountId = request.auth.account.id;
      const page = paging(
        { PageNumber: b.pageNumber, PageSize: b.pageSize, OrderBy: b.orderBy, OrderDirection: b.orderDirection },
        { orderBy: 'createdAt', orderDirection: 'ASCENDING' },
      );
      const tagTitles = b.tagIds?.length || b.tagNames?.length ? await resolveTags(db, accountId, b) : undefined;
      const { rows, total } = await listContactPage(db, accountId, {
        status: b.status,
        match: {
          text: b.textFilter,
          name: b.name,
          phone: b.phoneNumber,
          email: b.email,
          instagram: b.instagram,
          tags: tagTitles,
          attributes: { ...(b.customFields ?? {}), ...(b.metadata ?? {}) },
          origin: b.origin,
        },
        createdAt: bodyRange(b.createdAt, 'createdAt'),
        updatedAt: bodyRange(b.updatedAt, 'updatedAt'),
        ...pageOrder(page),
      });
      const include = new Set(b.includeDetails);
      return envelope(
        rows.map((c) => presentContact(c, request.auth.account.uuid, include)),
        total,
        page,
      );
    },
  );
}
