import type { App } from '../../../types.ts';
import {
  enrolContacts,
  enrolmentsByUuid,
  listEnrolments,
  removeContacts,
  type ContactRefs,
} from '../../../../domain/sequences/enrolment.ts';
import {
  createSequence,
  deleteSequence,
  getSequence,
  listSequences,
  updateSequence,
} from '../../../../domain/sequences/repository.ts';
import { envelope, pageOrder, paging } from '../../page.ts';
import { IdParams, queryRange } from '../../schema.ts';
import { presentEnrolment, presentSequence } from './present.ts';
import {
  BatchBody,
  ContactBody,
  ContactListQuery,
  CreateBody,
  ListQuery,
  SequenceContactPage,
  SequenceContactSchema,
  SequencePage,
  SequenceSchema,
  UpdateBody,
} from './schema.ts';

const tags = ['WTS Sequences'];

type Caller = {
  auth: { account: { id: number }; user?: { id: number } | null; inboxIds?: number[] };
  params: { id: string };
};

/** The body's one contact as refs: `contactId` first, as WTS reads it. */
const oneContact = (body: { contactId?: string | null; phoneNumber?: string | null }): ContactRefs =>
  body.contactId ? { contactIds: [body.contactId] } : body.phoneNumber ? { phoneNumbers: [body.phoneNumber] } : {};
const manyContacts = (body: { contactIds?: string[] | null; phoneNumbers?: string[] | null }): ContactRefs => ({
  contactIds: body.contactIds ?? undefined,
  phoneNumbers: body.phoneNumbers ?? undefined,
});

/**
 * `/chat/v1/sequence`: timed message series contacts are enrolled in (jobs/scheduled-sends.ts runs their steps).
 * Listing and enrolling are WTS's routes; creating, changing and deleting are Switchboard's, for administrators.
 */
export default async function sequenceRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  const sequenceOf = (request: Caller) =>
    getSequence(db, request.auth.account.id, request.params.id, request.auth.inboxIds);

  app.get(
    '/v1/sequence',
    {
      config: { policy: 'sequences.read' },
      schema: { tags, summary: 'List sequences', querystring: ListQuery, response: { 200: SequencePage } },
    },
    async (request) => {
      const q = request.query;
      const page = paging(q, { orderBy: 'createdAt', orderDirection: 'ASCENDING' });
      const filter = {
        name: q.Name,
        contactId: q.ContactId,
        createdAt: queryRange(q, 'CreatedAt'),
        updatedAt: queryRange(q, 'UpdatedAt'),
      };
      const { rows, total } = await listSequences(
        db,
        request.auth.account.id,
        request.auth.inboxIds,
        filter,
        pageOrder(page),
      );
      const stats = Boolean(q.IncludeDetails?.some((d: string) => d === 'ExecutionStats'));
      return envelope(
        rows.map((r) => presentSequence(r, stats)),
        total,
        page,
      );
    },
  );

  app.get(
    '/v1/sequence/:id',
    {
      config: { policy: 'sequences.read' },
      schema: { tags, summary: 'Show a sequence', params: IdParams, response: { 200: SequenceSchema } },
    },
    async (request) => presentSequence(await sequenceOf(request), true),
  );

  app.post(
    '/v1/sequence',
    {
      config: { policy: 'sequences.manage' },
      schema: {
        tags,
        summary: 'Create a sequence (administrators)',
        body: CreateBody,
        response: { 201: SequenceSchema },
      },
    },
    async (request, reply) => {
      const { channelId, ...body } = request.body;
      const row = await createSequence(db, request.auth.account.id, request.auth.user!.id, {
        ...body,
        inboxUuid: channelId,
      });
      return reply.status(201).send(presentSequence(row));
    },
  );

  app.put(
    '/v1/sequence/:id',
    {
      config: { policy: 'sequences.manage' },
      schema: {
        tags,
        summary: 'Change a sequence (administrators; fields absent are kept)',
        params: IdParams,
        body: UpdateBody,
        response: { 200: SequenceSchema },
      },
    },
    async (request) => {
      const { channelId, ...body } = request.body;
      return presentSequence(
        await updateSequence(db, request.auth.account.id, request.params.id, { ...body, inboxUuid: channelId }),
      );
    },
  );

  app.delete(
    '/v1/sequence/:id',
    {
      config: { policy: 'sequences.manage' },
      schema: { tags, summary: 'Delete a sequence and its enrolments (administrators)', params: IdParams },
    },
    async (request, reply) => {
      await deleteSequence(db, request.auth.account.id, request.params.id);
      return reply.status(200).send();
    },
  );

  app.get(
    '/v2/sequence/:id/contact',
    {
      config: { policy: 'sequences.read' },
      schema: {
        tags,
        summary: "List a sequence's contacts",
        params: IdParams,
        querystring: ContactListQuery,
        response: { 200: SequenceContactPage },
      },
    },
    async (request) => {
      const sequence = await sequenceOf(request);
      const q = request.query;
      const page = paging(q, { orderBy: 'createdAt', orderDirection: 'ASCENDING' });
      const filter = {
        name: q.Name,
        contactId: q.ContactId,
        phoneNumber: q.PhoneNumber,
        createdAt: queryRange(q, 'CreatedAt'),
        updatedAt: queryRange(q, 'UpdatedAt'),
      };
      const { rows, total } = await listEnrolments(db, sequence, filter, pageOrder(page));
      const details = Boolean(q.IncludeDetails?.some((d: string) => d === 'ContactDetails'));
      return envelope(
        rows.map((r) => presentEnrolment(r, sequence, details)),
        total,
        page,
      );
    },
  );

  app.post(
    '/v1/sequence/:id/contact',
    {
      config: { policy: 'sequences.enrol' },
      schema: {
        tags,
        summary: 'Add a contact to a sequence',
        params: IdParams,
        body: ContactBody,
        response: { 200: SequenceContactSchema },
      },
    },
    async (request) => {
      const sequence = await sequenceOf(request);
      const uuids = await enrolContacts(db, sequence, oneContact(request.body), request.auth.user?.id ?? null, 'API');
      const [row] = await enrolmentsByUuid(db, sequence, uuids);
      return presentEnrolment(row, sequence, true);
    },
  );

  app.delete(
    '/v1/sequence/:id/contact',
    {
      config: { policy: 'sequences.enrol' },
      schema: { tags, summary: 'Remove a contact from a sequence', params: IdParams, body: ContactBody },
    },
    async (request, reply) => {
      await removeContacts(db, await sequenceOf(request), oneContact(request.body ?? {}));
      return reply.status(200).send();
    },
  );

  app.post(
    '/v1/sequence/:id/contact/batch',
    {
      config: { policy: 'sequences.enrol' },
      schema: {
        tags,
        summary: 'Add contacts to a sequence',
        params: IdParams,
        body: BatchBody,
        response: { 200: SequenceContactPage },
      },
    },
    async (request) => {
      const sequence = await sequenceOf(request);
      const uuids = await enrolContacts(db, sequence, manyContacts(request.body), request.auth.user?.id ?? null, 'API');
      const rows = await enrolmentsByUuid(db, sequence, uuids);
      return envelope(
        rows.map((r) => presentEnrolment(r, sequence)),
        rows.length,
        { page: 1, pageSize: Math.max(rows.length, 1), orderBy: 'createdAt', orderDirection: 'ASCENDING' },
      );
    },
  );

  app.delete(
    '/v1/sequence/:id/contact/batch',
    {
      config: { policy: 'sequences.enrol' },
      schema: { tags, summary: 'Remove contacts from a sequence', params: IdParams, body: BatchBody },
    },
    async (request, reply) => {
      await removeContacts(db, await sequenceOf(request), manyContacts(request.body ?? {}));
      return reply.status(200).send();
    },
  );
}
