import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { mayActInInbox } from '../../../../domain/inboxes/access.ts';
import { contactInboxesFor, findContactBySource } from '../../../../domain/contacts/repository.ts';
import { ContactSchema, presentContact } from '../../presenters/contact.ts';
import { sendEmpty } from '../../presenters/schema-helpers.ts';

const FilterBody = Type.Object({
  inbox_id: Type.Integer({ minimum: 1 }),
  source_id: Type.String({ minLength: 1, maxLength: 255 }),
});

export default async function contactInboxRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  app.post(
    '/contact_inboxes/filter',
    {
      config: { policy: 'contacts.read' },
      schema: {
        tags: ['Contacts'],
        summary: 'Find the contact owning a source id in an inbox',
        body: FilterBody,
        response: {
          200: ContactSchema,
          404: Type.Unsafe<undefined>({ type: 'null', description: 'No contact has that source id' }),
        },
      },
    },
    async (request, reply) => {
      const accountId = request.auth.account.id;
      const { inbox_id, source_id } = request.body;
      const contact = mayActInInbox(request.auth.inboxIds, inbox_id)
        ? await findContactBySource(db, accountId, inbox_id, source_id)
        : undefined;
      if (!contact) return sendEmpty(reply, 404);
      const inboxes = await contactInboxesFor(db, accountId, [contact.id]);
      return presentContact(contact, inboxes.get(contact.id) ?? []);
    },
  );
}
