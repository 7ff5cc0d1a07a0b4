import crypto from 'node:crypto';
import type { App } from '../../../types.ts';
import { addContactInbox, setContactLabels } from '../../../../domain/contacts/commands.ts';
import { contactInboxesFor, getContact } from '../../../../domain/contacts/repository.ts';
import { createNote, deleteNote, getNote, listNotes, updateNote } from '../../../../domain/contacts/notes.ts';
import { ensureInboxAccess } from '../../../../domain/inboxes/access.ts';
import { findInbox } from '../../../../domain/inboxes/repository.ts';
import { findMembers } from '../../../../domain/users/repository.ts';
import { listAccountInboxes } from '../../../../domain/inboxes/visible.ts';
import type { ContactNote } from '../../../../db/types.ts';
import type { Db } from '../../../../db/pool.ts';
import { validation } from '../../../../errors.ts';
import { presentAgent } from '../../presenters/agent.ts';
import { presentContactInbox } from '../../presenters/contact.ts';
import { presentInboxSlim } from '../../presenters/inbox.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import { unix } from '../../presenters/time.ts';
import { Type } from 'typebox';
import {
  ContactInboxBody,
  ContactInboxSchema,
  ContactParams,
  ContactableInboxesResponse,
  LabelsBody,
  LabelsResponse,
  NoteBody,
  NoteParams,
  NoteSchema,
} from './schema.ts';

const tags = ['Contacts'];

async function presentNotes(db: Db, accountId: number, notes: ContactNote[]) {
  const userIds = [...new Set(notes.map((n) => n.user_id).filter((id): id is number => id !== null))];
  const members = new Map((await findMembers(db, accountId, userIds)).map((m) => [m.id, m]));
  return notes.map((note) => {
    const member = note.user_id ? members.get(note.user_id) : undefined;
    return {
      id: note.id,
      content: note.content,
      account_id: note.account_id,
      contact_id: note.contact_id,
      user: member ? presentAgent(member) : null,
      created_at: unix(note.created_at),
      updated_at: unix(note.updated_at),
    };
  });
}

export default async function contactRelations(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/contacts/:id/labels',
    {
      config: { policy: 'contacts.read' },
      schema: { tags, summary: 'Labels of a contact', params: ContactParams, response: { 200: LabelsResponse } },
    },
    async (request) => ({ payload: (await getContact(db, request.auth.account.id, request.params.id)).labels }),
  );

  app.post(
    '/contacts/:id/labels',
    {
      config: { policy: 'contacts.write' },
      schema: {
        tags,
        summary: 'Replace the labels of a contact',
        params: ContactParams,
        body: LabelsBody,
        response: { 200: LabelsResponse },
      },
    },
    async (request) => ({
      payload: await setContactLabels(db, request.auth.account.id, request.params.id, request.body.labels ?? []),
    }),
  );

  app.get(
    '/contacts/:id/contactable_inboxes',
    {
      config: { policy: 'contacts.read' },
      schema: {
        tags,
        summary: 'Inboxes that can reach the contact',
        params: ContactParams,
        response: { 200: ContactableInboxesResponse },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      const contact = await getContact(db, accountId, request.params.id);
      const existing = (await contactInboxesFor(db, accountId, [contact.id])).get(contact.id) ?? [];
      const inboxes = await listAccountInboxes(db, accountId, request.auth.inboxIds);
      return {
        payload: inboxes.map((inbox) => ({
          inbox: presentInboxSlim(inbox),
          source_id: existing.find((ci) => ci.inbox_id === inbox.id)?.source_id ?? crypto.randomUUID(),
        })),
      };
    },
  );

  app.post(
    '/contacts/:id/contact_inboxes',
    {
      config: { policy: 'contacts.write' },
      schema: {
        tags,
        summary: 'Open the contact in an inbox',
        params: ContactParams,
        body: ContactInboxBody,
        response: { 200: ContactInboxSchema },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      const contact = await getContact(db, accountId, request.params.id);
      ensureInboxAccess(request.auth.inboxIds, request.body.inbox_id);
      const inbox = await findInbox(db, accountId, request.body.inbox_id);
      if (!inbox) throw validation('Inbox does not exist', ['inbox_id']);
      const contactInbox = await addContactInbox(
        db,
        contact,
        inbox,
        request.body.source_id,
        request.body.hmac_verified ?? false,
      );
      return presentContactInbox(contactInbox, inbox);
    },
  );

  app.get(
    '/contacts/:id/notes',
    {
      config: { policy: 'contacts.read' },
      schema: { tags, summary: 'Notes of a contact', params: ContactParams, response: { 200: Type.Array(NoteSchema) } },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      await getContact(db, accountId, request.params.id);
      return presentNotes(db, accountId, await listNotes(db, accountId, request.params.id));
    },
  );

  app.post(
    '/contacts/:id/notes',
    {
      config: { policy: 'contacts.write', bodyWrapper: 'note' },
      schema: { tags, summary: 'Add a note', params: ContactParams, body: NoteBody, response: { 200: NoteSchema } },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      await getContact(db, accountId, request.params.id);
      const note = await createNote(
        db,
        accountId,
        request.params.id,
        request.auth.user?.id ?? null,
        request.body.content,
      );
      return (await presentNotes(db, accountId, [note]))[0];
    },
  );

  app.get(
    '/contacts/:id/notes/:note_id',
    {
      config: { policy: 'contacts.read' },
      schema: { tags, summary: 'Show a note', params: NoteParams, response: { 200: NoteSchema } },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      const note = await getNote(db, accountId, request.params.id, request.params.note_id);
      return (await presentNotes(db, accountId, [note]))[0];
    },
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/contacts/:id/notes/:note_id',
    config: { policy: 'contacts.write', bodyWrapper: 'note' },
    schema: { tags, summary: 'Update a note', params: NoteParams, body: NoteBody, response: { 200: NoteSchema } },
    handler: async (request) => {
      const accountId = request.auth.account.id;
      const note = await updateNote(db, accountId, request.params.id, request.params.note_id, request.body.content);
      return (await presentNotes(db, accountId, [note]))[0];
    },
  });

  app.delete(
    '/contacts/:id/notes/:note_id',
    {
      config: { policy: 'contacts.write' },
      schema: { tags, summary: 'Delete a note', params: NoteParams, response: { 200: Empty } },
    },
    async (request, reply) => {
      await deleteNote(db, request.auth.account.id, request.params.id, request.params.note_id);
      return sendEmpty(reply);
    },
  );
}
